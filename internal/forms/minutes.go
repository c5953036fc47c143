package forms

import (
	"fmt"
	"strings"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/journal"
)

// Minutes builds the secretary's minutes of a meeting of the board or a
// committee, or of a unanimous written consent filed with the minutes
// (Art. III §9, §12; Art. V §11), from what the books record: how the
// meeting was called and noticed, the waivers, who was present and how,
// the quorum, who presided, each act adopted with its vote and every check
// made of it with its citation, and the adjournment. It is generated, so
// it says nothing the journal does not.
func Minutes(m *acts.Minutes) Doc {
	name := func(id string) string {
		if n, ok := m.Names[id]; ok {
			return n
		}
		return id
	}
	names := func(ids []string) string {
		var s []string
		for _, id := range ids {
			s = append(s, name(id))
		}
		if len(s) == 0 {
			return "none"
		}
		return strings.Join(s, ", ")
	}
	body := func(b string) string {
		if b == "board" {
			return "the Board of Directors"
		}
		return "the committee " + b + " of the Board of Directors"
	}
	var doc Doc
	add := func(bs ...Block) { doc.Blocks = append(doc.Blocks, bs...) }
	doc.Author = m.Corporation.LegalName
	if m.Stockholders != nil {
		stockholderMinutes(m, add, name, &doc)
		return doc
	}
	if c := m.Consent; c != nil {
		doc.Title = "Unanimous Written Consent of " + titleBody(c.Body)
		doc.Subject = "consent " + c.ID + " filed with the minutes"
		doc.Date = c.Effective
		add(&Paragraph{Text: m.Corporation.LegalName, Align: Center, Style: Large},
			&Paragraph{Text: doc.Title, Align: Center, Style: Strong},
			&Paragraph{Align: Justify, Text: fmt.Sprintf("The undersigned, being all the members of %s in office (%s), consent in writing, without a meeting, "+
				"to the following resolutions, effective %s; this consent is filed with the minutes of the proceedings (Art. III §9; DGCL §141(f)).",
				body(c.Body), names(c.Members), LongDate(c.Effective))})
		for _, r := range c.Resolutions {
			add(&Paragraph{Text: r, Align: Justify})
		}
		if c.Entry != nil {
			add(checksTable(c.Entry.Checks))
		}
	} else {
		mt := m.Meeting
		doc.Title = fmt.Sprintf("Minutes of %s Meeting of %s", strings.Replace(article(mt.Kind), "A", "a", 1), titleBody(mt.Body))
		doc.Subject = "meeting " + mt.ID
		doc.Date = mt.Date
		add(&Paragraph{Text: m.Corporation.LegalName, Align: Center, Style: Large},
			&Paragraph{Text: doc.Title, Align: Center, Style: Strong},
			&Paragraph{Align: Justify, Text: fmt.Sprintf("%s meeting of %s of %s was held on %s at %s at %s.",
				article(mt.Kind), body(mt.Body), m.Corporation.LegalName, LongDate(mt.Date), mt.Time, mt.Place)})
		f := &Fields{}
		row := func(k, v string) { f.Rows = append(f.Rows, Field{k, v}) }
		row("Meeting", mt.ID)
		if mt.AdjournedFrom != "" {
			row("Adjourned from", mt.AdjournedFrom+", with notice only by announcement (Art. III §8)")
		} else {
			row("Called by", fmt.Sprintf("%s on %s", mt.CalledBy, mt.Called))
		}
		if len(mt.RequestedBy) > 0 {
			row("On the written request of", names(mt.RequestedBy))
		}
		for _, p := range mt.Purposes {
			row("Purpose", p.Text)
		}
		for _, n := range m.Notices {
			when := n.Given
			if n.Time != "" {
				when += " " + n.Time
			}
			row("Notice", fmt.Sprintf("to %s %s, given %s (%d days before)", name(n.Director), methodWords(n.Method), when, n.Days))
		}
		for _, w := range m.Waivers {
			row("Waiver of notice", fmt.Sprintf("%s, %s, signed %s (Art. IV §2)", name(w.Director), w.Form, w.Signed))
		}
		var present []string
		for _, a := range m.Attendance {
			s := name(a.Person)
			var notes []string
			if a.Mode != "in_person" {
				notes = append(notes, "by "+strings.ReplaceAll(a.Mode, "_", " ")+" (Art. III §10)")
			}
			if a.Role == "alternate" || a.Role == "substitute" {
				notes = append(notes, a.Role+" for "+name(a.Replaces))
			}
			if a.Objected {
				notes = append(notes, "attending only to object that the meeting was not lawfully called")
			}
			if len(notes) > 0 {
				s += " (" + strings.Join(notes, "; ") + ")"
			}
			present = append(present, s)
		}
		row("Present", strings.Join(present, ", "))
		row("Absent", names(m.Absent))
		q := "present"
		if !mt.HasQuorum {
			q = "not present"
		}
		row("Quorum", fmt.Sprintf("%d present of %d; %d needed: a quorum was %s", mt.Present, mt.Members, mt.Quorum, q))
		if mt.Chair != "" {
			row("Presiding", name(mt.Chair))
		}
		if m.Held != nil && m.Held.Actor.Person != "" {
			row("Secretary of the meeting", name(m.Held.Actor.Person))
		}
		add(f)
		if m.Held != nil {
			add(&Heading{Text: "The meeting"}, checksTable(m.Held.Checks))
		}
	}
	add(&Heading{Text: "Proceedings"})
	if len(m.Items) == 0 {
		add(&Paragraph{Text: "No resolution is recorded as adopted."})
	}
	for i, it := range m.Items {
		e := it.Entry
		add(&Paragraph{Style: Strong, Text: fmt.Sprintf("%d. %s (%s, journal entry #%d)", i+1, capitalize(it.Summary), e.Kind, e.Seq)})
		add(&Paragraph{Align: Justify, Text: "Fields: " + fieldsText(e.Fields)})
		switch {
		case e.Kind == "committee.report":
			add(&Paragraph{Text: "The minutes of the committee's meeting were reported to the board (Art. III §12)."})
		case m.Consent != nil:
			add(&Paragraph{Text: "Adopted by the unanimous written consent above."})
		default:
			v := fmt.Sprintf("Vote: %d for, %d against, %d abstaining.", it.For, it.Against, it.Abstain)
			if len(it.Votes) > 0 {
				var s []string
				for _, x := range it.Votes {
					s = append(s, name(x.Director)+" "+x.Vote)
				}
				v += " " + strings.Join(s, "; ") + "."
			}
			add(&Paragraph{Text: v})
		}
		add(checksTable(e.Checks))
	}
	if mt := m.Meeting; mt != nil {
		if mt.AdjournedTo != "" {
			add(&Paragraph{Text: fmt.Sprintf("The directors present adjourned the meeting, by announcement, to the meeting %s (Art. III §8).", mt.AdjournedTo)})
		} else {
			add(&Paragraph{Text: "There being no further business, the meeting was adjourned."})
		}
	}
	sec := "Secretary"
	signer := ""
	if m.Held != nil && m.Held.Actor.Person != "" {
		signer = name(m.Held.Actor.Person)
	} else if m.Consent != nil && m.Consent.Entry != nil && m.Consent.Entry.Actor.Person != "" {
		signer = name(m.Consent.Entry.Actor.Person)
	}
	add(&Signatures{Signers: []Signature{{Name: signer, Office: sec}}})
	return doc
}

