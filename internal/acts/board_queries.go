package acts

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"minutebook/internal/bylaws"
	"minutebook/internal/corp"
	"minutebook/internal/tables"
)

// CourtTrigger is one filling of a vacancy made when the directors in
// office were less than a majority of the whole board (Art. III §2).
type CourtTrigger struct {
	Seq        uint64    `json:"seq"`
	Effective  corp.Date `json:"effective"`
	InOffice   int       `json:"in_office"`
	WholeBoard int       `json:"whole_board"`
	Director   string    `json:"director"`
}

// CourtElection answers who may apply to the Court of Chancery for an
// election under Art. III §2 and DGCL §223(c): the triggering fillings on
// the books up to a date, and the holders of record of at least the
// applicant fraction (10%) of the outstanding shares entitled to vote for
// directors. Holders below it may apply together when their shares add up
// to the threshold; the Court decides.
type CourtElection struct {
	On          corp.Date      `json:"on"`
	Triggers    []CourtTrigger `json:"triggers"`
	Outstanding corp.Decimal   `json:"outstanding_voting_shares"`
	Threshold   corp.Decimal   `json:"threshold"`
	Rule        string         `json:"rule"`
	Citation    string         `json:"citation"`
	Eligible    []Holding      `json:"-"`
	Others      []Holding      `json:"-"` // holders below the threshold, who qualify only as a group
}

// CourtElection returns the Court-ordered election eligibility on d.
func (s *Service) CourtElection(ctx context.Context, corpID string, d corp.Date) (*CourtElection, error) {
	ce := &CourtElection{On: d, Rule: "III.2.court_election"}
	var facts corp.CharterFacts
	err := s.Store.View(ctx, corpID, func(v View) error {
		cc, err := loadContext(v)
		if err != nil {
			return err
		}
		if cc.corp == nil {
			return corp.E("board court", corp.NotFound, "corporation %q is not recorded", corpID)
		}
		facts, _ = cc.charterOn(d)
		q := &CalendarQuery{View: v, Corp: cc.corp, cc: cc}
		ce.Citation = q.Cite(ce.Rule, d)
		f := bylaws.MustFraction("10%")
		if ver, ok := cc.bylaws.InForce(d); ok && ver.Rulebook.Rule(ce.Rule) != nil {
			f, _ = ver.Rulebook.Fraction(ce.Rule, "applicant_fraction")
		}
		ce.Triggers, err = courtTriggers(v, d)
		if err != nil {
			return err
		}
		ce.Outstanding, err = votingSharesOn(v, facts, d)
		if err != nil {
			return err
		}
		// At least the fraction: ⌈outstanding × f⌉ in whole shares.
		units, _ := ce.Outstanding.Int64()
		ce.Threshold = corp.DecimalFromInt(f.AtLeastCount(units))
		return nil
	})
	if err != nil {
		return nil, err
	}
	ct, err := s.Holdings(ctx, corpID, d)
	if err != nil {
		return nil, err
	}
	voting := map[string]bool{}
	for _, c := range facts.Classes {
		voting[c.ID] = c.VotesPerShare.Sign() > 0
	}
	by := map[string]*Holding{}
	var order []string
	for _, h := range ct.Holdings {
		if !voting[h.Class] {
			continue
		}
		if x, ok := by[h.Holder.ID]; ok {
			x.Shares = x.Shares.Add(h.Shares)
			continue
		}
		hh := h
		by[h.Holder.ID] = &hh
		order = append(order, h.Holder.ID)
	}
	for _, id := range order {
		h := *by[id]
		if h.Shares.Cmp(ce.Threshold) >= 0 {
			ce.Eligible = append(ce.Eligible, h)
		} else {
			ce.Others = append(ce.Others, h)
		}
	}
	return ce, nil
}

