package web

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/big"
	"net/http"
	"sort"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/forms"
	"minutebook/internal/pdf"
)

// CapTablePage is the cap table on a date, by class and by voting power,
// with its chart.
type CapTablePage struct {
	On      corp.Date
	Today   corp.Date
	Table   *acts.CapTable
	Diluted *acts.Diluted
	// Holders is the holdings of each holder summed over the classes, by
	// voting power, for the chart.
	Holders []ChartBar
	// Classes is each class's split among its holders, for the chart.
	Classes []ClassBar
	// ChartHeight is the SVG's height in its units.
	ChartHeight int
	// Instruments is true when outstanding instruments call for shares:
	// the fully diluted table shows then.
	Instruments bool
	Query       string // "?on=..." for the exports
}

// ChartBar is one bar of the voting-power chart: its exact figures as
// text, and its length in chart units (display only; the figures beside it
// are exact).
type ChartBar struct {
	ID, Name     string
	Votes        corp.Decimal
	Percent      string
	Y, Width, TY int
	Colour       int
}

// ClassBar is one class's bar: the holders' segments.
type ClassBar struct {
	Class       string
	Outstanding corp.Decimal
	Y, TY       int
	Segments    []Segment
}

// Segment is one holder's part of a class bar.
type Segment struct {
	Name, Percent string
	X, Width      int
	Colour        int
}

// chartWidth is the length of a 100% bar, in SVG units.
const chartWidth = 600

// barLength is frac × chartWidth, rounded down (display only).
func barLength(frac *big.Rat) int {
	if frac == nil {
		return 0
	}
	x := new(big.Rat).Mul(frac, big.NewRat(chartWidth, 1))
	return int(new(big.Int).Quo(x.Num(), x.Denom()).Int64())
}

func (a *App) capTableOn(rq *Request) (*acts.CapTable, corp.Date, corp.Date, error) {
	today, err := a.today(rq)
	if err != nil {
		return nil, today, today, err
	}
	on, err := dateParam(rq.R, "on", today)
	if err != nil {
		return nil, today, today, err
	}
	ct, err := a.Acts.Holdings(rq.R.Context(), rq.Corp, on)
	return ct, on, today, err
}

// capTable shows the cap table on ?on (default today).
func (a *App) capTable(rq *Request) {
	ct, on, today, err := a.capTableOn(rq)
	if err != nil {
		a.fail(rq, err)
		return
	}
	dl, err := a.Acts.FullyDiluted(rq.R.Context(), rq.Corp, ct)
	if err != nil {
		a.fail(rq, err)
		return
	}
	p := &CapTablePage{On: on, Today: today, Table: ct, Diluted: dl, Query: "?on=" + on.String()}
	for _, c := range dl.Classes {
		p.Instruments = p.Instruments || c.Instruments.Sign() != 0
	}
	// Voting power by holder, summed over the classes.
	byHolder := map[string]*ChartBar{}
	var order []string
	for _, h := range ct.Holdings {
		b := byHolder[h.Holder.ID]
		if b == nil {
			b = &ChartBar{ID: h.Holder.ID, Name: h.Holder.Name}
			byHolder[h.Holder.ID] = b
			order = append(order, h.Holder.ID)
		}
		b.Votes = b.Votes.Add(h.Votes)
	}
	colour := map[string]int{}
	for i, id := range order {
		colour[id] = i % 8
	}
	for _, id := range order {
		b := byHolder[id]
		frac := new(big.Rat)
		if ct.Votes.Sign() > 0 {
			frac.Quo(b.Votes.Rat(), ct.Votes.Rat())
		}
		b.Percent, b.Width, b.Colour = acts.Percent(frac), barLength(frac), colour[id]
		p.Holders = append(p.Holders, *b)
	}
	sort.SliceStable(p.Holders, func(i, j int) bool { return p.Holders[i].Votes.Cmp(p.Holders[j].Votes) > 0 })
	y := 36
	for i := range p.Holders {
		p.Holders[i].Y, p.Holders[i].TY = y, y+15
		y += 30
	}
	y += 40
	for _, c := range ct.Classes {
		cb := ClassBar{Class: c.Class.Name, Outstanding: c.Outstanding, Y: y + 8, TY: y}
		x := 0
		for _, h := range ct.Holdings {
			if h.Class != c.Class.ID {
				continue
			}
			w := barLength(h.OfClass)
			cb.Segments = append(cb.Segments, Segment{Name: h.Holder.Name, Percent: acts.Percent(h.OfClass), X: x, Width: w, Colour: colour[h.Holder.ID]})
			x += w
		}
		p.Classes = append(p.Classes, cb)
		y += 60
	}
	p.ChartHeight = y
	a.render(rq.W, http.StatusOK, "sec_captable.html", secPage(rq, "captable", "Cap table on "+on.String(), p))
}

// capTableCSV is the cap table as CSV: one row per holding, with the
// exact fractions beside the rounded percentages, then a row per class.
func (a *App) capTableCSV(rq *Request) {
	ct, on, _, err := a.capTableOn(rq)
	if err != nil {
		a.fail(rq, err)
		return
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"holder", "name", "class", "shares", "of_class", "of_class_percent", "votes", "of_voting_power", "of_voting_power_percent"})
	for _, h := range ct.Holdings {
		w.Write([]string{h.Holder.ID, h.Holder.Name, h.Class, h.Shares.String(), h.OfClass.RatString(), acts.Percent(h.OfClass),
			h.Votes.String(), h.OfVotingPower.RatString(), acts.Percent(h.OfVotingPower)})
	}
	for _, c := range ct.Classes {
		whole, pc := "", ""
		if c.Outstanding.Sign() > 0 {
			whole, pc = "1", "100.00"
		}
		w.Write([]string{"", "outstanding", c.Class.ID, c.Outstanding.String(), whole, pc, c.Votes.String(), "", ""})
	}
	w.Flush()
	rq.W.Header().Set("Content-Type", "text/csv; charset=utf-8")
	rq.W.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", fmt.Sprintf("%s-captable-%s.csv", rq.Corp, on)))
	rq.W.Write(buf.Bytes())
}

// capTablePDF is the cap table as a PDF (forms.CapTable).
func (a *App) capTablePDF(rq *Request) {
	ct, on, _, err := a.capTableOn(rq)
	if err != nil {
		a.fail(rq, err)
		return
	}
	co, _, err := a.Acts.CorporationOn(rq.R.Context(), rq.Corp, on)
	if err != nil {
		a.fail(rq, err)
		return
	}
	var buf bytes.Buffer
	if err := pdf.Render(&buf, forms.CapTable(*co, ct)); err != nil {
		a.fail(rq, err)
		return
	}
	rq.W.Header().Set("Content-Type", "application/pdf")
	rq.W.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", fmt.Sprintf("%s-captable-%s.pdf", rq.Corp, on)))
	rq.W.Write(buf.Bytes())
}
