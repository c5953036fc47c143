package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"minutebook/internal/acts"
	"minutebook/internal/views"
)

func (a *app) holdersCmd() *cobra.Command {
	var asOf string
	var asJSON bool
	c := &cobra.Command{
		Use:   "holders [--as-of DATE] [--json]",
		Short: "the holders of record and their shares by class on a date, with percentages of class and voting power",
		Long: "holders prints the cap table on a date: each holder of record (Art. VI §7) in alphabetical\n" +
			"order of sort key, the shares of each class held at the end of that date, and the share of\n" +
			"the class and of the voting power they represent. Percentages are rounded to two decimals\n" +
			"for display (half away from zero); the JSON carries the exact fractions too. When options,\n" +
			"warrants, convertibles or other instruments are outstanding, a separate fully diluted\n" +
			"section follows: each holder's shares plus the shares their instruments call for as\n" +
			"converted. Instruments carry no votes and never enter the voting power.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			corpID, d, err := a.corporationOn(cmd, "as-of", asOf)
			if err != nil {
				return err
			}
			ct, err := a.svc.Holdings(ctx, corpID, d)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			dl, err := a.svc.FullyDiluted(ctx, corpID, ct)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				writeJSON(a.stdout, views.CapTableOf(ct, dl))
				return nil
			}
			fmt.Fprintf(a.stdout, "Holders of record of %s on %s\n\n", corpID, ct.On)
			fmt.Fprintf(a.stdout, "%-30s %-10s %15s %8s %15s %8s\n", "HOLDER", "CLASS", "SHARES", "% CLASS", "VOTES", "% VOTES")
			for _, h := range ct.Holdings {
				fmt.Fprintf(a.stdout, "%-30s %-10s %15s %8s %15s %8s\n", h.Holder.Name, h.Class, h.Shares.Grouped(), acts.Percent(h.OfClass), h.Votes.Grouped(), acts.Percent(h.OfVotingPower))
			}
			fmt.Fprintln(a.stdout)
			for _, c := range ct.Classes {
				fmt.Fprintf(a.stdout, "%-30s %-10s %15s %8s %15s\n", "outstanding", c.Class.ID, c.Outstanding.Grouped(), "", c.Votes.Grouped())
			}
			a.writeDiluted(dl)
			return nil
		},
	}
	c.Flags().StringVar(&asOf, "as-of", "", "the date, YYYY-MM-DD (default: today in the corporation's time zone)")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func (a *app) certificatesCmd() *cobra.Command {
	var holder string
	var asJSON bool
	c := &cobra.Command{
		Use:   "certificates [--holder ID] [--json]",
		Short: "list certificates and uncertificated positions with status, signers and legends",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			cs, err := a.svc.Certificates(ctx, corpID, holder)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				writeJSON(a.stdout, views.Certificates(cs))
				return nil
			}
			for _, c := range cs {
				kind := "certificate"
				if !c.Certificated {
					kind = "uncertificated"
				}
				fmt.Fprintf(a.stdout, "%s %d  %s %s shares of %s, issued %s, %s\n", kind, c.Number, c.Holder, c.Shares.Grouped(), c.Class, c.Issued, c.Status)
				if c.Paid.Cmp(c.Consideration) != 0 {
					fmt.Fprintf(a.stdout, "    partly paid: consideration %s, paid %s\n", c.Consideration.StringFixed(2), c.Paid.StringFixed(2))
				}
				if len(c.Signers) > 0 {
					var ss []string
					for _, s := range c.Signers {
						ss = append(ss, s.Person+" ("+s.Office+")")
					}
					fmt.Fprintf(a.stdout, "    signed: %s\n", strings.Join(ss, ", "))
				}
				if len(c.Legends) > 0 {
					fmt.Fprintf(a.stdout, "    legends: %s\n", strings.Join(c.Legends, ", "))
				}
			}
			return nil
		},
	}
	c.Flags().StringVar(&holder, "holder", "", "only this holder's certificates")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}
