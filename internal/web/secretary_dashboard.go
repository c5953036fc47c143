package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
)

// Dashboard is the secretary's home page of a corporation.
type Dashboard struct {
	Corp        *corp.Corporation
	Today       corp.Date
	From, To    corp.Date
	Deadlines   []DeadlineRow
	Obligations []DeadlineRow
	Verify      *Verification
	ICS         string
	// At a glance: the cap table and the board today, the next meeting.
	Glance *Glance
}

// Glance is the dashboard's summary of the books today.
type Glance struct {
	Outstanding []acts.ClassTotal
	Votes       corp.Decimal
	Holders     int
	Directors   int
	WholeBoard  int
	Next        *acts.StockholderMeeting
}

// DeadlineRow is one deadline of the calendar, placed against today.
type DeadlineRow struct {
	acts.Deadline
	Days    int  // days from today (negative: past)
	Overdue bool // an obligation whose date has passed
}

// Verification is the last on-demand verification of a corporation's
// journal.
type Verification struct {
	Report *acts.VerifyReport
	At     time.Time
	Err    string
}

// obligationRules are the calendar's rules that oblige the corporation to
// act (give notice, prepare the list, decide an option, settle, renew a
// bond, fill an office, call or hold a meeting), as opposed to dates that
// only inform (a record date, a window opening).
var obligationRules = []string{
	"II.3.", "II.4.list_prepare", "II.5.", "II.2.annual_meeting", "III.2.court_election",
	"VIII.1.b.option", "VIII.1.d.settlement", "V.1.", "V.2.", "V.5.", "V.15.treasurer_bond",
	"VI.5.record_date_other", "VII.1.dividend_declare", "VI.1.call",
}

func isObligation(d acts.Deadline) bool {
	if strings.Contains(d.Title, "vacant") {
		return true
	}
	// The first day of a window (to give notice, to fix a record date)
	// opens it: nothing is due, and its passing is not overdue.
	if strings.HasPrefix(d.Title, "first day") || strings.HasPrefix(d.Title, "earliest") {
		return false
	}
	for _, p := range obligationRules {
		if d.Rule == p || (strings.HasSuffix(p, ".") && strings.HasPrefix(d.Rule, p)) {
			return true
		}
	}
	return false
}

// dashboard shows the calendar of deadlines (?from, ?to; default 30 days
// back to 180 ahead), the open obligations (those due within 60 days or
// overdue by up to 30, and every vacancy) and the last verification.
func (a *App) dashboard(rq *Request) {
	ctx := rq.R.Context()
	today, err := a.today(rq)
	if err != nil {
		a.fail(rq, err)
		return
	}
	from, err := dateParam(rq.R, "from", today.AddDays(-30))
	if err != nil {
		a.fail(rq, err)
		return
	}
	to, err := dateParam(rq.R, "to", today.AddDays(180))
	if err != nil {
		a.fail(rq, err)
		return
	}
	co, _, err := a.Acts.CorporationOn(ctx, rq.Corp, today)
	if err != nil {
		a.fail(rq, err)
		return
	}
	all, err := a.Acts.Calendar(ctx, rq.Corp, corp.Date{}, corp.Date{})
	if err != nil {
		a.fail(rq, err)
		return
	}
	d := &Dashboard{Corp: co, Today: today, From: from, To: to, ICS: "/api/corporations/" + url.PathEscape(rq.Corp) + "/calendar/ics"}
	for _, x := range all {
		row := DeadlineRow{Deadline: x, Days: today.DaysUntil(x.Date)}
		if !x.Date.Before(from) && !x.Date.After(to) {
			d.Deadlines = append(d.Deadlines, row)
		}
		if isObligation(x) && (strings.Contains(x.Title, "vacant") || (row.Days >= -30 && row.Days <= 60)) {
			row.Overdue = row.Days < 0
			d.Obligations = append(d.Obligations, row)
		}
	}
	if v, ok := a.verified.Load(rq.Corp); ok {
		d.Verify = v.(*Verification)
	}
	if d.Glance, err = a.glance(rq, today); err != nil {
		a.fail(rq, err)
		return
	}
	a.render(rq.W, http.StatusOK, "sec_dashboard.html", secPage(rq, "dashboard", co.LegalName, d))
}

// postVerify verifies the journal now: the hash chain and a replay of the
// derived tables. With htmx it answers the verification panel; without,
// it goes back to the dashboard.
func (a *App) postVerify(rq *Request) {
	v := &Verification{At: a.Clock()}
	rep, err := a.Acts.Verify(rq.R.Context(), rq.Corp, acts.VerifyOptions{})
	if err != nil {
		a.Logger.Error("verify", "corp", rq.Corp, "err", err)
		v.Err = "verification could not run: " + err.Error()
	}
	v.Report = rep
	a.verified.Store(rq.Corp, v)
	if rq.R.Header.Get("HX-Request") == "true" {
		a.partial(rq.W, "sec_dashboard.html", "verify", secPage(rq, "dashboard", "", &Dashboard{Verify: v}))
		return
	}
	back := "/c/" + url.PathEscape(rq.Corp) + "#verify"
	if strings.HasPrefix(rq.R.FormValue("back"), "/c/") {
		back = rq.R.FormValue("back")
	}
	http.Redirect(rq.W, rq.R, back, http.StatusSeeOther)
}

// glance sums up the books today: shares and votes outstanding, holders
// of record, the board, and the next stockholders' meeting.
func (a *App) glance(rq *Request, today corp.Date) (*Glance, error) {
	ctx := rq.R.Context()
	ct, err := a.Acts.Holdings(ctx, rq.Corp, today)
	if err != nil {
		return nil, err
	}
	g := &Glance{Votes: ct.Votes}
	for _, c := range ct.Classes {
		if c.Outstanding.Sign() > 0 {
			g.Outstanding = append(g.Outstanding, c)
		}
	}
	seen := map[string]bool{}
	for _, h := range ct.Holdings {
		seen[h.Holder.ID] = true
	}
	g.Holders = len(seen)
	br, err := a.Acts.Directors(ctx, rq.Corp, today)
	if err != nil {
		return nil, err
	}
	g.Directors, g.WholeBoard = len(br.InOffice), br.WholeBoard
	ms, err := a.Acts.StockholderMeetings(ctx, rq.Corp)
	if err != nil {
		return nil, err
	}
	for i := range ms {
		if !ms[i].Date.Before(today) && (g.Next == nil || ms[i].Date.Before(g.Next.Date)) {
			g.Next = &ms[i]
		}
	}
	return g, nil
}
