package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func (a *app) calendarCmd() *cobra.Command {
	var from, to string
	var asJSON bool
	c := &cobra.Command{
		Use:   "calendar [--from DATE] [--to DATE] [--json]",
		Short: "list the deadlines the bylaws derive from what is recorded",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			f, err := dateFlag("from", from)
			if err != nil {
				return err
			}
			t, err := dateFlag("to", to)
			if err != nil {
				return err
			}
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			ds, err := a.svc.Calendar(ctx, corpID, f, t)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				writeJSON(a.stdout, ds)
				return nil
			}
			if len(ds) == 0 {
				fmt.Fprintln(a.stdout, "no deadlines")
			}
			for _, d := range ds {
				fmt.Fprintf(a.stdout, "%s  %s — %s [%s]\n", d.Date, d.Title, d.Citation, d.Rule)
				if d.Detail != "" {
					fmt.Fprintf(a.stdout, "            %s\n", d.Detail)
				}
			}
			return nil
		},
	}
	c.Flags().StringVar(&from, "from", "", "first date, YYYY-MM-DD")
	c.Flags().StringVar(&to, "to", "", "last date, YYYY-MM-DD")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}
