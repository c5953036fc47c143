package acts

import (
	"context"
	"fmt"
	"sort"

	"minutebook/internal/corp"
)

// Deadline is one date the bylaws derive from what is recorded: a notice
// window opening or closing, a list falling due, an option expiring.
type Deadline struct {
	Date     corp.Date `json:"date"`
	Rule     string    `json:"rule"`
	Citation string    `json:"citation"`
	Title    string    `json:"title"`
	Detail   string    `json:"detail,omitempty"`
	// Source is the journal entry the deadline derives from.
	Source uint64 `json:"source_seq,omitempty"`
}

// CalendarQuery is what a deadline source sees: the corporation's derived
// tables and context, read in one snapshot.
type CalendarQuery struct {
	View View
	Corp *corp.Corporation
	cc   *corpContext
}

// Cite returns the citation of rule in the bylaws in force on d.
func (q *CalendarQuery) Cite(rule string, d corp.Date) string {
	e := &Env{}
	if v, ok := q.cc.bylaws.InForce(d); ok {
		e.Bylaws = v.Rulebook
	}
	return e.Cite(rule)
}

// DeadlineSource derives deadlines from what is recorded. Each capability
// registers its own (notices, lists, ROFR windows, proxy lapses ...).
type DeadlineSource func(q *CalendarQuery) ([]Deadline, error)

var deadlineSources []DeadlineSource

// RegisterDeadlines adds a source of deadlines to the calendar.
func RegisterDeadlines(src DeadlineSource) { deadlineSources = append(deadlineSources, src) }

// Calendar returns the deadlines of corp with dates in [from, to] (either
// may be zero for no bound), in date order.
func (s *Service) Calendar(ctx context.Context, corpID string, from, to corp.Date) ([]Deadline, error) {
	var out []Deadline
	err := s.Store.View(ctx, corpID, func(v View) error {
		cc, err := loadContext(v)
		if err != nil {
			return err
		}
		if cc.corp == nil {
			return corp.E("calendar", corp.NotFound, "corporation %q is not recorded", corpID)
		}
		q := &CalendarQuery{View: v, Corp: cc.corp, cc: cc}
		for _, src := range deadlineSources {
			ds, err := src(q)
			if err != nil {
				return err
			}
			for _, d := range ds {
				if (from.IsZero() || !d.Date.Before(from)) && (to.IsZero() || !d.Date.After(to)) {
					out = append(out, d)
				}
			}
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out, err
}

// The foundation's own deadline: each recorded bylaws version takes effect.
func init() {
	RegisterDeadlines(func(q *CalendarQuery) ([]Deadline, error) {
		var out []Deadline
		for _, v := range q.cc.bylaws {
			out = append(out, Deadline{
				Date: v.Effective, Rule: "IX.1.who", Citation: q.Cite("IX.1.who", v.Effective),
				Title:  fmt.Sprintf("bylaws version %d takes effect", v.Number),
				Detail: v.Rulebook.Title,
			})
		}
		return out, nil
	})
}
