package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"minutebook/internal/bylaws"
	"minutebook/internal/corp"
)

func (a *app) bylawsCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "bylaws",
		Short: "show the bylaws rules in force and explain a rule",
	}
	c.AddCommand(a.bylawsShowCmd(), a.bylawsExplainCmd(), a.bylawsCertifyCmd())
	return c
}

// hasStore reports whether --db names an existing store, so that queries
// never create an empty database as a side effect.
func (a *app) hasStore() bool {
	if strings.Contains(a.dbFlag, "://") {
		return true
	}
	_, err := os.Stat(a.dbFlag)
	return err == nil
}

// rulebook returns the bylaws in force on d for the selected corporation,
// or the embedded default when there is no store yet.
func (a *app) rulebook(ctx context.Context, on string) (*bylaws.Rulebook, string, corp.Date, error) {
	d, err := dateFlag("on", on)
	if err != nil {
		return nil, "", d, err
	}
	if !a.hasStore() && a.corpFlag == "" {
		if d.IsZero() {
			d, _ = a.today(ctx, "")
		}
		return bylaws.Quintus(), "the embedded default (no store at " + a.dbFlag + ")", d, nil
	}
	corpID, err := a.corporation(ctx)
	if err != nil {
		return nil, "", d, err
	}
	if d.IsZero() {
		if d, err = a.today(ctx, corpID); err != nil {
			return nil, "", d, err
		}
	}
	v, err := a.svc.BylawsOn(ctx, corpID, d)
	if err != nil {
		return nil, "", d, fail(codeOf(err), "%v", err)
	}
	return v.Version.Rulebook, fmt.Sprintf("%s, version %d of %d (effective %s, %s)", corpID, v.Version.Number, v.Versions, v.Version.Effective, v.Label), d, nil
}

func (a *app) bylawsShowCmd() *cobra.Command {
	var on string
	var asJSON bool
	c := &cobra.Command{
		Use:   "show [--on DATE] [--json]",
		Short: "print every rule of the bylaws in force on a date, with its citation and parameters",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			rb, from, d, err := a.rulebook(cmd.Context(), on)
			if err != nil {
				return err
			}
			if asJSON {
				writeJSON(a.stdout, map[string]any{"on": d.String(), "source": from, "bylaws": rb})
				return nil
			}
			fmt.Fprintf(a.stdout, "Bylaws in force on %s: %s\n\n", d, from)
			return bylaws.WriteShow(a.stdout, rb, d)
		},
	}
	c.Flags().StringVar(&on, "on", "", "the date, YYYY-MM-DD (default: today in the corporation's time zone)")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func (a *app) bylawsExplainCmd() *cobra.Command {
	var on string
	var asJSON bool
	c := &cobra.Command{
		Use:   "explain RULE-ID [--on DATE] [--json]",
		Short: "print a rule's parameters, its citation and the bylaws text it comes from",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			rb, _, _, err := a.rulebook(cmd.Context(), on)
			if err != nil {
				return err
			}
			ex, err := rb.Explain(args[0])
			if err != nil {
				return fail(exitBadInput, "%v", err)
			}
			if asJSON {
				writeJSON(a.stdout, ex)
				return nil
			}
			return bylaws.WriteExplain(a.stdout, ex)
		},
	}
	c.Flags().StringVar(&on, "on", "", "the date whose bylaws version to use (default: today)")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}
