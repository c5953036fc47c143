package acts

import (
	"context"
	"fmt"
	"sort"

	"minutebook/internal/corp"
	"minutebook/internal/tables"
)

// StockholderMeeting is a stockholders' meeting as the books hold it.
type StockholderMeeting struct {
	ID            string         `json:"id"`
	Type          string         `json:"type"`
	Date          corp.Date      `json:"date"`
	Time          string         `json:"time"`
	Place         string         `json:"place"`
	Remote        string         `json:"remote,omitempty"`
	RemoteOnly    bool           `json:"remote_only,omitempty"`
	CalledBy      string         `json:"called_by"`
	Called        corp.Date      `json:"called"`
	Request       string         `json:"request,omitempty"`
	Purposes      []PurposeField `json:"purposes,omitempty"`
	RecordDate    string         `json:"record_date,omitempty"`
	RecordDateHow string         `json:"record_date_how,omitempty"`
	AdjournedFrom string         `json:"adjourned_from,omitempty"`
	NeedsNotice   bool           `json:"needs_notice,omitempty"`
	ListPlace     string         `json:"list_place,omitempty"`
	ListPrepared  string         `json:"list_prepared,omitempty"`
	Held          bool           `json:"held"`
	Chair         string         `json:"chair,omitempty"`
	SharesPresent string         `json:"shares_present,omitempty"`
	Entitled      string         `json:"shares_entitled,omitempty"`
	HasQuorum     bool           `json:"has_quorum"`
	ListProduced  bool           `json:"list_produced,omitempty"`
	AdjournedTo   string         `json:"adjourned_to,omitempty"`
	Seq           uint64         `json:"seq"`
	HeldSeq       uint64         `json:"held_seq,omitempty"`
}

func publicSMeeting(m *smeeting) StockholderMeeting {
	out := StockholderMeeting{ID: m.ID, Type: m.Type, Date: m.Date, Time: m.Time, Place: m.Place, Remote: m.Remote, RemoteOnly: m.RemoteOnly,
		CalledBy: m.CalledBy, Called: m.Called, Request: m.Request, Purposes: m.Purposes, RecordDate: optDateText(m.RecordDate),
		RecordDateHow: m.RecordDateHow, AdjournedFrom: m.AdjournedFrom, NeedsNotice: m.NeedsNotice, ListPlace: m.ListPlace,
		ListPrepared: optDateText(m.ListPrepared), Held: m.Held, Chair: m.Chair, HasQuorum: m.HasQuorum, ListProduced: m.ListProduced,
		AdjournedTo: m.AdjournedTo, Seq: uint64(m.Seq), HeldSeq: uint64(m.HeldSeq)}
	if m.Held {
		out.SharesPresent, out.Entitled = m.SharesPresent.String(), m.Entitled.String()
	}
	return out
}

