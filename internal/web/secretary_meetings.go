package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"minutebook/internal/access"
	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/forms"
)

// MeetingsPage lists the stockholders' and the board's meetings, with the
// form that calls a stockholders' meeting.
type MeetingsPage struct {
	Today     corp.Date
	Meetings  []acts.StockholderMeeting
	Board     []acts.Meeting
	Call      MeetingCall
	Outcome   *Outcome
	FormError string
}

// MeetingCall is the call form's values.
type MeetingCall struct {
	ID, Type, Date, Time, Place, RecordDate, Purposes, Effective string
}

func (a *App) meetingsPage(rq *Request, p *MeetingsPage, status int) {
	ctx := rq.R.Context()
	var err error
	if p.Today, err = a.today(rq); err != nil {
		a.fail(rq, err)
		return
	}
	if p.Meetings, err = a.Acts.StockholderMeetings(ctx, rq.Corp); err != nil {
		a.fail(rq, err)
		return
	}
	slices.Reverse(p.Meetings)
	if p.Board, err = a.Acts.Meetings(ctx, rq.Corp); err != nil {
		a.fail(rq, err)
		return
	}
	slices.Reverse(p.Board)
	if p.Call.Effective == "" {
		p.Call = MeetingCall{Type: "annual", Time: "10:00", Effective: p.Today.String()}
	}
	a.render(rq.W, status, "sec_meetings.html", secPage(rq, "meetings", "Meetings", p))
}

func (a *App) meetings(rq *Request) { a.meetingsPage(rq, &MeetingsPage{}, http.StatusOK) }

// postMeetingCall previews or records the board's call of a stockholders'
// meeting (meeting.call).
func (a *App) postMeetingCall(rq *Request) {
	r := rq.R
	c := MeetingCall{ID: r.FormValue("id"), Type: r.FormValue("type"), Date: r.FormValue("date"), Time: r.FormValue("time"),
		Place: r.FormValue("place"), RecordDate: r.FormValue("record_date"), Purposes: r.FormValue("purposes"), Effective: r.FormValue("effective")}
	var b strings.Builder
	fmt.Fprintf(&b, "kind: meeting.call\neffective: %s\nactor: {as: board}\nfields:\n  id: %s\n  type: %s\n  date: %s\n  time: %s\n  place: %s\n",
		yamlQuote(c.Effective), yamlQuote(c.ID), yamlQuote(c.Type), yamlQuote(c.Date), yamlQuote(c.Time), yamlQuote(c.Place))
	if strings.TrimSpace(c.RecordDate) != "" {
		fmt.Fprintf(&b, "  record_date: %s\n", yamlQuote(c.RecordDate))
	}
	var ps []string
	for _, l := range strings.Split(c.Purposes, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			ps = append(ps, "{text: "+yamlQuote(l)+"}")
		}
	}
	if len(ps) > 0 {
		fmt.Fprintf(&b, "  purposes: [%s]\n", strings.Join(ps, ", "))
	}
	p := &MeetingsPage{Call: c}
	o, err := a.record(rq, []byte(b.String()), r.FormValue("action") != "record")
	switch {
	case err != nil:
		p.FormError = err.Error()
		a.meetingsPage(rq, p, http.StatusBadRequest)
	case o.OK && !o.DryRun:
		http.Redirect(rq.W, rq.R, "/c/"+url.PathEscape(rq.Corp)+"/meetings/"+url.PathEscape(strings.TrimSpace(c.ID))+"?recorded=1", http.StatusSeeOther)
	default:
		p.Outcome = o
		status := http.StatusOK
		if !o.OK {
			status = http.StatusUnprocessableEntity
		}
		a.meetingsPage(rq, p, status)
	}
}

// MeetingPage is a stockholders' meeting's whole life: the call, the
// notice, the list, proxies, the meeting held, the polls, ballots, the
// tally and the certification, with the next acts to record.
type MeetingPage struct {
	Today      corp.Date
	Record     *acts.MeetingRecord
	Names      map[string]string
	Proxies    []acts.ProxyView
	Ballots    []acts.BallotView
	SeeBallots bool
	Result     *acts.CertifiedResult
	ResultErr  string
	Steps      []Step
	NoticeDays int // days from today to the meeting
	Effective  string
	Outcome    *Outcome
	FormError  string
}

