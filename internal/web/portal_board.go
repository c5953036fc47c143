package web

import (
	"net/http"
	"slices"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/forms"
)

// The director portal: the written consents out for signature, which a
// director signs for themself (board.consent_sign, Art. III §9; DGCL
// §141(f)); the board's materials: its meetings, their minutes with the
// resolutions adopted and the votes recorded, and its standing
// resolutions. A director's vote at a meeting is recorded by the secretary
// with the act adopted (adoption.votes), not by the director: the meeting
// page says so and shows what is recorded.

// boardView is the director portal's data.
type boardView struct {
	Me          string // the principal's person in the corporation
	Director    bool   // whether the principal is a director in office today
	Today       corp.Date
	Pending     []acts.ConsentOut
	Effective   []acts.ConsentOut
	Meetings    []acts.Meeting
	Resolutions []acts.Resolution
	InOffice    []acts.DirectorTenure
	Names       map[string]string
}

func (a *App) boardView(q *Request) (*boardView, error) {
	ctx, c := q.R.Context(), q.Corp
	today, err := a.API.Today(ctx, c)
	if err != nil {
		return nil, err
	}
	ps, err := a.Acts.Persons(ctx, c)
	if err != nil {
		return nil, err
	}
	v := &boardView{Me: q.Principal.Person(c), Today: today, Names: personNames(ps)}
	out, err := a.Acts.ConsentsOut(ctx, c)
	if err != nil {
		return nil, err
	}
	for _, co := range out {
		if co.Effective.IsZero() {
			v.Pending = append(v.Pending, co)
		} else {
			v.Effective = append(v.Effective, co)
		}
	}
	if v.Meetings, err = a.Acts.Meetings(ctx, c); err != nil {
		return nil, err
	}
	slices.SortStableFunc(v.Meetings, func(x, y acts.Meeting) int { return y.Date.Compare(x.Date) })
	if v.Resolutions, err = a.Acts.Resolutions(ctx, c); err != nil {
		return nil, err
	}
	slices.Reverse(v.Resolutions)
	reg, err := a.Acts.Directors(ctx, c, today)
	if err != nil {
		return nil, err
	}
	v.InOffice = reg.InOffice
	v.Director = slices.ContainsFunc(reg.InOffice, func(d acts.DirectorTenure) bool { return d.Person == v.Me })
	return v, nil
}

func (a *App) boardPortal(q *Request) { a.showBoard(q, http.StatusOK, "", "") }

func (a *App) showBoard(q *Request, status int, flash, refusal string) {
	showPage(a, q, status, "portal_board.html", flash, refusal, a.boardView, func(*boardView) string { return "Board" })
}

// postConsentSign signs a circulated consent as the principal's own person,
// as director; the act path refuses anyone else (access.MayRecord) and a
// person not in office (III.9.unanimous_consent).
func (a *App) postConsentSign(q *Request) {
	id := q.R.PathValue("consent")
	today, err := a.API.Today(q.R.Context(), q.Corp)
	if err != nil {
		a.portalFail(q, err)
		return
	}
	show := func(status int, flash, refusal string) { a.showBoard(q, status, flash, refusal) }
	r, ok := a.recordOrShow(q, "board.consent_sign", actDocActor{Person: q.Principal.Person(q.Corp), As: corp.AsDirector},
		map[string]any{"consent": id, "signed": today}, show)
	if !ok {
		return
	}
	msg := "Your signature of consent " + id + " is recorded (journal entry #" + itoa(r.Result.Seq) + ")."
	for _, ch := range r.Result.Checks {
		if ch.Rule == "III.9.unanimous_consent" {
			msg += " " + ch.Message + "."
		}
	}
	a.showBoard(q, http.StatusOK, msg, "")
}

// boardMeetingView is the data of a board meeting's page.
type boardMeetingView struct {
	Minutes *acts.Minutes
	Text    string // the minutes as the forms package words them
}

func (a *App) boardMeetingPage(q *Request) {
	m, err := a.Acts.Minutes(q.R.Context(), q.Corp, q.R.PathValue("meeting"))
	if err != nil {
		a.portalFail(q, err)
		return
	}
	a.render(q.W, http.StatusOK, "portal_board_meeting.html", &Page{Title: "Minutes · " + q.R.PathValue("meeting"), Principal: q.Principal, Corp: q.Corp,
		Data: &boardMeetingView{Minutes: m, Text: forms.Minutes(m).Text()}})
}
