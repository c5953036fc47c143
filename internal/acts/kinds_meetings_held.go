package acts

import (
	"fmt"
	"strings"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/strict"
	"minutebook/internal/tables"
)

// This file records a stockholders' meeting as held (attendance, quorum,
// notice or waiver of every holder entitled, the chair, the list produced,
// an adjournment), the business brought before it, and the adoption of a
// stockholders' act at it (a bylaw amendment: Art. IX).

// HolderAttendanceField is one holder present at a meeting.
type HolderAttendanceField struct {
	Holder string `mb:"holder,required" doc:"the holder of record"`
	Mode   string `mb:"mode" enum:"in_person,remote,proxy" doc:"in person (default), by remote communication (DGCL §211(a)(2)), or represented by proxy (Art. II §8, §10)"`
	// ProxyHolder names who held the holder's proxy.
	ProxyHolder string `mb:"proxy_holder" doc:"for mode proxy: the person who holds the proxy and attends"`
	Objected    bool   `mb:"objected" doc:"attended only to object, at the beginning, that the meeting was not lawfully called (DGCL §229): not a waiver of notice"`
}

// StockholderHeldFields are the fields of meeting.held.
type StockholderHeldFields struct {
	Meeting    string                  `mb:"meeting,required"`
	Attendance []HolderAttendanceField `mb:"attendance" doc:"the holders present in person, by remote communication or by proxy"`
	Officers   []string                `mb:"officers" doc:"the officers present, of whom the chair is determined (Art. V §6–8)"`
	Chair      string                  `mb:"chair" doc:"who presided; default the chairman, else the vice chairman, else the president (Art. V §6–8)"`
	// ListProduced says the stockholder list was produced and kept at the meeting.
	ListProduced bool              `mb:"list_produced" doc:"the stockholder list was produced and kept at the meeting throughout (Art. II §4)"`
	AdjournedTo  *AdjournmentField `mb:"adjourned_to" doc:"the meeting was adjourned to this date, time and place by announcement (Art. II §8)"`
}

// Validate checks the adjournment on decode.
func (f *StockholderHeldFields) Validate(file, path string) error {
	if f.AdjournedTo != nil && (!validClock(f.AdjournedTo.Time) || !validID(f.AdjournedTo.ID)) {
		return strict.Errors{{File: file, Field: path + ".adjourned_to", Problem: "give a valid id and a time written HH:MM"}}
	}
	for i, a := range f.Attendance {
		if (a.Mode == "proxy") != (a.ProxyHolder != "") {
			return strict.Errors{{File: file, Field: fmt.Sprintf("%s.attendance[%d].proxy_holder", path, i), Problem: "name the proxy holder exactly when the mode is proxy"}}
		}
	}
	return nil
}

// sPresence is the count of a stockholders' meeting's presence.
type sPresence struct {
	present, entitled corp.Decimal
	quorum            string // the fewest shares that are a quorum
	hasQuorum         bool
	recordDate        corp.Date
	roll              *roll
	shares            map[string]corp.Decimal
	votes             map[string]corp.Decimal // the voting power of each holder counted present
}

// meetingRecordDate is the record date of meeting m: fixed, defaulted by
// notice, carried to an adjournment, or (notice waived by all) the day
// before the meeting (DGCL §213(a)).
func meetingRecordDate(m *smeeting) (corp.Date, bool) {
	if !m.RecordDate.IsZero() {
		return m.RecordDate, true
	}
	return m.Date.AddDays(-1), false
}

