package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"minutebook/internal/corp"
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
			ids, err := a.store.Corporations(ctx)
			if err != nil {
				return fail(exitInternal, "%v", err)
			}
			type corpJSON struct {
				ID                string `json:"id"`
				LegalName         string `json:"legal_name"`
				State             string `json:"state"`
				TimeZone          string `json:"time_zone"`
				IncorporationDate string `json:"incorporation_date"`
			}
			out := []corpJSON{}
			for _, id := range ids {
				co, _, err := a.svc.CorporationOn(ctx, id, corp.MustDate(9999, 12, 31))
				if err != nil {
					return fail(codeOf(err), "%v", err)
				}
				out = append(out, corpJSON{id, co.LegalName, co.State, co.TimeZone, co.IncorporationDate.String()})
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
				type addressJSON struct {
					Lines      []string `json:"lines,omitempty"`
					City       string   `json:"city,omitempty"`
					Region     string   `json:"region,omitempty"`
					PostalCode string   `json:"postal_code,omitempty"`
					Country    string   `json:"country,omitempty"`
				}
				type personJSON struct {
					ID      string      `json:"id"`
					Name    string      `json:"name"`
					SortKey string      `json:"sort_key"`
					Kind    string      `json:"kind"`
					Address addressJSON `json:"address"`
					Email   string      `json:"email,omitempty"`
				}
				out := []personJSON{}
				for _, p := range ps {
					ad := p.Address
					out = append(out, personJSON{p.ID, p.Name, p.SortKey, string(p.Kind), addressJSON{ad.Lines, ad.City, ad.Region, ad.PostalCode, ad.Country}, p.Email})
				}
				writeJSON(a.stdout, out)
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
