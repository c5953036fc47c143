package acts

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"minutebook/internal/corp"
	"minutebook/internal/tables"
	"minutebook/internal/vote"
)

// This file connects the two halves of a stockholders' meeting: the
// meeting's life (kinds_meetings.go, kinds_meetings_held.go: call, record
// date, notice, attendance and quorum) and its voting (kinds_votes.go,
// votes_tally.go, votes_result.go: polls, proxies, ballots, the certified
// result). The polls are opened at a meeting on the books, held with a
// quorum, and take its date and record date from the meeting's records;
// proxy attendance at meeting.held is checked against the proxies
// recorded (CheckProxy); the tally counts present the holders recorded at
// meeting.held; an act of the stockholders adopted at the meeting may take
// its votes from the certified result; directors elected take office in
// the board register on the meeting date.

func init() {
	addEngineRules(map[string]engineRule{
		"MB.vote.motion":        {"Art. II §2, §7, §9", "a question put to the polls is a motion brought before the meeting (meeting.motion), which checks that it is business the meeting may transact"},
		"MB.adoption.certified": {"Art. II §9; DGCL §231(b)(v)", "the votes by which the stockholders adopt an act at a meeting are those the inspector of election certified (result.certify)"},
	})
	CheckProxy = checkAttendanceProxy
}

// meetingForVoting reads what voting needs of meeting id, and whether its
// polls were opened: the meeting's date, record date and quorum from the
// meeting's own records (stockholder_meetings), the matters and the state
// of the polls from vote_polls. The attendance is read only for the tally
// (withAttendance).
func meetingForVoting(r tables.Reader, id string) (*votingMeeting, bool, error) {
	row, ok, err := r.Get(tables.VotePolls, id)
	if err != nil || !ok {
		return nil, false, err
	}
	sm, ok, err := loadSMeeting(r, id)
	if err != nil {
		return nil, false, err
	}
	if !ok {
		return nil, false, fmt.Errorf("vote_polls %s: the meeting is not on the books", id)
	}
	rd, _ := meetingRecordDate(sm)
	m := &votingMeeting{ID: id, Date: sm.Date, RecordDate: rd, Scale: int(row[4].(int64)), Outstanding: row[5].(int64), Inspector: row[6].(string),
		Closed: row[2].(string) != "", ClosedSeq: uint64(row[8].(int64)),
		HasQuorum: sm.HasQuorum, SharesPresent: sm.SharesPresent, Entitled: sm.Entitled}
	if m.Opened, err = corp.ParseDate(row[1].(string)); err != nil {
		return nil, false, fmt.Errorf("vote_polls %s: %v", id, err)
	}
	var ms []pollMatter
	if err := json.Unmarshal([]byte(row[3].(string)), &ms); err != nil {
		return nil, false, fmt.Errorf("vote_polls %s: matters: %v", id, err)
	}
	for _, f := range ms {
		m.Matters = append(m.Matters, vote.Matter{ID: f.ID, Kind: vote.MatterKind(f.Kind), Text: f.Text, Seats: f.Seats,
			Candidates: f.Candidates, Incumbents: f.Incumbents, Cumulative: f.Cumulative})
	}
	if m.Sessions, err = sessionsOf(r, id); err != nil {
		return nil, false, err
	}
	return m, true, nil
}

// sessionsOf returns the sessions of meeting id as a proxy sees them: id,
// the meeting it was adjourned from (meeting.held adjourned_to), and so on
// back to the meeting called. A proxy given for the meeting covers its
// adjournments (Art. II §10; DGCL §212(b), §222(c)). An id that is not
// on the books, or "" (a general proxy's), is its only session.
func sessionsOf(r tables.Reader, id string) (vote.Sessions, error) {
	s := vote.Sessions{id}
	for cur := id; cur != ""; {
		m, ok, err := loadSMeeting(r, cur)
		if err != nil {
			return nil, err
		}
		if !ok || m.AdjournedFrom == "" || s.Of(m.AdjournedFrom) {
			break
		}
		s = append(s, m.AdjournedFrom)
		cur = m.AdjournedFrom
	}
	return s, nil
}

