package acts

import (
	"fmt"
	"slices"
	"strings"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/strict"
	"minutebook/internal/tables"
)

// This file keeps the stockholders' meetings (Art. II, Art. IV, Art. VI
// §5): the written request to call a special meeting, the call of an
// annual or special meeting, its record date, the notice given to every
// holder of record entitled to vote (by mail, given on deposit, or by
// e-mail through an SMTP client: package notify), the holders' waivers and
// their consent or objection to electronic notice, the meeting as held
// (attendance in person, by remote communication or by proxy, the quorum
// of Art. II §8, the chair of Art. V §6–8, an adjournment) and the business
// brought before it (Art. II §2, §7). The stockholder list's preparation
// and inspection are in kinds_stocklist.go, written consents in
// kinds_consents.go, ballots, proxies and the tally in the vote acts.

func init() {
	addEngineRules(map[string]engineRule{
		"MB.stockholder_meeting.unique":   {"Art. II §2, §5", "a meeting id names one meeting of the stockholders"},
		"MB.stockholder_meeting.known":    {"Art. II §2, §5", "the stockholders' meeting an act names is on the books (called), and not yet held where the act precedes it"},
		"MB.stockholder_meeting.date":     {"Art. II §2, §5", "a stockholders' meeting is called before it is held, and recorded as held on the date for which it was called"},
		"MB.stockholder_meeting.attendee": {"Art. II §8, §10; Art. VI §7", "those counted at a stockholders' meeting are holders of record entitled to vote on its record date, each once"},
		"MB.request.unique":               {"Art. II §5", "a request id names one written request to call a special meeting"},
		"MB.request.known":                {"Art. II §5", "the request a call answers is on the books and not yet answered"},
		"MB.motion.unique":                {"Art. II §2, §7", "a motion id names one question brought before a meeting"},
	})
}

// RequesterField is one signer of a written request.
type RequesterField struct {
	Person string    `mb:"person,required" json:"person" doc:"a director, or a holder of record"`
	Signed corp.Date `mb:"signed,required" json:"signed"`
}

// RequestFields are the fields of meeting.request.
type RequestFields struct {
	ID         string           `mb:"id,required" doc:"the request's id, cited by the call that answers it"`
	By         string           `mb:"by,required" enum:"directors,holders" doc:"a request of directors (a majority of the board) or of holders of record (a majority of the stock)"`
	Requesters []RequesterField `mb:"requesters,required" doc:"who signed the written request, and when"`
	Purposes   []PurposeField   `mb:"purposes" doc:"the purposes of the proposed meeting (Art. II §5: the request must state them)"`
}

// Validate checks the id on decode.
func (f *RequestFields) Validate(file, path string) error {
	if !validID(f.ID) {
		return strict.Errors{{File: file, Field: path + ".id", Problem: fmt.Sprintf("%q is not an identifier", f.ID)}}
	}
	return nil
}

// requestCount is the count of a request against its threshold.
type requestCount struct {
	requesting, of corp.Decimal
	need           string
	binding        bool
}

// countRequest counts the requesters of f on the act's date: directors
// against the board (A-MAJBOARD), or the shares of the classes entitled
// to vote of holders of record against those outstanding (Art. II §5).
// With check it records the checks.
func countRequest(e *Env, f *RequestFields, check bool) (requestCount, error) {
	var c requestCount
	d := e.Act.Effective
	seen := map[string]bool{}
	if f.By == "directors" {
		in, err := directorsOn(e.Rows, d)
		if err != nil {
			return c, err
		}
		whole, err := wholeBoard(e.Rows, d)
		if err != nil {
			return c, err
		}
		base, of := "the whole board", whole
		if ch := e.Bylaws.Choice("A-MAJBOARD"); ch == "in_office" || ch == "present" {
			base, of = "the directors in office", len(in)
		}
		n := 0
		for _, r := range f.Requesters {
			if seen[r.Person] {
				continue
			}
			seen[r.Person] = true
			if !slices.Contains(in, r.Person) {
				if check {
					e.Fail("II.5.special_call_board_request", fmt.Sprintf("%s signed the request but is not a director on %s", r.Person, d))
				}
				continue
			}
			n++
		}
		need := countNeeded(e.Bylaws, "II.5.special_call_board_request", of)
		c = requestCount{requesting: corp.DecimalFromInt(int64(n)), of: corp.DecimalFromInt(int64(of)), need: fmt.Sprint(need), binding: n >= need}
		if check {
			nums := []journal.Number{N("requesting", n), N("needed", need), N("of", of)}
			if c.binding {
				e.Hold("II.5.special_call_board_request", fmt.Sprintf("the written request of %d directors, a majority of %s (%d): the president or the secretary must call the meeting", n, base, of), nums...)
			} else {
				e.Warn("II.5.special_call_board_request", fmt.Sprintf("no duty to call: %d directors are not a majority of %s (%d); %d needed (A-MAJBOARD). The president may still call the meeting", n, base, of, need), nums...)
			}
		}
		return c, nil
	}
	r, err := e.roll(d)
	if err != nil {
		return c, err
	}
	for _, q := range f.Requesters {
		if seen[q.Person] {
			continue
		}
		seen[q.Person] = true
		v, ok := r.get(q.Person)
		if !ok || v.Shares.Sign() == 0 {
			if check {
				e.Fail("II.5.special_call_holder_request", fmt.Sprintf("%s signed the request but holds no stock entitled to vote of record on %s (Art. VI §7)", q.Person, d))
			}
			continue
		}
		c.requesting = c.requesting.Add(v.Shares)
	}
	c.of = r.Entitled
	c.binding, c.need = majorityBase(e.Bylaws, "II.5.special_call_holder_request", c.requesting, c.of)
	if check {
		nums := []journal.Number{N("requesting_shares", c.requesting), N("outstanding_voting_shares", c.of), N("needed", c.need)}
		if c.binding {
			e.Hold("II.5.special_call_holder_request", fmt.Sprintf("holders of %s of the %s shares issued, outstanding and entitled to vote (a majority, at least %s) request the meeting: the president or the secretary must call it",
				c.requesting.Grouped(), c.of.Grouped(), c.need), nums...)
		} else {
			e.Warn("II.5.special_call_holder_request", fmt.Sprintf("no duty to call: %s of the %s shares issued, outstanding and entitled to vote is not a majority in amount (at least %s needed); the president may still call the meeting",
				c.requesting.Grouped(), c.of.Grouped(), c.need), nums...)
		}
	}
	return c, nil
}

