package forms

import (
	"fmt"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
)

// CapTable builds the cap table on a date as a document: each holder of
// record's shares of each class with the share of the class and of the
// voting power (percentages rounded for people; the exact fractions are in
// the CSV), then each class's authorized and outstanding shares and votes.
func CapTable(co corp.Corporation, ct *acts.CapTable) Doc {
	doc := Doc{Title: "Capitalization Table", Subject: "holders of record on " + ct.On.String(), Author: co.LegalName, Date: ct.On}
	add := func(bs ...Block) { doc.Blocks = append(doc.Blocks, bs...) }
	add(&Paragraph{Text: co.LegalName, Align: Center, Style: Large},
		&Paragraph{Text: "Capitalization table at the end of " + LongDate(ct.On), Align: Center},
		&Paragraph{Align: Justify, Style: Small, Text: "Holders of record (Art. VI §7) and their shares at the end of the day, read from the stock ledger. " +
			"Votes are shares × votes per share of the charter in force on the date; treasury shares are not outstanding. " +
			"Percentages are rounded to two decimals, half away from zero."})
	t := &Table{Columns: []Column{{Title: "Holder", Width: 3}, {Title: "Class", Width: 1.5}, {Title: "Shares", Numeric: true, Width: 1.6},
		{Title: "% of class", Numeric: true, Width: 1.1}, {Title: "Votes", Numeric: true, Width: 1.6}, {Title: "% of votes", Numeric: true, Width: 1.1}}}
	for _, h := range ct.Holdings {
		t.Rows = append(t.Rows, []string{h.Holder.Name, h.Class, h.Shares.Grouped(), acts.Percent(h.OfClass), h.Votes.Grouped(), acts.Percent(h.OfVotingPower)})
	}
	for _, c := range ct.Classes {
		t.Totals = append(t.Totals, []string{"Outstanding", c.Class.ID, c.Outstanding.Grouped(), "", c.Votes.Grouped(), ""})
	}
	t.Totals = append(t.Totals, []string{"All votes", "", "", "", ct.Votes.Grouped(), ""})
	add(&Heading{Text: "Holders of record"}, t)
	ct2 := &Table{Columns: []Column{{Title: "Class", Width: 3}, {Title: "Authorized", Numeric: true, Width: 1.6},
		{Title: "Outstanding", Numeric: true, Width: 1.6}, {Title: "Votes", Numeric: true, Width: 1.6}}}
	for _, c := range ct.Classes {
		ct2.Rows = append(ct2.Rows, []string{c.Class.Name + " (" + c.Class.ID + ")", c.Class.Authorized.Grouped(), c.Outstanding.Grouped(), c.Votes.Grouped()})
	}
	add(&Heading{Text: "Classes"}, ct2)
	add(&Paragraph{Style: Small, Text: fmt.Sprintf("%d holdings of record.", len(ct.Holdings))})
	return doc
}
