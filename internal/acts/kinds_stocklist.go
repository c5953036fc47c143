package acts

import (
	"fmt"
	"strings"

	"minutebook/internal/corp"
	"minutebook/internal/tables"
)

// This file keeps the stockholder list of a meeting (Art. II §4; DGCL
// §219): its preparation at least ten days before the meeting, from the
// ledger as of the record date (StockholderList), and the log of every
// request to examine it, with its stated purpose, and of every access.

func init() {
	addEngineRules(map[string]engineRule{
		"MB.list.request": {"Art. II §4; DGCL §219(a)", "access to the stockholder list follows a recorded request of the same stockholder, with its stated purpose"},
	})
}

// ListPrepareFields are the fields of list.prepare.
type ListPrepareFields struct {
	Meeting string `mb:"meeting,required"`
	Place   string `mb:"place" doc:"where it is open for examination; default the place the call specified, else the meeting place (Art. II §4)"`
}

// PrepareList records the preparation of a meeting's stockholder list.
var PrepareList = Define(Kind{
	Name:    "list.prepare",
	Summary: "record the stockholder list of a meeting as prepared, from the ledger as of the record date",
	Doc: "The officer who has charge of the stock ledger prepares, at least ten days before every meeting, a " +
		"complete list of the stockholders entitled to vote, in alphabetical order, with each holder's address " +
		"and shares (Art. II §4; DGCL §219(a)); `minutebook stocklist --record-date` prints it from the list " +
		"checkpoints. The act records it as prepared on its effective date for the record date of the meeting " +
		"(which must be fixed or defaulted by notice first); the calendar shows its due date (M − 10). A list " +
		"prepared later is recorded and flagged.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary, corp.AsTransferAgent},
	Example: `kind: list.prepare
effective: 2004-06-05
actor: {person: susan, as: secretary}
fields: {meeting: annual-2004}
`,
	NeedsBylaws: true,
}, func(e *Env, f *ListPrepareFields) error {
	m, ok, err := loadSMeeting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	if !ok || m.Held {
		e.Fail("MB.stockholder_meeting.known", fmt.Sprintf("meeting %q is not on the books as called and not yet held", f.Meeting))
		return nil
	}
	if m.RecordDate.IsZero() {
		e.Fail("VI.5.record_date_meeting", fmt.Sprintf("meeting %s has no record date yet: the board fixes one (meeting.record_date), or the first notice sets it to the day before (DGCL §213(a))", m.ID))
		return nil
	}
	r, err := e.roll(m.RecordDate)
	if err != nil {
		return err
	}
	n := 0
	for _, h := range r.Holders {
		if h.Votes.Sign() > 0 {
			n++
		}
	}
	days, _ := e.Bylaws.Int("II.4.list_prepare", "days_before")
	due := m.Date.AddDays(-days)
	msg := fmt.Sprintf("the list of the %d holders entitled to vote on %s (%s shares), alphabetical, with addresses and shares, prepared %s; due by %s, %d days before the meeting on %s",
		n, m.RecordDate, r.Entitled.Grouped(), e.Act.Effective, due, days, m.Date)
	if e.Act.Effective.After(due) {
		e.Warn("II.4.list_prepare", "prepared late: "+msg, N("holders", n), N("due", due))
	} else {
		e.Hold("II.4.list_prepare", msg, N("holders", n), N("due", due))
	}
	place := orText(f.Place, orText(m.ListPlace, orText(m.Place, "the principal place of business")))
	e.Hold("II.4.list_open", fmt.Sprintf("open to any stockholder for any purpose germane to the meeting, during ordinary business hours, from %s through %s at %s", due, m.Date.AddDays(-1), place))
	return nil
}, func(e *Env, f *ListPrepareFields) error {
	m, _, err := loadSMeeting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	m.ListPrepared, m.ListSeq = e.Act.Effective, int64(e.Seq)
	if f.Place != "" {
		m.ListPlace = f.Place
	}
	return e.Rows.Put(tables.StockholderMeetings, m.row())
})

// ListRequestFields are the fields of list.request.
type ListRequestFields struct {
	Meeting string `mb:"meeting,required"`
	Holder  string `mb:"holder,required" doc:"the stockholder who asks to examine the list"`
	Purpose string `mb:"purpose,required" doc:"the purpose stated, which must be germane to the meeting"`
}

// ListAccessFields are the fields of list.access.
type ListAccessFields struct {
	Meeting string `mb:"meeting,required"`
	Holder  string `mb:"holder,required" doc:"the stockholder who examined the list"`
}