// RequestMeeting records a written request to call a special meeting.
var RequestMeeting = Define(Kind{
	Name:    "meeting.request",
	Summary: "record a written request to call a special meeting of the stockholders",
	Doc: "The president or the secretary must call a special meeting on the written request of a majority of " +
		"the board (of the whole board by default, A-MAJBOARD) or of holders of a majority in amount of the " +
		"stock issued, outstanding and entitled to vote; the request states its purposes (Art. II §5). The " +
		"requesters' holdings are read from the ledger on the request's date (the effective date: its " +
		"delivery). A request that falls short is recorded with the finding that it obliges no call (exactly " +
		"50% is not a majority). One that obliges a call opens an obligation on the calendar, flagged after " +
		"10 days (A-CALLDEADLINE); the call that answers it cites it (meeting.call request).",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary, corp.AsPresident, corp.AsHolder, corp.AsDirector},
	Example: `kind: meeting.request
effective: 2004-05-03
actor: {person: susan, as: secretary}
fields:
  id: req-2004-05
  by: holders
  requesters:
    - {person: alice, signed: 2004-05-01}
    - {person: dan, signed: 2004-05-02}
  purposes:
    - {text: "Removal of Tess as a director"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *RequestFields) error {
	_, exists, err := e.Rows.Get(tables.StockholderRequests, f.ID)
	if err != nil {
		return err
	}
	e.Check("MB.request.unique", !exists, fmt.Sprintf("request %s is not yet on the books", f.ID), fmt.Sprintf("request %s is already on the books", f.ID))
	e.Check("II.5.request_purpose", len(f.Purposes) > 0,
		fmt.Sprintf("the request states %d purpose(s)", len(f.Purposes)),
		"a request to call a special meeting must state the purpose or purposes of the proposed meeting", N("purposes", len(f.Purposes)))
	for _, r := range f.Requesters {
		if r.Signed.After(e.Act.Effective) {
			e.Fail("II.5.request_purpose", fmt.Sprintf("%s signed on %s, after the request's delivery on %s", r.Person, r.Signed, e.Act.Effective))
		}
	}
	c, err := countRequest(e, f, true)
	if err != nil {
		return err
	}
	if c.binding {
		days := e.Bylaws.Ambiguity("A-CALLDEADLINE").Int("flag_days")
		e.Warn("II.5.special_call_board_request", fmt.Sprintf("the bylaws set no deadline for the call: an open obligation, flagged on the calendar after %d days (A-CALLDEADLINE)", days))
	}
	return nil
}, func(e *Env, f *RequestFields) error {
	c, err := countRequest(e, f, false)
	if err != nil {
		return err
	}
	purposes := f.Purposes
	if purposes == nil {
		purposes = []PurposeField{}
	}
	return e.Rows.Put(tables.StockholderRequests, tables.Row{f.ID, f.By, marshalText(f.Requesters), marshalText(purposes), e.Act.Effective.String(),
		c.requesting.String(), c.of.String(), b2i(c.binding), "", int64(e.Seq)})
})

// CallStockholderMeetingFields are the fields of meeting.call.
type CallStockholderMeetingFields struct {
	ID    string    `mb:"id,required" doc:"the meeting's id, e.g. annual-2004"`
	Type  string    `mb:"type,required" enum:"annual,special" doc:"an annual meeting (Art. II §2) or a special meeting (Art. II §5)"`
	Date  corp.Date `mb:"date,required" doc:"the meeting's date"`
	Time  string    `mb:"time,required" doc:"its hour, HH:MM, in the corporation's zone"`
	Place string    `mb:"place" doc:"where it is held (Art. II §1); may be omitted only for a meeting held solely by remote communication"`
	// Remote is the means of remote communication, if any (DGCL §211(a)).
	Remote     string         `mb:"remote" doc:"the means of remote communication by which stockholders may take part (DGCL §211(a)(2)), stated in the notice"`
	RemoteOnly bool           `mb:"remote_only" doc:"held solely by remote communication (DGCL §211(a)(1)): only the board, which fixes the place, may so decide"`
	Purposes   []PurposeField `mb:"purposes" doc:"the purposes; required for a special meeting, whose business is limited to them (Art. II §6–7); a bylaw amendment has kind bylaws.amend (Art. IX §1)"`
	Request    string         `mb:"request" doc:"the written request (meeting.request) the call answers"`
	RecordDate corp.Date      `mb:"record_date" doc:"the record date, when the board fixes it in the call (Art. VI §5); else meeting.record_date, or the statutory default"`
	ListPlace  string         `mb:"list_place" doc:"a place in the city of the meeting where the stockholder list is open, specified in the notice (Art. II §4); default the meeting place"`
}

// Validate checks the id and time on decode.
func (f *CallStockholderMeetingFields) Validate(file, path string) error {
	if !validID(f.ID) {
		return strict.Errors{{File: file, Field: path + ".id", Problem: fmt.Sprintf("%q is not an identifier", f.ID)}}
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

// CallStockholderMeeting records the call of a stockholders' meeting.
var CallStockholderMeeting = Define(Kind{
	Name:    "meeting.call",
	Summary: "call an annual or special meeting of the stockholders",
	Doc: "An annual meeting is held on the date and at the time and place the board designates (Art. II §1–2): " +
		"only the board calls it (`as: board`, with its adoption). A special meeting is called by the president " +
		"(or a vice-president acting for the president, Art. V §10), or by the president or the secretary on " +
		"a written request that obliges the call (Art. II §5: `request`); the board may always call one (DGCL " +
		"§211(d), recorded with a warning); anyone else, the chairman as such included, is refused citing Art. " +
		"II §5. A special meeting states its purposes. The meeting may admit remote participation (`remote`, " +
		"DGCL §211(a)(2)) or be held solely by remote communication (`remote_only`, §211(a)(1), only by the " +
		"board). The board may fix the record date in the call (10–60 days before the meeting, Art. VI §5); " +
		"the effective date is the date of the call.",
	Actors:    []corp.Capacity{corp.AsBoard, corp.AsPresident, corp.AsVicePresident, corp.AsSecretary, corp.AsAssistantSecretary, corp.AsDirector, corp.AsHolder},
	ActorRule: "II.5.special_call_president",
	Power:     PowerOrdinary,
	Example: `kind: meeting.call
effective: 2004-04-20
actor: {as: board}
fields:
  id: annual-2004
  type: annual
  date: 2004-06-15
  time: "10:00"
  place: "47212 Mission Falls Court, Fremont, California"
  record_date: 2004-05-14
  purposes:
    - {text: "Election of directors"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *CallStockholderMeetingFields) error {
	_, exists, err := e.Rows.Get(tables.StockholderMeetings, f.ID)
	if err != nil {
		return err
	}
	e.Check("MB.stockholder_meeting.unique", !exists, fmt.Sprintf("meeting %s is not yet on the books", f.ID), fmt.Sprintf("meeting %s is already on the books", f.ID))
	e.Check("MB.stockholder_meeting.date", !f.Date.Before(e.Act.Effective),
		fmt.Sprintf("called on %s for %s", e.Act.Effective, f.Date),
		fmt.Sprintf("called on %s for %s, a date already past", e.Act.Effective, f.Date))
	board := e.Act.Actor.Capacity == corp.AsBoard
	switch {
	case f.RemoteOnly && !board:
		e.Fail("II.1.place_election", "only the board, which fixes the place of the meeting, may hold it solely by remote communication (DGCL §211(a)(1))")
	case f.RemoteOnly:
		e.Warn("II.1.place_election", fmt.Sprintf("held solely by remote communication (%s), which DGCL §211(a)(1) lets the board decide because it fixes the place; the bylaws do not contemplate it", orText(f.Remote, "means to be stated in the notice")))
	case strings.TrimSpace(f.Place) == "":
		e.Fail("II.1.place_election", "the call names no place: a meeting is held at the principal executive offices or another place fixed by the board, stated in the notice")
	default:
		e.Hold("II.1.place_election", fmt.Sprintf("to be held at %s", f.Place))
	}
	if f.Remote != "" && !f.RemoteOnly {
		e.Warn("II.1.place_election", fmt.Sprintf("stockholders may take part by remote communication (%s) and count as present if the board verifies them, gives them a reasonable opportunity to take part and keeps a record of their votes (DGCL §211(a)(2))", f.Remote))
	}
	if f.Type == "annual" {
		e.Check("II.2.annual_meeting", board,
			fmt.Sprintf("the annual meeting on %s at %s, as the board designates", f.Date, f.Time),
			fmt.Sprintf("the annual meeting is held on the date and at the time the board designates (Art. II §2): not called by the %s", e.Act.Actor.Capacity))
		if f.Request != "" {
			e.Fail("II.5.special_call_board_request", "a written request calls for a special meeting, not the annual meeting")
		}
	} else {
		e.Check("II.6.special_notice", len(f.Purposes) > 0,
			fmt.Sprintf("a special meeting for %d stated purpose(s)", len(f.Purposes)),
			"a special meeting states the purpose or purposes for which it is called (Art. II §6), and its business is limited to them (§7)",
			N("purposes", len(f.Purposes)))
		if err := checkSpecialStockholderCall(e, f); err != nil {
			return err
		}
	}
	if !f.RecordDate.IsZero() {
		if !board {
			e.Fail("VI.5.record_date_meeting", fmt.Sprintf("the board fixes a record date (Art. VI §5), not the %s: leave it out, or record the board's meeting.record_date", e.Act.Actor.Capacity))
		} else {
			checkMeetingRecordDate(e, f.RecordDate, f.Date)
		}
	}
	return nil
}, func(e *Env, f *CallStockholderMeetingFields) error {
	m := &smeeting{ID: f.ID, Type: f.Type, Date: f.Date, Time: f.Time, Place: f.Place, Remote: f.Remote, RemoteOnly: f.RemoteOnly,
		CalledBy: e.Act.Actor.String(), Called: e.Act.Effective, Request: f.Request, Purposes: f.Purposes, ListPlace: f.ListPlace, Seq: int64(e.Seq)}
	if !f.RecordDate.IsZero() {
		m.RecordDate, m.RecordDateHow = f.RecordDate, "fixed"
	}
	if f.Request != "" {
		row, ok, err := e.Rows.Get(tables.StockholderRequests, f.Request)
		if err != nil {
			return err
		}
		if ok {
			row = slices.Clone(row)
			row[8] = f.ID
			if err := e.Rows.Put(tables.StockholderRequests, row); err != nil {
				return err
			}
		}
	}
	return e.Rows.Put(tables.StockholderMeetings, m.row())
})

