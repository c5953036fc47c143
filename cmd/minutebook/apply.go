package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"minutebook/internal/acts"
	"minutebook/internal/journal"
	"minutebook/internal/strict"
)

func (a *app) applyCmd() *cobra.Command {
	var dryRun, atomic, asJSON, verbose bool
	c := &cobra.Command{
		Use:   "apply [--dry-run] [--atomic] [--json] FILE...",
		Short: "check and record the acts in YAML or JSON act files ('-' reads standard input)",
		Long: "apply decodes every act in the files, checks each against the bylaws in force on its\n" +
			"effective date, and records it with its effects and its journal entry in one transaction.\n\n" +
			"Nothing is applied when any act is invalid. Without --atomic each act is its own durable\n" +
			"transaction and the first refusal stops the rest; with --atomic all acts commit together or\n" +
			"none does. --dry-run performs every check and writes nothing.\n\n" +
			"Exit codes: 0 all recorded (or checked); 1 an act was refused by a rule; 2 bad input;\n" +
			"3 storage or internal error. The act file format is in docs/acts.md.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			list, err := a.decodeFiles(files)
			if err != nil {
				var se strict.Errors
				if errors.As(err, &se) {
					if asJSON {
						writeJSON(a.stdout, []invalidResult{{Status: "invalid", Errors: se}})
					}
					return &exitError{code: exitBadInput, err: err}
				}
				return err
			}
			results, err := a.apply(cmd, list, acts.Options{DryRun: dryRun, Atomic: atomic})
			if asJSON {
				writeJSON(a.stdout, resultsJSON(results))
			} else {
				writeResults(a.stdout, results, verbose)
			}
			if err != nil {
				return err
			}
			for _, r := range results {
				if r.Status == acts.Refused {
					a.exit = exitRefused
				}
			}
			return nil
		},
	}
	c.Flags().BoolVar(&dryRun, "dry-run", false, "perform every check and write nothing")
	c.Flags().BoolVar(&atomic, "atomic", false, "record all the acts in one transaction, or none")
	c.Flags().BoolVar(&asJSON, "json", false, "print one JSON result per act")
	c.Flags().BoolVarP(&verbose, "verbose", "v", false, "also print the checks that held")
	return c
}

