package web

import (
	"net/http"
	"slices"
	"strings"

	"minutebook/internal/access"
	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/httpapi"
	"minutebook/internal/vote"
)

// The stockholder portal: a holder's own holdings, certificates and
// proxies; granting a proxy; at a meeting, the list inspection request
// and the list in the Art. II §4 window, voting while the polls are open,
// the ballot receipts and checking a receipt against the certified result.
// Every page is guarded by access.ReadHolder on the {person} of the path.

func httpStatus(err error) int { return httpapi.StatusOf(err) }

// holderView is the holder page's data.
type holderView struct {
	Person       corp.Person
	Today        corp.Date
	Holdings     []acts.Holding
	Certificates []acts.Certificate
	Proxies      []acts.ProxyView
	Meetings     []acts.StockholderMeeting
	ProxyHolders []corp.Person // directors and officers in office, the usual proxy holders
	Names        map[string]string
	Percent      func(h acts.Holding) string
}

func (a *App) holderView(q *Request) (*holderView, error) {
	ctx, c, who := q.R.Context(), q.Corp, q.R.PathValue("person")
	today, err := a.API.Today(ctx, c)
	if err != nil {
		return nil, err
	}
	ps, err := a.Acts.Persons(ctx, c)
	if err != nil {
		return nil, err
	}
	v := &holderView{Today: today, Names: personNames(ps), Percent: func(h acts.Holding) string { return acts.Percent(h.OfClass) }}
	i := slices.IndexFunc(ps, func(p corp.Person) bool { return p.ID == who })
	if i < 0 {
		return nil, corp.E("holder", corp.NotFound, "no person %q is on the books of %s", who, c)
	}
	v.Person = ps[i]
	ct, err := a.Acts.Holdings(ctx, c, today)
	if err != nil {
		return nil, err
	}
	for _, h := range ct.Holdings {
		if h.Holder.ID == who {
			v.Holdings = append(v.Holdings, h)
		}
	}
	if v.Certificates, err = a.Acts.Certificates(ctx, c, who); err != nil {
		return nil, err
	}
	prox, err := a.Acts.Proxies(ctx, c, today)
	if err != nil {
		return nil, err
	}
	for _, p := range prox {
		if p.Holder == who {
			v.Proxies = append(v.Proxies, p)
		}
	}
	ms, err := a.Acts.StockholderMeetings(ctx, c)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		if !m.Date.Before(today.AddDays(-60)) {
			v.Meetings = append(v.Meetings, m)
		}
	}
	slices.SortFunc(v.Meetings, func(x, y acts.StockholderMeeting) int { return x.Date.Compare(y.Date) })
	board, err := a.Acts.Directors(ctx, c, today)
	if err != nil {
		return nil, err
	}
	offs, err := a.Acts.OfficersOn(ctx, c, today)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, d := range board.InOffice {
		ids = append(ids, d.Person)
	}
	for _, o := range offs {
		ids = append(ids, o.Person)
	}
	for _, p := range ps {
		if p.ID != who && slices.Contains(ids, p.ID) {
			v.ProxyHolders = append(v.ProxyHolders, p)
		}
	}
	return v, nil
}

func (a *App) holderPage(q *Request) { a.showHolder(q, http.StatusOK, "", "") }

func (a *App) showHolder(q *Request, status int, flash, refusal string) {
	showPage(a, q, status, "portal_holder.html", flash, refusal, a.holderView, func(v *holderView) string { return v.Person.Name })
}

// postProxy grants a proxy as the holder (proxy.grant, actor {person, as:
// holder}): for one meeting, or general (Art. II §10; DGCL §212(b)).
func (a *App) postProxy(q *Request) {
	who := q.R.PathValue("person")
	today, err := a.API.Today(q.R.Context(), q.Corp)
	if err != nil {
		a.portalFail(q, err)
		return
	}
	proxyHolder := q.R.PostFormValue("proxy_holder")
	meeting := q.R.PostFormValue("meeting")
	id := who + "-" + today.String() + "-" + proxyHolder
	if meeting != "" {
		id = who + "-" + meeting + "-" + proxyHolder
	}
	fields := map[string]any{"id": id, "holder": who, "proxy_holder": proxyHolder, "date": today}
	if meeting != "" {
		fields["meeting"] = meeting
	}
	show := func(status int, flash, refusal string) { a.showHolder(q, status, flash, refusal) }
	r, ok := a.recordOrShow(q, "proxy.grant", actDocActor{Person: who, As: corp.AsHolder}, fields, show)
	if !ok {
		return
	}
	a.showHolder(q, http.StatusOK, "Your proxy "+id+" is recorded (journal entry #"+itoa(r.Result.Seq)+").", "")
}