func orText(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return s
}

// checkSpecialStockholderCall checks who calls a special meeting (Art. II
// §5; DGCL §211(d)).
func checkSpecialStockholderCall(e *Env, f *CallStockholderMeetingFields) error {
	d := e.Act.Effective
	cap, person := e.Act.Actor.Capacity, e.Act.Actor.Person
	binding := false
	if f.Request != "" {
		row, ok, err := e.Rows.Get(tables.StockholderRequests, f.Request)
		if err != nil {
			return err
		}
		switch {
		case !ok:
			e.Fail("MB.request.known", fmt.Sprintf("no request %q is on the books (record meeting.request first)", f.Request))
		case row[8].(string) != "":
			e.Fail("MB.request.known", fmt.Sprintf("request %s was already answered by meeting %s", f.Request, row[8]))
		default:
			binding = row[7].(int64) == 1
			rule := "II.5.special_call_holder_request"
			if row[1].(string) == "directors" {
				rule = "II.5.special_call_board_request"
			}
			if binding {
				e.Hold(rule, fmt.Sprintf("called on the written request %s, which obliges the call (%s of %s)", f.Request, row[5], row[6]))
			} else if cap == corp.AsSecretary || cap == corp.AsAssistantSecretary {
				e.Fail(rule, fmt.Sprintf("request %s (%s of %s) falls short of a majority, so it obliges no call and gives the secretary no power to call; the president may call the meeting", f.Request, row[5], row[6]))
			}
		}
	}
	holds := func(office string) (bool, error) {
		recorded, err := officersRecorded(e.Rows)
		if err != nil || !recorded || person == "" {
			return !recorded, err
		}
		return holdsOffice(e.Rows, office, person, d)
	}
	switch cap {
	case corp.AsBoard:
		e.Warn("II.5.special_call_president", "called by the board, which DGCL §211(d) always allows; Art. II §5 names the president")
	case corp.AsPresident:
		ok, err := holds("president")
		if err != nil {
			return err
		}
		e.Check("II.5.special_call_president", ok, fmt.Sprintf("called by the president (%s)", e.Act.Actor),
			fmt.Sprintf("%s does not hold the office of president on %s; a special meeting is called by the president", person, d))
	case corp.AsVicePresident:
		ok, err := holds("vice_president")
		if err != nil {
			return err
		}
		if ok {
			e.Warn("V.10.vp_succession", fmt.Sprintf("called by vice-president %s acting for the president, who is recorded as absent or unable to act (Art. V §10); `minutebook officers acting president` says who acts", person))
			e.Hold("II.5.special_call_president", "called by the acting president")
		} else {
			e.Fail("II.5.special_call_president", fmt.Sprintf("%s is not a vice-president on %s", person, d))
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
			e.Fail("II.5.special_call_president", fmt.Sprintf("%s does not hold the office of %s on %s", person, office, d))
		case f.Request == "":
			e.Fail("II.5.special_call_board_request", "the secretary calls a special meeting only on the written request of a majority of the board or of holders of a majority of the stock (Art. II §5): name it in request")
		case binding:
			e.Hold("II.5.special_call_president", fmt.Sprintf("called by the %s on a written request that obliges the call", office))
		}
	default:
		e.Fail("II.5.special_call_president", fmt.Sprintf("a special meeting of the stockholders is called by the president, or by the president or the secretary on a written request (Art. II §5); not by the %s (the chairman, as such, may not call one)", cap))
	}
	return nil
}

