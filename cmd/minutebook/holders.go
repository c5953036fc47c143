package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"minutebook/internal/acts"
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
				writeJSON(a.stdout, capTableJSON(ct, dl))
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

func capTableJSON(ct *acts.CapTable, dl *acts.Diluted) any {
	type holdingJSON struct {
		Holder           string `json:"holder"`
		Name             string `json:"name"`
		SortKey          string `json:"sort_key"`
		Class            string `json:"class"`
		Shares           string `json:"shares"`
		Votes            string `json:"votes"`
		OfClass          string `json:"of_class"`
		OfClassPercent   string `json:"of_class_percent"`
		OfVotingPower    string `json:"of_voting_power"`
		OfVotingPowerPct string `json:"of_voting_power_percent"`
	}
	type classJSON struct {
		Class       string `json:"class"`
		Name        string `json:"name"`
		Authorized  string `json:"authorized"`
		Outstanding string `json:"outstanding"`
		Votes       string `json:"votes"`
	}
	out := struct {
		On       string        `json:"on"`
		Holdings []holdingJSON `json:"holdings"`
		Classes  []classJSON   `json:"classes"`
		Votes    string        `json:"votes"`
		// FullyDiluted is apart from the holdings of record: instruments
		// as converted carry no votes.
		FullyDiluted any `json:"fully_diluted"`
	}{On: ct.On.String(), Holdings: []holdingJSON{}, Votes: ct.Votes.String(), FullyDiluted: dilutedJSON(dl)}
	for _, h := range ct.Holdings {
		out.Holdings = append(out.Holdings, holdingJSON{h.Holder.ID, h.Holder.Name, h.Holder.SortKey, h.Class, h.Shares.String(), h.Votes.String(),
			h.OfClass.RatString(), acts.Percent(h.OfClass), h.OfVotingPower.RatString(), acts.Percent(h.OfVotingPower)})
	}
	for _, c := range ct.Classes {
		out.Classes = append(out.Classes, classJSON{c.Class.ID, c.Class.Name, c.Class.Authorized.String(), c.Outstanding.String(), c.Votes.String()})
	}
	return out
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
				type signerJSON struct {
					Person    string `json:"person"`
					Office    string `json:"office"`
					Facsimile bool   `json:"facsimile,omitempty"`
				}
				type certJSON struct {
					Number        int64        `json:"number"`
					Class         string       `json:"class"`
					Holder        string       `json:"holder"`
					Shares        string       `json:"shares"`
					Issued        string       `json:"issued"`
					Status        string       `json:"status"`
					Certificated  bool         `json:"certificated"`
					Consideration string       `json:"consideration"`
					Paid          string       `json:"paid"`
					Signers       []signerJSON `json:"signers"`
					Legends       []string     `json:"legends"`
				}
				out := []certJSON{}
				for _, c := range cs {
					j := certJSON{c.Number, c.Class, c.Holder, c.Shares.String(), c.Issued.String(), c.Status, c.Certificated,
						c.Consideration.String(), c.Paid.String(), []signerJSON{}, c.Legends}
					for _, s := range c.Signers {
						j.Signers = append(j.Signers, signerJSON{s.Person, s.Office, s.Facsimile})
					}
					out = append(out, j)
				}
				writeJSON(a.stdout, out)
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
