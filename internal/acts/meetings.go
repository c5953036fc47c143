package acts

import (
	"encoding/json"
	"fmt"

	"minutebook/internal/bylaws"
	"minutebook/internal/corp"
	"minutebook/internal/tables"
)

// This file holds the stockholders' meeting as the books keep it (a row
// of stockholder_meetings) and what the meeting acts share: the holders of
// record entitled to notice and to vote on a record date, read from the
// stockholder list machinery (stocklist.go, from the list checkpoints, not
// by scanning history), and the counting of days before a meeting.

// smeeting is a row of stockholder_meetings.
type smeeting struct {
	ID, Type                string // Type: annual or special
	Date                    corp.Date
	Time, Place, Remote     string
	RemoteOnly              bool
	CalledBy                string
	Called                  corp.Date
	Request                 string
	Purposes                []PurposeField
	RecordDate              corp.Date // zero until fixed or defaulted
	RecordDateHow           string    // fixed, default, adjournment or ""
	AdjournedFrom           string
	NeedsNotice             bool
	ListPlace               string
	ListPrepared            corp.Date
	ListSeq                 int64
	Seq                     int64
	Held                    bool
	Chair                   string
	SharesPresent, Entitled corp.Decimal
	HasQuorum, ListProduced bool
	AdjournedTo             string
	HeldSeq                 int64
}

func optDateText(d corp.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func (m *smeeting) row() tables.Row {
	purposes := m.Purposes
	if purposes == nil {
		purposes = []PurposeField{}
	}
	return tables.Row{m.ID, m.Type, m.Date.String(), m.Time, m.Place, m.Remote, b2i(m.RemoteOnly), m.CalledBy, m.Called.String(),
		m.Request, marshalText(purposes), optDateText(m.RecordDate), m.RecordDateHow, m.AdjournedFrom, b2i(m.NeedsNotice),
		m.ListPlace, optDateText(m.ListPrepared), m.ListSeq, m.Seq, b2i(m.Held), m.Chair, m.SharesPresent.String(), m.Entitled.String(),
		b2i(m.HasQuorum), b2i(m.ListProduced), m.AdjournedTo, m.HeldSeq}
}

func smeetingOf(row tables.Row) (*smeeting, error) {
	m := &smeeting{ID: row[0].(string), Type: row[1].(string), Time: row[3].(string), Place: row[4].(string), Remote: row[5].(string),
		RemoteOnly: row[6].(int64) == 1, CalledBy: row[7].(string), Request: row[9].(string), RecordDateHow: row[12].(string),
		AdjournedFrom: row[13].(string), NeedsNotice: row[14].(int64) == 1, ListPlace: row[15].(string), ListSeq: row[17].(int64),
		Seq: row[18].(int64), Held: row[19].(int64) == 1, Chair: row[20].(string), HasQuorum: row[23].(int64) == 1,
		ListProduced: row[24].(int64) == 1, AdjournedTo: row[25].(string), HeldSeq: row[26].(int64)}
	var err error
	if m.Date, err = corp.ParseDate(row[2].(string)); err != nil {
		return nil, err
	}
	if m.Called, err = corp.ParseDate(row[8].(string)); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(row[10].(string)), &m.Purposes); err != nil {
		return nil, err
	}
	if m.RecordDate, err = optDate(row[11].(string)); err != nil {
		return nil, err
	}
	if m.ListPrepared, err = optDate(row[16].(string)); err != nil {
		return nil, err
	}
	if m.SharesPresent, err = corp.ParseDecimal(row[21].(string)); err != nil {
		return nil, err
	}
	if m.Entitled, err = corp.ParseDecimal(row[22].(string)); err != nil {
		return nil, err
	}
	return m, nil
}

func loadSMeeting(r tables.Reader, id string) (*smeeting, bool, error) {
	row, ok, err := r.Get(tables.StockholderMeetings, id)
	if err != nil || !ok {
		return nil, ok, err
	}
	m, err := smeetingOf(row)
	return m, err == nil, err
}

// typeWords says what kind of meeting m is, for messages.
func (m *smeeting) typeWords() string {
	if m.AdjournedFrom != "" {
		return "adjourned " + m.Type
	}
	return m.Type
}

// voter is a holder of record on a record date: the shares of the classes
// entitled to vote, and their votes.
type voter struct {
	Person corp.Person
	Shares corp.Decimal // shares of the classes with voting power
	Votes  corp.Decimal
	Any    bool // holds shares of some class (voting or not)
}

// roll is the holders of record on a record date (Art. VI §5, Art. II §4):
// every holder, and the shares issued, outstanding and entitled to vote
// (treasury shares excluded: CONV.outstanding, A-TREAS).
type roll struct {
	On       corp.Date
	Holders  []voter // in list order
	byID     map[string]int
	Entitled corp.Decimal // shares outstanding of the classes with voting power
	Votes    corp.Decimal
}