// checkMeetingRecordDate checks a record date fixed by the board for a meeting on
// m (Art. VI §5; DGCL §213(a)): 10 to 60 days before it, and not before the
// resolution fixing it.
func checkMeetingRecordDate(e *Env, rd, m corp.Date) {
	minDays, _ := e.Bylaws.Int("VI.5.record_date_meeting", "min_days")
	maxDays, _ := e.Bylaws.Int("VI.5.record_date_meeting", "max_days")
	days := rd.DaysUntil(m)
	least := minDays
	if e.Bylaws.Choice("A-RDCOUNT") == "inclusive" {
		least = minDays - 1 // the record date itself counted as one of the days
	}
	e.Check("VI.5.record_date_meeting", days >= least && days <= maxDays,
		fmt.Sprintf("record date %s is %d days before the meeting on %s: not more than %d nor less than %d", rd, days, m, maxDays, minDays),
		fmt.Sprintf("record date %s is %d days before the meeting on %s: it must be not more than %d nor less than %d days before (%s … %s)",
			rd, days, m, maxDays, minDays, m.AddDays(-maxDays), m.AddDays(-least)),
		N("days_before", days), N("min_days", minDays), N("max_days", maxDays))
	e.Check("VI.5.record_date_meeting", !rd.Before(e.Act.Effective),
		fmt.Sprintf("fixed on %s, on or before the record date", e.Act.Effective),
		fmt.Sprintf("record date %s precedes the resolution fixing it on %s (DGCL §213(a))", rd, e.Act.Effective))
}

