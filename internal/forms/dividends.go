package forms

import (
	"fmt"
	"math/big"
	"strings"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
)

// DividendSchedule builds a dividend's payment schedule (Art. VII §1, Art.
// VI §5, §7): the declaration, the record and payment dates, one row per
// registered holder and class on the record date with the shares held,
// the shares entitled (partly paid shares in proportion to the amount
// paid), the exact entitlement and the amount paid after rounding, the
// totals with the remainder rounding leaves, and the rounding rule. It
// names the journal head it was computed from.
func DividendSchedule(co corp.Corporation, s *acts.DividendSchedule) Doc {
	d := s.Dividend
	doc := Doc{
		Title:   "Dividend Payment Schedule",
		Subject: fmt.Sprintf("dividend %s, record date %s, payable %s", d.ID, d.RecordDate, d.Payable),
		Author:  co.LegalName,
		Date:    d.RecordDate,
	}
	add := func(bs ...Block) { doc.Blocks = append(doc.Blocks, bs...) }
	var rates []string
	for _, r := range d.Rates {
		x := fmt.Sprintf("%s per share of %s", r.PerShare, r.Class)
		switch d.Form {
		case "cash":
			x = "$" + x
		case "shares":
			x = fmt.Sprintf("%s shares of %s per share of %s", r.PerShare, r.PayClass, r.Class)
		}
		rates = append(rates, x)
	}
	status := "Declared; not yet paid"
	if !d.Paid.IsZero() {
		status = "Paid on " + LongDate(d.Paid) + ": the schedule as paid"
	}
	form := d.Form
	if d.Form == "property" {
		form = "property: " + d.Property
	}
	add(&Paragraph{Text: co.LegalName, Align: Center, Style: Large},
		&Paragraph{Text: "Dividend " + d.ID, Align: Center, Style: Strong},
		&Fields{Rows: []Field{
			{"Declared", LongDate(d.Declared) + " by the " + d.Body + " (" + d.Resolution + ")"},
			{"Form", form},
			{"Rate", strings.Join(rates, "; ")},
			{"Record date", LongDate(d.RecordDate)},
			{"Payment date", LongDate(d.Payable)},
			{"Status", status},
			{"Amounts in", s.Unit},
		}},
		&Paragraph{Align: Justify, Text: "The holders registered on the books at the close of business on the record date, who alone " +
			"are entitled to the dividend (Art. VI §5, §7), in alphabetical order. Treasury shares are not outstanding and take " +
			"nothing (DGCL §160(c)). Partly paid shares take the dividend on the percentage of their consideration paid on the " +
			"record date (DGCL §156). Rounding: " + acts.RoundingRule + "."})
	t := &Table{Columns: []Column{{Title: "Holder", Width: 3}, {Title: "Class", Width: 1.2}, {Title: "Shares", Numeric: true, Width: 1.6},
		{Title: "Entitled", Numeric: true, Width: 1.6}, {Title: "Exact", Numeric: true, Width: 1.8}, {Title: "Amount", Numeric: true, Width: 1.6},
		{Title: "Remainder", Numeric: true, Width: 1.3}}}
	for _, l := range s.Lines {
		name := l.Holder.Name
		if l.PartlyPaid {
			name += " (partly paid)"
		}
		if l.Certificate != 0 {
			name += fmt.Sprintf(" (cert. %d)", l.Certificate)
		}
		t.Rows = append(t.Rows, []string{name, l.Class, l.Shares.Grouped(), acts.RatString(l.Entitled), acts.RatString(l.Exact),
			s.Money(l.Amount), acts.RatString(l.Remainder())})
	}
	for _, x := range s.Totals {
		t.Totals = append(t.Totals, []string{"Total", x.Class, x.Shares.Grouped(), acts.RatString(x.Entitled), acts.RatString(x.Exact),
			s.Money(x.Amount), acts.RatString(new(big.Rat).Sub(x.Exact, x.Amount.Rat()))})
	}
	add(t)
	add(&Paragraph{Text: fmt.Sprintf("Exact total %s; paid %s; remainder %s, which stays with the corporation.",
		acts.RatString(s.Exact), s.Money(s.Amount), acts.RatString(s.Remainder()))})
	add(&Paragraph{Style: Small, Text: fmt.Sprintf("Computed from the books as they stood at journal entry #%d, hash %s.", s.Seq, s.Hash)})
	return doc
}
