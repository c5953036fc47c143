package forms

import (
	"fmt"
	"strings"

	"minutebook/internal/acts"
)

// EmailLegend is the prominent legend an e-mail notice to stockholders
// carries (DGCL §232(a)): it says that the message is a notice of a
// meeting, so that it is not mistaken for other mail.
const EmailLegend = "IMPORTANT NOTICE REGARDING YOUR SHARES: THIS E-MAIL IS A NOTICE OF A MEETING OF STOCKHOLDERS GIVEN UNDER SECTION 232 OF THE DELAWARE GENERAL CORPORATION LAW."

func meetingWhere(m acts.StockholderMeeting) string {
	switch {
	case m.RemoteOnly:
		return "solely by means of remote communication: " + m.Remote
	case m.Remote != "":
		return m.Place + ", and by means of remote communication: " + m.Remote
	}
	return m.Place
}

func meetingTitle(m acts.StockholderMeeting) string {
	t := "Annual Meeting of Stockholders"
	if m.Type == "special" {
		t = "Special Meeting of Stockholders"
	}
	if m.AdjournedFrom != "" {
		t = "Adjourned " + t
	}
	return t
}

// MeetingNotice builds the written notice of a stockholders' meeting (Art.
// II §3, §6; Art. IV §1; DGCL §222(a)): the place, date and hour, the means
// of remote communication, the purposes (for a special meeting, the only
// business: Art. II §7; a bylaw amendment among them, Art. IX §1), the
// record date, where the stockholder list is open in the ten days before
// (Art. II §4), and the secretary's signature. It is addressed to holder
// when holder is not nil.
func MeetingNotice(f *acts.NoticeFacts, holder *acts.NoticeHolder) Doc {
	m := f.Meeting
	doc := Doc{Title: "Notice of " + meetingTitle(m), Subject: "meeting " + m.ID + " on " + m.Date.String(), Author: f.Corporation.LegalName, Date: f.RecordDate}
	add := func(bs ...Block) { doc.Blocks = append(doc.Blocks, bs...) }
	add(&Paragraph{Text: f.Corporation.LegalName, Align: Center, Style: Large},
		&Paragraph{Text: doc.Title, Align: Center, Style: Strong})
	if holder != nil {
		add(&Paragraph{Text: "To: " + holder.Person.Name + ", " + orDash(acts.FormatAddress(holder.Person.Address))})
	}
	intro := fmt.Sprintf("NOTICE IS HEREBY GIVEN that the %s of %s will be held on %s at %s (local time), at %s.",
		strings.ToLower(meetingTitle(m)), f.Corporation.LegalName, LongDate(m.Date), m.Time, meetingWhere(m))
	if m.AdjournedFrom != "" {
		intro += " It continues the meeting " + m.AdjournedFrom + ", adjourned (Art. II §8)."
	}
	add(&Paragraph{Align: Justify, Text: intro})
	fs := &Fields{}
	row := func(k, v string) { fs.Rows = append(fs.Rows, Field{k, v}) }
	row("Date", LongDate(m.Date))
	row("Hour", m.Time)
	row("Place", orDash(m.Place))
	if m.Remote != "" {
		row("Remote communication", m.Remote+" (DGCL §211(a))")
	}
	row("Record date", LongDate(f.RecordDate)+": holders of record at the close of business on that date are entitled to notice and to vote (Art. VI §5)")
	add(fs)
	add(&Heading{Text: "Purposes"})
	if len(m.Purposes) == 0 {
		add(&Paragraph{Text: "The election of directors, and such other business as may properly be brought before the meeting (Art. II §2)."})
	}
	for i, p := range m.Purposes {
		txt := fmt.Sprintf("%d. %s", i+1, p.Text)
		if p.Kind == "bylaws.amend" {
			txt += " (an amendment of the bylaws, of which this notice gives notice: Art. IX §1)"
		}
		add(&Paragraph{Text: txt})
	}
	if m.Type == "special" {
		add(&Paragraph{Text: "The business of this special meeting is limited to the purposes stated above (Art. II §7).", Style: Small})
	}
	listPlace := orDash(m.ListPlace)
	if m.ListPlace == "" {
		listPlace = orDash(m.Place)
	}
	add(&Paragraph{Align: Justify, Text: fmt.Sprintf("A complete list of the stockholders entitled to vote, in alphabetical order, with the address of each and the shares registered in each name, "+
		"will be open to the examination of any stockholder, for any purpose germane to the meeting, during ordinary business hours, from %s through %s at %s, "+
		"and will be produced and kept at the meeting (Art. II §4; DGCL §219).", LongDate(m.Date.AddDays(-10)), LongDate(m.Date.AddDays(-1)), listPlace)})
	if holder != nil {
		add(&Paragraph{Text: fmt.Sprintf("Shares entitled to vote registered in your name on the record date: %s (%s votes).", holder.Shares.Grouped(), holder.Votes.Grouped())})
	}
	add(&Paragraph{Align: Justify, Text: "Whether or not you expect to attend, you may vote by proxy: sign and return the enclosed proxy card. A proxy may not be voted after three years from its date unless it provides for a longer period (Art. II §10)."})
	add(&Signatures{Signers: []Signature{{Name: f.Secretary, Office: "Secretary"}}})
	return doc
}