// RecordDateFields are the fields of meeting.record_date.
type RecordDateFields struct {
	Meeting    string    `mb:"meeting,required" doc:"the meeting (or adjourned meeting) whose record date the board fixes"`
	RecordDate corp.Date `mb:"record_date,required"`
}

// FixRecordDate records the board's fixing of a meeting's record date.
var FixRecordDate = Define(Kind{
	Name:    "meeting.record_date",
	Summary: "fix the record date of a stockholders' meeting or of an adjourned meeting",
	Doc: "The board may fix in advance a record date for the holders entitled to notice of and to vote at a " +
		"meeting, not more than 60 nor less than 10 days before it (Art. VI §5; M − RD counted in calendar days, " +
		"A-RDCOUNT: exactly 10 and 60 pass, 9 and 61 are refused), and not before its resolution (DGCL §213(a)). " +
		"Without one the record date is the close of business on the day before notice is given, or the day " +
		"before the meeting when notice is waived (§213(a)). The record date applies to any adjournment unless " +
		"the board fixes a new one for the adjourned meeting; then notice of it goes to every holder of record " +
		"(Art. II §8). The holders entitled to notice and to vote are those of record at the end of that day.",
	Actors: []corp.Capacity{corp.AsBoard},
	Power:  PowerOrdinary,
	Example: `kind: meeting.record_date
effective: 2004-05-01
actor: {as: board}
fields: {meeting: annual-2004, record_date: 2004-05-14}
`,
	NeedsBylaws: true,
}, func(e *Env, f *RecordDateFields) error {
	m, ok, err := loadSMeeting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	if !ok || m.Held {
		e.Fail("MB.stockholder_meeting.known", fmt.Sprintf("meeting %q is not on the books as called and not yet held", f.Meeting))
		return nil
	}
	checkMeetingRecordDate(e, f.RecordDate, m.Date)
	if m.AdjournedFrom != "" {
		e.Hold("VI.5.adjournment", fmt.Sprintf("the board fixes a new record date for the meeting adjourned from %s", m.AdjournedFrom))
		e.Hold("II.8.adjourn_notice", "a new record date is fixed for the adjourned meeting: notice of it must be given to each stockholder of record entitled to vote on the new record date")
	}
	return nil
}, func(e *Env, f *RecordDateFields) error {
	m, _, err := loadSMeeting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	m.RecordDate, m.RecordDateHow = f.RecordDate, "fixed"
	if m.AdjournedFrom != "" {
		m.NeedsNotice = true
	}
	return e.Rows.Put(tables.StockholderMeetings, m.row())
})

// DeliveryField is the outcome of one notice sent by e-mail.
type DeliveryField struct {
	Holder  string `mb:"holder,required" json:"holder"`
	Address string `mb:"address,required" json:"address" doc:"the e-mail address written to"`
	Status  string `mb:"status,required" enum:"sent,failed" json:"status" doc:"sent: the SMTP server accepted the message; failed: it did not"`
	Detail  string `mb:"detail" json:"detail,omitempty" doc:"the server's answer (queue id) or the error"`
}