// pollsRecordDate is the record date the polls of meeting id take: the
// meeting's (fixed by the board, or the DGCL §213(a) default).
func pollsRecordDate(r tables.Reader, id string) (corp.Date, error) {
	sm, ok, err := loadSMeeting(r, id)
	if err != nil || !ok {
		return corp.Date{}, err
	}
	rd, _ := meetingRecordDate(sm)
	return rd, nil
}

// recordDateWords says how a meeting's record date was set.
func recordDateWords(how string) string {
	switch how {
	case "fixed":
		return "fixed by the board, Art. VI §5"
	case "adjournment":
		return "of the original meeting, carried to the adjournment, Art. VI §5"
	}
	return "the DGCL §213(a) default"
}

// checkPollsMeeting checks the meeting whose polls polls.open opens: a
// stockholders' meeting on the books (meeting.call), recorded as held on
// the act's date with a quorum (Art. II §8); the record date is the
// meeting's; each question puts a motion of the meeting; an election at a
// special meeting is among the purposes noticed (Art. II §7).
func checkPollsMeeting(e *Env, f *PollsOpenFields) error {
	sm, ok, err := loadSMeeting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	if !ok {
		e.Fail("MB.stockholder_meeting.known", fmt.Sprintf("no stockholders' meeting %q is on the books: the polls are opened at a meeting called by meeting.call and held (meeting.held)", f.Meeting))
		return nil
	}
	if !sm.Held || sm.Date != e.Act.Effective {
		e.Fail("MB.stockholder_meeting.known", fmt.Sprintf("meeting %s (called for %s) is not recorded as held on %s: the polls open at the meeting, after meeting.held records its attendance and quorum", sm.ID, sm.Date, e.Act.Effective))
		return nil
	}
	e.Check("II.8.quorum", sm.HasQuorum,
		fmt.Sprintf("a quorum is present at meeting %s: %s of the %s shares issued, outstanding and entitled to vote", sm.ID, sm.SharesPresent.Grouped(), sm.Entitled.Grouped()),
		fmt.Sprintf("no quorum was present at meeting %s (%s of %s shares): no vote may be taken; the holders present may only adjourn (Art. II §8)", sm.ID, sm.SharesPresent.Grouped(), sm.Entitled.Grouped()),
		N("present_shares", sm.SharesPresent), N("entitled_shares", sm.Entitled))
	rd, _ := meetingRecordDate(sm)
	if !f.RecordDate.IsZero() && f.RecordDate != rd {
		e.Fail("VI.5.record_date_meeting", fmt.Sprintf("the polls state the record date %s, but the record date of meeting %s is %s (%s): the holders entitled to vote are those of record on the meeting's record date", f.RecordDate, sm.ID, rd, recordDateWords(sm.RecordDateHow)),
			N("record_date", rd), N("stated", f.RecordDate))
	} else {
		e.Hold("VI.5.record_date_meeting", fmt.Sprintf("the holders entitled to vote are those of record on %s, the record date of meeting %s (%s)", rd, sm.ID, recordDateWords(sm.RecordDateHow)),
			N("record_date", rd))
	}
	for _, mf := range f.Matters {
		switch vote.MatterKind(mf.Kind) {
		case vote.Question:
			row, ok, err := e.Rows.Get(tables.StockholderMotions, sm.ID, mf.ID)
			if err != nil {
				return err
			}
			e.Check("MB.vote.motion", ok,
				fmt.Sprintf("question %s puts the motion brought before meeting %s: %s", mf.ID, sm.ID, rowText(row, 2)),
				fmt.Sprintf("question %s is not a motion brought before meeting %s: bring it with meeting.motion (id %s), which checks that the meeting may transact it (Art. II §2, §7)", mf.ID, sm.ID, mf.ID))
		case vote.Election:
			if sm.Type != "special" {
				continue
			}
			n := sm.inPurposes(ElectDirector.Name, 0)
			e.Check("II.7.special_business_limited", n > 0,
				fmt.Sprintf("election %s carries out purpose (%d) stated in the notice of special meeting %s", mf.ID, n, sm.ID),
				fmt.Sprintf("election %s is not among the purposes stated in the notice of special meeting %s: an election needs a purpose of kind director.elect", mf.ID, sm.ID))
		}
	}
	return nil
}