// tallyAttendance counts the shares present at meeting m against the
// quorum (Art. II §8). With check it records the checks of each attendee.
func tallyAttendance(e *Env, m *smeeting, f *StockholderHeldFields, check bool) (sPresence, error) {
	var p sPresence
	p.recordDate, _ = meetingRecordDate(m)
	r, err := e.roll(p.recordDate)
	if err != nil {
		return p, err
	}
	p.roll, p.entitled, p.shares, p.votes = r, r.Entitled, map[string]corp.Decimal{}, map[string]corp.Decimal{}
	seen := map[string]bool{}
	remote := 0
	for _, a := range f.Attendance {
		if seen[a.Holder] {
			if check {
				e.Fail("MB.stockholder_meeting.attendee", fmt.Sprintf("%s is listed twice", a.Holder))
			}
			continue
		}
		seen[a.Holder] = true
		v, ok := r.get(a.Holder)
		if !ok || v.Shares.Sign() == 0 {
			if check {
				e.Fail("MB.stockholder_meeting.attendee", fmt.Sprintf("%s is not a holder of record entitled to vote on the record date %s, so is not counted present", a.Holder, p.recordDate))
			}
			continue
		}
		switch a.Mode {
		case "proxy":
			counts := true
			if check {
				if CheckProxy != nil {
					if counts, err = CheckProxy(e, m.ID, a.Holder, a.ProxyHolder, m.Date); err != nil {
						return p, err
					}
				} else {
					e.Warn("II.10.proxy_duration", fmt.Sprintf("%s is represented by proxy, held by %s; the proxy's validity (three years from its date, the latest-dated proxy, revocation) is checked by the proxy acts once recorded", a.Holder, a.ProxyHolder))
				}
			}
			if !counts {
				continue
			}
		case "remote":
			remote++
		}
		p.shares[a.Holder], p.votes[a.Holder] = v.Shares, v.Votes
		p.present = p.present.Add(v.Shares)
	}
	if check && remote > 0 {
		if m.Remote == "" && !m.RemoteOnly {
			e.Fail("II.1.place_election", fmt.Sprintf("%d holders are recorded as attending by remote communication, but the call provides no means of remote communication", remote))
		} else {
			e.Warn("II.1.place_election", fmt.Sprintf("%d holders took part by remote communication (%s): present in person under DGCL §211(a)(2), the board having verified them and kept a record of their votes", remote, orText(m.Remote, "remote only")), N("remote", remote))
		}
	}
	rule := "II.8.quorum"
	if e.Bylaws.Choice("A-50") == "more_than_half" {
		f, _ := e.Bylaws.Fraction(rule, "fraction")
		p.hasQuorum = f.MoreThan(p.present, p.entitled)
		if n, ok := p.entitled.Int64(); ok && p.entitled.IsInteger() {
			p.quorum = corp.DecimalFromInt(f.MoreThanCount(n)).Grouped()
		}
	} else {
		f, _ := e.Bylaws.Fraction(rule, "fraction")
		p.hasQuorum = f.AtLeast(p.present, p.entitled)
		if n, ok := p.entitled.Int64(); ok && p.entitled.IsInteger() {
			p.quorum = corp.DecimalFromInt(f.AtLeastCount(n)).Grouped()
		}
	}
	return p, nil
}