// StockholderNoticeFields are the fields of meeting.notice.
type StockholderNoticeFields struct {
	Meeting string   `mb:"meeting,required"`
	Method  string   `mb:"method,required" enum:"mail,email,courier" doc:"mail (given when deposited, Art. IV §1), e-mail or courier (DGCL §232(a))"`
	Holders []string `mb:"holders" doc:"the holders notified; default every holder of record entitled to vote on the record date"`
	// Deliveries are the SMTP outcomes of an e-mail notice (package notify).
	Deliveries []DeliveryField `mb:"deliveries" doc:"for e-mail sent through minutebook's SMTP client: each message's outcome; only those sent count as notice"`
	Legend     bool            `mb:"legend" doc:"for e-mail: the message carried the prominent legend DGCL §232(a) requires"`
}

// noticeRecipient is one holder a notice goes to.
type noticeRecipient struct {
	holder, address, status, detail string
}

// noticeRecipients resolves the holders a notice of meeting m goes to on
// the record date rd, with their addresses.
func stockholderNoticeRecipients(e *Env, f *StockholderNoticeFields, r *roll, check bool) []noticeRecipient {
	var out []noticeRecipient
	sent := map[string]DeliveryField{}
	for _, d := range f.Deliveries {
		sent[d.Holder] = d
	}
	ids := f.Holders
	if len(ids) == 0 && len(f.Deliveries) > 0 {
		for _, d := range f.Deliveries {
			ids = append(ids, d.Holder)
		}
	}
	if len(ids) == 0 {
		for _, h := range r.Holders {
			if h.Votes.Sign() > 0 {
				ids = append(ids, h.Person.ID)
			}
		}
	}
	for _, id := range ids {
		v, ok := r.get(id)
		if !ok || v.Votes.Sign() == 0 {
			if check {
				e.Fail("II.3.annual_notice_recipients", fmt.Sprintf("%s is not a holder of record entitled to vote on the record date %s", id, r.On))
			}
			continue
		}
		rc := noticeRecipient{holder: id, status: "given"}
		switch f.Method {
		case "email":
			rc.address = v.Person.Email
			if d, ok := sent[id]; ok {
				rc.address, rc.status, rc.detail = d.Address, d.Status, d.Detail
			} else {
				rc.status = "sent"
			}
		default:
			rc.address = FormatAddress(v.Person.Address)
		}
		out = append(out, rc)
	}
	return out
}

