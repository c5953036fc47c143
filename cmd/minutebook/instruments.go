package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
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
				writeJSON(a.stdout, instrumentsJSON(d, shown))
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

func optString(d *corp.Decimal) string {
	if d == nil {
		return ""
	}
	return d.String()
}

func instrumentsJSON(d corp.Date, ins []acts.InstrumentOn) any {
	type changeJSON struct {
		Effective   string `json:"effective"`
		Seq         uint64 `json:"seq"`
		Event       string `json:"event"`
		Taken       string `json:"taken"`
		Class       string `json:"class,omitempty"`
		Shares      string `json:"shares,omitempty"`
		Certificate int64  `json:"certificate,omitempty"`
		Reason      string `json:"reason,omitempty"`
	}
	type instrumentJSON struct {
		ID            string       `json:"id"`
		Type          string       `json:"type"`
		Subtype       string       `json:"subtype,omitempty"`
		Label         string       `json:"label"`
		Holder        string       `json:"holder"`
		Class         string       `json:"class"`
		Quantity      string       `json:"quantity,omitempty"`
		Principal     string       `json:"principal,omitempty"`
		Price         string       `json:"price,omitempty"`
		PurchasePrice string       `json:"purchase_price,omitempty"`
		Granted       string       `json:"granted"`
		Expiration    string       `json:"expiration,omitempty"`
		Vesting       string       `json:"vesting,omitempty"`
		Plan          string       `json:"plan,omitempty"`
		Resolution    string       `json:"resolution"`
		Remaining     string       `json:"remaining"`
		AsConverted   string       `json:"as_converted,omitempty"`
		Status        string       `json:"status"`
		Changes       []changeJSON `json:"changes"`
	}
	out := struct {
		On          string           `json:"on"`
		Instruments []instrumentJSON `json:"instruments"`
	}{On: d.String(), Instruments: []instrumentJSON{}}
	for _, in := range ins {
		j := instrumentJSON{ID: in.ID, Type: in.Type, Subtype: in.Subtype, Label: in.Label, Holder: in.Holder, Class: in.Class,
			Quantity: optString(in.Quantity), Principal: optString(in.Principal), Price: optString(in.Price), PurchasePrice: optString(in.PurchasePrice),
			Granted: in.Granted.String(), Vesting: in.Vesting, Plan: in.Plan, Resolution: in.Resolution, Remaining: in.Remaining.String(),
			AsConverted: optString(in.AsConverted), Status: in.Status, Changes: []changeJSON{}}
		if !in.Expiration.IsZero() {
			j.Expiration = in.Expiration.String()
		}
		for _, c := range in.Changes {
			cj := changeJSON{Effective: c.Effective.String(), Seq: c.Seq, Event: c.Event, Taken: c.Taken.String(), Class: c.Class, Certificate: c.Certificate, Reason: c.Reason}
			if c.Shares.Sign() != 0 {
				cj.Shares = c.Shares.String()
			}
			j.Changes = append(j.Changes, cj)
		}
		out.Instruments = append(out.Instruments, j)
	}
	return out
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

func dilutedJSON(dl *acts.Diluted) any {
	type holdingJSON struct {
		Holder         string `json:"holder"`
		Class          string `json:"class"`
		Shares         string `json:"shares"`
		Instruments    string `json:"instruments"`
		FullyDiluted   string `json:"fully_diluted"`
		OfClass        string `json:"of_class"`
		OfClassPercent string `json:"of_class_percent"`
	}
	type classJSON struct {
		Class        string `json:"class"`
		Outstanding  string `json:"outstanding"`
		Instruments  string `json:"instruments"`
		FullyDiluted string `json:"fully_diluted"`
	}
	out := struct {
		Holdings     []holdingJSON `json:"holdings"`
		Classes      []classJSON   `json:"classes"`
		Undetermined []string      `json:"undetermined"`
	}{Holdings: []holdingJSON{}, Classes: []classJSON{}, Undetermined: []string{}}
	for _, h := range dl.Holdings {
		out.Holdings = append(out.Holdings, holdingJSON{h.Holder.ID, h.Class, h.Shares.String(), h.Instruments.String(), h.FullyDiluted.String(), h.OfClass.RatString(), acts.Percent(h.OfClass)})
	}
	for _, c := range dl.Classes {
		out.Classes = append(out.Classes, classJSON{c.Class, c.Outstanding.String(), c.Instruments.String(), c.FullyDiluted.String()})
	}
	for _, in := range dl.Undetermined {
		out.Undetermined = append(out.Undetermined, in.ID)
	}
	return out
}
