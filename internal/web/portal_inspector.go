package web

import (
	"net/http"
	"slices"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
)

// The inspector of election's pages: the stockholders' meetings, and for
// one meeting its proxies, its ballots with their receipts and whether
// each is counted, the tally from the books, closing the polls and
// certifying the result (result.certify as the inspector; DGCL §231(b)).

// inspectorIndexView lists the meetings.
type inspectorIndexView struct {
	Today    corp.Date
	Meetings []acts.StockholderMeeting
}

func (a *App) inspectorIndex(q *Request) {
	ctx := q.R.Context()
	today, err := a.API.Today(ctx, q.Corp)
	if err != nil {
		a.portalFail(q, err)
		return
	}
	ms, err := a.Acts.StockholderMeetings(ctx, q.Corp)
	if err != nil {
		a.portalFail(q, err)
		return
	}
	slices.SortStableFunc(ms, func(x, y acts.StockholderMeeting) int { return y.Date.Compare(x.Date) })
	a.render(q.W, http.StatusOK, "portal_inspector.html", &Page{Title: "Inspector of election", Principal: q.Principal, Corp: q.Corp,
		Data: &inspectorIndexView{Today: today, Meetings: ms}})
}

// inspectorMeetingView is the data of the inspector's meeting page.
type inspectorMeetingView struct {
	Me        string
	Meeting   acts.StockholderMeeting
	Polls     string // "not_open", "open", "closed"
	Proxies   []acts.ProxyView
	Ballots   []acts.BallotView
	Tally     *acts.CertifiedResult
	Certified *acts.CertifiedResult
	Names     map[string]string
	Group     func(string) string // a decimal with thousands separators
}

func (a *App) inspectorView(q *Request) (*inspectorMeetingView, error) {
	ctx, c, id := q.R.Context(), q.Corp, q.R.PathValue("meeting")
	rec, err := a.Acts.StockholderMeetingRecord(ctx, c, id)
	if err != nil {
		return nil, err
	}
	ps, err := a.Acts.Persons(ctx, c)
	if err != nil {
		return nil, err
	}
	v := &inspectorMeetingView{Me: q.Principal.Person(c), Meeting: rec.Meeting, Polls: "not_open", Names: personNames(ps), Group: withSeparators}
	prox, err := a.Acts.Proxies(ctx, c, rec.Meeting.Date)
	if err != nil {
		return nil, err
	}
	for _, p := range prox {
		if p.Meeting == "" || p.Meeting == id {
			v.Proxies = append(v.Proxies, p)
		}
	}
	t, err := a.Acts.TallyMeeting(ctx, c, id)
	switch {
	case corp.KindOf(err) == corp.NotFound:
		return v, nil
	case err != nil:
		return nil, err
	}
	v.Tally, v.Polls = t, "open"
	if t.PollsClosed {
		v.Polls = "closed"
	}
	if v.Ballots, err = a.Acts.MeetingBallots(ctx, c, id); err != nil {
		return nil, err
	}
	res, err := a.Acts.MeetingResult(ctx, c, id)
	if err != nil {
		return nil, err
	}
	if res.Certified != "" {
		v.Certified = res
	}
	return v, nil
}

func (a *App) inspectorMeeting(q *Request) { a.showInspector(q, http.StatusOK, "", "") }

func (a *App) showInspector(q *Request, status int, flash, refusal string) {
	showPage(a, q, status, "portal_inspector_meeting.html", flash, refusal, a.inspectorView, func(v *inspectorMeetingView) string { return "Inspector · " + v.Meeting.ID })
}

// postCertify closes the polls (when asked and still open) and certifies
// the result, as the principal's own person, as inspector.
func (a *App) postCertify(q *Request) {
	id := q.R.PathValue("meeting")
	me := actDocActor{Person: q.Principal.Person(q.Corp), As: corp.AsInspector}
	kind := "result.certify"
	if q.R.PostFormValue("step") == "close" {
		kind = "polls.close"
	}
	show := func(status int, flash, refusal string) { a.showInspector(q, status, flash, refusal) }
	r, ok := a.recordOrShow(q, kind, me, map[string]any{"meeting": id}, show)
	if !ok {
		return
	}
	msg := "The result is certified (journal entry #" + itoa(r.Result.Seq) + ")."
	if kind == "polls.close" {
		msg = "The polls are closed (journal entry #" + itoa(r.Result.Seq) + "); no ballot, proxy or revocation is accepted now (DGCL §231(c))."
	}
	a.showInspector(q, http.StatusOK, msg, "")
}