// checkListWindow checks that the list of meeting m is open on the act's
// date: during the ten days before the meeting (Art. II §4: M−10 … M−1) or
// at the meeting itself; and that holder is a stockholder of record on the
// date (DGCL §219(c): the stock ledger is the only evidence).
func checkListWindow(e *Env, f string, holder string) (*smeeting, bool, error) {
	m, ok, err := loadSMeeting(e.Rows, f)
	if err != nil {
		return nil, false, err
	}
	if !ok {
		e.Fail("MB.stockholder_meeting.known", fmt.Sprintf("meeting %q is not on the books", f))
		return nil, false, nil
	}
	d := e.Act.Effective
	minDays, _ := e.Bylaws.Int("II.4.list_open", "min_days")
	first, last := m.Date.AddDays(-minDays), m.Date.AddDays(-1)
	switch {
	case d == m.Date:
		e.Hold("II.4.list_at_meeting", fmt.Sprintf("at the meeting on %s the list is produced and may be inspected by any stockholder present", m.Date))
	default:
		e.Check("II.4.list_open", !d.Before(first) && !d.After(last),
			fmt.Sprintf("%s is within the %d days before the meeting (%s … %s), when the list is open", d, minDays, first, last),
			fmt.Sprintf("%s is outside the period when the list is open for examination: the %d days before the meeting on %s (%s … %s), and at the meeting", d, minDays, m.Date, first, last),
			N("date", d), N("first", first), N("last", last))
	}
	r, err := e.roll(d)
	if err != nil {
		return nil, false, err
	}
	v, isHolder := r.get(holder)
	e.Check("II.4.list_open", isHolder && v.Any,
		fmt.Sprintf("%s is a stockholder of record on %s", holder, d),
		fmt.Sprintf("%s is not a stockholder of record on %s: the list is open only to stockholders (DGCL §219(c): the stock ledger is the only evidence)", holder, d))
	if e.Act.Actor.Capacity == corp.AsHolder && e.Act.Actor.Person != holder {
		e.Fail("II.4.list_open", fmt.Sprintf("%s may not act for %s", e.Act.Actor.Person, holder))
	}
	return m, true, nil
}

// RequestList records a stockholder's request to examine the list.
var RequestList = Define(Kind{
	Name:    "list.request",
	Summary: "record a stockholder's request to examine the stockholder list, with its stated purpose",
	Doc: "The list is open to the examination of any stockholder, for any purpose germane to the meeting, during " +
		"ordinary business hours, for the ten days before the meeting (M−10 … M−1), and at the meeting to any " +
		"stockholder present (Art. II §4; DGCL §219(a)). Every request is logged with the purpose stated; a " +
		"request outside the period, or by a person who is not a stockholder of record on its date, is refused " +
		"citing Art. II §4. Whether the purpose is germane is the corporation's judgment: it is recorded.",
	Actors: []corp.Capacity{corp.AsHolder, corp.AsSecretary, corp.AsAssistantSecretary},
	Example: `kind: list.request
effective: 2004-06-07
actor: {person: bob, as: holder}
fields: {meeting: annual-2004, holder: bob, purpose: "to solicit proxies for the election of directors"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *ListRequestFields) error {
	if _, ok, err := checkListWindow(e, f.Meeting, f.Holder); err != nil || !ok {
		return err
	}
	e.Check("II.4.list_open", strings.TrimSpace(f.Purpose) != "",
		fmt.Sprintf("stated purpose: %q (germane to the meeting, as the corporation judges; recorded)", f.Purpose),
		"the request must state its purpose, which must be germane to the meeting")
	return nil
}, func(e *Env, f *ListRequestFields) error {
	return e.Rows.Put(tables.ListInspections, tables.Row{f.Meeting, int64(e.Seq), f.Holder, "request", e.Act.Effective.String(), f.Purpose, int64(0)})
})

// AccessList records a stockholder's examination of the list.
var AccessList = Define(Kind{
	Name:    "list.access",
	Summary: "record a stockholder's examination of the stockholder list",
	Doc: "Each access to the list is logged, after the stockholder's recorded request (list.request) and within " +
		"the same period (Art. II §4); the list must have been prepared (list.prepare). `minutebook meeting " +
		"list-log` prints the log. A stockholder who examines the list through the API or the portal records the " +
		"access as holder, for themself (each view is one act).",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary, corp.AsTransferAgent, corp.AsHolder},
	Example: `kind: list.access
effective: 2004-06-08
actor: {person: susan, as: secretary}
fields: {meeting: annual-2004, holder: bob}
`,
	NeedsBylaws: true,
}, func(e *Env, f *ListAccessFields) error {
	m, ok, err := checkListWindow(e, f.Meeting, f.Holder)
	if err != nil || !ok {
		return err
	}
	e.Check("II.4.list_prepare", !m.ListPrepared.IsZero(),
		fmt.Sprintf("the list was prepared on %s", m.ListPrepared),
		fmt.Sprintf("the list of meeting %s is not recorded as prepared (list.prepare)", m.ID))
	seq, err := listRequestOf(e.Rows, f.Meeting, f.Holder)
	if err != nil {
		return err
	}
	e.Check("MB.list.request", seq > 0,
		fmt.Sprintf("%s's request (journal entry #%d) states its purpose", f.Holder, seq),
		fmt.Sprintf("%s has no recorded request to examine the list of meeting %s (list.request, with the purpose)", f.Holder, f.Meeting))
	return nil
}, func(e *Env, f *ListAccessFields) error {
	seq, err := listRequestOf(e.Rows, f.Meeting, f.Holder)
	if err != nil {
		return err
	}
	return e.Rows.Put(tables.ListInspections, tables.Row{f.Meeting, int64(e.Seq), f.Holder, "access", e.Act.Effective.String(), "", seq})
})

// listRequestOf returns the journal entry of holder's latest request to
// examine meeting's list, 0 if none.
func listRequestOf(r tables.Reader, meeting, holder string) (int64, error) {
	var seq int64
	err := r.Scan(tables.ListInspections, []any{meeting}, func(row tables.Row) error {
		if row[2].(string) == holder && row[3].(string) == "request" {
			seq = row[1].(int64)
		}
		return nil
	})
	return seq, err
}