// HoldStockholderMeeting records a stockholders' meeting as held.
var HoldStockholderMeeting = Define(Kind{
	Name:    "meeting.held",
	Summary: "record a stockholders' meeting as held: attendance, quorum, notice, chair, list, adjournment",
	Doc: "Recorded on the meeting's date by the secretary, who records the proceedings (Art. V §11). The holders " +
		"entitled are those of record on the record date (Art. VI §5): fixed by the board, else the day before " +
		"notice was given, else (notice waived by all) the day before the meeting (DGCL §213(a)); it carries to " +
		"an adjournment unless the board fixes a new one. Holders attend in person, by remote communication " +
		"(DGCL §211(a)(2), if the call provides it) or by proxy, naming the proxy holder (the proxy's validity " +
		"is checked through the CheckProxy hook of the proxy acts; until then it is flagged). A quorum is the " +
		"holders of 50% of the stock issued, outstanding and entitled to vote, present in person or by proxy; " +
		"treasury shares excluded; exactly half suffices (Art. II §8; A-50, A-TREAS). Every holder entitled " +
		"must have had notice, or waived it in writing or by attending without objecting (Art. IV §2; DGCL " +
		"§229); otherwise the meeting is refused. The chairman presides, else the vice chairman, else the " +
		"president (Art. V §6–8); the list is produced at the meeting (Art. II §4). Without a quorum the holders " +
		"present may adjourn by announcement (adjourned_to); an adjournment for more than 30 days, or a new " +
		"record date, needs a fresh notice to every holder of record (Art. II §8).",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary},
	Example: `kind: meeting.held
effective: 2004-06-15
actor: {person: susan, as: secretary}
fields:
  meeting: annual-2004
  officers: [pat, ray, susan]
  list_produced: true
  attendance:
    - {holder: alice}
    - {holder: dan, mode: proxy, proxy_holder: ray}
`,
	NeedsBylaws: true,
}, func(e *Env, f *StockholderHeldFields) error {
	m, ok, err := loadSMeeting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	if !ok || m.Held {
		e.Fail("MB.stockholder_meeting.known", fmt.Sprintf("meeting %q is not on the books as called and not yet held", f.Meeting))
		return nil
	}
	e.Check("MB.stockholder_meeting.date", m.Date == e.Act.Effective, fmt.Sprintf("held on %s, the date called", m.Date),
		fmt.Sprintf("meeting %s was called for %s, not %s", m.ID, m.Date, e.Act.Effective))
	rd, fixed := meetingRecordDate(m)
	if !fixed {
		e.Hold("VI.5.record_date_meeting", fmt.Sprintf("no record date was fixed and no notice given: the holders entitled are those of record at the close of business on %s, the day before the meeting (DGCL §213(a))", rd))
	} else if m.AdjournedFrom != "" && m.RecordDateHow == "adjournment" {
		e.Hold("VI.5.adjournment", fmt.Sprintf("the record date %s of the original meeting applies to this adjournment", rd))
	}
	p, err := tallyAttendance(e, m, f, true)
	if err != nil {
		return err
	}
	nums := []journal.Number{N("present_shares", p.present), N("entitled_shares", p.entitled), N("quorum", p.quorum)}
	half := "50%"
	if e.Bylaws.Choice("A-50") == "more_than_half" {
		half = "more than 50% (A-50: more_than_half)"
	}
	msg := fmt.Sprintf("%s shares present in person or by proxy of the %s issued, outstanding and entitled to vote on %s (treasury shares excluded); a quorum is %s: %s",
		p.present.Grouped(), p.entitled.Grouped(), rd, half, p.quorum)
	if p.hasQuorum {
		e.Hold("II.8.quorum", "quorum present: "+msg, nums...)
	} else {
		e.Warn("II.8.quorum", "no quorum: "+msg+"; no business may be transacted and the holders present may adjourn the meeting (Art. II §8)", nums...)
	}
	if f, _ := e.Bylaws.Fraction("II.8.quorum", "fraction"); !p.hasQuorum && f.AtLeast(p.present, p.entitled) && e.Bylaws.Choice("A-50") == "more_than_half" {
		e.Warn("II.8.quorum", fmt.Sprintf("exactly the quorum fraction (%s of %s) is present: not a quorum under A-50 (more_than_half); under the default reading of \"fifty percent\" (at_least_half) it would be one",
			p.present.Grouped(), p.entitled.Grouped()), nums...)
	}
	if err := checkHoldersNoticed(e, m, f, p); err != nil {
		return err
	}
	present := map[string]bool{}
	for _, o := range f.Officers {
		present[o] = true
	}
	if err := checkPresiding(e, m.Date, present, f.Chair, "the stockholders"); err != nil {
		return err
	}
	if f.ListProduced {
		e.Hold("II.4.list_at_meeting", "the stockholder list was produced and kept at the meeting throughout, open to any stockholder present")
	} else {
		e.Warn("II.4.list_at_meeting", "the stockholder list is not recorded as produced at the meeting (list_produced): the bylaw requires it for the whole meeting (BYLAW+ over DGCL §219 as amended in 2022)")
	}
	if a := f.AdjournedTo; a != nil {
		_, exists, err := e.Rows.Get(tables.StockholderMeetings, a.ID)
		if err != nil {
			return err
		}
		e.Check("MB.stockholder_meeting.unique", !exists, fmt.Sprintf("adjourned to %s %s at %s as meeting %s", a.Date, a.Time, a.Place, a.ID),
			fmt.Sprintf("meeting %s is already on the books", a.ID))
		days := m.Date.DaysUntil(a.Date)
		e.Check("II.8.adjourn_no_quorum", days >= 0,
			fmt.Sprintf("the holders present adjourned the meeting to %s %s, with notice by announcement at the meeting", a.Date, a.Time),
			fmt.Sprintf("a meeting cannot be adjourned to %s, before it was held", a.Date), N("days", days))
		if e.Bylaws.Choice("A-ADJVOTE") == "majority_of_present" {
			e.Warn("II.8.adjourn_no_quorum", "adjourned by a majority of the shares present in person or by proxy; the chair may not adjourn alone (A-ADJVOTE)")
		}
		_, why := adjournmentNeedsNotice(e, m, p.hasQuorum, days)
		if limit, _ := e.Bylaws.Int("II.8.adjourn_notice", "max_days_without_notice"); p.hasQuorum && days > limit && e.Bylaws.Choice("A-ADJQ") == "no_quorum_only" {
			e.Warn("II.8.adjourn_notice", why+fmt.Sprintf("; adjourned for %d days, more than %d: under the default reading (all_adjournments, DGCL §222(c)) notice of the adjourned meeting would be required", days, limit), N("days", days))
		} else {
			e.Hold("II.8.adjourn_notice", why, N("days", days))
		}
	}
	return nil
}, func(e *Env, f *StockholderHeldFields) error {
	m, _, err := loadSMeeting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	p, err := tallyAttendance(e, m, f, false)
	if err != nil {
		return err
	}
	for _, a := range f.Attendance {
		sh, ok := p.shares[a.Holder]
		if !ok {
			continue
		}
		mode := a.Mode
		if mode == "" {
			mode = "in_person"
		}
		if err := e.Rows.Put(tables.StockholderAttendance, tables.Row{m.ID, a.Holder, mode, a.ProxyHolder, sh.String(), b2i(a.Objected), int64(e.Seq), p.votes[a.Holder].String()}); err != nil {
			return err
		}
	}
	present := map[string]bool{}
	for _, o := range f.Officers {
		present[o] = true
	}
	chair := f.Chair
	if chair == "" {
		if chair, _, err = presiding(e.Rows, m.Date, present); err != nil {
			return err
		}
	}
	if m.RecordDate.IsZero() {
		m.RecordDate, m.RecordDateHow = p.recordDate, "default"
	}
	m.Held, m.Chair, m.SharesPresent, m.Entitled, m.HasQuorum, m.ListProduced, m.HeldSeq = true, chair, p.present, p.entitled, p.hasQuorum, f.ListProduced, int64(e.Seq)
	if a := f.AdjournedTo; a != nil {
		m.AdjournedTo = a.ID
		needs, _ := adjournmentNeedsNotice(e, m, p.hasQuorum, m.Date.DaysUntil(a.Date))
		adj := &smeeting{ID: a.ID, Type: m.Type, Date: a.Date, Time: a.Time, Place: a.Place, Remote: m.Remote, RemoteOnly: m.RemoteOnly,
			CalledBy: "adjournment of " + m.ID, Called: m.Date, Purposes: m.Purposes, RecordDate: m.RecordDate, RecordDateHow: "adjournment",
			AdjournedFrom: m.ID, NeedsNotice: needs, ListPlace: m.ListPlace, ListPrepared: m.ListPrepared, ListSeq: m.ListSeq, Seq: int64(e.Seq)}
		if err := e.Rows.Put(tables.StockholderMeetings, adj.row()); err != nil {
			return err
		}
	}
	return e.Rows.Put(tables.StockholderMeetings, m.row())
})

