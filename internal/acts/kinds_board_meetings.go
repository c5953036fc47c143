package acts

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/strict"
	"minutebook/internal/tables"
)

// This file keeps the meetings of the board and of its committees (Art.
// III §4–§10): the schedule of regular meetings, the call of a meeting, the
// notices given to directors and their waivers, the meeting as held (who
// was present and how, the quorum, the chair, an adjournment) and the
// unanimous written consents that replace a meeting (Art. III §9). The
// resolutions adopted at a meeting are the acts that name it in their
// adoption (adoption.go); the minutes are generated from them (minutes.go).

func init() {
	addEngineRules(map[string]engineRule{
		"MB.meeting.unique":   {"Art. III §4", "a meeting id names one meeting of the board or of a committee"},
		"MB.meeting.known":    {"Art. III §4", "the meeting an act names is on the books (called), and not yet held where the act precedes it"},
		"MB.meeting.date":     {"Art. III §4", "a meeting is called before it is held, and recorded as held on the date for which it was called"},
		"MB.meeting.attendee": {"Art. III §8, §11", "those counted present at a meeting are directors in office (at a committee meeting: its members, alternates or substitutes)"},
		"MB.consent.unique":   {"Art. III §9", "a consent id names one unanimous written consent"},
	})
}

// PurposeField is one item of business of a meeting: its text and, where
// the bylaws require the notice to name the business (a bylaw amendment at
// a special meeting, Art. IX §1), the act kind it concerns.
type PurposeField struct {
	Text string `mb:"text,required" json:"text"`
	Kind string `mb:"kind" json:"kind,omitempty" doc:"the act kind this business is, e.g. bylaws.amend"`
}

// meeting is a row of board_meetings.
type meeting struct {
	ID, Body, Kind string
	Date           corp.Date
	Time, Place    string
	CalledBy       string
	RequestedBy    []string
	Purposes       []PurposeField
	AdjournedFrom  string
	Called         corp.Date
	Seq            int64
	Held           bool
	Chair          string
	Present        int
	Members        int
	Quorum         int
	HasQuorum      bool
	AdjournedTo    string
	HeldSeq        int64
}

func loadMeeting(r tables.Reader, id string) (*meeting, bool, error) {
	row, ok, err := r.Get(tables.BoardMeetings, id)
	if err != nil || !ok {
		return nil, ok, err
	}
	m, err := meetingOf(row)
	return m, err == nil, err
}

func meetingOf(row tables.Row) (*meeting, error) {
	m := &meeting{ID: row[0].(string), Body: row[1].(string), Kind: row[2].(string), Time: row[4].(string), Place: row[5].(string),
		CalledBy: row[6].(string), AdjournedFrom: row[9].(string), Seq: row[11].(int64), Held: row[12].(int64) == 1,
		Chair: row[13].(string), Present: int(row[14].(int64)), Members: int(row[15].(int64)), Quorum: int(row[16].(int64)),
		HasQuorum: row[17].(int64) == 1, AdjournedTo: row[18].(string), HeldSeq: row[19].(int64)}
	var err error
	if m.Date, err = corp.ParseDate(row[3].(string)); err != nil {
		return nil, err
	}
	if m.Called, err = corp.ParseDate(row[10].(string)); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(row[7].(string)), &m.RequestedBy); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(row[8].(string)), &m.Purposes); err != nil {
		return nil, err
	}
	return m, nil
}

