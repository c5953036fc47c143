package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"minutebook/internal/forms"
	"minutebook/internal/views"
)

// boardCmd is "board": the meetings of the board and its committees, the
// committees, and the Court-ordered election trigger (Art. III).
func (a *app) boardCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "board",
		Short: "the board register, the board's meetings and committees, and the Court-ordered election trigger (Art. III)",
		Args:  cobra.NoArgs,
	}
	c.AddCommand(a.meetingsCmd(), a.committeesCmd(), a.courtCmd(), a.directorsCmd())
	return c
}

func (a *app) meetingsCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "meetings [--json]",
		Short: "the meetings of the board and its committees, as called and held",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			ms, err := a.svc.Meetings(ctx, corpID)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				writeJSON(a.stdout, ms)
				return nil
			}
			if len(ms) == 0 {
				fmt.Fprintln(a.stdout, "no meetings")
			}
			for _, m := range ms {
				state := "called"
				if m.Held {
					state = fmt.Sprintf("held: %d present of %d, quorum %d", m.Present, m.Members, m.Quorum)
					if !m.HasQuorum {
						state += " (no quorum)"
					}
				}
				fmt.Fprintf(a.stdout, "%-16s %s %s  %-9s %-8s %s\n", m.ID, m.Date, m.Time, m.Kind, m.Body, state)
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func (a *app) committeesCmd() *cobra.Command {
	var on string
	var asJSON bool
	c := &cobra.Command{
		Use:   "committees [--on DATE] [--json]",
		Short: "the committees of the board on a date: members, alternates, powers and quorum (Art. III §11)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			corpID, d, err := a.corporationOn(cmd, "on", on)
			if err != nil {
				return err
			}
			cs, err := a.svc.Committees(ctx, corpID, d)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				writeJSON(a.stdout, cs)
				return nil
			}
			if len(cs) == 0 {
				fmt.Fprintf(a.stdout, "no committees on %s\n", d)
			}
			for _, c := range cs {
				fmt.Fprintf(a.stdout, "%s (%s) since %s: members %s; alternates %s; powers %s; quorum %d\n", c.ID, c.Name, c.Designated,
					strings.Join(c.Members, ", "), orNone(c.Alternates), strings.Join(c.Powers, ", "), c.Quorum)
			}
			return nil
		},
	}
	c.Flags().StringVar(&on, "on", "", "the date, YYYY-MM-DD (default: today)")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}

func (a *app) courtCmd() *cobra.Command {
	var on string
	var asJSON bool
	c := &cobra.Command{
		Use:   "court [--on DATE] [--json]",
		Short: "who may apply to the Court of Chancery for an election after vacancies were filled by a minority of the whole board (Art. III §2)",
		Long: "court lists the fillings of vacancies made when the directors then in office were less than a majority\n" +
			"of the whole board, and the holders of record of at least 10% of the outstanding shares entitled to vote\n" +
			"for directors on the date, who may apply to the Court of Chancery for a summary election (Art. III §2;\n" +
			"DGCL §223(c)). Holders below the threshold may apply together. The Court decides; minutebook only flags.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			corpID, d, err := a.corporationOn(cmd, "on", on)
			if err != nil {
				return err
			}
			ce, err := a.svc.CourtElection(ctx, corpID, d)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				writeJSON(a.stdout, views.CourtOf(d, ce))
				return nil
			}
			if len(ce.Triggers) == 0 {
				fmt.Fprintf(a.stdout, "no vacancy was filled by directors who were less than a majority of the whole board, up to %s\n", d)
				return nil
			}
			for _, t := range ce.Triggers {
				fmt.Fprintf(a.stdout, "%s: %s appointed when %d of %d directorships were filled (less than a majority) — %s [%s]\n", t.Effective, t.Director, t.InOffice, t.WholeBoard, ce.Citation, ce.Rule)
			}
			fmt.Fprintf(a.stdout, "holders of at least %s of the %s outstanding voting shares may apply to the Court of Chancery:\n", ce.Threshold.Grouped(), ce.Outstanding.Grouped())
			for _, h := range ce.Eligible {
				fmt.Fprintf(a.stdout, "  %-24s %12s\n", h.Holder.Name, h.Shares.Grouped())
			}
			if len(ce.Others) > 0 {
				fmt.Fprintf(a.stdout, "below the threshold (may apply together): %d holders\n", len(ce.Others))
			}
			return nil
		},
	}
	c.Flags().StringVar(&on, "on", "", "the date, YYYY-MM-DD (default: today)")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

// minutesCmd is "minutes ID": the secretary's minutes of a meeting or of a
// unanimous written consent, generated from the books.
func (a *app) minutesCmd() *cobra.Command {
	var format, out string
	var asJSON bool
	c := &cobra.Command{
		Use:   "minutes MEETING-ID [--format text|json|pdf] [--out FILE] [--json]",
		Short: "the secretary's minutes of a meeting of the stockholders, the board or a committee, or of a unanimous written consent",
		Long: "minutes generates the minutes of a meeting of the board or a committee (or of a unanimous written\n" +
			"consent, filed with the minutes) from the recorded acts: the call, the notices and waivers, who was\n" +
			"present and how, the quorum, who presided, and each act adopted at the meeting with its vote and\n" +
			"every check made of it, with its citation (Art. III §9, §12; Art. V §11). --format pdf writes a PDF\n" +
			"to --out (- for standard output); the same minutes always render to the same bytes.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			m, err := a.svc.Minutes(ctx, corpID, args[0])
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			doc := forms.Minutes(m)
			if asJSON {
				format = "json"
			}
			switch format {
			case "text", "":
				fmt.Fprint(a.stdout, doc.Text())
			case "json":
				writeJSON(a.stdout, views.MinutesOf(m))
			case "pdf":
				return a.writePDF(out, doc)
			default:
				return fail(exitBadInput, "--format %q: use text, json or pdf", format)
			}
			return nil
		},
	}
	c.Flags().StringVar(&format, "format", "text", "text, json or pdf")
	c.Flags().StringVar(&out, "out", "", "with --format pdf: the file to write, or - for standard output")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON (the same as --format json)")
	return c
}