// adjournmentNeedsNotice says whether adjourning meeting m by days needs a
// fresh notice (Art. II §8; DGCL §222(c)): for more than 30 days, by
// default after any adjournment (A-ADJQ), else only without a quorum.
func adjournmentNeedsNotice(e *Env, m *smeeting, hasQuorum bool, days int) (bool, string) {
	limit, _ := e.Bylaws.Int("II.8.adjourn_notice", "max_days_without_notice")
	if hasQuorum && e.Bylaws.Choice("A-ADJQ") == "no_quorum_only" {
		return false, "a quorum was present, and under A-ADJQ (no_quorum_only) the notice rule of Art. II §8 applies only to adjournments for want of a quorum"
	}
	if days > limit {
		return true, fmt.Sprintf("adjourned for %d days, more than %d: notice of the adjourned meeting must be given to each stockholder of record entitled to vote", days, limit)
	}
	return false, fmt.Sprintf("adjourned for %d days, not more than %d, with the same record date: no notice other than the announcement at the meeting", days, limit)
}

// checkHoldersNoticed checks that every holder entitled to vote on the
// record date had due notice of meeting m, or waived it in writing or by
// attending without objecting (Art. II §3, §6, §8; Art. IV §2; DGCL §229).
func checkHoldersNoticed(e *Env, m *smeeting, f *StockholderHeldFields, p sPresence) error {
	rule := "II.3.annual_notice_recipients"
	if m.Type == "special" {
		rule = "II.6.special_notice"
	}
	if m.AdjournedFrom != "" {
		if !m.NeedsNotice {
			e.Hold("II.8.adjourn_no_quorum", fmt.Sprintf("the meeting adjourned from %s, with notice only by announcement", m.AdjournedFrom))
			return nil
		}
		rule = "II.8.adjourn_notice"
	}
	noticed := map[string]bool{}
	if err := e.Rows.Scan(tables.StockholderNotices, []any{m.ID}, func(r tables.Row) error {
		if s := r[7].(string); s == "given" || s == "sent" {
			noticed[r[1].(string)] = true
		}
		return nil
	}); err != nil {
		return err
	}
	waived := map[string]bool{}
	if err := e.Rows.Scan(tables.StockholderWaivers, []any{m.ID}, func(r tables.Row) error {
		waived[r[1].(string)] = true
		return nil
	}); err != nil {
		return err
	}
	attended := map[string]bool{}
	for _, a := range f.Attendance {
		attended[a.Holder] = !a.Objected
	}
	var byNotice, byWaiver, byAttendance, none []string
	for _, h := range p.roll.Holders {
		if h.Votes.Sign() == 0 {
			continue
		}
		id := h.Person.ID
		switch {
		case noticed[id]:
			byNotice = append(byNotice, id)
		case waived[id]:
			byWaiver = append(byWaiver, id)
		case attended[id]:
			byAttendance = append(byAttendance, id)
		default:
			none = append(none, id)
		}
	}
	if len(byWaiver)+len(byAttendance) > 0 {
		e.Hold("IV.2.waiver", fmt.Sprintf("notice waived in writing by %s and by attendance by %s", listOrNone(byWaiver), listOrNone(byAttendance)))
	}
	e.Check(rule, len(none) == 0,
		fmt.Sprintf("every holder of record entitled to vote on %s had notice (%d) or waived it (%d)", p.recordDate, len(byNotice), len(byWaiver)+len(byAttendance)),
		fmt.Sprintf("%s, of record and entitled to vote on %s, had no notice of the %s meeting %s and neither waived it in writing nor attended without objecting: the meeting was not lawfully called",
			strings.Join(none, ", "), p.recordDate, m.typeWords(), m.ID),
		N("entitled_holders", len(byNotice)+len(byWaiver)+len(byAttendance)+len(none)), N("noticed", len(byNotice)), N("waived", len(byWaiver)+len(byAttendance)))
	return nil
}

