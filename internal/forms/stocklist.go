package forms

import (
	"fmt"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
)

// StockholderList builds the list of stockholders of record on a record
// date (Art. II §4, Art. VI §5; DGCL §219): a title with the record date,
// one row per holder in alphabetical order of sort key with address,
// shares of each class and votes, the totals outstanding, and beside it
// the corrections recorded after the record date that altered it, so that
// a list for a past date never changes silently. It names the journal head
// it was computed from.
func StockholderList(co corp.Corporation, l *acts.StockholderList) Doc {
	doc := Doc{
		Title:   "List of Stockholders of Record",
		Subject: "stockholders of record on " + l.RecordDate.String(),
		Author:  co.LegalName,
		Date:    l.RecordDate,
	}
	add := func(bs ...Block) { doc.Blocks = append(doc.Blocks, bs...) }
	add(&Paragraph{Text: co.LegalName, Align: Center, Style: Large},
		&Paragraph{Text: "Record date: " + LongDate(l.RecordDate), Align: Center},
		&Paragraph{Align: Justify, Text: "The stockholders of record at the close of business on the record date, in alphabetical order, " +
			"with the address of each and the number of shares of each class registered in the name of each " +
			"(Art. II §4, Art. VI §5; DGCL §219). Votes are shares × votes per share of the charter in force on the record date; " +
			"treasury shares are not outstanding and are not listed."})
	t := &Table{Columns: []Column{{Title: "Stockholder", Width: 3}, {Title: "Address", Width: 4}}}
	for _, c := range l.Classes {
		t.Columns = append(t.Columns, Column{Title: c.Class.Name, Numeric: true, Width: 1.6})
	}
	t.Columns = append(t.Columns, Column{Title: "Votes", Numeric: true, Width: 1.6})
	for _, h := range l.Holders {
		row := []string{h.Person.Name, acts.FormatAddress(h.Person.Address)}
		for _, s := range h.Shares {
			row = append(row, s.Shares.Grouped())
		}
		t.Rows = append(t.Rows, append(row, h.Votes.Grouped()))
	}
	total := []string{"Total outstanding", fmt.Sprintf("%d holders of record", len(l.Holders))}
	for _, c := range l.Classes {
		total = append(total, c.Outstanding.Grouped())
	}
	t.Totals = [][]string{append(total, l.Votes.Grouped())}
	add(t)
	add(&Heading{Text: "Corrections recorded after the record date"})
	if len(l.Corrections) == 0 {
		add(&Paragraph{Text: "None: no correction effective on or before the record date was recorded after it."})
	} else {
		ct := &Table{Columns: []Column{{Title: "Entry", Width: 0.8}, {Title: "Act", Width: 2}, {Title: "Effective", Width: 1.3},
			{Title: "Recorded (UTC)", Width: 2}, {Title: "By", Width: 1.6}, {Title: "Fields", Width: 4}}}
		for _, c := range l.Corrections {
			ct.Rows = append(ct.Rows, []string{fmt.Sprintf("#%d", c.Seq), c.Kind, c.Effective.String(),
				c.RecordedAt.UTC().Format("2006-01-02 15:04:05"), c.Actor, c.Fields})
		}
		add(ct)
	}
	add(&Paragraph{Style: Small, Text: fmt.Sprintf("Computed from the books as they stood at journal entry #%d, hash %s.", l.Seq, l.Hash)})
	return doc
}