func courtTriggers(r tables.Reader, d corp.Date) ([]CourtTrigger, error) {
	var out []CourtTrigger
	err := r.Scan(tables.CourtTriggers, nil, func(row tables.Row) error {
		eff, err := corp.ParseDate(row[1].(string))
		if err != nil {
			return err
		}
		if !d.IsZero() && eff.After(d) {
			return nil
		}
		out = append(out, CourtTrigger{Seq: uint64(row[0].(int64)), Effective: eff, InOffice: int(row[2].(int64)), WholeBoard: int(row[3].(int64)), Director: row[4].(string)})
		return nil
	})
	return out, err
}

// The Court trigger on the calendar (Art. III §2; DGCL §223(c)).
func init() {
	RegisterDeadlines(func(q *CalendarQuery) ([]Deadline, error) {
		ts, err := courtTriggers(q.View, corp.Date{})
		if err != nil {
			return nil, err
		}
		var out []Deadline
		for _, t := range ts {
			out = append(out, Deadline{Date: t.Effective, Rule: "III.2.court_election", Citation: q.Cite("III.2.court_election", t.Effective),
				Title:  "holders of 10% of the voting shares may apply to the Court of Chancery for an election",
				Detail: fmt.Sprintf("%s was appointed when %d of the %d directorships were filled, less than a majority; `minutebook board court --on %s` lists the holders", t.Director, t.InOffice, t.WholeBoard, t.Effective),
				Source: t.Seq})
		}
		return out, nil
	})
}

// requiredOffices are the offices the board must fill (Art. V §1–2).
var requiredOffices = []string{"president", "treasurer", "secretary"}

// The required offices on the calendar: a vacancy in the office of
// president, treasurer or secretary from the day it opens (Art. V §1, the
// board fills it: §5), and a first meeting of the board after the annual
// meeting that did not choose all three (Art. V §2).
func init() {
	RegisterDeadlines(officeDeadlines)
}

type tenureRow struct {
	since, until string
	seq          uint64
}

