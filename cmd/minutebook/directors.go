package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

// directorsCmd is "board directors": the board register on a date (Art.
// III §1): the whole board, the directors in office with the date each
// took office and how (elected, appointed to a vacancy), and those who
// left.
func (a *app) directorsCmd() *cobra.Command {
	var on string
	var asJSON bool
	c := &cobra.Command{
		Use:   "directors [--on DATE] [--json]",
		Short: "the board register on a date: the whole board, the directors in office and since when, and former directors (Art. III §1)",
		Long: "directors prints the board register on a date: the number of directorships fixed under Art. III §1\n" +
			"(the whole board, vacancies included), each director in office with the date he or she took office\n" +
			"and how (elected by the stockholders, e.g. through an inspector's certified result, or appointed to a\n" +
			"vacancy), and each former director with the date and reason the directorship ended.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			corpID, d, err := a.corporationOn(cmd, "on", on)
			if err != nil {
				return err
			}
			reg, err := a.svc.Directors(ctx, corpID, d)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				writeJSON(a.stdout, reg)
				return nil
			}
			fmt.Fprintf(a.stdout, "board register on %s: whole board %d, %d in office, %d vacant\n", reg.On, reg.WholeBoard, len(reg.InOffice), max(reg.WholeBoard-len(reg.InOffice), 0))
			for _, t := range reg.InOffice {
				fmt.Fprintf(a.stdout, "  %-10s %-20s since %s  %-20s #%d\n", t.Person, t.Name, t.Since, t.How, t.Seq)
			}
			for _, t := range reg.Former {
				fmt.Fprintf(a.stdout, "  former: %-10s %-20s %s … %s  %s\n", t.Person, t.Name, t.Since, t.Until, t.EndedHow)
			}
			return nil
		},
	}
	c.Flags().StringVar(&on, "on", "", "the date, YYYY-MM-DD (default: today)")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}