// ProxyCard builds the proxy card of a stockholders' meeting for holder
// (Art. II §10; DGCL §212): the appointment of proxies to vote the
// holder's shares, one line per purpose with for, against and abstain,
// the date and the holder's signature.
func ProxyCard(f *acts.NoticeFacts, holder acts.NoticeHolder, proxies string) Doc {
	m := f.Meeting
	doc := Doc{Title: "Proxy for the " + meetingTitle(m), Subject: "proxy card of " + holder.Person.ID + " for meeting " + m.ID, Author: f.Corporation.LegalName, Date: f.RecordDate}
	add := func(bs ...Block) { doc.Blocks = append(doc.Blocks, bs...) }
	add(&Paragraph{Text: f.Corporation.LegalName, Align: Center, Style: Large},
		&Paragraph{Text: doc.Title, Align: Center, Style: Strong},
		&Paragraph{Text: fmt.Sprintf("%s, %s at %s", LongDate(m.Date), m.Time, meetingWhere(m)), Align: Center})
	who := orText(proxies, "____________________")
	add(&Paragraph{Align: Justify, Text: fmt.Sprintf("The undersigned, %s, holder of record on %s of %s shares entitled to vote (%s votes), appoints %s, "+
		"and each of them, with full power of substitution, as proxies to vote all those shares at the meeting and at any adjournment of it, as directed below, "+
		"and in their discretion on any other business properly brought before the meeting. This proxy revokes any earlier proxy; it may not be voted after three "+
		"years from its date unless it provides for a longer period (Art. II §10; DGCL §212(b)).",
		holder.Person.Name, LongDate(f.RecordDate), holder.Shares.Grouped(), holder.Votes.Grouped(), who)})
	t := &Table{Columns: []Column{{Title: "Proposal", Width: 6}, {Title: "For", Width: 1}, {Title: "Against", Width: 1}, {Title: "Abstain", Width: 1}}}
	ps := m.Purposes
	if len(ps) == 0 {
		ps = []acts.PurposeField{{Text: "Election of directors"}}
	}
	for i, p := range ps {
		t.Rows = append(t.Rows, []string{fmt.Sprintf("%d. %s", i+1, p.Text), "[ ]", "[ ]", "[ ]"})
	}
	add(t)
	add(&Fields{Rows: []Field{{"Meeting", m.ID}, {"Holder", holder.Person.ID}, {"Date of this proxy", "____________________"}}})
	add(&Signatures{Signers: []Signature{{Name: holder.Person.Name, Office: "Stockholder"}}})
	return doc
}

// EmailNotice is the text of a notice of meeting sent by e-mail: the
// legend of DGCL §232(a) first, then the notice's text.
func EmailNotice(f *acts.NoticeFacts, holder acts.NoticeHolder) (subject, body string) {
	doc := MeetingNotice(f, &holder)
	var b strings.Builder
	b.WriteString(EmailLegend + "\r\n\r\n")
	for _, bl := range doc.Blocks {
		switch x := bl.(type) {
		case *Paragraph:
			b.WriteString(x.Text + "\r\n\r\n")
		case *Heading:
			b.WriteString(strings.ToUpper(x.Text) + "\r\n\r\n")
		case *Fields:
			for _, r := range x.Rows {
				b.WriteString(r.Key + ": " + r.Value + "\r\n")
			}
			b.WriteString("\r\n")
		case *Signatures:
			for _, s := range x.Signers {
				b.WriteString(s.Name + ", " + s.Office + "\r\n")
			}
		}
	}
	return doc.Title + " — " + f.Corporation.LegalName + ", " + f.Meeting.Date.String(), b.String()
}