func officeDeadlines(q *CalendarQuery) ([]Deadline, error) {
	by := map[string][]tenureRow{}
	start := ""
	if err := q.View.Scan(tables.Officers, nil, func(r tables.Row) error {
		t := tenureRow{since: r[2].(string), until: r[3].(string), seq: uint64(r[5].(int64))}
		by[r[0].(string)] = append(by[r[0].(string)], t)
		if start == "" || t.since < start {
			start = t.since
		}
		return nil
	}); err != nil || start == "" {
		return nil, err
	}
	covered := func(office, d string) (string, bool) {
		next := ""
		for _, t := range by[office] {
			if t.since <= d && (t.until == "" || d < t.until) {
				return "", true
			}
			if t.since > d && (next == "" || t.since < next) {
				next = t.since
			}
		}
		return next, false
	}
	var out []Deadline
	for _, office := range requiredOffices {
		opens := map[string]uint64{start: 0}
		for _, t := range by[office] {
			if t.until != "" {
				opens[t.until] = t.seq
			}
		}
		for d, seq := range opens {
			next, ok := covered(office, d)
			if ok {
				continue
			}
			date, err := corp.ParseDate(d)
			if err != nil {
				return nil, err
			}
			filled := "not yet filled"
			if next != "" {
				filled = "filled from " + next
			}
			out = append(out, Deadline{Date: date, Rule: "V.1.required_officers", Citation: q.Cite("V.1.required_officers", date),
				Title:  fmt.Sprintf("the office of %s is vacant: the board fills it", office),
				Detail: fmt.Sprintf("the officers must include a president, a treasurer and a secretary (Art. V §1); the board fills any vacancy (Art. V §5); %s", filled),
				Source: seq})
		}
	}
	err := q.View.Scan(tables.BoardMeetings, nil, func(r tables.Row) error {
		m, err := meetingOf(r)
		if err != nil || m.Body != "board" || !m.Held || (m.Kind != "first" && m.Kind != "first_on_notice") {
			return err
		}
		var missing []string
		for _, office := range requiredOffices {
			chosen := false
			for _, t := range by[office] {
				chosen = chosen || t.since == m.Date.String()
			}
			if !chosen {
				missing = append(missing, office)
			}
		}
		if len(missing) > 0 {
			out = append(out, Deadline{Date: m.Date, Rule: "V.2.annual_officer_election", Citation: q.Cite("V.2.annual_officer_election", m.Date),
				Title:  fmt.Sprintf("the first meeting of the board after the annual meeting (%s) chose no %s", m.ID, strings.Join(missing, ", ")),
				Detail: "at that meeting the board chooses a president, a treasurer and a secretary (Art. V §2); until then the incumbents hold over (Art. V §5)",
				Source: uint64(m.HeldSeq)})
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out, err
}

// Meeting is a meeting of the board or a committee as the books hold it.
type Meeting struct {
	ID            string         `json:"id"`
	Body          string         `json:"body"`
	Kind          string         `json:"kind"`
	Date          corp.Date      `json:"date"`
	Time          string         `json:"time"`
	Place         string         `json:"place"`
	CalledBy      string         `json:"called_by"`
	Called        corp.Date      `json:"called"`
	RequestedBy   []string       `json:"requested_by,omitempty"`
	Purposes      []PurposeField `json:"purposes,omitempty"`
	AdjournedFrom string         `json:"adjourned_from,omitempty"`
	Held          bool           `json:"held"`
	Chair         string         `json:"chair,omitempty"`
	Present       int            `json:"present"`
	Members       int            `json:"members"`
	Quorum        int            `json:"quorum"`
	HasQuorum     bool           `json:"has_quorum"`
	AdjournedTo   string         `json:"adjourned_to,omitempty"`
	Seq           uint64         `json:"seq"`
	HeldSeq       uint64         `json:"held_seq,omitempty"`
}

func publicMeeting(m *meeting) Meeting {
	return Meeting{ID: m.ID, Body: m.Body, Kind: m.Kind, Date: m.Date, Time: m.Time, Place: m.Place, CalledBy: m.CalledBy, Called: m.Called,
		RequestedBy: m.RequestedBy, Purposes: m.Purposes, AdjournedFrom: m.AdjournedFrom, Held: m.Held, Chair: m.Chair,
		Present: m.Present, Members: m.Members, Quorum: m.Quorum, HasQuorum: m.HasQuorum, AdjournedTo: m.AdjournedTo,
		Seq: uint64(m.Seq), HeldSeq: uint64(m.HeldSeq)}
}

// Meetings returns every meeting of the board and its committees, by date.
func (s *Service) Meetings(ctx context.Context, corpID string) ([]Meeting, error) {
	var out []Meeting
	err := s.Store.View(ctx, corpID, func(v View) error {
		return v.Scan(tables.BoardMeetings, nil, func(row tables.Row) error {
			m, err := meetingOf(row)
			if err != nil {
				return err
			}
			out = append(out, publicMeeting(m))
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date.Before(out[j].Date)
		}
		return out[i].Time < out[j].Time
	})
	return out, err
}

// Committee is a committee of the board as the books hold it.
type Committee struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Designated string   `json:"designated"`
	Dissolved  string   `json:"dissolved,omitempty"`
	Members    []string `json:"members"`
	Alternates []string `json:"alternates"`
	Powers     []string `json:"powers"`
	Quorum     int      `json:"quorum"` // the quorum in force: the resolution's or a majority of the members
}

// Committees returns the committees designated and not dissolved on d
// (every committee ever designated when d is zero).
func (s *Service) Committees(ctx context.Context, corpID string, d corp.Date) ([]Committee, error) {
	var out []Committee
	err := s.Store.View(ctx, corpID, func(v View) error {
		return v.Scan(tables.Committees, nil, func(row tables.Row) error {
			c, active, err := committeeOn(v, row[0].(string), d)
			if err != nil || (!d.IsZero() && !active) {
				return err
			}
			q := c.Quorum
			if q == 0 {
				q = len(c.Members)/2 + 1
			}
			out = append(out, Committee{ID: c.ID, Name: c.Name, Designated: c.Designated, Dissolved: c.Dissolved, Members: c.Members, Alternates: c.Alternates, Powers: c.Powers, Quorum: q})
			return nil
		})
	})
	return out, err
}