func (a *app) decodeFiles(files []string) ([]*acts.Act, error) {
	var all []*acts.Act
	var errs strict.Errors
	for _, f := range files {
		var data []byte
		var err error
		name := f
		if f == "-" {
			name = "<stdin>"
			data, err = io.ReadAll(a.stdin)
		} else {
			data, err = os.ReadFile(f)
		}
		if err != nil {
			return nil, fail(exitBadInput, "%s: %v", name, err)
		}
		list, err := acts.DecodeFile(name, data)
		if err != nil {
			var se strict.Errors
			if errors.As(err, &se) {
				errs = append(errs, se...)
				continue
			}
			return nil, err
		}
		all = append(all, list...)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return all, nil
}

// apply resolves each act's corporation and applies consecutive runs of
// acts of one corporation through the act path.
func (a *app) apply(cmd *cobra.Command, list []*acts.Act, opt acts.Options) ([]acts.Result, error) {
	ctx := cmd.Context()
	if err := a.open(ctx); err != nil {
		return nil, err
	}
	corpOf := make([]string, len(list))
	prev := a.corpFlag
	for i, act := range list {
		switch {
		case act.Kind == acts.CreateCorporation:
			corpOf[i] = act.Fields.(*acts.CreateCorporationFields).ID
		case act.Corp != "":
			corpOf[i] = act.Corp
		case prev != "":
			corpOf[i] = prev
		default:
			c, err := a.corporation(ctx)
			if err != nil {
				return nil, err
			}
			corpOf[i] = c
		}
		prev = corpOf[i]
	}
	if opt.Atomic {
		for _, c := range corpOf {
			if c != corpOf[0] {
				return nil, fail(exitBadInput, "--atomic needs every act to concern one corporation; these concern %s and %s", corpOf[0], c)
			}
		}
	}
	var results []acts.Result
	for i := 0; i < len(list); {
		j := i
		for j < len(list) && corpOf[j] == corpOf[i] {
			j++
		}
		rs, err := a.svc.Apply(ctx, corpOf[i], list[i:j], opt)
		results = append(results, rs...)
		if err != nil {
			return results, fail(codeOf(err), "%v", err)
		}
		stopped := false
		for _, r := range rs {
			stopped = stopped || r.Status == acts.Refused
		}
		i = j
		if stopped && !opt.DryRun {
			for _, act := range list[i:] {
				results = append(results, acts.Result{Source: act.Source, Index: act.Index, Kind: act.Kind.Name, Effective: act.Effective.String(), Status: acts.Skipped})
			}
			break
		}
	}
	return results, nil
}

type checkJSON struct {
	Rule     string           `json:"rule"`
	Citation string           `json:"citation"`
	Outcome  string           `json:"outcome"`
	Message  string           `json:"message"`
	Numbers  []journal.Number `json:"numbers,omitempty"`
}

type resultJSON struct {
	Source        string      `json:"source,omitempty"`
	Index         int         `json:"index"`
	Kind          string      `json:"kind"`
	Corporation   string      `json:"corporation,omitempty"`
	Effective     string      `json:"effective"`
	Status        acts.Status `json:"status"`
	Seq           uint64      `json:"seq,omitempty"`
	Hash          string      `json:"hash,omitempty"`
	BylawsVersion string      `json:"bylaws_version,omitempty"`
	Checks        []checkJSON `json:"checks"`
}

type invalidResult struct {
	Status string        `json:"status"`
	Errors strict.Errors `json:"errors"`
}

func checksJSON(cs []journal.Check) []checkJSON {
	out := make([]checkJSON, 0, len(cs))
	for _, c := range cs {
		out = append(out, checkJSON{Rule: c.Rule, Citation: c.Citation, Outcome: c.Outcome.String(), Message: c.Message, Numbers: c.Numbers})
	}
	return out
}

func resultsJSON(rs []acts.Result) []resultJSON {
	out := make([]resultJSON, 0, len(rs))
	for _, r := range rs {
		out = append(out, resultJSON{Source: r.Source, Index: r.Index, Kind: r.Kind, Corporation: r.Corporation,
			Effective: r.Effective, Status: r.Status, Seq: r.Seq, Hash: r.Hash, BylawsVersion: r.BylawsVersion, Checks: checksJSON(r.Checks)})
	}
	return out
}

func writeJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func writeResults(w io.Writer, rs []acts.Result, verbose bool) {
	for _, r := range rs {
		where := fmt.Sprintf("%s[%d]", r.Source, r.Index)
		switch r.Status {
		case acts.Recorded:
			fmt.Fprintf(w, "recorded #%d %s %s (%s)\n", r.Seq, r.Kind, r.Effective, where)
		case acts.Checked:
			fmt.Fprintf(w, "checked (dry run, not recorded) %s %s (%s)\n", r.Kind, r.Effective, where)
		default:
			fmt.Fprintf(w, "%s %s %s (%s)\n", r.Status, r.Kind, r.Effective, where)
		}
		writeChecks(w, r.Checks, verbose)
	}
}

func writeChecks(w io.Writer, cs []journal.Check, verbose bool) {
	for _, c := range cs {
		label := ""
		switch c.Outcome {
		case journal.Failed:
			label = "refused"
		case journal.Warned:
			label = "warning"
		default:
			if !verbose {
				continue
			}
			label = "held"
		}
		fmt.Fprintf(w, "  %s: %s — %s [%s]\n", label, c.Citation, c.Message, c.Rule)
		if len(c.Numbers) > 0 && (verbose || c.Outcome != journal.Held) {
			fmt.Fprint(w, "    ")
			for i, n := range c.Numbers {
				if i > 0 {
					fmt.Fprint(w, ", ")
				}
				fmt.Fprintf(w, "%s = %s", n.Name, n.Value)
			}
			fmt.Fprintln(w)
		}
	}
}
