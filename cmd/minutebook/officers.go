package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"minutebook/internal/corp"
	"minutebook/internal/views"
)

func (a *app) officersCmd() *cobra.Command {
	var on string
	var asJSON bool
	c := &cobra.Command{
		Use:   "officers [--on DATE] [--json]",
		Short: "the officers in office on a date, deputies in their order of succession",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			corpID, d, err := a.corporationOn(cmd, "on", on)
			if err != nil {
				return err
			}
			ts, err := a.svc.OfficersOn(ctx, corpID, d)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				writeJSON(a.stdout, views.Officers(ts))
				return nil
			}
			for _, t := range ts {
				fmt.Fprintf(a.stdout, "%-20s %-12s since %s\n", strings.ReplaceAll(t.Office, "_", " "), t.Person, t.Since)
			}
			return nil
		},
	}
	c.Flags().StringVar(&on, "on", "", "the date, YYYY-MM-DD (default: today)")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	c.AddCommand(a.actingCmd())
	return c
}

func (a *app) actingCmd() *cobra.Command {
	var on string
	var absent []string
	var asJSON bool
	c := &cobra.Command{
		Use:   "acting OFFICE [--on DATE] [--absent PERSON]... [--json]",
		Short: "who performs an office's duties on a date when its holder is absent or unable to act",
		Long: "acting answers who acts for the president, the secretary or the treasurer when the holder\n" +
			"(and any deputies named with --absent) is absent or unable to act: the vice-presidents or\n" +
			"assistants in the order the board designated, otherwise in the order of their election\n" +
			"(Art. V §10, §12, §16).",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			corpID, d, err := a.corporationOn(cmd, "on", on)
			if err != nil {
				return err
			}
			who, rule, err := a.svc.Acting(ctx, corpID, args[0], d, absent)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				writeJSON(a.stdout, views.Acting{Office: args[0], On: d.String(), Acting: who, Rule: rule})
				return nil
			}
			if rule == "" {
				fmt.Fprintf(a.stdout, "%s acts as %s on %s (the holder of the office)\n", who, args[0], d)
			} else {
				fmt.Fprintf(a.stdout, "%s acts as %s on %s [%s]\n", who, args[0], d, rule)
			}
			return nil
		},
	}
	c.Flags().StringVar(&on, "on", "", "the date, YYYY-MM-DD (default: today)")
	c.Flags().StringSliceVar(&absent, "absent", nil, "a person absent or unable to act (repeat, or separate with commas)")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

// dateOrToday parses a date flag, defaulting to today in the corporation's zone.
// corporationOn returns the selected corporation and the date of the flag
// name (value v), today in the corporation's zone when it is not given.
func (a *app) corporationOn(cmd *cobra.Command, name, v string) (string, corp.Date, error) {
	corpID, err := a.corporation(cmd.Context())
	if err != nil {
		return "", corp.Date{}, err
	}
	d, err := a.dateOrToday(cmd, corpID, name, v)
	return corpID, d, err
}

func (a *app) dateOrToday(cmd *cobra.Command, corpID, name, v string) (corp.Date, error) {
	d, err := dateFlag(name, v)
	if err != nil || !d.IsZero() {
		return d, err
	}
	return a.today(cmd.Context(), corpID)
}