// rowText returns column i of row as text, "" when there is no row.
func rowText(row tables.Row, i int) string {
	if row == nil {
		return ""
	}
	return row[i].(string)
}

// checkAttendanceProxy is the CheckProxy hook: holder is represented at
// meeting on by proxyHolder only under the proxy in force (Art. II §10;
// DGCL §212(b); A-PROXY3Y, A-PROXYREV): the latest-dated proxy of the
// holder bearing on the meeting, neither lapsed (three years from its
// date unless it states a longer period) nor revoked, naming proxyHolder.
// Otherwise the attendance is refused with the rule's citation.
func checkAttendanceProxy(e *Env, meeting, holder, proxyHolder string, on corp.Date) (bool, error) {
	ps, err := proxiesOf(e.Rows, holder)
	if err != nil {
		return false, err
	}
	rules := proxyRules(e)
	sessions, err := sessionsOf(e.Rows, meeting)
	if err != nil {
		return false, err
	}
	latest := rules.Latest(ps, sessions, on)
	if latest == nil {
		e.Fail("MB.vote.proxy", fmt.Sprintf("%s is recorded as represented by %s, but %s granted no proxy bearing on meeting %s dated on or before %s (record proxy.grant first)", holder, proxyHolder, holder, meeting, on))
		return false, nil
	}
	last := vote.Lapse(latest.Date, latest.Period, rules.Feb29)
	nums := []journalNumber{N("holder", holder), N("proxy", latest.ID), N("date", latest.Date), N("last_day", last), N("meeting_date", on)}
	switch {
	case rules.Lapsed(latest, on):
		e.Fail("II.10.proxy_duration", fmt.Sprintf("%s's proxy %s to %s, dated %s, lapsed: no proxy is voted after three years from its date unless it states a longer period; its last day was %s (A-PROXY3Y)", holder, latest.ID, latest.ProxyHolder, latest.Date, last), nums...)
		return false, nil
	case latest.Revoked:
		e.Fail("II.10.proxy_revocation", fmt.Sprintf("%s's latest-dated proxy %s to %s was revoked by written notice: no proxy of %s is in force at meeting %s (an earlier one does not revive, A-PROXYREV)", holder, latest.ID, latest.ProxyHolder, holder, meeting), nums...)
		return false, nil
	case latest.ProxyHolder != proxyHolder:
		var earlier *vote.Proxy
		for _, p := range ps {
			if p.ProxyHolder == proxyHolder && p != latest {
				earlier = p
			}
		}
		if earlier == nil {
			e.Fail("MB.vote.proxy", fmt.Sprintf("%s granted no proxy to %s; the proxy in force is %s to %s, dated %s", holder, proxyHolder, latest.ID, latest.ProxyHolder, latest.Date), nums...)
		} else {
			e.Fail("II.10.proxy_revocation", fmt.Sprintf("%s's proxy %s to %s, dated %s, is superseded by the later-dated proxy %s to %s, dated %s: the latest-dated valid proxy controls (A-PROXYREV)", holder, earlier.ID, proxyHolder, earlier.Date, latest.ID, latest.ProxyHolder, latest.Date), nums...)
		}
		return false, nil
	}
	e.Hold("II.10.proxy_duration", fmt.Sprintf("%s is represented by %s under proxy %s dated %s, which may be voted through %s", holder, proxyHolder, latest.ID, latest.Date, last), nums...)
	e.Hold("II.10.proxy_revocation", fmt.Sprintf("proxy %s is %s's latest-dated proxy, not revoked (A-PROXYREV)", latest.ID, holder))
	return true, nil
}