// Step is one stage of a meeting's life, done or not, with the act that
// records it.
type Step struct {
	Name, Detail string
	Done         bool
	Kind         string // the act kind that records it, for the act editor
	Src          string // a starting act file
}

// ActURL is the act editor's address for the step.
func (s Step) ActURL(corpID string) string {
	return "/c/" + url.PathEscape(corpID) + "/act?kind=" + url.QueryEscape(s.Kind) + "&src=" + url.QueryEscape(s.Src)
}

func (a *App) meetingData(rq *Request) (*MeetingPage, error) {
	ctx := rq.R.Context()
	id := rq.R.PathValue("meeting")
	today, err := a.today(rq)
	if err != nil {
		return nil, err
	}
	rec, err := a.Acts.StockholderMeetingRecord(ctx, rq.Corp, id)
	if err != nil {
		return nil, err
	}
	p := &MeetingPage{Today: today, Record: rec, NoticeDays: today.DaysUntil(rec.Meeting.Date), Effective: today.String()}
	if p.Names, err = a.names(ctx, rq.Corp); err != nil {
		return nil, err
	}
	if r, err := a.Acts.MeetingResult(ctx, rq.Corp, id); err == nil {
		p.Result = r
	} else {
		p.ResultErr = err.Error()
	}
	return p, nil
}

// meeting shows a stockholders' meeting.
func (a *App) meeting(rq *Request) {
	ctx := rq.R.Context()
	p, err := a.meetingData(rq)
	if err != nil {
		a.fail(rq, err)
		return
	}
	m := p.Record.Meeting
	pv, err := a.Acts.Proxies(ctx, rq.Corp, m.Date)
	if err != nil {
		a.fail(rq, err)
		return
	}
	for _, x := range pv {
		if x.Meeting == "" || x.Meeting == m.ID {
			p.Proxies = append(p.Proxies, x)
		}
	}
	mfa, _ := a.Accounts.MFARequired(ctx, rq.Corp)
	if access.ReadBallots.Decide(rq.Principal, access.Target{Corp: rq.Corp, MFARequired: mfa}).Allowed && p.Result != nil {
		if p.Ballots, err = a.Acts.MeetingBallots(ctx, rq.Corp, m.ID); err != nil {
			a.fail(rq, err)
			return
		}
		p.SeeBallots = true
	}
	p.Steps = meetingSteps(rq, p)
	pg := secPage(rq, "meetings", "Meeting "+m.ID, p)
	if rq.R.FormValue("recorded") == "1" {
		pg.Flash = "Recorded."
	}
	a.render(rq.W, http.StatusOK, "sec_meeting.html", pg)
}

