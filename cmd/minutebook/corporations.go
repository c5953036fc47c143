package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"minutebook/internal/views"
)

func (a *app) corporationsCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "corporations [--json]",
		Short: "list the corporations in the store",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if err := a.open(ctx); err != nil {
				return err
			}
			out, err := views.Corporations(ctx, a.svc, nil)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				writeJSON(a.stdout, out)
				return nil
			}
			for _, c := range out {
				fmt.Fprintf(a.stdout, "%-12s %s (%s, incorporated %s, %s)\n", c.ID, c.LegalName, c.State, c.IncorporationDate, c.TimeZone)
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func (a *app) personsCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "persons [--json]",
		Short: "list the recorded people and organisations, in alphabetical order",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			ps, err := a.svc.Persons(ctx, corpID)
			if err != nil {
				return fail(exitInternal, "%v", err)
			}
			if asJSON {
				writeJSON(a.stdout, views.Persons(ps))
				return nil
			}
			for _, p := range ps {
				fmt.Fprintf(a.stdout, "%-10s %-28s %-18s %s\n", p.ID, p.Name, p.Kind, strings.Join(append(p.Address.Lines, p.Address.City), ", "))
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}
