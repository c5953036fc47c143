package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func (a *app) stocklistCmd() *cobra.Command {
	var recordDate, format, out string
	c := &cobra.Command{
		Use:   "stocklist --record-date DATE [--format json|csv|pdf --out FILE]",
		Short: "the list of holders of record on a record date: address, shares by class and votes",
		Long: "stocklist prints the list of stockholders of record at the end of a record date (Art. II §4,\n" +
			"Art. VI §5; DGCL §219), in alphabetical order of sort key, with each holder's address, shares of\n" +
			"each class and votes (shares × votes per share under the charter facts in force on the date).\n" +
			"Treasury shares are not outstanding and are not listed.\n\n" +
			"A list for a past date never changes silently: corrections effective on or before the record date\n" +
			"but recorded after it are listed beside it (JSON: \"corrections\"; CSV: a note on stderr each), and\n" +
			"the JSON names the journal head it was computed from.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if recordDate == "" {
				return fail(exitBadInput, "--record-date is required (YYYY-MM-DD)")
			}
			d, err := dateFlag("record-date", recordDate)
			if err != nil {
				return err
			}
			if format != "json" && format != "csv" && (format != "pdf" || out == "") {
				return fail(exitBadInput, "--format %q: use json or csv, or pdf with --out FILE", format)
			}
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			l, err := a.svc.StockholderList(ctx, corpID, d)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if format == "pdf" {
				return a.stocklistPDF(ctx, corpID, l, out)
			}
			if format == "json" {
				writeJSON(a.stdout, l)
				return nil
			}
			if err := l.WriteCSV(a.stdout); err != nil {
				return fail(exitInternal, "writing the list: %v", err)
			}
			for _, c := range l.Corrections {
				fmt.Fprintf(a.stderr, "minutebook: note: correction #%d %s effective %s, recorded %s by %s, alters this list after its record date %s: %s\n",
					c.Seq, c.Kind, c.Effective, c.RecordedAt.UTC().Format("2006-01-02T15:04:05Z"), c.Actor, l.RecordDate, c.Fields)
			}
			return nil
		},
	}
	c.Flags().StringVar(&recordDate, "record-date", "", "the record date, YYYY-MM-DD (required)")
	c.Flags().StringVar(&format, "format", "json", "json, csv or pdf")
	c.Flags().StringVar(&out, "out", "", "with --format pdf: the PDF file to write, or - for standard output")
	return c
}