// withAttendance reads the holders recorded present at meeting m
// (meeting.held: in person, by remote communication or by a valid proxy)
// with their vote units at the record date, so that the tally counts them
// present whether or not they vote (vote.Options.Attending; Art. II §9).
func withAttendance(r tables.Reader, m *votingMeeting) error {
	type attendee struct{ holder, votes string }
	var as []attendee
	if err := r.Scan(tables.StockholderAttendance, []any{m.ID}, func(row tables.Row) error {
		as = append(as, attendee{row[1].(string), row[7].(string)})
		return nil
	}); err != nil {
		return err
	}
	var facts corp.CharterFacts
	loaded := false
	m.Attending = make(map[string]int64, len(as))
	for _, a := range as {
		var v int64
		if a.votes != "" {
			// The voting power meeting.held counted (migration 0018).
			d, err := corp.ParseDecimal(a.votes)
			if err != nil {
				return fmt.Errorf("attendance of %s at %s: votes: %v", a.holder, m.ID, err)
			}
			u, ok := d.Units(m.Scale)
			if !ok {
				return fmt.Errorf("attendance of %s at %s: votes %s do not fit vote units of scale %d", a.holder, m.ID, d, m.Scale)
			}
			v = u
		} else {
			// Recorded before the votes were: read the ledger.
			if !loaded {
				cc, err := loadContext(r)
				if err != nil {
					return err
				}
				facts, _ = cc.charterOn(m.RecordDate)
				loaded = true
			}
			units, err := holderUnitsOn(r, a.holder, m.RecordDate)
			if err != nil {
				return err
			}
			if v, err = classVotes(facts, units, m.Scale); err != nil {
				return err
			}
		}
		if v > 0 {
			m.Attending[a.holder] = v
		}
	}
	return nil
}

// maxNamed is the most holders a message names; it counts the rest.
const maxNamed = 20

// meetingQuorum checks the quorum of the certified result (Art. II §8):
// the meeting's, as meeting.held found it from the attendance, and it
// reports the voting power present at the polls; holders who voted but
// were not recorded present are flagged (their ballots make them
// present).
func meetingQuorum(e *Env, t *Tabulation) {
	m := t.Meeting
	present, out := t.dec(t.Result.Present), t.dec(m.Outstanding)
	e.Check("II.8.quorum", m.HasQuorum,
		fmt.Sprintf("a quorum was present at meeting %s (meeting.held): %s of the %s shares issued, outstanding and entitled to vote on %s; %s of %s votes outstanding present in person or by proxy at the polls (%d holders)",
			m.ID, m.SharesPresent.Grouped(), m.Entitled.Grouped(), m.RecordDate, present.Grouped(), out.Grouped(), t.Result.Holders),
		fmt.Sprintf("no quorum was present at meeting %s (%s of %s shares): nothing can be decided", m.ID, m.SharesPresent.Grouped(), m.Entitled.Grouped()),
		N("present_shares", m.SharesPresent), N("entitled_shares", m.Entitled), N("outstanding", out), N("present", present))
	var extra []string
	seen := map[string]bool{}
	for i := range t.Ballots {
		h := t.Ballots[i].Holder
		if t.Result.Counted[i] && m.Attending[h] == 0 && !seen[h] {
			seen[h] = true
			extra = append(extra, h)
		}
	}
	if len(extra) > 0 {
		// The first holders by name, in ballot order; the count is exact.
		names := strings.Join(extra[:min(len(extra), maxNamed)], ", ")
		if len(extra) > maxNamed {
			names += fmt.Sprintf(" and %d more", len(extra)-maxNamed)
		}
		e.Warn("MB.stockholder_meeting.attendee", fmt.Sprintf("%s voted but %s not recorded present at meeting.held: counted present by the ballots", names, map[bool]string{true: "is", false: "are"}[len(extra) == 1]),
			N("holders", len(extra)))
	}
}

