package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"minutebook/internal/acts"
	"minutebook/internal/ocf"
)

// ocfCmds returns "import" with its "ocf" subcommand, and adds "export"
// with its own to root: one registration for the OCF adapter.
func (a *app) ocfCmds(root *cobra.Command) *cobra.Command {
	imp := &cobra.Command{Use: "import", Short: "import books from another format (ocf)", Args: cobra.NoArgs}
	imp.AddCommand(a.importOCFCmd())
	exp := &cobra.Command{Use: "export", Short: "export the books in another format (ocf)", Args: cobra.NoArgs}
	exp.AddCommand(a.exportOCFCmd())
	root.AddCommand(exp)
	return imp
}

func (a *app) importOCFCmd() *cobra.Command {
	var dryRun, asJSON, uncertificated bool
	var signers []string
	var tz string
	c := &cobra.Command{
		Use:   "ocf PATH [--corp ID] [--dry-run] [--json] [--signer PERSON:OFFICE]... [--uncertificated]",
		Short: "import an Open Cap Table Format package (a folder with Manifest.ocf.json, or a .ocf.zip)",
		Long: "import ocf reads an OCF package, validates every file and object against the OCF schemas of\n" +
			"the release its manifest names (1.2.0 or 1.2.1-alpha+main), reports dangling and duplicate ids,\n" +
			"and turns it into corporate acts: corporation.create (or charter.amend), person.add, stock.issue,\n" +
			"stock.transfer and charter.amend for authorized-shares adjustments. The acts are checked against\n" +
			"the bylaws like any others and recorded together, or not at all.\n\n" +
			"Options, warrants, convertibles and plans are kept in the report (--json) as the original OCF\n" +
			"objects, not on the stock ledger; give the package to 'export ocf --instruments' to write them back.\n" +
			"Transaction types with no act kind are refused with a reason, and nothing is recorded.\n\n" +
			"Exit codes: 0 recorded (or checked); 1 refused; 2 the package is not valid; 3 internal error.\n" +
			"The mapping is in docs/ocf.md.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			var sf []acts.SignerField
			for _, s := range signers {
				person, office, ok := strings.Cut(s, ":")
				if !ok || person == "" || office == "" {
					return fail(exitBadInput, "--signer %q: write PERSON:OFFICE, e.g. ada:president", s)
				}
				sf = append(sf, acts.SignerField{Person: person, Office: office})
			}
			pkg, err := ocf.ReadPath(args[0])
			if err != nil {
				var pe *ocf.PackageError
				if errors.As(err, &pe) && asJSON {
					writeJSON(a.stdout, map[string]any{"status": "invalid", "package": pe.Package, "problems": pe.Problems})
				}
				return &exitError{code: exitBadInput, err: err}
			}
			if err := a.open(ctx); err != nil {
				return err
			}
			opts := ocf.Options{Corp: a.corpFlag, DryRun: dryRun, TimeZone: tz, Signers: sf, Uncertificated: uncertificated}
			if bar := a.progressBar("importing acts"); bar != nil {
				opts.Progress = func(done, total int) {
					bar.ChangeMax(total)
					bar.Set(done)
				}
				defer bar.Finish()
			}
			rep, err := ocf.Import(ctx, a.svc, pkg, opts)
			if err != nil {
				var pe *ocf.PackageError
				if errors.As(err, &pe) {
					if asJSON {
						writeJSON(a.stdout, map[string]any{"status": "invalid", "package": pe.Package, "problems": pe.Problems})
					}
					return &exitError{code: exitBadInput, err: err}
				}
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				writeJSON(a.stdout, reportJSON(rep))
			} else {
				writeReport(a, rep)
			}
			if rep.Status == string(acts.Refused) {
				a.exit = exitRefused
			}
			return nil
		},
	}
	c.Flags().BoolVar(&dryRun, "dry-run", false, "perform every check and write nothing")
	c.Flags().BoolVar(&asJSON, "json", false, "print the import report as JSON, with the plans and vesting terms kept")
	c.Flags().StringArrayVar(&signers, "signer", nil, "an officer who signs the certificates, PERSON:OFFICE (person by minutebook or OCF stakeholder id); give two")
	c.Flags().BoolVar(&uncertificated, "uncertificated", false, "record securities whose custom_id is a certificate number as uncertificated positions")
	c.Flags().StringVar(&tz, "time-zone", "", "the time zone of a new corporation (default: from its state of formation, else UTC)")
	return c
}