func refusedStatus(r *portalOutcome) int {
	for _, ch := range r.Failed {
		if ch.Rule == access.Rule {
			return http.StatusForbidden
		}
	}
	if r.Result.Conflict {
		return http.StatusConflict
	}
	return http.StatusUnprocessableEntity
}

// meetingView is the data of a holder's meeting page.
type meetingView struct {
	Holder    corp.Person
	Today     corp.Date
	Meeting   acts.StockholderMeeting
	ListFirst corp.Date // the list is open M−10 … M−1 and at the meeting (Art. II §4)
	ListLast  corp.Date
	ListOpen  bool
	Requested *acts.Inspection // the holder's latest request to examine the list
	Polls     string           // "not_open", "open", "closed"
	Matters   []acts.MatterReport
	Ballots   []acts.BallotView // the holder's own ballots, with their receipts
	Certified *acts.CertifiedResult
	Adopted   map[string]bool // the certified result's questions adopted
	Receipt   *acts.ReceiptCheck
	List      *acts.StockholderList
	Names     map[string]string
	Group     func(string) string // a decimal with thousands separators
}

func (a *App) meetingView(q *Request) (*meetingView, error) {
	ctx, c, who, id := q.R.Context(), q.Corp, q.R.PathValue("person"), q.R.PathValue("meeting")
	today, err := a.API.Today(ctx, c)
	if err != nil {
		return nil, err
	}
	rec, err := a.Acts.StockholderMeetingRecord(ctx, c, id)
	if err != nil {
		return nil, err
	}
	ps, err := a.Acts.Persons(ctx, c)
	if err != nil {
		return nil, err
	}
	v := &meetingView{Today: today, Meeting: rec.Meeting, Names: personNames(ps), Polls: "not_open", Group: withSeparators}
	for _, p := range ps {
		if p.ID == who {
			v.Holder = p
		}
	}
	days := 10
	if bl, err := a.Acts.BylawsOn(ctx, c, rec.Meeting.Date); err == nil {
		if bl.Version.Rulebook.Rule("II.4.list_open") != nil {
			days, _ = bl.Version.Rulebook.Int("II.4.list_open", "min_days")
		}
	}
	v.ListFirst, v.ListLast = rec.Meeting.Date.AddDays(-days), rec.Meeting.Date.AddDays(-1)
	v.ListOpen = today == rec.Meeting.Date || (!today.Before(v.ListFirst) && !today.After(v.ListLast))
	for i := range rec.Inspections {
		if in := rec.Inspections[i]; in.Holder == who && in.What == "request" {
			v.Requested = &in
		}
	}
	t, err := a.Acts.TallyMeeting(ctx, c, id)
	switch {
	case corp.KindOf(err) == corp.NotFound:
	case err != nil:
		return nil, err
	default:
		// A stockholder sees the matters, never the running tally.
		v.Polls = "open"
		if t.PollsClosed {
			v.Polls = "closed"
		}
		for _, m := range t.Matters {
			v.Matters = append(v.Matters, acts.MatterReport{ID: m.ID, Kind: m.Kind, Text: m.Text, Seats: m.Seats, Cumulative: m.Cumulative, Candidates: m.Candidates})
		}
		bs, err := a.Acts.MeetingBallots(ctx, c, id)
		if err != nil {
			return nil, err
		}
		for _, b := range bs {
			if b.Holder == who || b.Voter == who {
				v.Ballots = append(v.Ballots, b)
			}
		}
		res, err := a.Acts.MeetingResult(ctx, c, id)
		if err != nil {
			return nil, err
		}
		if res.Certified != "" {
			v.Certified, v.Adopted = res, map[string]bool{}
			for _, m := range res.Matters {
				v.Adopted[m.ID] = m.Adopted != nil && *m.Adopted
			}
		}
	}
	return v, nil
}

func (a *App) holderMeeting(q *Request) { a.showMeeting(q, http.StatusOK, "", "", nil) }

func (a *App) showMeeting(q *Request, status int, flash, refusal string, edit func(*meetingView)) {
	build := func(q *Request) (*meetingView, error) {
		v, err := a.meetingView(q)
		if err == nil && edit != nil {
			edit(v)
		}
		return v, err
	}
	showPage(a, q, status, "portal_meeting.html", flash, refusal, build, func(v *meetingView) string { return "Meeting " + v.Meeting.ID })
}