// checkPresiding checks who presided at a meeting of body on d, among
// those present (Art. V §6–8; A-PRESIDE).
func checkPresiding(e *Env, d corp.Date, present map[string]bool, chair, body string) error {
	who, rule, err := presiding(e.Rows, d, present)
	if err != nil {
		return err
	}
	switch {
	case who == "" && chair == "":
		e.Warn("V.8.president_ceo", "neither the chairman, the vice chairman, the president nor a vice-president was present: the meeting elects its chair (A-PRESIDE); name it in chair")
	case who == "":
		e.Warn("V.8.president_ceo", fmt.Sprintf("%s presided, elected by the meeting: none of the chairman, vice chairman, president or a vice-president was present (A-PRESIDE)", chair))
	case chair != "" && chair != who:
		e.Fail(rule, fmt.Sprintf("%s presides at the meetings of %s he or she attends (Art. V §6–8), not %s", who, body, chair))
	case rule == "V.8.president_ceo" && !isPresident(e.Rows, who, d):
		e.Warn(rule, fmt.Sprintf("%s, the vice-president acting for the absent president, presides (A-PRESIDE)", who))
	default:
		e.Hold(rule, fmt.Sprintf("%s presides", who))
	}
	return nil
}

// MotionFields are the fields of meeting.motion.
type MotionFields struct {
	Meeting string `mb:"meeting,required"`
	ID      string `mb:"id,required" doc:"the motion's id, which ballots and the tally name"`
	Text    string `mb:"text,required" doc:"the question as put to the meeting"`
	Kind    string `mb:"kind" doc:"the act kind the question would adopt, e.g. bylaws.amend or board.size"`
	// Purpose is the 1-based number of the noticed purpose it carries out.
	Purpose int `mb:"purpose" doc:"the number (from 1) of the purpose in the call that the motion carries out"`
}