// StockholderMeetings returns every stockholders' meeting, by date.
func (s *Service) StockholderMeetings(ctx context.Context, corpID string) ([]StockholderMeeting, error) {
	var out []StockholderMeeting
	err := s.Store.View(ctx, corpID, func(v View) error {
		return v.Scan(tables.StockholderMeetings, nil, func(row tables.Row) error {
			m, err := smeetingOf(row)
			if err != nil {
				return err
			}
			out = append(out, publicSMeeting(m))
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

// Delivery is one notice delivered to a holder, as the log holds it.
type Delivery struct {
	Holder  string `json:"holder"`
	Seq     uint64 `json:"seq"`
	Method  string `json:"method"`
	Address string `json:"address"`
	Given   string `json:"given"`
	Days    int    `json:"days_before"`
	Status  string `json:"status"`
	Detail  string `json:"detail,omitempty"`
}

// Attendee is one holder recorded as present at a stockholders' meeting.
type Attendee struct {
	Holder      string `json:"holder"`
	Mode        string `json:"mode"`
	ProxyHolder string `json:"proxy_holder,omitempty"`
	Shares      string `json:"shares"`
	Objected    bool   `json:"objected,omitempty"`
}

// Inspection is one request to examine the stockholder list, or one access.
type Inspection struct {
	Seq     uint64 `json:"seq"`
	Holder  string `json:"holder"`
	What    string `json:"what"`
	Date    string `json:"date"`
	Purpose string `json:"purpose,omitempty"`
	Request uint64 `json:"request_seq,omitempty"`
}

// MotionEntry is one question brought before a meeting.
type MotionEntry struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Kind    string `json:"kind,omitempty"`
	Purpose int    `json:"purpose,omitempty"`
	Seq     uint64 `json:"seq"`
}

// MeetingRecord is a stockholders' meeting with everything recorded of it:
// the notices delivered, the waivers, the attendance, the list log and
// the motions.
type MeetingRecord struct {
	Meeting     StockholderMeeting `json:"meeting"`
	Deliveries  []Delivery         `json:"deliveries"`
	Waivers     []WaiverEntry      `json:"waivers"`
	Attendance  []Attendee         `json:"attendance"`
	Inspections []Inspection       `json:"list_log"`
	Motions     []MotionEntry      `json:"motions"`
}

// StockholderMeetingRecord returns meeting id with what is recorded of it.
func (s *Service) StockholderMeetingRecord(ctx context.Context, corpID, id string) (*MeetingRecord, error) {
	out := &MeetingRecord{Deliveries: []Delivery{}, Waivers: []WaiverEntry{}, Attendance: []Attendee{}, Inspections: []Inspection{}, Motions: []MotionEntry{}}
	err := s.Store.View(ctx, corpID, func(v View) error {
		m, ok, err := loadSMeeting(v, id)
		if err != nil {
			return err
		}
		if !ok {
			return corp.E("meeting", corp.NotFound, "no stockholders' meeting %q is on the books (minutebook meetings lists them)", id)
		}
		out.Meeting = publicSMeeting(m)
		return readMeetingRecord(v, id, out)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func readMeetingRecord(v tables.Reader, id string, out *MeetingRecord) error {
	if err := v.Scan(tables.StockholderNotices, []any{id}, func(r tables.Row) error {
		out.Deliveries = append(out.Deliveries, Delivery{Holder: r[1].(string), Seq: uint64(r[2].(int64)), Method: r[3].(string), Address: r[4].(string),
			Given: r[5].(string), Days: int(r[6].(int64)), Status: r[7].(string), Detail: r[8].(string)})
		return nil
	}); err != nil {
		return err
	}
	if err := v.Scan(tables.StockholderWaivers, []any{id}, func(r tables.Row) error {
		out.Waivers = append(out.Waivers, WaiverEntry{Director: r[1].(string), Signed: r[2].(string), Form: r[3].(string)})
		return nil
	}); err != nil {
		return err
	}
	if err := v.Scan(tables.StockholderAttendance, []any{id}, func(r tables.Row) error {
		out.Attendance = append(out.Attendance, Attendee{Holder: r[1].(string), Mode: r[2].(string), ProxyHolder: r[3].(string), Shares: r[4].(string), Objected: r[5].(int64) == 1})
		return nil
	}); err != nil {
		return err
	}
	if err := v.Scan(tables.ListInspections, []any{id}, func(r tables.Row) error {
		out.Inspections = append(out.Inspections, Inspection{Seq: uint64(r[1].(int64)), Holder: r[2].(string), What: r[3].(string), Date: r[4].(string), Purpose: r[5].(string), Request: uint64(r[6].(int64))})
		return nil
	}); err != nil {
		return err
	}
	return v.Scan(tables.StockholderMotions, []any{id}, func(r tables.Row) error {
		out.Motions = append(out.Motions, MotionEntry{ID: r[1].(string), Text: r[2].(string), Kind: r[3].(string), Purpose: int(r[4].(int64)), Seq: uint64(r[5].(int64))})
		return nil
	})
}

// NoticeFacts is what a notice of meeting and a proxy card are written
// from: the corporation, the meeting and the holders entitled to notice
// and to vote on its record date (with addresses, shares and votes, and
// their consent or objection to notice by e-mail on the date asked).
type NoticeFacts struct {
	Corporation corp.Corporation
	Meeting     StockholderMeeting
	// RecordDate is the meeting's record date, or the one a notice given on
	// the date asked would fix (the day before: DGCL §213(a)).
	RecordDate corp.Date
	Holders    []NoticeHolder
	Secretary  string // the secretary's name on the date asked, "" if none
}

// NoticeHolder is one holder entitled to notice.
type NoticeHolder struct {
	Person     corp.Person
	Shares     corp.Decimal // of the classes entitled to vote
	Votes      corp.Decimal
	Electronic string // consented, objected or ""
}

// MeetingNoticeFacts returns the facts of a notice of meeting id given on
// date on (the record date defaults to the day before when none is set).
func (s *Service) MeetingNoticeFacts(ctx context.Context, corpID, id string, on corp.Date) (*NoticeFacts, error) {
	out := &NoticeFacts{}
	err := s.Store.View(ctx, corpID, func(v View) error {
		cc, err := loadContext(v)
		if err != nil {
			return err
		}
		if cc.corp == nil {
			return corp.E("meeting", corp.NotFound, "corporation %q is not recorded", corpID)
		}
		out.Corporation = *cc.corp
		out.Corporation.ID = corpID
		m, ok, err := loadSMeeting(v, id)
		if err != nil {
			return err
		}
		if !ok {
			return corp.E("meeting", corp.NotFound, "no stockholders' meeting %q is on the books (minutebook meetings lists them)", id)
		}
		out.Meeting = publicSMeeting(m)
		out.RecordDate = m.RecordDate
		if out.RecordDate.IsZero() {
			out.RecordDate = on.AddDays(-1)
		}
		r, err := rollOn(v, cc, out.RecordDate)
		if err != nil {
			return err
		}
		for _, h := range r.Holders {
			if h.Votes.Sign() == 0 {
				continue
			}
			pref, err := noticePreference(v, h.Person.ID, on)
			if err != nil {
				return err
			}
			out.Holders = append(out.Holders, NoticeHolder{Person: h.Person, Shares: h.Shares, Votes: h.Votes, Electronic: pref})
		}
		var sec string
		err = v.Scan(tables.Officers, []any{"secretary"}, func(row tables.Row) error {
			if inTenure(row[2].(string), row[3].(string), on) {
				sec = row[1].(string)
			}
			return nil
		})
		if err != nil || sec == "" {
			return err
		}
		row, ok, err := v.Get(tables.Persons, sec)
		if err == nil && ok {
			out.Secretary = row[1].(string)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// StockholderConsent is an action by written consent as the books hold it.
type StockholderConsent struct {
	ID             string `json:"id"`
	Action         string `json:"action"`
	Kind           string `json:"kind,omitempty"`
	RecordDate     string `json:"record_date,omitempty"`
	FirstDelivered string `json:"first_delivered,omitempty"`
	Needed         string `json:"needed,omitempty"`
	Consented      string `json:"consented,omitempty"`
	Effective      string `json:"effective,omitempty"`
	Unanimous      bool   `json:"unanimous"`
	PromptNotice   string `json:"prompt_notice,omitempty"`
}

// StockholderConsents returns every action by the stockholders' written consent.
func (s *Service) StockholderConsents(ctx context.Context, corpID string) ([]StockholderConsent, error) {
	var out []StockholderConsent
	err := s.Store.View(ctx, corpID, func(v View) error {
		var ids []string
		if err := v.Scan(tables.StockholderConsents, nil, func(r tables.Row) error {
			ids = append(ids, r[0].(string))
			return nil
		}); err != nil {
			return err
		}
		for _, id := range ids {
			c, _, err := loadHConsent(v, id)
			if err != nil {
				return err
			}
			out = append(out, StockholderConsent{ID: c.ID, Action: c.Action, Kind: c.Kind, RecordDate: optDateText(c.RecordDate),
				FirstDelivered: optDateText(c.FirstDelivered), Needed: c.Needed, Consented: c.Consented, Effective: optDateText(c.Effective),
				Unanimous: c.Unanimous, PromptNotice: optDateText(c.PromptNotice)})
		}
		return nil
	})
	return out, err
}

// The stockholders' meetings on the calendar (Art. II §2–§4, §8, §11;
// Art. VI §5; DGCL §211(c)).
func init() {
	RegisterDeadlines(meetingDeadlines)
}

func meetingDeadlines(q *CalendarQuery) ([]Deadline, error) {
	var out []Deadline
	add := func(d corp.Date, rule, title, detail string, seq int64) {
		out = append(out, Deadline{Date: d, Rule: rule, Citation: q.Cite(rule, d), Title: title, Detail: detail, Source: uint64(seq)})
	}
	rb := func(d corp.Date) *Env {
		e := &Env{}
		if v, ok := q.cc.bylaws.InForce(d); ok {
			e.Bylaws = v.Rulebook
		}
		return e
	}
	var ms []*smeeting
	if err := q.View.Scan(tables.StockholderMeetings, nil, func(row tables.Row) error {
		m, err := smeetingOf(row)
		ms = append(ms, m)
		return err
	}); err != nil {
		return nil, err
	}
	for _, m := range ms {
		e := rb(m.Called)
		if e.Bylaws == nil || m.Held {
			continue
		}
		name := fmt.Sprintf("%s meeting %s on %s", m.typeWords(), m.ID, m.Date)
		noticeRule := "II.3.annual_notice_window"
		if m.Type == "special" {
			noticeRule = "II.6.special_notice"
		}
		minN, _ := e.Bylaws.Int(noticeRule, "min_days")
		maxN, _ := e.Bylaws.Int(noticeRule, "max_days")
		if m.AdjournedFrom == "" || m.NeedsNotice {
			rule := noticeRule
			if m.AdjournedFrom != "" {
				rule = "II.8.adjourn_notice"
			}
			add(m.Date.AddDays(-maxN), rule, "first day to give notice of the "+name, fmt.Sprintf("not more than %d days before (mail: given when deposited, Art. IV §1)", maxN), m.Seq)
			add(m.Date.AddDays(-minN), rule, "last day to give notice of the "+name, fmt.Sprintf("not less than %d days before, to every holder of record entitled to vote", minN), m.Seq)
		}
		if m.RecordDate.IsZero() {
			minR, _ := e.Bylaws.Int("VI.5.record_date_meeting", "min_days")
			maxR, _ := e.Bylaws.Int("VI.5.record_date_meeting", "max_days")
			add(m.Date.AddDays(-maxR), "VI.5.record_date_meeting", "earliest record date the board may fix for the "+name, fmt.Sprintf("not more than %d days before; without one, the close of business on the day before notice is given", maxR), m.Seq)
			add(m.Date.AddDays(-minR), "VI.5.record_date_meeting", "latest record date the board may fix for the "+name, fmt.Sprintf("not less than %d days before", minR), m.Seq)
		}
		listDays, _ := e.Bylaws.Int("II.4.list_prepare", "days_before")
		if m.ListPrepared.IsZero() && m.AdjournedFrom == "" {
			add(m.Date.AddDays(-listDays), "II.4.list_prepare", "stockholder list due for the "+name, "alphabetical, with addresses and shares, as of the record date (list.prepare)", m.Seq)
		}
		openDays, _ := e.Bylaws.Int("II.4.list_open", "min_days")
		add(m.Date.AddDays(-openDays), "II.4.list_open", "stockholder list open for examination from today for the "+name, "to any stockholder, for a purpose germane to the meeting, in ordinary business hours (list.request, list.access)", m.Seq)
		add(m.Date.AddDays(-1), "II.4.list_open", "last day of examination of the stockholder list before the "+name, "it is then produced at the meeting (Art. II §4)", m.Seq)
	}
	// DGCL §211(c): no annual meeting within 30 days of the designated date,
	// or for 13 months after the last annual meeting.
	var lastHeld, designated corp.Date
	var lastHeldSeq, designatedSeq int64
	for _, m := range ms {
		if m.Type != "annual" {
			continue
		}
		if m.Held && m.HasQuorum && m.Date.After(lastHeld) {
			lastHeld, lastHeldSeq = m.Date, m.HeldSeq
		}
	}
	for _, m := range ms {
		if m.Type == "annual" && m.AdjournedFrom == "" && !m.Held && m.Date.After(lastHeld) && (designated.IsZero() || m.Date.Before(designated)) {
			designated, designatedSeq = m.Date, m.Seq
		}
	}
	switch {
	case !designated.IsZero():
		e := rb(designated)
		if e.Bylaws != nil {
			days, _ := e.Bylaws.Int("II.2.annual_meeting", "court_order_after_days")
			add(designated.AddDays(days+1), "II.2.annual_meeting", "any stockholder or director may apply to the Court of Chancery for an annual meeting (DGCL §211(c))",
				fmt.Sprintf("no annual meeting held within %d days after the designated date %s", days, designated), designatedSeq)
		}
	case !lastHeld.IsZero():
		e := rb(lastHeld)
		if e.Bylaws != nil {
			months, _ := e.Bylaws.Int("II.2.annual_meeting", "court_order_after_months")
			end := lastHeld.AddMonths(months)
			add(end.AddDays(1), "II.2.annual_meeting", "any stockholder or director may apply to the Court of Chancery for an annual meeting (DGCL §211(c))",
				fmt.Sprintf("no annual meeting designated or held for %d months after the last one on %s (through %s)", months, lastHeld, end), lastHeldSeq)
		}
	}
	// Requests that oblige a call not yet answered (A-CALLDEADLINE).
	if err := q.View.Scan(tables.StockholderRequests, nil, func(r tables.Row) error {
		if r[7].(int64) != 1 || r[8].(string) != "" {
			return nil
		}
		d, err := corp.ParseDate(r[4].(string))
		if err != nil {
			return err
		}
		e := rb(d)
		if e.Bylaws == nil {
			return nil
		}
		flag := e.Bylaws.Ambiguity("A-CALLDEADLINE").Int("flag_days")
		rule := "II.5.special_call_holder_request"
		if r[1].(string) == "directors" {
			rule = "II.5.special_call_board_request"
		}
		add(d.AddDays(flag), rule, fmt.Sprintf("the special meeting requested in %s is not yet called", r[0]),
			fmt.Sprintf("the president or secretary must call it; no deadline in the bylaws, flagged after %d days (A-CALLDEADLINE)", flag), r[9].(int64))
		return nil
	}); err != nil {
		return nil, err
	}
	// Written consents: the 60-day window and the prompt notice (A-PROMPT).
	var ids []string
	if err := q.View.Scan(tables.StockholderConsents, nil, func(r tables.Row) error {
		ids = append(ids, r[0].(string))
		return nil
	}); err != nil {
		return nil, err
	}
	for _, id := range ids {
		c, _, err := loadHConsent(q.View, id)
		if err != nil {
			return nil, err
		}
		switch {
		case c.Effective.IsZero() && !c.FirstDelivered.IsZero():
			e := rb(c.FirstDelivered)
			if e.Bylaws != nil {
				w, _ := e.Bylaws.Int("II.11.written_consent", "delivery_window_days")
				add(c.FirstDelivered.AddDays(w), "II.11.written_consent", fmt.Sprintf("last day to deliver sufficient consents to %s", c.ID),
					fmt.Sprintf("%d days after the first consent was delivered on %s (DGCL §228(c)); %s of %s votes so far", w, c.FirstDelivered, c.Consented, c.Needed), c.Seq)
			}
		case !c.Effective.IsZero() && !c.Unanimous && c.PromptNotice.IsZero():
			e := rb(c.Effective)
			if e.Bylaws != nil {
				flag := e.Bylaws.Ambiguity("A-PROMPT").Int("flag_days")
				add(c.Effective.AddDays(flag), "II.11.prompt_notice", fmt.Sprintf("prompt notice of the action by consent %s to the holders who did not consent", c.ID),
					fmt.Sprintf("the action took effect %s; flagged as not prompt after %d days (A-PROMPT)", c.Effective, flag), c.Seq)
			}
		}
	}
	return out, nil
}