func reportJSON(rep *ocf.Report) any {
	type out struct {
		*ocf.Report
		Acts []resultJSON `json:"acts"`
	}
	return out{Report: rep, Acts: resultsJSON(rep.Acts)}
}

func writeReport(a *app, rep *ocf.Report) {
	w := a.stdout
	verb := map[string]string{"recorded": "imported", "checked": "checked (dry run, not recorded)", "refused": "refused; nothing was recorded"}[rep.Status]
	fmt.Fprintf(w, "OCF %s package %s (issuer %s) into corporation %s: %s\n", rep.OCFVersion, rep.Package, rep.Issuer, rep.Corporation, verb)
	for _, m := range rep.Stakeholders {
		note := ""
		if m.Reused {
			note = " (already recorded)"
		}
		fmt.Fprintf(w, "  stakeholder %s -> person %s, %s%s\n", m.OCFID, m.ID, m.Name, note)
	}
	for _, m := range rep.Classes {
		fmt.Fprintf(w, "  stock class %s -> class %s, %s\n", m.OCFID, m.ID, m.Name)
	}
	for _, t := range rep.Transactions {
		line := fmt.Sprintf("  %s %s %s: %s", t.Date, t.Type, t.ID, t.Outcome)
		if t.Reason != "" {
			line += " — " + t.Reason
		}
		fmt.Fprintln(w, line)
	}
	for _, m := range rep.Instruments {
		fmt.Fprintf(w, "  instrument %s -> %s (%s)\n", m.OCFID, m.ID, m.Name)
	}
	if n := len(rep.Kept); n > 0 {
		fmt.Fprintf(w, "  %d plans, vesting terms and their events kept in the report, not in the books (--json shows them)\n", n)
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
	for _, r := range rep.Acts {
		if r.Status == acts.Refused {
			fmt.Fprintf(w, "%s %s %s (act %d)\n", r.Status, r.Kind, r.Effective, r.Index)
			writeChecks(w, r.Checks, false)
		}
	}
}

func (a *app) exportOCFCmd() *cobra.Command {
	var out, asOf, instruments string
	c := &cobra.Command{
		Use:   "ocf [--out PATH] [--as-of DATE] [--instruments PACKAGE]",
		Short: "export the corporation as an Open Cap Table Format 1.2.0 package (a folder, or a .zip by extension)",
		Long: "export ocf writes the manifest (issuer from the corporation), the stakeholders (persons), the\n" +
			"stock classes (charter facts on --as-of), the issuances and transfers of the journal, and the\n" +
			"options, warrants, convertibles, RSUs and SARs of the books with their exercises, conversions,\n" +
			"cancellations and expirations. The package is validated against the OCF 1.2.0 schemas before\n" +
			"it is written. --instruments names the package the books were imported from: its stock plans\n" +
			"and vesting terms, which the books do not hold, are written back with the ids the import gave.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			d, err := dateFlag("as-of", asOf)
			if err != nil {
				return err
			}
			if d.IsZero() {
				if d, err = a.today(ctx, corpID); err != nil {
					return err
				}
			}
			clk, err := clock()
			if err != nil {
				return err
			}
			opt := ocf.ExportOptions{AsOf: d, GeneratedAt: clk()}
			if instruments != "" {
				if opt.Instruments, err = ocf.ReadPath(instruments); err != nil {
					return &exitError{code: exitBadInput, err: fmt.Errorf("--instruments: %w", err)}
				}
			}
			ex, err := ocf.ExportCorporation(ctx, a.svc, corpID, opt)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if out == "" {
				out = corpID + ".ocf.zip"
			}
			if err := ex.WriteTo(out); err != nil {
				return fail(exitInternal, "writing %s: %v", out, err)
			}
			fmt.Fprintf(a.stdout, "wrote OCF %s package %s (%d files)\n", ocf.ExportVersion, out, len(ex.Files))
			for _, n := range ex.Notes {
				fmt.Fprintf(a.stdout, "  note: %s\n", n)
			}
			return nil
		},
	}
	c.Flags().StringVar(&out, "out", "", "the package to write: a folder, or a file ending .zip (default <corp>.ocf.zip)")
	c.Flags().StringVar(&asOf, "as-of", "", "the manifest's as_of date and the date of the charter facts, YYYY-MM-DD (default: today)")
	c.Flags().StringVar(&instruments, "instruments", "", "the OCF package the books were imported from, to write its stock plans and vesting terms back")
	return c
}