// meetingSteps lays out the meeting's life and what is recorded of it.
func meetingSteps(rq *Request, p *MeetingPage) []Step {
	m, rec := p.Record.Meeting, p.Record
	actor := secretaryActor(rq)
	date := m.Date.String()
	q := yamlQuote(m.ID)
	var attendance []string
	for _, pr := range p.Proxies {
		if pr.Status == "in_force" {
			attendance = append(attendance, fmt.Sprintf("{holder: %s, mode: proxy, proxy_holder: %s}", yamlQuote(pr.Holder), yamlQuote(pr.ProxyHolder)))
		}
	}
	held := m.Held
	polls := p.Result != nil
	certified := polls && p.Result.Certified != ""
	closed := polls && p.Result.PollsClosed
	return []Step{
		{Name: "Called", Done: true, Detail: fmt.Sprintf("by %s on %s", m.CalledBy, m.Called)},
		{Name: "Record date", Done: m.RecordDate != "", Detail: m.RecordDate + " " + m.RecordDateHow, Kind: "meeting.record_date",
			Src: fmt.Sprintf("kind: meeting.record_date\neffective: %s\nactor: {as: board}\nfields: {meeting: %s, record_date: %s}\n", p.Effective, q, m.Date.AddDays(-30))},
		{Name: "Notice", Done: len(rec.Deliveries) > 0 || len(rec.Waivers) > 0, Detail: fmt.Sprintf("%d deliveries, %d waivers", len(rec.Deliveries), len(rec.Waivers)), Kind: "meeting.notice",
			Src: fmt.Sprintf("kind: meeting.notice\neffective: %s\nactor: %s\nfields: {meeting: %s, method: mail}\n", p.Effective, actor, q)},
		{Name: "Stockholder list", Done: m.ListPrepared != "", Detail: m.ListPrepared, Kind: "list.prepare",
			Src: fmt.Sprintf("kind: list.prepare\neffective: %s\nactor: %s\nfields: {meeting: %s}\n", p.Effective, actor, q)},
		{Name: "Held", Done: held, Detail: m.SharesPresent, Kind: "meeting.held",
			Src: fmt.Sprintf("kind: meeting.held\neffective: %s\nactor: %s\nfields:\n  meeting: %s\n  list_produced: true\n  attendance: [%s]\n", date, actor, q, strings.Join(attendance, ", "))},
		{Name: "Polls open", Done: polls, Kind: "polls.open",
			Src: fmt.Sprintf("kind: polls.open\neffective: %s\nactor: {person: INSPECTOR, as: inspector}\nfields:\n  meeting: %s\n  matters:\n    - {id: directors, kind: election, seats: 3, candidates: []}\n", date, q)},
		{Name: "Polls closed", Done: closed, Kind: "polls.close",
			Src: fmt.Sprintf("kind: polls.close\neffective: %s\nactor: {person: INSPECTOR, as: inspector}\nfields: {meeting: %s}\n", date, q)},
		{Name: "Certified", Done: certified, Kind: "result.certify",
			Src: fmt.Sprintf("kind: result.certify\neffective: %s\nactor: {person: INSPECTOR, as: inspector}\nfields: {meeting: %s}\n", date, q)},
	}
}

// meetingQuorum is the live quorum panel (polled by htmx during the
// meeting): shares present against the shares entitled, from the tally
// as it stands, or from the meeting as held.
func (a *App) meetingQuorum(rq *Request) {
	p, err := a.meetingData(rq)
	if err != nil {
		a.fail(rq, err)
		return
	}
	a.partial(rq.W, "sec_meeting.html", "quorum", secPage(rq, "meetings", "", p))
}

// NoticePage previews the notice of a meeting to one holder.
type NoticePage struct {
	Meeting acts.StockholderMeeting
	Facts   *acts.NoticeFacts
	Holder  string
	Doc     forms.Doc
	Blocks  []NoticeBlock
}

// NoticeBlock is one block of a document, flattened for the template.
type NoticeBlock struct {
	Heading, Text, Class string
	Fields               []forms.Field
	Table                *forms.Table
	Signatures           []forms.Signature
}

// meetingNotice previews the notice as it would be given today to one
// holder of record (?holder, default the first).
func (a *App) meetingNotice(rq *Request) {
	ctx := rq.R.Context()
	today, err := a.today(rq)
	if err != nil {
		a.fail(rq, err)
		return
	}
	f, err := a.Acts.MeetingNoticeFacts(ctx, rq.Corp, rq.R.PathValue("meeting"), today)
	if err != nil {
		a.fail(rq, err)
		return
	}
	p := &NoticePage{Meeting: f.Meeting, Facts: f, Holder: rq.R.FormValue("holder")}
	var h *acts.NoticeHolder
	for i := range f.Holders {
		if f.Holders[i].Person.ID == p.Holder || (p.Holder == "" && i == 0) {
			h = &f.Holders[i]
		}
	}
	if h == nil {
		a.fail(rq, corp.E("notice", corp.NotFound, "no holder of record %q is entitled to notice of %s", p.Holder, f.Meeting.ID))
		return
	}
	p.Holder = h.Person.ID
	p.Doc = forms.MeetingNotice(f, h)
	p.Blocks = flatten(p.Doc)
	a.render(rq.W, http.StatusOK, "sec_notice.html", secPage(rq, "meetings", "Notice of "+f.Meeting.ID, p))
}