// GiveStockholderNotice records notice of a stockholders' meeting.
var GiveStockholderNotice = Define(Kind{
	Name:    "meeting.notice",
	Summary: "record notice of a stockholders' meeting given to the holders of record (a deposit in the mail, or e-mails sent)",
	Doc: "Written notice states the place, date and hour, the means of remote communication, and for a special " +
		"meeting its purposes (Art. II §3, §6; DGCL §222(a)); it is given not less than 10 nor more than 60 days " +
		"before the meeting (M − d in calendar days: exactly 10 and 60 pass, 9 and 61 are refused) to each " +
		"holder of record entitled to vote on the record date. By mail it is given when deposited, postage " +
		"prepaid, addressed as the records show (Art. IV §1): the act's effective date is the deposit date and " +
		"each holder's address is logged. By e-mail (DGCL §232(a)) it is given when sent, with the prominent " +
		"legend, to holders who have not objected (a holder with no recorded consent is warned; one who objected " +
		"is refused: mail it instead); minutebook sends it through its SMTP client (`minutebook meeting " +
		"email-notice`) and records each message's outcome; only those the server accepted count. Without a " +
		"record date fixed by the board, the first notice fixes it at the close of business on the day before " +
		"(DGCL §213(a)). An adjourned meeting needs notice only when adjourned for more than 30 days or given a " +
		"new record date (Art. II §8), in the general window (A-ADJNOTICE).",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary, corp.AsPresident},
	Example: `kind: meeting.notice
effective: 2004-06-05
actor: {person: susan, as: secretary}
fields: {meeting: annual-2004, method: mail}
`,
	NeedsBylaws: true,
}, func(e *Env, f *StockholderNoticeFields) error {
	m, ok, err := loadSMeeting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	if !ok || m.Held {
		e.Fail("MB.stockholder_meeting.known", fmt.Sprintf("meeting %q is not on the books as called and not yet held", f.Meeting))
		return nil
	}
	d := e.Act.Effective
	// Content (Art. II §3, §6; DGCL §222(a)).
	content := fmt.Sprintf("place %s, date %s, hour %s", orText(m.Place, "by remote communication only"), m.Date, m.Time)
	if m.Remote != "" {
		content += ", remote communication by " + m.Remote
	}
	if m.Type == "special" {
		var ps []string
		for _, p := range m.Purposes {
			ps = append(ps, p.Text)
		}
		e.Check("II.6.special_notice", len(ps) > 0, fmt.Sprintf("the notice states %s and the purposes: %s", content, strings.Join(ps, "; ")),
			"the notice of a special meeting must state its purposes")
	} else {
		e.Hold("II.3.annual_notice_content", "the notice states "+content)
	}
	// Window.
	switch {
	case m.AdjournedFrom != "" && !m.NeedsNotice:
		e.Hold("II.8.adjourn_no_quorum", fmt.Sprintf("meeting %s is adjourned from %s by announcement and needs no notice; the notice given is recorded", m.ID, m.AdjournedFrom))
	case m.AdjournedFrom != "":
		if e.Bylaws.Choice("A-ADJNOTICE") == "any_time_before" {
			e.Check("II.8.adjourn_notice", !d.After(m.Date), fmt.Sprintf("notice of the adjourned meeting given %s, before it", d),
				fmt.Sprintf("notice of the adjourned meeting given %s, after it was held on %s", d, m.Date))
		} else {
			windowCheck(e, "II.3.annual_notice_window", "notice of the adjourned meeting", d, m.Date)
			e.Warn("II.8.adjourn_notice", "the bylaws do not say when notice of an adjourned meeting is given: the general 10–60 day window is applied to the adjourned meeting's date (A-ADJNOTICE)")
		}
	case m.Type == "special":
		windowCheck(e, "II.6.special_notice", "notice", d, m.Date)
	default:
		windowCheck(e, "II.3.annual_notice_window", "notice", d, m.Date)
	}
	rd := m.RecordDate
	if rd.IsZero() {
		rd = d.AddDays(-1)
		e.Hold("VI.5.record_date_meeting", fmt.Sprintf("no record date is fixed: the holders entitled to notice and to vote are those of record at the close of business on %s, the day before notice is given (DGCL §213(a))", rd))
	}
	r, err := e.roll(rd)
	if err != nil {
		return err
	}
	rcs := stockholderNoticeRecipients(e, f, r, true)
	switch f.Method {
	case "mail":
		var none []string
		for _, rc := range rcs {
			if rc.address == "" {
				none = append(none, rc.holder)
			}
		}
		e.Check("IV.1.mail_notice", len(none) == 0,
			fmt.Sprintf("notice deposited in the United States mail on %s, postage prepaid, to %d holders at their addresses of record: given when deposited", d, len(rcs)),
			fmt.Sprintf("no address of record for %s: notice by mail goes to the address as it appears on the records (record it with person.amend)", strings.Join(none, ", ")),
			N("holders", len(rcs)))
	case "email":
		e.Check("IV.1.mail_notice", f.Legend,
			"each e-mail carries the prominent legend DGCL §232(a) requires",
			"notice by e-mail must carry the prominent legend DGCL §232(a) requires (legend: true)")
		for _, rc := range rcs {
			pref, err := noticePreference(e.Rows, rc.holder, d)
			if err != nil {
				return err
			}
			switch {
			case pref == "objected":
				e.Fail("IV.1.mail_notice", fmt.Sprintf("%s objected to notice by e-mail (DGCL §232(a)): mail the notice instead, by %s, or obtain a waiver", rc.holder, m.Date.AddDays(-10)))
			case rc.address == "":
				e.Fail("IV.1.mail_notice", fmt.Sprintf("%s has no e-mail address of record", rc.holder))
			case pref == "consented":
				e.Hold("IV.1.mail_notice", fmt.Sprintf("%s consented to notice by electronic transmission: given when sent to %s (%s)", rc.holder, rc.address, rc.status))
			default:
				e.Warn("IV.1.mail_notice", fmt.Sprintf("%s has neither consented nor objected: DGCL §232(a) (2019) lets notice be given by e-mail unless the stockholder objects; Art. IV §1 names only mail", rc.holder))
			}
			if rc.status == "failed" {
				e.Warn("IV.1.mail_notice", fmt.Sprintf("the e-mail to %s (%s) was not accepted (%s): it is not notice; mail it or obtain a waiver", rc.holder, rc.address, rc.detail))
			}
		}
	default:
		e.Warn("IV.1.mail_notice", "notice by courier (DGCL §232(a)): given when received or left at the address; Art. IV §1 names only mail")
	}
	return nil
}, func(e *Env, f *StockholderNoticeFields) error {
	m, _, err := loadSMeeting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	d := e.Act.Effective
	if m.RecordDate.IsZero() {
		m.RecordDate, m.RecordDateHow = d.AddDays(-1), "default"
		if err := e.Rows.Put(tables.StockholderMeetings, m.row()); err != nil {
			return err
		}
	}
	r, err := e.roll(m.RecordDate)
	if err != nil {
		return err
	}
	for _, rc := range stockholderNoticeRecipients(e, f, r, false) {
		if err := e.Rows.Put(tables.StockholderNotices, tables.Row{m.ID, rc.holder, int64(e.Seq), f.Method, rc.address, d.String(), int64(d.DaysUntil(m.Date)), rc.status, rc.detail}); err != nil {
			return err
		}
	}
	return nil
})