// Validate checks the id on decode.
func (f *MotionFields) Validate(file, path string) error {
	if !validID(f.ID) {
		return strict.Errors{{File: file, Field: path + ".id", Problem: fmt.Sprintf("%q is not an identifier", f.ID)}}
	}
	if _, ok := kinds[f.Kind]; f.Kind != "" && !ok {
		return strict.Errors{{File: file, Field: path + ".kind", Problem: fmt.Sprintf("unknown act kind %q", f.Kind)}}
	}
	return nil
}

// inPurposes reports which noticed purpose (1-based) of m covers business
// of the given act kind or number, 0 if none.
func (m *smeeting) inPurposes(kind string, number int) int {
	if number >= 1 && number <= len(m.Purposes) {
		if p := m.Purposes[number-1]; p.Kind == "" || kind == "" || p.Kind == kind {
			return number
		}
		return 0
	}
	for i, p := range m.Purposes {
		if kind != "" && p.Kind == kind {
			return i + 1
		}
	}
	return 0
}

// checkBusiness checks that business of kind (or carrying out purpose
// number) may be transacted at meeting m: a quorum present (Art. II §8),
// and at a special meeting only the purposes stated in the notice (Art. II
// §7); at an annual meeting other business properly brought (A-PROPER).
func checkBusiness(e *Env, m *smeeting, what, kind string, number int) {
	e.Check("II.8.quorum", m.HasQuorum,
		fmt.Sprintf("a quorum was present at meeting %s (%s of %s shares)", m.ID, m.SharesPresent.Grouped(), m.Entitled.Grouped()),
		fmt.Sprintf("no quorum was present at meeting %s (%s of %s shares): no business may be transacted; the holders present may only adjourn (Art. II §8)", m.ID, m.SharesPresent.Grouped(), m.Entitled.Grouped()),
		N("present_shares", m.SharesPresent), N("entitled_shares", m.Entitled))
	n := m.inPurposes(kind, number)
	var ps []string
	for i, p := range m.Purposes {
		ps = append(ps, fmt.Sprintf("(%d) %s", i+1, p.Text))
	}
	if m.Type == "special" {
		e.Check("II.7.special_business_limited", n > 0,
			fmt.Sprintf("%s carries out purpose (%d) stated in the notice: %s", what, n, m.Purposes[max(n, 1)-1].Text),
			fmt.Sprintf("%s is not among the purposes stated in the notice of special meeting %s (%s): business at a special meeting is limited to them", what, m.ID, listOrNone(ps)),
			N("purpose", n))
		if m.AdjournedFrom != "" {
			e.Hold("II.8.adjourned_business", fmt.Sprintf("business that might have been transacted at the meeting as originally notified (%s)", m.AdjournedFrom))
		}
		return
	}
	switch {
	case n > 0:
		e.Hold("II.2.other_business", fmt.Sprintf("%s carries out purpose (%d) stated in the notice of the annual meeting", what, n))
	case e.Bylaws.Choice("A-PROPER") == "notice_only":
		e.Fail("II.2.other_business", fmt.Sprintf("%s is not stated in the notice of the annual meeting (A-PROPER: notice_only): %s", what, listOrNone(ps)))
	default:
		e.Warn("II.2.other_business", fmt.Sprintf("%s is other business properly brought before the annual meeting, as the chair accepts it (A-PROPER: chair_accepts)", what))
	}
}

