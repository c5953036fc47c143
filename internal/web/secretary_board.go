package web

import (
	"context"
	"net/http"
	"strings"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
)

// BoardPage is the board on a date: directors and vacancies, committees
// and their powers, officers and who acts for each required office,
// resolutions and consents.
type BoardPage struct {
	On          corp.Date
	Register    *acts.BoardRegister
	Vacancies   int
	Offices     []acts.Deadline // vacant offices from the calendar
	Committees  []acts.Committee
	Officers    []acts.Tenure
	Acting      []ActingRow
	Resolutions []acts.Resolution
	Consents    []acts.StockholderConsent
	// Circulated are the board's and committees' written consents
	// circulated for signature (Art. III §9), the newest first.
	Circulated []acts.ConsentOut
	Names      map[string]string
}

// ActingRow is who performs a required office's duties on the date.
type ActingRow struct {
	Office, Person, Rule string
}

func (a *App) board(rq *Request) {
	ctx := rq.R.Context()
	today, err := a.today(rq)
	if err != nil {
		a.fail(rq, err)
		return
	}
	on, err := dateParam(rq.R, "on", today)
	if err != nil {
		a.fail(rq, err)
		return
	}
	p, err := a.boardData(ctx, rq.Corp, on)
	if err != nil {
		a.fail(rq, err)
		return
	}
	a.render(rq.W, http.StatusOK, "sec_board.html", secPage(rq, "board", "Board", p))
}

func (a *App) boardData(ctx context.Context, corpID string, on corp.Date) (*BoardPage, error) {
	p := &BoardPage{On: on}
	var err error
	if p.Register, err = a.Acts.Directors(ctx, corpID, on); err != nil {
		return nil, err
	}
	p.Vacancies = max(0, p.Register.WholeBoard-len(p.Register.InOffice))
	ds, err := a.Acts.Calendar(ctx, corpID, corp.Date{}, on)
	if err != nil {
		return nil, err
	}
	for _, d := range ds {
		if strings.Contains(d.Title, "vacant") {
			p.Offices = append(p.Offices, d)
		}
	}
	if p.Committees, err = a.Acts.Committees(ctx, corpID, on); err != nil {
		return nil, err
	}
	if p.Officers, err = a.Acts.OfficersOn(ctx, corpID, on); err != nil {
		return nil, err
	}
	for _, office := range []string{"president", "secretary", "treasurer"} {
		who, rule, err := a.Acts.Acting(ctx, corpID, office, on, nil)
		if err != nil {
			return nil, err
		}
		p.Acting = append(p.Acting, ActingRow{Office: office, Person: who, Rule: rule})
	}
	if p.Resolutions, err = a.Acts.Resolutions(ctx, corpID); err != nil {
		return nil, err
	}
	if p.Consents, err = a.Acts.StockholderConsents(ctx, corpID); err != nil {
		return nil, err
	}
	if p.Circulated, err = a.Acts.ConsentsOut(ctx, corpID); err != nil {
		return nil, err
	}
	if p.Names, err = a.names(ctx, corpID); err != nil {
		return nil, err
	}
	return p, nil
}