// noticePreference returns a holder's latest consent or objection to
// electronic notice effective on or before d: "consented", "objected" or "".
func noticePreference(r tables.Reader, holder string, d corp.Date) (string, error) {
	row, ok, err := r.Get(tables.NoticePreferences, holder)
	if err != nil || !ok || row[2].(string) > d.String() {
		return "", err
	}
	return row[1].(string), nil
}

// NoticePreferenceFields are the fields of holder.electronic_notice.
type NoticePreferenceFields struct {
	Holder     string `mb:"holder,required"`
	Electronic string `mb:"electronic,required" enum:"consented,objected" doc:"the holder consents to notice by electronic transmission, or objects to notice by e-mail (DGCL §232)"`
}

// SetNoticePreference records a holder's consent or objection to
// electronic notice.
var SetNoticePreference = Define(Kind{
	Name:    "holder.electronic_notice",
	Summary: "record a holder's consent to, or objection to, notice by electronic transmission",
	Doc: "Since 2019 DGCL §232(a) lets notice be given to a stockholder by e-mail unless the stockholder objects " +
		"in writing or by electronic transmission; other electronic means need the stockholder's consent. The " +
		"latest statement stands. A holder who objected is refused e-mail notice (meeting.notice); one who " +
		"consented is noticed by e-mail without a warning.",
	Actors: []corp.Capacity{corp.AsHolder, corp.AsSecretary, corp.AsAssistantSecretary},
	Example: `kind: holder.electronic_notice
effective: 2023-03-01
actor: {person: bob, as: holder}
fields: {holder: bob, electronic: objected}
`,
	NeedsBylaws: true,
}, func(e *Env, f *NoticePreferenceFields) error {
	ok, err := e.PersonExists(f.Holder)
	if err != nil {
		return err
	}
	e.Check("MB.person.known", ok, fmt.Sprintf("%s is recorded", f.Holder), fmt.Sprintf("%q is not a recorded person", f.Holder))
	if e.Act.Actor.Capacity == corp.AsHolder && e.Act.Actor.Person != f.Holder {
		e.Fail("IV.1.mail_notice", fmt.Sprintf("%s may state only his or her own preference, not %s's", e.Act.Actor.Person, f.Holder))
	}
	e.Hold("IV.1.mail_notice", fmt.Sprintf("%s %s to notice by electronic transmission (DGCL §232(a))", f.Holder, f.Electronic))
	return nil
}, func(e *Env, f *NoticePreferenceFields) error {
	return e.Rows.Put(tables.NoticePreferences, tables.Row{f.Holder, f.Electronic, e.Act.Effective.String(), int64(e.Seq)})
})

// StockholderWaiverFields are the fields of meeting.waiver.
type StockholderWaiverFields struct {
	Meeting string `mb:"meeting,required"`
	Holder  string `mb:"holder,required"`
	Form    string `mb:"form,required" enum:"written,electronic" doc:"a signed writing (Art. IV §2) or an electronic transmission (DGCL §229)"`
}

// WaiveStockholderNotice records a holder's waiver of notice.
var WaiveStockholderNotice = Define(Kind{
	Name:    "meeting.waiver",
	Summary: "record a holder's written waiver of notice of a stockholders' meeting",
	Doc: "A written waiver signed by the holder entitled to notice, before or after the time stated, is " +
		"equivalent to notice (Art. IV §2); DGCL §229 also accepts one by electronic transmission (warned). " +
		"Attendance is a waiver too, unless the holder attends only to object that the meeting was not lawfully " +
		"called: meeting.held records that.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary, corp.AsHolder},
	Example: `kind: meeting.waiver
effective: 2004-06-10
actor: {person: susan, as: secretary}
fields: {meeting: annual-2004, holder: bob, form: written}
`,
	NeedsBylaws: true,
}, func(e *Env, f *StockholderWaiverFields) error {
	m, ok, err := loadSMeeting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	if !ok {
		e.Fail("MB.stockholder_meeting.known", fmt.Sprintf("meeting %q is not on the books", f.Meeting))
		return nil
	}
	on := m.RecordDate
	if on.IsZero() {
		on = e.Act.Effective
	}
	r, err := e.roll(on)
	if err != nil {
		return err
	}
	e.Check("MB.stockholder_meeting.attendee", r.entitled(f.Holder),
		fmt.Sprintf("%s is a holder of record entitled to notice on %s", f.Holder, on),
		fmt.Sprintf("%s is not a holder of record entitled to notice of meeting %s on %s", f.Holder, f.Meeting, on))
	if f.Form == "electronic" {
		e.Warn("IV.2.waiver", fmt.Sprintf("waiver by electronic transmission, which DGCL §229 allows; Art. IV §2 says in writing, signed by %s", f.Holder))
	} else {
		e.Hold("IV.2.waiver", fmt.Sprintf("written waiver signed by %s on %s (before or after the meeting), equivalent to notice", f.Holder, e.Act.Effective))
	}
	return nil
}, func(e *Env, f *StockholderWaiverFields) error {
	return e.Rows.Put(tables.StockholderWaivers, tables.Row{f.Meeting, f.Holder, e.Act.Effective.String(), f.Form, int64(e.Seq)})
})