func orDash(s string) string { return orText(s, "—") }

func orText(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return s
}

// stockholderMinutes builds the minutes of a stockholders' meeting from
// what the books record (Art. V §11): the call, the record date, the
// notices delivered and waivers, who attended and how, the quorum, the
// chair, the list, each motion and each act adopted with its checks, and
// the adjournment.
func stockholderMinutes(m *acts.Minutes, add func(...Block), name func(string) string, doc *Doc) {
	mt, rec := m.Stockholders, m.Record
	doc.Title = "Minutes of the " + meetingTitle(*mt)
	doc.Subject = "meeting " + mt.ID
	doc.Date = mt.Date
	add(&Paragraph{Text: m.Corporation.LegalName, Align: Center, Style: Large},
		&Paragraph{Text: doc.Title, Align: Center, Style: Strong},
		&Paragraph{Align: Justify, Text: fmt.Sprintf("The %s of %s was held on %s at %s at %s.",
			strings.ToLower(meetingTitle(*mt)), m.Corporation.LegalName, LongDate(mt.Date), mt.Time, meetingWhere(*mt))})
	f := &Fields{}
	row := func(k, v string) { f.Rows = append(f.Rows, Field{k, v}) }
	row("Meeting", mt.ID)
	if mt.AdjournedFrom != "" {
		row("Adjourned from", mt.AdjournedFrom+" (Art. II §8)")
	} else {
		row("Called by", fmt.Sprintf("%s on %s", mt.CalledBy, mt.Called))
	}
	if mt.Request != "" {
		row("On the written request", mt.Request+" (Art. II §5)")
	}
	for i, p := range mt.Purposes {
		row(fmt.Sprintf("Purpose %d", i+1), p.Text)
	}
	row("Record date", fmt.Sprintf("%s (%s; Art. VI §5)", mt.RecordDate, strings.ReplaceAll(orText(mt.RecordDateHow, "default"), "_", " ")))
	given := map[string]int{}
	for _, d := range rec.Deliveries {
		given[d.Method+" "+d.Given+" ("+d.Status+")"]++
	}
	for _, d := range rec.Deliveries {
		k := d.Method + " " + d.Given + " (" + d.Status + ")"
		if n, ok := given[k]; ok {
			row("Notice", fmt.Sprintf("by %s, given %s to %d holders, %d days before (%s)", d.Method, d.Given, n, d.Days, d.Status))
			delete(given, k)
		}
	}
	for _, w := range rec.Waivers {
		row("Waiver of notice", fmt.Sprintf("%s, %s, signed %s (Art. IV §2)", name(w.Director), w.Form, w.Signed))
	}
	var present []string
	for _, a := range rec.Attendance {
		s := fmt.Sprintf("%s (%s shares", name(a.Holder), a.Shares)
		switch a.Mode {
		case "proxy":
			s += ", by proxy held by " + name(a.ProxyHolder)
		case "remote":
			s += ", by remote communication"
		}
		if a.Objected {
			s += ", attending only to object"
		}
		present = append(present, s+")")
	}
	row("Present", strings.Join(present, "; "))
	q := "present"
	if !mt.HasQuorum {
		q = "not present"
	}
	row("Quorum", fmt.Sprintf("%s shares present in person or by proxy of %s issued, outstanding and entitled to vote: a quorum (50%%, Art. II §8) was %s", mt.SharesPresent, mt.Entitled, q))
	if mt.Chair != "" {
		row("Presiding", name(mt.Chair))
	}
	if m.Held != nil && m.Held.Actor.Person != "" {
		row("Secretary of the meeting", name(m.Held.Actor.Person))
	}
	if mt.ListProduced {
		row("Stockholder list", "produced and kept at the meeting throughout (Art. II §4)")
	}
	var req, acc int
	for _, in := range rec.Inspections {
		if in.What == "request" {
			req++
		} else {
			acc++
		}
	}
	row("List examinations", fmt.Sprintf("%d requests, %d accesses logged before the meeting", req, acc))
	add(f)
	if m.Held != nil {
		add(&Heading{Text: "The meeting"}, checksTable(m.Held.Checks))
	}
	add(&Heading{Text: "Proceedings"})
	if len(rec.Motions) == 0 && len(m.Items) == 0 {
		add(&Paragraph{Text: "No business is recorded as transacted."})
	}
	for _, mo := range rec.Motions {
		txt := fmt.Sprintf("Motion %s: %s (journal entry #%d)", mo.ID, mo.Text, mo.Seq)
		if mo.Purpose > 0 {
			txt += fmt.Sprintf(", carrying out purpose %d of the notice", mo.Purpose)
		}
		add(&Paragraph{Text: txt})
	}
	for i, it := range m.Items {
		e := it.Entry
		add(&Paragraph{Style: Strong, Text: fmt.Sprintf("%d. %s (%s, journal entry #%d)", i+1, capitalize(it.Summary), e.Kind, e.Seq)})
		add(&Paragraph{Align: Justify, Text: "Fields: " + fieldsText(e.Fields)})
		add(&Paragraph{Text: fmt.Sprintf("Vote: %d shares for, %d against, %d abstaining.", it.For, it.Against, it.Abstain)})
		add(checksTable(e.Checks))
	}
	if r := m.Result; r != nil {
		certifiedVote(r, add, name)
	}
	if mt.AdjournedTo != "" {
		add(&Paragraph{Text: fmt.Sprintf("The holders present adjourned the meeting, by announcement, to the meeting %s (Art. II §8).", mt.AdjournedTo)})
	} else {
		add(&Paragraph{Text: "There being no further business, the meeting was adjourned."})
	}
	signer := ""
	if m.Held != nil && m.Held.Actor.Person != "" {
		signer = name(m.Held.Actor.Person)
	}
	add(&Signatures{Signers: []Signature{{Name: signer, Office: "Secretary"}}})
}