// atMeetingDate runs fn with the act's effective date set to the meeting
// date d: directors elected take office, and incumbents not re-elected
// leave, on the date of the meeting that elected them, whenever the
// inspector certifies (Art. III §1; DGCL §216(3)).
func atMeetingDate(e *Env, d corp.Date, fn func() error) error {
	saved := e.Act
	a := *saved
	a.Effective = d
	e.Act = &a
	defer func() { e.Act = saved }()
	return fn()
}

// electionsAtMeeting checks the elections of t as of the meeting date and
// says when those elected take office.
func electionsAtMeeting(e *Env, t *Tabulation) error {
	if err := atMeetingDate(e, t.Meeting.Date, func() error { return electionChecks(e, t) }); err != nil {
		return err
	}
	for _, mr := range t.Result.Matters {
		if mr.Kind == vote.Election && len(mr.Elected) > 0 {
			e.Hold("III.1.term", fmt.Sprintf("%s: %s take office in the board register (director.elect) on the meeting date %s, each until a successor is elected and qualified", mr.Matter, strings.Join(mr.Elected, ", "), t.Meeting.Date),
				N("meeting_date", t.Meeting.Date))
		}
	}
	return nil
}

// certifiedQuestion reads question q of meeting's certified result: ok
// false when the result is not certified or has no such question.
func certifiedQuestion(r tables.Reader, meeting, q string) (*CertifiedResult, *MatterReport, error) {
	row, ok, err := r.Get(tables.VoteResults, meeting)
	if err != nil || !ok {
		return nil, nil, err
	}
	cr := &CertifiedResult{}
	if err := json.Unmarshal([]byte(row[3].(string)), cr); err != nil {
		return nil, nil, fmt.Errorf("vote_results %s: %v", meeting, err)
	}
	for i := range cr.Matters {
		if cr.Matters[i].ID == q {
			return cr, &cr.Matters[i], nil
		}
	}
	return cr, nil, nil
}

// certifiedCounts are a certified question's votes for, against and
// abstaining as whole numbers (the counts an adoption records).
type certifiedCounts struct {
	For, Against, Abstain, Present corp.Decimal
	whole                          bool
}

func countsOf(mr *MatterReport) (certifiedCounts, error) {
	var c certifiedCounts
	for i, s := range []string{mr.For, mr.Against, mr.Abstain, mr.Present} {
		d, err := corp.ParseDecimal(orText(s, "0"))
		if err != nil {
			return c, err
		}
		*[]*corp.Decimal{&c.For, &c.Against, &c.Abstain, &c.Present}[i] = d
	}
	c.whole = c.For.IsInteger() && c.Against.IsInteger() && c.Abstain.IsInteger()
	return c, nil
}

// ints returns the counts as int (whole vote units).
func (c certifiedCounts) ints() (int, int, int) {
	f, _ := c.For.Int64()
	a, _ := c.Against.Int64()
	s, _ := c.Abstain.Int64()
	return int(f), int(a), int(s)
}