// Motion records a question brought before a stockholders' meeting.
var Motion = Define(Kind{
	Name:    "meeting.motion",
	Summary: "bring a question before a stockholders' meeting",
	Doc: "A question is brought before a meeting held with a quorum (Art. II §8). At a special meeting the " +
		"business is limited to the purposes stated in the notice (Art. II §7): the motion names the purpose it " +
		"carries out (purpose, numbered from 1) or the act kind of a purpose; anything else is refused citing " +
		"Art. II §7. At the annual meeting other business may be properly brought (Art. II §2; A-PROPER: the " +
		"chair accepts it, warned). Ballots and the tally (the vote acts) name the motion by its id.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary, corp.AsPresident},
	Example: `kind: meeting.motion
effective: 2004-06-15
actor: {person: susan, as: secretary}
fields: {meeting: annual-2004, id: m1, text: "Ratify the appointment of the auditors", purpose: 1}
`,
	NeedsBylaws: true,
}, func(e *Env, f *MotionFields) error {
	m, ok, err := loadSMeeting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	if !ok || !m.Held || m.Date != e.Act.Effective {
		e.Fail("MB.stockholder_meeting.known", fmt.Sprintf("meeting %q is not on the books as held on %s (record meeting.held first)", f.Meeting, e.Act.Effective))
		return nil
	}
	_, exists, err := e.Rows.Get(tables.StockholderMotions, f.Meeting, f.ID)
	if err != nil {
		return err
	}
	e.Check("MB.motion.unique", !exists, fmt.Sprintf("motion %s is new", f.ID), fmt.Sprintf("motion %s is already before meeting %s", f.ID, f.Meeting))
	checkBusiness(e, m, fmt.Sprintf("the motion %q", f.Text), f.Kind, f.Purpose)
	return nil
}, func(e *Env, f *MotionFields) error {
	m, _, err := loadSMeeting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	return e.Rows.Put(tables.StockholderMotions, tables.Row{f.Meeting, f.ID, f.Text, f.Kind, int64(m.inPurposes(f.Kind, f.Purpose)), int64(e.Seq)})
})

