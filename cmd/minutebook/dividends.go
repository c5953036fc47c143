package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"minutebook/internal/acts"
	"minutebook/internal/views"
)

// dividendCmd is "dividend", the commands on one dividend:
// "dividend schedule ID --format json|csv|pdf".
func (a *app) dividendCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "dividend",
		Short: "documents for one declared dividend",
		Args:  cobra.NoArgs,
	}
	var format, out string
	s := &cobra.Command{
		Use:   "schedule ID [--format json|csv|pdf --out FILE]",
		Short: "the payment schedule of a dividend: each holder registered on the record date, exact entitlement and amount",
		Long: "dividend schedule prints the payment schedule of dividend ID (Art. VII §1, Art. VI §5, §7): one line per\n" +
			"holder registered at the close of business on the record date and class, in alphabetical order of sort\n" +
			"key, with the shares held, the shares entitled (partly paid shares in proportion to the consideration\n" +
			"paid on the record date, DGCL §156), the exact entitlement, the amount paid and the remainder. Treasury\n" +
			"shares take nothing (DGCL §160(c)).\n\n" +
			"Rounding: " + acts.RoundingRule + ".\n\n" +
			"Before payment the schedule is computed from the books as they now stand; once paid (dividend.pay) it\n" +
			"is the schedule as paid. Exact quantities are decimals, or num/den where a fraction has no finite\n" +
			"decimal. The CSV has the lines only; the totals and remainder are noted on stderr. See docs/dividends.md.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if format != "json" && format != "csv" && (format != "pdf" || out == "") {
				return fail(exitBadInput, "--format %q: use json or csv, or pdf with --out FILE", format)
			}
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			s, err := a.svc.DividendSchedule(ctx, corpID, args[0])
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			switch format {
			case "pdf":
				doc, err := views.DividendScheduleDoc(ctx, a.svc, corpID, s)
				if err != nil {
					return fail(codeOf(err), "%v", err)
				}
				return a.writePDF(out, doc)
			case "json":
				writeJSON(a.stdout, s)
				return nil
			}
			if err := s.WriteCSV(a.stdout); err != nil {
				return fail(exitInternal, "writing the schedule: %v", err)
			}
			fmt.Fprintf(a.stderr, "minutebook: note: dividend %s: exact total %s, paid %s %s, remainder %s (%s)\n",
				s.Dividend.ID, acts.RatString(s.Exact), s.Money(s.Amount), s.Unit, acts.RatString(s.Remainder()), acts.RoundingRule)
			return nil
		},
	}
	s.Flags().StringVar(&format, "format", "json", "json, csv or pdf")
	s.Flags().StringVar(&out, "out", "", "with --format pdf: the PDF file to write, or - for standard output")
	c.AddCommand(s)
	return c
}

// dividendsCmd lists the declared dividends.
func (a *app) dividendsCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "dividends [--json]",
		Short: "the dividends declared: form, rates, record and payment dates, and whether paid",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			ds, err := a.svc.Dividends(ctx, corpID)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				writeJSON(a.stdout, views.Dividends(ds))
				return nil
			}
			for _, d := range ds {
				var rates []string
				for _, r := range d.Rates {
					rates = append(rates, r.PerShare.String()+"/"+r.Class)
				}
				fmt.Fprintf(a.stdout, "%-12s %-8s %-20s declared %s  record %s  payable %s  %s\n", d.ID, d.Form, strings.Join(rates, ","), d.Declared, d.RecordDate, d.Payable, d.Status())
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

// indemnificationCmd lists the indemnification docket.
func (a *app) indemnificationCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "indemnification [--json]",
		Short: "the indemnification docket: requests, undertakings, authorizations, advances and indemnity (Art. VII §6)",
		Long: "indemnification lists every request on the docket of Art. VII §6 in the order received: the person and\n" +
			"role, the proceeding and who brought it, the undertaking to repay, the board's authorizations, the\n" +
			"advances and indemnity decided (offset by insurance and other sources), and what each clause requires\n" +
			"now. See docs/dividends.md.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			docket, err := a.svc.IndemnificationDocket(ctx, corpID)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				writeJSON(a.stdout, views.IndemnificationDocket(docket))
				return nil
			}
			for _, d := range docket {
				fmt.Fprintf(a.stdout, "%s: %s (%s), %s — %s, brought by %s, requested %s\n", d.ID, d.Person, d.Role, d.Proceeding, d.Nature, d.InitiatedBy, d.Requested)
				if d.Undertaking != "" {
					fmt.Fprintf(a.stdout, "  undertaking to repay received %s\n", d.Undertaking)
				}
				for what, res := range d.Authorized {
					fmt.Fprintf(a.stdout, "  board authorized (%s): %s\n", what, res)
				}
				for _, p := range d.Payments {
					fmt.Fprintf(a.stdout, "  %s %s: %s payable (claimed %s, insurance %s, other %s)\n", p.Kind, p.Effective, p.Payable.StringFixed(2), p.Claimed.StringFixed(2), p.Insurance.StringFixed(2), p.Other.StringFixed(2))
				}
				fmt.Fprintf(a.stdout, "  advancement: %s\n  indemnity: %s\n", d.Advancement, d.Indemnity)
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

// resolutionsCmd lists the typed resolutions, reserves and bonds.
func (a *app) resolutionsCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "resolutions [--json]",
		Short: "the board's typed resolutions: check signers, fiscal year, seal, salaries, directors' compensation, reserves, the treasurer's bond, others",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			rs, err := a.svc.Resolutions(ctx, corpID)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				if rs == nil {
					rs = []acts.Resolution{}
				}
				writeJSON(a.stdout, rs)
				return nil
			}
			for _, r := range rs {
				fmt.Fprintf(a.stdout, "#%-5d %s %-14s by the %s (%s): %s\n", r.Seq, r.Effective, r.Kind, r.Body, r.Resolution, r.Detail)
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}