// certifiedVote adds the vote at a stockholders' meeting as the inspector
// of election certified it (DGCL §231(b)): the voting power outstanding
// and present, each question's votes and each election's candidates and
// those elected, and the receipts root.
func certifiedVote(r *acts.CertifiedResult, add func(...Block), name func(string) string) {
	q := "a quorum was present"
	if !r.Quorum {
		q = "no quorum was present"
	}
	add(&Heading{Text: "The vote"},
		&Paragraph{Align: Justify, Text: fmt.Sprintf("The inspector of election certified the result on %s (journal entry #%d): %s votes outstanding at the record date %s, %s present in person or by proxy (%d holders); %s (Art. II §8). %d ballots were cast, %d counted. Receipts root %s.",
			r.Certified, r.Seq, r.Outstanding, r.RecordDate, r.Present, r.Holders, q, r.Ballots, r.Counted, r.Root)})
	for _, mr := range r.Matters {
		if mr.Kind == "question" {
			verdict := "not adopted"
			if mr.Adopted != nil && *mr.Adopted {
				verdict = "adopted"
			}
			add(&Paragraph{Text: fmt.Sprintf("Question %s (%s): %s for, %s against, %s abstaining of %s votes present: %s (Art. II §9).",
				mr.ID, orDash(mr.Text), mr.For, mr.Against, mr.Abstain, mr.Present, verdict)})
			continue
		}
		how := "by plurality (Art. II §2)"
		if mr.Cumulative {
			how = "cumulatively (Art. II §10)"
		}
		var cs, el []string
		for _, c := range mr.Candidates {
			cs = append(cs, fmt.Sprintf("%s %s", name(c.Candidate), c.Votes))
		}
		for _, p := range mr.Elected {
			el = append(el, name(p))
		}
		txt := fmt.Sprintf("Election %s, %d seats %s: %s; withheld %s. Elected: %s.", mr.ID, mr.Seats, how, strings.Join(cs, ", "), mr.Withheld, orText(strings.Join(el, ", "), "none"))
		if len(mr.Tied) > 0 {
			txt += fmt.Sprintf(" Tied for %d seat(s): %v; the incumbents %v hold over (A-TIE).", mr.Undetermined, mr.Tied, mr.HoldOver)
		}
		add(&Paragraph{Text: txt})
	}
}
