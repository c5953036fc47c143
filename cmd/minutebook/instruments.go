package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/views"
)

func (a *app) instrumentsCmd() *cobra.Command {
	var asOf string
	var all, asJSON bool
	c := &cobra.Command{
		Use:   "instruments [--as-of DATE] [--all] [--json]",
		Short: "the options, warrants, convertibles, RSUs and SARs outstanding on a date: non-voting instruments",
		Long: "instruments lists the instruments outstanding at the end of a date: options, warrants,\n" +
			"convertibles, restricted stock units and stock appreciation rights, with their holder, the\n" +
			"class they exercise or convert into, what remains of them, their price and expiration, and\n" +
			"the shares they call for as converted. They carry no votes and are not on the stockholder\n" +
			"list. --all lists the exercised, converted, cancelled, expired and lapsed ones too (lapsed:\n" +
			"past the expiration date, not recorded as expired).",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			corpID, d, err := a.corporationOn(cmd, "as-of", asOf)
			if err != nil {
				return err
			}
			ins, err := a.svc.Instruments(ctx, corpID, d)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			var shown []acts.InstrumentOn
			for _, in := range ins {
				if all || in.Status == acts.InstrumentOutstanding {
					shown = append(shown, in)
				}
			}
			if asJSON {
				writeJSON(a.stdout, views.InstrumentsOf(d, shown, true))
				return nil
			}
			fmt.Fprintf(a.stdout, "Instruments of %s on %s (non-voting; not on the stockholder list)\n\n", corpID, d)
			if len(shown) == 0 {
				fmt.Fprintln(a.stdout, "none")
				return nil
			}
			fmt.Fprintf(a.stdout, "%-14s %-12s %-20s %-22s %15s %10s %-11s %15s %s\n", "ID", "TYPE", "HOLDER", "CLASS", "REMAINING", "PRICE", "EXPIRES", "AS CONVERTED", "STATUS")
			for _, in := range shown {
				typ := in.Type
				if in.Subtype != "" {
					typ += " " + in.Subtype
				}
				class := in.Class
				if class == "" {
					class = "(future round)"
				}
				rem := in.Remaining.Grouped()
				if in.Type == acts.InstrumentConvertible {
					rem = "$" + rem
				}
				fmt.Fprintf(a.stdout, "%-14s %-12s %-20s %-22s %15s %10s %-11s %15s %s\n", in.ID, typ, in.Holder, class, rem,
					optMoney(in.Price), optDate(in.Expiration), optShares(in.AsConverted), in.Status)
			}
			return nil
		},
	}
	c.Flags().StringVar(&asOf, "as-of", "", "the date, YYYY-MM-DD (default: today in the corporation's time zone)")
	c.Flags().BoolVar(&all, "all", false, "also list the instruments no longer outstanding")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func optMoney(d *corp.Decimal) string {
	if d == nil {
		return "-"
	}
	return "$" + d.Grouped()
}

func optShares(d *corp.Decimal) string {
	if d == nil {
		return "-"
	}
	return d.Grouped()
}

func optDate(d corp.Date) string {
	if d.IsZero() {
		return "-"
	}
	return d.String()
}

// writeDiluted prints the fully diluted view beside the holdings of
// record: instruments as converted, which carry no votes.
func (a *app) writeDiluted(dl *acts.Diluted) {
	w := a.stdout
	if len(dl.Holdings) == 0 {
		return
	}
	hasInstruments := len(dl.Undetermined) > 0
	for _, c := range dl.Classes {
		hasInstruments = hasInstruments || c.Instruments.Sign() != 0
	}
	if !hasInstruments {
		return
	}
	fmt.Fprintf(w, "\nFully diluted on %s: instruments as converted (no votes; not in the voting power above)\n\n", dl.On)
	fmt.Fprintf(w, "%-30s %-10s %15s %15s %15s %8s\n", "HOLDER", "CLASS", "SHARES", "INSTRUMENTS", "FULLY DILUTED", "% CLASS")
	for _, h := range dl.Holdings {
		name := h.Holder.Name
		if name == "" {
			name = h.Holder.ID
		}
		fmt.Fprintf(w, "%-30s %-10s %15s %15s %15s %8s\n", name, h.Class, h.Shares.Grouped(), h.Instruments.Grouped(), h.FullyDiluted.Grouped(), acts.Percent(h.OfClass))
	}
	fmt.Fprintln(w)
	for _, c := range dl.Classes {
		fmt.Fprintf(w, "%-30s %-10s %15s %15s %15s\n", "fully diluted", c.Class, c.Outstanding.Grouped(), c.Instruments.Grouped(), c.FullyDiluted.Grouped())
	}
	if len(dl.Undetermined) > 0 {
		var ids []string
		for _, in := range dl.Undetermined {
			ids = append(ids, fmt.Sprintf("%s (%s of %s, $%s)", in.ID, in.Type, in.Holder, in.Remaining.Grouped()))
		}
		fmt.Fprintf(w, "not counted (the shares are fixed at conversion): %s\n", strings.Join(ids, ", "))
	}
}