// get returns holder id's entry, and whether id is a holder of record.
func (r *roll) get(id string) (voter, bool) {
	i, ok := r.byID[id]
	if !ok {
		return voter{}, false
	}
	return r.Holders[i], true
}

// entitled reports whether id holds shares entitled to vote.
func (r *roll) entitled(id string) bool {
	v, ok := r.get(id)
	return ok && v.Votes.Sign() > 0
}

// rollOn reads the holders of record at the end of d from the stockholder
// list machinery (the list checkpoints and the changes since: stocklist.go),
// with the charter facts in force on d.
func rollOn(r tables.Reader, cc *corpContext, d corp.Date) (*roll, error) {
	var facts corp.CharterFacts
	if cc != nil {
		facts, _ = cc.charterOn(d)
	}
	l := &StockholderList{RecordDate: d}
	if err := l.holders(r, facts); err != nil {
		return nil, err
	}
	out := &roll{On: d, byID: map[string]int{}, Votes: l.Votes}
	voting := map[string]bool{}
	for _, c := range l.Classes {
		if c.Class.VotesPerShare.Sign() > 0 {
			voting[c.Class.ID] = true
			out.Entitled = out.Entitled.Add(c.Outstanding)
		}
	}
	for _, h := range l.Holders {
		v := voter{Person: h.Person, Votes: h.Votes}
		for _, s := range h.Shares {
			v.Any = v.Any || s.Shares.Sign() != 0
			if voting[s.Class] {
				v.Shares = v.Shares.Add(s.Shares)
			}
		}
		out.byID[h.Person.ID] = len(out.Holders)
		out.Holders = append(out.Holders, v)
	}
	return out, nil
}

// roll returns the holders of record at the end of d.
func (e *Env) roll(d corp.Date) (*roll, error) { return rollOn(e.Rows, e.cc, d) }

// windowCheck checks that d, counted in calendar days before the meeting
// date m (CONV.days_before), lies within [min, max] days of rule (whose
// params are min_days and max_days). Under A-DAYS "clear" neither day
// counts, so d must be min+1 days before. When the outcome would differ
// under the other reading of A-DAYS, it warns. It returns the days.
func windowCheck(e *Env, rule, what string, d, m corp.Date) int {
	minDays, _ := e.Bylaws.Int(rule, "min_days")
	maxDays, _ := e.Bylaws.Int(rule, "max_days")
	days := d.DaysUntil(m)
	clear := e.Bylaws.Choice("A-DAYS") == "clear"
	least := minDays
	if clear {
		least = minDays + 1
	}
	ok := days >= least && days <= maxDays
	e.Check(rule, ok,
		fmt.Sprintf("%s on %s is %d days before the meeting on %s: not less than %d nor more than %d", what, d, days, m, minDays, maxDays),
		fmt.Sprintf("%s on %s is %d days before the meeting on %s: it must be not less than %d nor more than %d days before (%s … %s)",
			what, d, days, m, minDays, maxDays, m.AddDays(-maxDays), m.AddDays(-least)),
		N("days_before", days), N("min_days", minDays), N("max_days", maxDays))
	if ok && !clear && days == minDays {
		e.Warn(rule, fmt.Sprintf("exactly %d days counted as M − d in calendar days (A-DAYS: calendar, McKesson v. Derdiger); under the clear-days reading it would be too late", minDays))
	}
	return days
}

// majorityBase is how a rule with fraction and comparison parameters
// counts: ok reports whether part satisfies it of whole, need is the
// fewest whole units that do (when whole is a whole number).
func majorityBase(rb *bylaws.Rulebook, rule string, part, whole corp.Decimal) (ok bool, need string) {
	f, _ := rb.Fraction(rule, "fraction")
	cmp := "more_than"
	if r := rb.Rule(rule); r != nil {
		if _, has := r.Param("comparison"); has {
			cmp, _ = rb.Text(rule, "comparison")
		}
	}
	if cmp == "at_least" {
		ok = f.AtLeast(part, whole)
	} else {
		ok = f.MoreThan(part, whole)
	}
	if n, isInt := whole.Int64(); isInt && whole.IsInteger() {
		c := f.MoreThanCount(n)
		if cmp == "at_least" {
			c = f.AtLeastCount(n)
		}
		need = corp.DecimalFromInt(c).Grouped()
	}
	return ok, need
}

// ProxyCheck decides whether holder was validly represented by proxyHolder
// at meeting on date (Art. II §10; DGCL §212): it records its own checks
// on e and reports whether the representation counts. The proxy acts
// (package vote and its acts) set CheckProxy; while it is nil, a proxy
// attendance is counted as recorded and flagged as unchecked.
type ProxyCheck func(e *Env, meeting, holder, proxyHolder string, on corp.Date) (bool, error)

// CheckProxy is the hook through which proxy validity (lapse after three
// years, the latest-dated proxy, revocation by attending) plugs into the
// meeting's attendance and quorum.
var CheckProxy ProxyCheck