// checkStockholderAdoption checks an act of the stockholders adopted at a
// stockholders' meeting (adoption: {meeting: ID, for: N, against: N,
// abstain: N}, the counts being votes): the meeting was held on the act's
// date with a quorum, the business was noticed where it had to be (Art. II
// §7; Art. IX §1), and the votes for were a majority of the voting power
// present (Art. II §9; abstentions count as present, A-ABST). The adoption
// may instead name a question of the meeting's certified result, whose
// votes then count (checkCertifiedAdoption); counts stated without one are
// warned (MB.adoption.certified).
func checkStockholderAdoption(e *Env) error {
	a := e.Act
	ad := a.Adoption
	if ad.Consent != "" {
		return checkConsentAdopts(e, ad.Consent)
	}
	m, ok, err := loadSMeeting(e.Rows, ad.Meeting)
	if err != nil {
		return err
	}
	if !ok || !m.Held {
		e.Fail("MB.adoption.known", fmt.Sprintf("stockholders' meeting %q is not on the books as held (record meeting.call and meeting.held first)", ad.Meeting))
		return nil
	}
	e.Check("MB.adoption.known", m.Date == a.Effective,
		fmt.Sprintf("adopted at meeting %s held on %s", m.ID, m.Date),
		fmt.Sprintf("meeting %s was held on %s, but the act takes effect %s", m.ID, m.Date, a.Effective))
	if len(ad.Votes) > 0 {
		e.Fail("MB.adoption.votes", "the votes of stockholders are counted in shares: give for, against and abstain, not votes by director")
	}
	checkBusiness(e, m, a.Kind.Name, a.Kind.Name, 0)
	if a.Kind.Name == AmendBylaws.Name {
		if m.Type == "special" {
			e.Check("IX.1.where", m.inPurposes(a.Kind.Name, 0) > 0,
				fmt.Sprintf("adopted at special meeting %s, whose notice contained the amendment", m.ID),
				fmt.Sprintf("the bylaws may be amended at a special meeting only if the notice contained the amendment; the notice of %s did not (add a purpose with kind bylaws.amend to the call)", m.ID))
		} else if e.Bylaws.Choice("A-REGULAR") == "notice_always" && m.inPurposes(a.Kind.Name, 0) == 0 {
			e.Fail("IX.1.where", fmt.Sprintf("under A-REGULAR (notice_always) the notice of annual meeting %s must contain the amendment", m.ID))
		}
	}
	if ad.Question != "" {
		return checkCertifiedAdoption(e, m, ad) // votes_meetings.go
	}
	warnUncertified(e, m, ad)
	present := m.SharesPresent
	votes := corp.DecimalFromInt(int64(ad.For + ad.Against + ad.Abstain))
	e.Check("MB.adoption.votes", votes.Cmp(present) <= 0,
		fmt.Sprintf("%d for, %d against, %d abstaining of %s shares present", ad.For, ad.Against, ad.Abstain, present.Grouped()),
		fmt.Sprintf("%s votes counted but only %s shares were present at meeting %s", votes.Grouped(), present.Grouped(), m.ID))
	passes, need := majorityBase(e.Bylaws, "II.9.vote_standard", corp.DecimalFromInt(int64(ad.For)), present)
	e.Check("II.9.vote_standard", passes,
		fmt.Sprintf("%d votes for, a majority of the %s shares present in person or by proxy (at least %s; abstentions count as present)", ad.For, present.Grouped(), need),
		fmt.Sprintf("%d votes for is not a majority of the %s shares present in person or by proxy (at least %s needed; abstentions count as present)", ad.For, present.Grouped(), need),
		N("for", ad.For), N("against", ad.Against), N("abstain", ad.Abstain), N("present_shares", present), N("needed", need))
	return nil
}

// stockholderWhere returns where an act adopted at stockholders' meeting
// id was adopted, for bylaws.amend's meeting field: annual or special.
func stockholderWhere(r tables.Reader, id string) (string, bool, error) {
	m, ok, err := loadSMeeting(r, id)
	if err != nil || !ok {
		return "", ok, err
	}
	return m.Type, true, nil
}