// checkCertifiedAdoption checks an act of the stockholders adopted at
// meeting m whose adoption names question q of the meeting's certified
// result (adoption: {meeting, question}): the result is certified, the
// question is in it, counts stated in the envelope agree with it, and the
// votes for are a majority of the voting power present as certified (Art.
// II §9; A-ABST as certified).
func checkCertifiedAdoption(e *Env, m *smeeting, ad *AdoptionField) error {
	cr, mr, err := certifiedQuestion(e.Rows, m.ID, ad.Question)
	if err != nil {
		return err
	}
	switch {
	case cr == nil:
		e.Fail("MB.adoption.certified", fmt.Sprintf("no result of meeting %s is certified (result.certify): question %s has no certified votes", m.ID, ad.Question))
		return nil
	case mr == nil:
		e.Fail("MB.adoption.certified", fmt.Sprintf("the certified result of meeting %s has no question %s", m.ID, ad.Question))
		return nil
	case mr.Kind != string(vote.Question):
		e.Fail("MB.adoption.certified", fmt.Sprintf("%s is an election: directors elected take office through the certified result itself; an act adopted by the stockholders names a question", ad.Question))
		return nil
	}
	c, err := countsOf(mr)
	if err != nil {
		return err
	}
	e.Check("MB.adoption.votes", c.whole, fmt.Sprintf("%s for, %s against, %s abstaining as certified", c.For, c.Against, c.Abstain),
		fmt.Sprintf("the certified votes (%s for, %s against, %s abstaining) are not whole votes, which an adoption records", c.For, c.Against, c.Abstain))
	f, a, s := c.ints()
	if ad.For != 0 || ad.Against != 0 || ad.Abstain != 0 {
		e.Check("MB.adoption.votes", ad.For == f && ad.Against == a && ad.Abstain == s,
			fmt.Sprintf("the counts stated agree with the certified result: %d for, %d against, %d abstaining", f, a, s),
			fmt.Sprintf("the counts stated (%d for, %d against, %d abstaining) differ from the certified result of question %s of meeting %s (%d for, %d against, %d abstaining)", ad.For, ad.Against, ad.Abstain, ad.Question, m.ID, f, a, s),
			N("for", f), N("against", a), N("abstain", s))
	}
	e.Hold("MB.adoption.certified", fmt.Sprintf("the votes are those of question %s in the result of meeting %s the inspector of election certified on %s (entry #%d, receipts root %s)", ad.Question, m.ID, cr.Certified, cr.Seq, cr.Root),
		N("question", ad.Question), N("receipts_root", cr.Root))
	den, err := corp.ParseDecimal(orText(mr.Denominator, mr.Present))
	if err != nil {
		return err
	}
	passes, need := majorityBase(e.Bylaws, "II.9.vote_standard", c.For, den)
	e.Check("II.9.vote_standard", passes,
		fmt.Sprintf("%s votes for, a majority of the %s votes present in person or by proxy as certified (at least %s; abstentions count as present)", c.For.Grouped(), den.Grouped(), need),
		fmt.Sprintf("%s votes for is not a majority of the %s votes present in person or by proxy as certified (at least %s needed): question %s was not adopted", c.For.Grouped(), den.Grouped(), need, ad.Question),
		N("for", c.For), N("against", c.Against), N("abstain", c.Abstain), N("present", c.Present), N("denominator", den), N("needed", need))
	return nil
}

// warnUncertified records that the counts of an act of the stockholders
// adopted at meeting m are stated in the act, with no certified result
// behind them.
func warnUncertified(e *Env, m *smeeting, ad *AdoptionField) {
	e.Warn("MB.adoption.certified", fmt.Sprintf("the counts (%d for, %d against, %d abstaining) are stated in the act; no certified result of the inspector of election (result.certify) backs them: name the question instead (adoption: {meeting: %s, question: ID})", ad.For, ad.Against, ad.Abstain, m.ID))
}

// adoptionCounts returns the counts an adoption records: those of the
// certified question it names, else those stated.
func adoptionCounts(r tables.Reader, ad *AdoptionField) (int, int, int, error) {
	if ad.Question == "" || ad.Meeting == "" {
		return ad.For, ad.Against, ad.Abstain, nil
	}
	_, mr, err := certifiedQuestion(r, ad.Meeting, ad.Question)
	if err != nil || mr == nil {
		return ad.For, ad.Against, ad.Abstain, err
	}
	c, err := countsOf(mr)
	if err != nil {
		return 0, 0, 0, err
	}
	f, a, s := c.ints()
	return f, a, s, nil
}