func methodWords(m string) string {
	switch m {
	case "personal":
		return "in person"
	case "email":
		return "by e-mail"
	}
	return "by " + m
}

func titleBody(b string) string {
	if b == "board" {
		return "the Board of Directors"
	}
	return "the Committee " + b
}

func article(kind string) string {
	switch kind {
	case "regular":
		return "A Regular"
	case "special":
		return "A Special"
	case "first", "first_on_notice":
		return "The First"
	case "adjourned":
		return "An Adjourned"
	}
	return "A"
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// checksTable lists the checks of an act: rule, citation, outcome, finding.
func checksTable(cs []journal.Check) *Table {
	t := &Table{Columns: []Column{{Title: "Rule", Width: 2.2}, {Title: "Citation", Width: 2.2}, {Title: "Outcome", Width: 1}, {Title: "Finding", Width: 6}}}
	for _, c := range cs {
		t.Rows = append(t.Rows, []string{c.Rule, c.Citation, c.Outcome.String(), c.Message})
	}
	return t
}

// fieldsText renders an act's fields in one line, without the adoption.
func fieldsText(v journal.Value) string {
	var parts []string
	for i, k := range v.Keys {
		if k == "adoption" || k == "bylaws" {
			continue
		}
		parts = append(parts, k+": "+v.Vals[i].String())
	}
	return strings.Join(parts, "; ")
}

// MinutesDate is the document date of minutes (for file names).
func MinutesDate(m *acts.Minutes) corp.Date {
	if m.Stockholders != nil {
		return m.Stockholders.Date
	}
	if m.Consent != nil {
		return m.Consent.Effective
	}
	return m.Meeting.Date
}