// flatten turns a document's blocks into what the template shows.
func flatten(d forms.Doc) []NoticeBlock {
	var out []NoticeBlock
	for _, b := range d.Blocks {
		switch x := b.(type) {
		case *forms.Heading:
			out = append(out, NoticeBlock{Heading: x.Text})
		case *forms.Paragraph:
			cls := ""
			switch x.Align {
			case forms.Center:
				cls = "center"
			}
			switch x.Style {
			case forms.Strong, forms.Large:
				cls += " strong"
			case forms.Small:
				cls += " small"
			}
			out = append(out, NoticeBlock{Text: x.Text, Class: cls})
		case *forms.Fields:
			out = append(out, NoticeBlock{Fields: x.Rows})
		case *forms.Table:
			out = append(out, NoticeBlock{Table: x})
		case *forms.Legend:
			out = append(out, NoticeBlock{Text: x.Text + " (" + x.Citation + ")", Class: "small"})
		case *forms.Signatures:
			out = append(out, NoticeBlock{Signatures: x.Signers})
		case *forms.PageBreak:
			out = append(out, NoticeBlock{Heading: x.Caption})
		}
	}
	return out
}

// postMeetingNotice previews or records notice given by mail or courier on
// a date (meeting.notice): the window of Art. II §3 is checked and cited.
func (a *App) postMeetingNotice(rq *Request) {
	r := rq.R
	id := r.PathValue("meeting")
	src := fmt.Sprintf("kind: meeting.notice\neffective: %s\nactor: %s\nfields: {meeting: %s, method: %s}\n",
		yamlQuote(r.FormValue("effective")), secretaryActor(rq), yamlQuote(id), yamlQuote(r.FormValue("method")))
	o, err := a.record(rq, []byte(src), r.FormValue("action") != "record")
	if err == nil && o.OK && !o.DryRun {
		http.Redirect(rq.W, rq.R, "/c/"+url.PathEscape(rq.Corp)+"/meetings/"+url.PathEscape(id)+"?recorded=1#notice", http.StatusSeeOther)
		return
	}
	p, perr := a.meetingData(rq)
	if perr != nil {
		a.fail(rq, perr)
		return
	}
	p.Effective = r.FormValue("effective")
	status := http.StatusOK
	if err != nil {
		p.FormError, status = err.Error(), http.StatusBadRequest
	} else {
		p.Outcome = o
		if !o.OK {
			status = http.StatusUnprocessableEntity
		}
	}
	p.Steps = meetingSteps(rq, p)
	a.render(rq.W, status, "sec_meeting.html", secPage(rq, "meetings", "Meeting "+id, p))
}

// BallotsPage is a meeting's ballots with their receipts.
type BallotsPage struct {
	Meeting string
	Ballots []acts.BallotView
	Names   map[string]string
}

func (a *App) meetingBallots(rq *Request) {
	ctx := rq.R.Context()
	id := rq.R.PathValue("meeting")
	bs, err := a.Acts.MeetingBallots(ctx, rq.Corp, id)
	if err != nil {
		a.fail(rq, err)
		return
	}
	names, err := a.names(ctx, rq.Corp)
	if err != nil {
		a.fail(rq, err)
		return
	}
	a.render(rq.W, http.StatusOK, "sec_ballots.html", secPage(rq, "meetings", "Ballots of "+id, &BallotsPage{Meeting: id, Ballots: bs, Names: names}))
}

// MinutesPage is the secretary's minutes of a meeting of the board or a
// committee, or of a written consent (forms.Minutes).
type MinutesPage struct {
	ID     string
	Blocks []NoticeBlock
}

// minutes shows the minutes generated from the journal.
func (a *App) minutes(rq *Request) {
	id := rq.R.PathValue("meeting")
	m, err := a.Acts.Minutes(rq.R.Context(), rq.Corp, id)
	if err != nil {
		a.fail(rq, err)
		return
	}
	a.render(rq.W, http.StatusOK, "sec_minutes.html", secPage(rq, "meetings", "Minutes of "+id, &MinutesPage{ID: id, Blocks: flatten(forms.Minutes(m))}))
}