func (m *meeting) row() tables.Row {
	req, purposes := m.RequestedBy, m.Purposes
	if req == nil {
		req = []string{}
	}
	if purposes == nil {
		purposes = []PurposeField{}
	}
	return tables.Row{m.ID, m.Body, m.Kind, m.Date.String(), m.Time, m.Place, m.CalledBy, marshalText(req), marshalText(purposes),
		m.AdjournedFrom, m.Called.String(), m.Seq, b2i(m.Held), m.Chair, int64(m.Present), int64(m.Members), int64(m.Quorum),
		b2i(m.HasQuorum), m.AdjournedTo, m.HeldSeq}
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// meetingPresent returns who was present at a meeting.
func meetingPresent(r tables.Reader, id string) (map[string]bool, error) {
	out := map[string]bool{}
	err := r.Scan(tables.BoardAttendance, []any{id}, func(row tables.Row) error {
		out[row[1].(string)] = true
		return nil
	})
	return out, err
}

// BoardScheduleFields are the fields of board_meeting.schedule.
type BoardScheduleFields struct {
	Dates      []corp.Date `mb:"dates,required" doc:"the dates of the regular meetings"`
	Time       string      `mb:"time,required" doc:"their time of day, HH:MM"`
	Place      string      `mb:"place,required"`
	Resolution string      `mb:"resolution,required" doc:"the board resolution fixing the schedule"`
}

// Validate checks the time on decode.
func (f *BoardScheduleFields) Validate(file, path string) error {
	if !validClock(f.Time) {
		return strict.Errors{{File: file, Field: path + ".time", Problem: fmt.Sprintf("%q is not a time of day written HH:MM", f.Time)}}
	}
	return nil
}

// ScheduleBoardMeetings records the board's schedule of regular meetings.
var ScheduleBoardMeetings = Define(Kind{
	Name:    "board_meeting.schedule",
	Summary: "fix the schedule of regular board meetings, which need no notice",
	Doc: "Regular meetings of the board are held without notice at the times and places the board " +
		"determines from time to time (Art. III §6). The schedule in force on a date is the last one fixed; " +
		"a regular meeting is then called (board_meeting.call, type regular) only on one of its dates.",
	Actors: []corp.Capacity{corp.AsBoard},
	Power:  PowerOrdinary,
	Example: `kind: board_meeting.schedule
effective: 2004-01-15
actor: {as: board}
fields: {dates: [2004-03-16, 2004-06-15, 2004-09-21, 2004-12-14], time: "09:00", place: "Fremont, California", resolution: "Board resolution 2004-01-15 #1"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *BoardScheduleFields) error {
	need, _ := e.Bylaws.Bool("III.6.regular_meetings", "notice_required")
	e.Check("III.6.regular_meetings", len(f.Dates) > 0,
		fmt.Sprintf("regular meetings on %d dates at %s, %s; notice required: %v", len(f.Dates), f.Time, f.Place, need),
		"the schedule names no date", N("dates", len(f.Dates)))
	return nil
}, func(e *Env, f *BoardScheduleFields) error {
	return e.Rows.Put(tables.BoardSchedules, tables.Row{e.Act.Effective.String(), int64(e.Seq), marshalText(f.Dates), f.Time, f.Place})
})

// scheduled reports whether d is a regular meeting date in the schedule in
// force on the call date.
func scheduled(r tables.Reader, called, d corp.Date) (bool, error) {
	var dates []corp.Date
	err := r.Scan(tables.BoardSchedules, nil, func(row tables.Row) error {
		if row[0].(string) <= called.String() {
			dates = nil
			return json.Unmarshal([]byte(row[2].(string)), &dates)
		}
		return nil
	})
	return slices.Contains(dates, d), err
}

// CallMeetingFields are the fields of board_meeting.call.
type CallMeetingFields struct {
	ID        string    `mb:"id,required" doc:"the meeting's id, e.g. bm-2004-06-17"`
	Type      string    `mb:"type,required" enum:"regular,special,first" doc:"regular (Art. III §6), special (§7) or the first meeting of a newly elected board (§5)"`
	Committee string    `mb:"committee" doc:"for a meeting of a committee: its id (Art. III §11–12)"`
	Date      corp.Date `mb:"date,required" doc:"the meeting's date"`
	Time      string    `mb:"time,required" doc:"its time of day, HH:MM, in the corporation's zone"`
	Place     string    `mb:"place,required" doc:"where it is held (inside or outside Delaware: Art. III §4), or how by conference telephone"`
	// RequestedBy names the directors whose written request the call answers (Art. III §7).
	RequestedBy []string `mb:"requested_by" doc:"the directors whose written request the call answers (Art. III §7)"`
	// FixedByStockholders cites the stockholders' vote fixing the first meeting (Art. III §5).
	FixedByStockholders string         `mb:"fixed_by_stockholders" doc:"for a first meeting: the stockholders' vote at the annual meeting that fixed its time and place (Art. III §5)"`
	Purposes            []PurposeField `mb:"purposes" doc:"the business of the meeting; a special meeting that amends the bylaws must name it (Art. IX §1)"`
}

// Validate checks the id and time on decode.
func (f *CallMeetingFields) Validate(file, path string) error {
	if !validID(f.ID) {
		return strict.Errors{{File: file, Field: path + ".id", Problem: fmt.Sprintf("%q is not an identifier (lower-case letters, digits, '.', '-' and '_', starting with a letter)", f.ID)}}
	}
	if !validClock(f.Time) {
		return strict.Errors{{File: file, Field: path + ".time", Problem: fmt.Sprintf("%q is not a time of day written HH:MM", f.Time)}}
	}
	for i, p := range f.Purposes {
		if _, ok := kinds[p.Kind]; p.Kind != "" && !ok {
			return strict.Errors{{File: file, Field: fmt.Sprintf("%s.purposes[%d].kind", path, i), Problem: fmt.Sprintf("unknown act kind %q", p.Kind)}}
		}
	}
	return nil
}

// CallMeeting records the call of a meeting of the board or a committee.
var CallMeeting = Define(Kind{
	Name:    "board_meeting.call",
	Summary: "call a meeting of the board (regular, special or first) or of a committee",
	Doc: "Regular meetings are held on the board's schedule without notice (Art. III §6). The first meeting " +
		"of a newly elected board needs no notice when the stockholders fixed its time and place at the " +
		"annual meeting (Art. III §5); otherwise it is called like a special meeting. A special meeting is " +
		"called by the president, or by the president or the secretary on the written request of two " +
		"directors (or of the sole director) (Art. III §7); anyone else is refused. The effective date is " +
		"the date of the call. A committee meeting is called by a member, the president or the secretary; " +
		"the bylaws prescribe no notice for it, and minutebook holds it to the notice of a special meeting of " +
		"the board unless the designating resolution provides that none is needed (MB.committee.notice).",
	Actors:    []corp.Capacity{corp.AsPresident, corp.AsVicePresident, corp.AsSecretary, corp.AsAssistantSecretary, corp.AsDirector, corp.AsBoard},
	ActorRule: "III.7.special_call",
	Example: `kind: board_meeting.call
effective: 2004-06-14
actor: {person: ray, as: president}
fields:
  id: bm-2004-06-17
  type: special
  date: 2004-06-17
  time: "10:00"
  place: "47212 Mission Falls Court, Fremont, California"
  purposes:
    - {text: "Amend Art. III §7 (notice of special meetings)", kind: bylaws.amend}
`,
	NeedsBylaws: true,
}, func(e *Env, f *CallMeetingFields) error {
	_, exists, err := e.Rows.Get(tables.BoardMeetings, f.ID)
	if err != nil {
		return err
	}
	e.Check("MB.meeting.unique", !exists, fmt.Sprintf("meeting %s is not yet on the books", f.ID), fmt.Sprintf("meeting %s is already on the books", f.ID))
	e.Check("MB.meeting.date", !f.Date.Before(e.Act.Effective),
		fmt.Sprintf("called on %s for %s", e.Act.Effective, f.Date),
		fmt.Sprintf("called on %s for %s, a date already past", e.Act.Effective, f.Date))
	e.Hold("III.4.meeting_place", fmt.Sprintf("to be held at %s (the board may meet inside or outside Delaware)", f.Place))
	cap, person := e.Act.Actor.Capacity, e.Act.Actor.Person
	if f.Committee != "" {
		c, ok, err := committeeOn(e.Rows, f.Committee, f.Date)
		if err != nil {
			return err
		}
		if !ok {
			e.Fail("MB.committee.known", fmt.Sprintf("no committee %q is designated on %s", f.Committee, f.Date))
			return nil
		}
		okCaller := cap == corp.AsPresident || cap == corp.AsSecretary || cap == corp.AsAssistantSecretary ||
			(cap == corp.AsDirector && (slices.Contains(c.Members, person) || slices.Contains(c.Alternates, person)))
		need := "each member needs the notice of a special meeting of the board, or waives it (MB.committee.notice)"
		if c.Notice == "none" {
			need = "its resolution provides that its meetings need no notice"
		}
		e.Check("III.12.committee_minutes", okCaller,
			fmt.Sprintf("a meeting of committee %s called by %s; %s", c.ID, e.Act.Actor, need),
			fmt.Sprintf("a meeting of committee %s is called by one of its members, the president or the secretary, not by %s", c.ID, e.Act.Actor))
		return nil
	}
	switch f.Type {
	case "regular":
		ok, err := scheduled(e.Rows, e.Act.Effective, f.Date)
		if err != nil {
			return err
		}
		e.Check("III.6.regular_meetings", ok,
			fmt.Sprintf("%s is a regular meeting date on the schedule the board fixed; no notice is needed", f.Date),
			fmt.Sprintf("%s is not on the schedule of regular meetings the board fixed (board_meeting.schedule): call a special meeting, with notice", f.Date),
			N("date", f.Date))
		return nil
	case "first":
		if f.FixedByStockholders != "" {
			e.Hold("III.5.first_meeting", fmt.Sprintf("the stockholders fixed its time and place (%s): no notice is needed to the newly elected directors, provided a quorum is present", f.FixedByStockholders))
			return nil
		}
		e.Hold("III.5.first_meeting_fallback", "the stockholders did not fix its time and place: it is held on notice as for a special meeting, or on a written waiver signed by all the directors")
	}
	return checkSpecialCall(e, f)
}, func(e *Env, f *CallMeetingFields) error {
	body := "board"
	if f.Committee != "" {
		body = f.Committee
	}
	kind := f.Type
	if kind == "first" && f.FixedByStockholders == "" {
		kind = "first_on_notice" // held on notice as for a special meeting, or on waivers (Art. III §5)
	}
	m := &meeting{ID: f.ID, Body: body, Kind: kind, Date: f.Date, Time: f.Time, Place: f.Place, CalledBy: e.Act.Actor.String(),
		RequestedBy: f.RequestedBy, Purposes: f.Purposes, Called: e.Act.Effective, Seq: int64(e.Seq)}
	return e.Rows.Put(tables.BoardMeetings, m.row())
})

// checkSpecialCall checks who calls a special board meeting (Art. III §7).
func checkSpecialCall(e *Env, f *CallMeetingFields) error {
	d := e.Act.Effective
	cap, person := e.Act.Actor.Capacity, e.Act.Actor.Person
	in, err := directorsOn(e.Rows, d)
	if err != nil {
		return err
	}
	// The request: two directors, or the sole director (Art. III §7).
	need, _ := e.Bylaws.Int("III.7.special_call_request", "requesting_directors")
	sole, _ := e.Bylaws.Bool("III.7.special_call_request", "sole_director_suffices")
	if sole && len(in) == 1 {
		need = 1
	}
	var requesters []string
	for _, r := range f.RequestedBy {
		if !slices.Contains(in, r) {
			e.Fail("III.7.special_call_request", fmt.Sprintf("%s, who requested the meeting, is not a director on %s", r, d))
			continue
		}
		if !slices.Contains(requesters, r) {
			requesters = append(requesters, r)
		}
	}
	requested := len(requesters) >= need
	if len(f.RequestedBy) > 0 {
		e.Check("III.7.special_call_request", requested,
			fmt.Sprintf("called on the written request of %d directors (%s); %d needed", len(requesters), strings.Join(requesters, ", "), need),
			fmt.Sprintf("the written request of %d directors obliges a call; %d requested (%s)", need, len(requesters), strings.Join(requesters, ", ")),
			N("requesting", len(requesters)), N("needed", need), N("in_office", len(in)))
	}
	holds := func(office string) (bool, error) {
		recorded, err := officersRecorded(e.Rows)
		if err != nil || !recorded || person == "" {
			return !recorded, err
		}
		return holdsOffice(e.Rows, office, person, d)
	}
	switch cap {
	case corp.AsPresident:
		ok, err := holds("president")
		if err != nil {
			return err
		}
		e.Check("III.7.special_call", ok,
			fmt.Sprintf("called by the president (%s)", e.Act.Actor),
			fmt.Sprintf("%s does not hold the office of president on %s; a special meeting is called by the president", person, d))
	case corp.AsVicePresident:
		ok, err := holds("vice_president")
		if err != nil {
			return err
		}
		if ok {
			e.Warn("V.10.vp_succession", fmt.Sprintf("called by vice-president %s acting for the president, who is recorded as absent or unable to act (Art. V §10); `minutebook officers acting president` says who acts", person))
			e.Hold("III.7.special_call", "called by the acting president")
		} else {
			e.Fail("III.7.special_call", fmt.Sprintf("%s is not a vice-president on %s", person, d))
		}
	case corp.AsSecretary, corp.AsAssistantSecretary:
		office := "secretary"
		if cap == corp.AsAssistantSecretary {
			office = "assistant_secretary"
		}
		ok, err := holds(office)
		if err != nil {
			return err
		}
		switch {
		case !ok:
			e.Fail("III.7.special_call", fmt.Sprintf("%s does not hold the office of %s on %s", person, office, d))
		case len(f.RequestedBy) == 0:
			e.Fail("III.7.special_call", fmt.Sprintf("the secretary calls a special meeting only on the written request of %d directors (or of the sole director); none is named in requested_by", need),
				N("needed", need))
		case requested:
			e.Hold("III.7.special_call", "called by the secretary on the directors' written request")
		}
	default:
		e.Fail("III.7.special_call", fmt.Sprintf("a special meeting of the board is called by the president, or by the president or the secretary on the written request of %d directors; not by the %s", need, cap))
	}
	return nil
}

// NoticeFields are the fields of board_meeting.notice.
type NoticeFields struct {
	Meeting   string   `mb:"meeting,required"`
	Method    string   `mb:"method,required" enum:"mail,personal,telegram,email,courier,phone,fax" doc:"how notice was given: mail (given on deposit, Art. IV §1), in person or by telegram (Art. III §7), or another medium (A-EMAILDIR)"`
	Directors []string `mb:"directors" doc:"the directors notified; default: every director in office on the notice date"`
}

// GiveNotice records notice of a meeting given to directors.
var GiveNotice = Define(Kind{
	Name:    "board_meeting.notice",
	Summary: "record notice of a special board meeting given to directors",
	Doc: "Notice of a special meeting is given to each director two days before by mail (counted in calendar " +
		"days from the deposit, A-MAIL2D), or 48 hours before in person or by telegram (exact elapsed time " +
		"from the act's time to the meeting's, in the corporation's zone: CONV.hours) (Art. III §7; Art. IV " +
		"§1). Notice that is too short is refused, citing the rule and the days or hours counted. E-mail, " +
		"telephone, fax and courier are not methods Art. III §7 provides: by default (A-EMAILDIR) they are " +
		"refused and the director's written waiver (Art. IV §2) or attendance (DGCL §229) is needed; a " +
		"corporation whose bylaws choose allow_electronic treats them as the modern telegram, with a warning. " +
		"Regular meetings need no notice (Art. III §6); one given anyway is recorded. The bylaws prescribe no " +
		"notice of committee meetings: a committee's meeting is held to the same notice, given by default to its " +
		"members and alternates, unless the designating resolution provides that none is needed (MB.committee.notice, warned).",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary, corp.AsPresident},
	Example: `kind: board_meeting.notice
effective: 2004-06-15
time: "09:00"
actor: {person: susan, as: secretary}
fields: {meeting: bm-2004-06-17, method: mail}
`,
	NeedsBylaws: true,
}, func(e *Env, f *NoticeFields) error {
	m, ok, err := loadMeeting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	if !ok || m.Held {
		e.Fail("MB.meeting.known", fmt.Sprintf("meeting %q is not on the books as called and not yet held", f.Meeting))
		return nil
	}
	directors, err := noticeRecipients(e, f)
	if err != nil {
		return err
	}
	if m.Body != "board" {
		c, ok, err := committeeOn(e.Rows, m.Body, m.Date)
		if err != nil {
			return err
		}
		if !ok || c.Notice == "none" || m.Kind == "adjourned" {
			e.Hold("MB.committee.notice", fmt.Sprintf("meeting %s of committee %s needs no notice; the notice to %s is recorded", m.ID, m.Body, strings.Join(directors, ", ")))
			return nil
		}
		e.Warn("MB.committee.notice", fmt.Sprintf("the bylaws prescribe no notice of committee meetings: the notice of meeting %s of committee %s is held to Art. III §7, as for a special meeting of the board", m.ID, c.ID))
		_, _, err = noticeTiming(e, m, f.Method, true)
		return err
	}
	if m.Kind == "regular" || m.Kind == "adjourned" || m.Kind == "first" {
		e.Hold("III.6.regular_meetings", fmt.Sprintf("meeting %s needs no notice; the notice to %s is recorded", m.ID, strings.Join(directors, ", ")))
		return nil
	}
	_, _, err = noticeTiming(e, m, f.Method, true)
	return err
}, func(e *Env, f *NoticeFields) error {
	m, _, err := loadMeeting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	directors, err := noticeRecipients(e, f)
	if err != nil {
		return err
	}
	days, hours, err := noticeTiming(e, m, f.Method, false)
	if err != nil {
		return err
	}
	for _, d := range directors {
		if err := e.Rows.Put(tables.BoardNotices, tables.Row{f.Meeting, d, int64(e.Seq), f.Method, e.Act.Effective.String(), e.Act.Time, int64(hours), int64(days)}); err != nil {
			return err
		}
	}
	return nil
})

// noticeRecipients returns the directors named, or every director in office.
func noticeRecipients(e *Env, f *NoticeFields) ([]string, error) {
	in, err := directorsOn(e.Rows, e.Act.Effective)
	if err != nil {
		return nil, err
	}
	if len(f.Directors) == 0 {
		// A committee's meeting: its members and alternates.
		m, ok, err := loadMeeting(e.Rows, f.Meeting)
		if err != nil || !ok || m.Body == "board" {
			return in, err
		}
		c, ok, err := committeeOn(e.Rows, m.Body, m.Date)
		if err != nil || !ok {
			return in, err
		}
		return append(slices.Clone(c.Members), c.Alternates...), nil
	}
	if !e.Replay {
		for _, d := range f.Directors {
			if !slices.Contains(in, d) {
				e.Fail("MB.meeting.attendee", fmt.Sprintf("%s is not a director on %s", d, e.Act.Effective))
			}
		}
	}
	return f.Directors, nil
}

// noticeTiming counts the notice of meeting m given by method on the act's
// date and time (Art. III §7; Art. IV §1): the calendar days before the
// meeting date and the whole hours elapsed to the meeting. With check it
// records the checks.
func noticeTiming(e *Env, m *meeting, method string, check bool) (days, hours int, err error) {
	days = e.Act.Effective.DaysUntil(m.Date)
	minutes, known, err := elapsedMinutes(e, m)
	if err != nil {
		return 0, 0, err
	}
	hours = minutes / 60
	if !check {
		return days, hours, nil
	}
	mailDays, _ := e.Bylaws.Int("III.7.special_call", "mail_days")
	personalHours, _ := e.Bylaws.Int("III.7.special_call", "personal_hours")
	methods, _ := e.Bylaws.Texts("III.7.special_call", "methods")
	byHours := func(rule string) {
		if !known {
			e.Fail(rule, fmt.Sprintf("notice %s is counted in hours: give the act's time (time: HH:MM) so that the %d hours can be counted", method, personalHours))
			return
		}
		e.Check(rule, minutes >= personalHours*60,
			fmt.Sprintf("notice %s given %s %s, %dh%02dm before the meeting at %s %s: at least %d hours", methodWords(method), e.Act.Effective, e.Act.Time, minutes/60, minutes%60, m.Date, m.Time, personalHours),
			fmt.Sprintf("notice %s given %s %s is only %dh%02dm before the meeting at %s %s: %d hours' notice is required", methodWords(method), e.Act.Effective, e.Act.Time, minutes/60, minutes%60, m.Date, m.Time, personalHours),
			N("elapsed_minutes", minutes), N("required_hours", personalHours))
	}
	switch {
	case method == "mail" && slices.Contains(methods, "mail"):
		if e.Bylaws.Choice("A-MAIL2D") == "elapsed_hours" {
			byHours("III.7.special_call")
			break
		}
		e.Check("III.7.special_call", days >= mailDays,
			fmt.Sprintf("notice by mail deposited %s, %d days before the meeting on %s: at least %d", e.Act.Effective, days, m.Date, mailDays),
			fmt.Sprintf("notice by mail deposited %s is only %d days before the meeting on %s: %d days' notice by mail is required (or 48 hours in person or by telegram)", e.Act.Effective, days, m.Date, mailDays),
			N("days_before", days), N("required_days", mailDays))
		e.Hold("IV.1.mail_notice", "notice by mail is given when deposited in the United States mail, postage prepaid")
	case (method == "personal" || method == "telegram") && slices.Contains(methods, method):
		byHours("III.7.special_call")
		if method == "telegram" {
			e.Warn("IV.1.telegram_directors", "notice by telegram, an obsolete medium: the bylaws do not say when a telegram counts as given (A-EMAILDIR); counted from the act's time")
		}
	default:
		if e.Bylaws.Choice("A-EMAILDIR") == "allow_electronic" {
			byHours("III.7.special_call")
			e.Warn("IV.1.telegram_directors", fmt.Sprintf("notice %s, counted as the modern telegram under the corporation's reading of A-EMAILDIR (allow_electronic); Art. III §7 names only mail, personal delivery and telegram", methodWords(method)))
			return days, hours, nil
		}
		e.Fail("III.7.special_call", fmt.Sprintf("notice %s is not a method Art. III §7 provides (mail, in person or by telegram; A-EMAILDIR: bylaw_methods_only): obtain the director's written waiver (Art. IV §2) or attendance (DGCL §229)", methodWords(method)))
	}
	return days, hours, nil
}

// elapsedMinutes returns the exact time from the act's date and time to
// the meeting's, in the corporation's zone (so across a change of daylight
// saving time an hour is gained or lost), and whether the act has a time.
func elapsedMinutes(e *Env, m *meeting) (int, bool, error) {
	if e.Act.Time == "" {
		return 0, false, nil
	}
	loc, err := time.LoadLocation(e.Corp.TimeZone)
	if err != nil {
		return 0, false, fmt.Errorf("time zone %q: %v", e.Corp.TimeZone, err)
	}
	at := func(d corp.Date, clock string) time.Time {
		y, mo, dd := d.YMD()
		var h, mi int
		fmt.Sscanf(clock, "%d:%d", &h, &mi)
		return time.Date(y, time.Month(mo), dd, h, mi, 0, 0, loc)
	}
	return int(at(m.Date, m.Time).Sub(at(e.Act.Effective, e.Act.Time)) / time.Minute), true, nil
}

func methodWords(method string) string {
	switch method {
	case "mail":
		return "by mail"
	case "personal":
		return "in person"
	case "email":
		return "by e-mail"
	}
	return "by " + method
}

// WaiverFields are the fields of board_meeting.waiver.
type WaiverFields struct {
	Meeting  string `mb:"meeting,required"`
	Director string `mb:"director,required"`
	Form     string `mb:"form,required" enum:"written,electronic" doc:"a signed writing (Art. IV §2) or an electronic transmission (DGCL §229)"`
}

// WaiveNotice records a director's waiver of notice of a meeting.
var WaiveNotice = Define(Kind{
	Name:    "board_meeting.waiver",
	Summary: "record a director's waiver of notice of a meeting",
	Doc: "A written waiver signed by the director, before or after the time stated, is equivalent to notice " +
		"(Art. IV §2). DGCL §229 also accepts a waiver by electronic transmission (recorded with a warning). " +
		"Attendance is a waiver too, unless the director attends only to object that the meeting was not " +
		"lawfully called: board_meeting.held records that.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary, corp.AsDirector},
	Example: `kind: board_meeting.waiver
effective: 2004-06-16
actor: {person: susan, as: secretary}
fields: {meeting: bm-2004-06-17, director: tess, form: written}
`,
	NeedsBylaws: true,
}, func(e *Env, f *WaiverFields) error {
	m, ok, err := loadMeeting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	if !ok {
		e.Fail("MB.meeting.known", fmt.Sprintf("meeting %q is not on the books", f.Meeting))
		return nil
	}
	dir, err := isDirector(e.Rows, f.Director, m.Date)
	if err != nil {
		return err
	}
	if !dir {
		dir, err = isDirector(e.Rows, f.Director, e.Act.Effective)
		if err != nil {
			return err
		}
	}
	e.Check("MB.meeting.attendee", dir, fmt.Sprintf("%s is a director entitled to notice", f.Director),
		fmt.Sprintf("%s is not a director entitled to notice of meeting %s", f.Director, f.Meeting))
	if f.Form == "electronic" {
		e.Warn("IV.2.waiver", fmt.Sprintf("waiver by electronic transmission, which DGCL §229 allows; Art. IV §2 says in writing, signed by %s", f.Director))
	} else {
		e.Hold("IV.2.waiver", fmt.Sprintf("written waiver signed by %s on %s (before or after the meeting), equivalent to notice", f.Director, e.Act.Effective))
	}
	return nil
}, func(e *Env, f *WaiverFields) error {
	return e.Rows.Put(tables.BoardWaivers, tables.Row{f.Meeting, f.Director, e.Act.Effective.String(), f.Form, int64(e.Seq)})
})

// AttendeeField is one person present at a meeting.
type AttendeeField struct {
	Person string `mb:"person,required"`
	Mode   string `mb:"mode" enum:"in_person,conference_phone,video" doc:"how present; by conference telephone or similar equipment through which all can hear each other counts as presence in person (Art. III §10); default in_person"`
	// Role is the attendee's role at a committee meeting.
	Role     string `mb:"role" enum:"member,alternate,substitute" doc:"at a committee meeting: a member, an alternate the board designated, or a substitute the members present appointed (Art. III §11); default member"`
	Replaces string `mb:"replaces" doc:"for an alternate or substitute: the absent or disqualified member replaced"`
	// AppointedBy names the members present who appointed a substitute.
	AppointedBy []string `mb:"appointed_by" doc:"for a substitute: the members present who appointed him or her (they must be unanimous)"`
	Objected    bool     `mb:"objected" doc:"attended only to object, at the beginning, that the meeting was not lawfully called (DGCL §229): not a waiver of notice"`
}

// AdjournmentField is where and when a meeting was adjourned to.
type AdjournmentField struct {
	ID    string    `mb:"id,required" doc:"the adjourned meeting's id"`
	Date  corp.Date `mb:"date,required"`
	Time  string    `mb:"time,required" doc:"HH:MM"`
	Place string    `mb:"place,required"`
}

// HeldFields are the fields of board_meeting.held.
type HeldFields struct {
	Meeting     string            `mb:"meeting,required"`
	Present     []AttendeeField   `mb:"present" doc:"the directors (or committee members) present"`
	Chair       string            `mb:"chair" doc:"who presided; default: the chairman, else the vice chairman, else the president (Art. V §6–8)"`
	AdjournedTo *AdjournmentField `mb:"adjourned_to" doc:"the meeting was adjourned to this date, time and place by announcement (Art. III §8)"`
}

// Validate checks the adjournment's time on decode.
func (f *HeldFields) Validate(file, path string) error {
	if f.AdjournedTo != nil && (!validClock(f.AdjournedTo.Time) || !validID(f.AdjournedTo.ID)) {
		return strict.Errors{{File: file, Field: path + ".adjourned_to", Problem: "give a valid id and a time written HH:MM"}}
	}
	return nil
}

// HoldMeeting records a meeting as held: presence, quorum, chair, notice.
var HoldMeeting = Define(Kind{
	Name:    "board_meeting.held",
	Summary: "record a meeting as held: who was present and how, the quorum, the chair, an adjournment",
	Doc: "Recorded on the meeting's date by the secretary, who records the proceedings (Art. V §11). " +
		"Presence by conference telephone or video counts as presence in person (Art. III §10). A quorum is a " +
		"majority of the whole board, vacancies included (Art. III §8; A-BQUORUM); at a committee meeting, a " +
		"majority of its members unless its resolution sets another quorum (DGCL §141(c)(4)), counting " +
		"alternates and substitutes unanimously appointed by the members present (Art. III §11), and every member " +
		"must have had notice as for a special meeting of the board, or waived it, unless the designating " +
		"resolution provides none (MB.committee.notice). The chairman " +
		"presides, else the vice chairman, else the president (Art. V §6–8; A-PRESIDE). Every director in " +
		"office must have had due notice of a special meeting, or have waived it in writing or by attending " +
		"without objecting (Art. IV §2; DGCL §229); otherwise the meeting is refused. Without a quorum the " +
		"directors present may adjourn by announcement (adjourned_to); no business is done. The resolutions " +
		"adopted at the meeting are the acts that name it in their adoption.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary},
	Example: `kind: board_meeting.held
effective: 2004-06-17
actor: {person: susan, as: secretary}
fields:
  meeting: bm-2004-06-17
  present:
    - {person: pat}
    - {person: quinn}
    - {person: ray}
    - {person: sam, mode: conference_phone}
`,
	NeedsBylaws: true,
}, func(e *Env, f *HeldFields) error {
	m, ok, err := loadMeeting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	if !ok || m.Held {
		e.Fail("MB.meeting.known", fmt.Sprintf("meeting %q is not on the books as called and not yet held", f.Meeting))
		return nil
	}
	e.Check("MB.meeting.date", m.Date == e.Act.Effective, fmt.Sprintf("held on %s, the date called", m.Date),
		fmt.Sprintf("meeting %s was called for %s, not %s", m.ID, m.Date, e.Act.Effective))
	res, err := tallyPresence(e, m, f, true)
	if err != nil {
		return err
	}
	nums := []journal.Number{N("present", res.present), N("quorum", res.quorum), N("of", res.members)}
	if m.Body == "board" {
		bq, err := boardQuorumOn(e, m.Date)
		if err != nil {
			return err
		}
		msg := fmt.Sprintf("%d directors present of %s of %d; a quorum is %d", res.present, bq.base, res.members, res.quorum)
		if res.hasQuorum {
			e.Hold("III.8.board_quorum", "quorum present: "+msg, nums...)
		} else {
			e.Warn("III.8.board_quorum", "no quorum: "+msg+"; no business may be transacted and the directors present may adjourn (Art. III §8)", nums...)
		}
		warnBQuorum(e, bq, res.present)
		if err := checkBoardNotice(e, m, f, res.hasQuorum); err != nil {
			return err
		}
		if err := checkChair(e, m, f); err != nil {
			return err
		}
	} else {
		msg := fmt.Sprintf("%d present of the %d members of committee %s; a quorum is %d", res.present, res.members, m.Body, res.quorum)
		if res.hasQuorum {
			e.Hold("III.11.committee_powers", "quorum present: "+msg+" (DGCL §141(c)(4) unless the resolution sets another)", nums...)
		} else {
			e.Warn("III.11.committee_powers", "no quorum: "+msg+"; the committee can transact no business", nums...)
		}
		if err := checkCommitteeNotice(e, m, f); err != nil {
			return err
		}
		e.Hold("III.12.committee_minutes", fmt.Sprintf("the secretary keeps the minutes of the meeting of committee %s, to be reported to the board", m.Body))
	}
	if f.AdjournedTo != nil {
		_, exists, err := e.Rows.Get(tables.BoardMeetings, f.AdjournedTo.ID)
		if err != nil {
			return err
		}
		e.Check("MB.meeting.unique", !exists, fmt.Sprintf("adjourned to %s %s at %s as meeting %s", f.AdjournedTo.Date, f.AdjournedTo.Time, f.AdjournedTo.Place, f.AdjournedTo.ID),
			fmt.Sprintf("meeting %s is already on the books", f.AdjournedTo.ID))
		e.Check("III.8.board_adjourn", !f.AdjournedTo.Date.Before(m.Date),
			fmt.Sprintf("the directors present adjourned the meeting to %s %s, with notice only by announcement at the meeting", f.AdjournedTo.Date, f.AdjournedTo.Time),
			fmt.Sprintf("a meeting cannot be adjourned to %s, before it was held", f.AdjournedTo.Date))
	}
	return nil
}, func(e *Env, f *HeldFields) error {
	m, _, err := loadMeeting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	res, err := tallyPresence(e, m, f, false)
	if err != nil {
		return err
	}
	for _, p := range f.Present {
		mode, role := p.Mode, p.Role
		if mode == "" {
			mode = "in_person"
		}
		if role == "" {
			role = "director"
			if m.Body != "board" {
				role = "member"
			}
		}
		if err := e.Rows.Put(tables.BoardAttendance, tables.Row{m.ID, p.Person, mode, role, p.Replaces, b2i(p.Objected), int64(e.Seq)}); err != nil {
			return err
		}
	}
	chair := f.Chair
	if chair == "" && m.Body == "board" {
		chair, _, err = presiding(e.Rows, m.Date, presentSet(f))
		if err != nil {
			return err
		}
	}
	m.Held, m.Chair, m.Present, m.Members, m.Quorum, m.HasQuorum, m.HeldSeq = true, chair, res.present, res.members, res.quorum, res.hasQuorum, int64(e.Seq)
	if f.AdjournedTo != nil {
		m.AdjournedTo = f.AdjournedTo.ID
		adj := &meeting{ID: f.AdjournedTo.ID, Body: m.Body, Kind: "adjourned", Date: f.AdjournedTo.Date, Time: f.AdjournedTo.Time,
			Place: f.AdjournedTo.Place, CalledBy: "adjournment of " + m.ID, Purposes: m.Purposes, AdjournedFrom: m.ID, Called: m.Date, Seq: int64(e.Seq)}
		if err := e.Rows.Put(tables.BoardMeetings, adj.row()); err != nil {
			return err
		}
	}
	return e.Rows.Put(tables.BoardMeetings, m.row())
})

// boardQuorum is the quorum of the board under the corporation's reading
// of A-BQUORUM ("a majority of the directors", Art. III §8) and under the
// other reading, so that an act can say when the reading decides.
type boardQuorum struct {
	reading, base           string // the choice and what it counts
	members, quorum         int
	otherBase               string
	otherMembers, otherQuor int
}

// boardQuorumOf counts the quorum of a board of whole directorships with
// inOffice directors in office, on the bylaws in force for the act.
func boardQuorumOf(e *Env, whole, inOffice int) boardQuorum {
	q := boardQuorum{reading: e.Bylaws.Choice("A-BQUORUM"), base: "the whole board (vacancies included)", members: whole,
		otherBase: "the directors in office", otherMembers: inOffice}
	if q.reading == "in_office" {
		q.base, q.members, q.otherBase, q.otherMembers = "the directors in office (A-BQUORUM: in_office)", inOffice, "the whole board", whole
	}
	q.quorum = countNeeded(e.Bylaws, "III.8.board_quorum", q.members)
	q.otherQuor = countNeeded(e.Bylaws, "III.8.board_quorum", q.otherMembers)
	return q
}

// boardQuorumOn counts the quorum of the board on d (boardQuorumOf).
func boardQuorumOn(e *Env, d corp.Date) (boardQuorum, error) {
	in, err := directorsOn(e.Rows, d)
	if err != nil {
		return boardQuorum{}, err
	}
	whole, err := wholeBoard(e.Rows, d)
	if err != nil {
		return boardQuorum{}, err
	}
	return boardQuorumOf(e, whole, len(in)), nil
}

// warnBQuorum records that the quorum of present directors was counted
// under the corporation's reading of A-BQUORUM when the other reading gives
// another quorum (there are vacancies), and whether it changes the outcome.
func warnBQuorum(e *Env, q boardQuorum, present int) {
	if q.quorum == q.otherQuor {
		return
	}
	outcome := "the same outcome"
	if (present >= q.quorum) != (present >= q.otherQuor) {
		outcome = "a different outcome"
	}
	e.Warn("III.8.board_quorum", fmt.Sprintf("\"a majority of the directors\" is read as %s (A-BQUORUM: %s): a quorum is %d of %d; under the other reading, of %s (%d), it would be %d, %s for the %d present",
		q.base, q.reading, q.quorum, q.members, q.otherBase, q.otherMembers, q.otherQuor, outcome, present),
		N("quorum", q.quorum), N("other_quorum", q.otherQuor), N("present", present))
}

func presentSet(f *HeldFields) map[string]bool {
	out := map[string]bool{}
	for _, p := range f.Present {
		out[p.Person] = true
	}
	return out
}

// presence is the count of a meeting's presence against its quorum.
type presence struct {
	present, members, quorum int
	hasQuorum                bool
}

// tallyPresence counts who is present at meeting m against its quorum. At
// a board meeting the quorum is a majority of the whole board (A-BQUORUM);
// at a committee meeting a majority of its members, or the resolution's
// quorum, counting alternates and substitutes who replace absent members.
// With check it records the checks of each attendee.
func tallyPresence(e *Env, m *meeting, f *HeldFields, check bool) (presence, error) {
	var res presence
	seen := map[string]bool{}
	for _, p := range f.Present {
		if check && seen[p.Person] {
			e.Fail("MB.meeting.attendee", fmt.Sprintf("%s is listed twice", p.Person))
		}
		seen[p.Person] = true
	}
	if m.Body == "board" {
		in, err := directorsOn(e.Rows, m.Date)
		if err != nil {
			return res, err
		}
		whole, err := wholeBoard(e.Rows, m.Date)
		if err != nil {
			return res, err
		}
		bq := boardQuorumOf(e, whole, len(in))
		res.members = bq.members
		remote := 0
		for _, p := range f.Present {
			if !slices.Contains(in, p.Person) {
				if check {
					e.Fail("MB.meeting.attendee", fmt.Sprintf("%s is not a director on %s, so is not counted present", p.Person, m.Date))
				}
				continue
			}
			if p.Mode == "conference_phone" || p.Mode == "video" {
				remote++
			}
			res.present++
		}
		if check && remote > 0 {
			e.Hold("III.10.remote_participation", fmt.Sprintf("%d directors took part by conference telephone or video, through which all could hear each other: presence in person", remote), N("remote", remote))
		}
		res.quorum = bq.quorum
		res.hasQuorum = res.present >= res.quorum
		return res, nil
	}
	c, ok, err := committeeOn(e.Rows, m.Body, m.Date)
	if err != nil {
		return res, err
	}
	if !ok {
		if check {
			e.Fail("MB.committee.known", fmt.Sprintf("committee %s is not designated on %s", m.Body, m.Date))
		}
		return res, nil
	}
	res.members = len(c.Members)
	res.quorum = c.Quorum
	if res.quorum == 0 {
		res.quorum = len(c.Members)/2 + 1 // DGCL §141(c)(4): a majority of the members
	}
	members := map[string]bool{}
	for _, p := range f.Present {
		if (p.Role == "" || p.Role == "member") && slices.Contains(c.Members, p.Person) {
			members[p.Person] = true
		}
	}
	replaced := map[string]bool{}
	for _, p := range f.Present {
		switch p.Role {
		case "", "member":
			if !slices.Contains(c.Members, p.Person) {
				if check {
					e.Fail("MB.meeting.attendee", fmt.Sprintf("%s is not a member of committee %s", p.Person, c.ID))
				}
				continue
			}
		case "alternate", "substitute":
			ok := slices.Contains(c.Members, p.Replaces) && !members[p.Replaces] && !replaced[p.Replaces]
			if !ok {
				if check {
					e.Fail("MB.meeting.attendee", fmt.Sprintf("%s %s must replace an absent member of committee %s (replaces: %q)", p.Role, p.Person, c.ID, p.Replaces))
				}
				continue
			}
			if p.Role == "alternate" {
				if !slices.Contains(c.Alternates, p.Person) {
					if check {
						e.Fail("III.11.alternates", fmt.Sprintf("%s is not an alternate member the board designated for committee %s", p.Person, c.ID))
					}
					continue
				}
				if check {
					e.Hold("III.11.alternates", fmt.Sprintf("alternate %s replaces absent member %s", p.Person, p.Replaces))
				}
			} else {
				dir, err := isDirector(e.Rows, p.Person, m.Date)
				if err != nil {
					return res, err
				}
				var present []string
				for x := range members {
					present = append(present, x)
				}
				slices.Sort(present)
				unanimous := len(present) > 0
				for _, x := range present {
					unanimous = unanimous && slices.Contains(p.AppointedBy, x)
				}
				if !dir || !unanimous {
					if check {
						e.Fail("III.11.substitute_member", fmt.Sprintf("a substitute for %s must be a director appointed unanimously by the members present (%s); %s is a director: %v, appointed by %s", p.Replaces, strings.Join(present, ", "), p.Person, dir, strings.Join(p.AppointedBy, ", ")))
					}
					continue
				}
				if check {
					e.Hold("III.11.substitute_member", fmt.Sprintf("director %s appointed unanimously by the members present (%s) to act in place of %s, whether or not they are a quorum (A-TYPO1: absence or disqualification)", p.Person, strings.Join(present, ", "), p.Replaces))
				}
			}
			replaced[p.Replaces] = true
		}
		res.present++
	}
	res.hasQuorum = res.present >= res.quorum
	return res, nil
}

// checkBoardNotice checks that every director had due notice of a meeting
// that needs it, or waived it in writing or by attendance (Art. III §5, §7;
// Art. IV §2; DGCL §229).
func checkBoardNotice(e *Env, m *meeting, f *HeldFields, hasQuorum bool) error {
	switch m.Kind {
	case "regular":
		e.Hold("III.6.regular_meetings", "a regular meeting on the board's schedule, held without notice")
		return nil
	case "adjourned":
		e.Hold("III.8.board_adjourn", fmt.Sprintf("the adjourned meeting of %s, with notice only by announcement", m.AdjournedFrom))
		return nil
	case "first":
		e.Check("III.5.first_meeting", hasQuorum,
			"the first meeting at the time and place the stockholders fixed: no notice is needed, a quorum being present",
			"the first meeting at the time and place the stockholders fixed needs no notice only if a quorum is present; without one the directors present may only adjourn")
		return nil
	}
	in, err := directorsOn(e.Rows, m.Date)
	if err != nil {
		return err
	}
	noticed := map[string]bool{}
	if err := e.Rows.Scan(tables.BoardNotices, []any{m.ID}, func(r tables.Row) error {
		noticed[r[1].(string)] = true
		return nil
	}); err != nil {
		return err
	}
	waived := map[string]string{}
	if err := e.Rows.Scan(tables.BoardWaivers, []any{m.ID}, func(r tables.Row) error {
		waived[r[1].(string)] = r[3].(string)
		return nil
	}); err != nil {
		return err
	}
	attended := map[string]bool{}
	for _, p := range f.Present {
		attended[p.Person] = !p.Objected
	}
	var byNotice, byWaiver, byAttendance, none []string
	for _, d := range in {
		switch {
		case noticed[d]:
			byNotice = append(byNotice, d)
		case waived[d] != "":
			byWaiver = append(byWaiver, d)
		case attended[d]:
			byAttendance = append(byAttendance, d)
		default:
			none = append(none, d)
		}
	}
	if m.Kind == "first_on_notice" && len(byNotice) == 0 && len(none) == 0 {
		e.Hold("III.5.first_meeting_fallback", "held on the written waivers (or attendance) of all the directors")
	}
	if len(byWaiver)+len(byAttendance) > 0 {
		e.Hold("IV.2.waiver", fmt.Sprintf("notice waived in writing by %s and by attendance by %s", listOrNone(byWaiver), listOrNone(byAttendance)))
	}
	e.Check("III.7.special_call", len(none) == 0,
		fmt.Sprintf("every director had notice (%s) or waived it", listOrNone(byNotice)),
		fmt.Sprintf("%s had no due notice of the %s meeting %s and neither waived it in writing nor attended without objecting: the meeting was not lawfully called", strings.Join(none, ", "), m.Kind, m.ID),
		N("directors", len(in)), N("noticed", len(byNotice)), N("waived", len(byWaiver)+len(byAttendance)))
	return nil
}

// checkCommitteeNotice checks that every member of a committee had the
// notice of a special meeting of the board, or waived it in writing or by
// attending without objecting, unless the designating resolution provides
// that its meetings need none (MB.committee.notice: the bylaws are silent).
func checkCommitteeNotice(e *Env, m *meeting, f *HeldFields) error {
	c, ok, err := committeeOn(e.Rows, m.Body, m.Date)
	if err != nil || !ok {
		return err
	}
	switch {
	case m.Kind == "adjourned":
		e.Hold("MB.committee.notice", fmt.Sprintf("the adjourned meeting of %s, with notice only by announcement (Art. III §8)", m.AdjournedFrom))
		return nil
	case c.Notice == "none":
		e.Hold("MB.committee.notice", fmt.Sprintf("the resolution designating committee %s provides that its meetings need no notice", c.ID))
		return nil
	}
	noticed := map[string]bool{}
	if err := e.Rows.Scan(tables.BoardNotices, []any{m.ID}, func(r tables.Row) error {
		noticed[r[1].(string)] = true
		return nil
	}); err != nil {
		return err
	}
	waived := map[string]bool{}
	if err := e.Rows.Scan(tables.BoardWaivers, []any{m.ID}, func(r tables.Row) error {
		waived[r[1].(string)] = true
		return nil
	}); err != nil {
		return err
	}
	attended := map[string]bool{}
	for _, p := range f.Present {
		attended[p.Person] = !p.Objected
	}
	var none []string
	for _, x := range c.Members {
		if !noticed[x] && !waived[x] && !attended[x] {
			none = append(none, x)
		}
	}
	e.Check("MB.committee.notice", len(none) == 0,
		fmt.Sprintf("every member of committee %s had the notice of a special meeting of the board, or waived it (the bylaws prescribe no notice of committee meetings; the resolution does not provide otherwise)", c.ID),
		fmt.Sprintf("%s had no notice of meeting %s of committee %s, as for a special meeting of the board (Art. III §7), and neither waived it in writing nor attended: the bylaws prescribe no notice of committee meetings, and minutebook requires it unless the designating resolution provides notice: none", strings.Join(none, ", "), m.ID, c.ID),
		N("members", len(c.Members)), N("without_notice", len(none)))
	return nil
}

func listOrNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}

// presiding returns who presides at a board meeting on d among those
// present: the chairman, else the vice chairman, else the president (Art.
// V §6–8), else the vice-president acting for the president (A-PRESIDE);
// and the rule that decided. "" when the meeting must elect its chair.
func presiding(r tables.Reader, d corp.Date, present map[string]bool) (string, string, error) {
	order := []struct{ office, rule string }{{"chairman", "V.6.chair_presides"}, {"vice_chairman", "V.7.vice_chair_presides"}, {"president", "V.8.president_ceo"}, {"vice_president", "V.8.president_ceo"}}
	var ts []Tenure
	err := r.Scan(tables.Officers, nil, func(row tables.Row) error {
		if inTenure(row[2].(string), row[3].(string), d) {
			since, err := corp.ParseDate(row[2].(string))
			if err != nil {
				return err
			}
			ts = append(ts, Tenure{Office: row[0].(string), Person: row[1].(string), Since: since, Rank: int(row[4].(int64)), Seq: uint64(row[5].(int64))})
		}
		return nil
	})
	if err != nil {
		return "", "", err
	}
	slices.SortStableFunc(ts, func(a, b Tenure) int {
		if succeeds(a, b) {
			return -1
		}
		if succeeds(b, a) {
			return 1
		}
		return 0
	})
	for _, o := range order {
		for _, t := range ts {
			if t.Office == o.office && present[t.Person] {
				return t.Person, o.rule, nil
			}
		}
	}
	return "", "V.8.president_ceo", nil
}

// checkChair checks who presided at a board meeting (Art. V §6–8).
func checkChair(e *Env, m *meeting, f *HeldFields) error {
	who, rule, err := presiding(e.Rows, m.Date, presentSet(f))
	if err != nil {
		return err
	}
	switch {
	case who == "" && f.Chair == "":
		e.Warn("V.8.president_ceo", "neither the chairman, the vice chairman, the president nor a vice-president was present: the meeting elects its chair (A-PRESIDE); name it in chair")
	case who == "":
		e.Warn("V.8.president_ceo", fmt.Sprintf("%s presided, elected by the meeting: none of the chairman, vice chairman, president or a vice-president was present (A-PRESIDE)", f.Chair))
	case f.Chair != "" && f.Chair != who:
		e.Fail(rule, fmt.Sprintf("%s presides at the meetings of the board he or she attends (Art. V §6–8), not %s", who, f.Chair))
	case rule == "V.8.president_ceo" && !isPresident(e.Rows, who, m.Date):
		e.Warn(rule, fmt.Sprintf("%s, the vice-president acting for the absent president, presides (A-PRESIDE)", who))
	default:
		e.Hold(rule, fmt.Sprintf("%s presides", who))
	}
	return nil
}

func isPresident(r tables.Reader, who string, d corp.Date) bool {
	ok, _ := holdsOffice(r, "president", who, d)
	return ok
}

// ConsentSignerField is one member's signature on a unanimous consent.
type ConsentSignerField struct {
	Director string    `mb:"director,required" json:"director"`
	Signed   corp.Date `mb:"signed,required" json:"signed"`
}

// ConsentFields are the fields of board.consent.
type ConsentFields struct {
	ID          string               `mb:"id,required" doc:"the consent's id, named by the adoption of the acts it adopts"`
	Committee   string               `mb:"committee" doc:"for a committee's consent: its id"`
	Signers     []ConsentSignerField `mb:"signers,required" doc:"every member in office, with the date each signed"`
	Resolutions []string             `mb:"resolutions,required" doc:"the text of the resolutions consented to"`
}

// Validate checks the id on decode.
func (f *ConsentFields) Validate(file, path string) error {
	if !validID(f.ID) {
		return strict.Errors{{File: file, Field: path + ".id", Problem: fmt.Sprintf("%q is not an identifier", f.ID)}}
	}
	return nil
}

// Consent records a unanimous written consent of the board or a committee.
var Consent = Define(Kind{
	Name:    "board.consent",
	Summary: "file a unanimous written consent of the board or a committee with the minutes",
	Doc: "The board or a committee may act without a meeting if every member in office consents in writing " +
		"and the writings are filed with the minutes (Art. III §9; DGCL §141(f)). The consent takes effect on " +
		"its effective date, on or after the last signature; a director in office who did not sign makes it " +
		"refused. The acts it adopts name it: adoption: {consent: ID}.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary},
	Example: `kind: board.consent
effective: 2004-07-01
actor: {person: susan, as: secretary}
fields:
  id: uwc-2004-07-01
  signers:
    - {director: pat, signed: 2004-06-28}
    - {director: quinn, signed: 2004-06-29}
    - {director: ray, signed: 2004-06-28}
    - {director: sam, signed: 2004-06-30}
    - {director: tess, signed: 2004-07-01}
  resolutions: ["RESOLVED, that the fiscal year of the corporation end on December 31."]
`,
	NeedsBylaws: true,
}, func(e *Env, f *ConsentFields) error {
	_, exists, err := e.Rows.Get(tables.BoardConsents, f.ID)
	if err != nil {
		return err
	}
	_, out, err := e.Rows.Get(tables.BoardConsentCirculations, f.ID)
	if err != nil {
		return err
	}
	e.Check("MB.consent.unique", !exists && !out, fmt.Sprintf("consent %s is not yet on the books", f.ID), fmt.Sprintf("consent %s is already on the books", f.ID))
	members, body, err := consentMembers(e, f)
	if err != nil || members == nil {
		return err
	}
	signed := map[string]bool{}
	for _, s := range f.Signers {
		if !slices.Contains(members, s.Director) {
			e.Fail("III.9.unanimous_consent", fmt.Sprintf("%s signed but is not a member of the %s in office on %s", s.Director, bodyWords(body), e.Act.Effective))
		}
		if s.Signed.After(e.Act.Effective) {
			e.Fail("III.9.unanimous_consent", fmt.Sprintf("%s signed on %s, after the consent's effective date %s", s.Director, s.Signed, e.Act.Effective))
		}
		signed[s.Director] = true
	}
	var missing []string
	for _, d := range members {
		if !signed[d] {
			missing = append(missing, d)
		}
	}
	e.Check("III.9.unanimous_consent", len(missing) == 0,
		fmt.Sprintf("all %d members of the %s in office consented in writing; filed with the minutes", len(members), bodyWords(body)),
		fmt.Sprintf("action without a meeting needs the written consent of every member in office: %s did not sign", strings.Join(missing, ", ")),
		N("members", len(members)), N("signed", len(signed)))
	return nil
}, func(e *Env, f *ConsentFields) error {
	members, body, err := consentMembers(e, f)
	if err != nil {
		return err
	}
	var signers []string
	for _, s := range f.Signers {
		signers = append(signers, s.Director)
	}
	return e.Rows.Put(tables.BoardConsents, tables.Row{f.ID, body, e.Act.Effective.String(), marshalText(signers), marshalText(members), marshalText(f.Resolutions), int64(e.Seq)})
})

// consentMembers returns the members in office whose consent is needed.
func consentMembers(e *Env, f *ConsentFields) ([]string, string, error) {
	if f.Committee == "" {
		in, err := directorsOn(e.Rows, e.Act.Effective)
		if in == nil {
			in = []string{}
		}
		return in, "board", err
	}
	c, ok, err := committeeOn(e.Rows, f.Committee, e.Act.Effective)
	if err != nil {
		return nil, "", err
	}
	if !ok {
		if !e.Replay {
			e.Fail("MB.committee.known", fmt.Sprintf("no committee %q is designated on %s", f.Committee, e.Act.Effective))
		}
		return []string{}, f.Committee, nil
	}
	return c.Members, c.ID, nil
}
