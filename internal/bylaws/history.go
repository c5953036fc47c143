package bylaws

import (
	"fmt"
	"sort"

	"minutebook/internal/corp"
)

// Version is one version of a corporation's bylaws: its number (1 for the
// bylaws first recorded, then one more for each amendment or restatement)
// and the date from which it is in force.
type Version struct {
	Number    int
	Effective corp.Date
	Rulebook  *Rulebook
}

// History is the versions of one corporation's bylaws. Package acts builds
// it from the recorded adoption and amendment acts; NewHistory checks and
// orders it.
type History []Version

// NewHistory returns the versions ordered by number, checking that numbers
// run 1, 2, 3 … without gaps, that each has a rulebook and an effective
// date, and that effective dates never go backwards.
func NewHistory(vs ...Version) (History, error) {
	h := History(append([]Version(nil), vs...))
	sort.SliceStable(h, func(i, j int) bool { return h[i].Number < h[j].Number })
	for i, v := range h {
		switch {
		case v.Number != i+1:
			return nil, corp.E("bylaws.history", corp.Invalid, "bylaws versions must be numbered 1, 2, 3 … without gaps or repeats; found version %d where %d belongs", v.Number, i+1)
		case v.Rulebook == nil:
			return nil, corp.E("bylaws.history", corp.Invalid, "bylaws version %d has no rulebook", v.Number)
		case v.Effective.IsZero():
			return nil, corp.E("bylaws.history", corp.Invalid, "bylaws version %d has no effective date", v.Number)
		case i > 0 && v.Effective.Before(h[i-1].Effective):
			return nil, corp.E("bylaws.history", corp.Invalid, "bylaws version %d is effective %s, before version %d (%s)", v.Number, v.Effective, h[i-1].Number, h[i-1].Effective)
		}
	}
	return h, nil
}

// InForce returns the version in force on date d: the one with the latest
// Effective on or before d, and among versions effective the same day the
// highest-numbered. ok is false when no version is yet in force on d.
func (h History) InForce(d corp.Date) (Version, bool) {
	var best Version
	found := false
	for _, v := range h {
		if v.Effective.IsZero() || v.Effective.After(d) || d.IsZero() {
			continue
		}
		if !found || v.Effective.After(best.Effective) || (v.Effective == best.Effective && v.Number > best.Number) {
			best, found = v, true
		}
	}
	return best, found
}

// String describes the history for logs: "v1 from 1999-09-02, v2 from …".
func (h History) String() string {
	s := ""
	for i, v := range h {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("v%d from %s", v.Number, v.Effective)
	}
	return s
}