// removalVotes returns the shares voted for and against a director's
// removal (Art. III §14): those of the certified question the adoption
// names (counted as votes: one vote per share), which the fields, when
// they state them, must match; else the fields.
func removalVotes(e *Env, f *EndDirectorFields) (sharesFor, sharesAgainst *corp.Decimal, err error) {
	ad := e.Act.Adoption
	if ad == nil || ad.Question == "" || ad.Meeting == "" {
		return f.SharesFor, f.SharesAgainst, nil
	}
	_, mr, err := certifiedQuestion(e.Rows, ad.Meeting, ad.Question)
	if err != nil || mr == nil || mr.Kind != string(vote.Question) {
		return f.SharesFor, f.SharesAgainst, err // the adoption check refuses it
	}
	c, err := countsOf(mr)
	if err != nil {
		return nil, nil, err
	}
	for _, p := range [][2]*corp.Decimal{{f.SharesFor, &c.For}, {f.SharesAgainst, &c.Against}} {
		if p[0] != nil && p[0].Cmp(*p[1]) != 0 {
			e.Fail("MB.adoption.votes", fmt.Sprintf("the shares stated (%s for, %s against) differ from the certified result of question %s of meeting %s (%s for, %s against)",
				decText(f.SharesFor), decText(f.SharesAgainst), ad.Question, ad.Meeting, c.For, c.Against))
			break
		}
	}
	return &c.For, &c.Against, nil
}

func decText(d *corp.Decimal) string {
	if d == nil {
		return "none"
	}
	return d.String()
}

// DirectorTenure is one entry of the board register: a directorship held
// by a person from a date (until a date, "" while in office).
type DirectorTenure struct {
	Person   string `json:"person"`
	Name     string `json:"name"`
	Since    string `json:"since"`
	Until    string `json:"until,omitempty"`
	How      string `json:"how"`
	EndedHow string `json:"ended_how,omitempty"`
	Seq      uint64 `json:"seq"`
}

// BoardRegister is the board register on a date: the whole board fixed
// under Art. III §1 and every directorship, those in office on the date
// first (by since, then person).
type BoardRegister struct {
	On         string           `json:"on"`
	WholeBoard int              `json:"whole_board"`
	InOffice   []DirectorTenure `json:"in_office"`
	Former     []DirectorTenure `json:"former"`
}

// Directors returns the board register on date on.
func (s *Service) Directors(ctx context.Context, corpID string, on corp.Date) (*BoardRegister, error) {
	out := &BoardRegister{On: on.String(), InOffice: []DirectorTenure{}, Former: []DirectorTenure{}}
	err := s.Store.View(ctx, corpID, func(v View) error {
		var err error
		if out.WholeBoard, err = wholeBoard(v, on); err != nil {
			return err
		}
		var all []DirectorTenure
		if err := v.Scan(tables.Directors, nil, func(row tables.Row) error {
			if row[1].(string) > on.String() {
				return nil
			}
			all = append(all, DirectorTenure{Person: row[0].(string), Since: row[1].(string), Until: row[2].(string), How: row[3].(string), EndedHow: row[4].(string), Seq: uint64(row[5].(int64))})
			return nil
		}); err != nil {
			return err
		}
		for _, d := range all {
			if p, ok, err := v.Get(tables.Persons, d.Person); err != nil {
				return err
			} else if ok {
				d.Name = p[1].(string)
			}
			if inTenure(d.Since, d.Until, on) {
				out.InOffice = append(out.InOffice, d)
			} else {
				out.Former = append(out.Former, d)
			}
		}
		return nil
	})
	byDate := func(a, b DirectorTenure) int {
		if c := strings.Compare(a.Since, b.Since); c != 0 {
			return c
		}
		return strings.Compare(a.Person, b.Person)
	}
	slices.SortFunc(out.InOffice, byDate)
	slices.SortFunc(out.Former, byDate)
	return out, err
}