// showMeetingAs is showMeeting as recordOrShow calls it.
func (a *App) showMeetingAs(q *Request) func(status int, flash, refusal string) {
	return func(status int, flash, refusal string) { a.showMeeting(q, status, flash, refusal, nil) }
}

// postBallot casts the holder's ballots (ballot.cast as holder) while the
// inspector holds the polls open (DGCL §231(b), (c)).
func (a *App) postBallot(q *Request) {
	who, id := q.R.PathValue("person"), q.R.PathValue("meeting")
	v, err := a.meetingView(q)
	if err != nil {
		a.portalFail(q, err)
		return
	}
	if err := q.R.ParseForm(); err != nil {
		a.portalFail(q, corp.E("ballot", corp.Invalid, "%v", err))
		return
	}
	var ballots []map[string]any
	for _, m := range v.Matters {
		switch m.Kind {
		case string(vote.Question):
			if ch := q.R.PostForm.Get("m." + m.ID); ch != "" {
				ballots = append(ballots, map[string]any{"matter": m.ID, "choice": ch})
			}
		default:
			if cs := q.R.PostForm["c."+m.ID]; len(cs) > 0 {
				ballots = append(ballots, map[string]any{"matter": m.ID, "candidates": cs})
			}
		}
	}
	if len(ballots) == 0 {
		a.showMeeting(q, http.StatusBadRequest, "", "Mark a choice on at least one matter.", nil)
		return
	}
	r, ok := a.recordOrShow(q, "ballot.cast", actDocActor{Person: who, As: corp.AsHolder}, map[string]any{"meeting": id, "holder": who, "ballots": ballots}, a.showMeetingAs(q))
	if !ok {
		return
	}
	a.showMeeting(q, http.StatusOK, "Your ballot is recorded (journal entry #"+itoa(r.Result.Seq)+"). Keep its receipt below: after the inspector certifies the result, it proves that your ballot was counted.", "", nil)
}

// postReceipt checks a ballot receipt against the meeting's receipts root,
// and the certified root once the inspector certified it.
func (a *App) postReceipt(q *Request) {
	id := q.R.PathValue("meeting")
	s := strings.TrimSpace(q.R.PostFormValue("receipt"))
	rc, err := vote.ParseReceipt(s)
	if err != nil {
		a.showMeeting(q, http.StatusBadRequest, "", "receipt: "+err.Error(), nil)
		return
	}
	check, err := a.Acts.VerifyReceipt(q.R.Context(), q.Corp, id, rc)
	if err != nil {
		a.portalFail(q, err)
		return
	}
	a.showMeeting(q, http.StatusOK, "", "", func(v *meetingView) { v.Receipt = check })
}

// postListRequest records the holder's request to examine the list, with
// the purpose (list.request as holder; Art. II §4; DGCL §219(a)).
func (a *App) postListRequest(q *Request) {
	who, id := q.R.PathValue("person"), q.R.PathValue("meeting")
	r, ok := a.recordOrShow(q, "list.request", actDocActor{Person: who, As: corp.AsHolder},
		map[string]any{"meeting": id, "holder": who, "purpose": strings.TrimSpace(q.R.PostFormValue("purpose"))}, a.showMeetingAs(q))
	if !ok {
		return
	}
	a.showMeeting(q, http.StatusOK, "Your request and its purpose are recorded (journal entry #"+itoa(r.Result.Seq)+"). You may now examine the list.", "", nil)
}

// postListView shows the stockholder list of the meeting's record date,
// after recording the view (list.access as holder): every view is logged,
// and refused outside the Art. II §4 window or without a request.
func (a *App) postListView(q *Request) {
	who, id := q.R.PathValue("person"), q.R.PathValue("meeting")
	r, ok := a.recordOrShow(q, "list.access", actDocActor{Person: who, As: corp.AsHolder}, map[string]any{"meeting": id, "holder": who}, a.showMeetingAs(q))
	if !ok {
		return
	}
	v, err := a.meetingView(q)
	if err != nil {
		a.portalFail(q, err)
		return
	}
	rd := v.Meeting.Date
	if v.Meeting.RecordDate != "" {
		if rd, err = corp.ParseDate(v.Meeting.RecordDate); err != nil {
			a.portalFail(q, err)
			return
		}
	}
	list, err := a.Acts.StockholderList(q.R.Context(), q.Corp, rd)
	if err != nil {
		a.portalFail(q, err)
		return
	}
	v.List = list
	a.render(q.W, http.StatusOK, "portal_list.html", &Page{Title: "Stockholder list · " + id, Principal: q.Principal, Corp: q.Corp,
		Flash: "This examination is logged (journal entry #" + itoa(r.Result.Seq) + ").", Data: v})
}
