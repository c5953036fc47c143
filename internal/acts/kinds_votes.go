package acts

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
	"minutebook/internal/vote"
)

// This file records the voting half of a stockholders' meeting: the polls
// the inspector of election opens and closes (DGCL §231), proxies (Art. II
// §10; DGCL §212), ballots weighted by class and votes per share at the
// record date (Art. II §10), and the result the inspector certifies:
// questions by a majority of the voting power present (Art. II §9),
// directors by plurality (Art. II §2) or cumulatively (Art. II §10 ¶2;
// DGCL §214), with a receipt for every ballot and a root over the receipts
// (package vote). The meeting's call, notice, list and quorum of presence
// are the meeting acts'; this file reads what it needs of the meeting
// through meetingForVoting.

func init() {
	addEngineRules(map[string]engineRule{
		"MB.vote.polls":     {"DGCL §231(b), (c)", "ballots are accepted only while the inspector of election holds the polls open; none after they close"},
		"MB.vote.meeting":   {"Art. II §1, §2; DGCL §231", "the polls of a meeting are opened once, with well-formed matters, on or after the record date"},
		"MB.vote.ballot":    {"Art. II §2, §9, §10", "a ballot names matters of the meeting and votes each as its kind requires"},
		"MB.vote.proxy":     {"Art. II §10; DGCL §212(b)", "a proxy is recorded once, with a date on or before it is recorded, and is voted only by its proxy holder"},
		"MB.vote.recount":   {"DGCL §231(b)(v)", "the certified tally equals a recount of the ballots recorded in the journal, and the stated receipts root"},
		"MB.vote.certified": {"DGCL §231(b)(v)", "a meeting's result is certified once, after the polls close"},
	})
}

// MatterField is one question or election put to a meeting.
type MatterField struct {
	ID         string   `mb:"id,required" doc:"the matter's id, unique within the meeting"`
	Kind       string   `mb:"kind,required" enum:"question,election" doc:"a question (Art. II §9) or an election of directors (Art. II §2)"`
	Text       string   `mb:"text" doc:"the question as put, or the directorships up for election"`
	Seats      int      `mb:"seats" doc:"an election: the seats to fill"`
	Candidates []string `mb:"candidates" doc:"an election: the candidates (person ids)"`
	Incumbents []string `mb:"incumbents" doc:"an election: the directors whose seats are up; on a tie for the last seats they hold over (A-TIE)"`
}

// votingMeeting is what voting needs of a meeting: its date and record
// date, the matters, the scale of its vote units, the voting power
// outstanding at the record date, and whether the polls are open.
type votingMeeting struct {
	ID          string
	Date        corp.Date
	RecordDate  corp.Date
	Opened      corp.Date
	Closed      bool
	ClosedSeq   uint64
	Matters     []vote.Matter
	Scale       int
	Outstanding int64 // vote units
	Inspector   string
	// Sessions are the meeting and the sessions it continues, for the
	// proxies given for any of them (vote.Sessions; Art. II §10).
	Sessions vote.Sessions
	// What the meeting's own records hold (votes_meetings.go): its
	// quorum at meeting.held, and (read only for the tally) the holders
	// recorded present with their vote units at the record date.
	HasQuorum               bool
	SharesPresent, Entitled corp.Decimal
	Attending               map[string]int64
}

// matter returns the matter with id, nil if none.
func (m *votingMeeting) matter(id string) *vote.Matter {
	for i := range m.Matters {
		if m.Matters[i].ID == id {
			return &m.Matters[i]
		}
	}
	return nil
}

// units formats vote units of the meeting as an exact decimal.
func (m *votingMeeting) units(u int64) corp.Decimal { return corp.DecimalFromUnits(u, m.Scale) }

// pollMatter is a matter as vote_polls keeps it (JSON).
type pollMatter struct {
	ID         string   `json:"id"`
	Kind       string   `json:"kind"`
	Text       string   `json:"text"`
	Seats      int      `json:"seats"`
	Candidates []string `json:"candidates"`
	Incumbents []string `json:"incumbents"`
	Cumulative bool     `json:"cumulative"`
}

// voteScale is the scale of a meeting's vote units: enough fractional
// digits for every voting class's shares × votes per share.
func voteScale(facts corp.CharterFacts) int {
	s := 0
	for _, c := range facts.Classes {
		if c.VotesPerShare.Sign() > 0 {
			s = max(s, c.Scale+c.VotesPerShare.Scale())
		}
	}
	return s
}

// classVotes converts units of each class to vote units at scale: shares ×
// votes per share of the class (Art. II §10: weighted by class).
func classVotes(facts corp.CharterFacts, units map[string]int64, scale int) (int64, error) {
	total := corp.Decimal{}
	for _, c := range facts.Classes {
		if u := units[c.ID]; u != 0 && c.VotesPerShare.Sign() > 0 {
			total = total.Add(corp.DecimalFromUnits(u, c.Scale).Mul(c.VotesPerShare))
		}
	}
	v, ok := total.Units(scale)
	if !ok {
		return 0, fmt.Errorf("votes %s do not fit vote units of scale %d", total, scale)
	}
	return v, nil
}

// holderUnitsOn returns holder's units of each class at the end of d.
func holderUnitsOn(r tables.Reader, holder string, d corp.Date) (map[string]int64, error) {
	units := map[string]int64{}
	on := d.String()
	err := r.Scan(tables.HoldingChanges, []any{holder}, func(row tables.Row) error {
		if row[2].(string) <= on {
			units[row[1].(string)] += row[4].(int64)
		}
		return nil
	})
	return units, err
}

// outstandingVotes returns the votes of all shares outstanding at the end
// of d (treasury shares are not outstanding: A-TREAS, DGCL §160(c)).
func outstandingVotes(r tables.Reader, facts corp.CharterFacts, d corp.Date, scale int) (int64, error) {
	units := map[string]int64{}
	on := d.String()
	if err := r.Scan(tables.HoldingChanges, nil, func(row tables.Row) error {
		if row[2].(string) <= on {
			units[row[1].(string)] += row[4].(int64)
		}
		return nil
	}); err != nil {
		return 0, err
	}
	return classVotes(facts, units, scale)
}

// PollsOpenFields are the fields of polls.open.
type PollsOpenFields struct {
	Meeting    string        `mb:"meeting,required" doc:"the meeting's id"`
	RecordDate corp.Date     `mb:"record_date" doc:"the meeting's record date (Art. VI §5), which the polls take from the meeting's records (meeting.record_date or the DGCL §213(a) default); when stated it must agree"`
	Matters    []MatterField `mb:"matters,required" doc:"the questions and elections put to the meeting"`
}

// OpenPolls records the inspector of election opening the polls.
var OpenPolls = Define(Kind{
	Name:    "polls.open",
	Summary: "open the polls of a stockholders' meeting, with the matters put to it",
	Doc: "The inspector of election opens the polls of a stockholders' meeting on the books (meeting.call), held " +
		"on that date with a quorum (meeting.held; Art. II §8), whose record date (meeting.record_date, or the DGCL " +
		"§213(a) default) the polls take; a stated record_date must agree. A question puts a motion of the meeting " +
		"(meeting.motion); an election at a special meeting must be among its noticed purposes (Art. II §7). " +
		"The inspector opens the polls on the meeting date (DGCL §231(b)) and states the matters: " +
		"questions, decided by a majority of the voting power present (Art. II §9), and elections of directors " +
		"by plurality (Art. II §2), cumulative where the charter provides it (Art. II §10 ¶2, A-CUMCERT). The " +
		"voting power outstanding at the record date is fixed from the ledger: shares × votes per share of each " +
		"class, treasury shares excluded.",
	Actors: []corp.Capacity{corp.AsInspector},
	Example: `kind: polls.open
effective: 2004-06-15
actor: {person: ingrid, as: inspector}
fields:
  meeting: annual-2004
  record_date: 2004-05-14
  matters:
    - {id: auditors, kind: question, text: "Ratify the appointment of the auditors"}
    - {id: directors, kind: election, seats: 3, candidates: [pat, quinn, ray, xavier], incumbents: [pat, quinn, ray]}
`,
	NeedsBylaws: true,
}, func(e *Env, f *PollsOpenFields) error {
	if _, ok, err := meetingForVoting(e.Rows, f.Meeting); err != nil {
		return err
	} else if ok {
		e.Fail("MB.vote.meeting", fmt.Sprintf("the polls of meeting %s were already opened", f.Meeting))
	}
	if err := checkPollsMeeting(e, f); err != nil { // votes_meetings.go
		return err
	}
	ids := map[string]bool{}
	for _, mf := range f.Matters {
		m := matterOf(mf, e.Charter.CumulativeVoting)
		if err := vote.CheckMatter(&m); err != nil {
			e.Fail("MB.vote.meeting", err.Error())
			continue
		}
		if ids[mf.ID] {
			e.Fail("MB.vote.meeting", fmt.Sprintf("matter %s is listed twice", mf.ID))
		}
		ids[mf.ID] = true
		if m.Kind != vote.Election {
			continue
		}
		for _, p := range slices.Concat(mf.Candidates, mf.Incumbents) {
			if ok, err := e.PersonExists(p); err != nil {
				return err
			} else if !ok {
				e.Fail("MB.person.known", fmt.Sprintf("matter %s: person %q is not recorded", mf.ID, p))
			}
		}
		if m.Cumulative {
			e.Hold("II.10.cumulative", fmt.Sprintf("matter %s: the certificate provides cumulative voting: each share carries %d votes, cast for one candidate or spread (DGCL §214)", mf.ID, m.Seats), N("seats", m.Seats))
		} else {
			e.Hold("II.2.plurality", fmt.Sprintf("matter %s: %d seats by plurality: the %d candidates with the most votes are elected", mf.ID, m.Seats, m.Seats), N("seats", m.Seats))
		}
	}
	return nil
}, func(e *Env, f *PollsOpenFields) error {
	cc, err := loadContext(e.Rows)
	if err != nil {
		return err
	}
	rd, err := pollsRecordDate(e.Rows, f.Meeting) // votes_meetings.go
	if err != nil {
		return err
	}
	facts, _ := cc.charterOn(rd)
	scale := voteScale(facts)
	out, err := outstandingVotes(e.Rows, facts, rd, scale)
	if err != nil {
		return err
	}
	var ms []pollMatter
	for _, mf := range f.Matters {
		m := matterOf(mf, e.Charter.CumulativeVoting)
		ms = append(ms, pollMatter{m.ID, string(m.Kind), m.Text, m.Seats, nonNil(m.Candidates), nonNil(m.Incumbents), m.Cumulative})
	}
	js := marshalText(ms)
	return e.Rows.Put(tables.VotePolls, tables.Row{f.Meeting, e.Act.Effective.String(), "",
		js, int64(scale), out, e.Act.Actor.Person, int64(e.Seq), int64(0)})
})

// matterOf turns a matter field into a vote.Matter.
func matterOf(f MatterField, cumulative bool) vote.Matter {
	return vote.Matter{ID: f.ID, Kind: vote.MatterKind(f.Kind), Text: f.Text, Seats: f.Seats, Candidates: f.Candidates,
		Incumbents: f.Incumbents, Cumulative: f.Kind == string(vote.Election) && cumulative}
}

// PollsCloseFields are the fields of polls.close.
type PollsCloseFields struct {
	Meeting string `mb:"meeting,required" doc:"the meeting's id"`
}

// ClosePolls records the inspector of election closing the polls.
var ClosePolls = Define(Kind{
	Name:    "polls.close",
	Summary: "close the polls of a stockholders' meeting",
	Doc: "The inspector of election announces the close of the polls; no ballot, proxy or revocation is " +
		"accepted after it (DGCL §231(c)). The proxies in force and the ballots recorded until then are tallied.",
	Actors: []corp.Capacity{corp.AsInspector},
	Example: `kind: polls.close
effective: 2004-06-15
actor: {person: ingrid, as: inspector}
fields: {meeting: annual-2004}
`,
}, func(e *Env, f *PollsCloseFields) error {
	m, ok, err := meetingForVoting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	switch {
	case !ok:
		e.Fail("MB.vote.polls", fmt.Sprintf("the polls of meeting %s were never opened (polls.open)", f.Meeting))
	case m.Closed:
		e.Fail("MB.vote.polls", fmt.Sprintf("the polls of meeting %s are already closed", f.Meeting))
	default:
		e.Hold("MB.vote.polls", fmt.Sprintf("the polls of meeting %s, opened %s, close", f.Meeting, m.Opened))
	}
	return nil
}, func(e *Env, f *PollsCloseFields) error {
	row, _, err := e.Rows.Get(tables.VotePolls, f.Meeting)
	if err != nil {
		return err
	}
	row = append(tables.Row(nil), row...)
	row[2], row[8] = e.Act.Effective.String(), int64(e.Seq)
	return e.Rows.Put(tables.VotePolls, row)
})

// ProxyFields are the fields of proxy.grant.
type ProxyFields struct {
	ID          string     `mb:"id,required" doc:"the proxy's id, unique among the holder's proxies"`
	Holder      string     `mb:"holder,required" doc:"the holder of record who grants it"`
	ProxyHolder string     `mb:"proxy_holder,required" doc:"the person who may vote under it"`
	Date        *corp.Date `mb:"date" doc:"the proxy's date; an undated proxy is refused or dated on receipt (A-PROXY3Y)"`
	Period      string     `mb:"period" doc:"the period it states, e.g. 5y, 18m or 2y6m; none: three years from its date (Art. II §10)"`
	Meeting     string     `mb:"meeting" doc:"the meeting it is for; omit for a general proxy"`
}

// Validate checks the stated period (it is a parsed field).
func (f *ProxyFields) Validate(file, path string) error {
	if _, err := vote.ParseDuration(f.Period); err != nil {
		return fmt.Errorf("period: %v", err)
	}
	return nil
}

// proxyRules reads A-PROXY3Y and A-PROXYREV from the bylaws in force.
func proxyRules(e *Env) vote.ProxyRules {
	r := vote.ProxyRules{Feb29: corp.Feb29ToFeb28}
	if e.Bylaws == nil {
		return r
	}
	if a := e.Bylaws.Ambiguity("A-PROXY3Y"); a != nil && a.Text("feb29") == string(corp.Feb29ToMar1) {
		r.Feb29 = corp.Feb29ToMar1
	}
	r.BeforeAnniversary = e.Bylaws.Choice("A-PROXY3Y") == "before_anniversary"
	r.LatestReceived = e.Bylaws.Choice("A-PROXYREV") == "latest_received"
	return r
}

// proxiesOf returns holder's proxies recorded so far (revoked ones marked).
func proxiesOf(r tables.Reader, holder string) ([]*vote.Proxy, error) {
	var out []*vote.Proxy
	err := r.Scan(tables.VoteProxies, []any{holder}, func(row tables.Row) error {
		p, err := proxyOf(row, 0)
		if err == nil {
			out = append(out, p)
		}
		return err
	})
	return out, err
}

// proxyOf reads a vote_proxies row; a revocation recorded at or after
// before (when before is not 0) is ignored.
func proxyOf(row tables.Row, before uint64) (*vote.Proxy, error) {
	d, err := corp.ParseDate(row[3].(string))
	if err != nil {
		return nil, err
	}
	per, err := vote.ParseDuration(row[4].(string))
	if err != nil {
		return nil, err
	}
	rs := uint64(row[7].(int64))
	return &vote.Proxy{ID: row[1].(string), Holder: row[0].(string), ProxyHolder: row[2].(string), Date: d, Period: per,
		Meeting: row[5].(string), Seq: uint64(row[8].(int64)), Revoked: row[6].(string) != "" && (before == 0 || rs < before)}, nil
}

// GrantProxy records a proxy granted by a holder of record.
var GrantProxy = Define(Kind{
	Name:    "proxy.grant",
	Summary: "record a proxy granted by a holder of record",
	Doc: "A holder of record authorizes another person to vote their shares (Art. II §10; DGCL §212(b)). " +
		"The grantor must be a holder of record of voting shares on the proxy's date (Art. VI §7). No proxy is " +
		"voted after three years from its date unless it states a longer period; the last day is the anniversary, " +
		"29 February falling on 28 February in a common year (A-PROXY3Y). A later-dated proxy revokes an earlier " +
		"one (A-PROXYREV); a proxy recorded after it lapsed is refused.",
	Actors: []corp.Capacity{corp.AsHolder, corp.AsSecretary, corp.AsInspector},
	Example: `kind: proxy.grant
effective: 2004-06-01
actor: {person: carol, as: holder}
fields: {id: carol-2004, holder: carol, proxy_holder: pat, date: 2004-06-01, meeting: annual-2004}
`,
	NeedsBylaws: true,
}, func(e *Env, f *ProxyFields) error {
	if e.Act.Actor.Capacity == corp.AsHolder && e.Act.Actor.Person != f.Holder {
		e.Fail("VI.7.registered_holder", fmt.Sprintf("a proxy is signed by the holder of record (%s), not by %s", f.Holder, e.Act.Actor.Person))
	}
	for _, p := range []string{f.Holder, f.ProxyHolder} {
		if ok, err := e.PersonExists(p); err != nil {
			return err
		} else if !ok {
			e.Fail("MB.person.known", fmt.Sprintf("person %q is not recorded", p))
			return nil
		}
	}
	if _, ok, err := e.Rows.Get(tables.VoteProxies, f.Holder, f.ID); err != nil {
		return err
	} else if ok {
		e.Fail("MB.vote.proxy", fmt.Sprintf("%s already granted a proxy with id %s", f.Holder, f.ID))
	}
	date, ok := proxyDate(e, f)
	if !ok {
		return nil
	}
	e.Check("MB.vote.proxy", !date.After(e.Act.Effective), fmt.Sprintf("dated %s, recorded %s", date, e.Act.Effective),
		fmt.Sprintf("the proxy is dated %s, after it is recorded (%s)", date, e.Act.Effective))
	units, err := holderUnitsOn(e.Rows, f.Holder, date)
	if err != nil {
		return err
	}
	votes, err := classVotes(e.Charter, units, voteScale(e.Charter))
	if err != nil {
		return err
	}
	e.Check("VI.7.registered_holder", votes > 0,
		fmt.Sprintf("%s is a holder of record of voting shares on %s (%s votes)", f.Holder, date, corp.DecimalFromUnits(votes, voteScale(e.Charter)).Grouped()),
		fmt.Sprintf("%s holds no voting shares of record on %s, the proxy's date: only the holder of record may grant a proxy", f.Holder, date),
		N("votes", corp.DecimalFromUnits(votes, voteScale(e.Charter))))
	per, _ := vote.ParseDuration(f.Period)
	rules := proxyRules(e)
	p := &vote.Proxy{ID: f.ID, Holder: f.Holder, ProxyHolder: f.ProxyHolder, Date: date, Period: per, Meeting: f.Meeting}
	last := vote.Lapse(date, per, rules.Feb29)
	stated := "three years from its date (none stated)"
	if !per.IsZero() {
		stated = "the period it states, " + per.String()
	}
	e.Check("II.10.proxy_duration", !rules.Lapsed(p, e.Act.Effective),
		fmt.Sprintf("may be voted through %s: %s", last, stated),
		fmt.Sprintf("the proxy dated %s lapsed: it may not be voted after %s (%s)", date, last, stated),
		N("date", date), N("last_day", last))
	if y, m, d := date.YMD(); m == 2 && d == 29 && per.Months == 0 {
		_ = y
		e.Warn("II.10.proxy_duration", fmt.Sprintf("dated 29 February: the anniversary falls on %s in a common year (A-PROXY3Y feb29: %s)", last, rules.Feb29), N("last_day", last))
	}
	earlier, err := proxiesOf(e.Rows, f.Holder)
	if err != nil {
		return err
	}
	sessions, err := sessionsOf(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	if prev := rules.InForce(earlier, sessions, e.Act.Effective); prev != nil {
		p.Seq = e.Seq
		if rules.Latest([]*vote.Proxy{prev, p}, sessions, e.Act.Effective) == p {
			e.Warn("II.10.proxy_revocation", fmt.Sprintf("revokes %s's earlier proxy %s (dated %s) to %s: the latest-dated valid proxy controls (A-PROXYREV: %s)", f.Holder, prev.ID, prev.Date, prev.ProxyHolder, e.Bylaws.Choice("A-PROXYREV")))
		} else {
			e.Warn("II.10.proxy_revocation", fmt.Sprintf("%s's proxy %s dated %s is later and still controls: this one, dated %s, is recorded but not in force (A-PROXYREV)", f.Holder, prev.ID, prev.Date, date))
		}
	}
	return nil
}, func(e *Env, f *ProxyFields) error {
	date := e.Act.Effective
	if f.Date != nil {
		date = *f.Date
	}
	return e.Rows.Put(tables.VoteProxies, tables.Row{f.Holder, f.ID, f.ProxyHolder, date.String(), f.Period, f.Meeting, "", int64(0), int64(e.Seq)})
})

// proxyDate returns the proxy's date: as stated, or for an undated proxy
// the date of receipt when the bylaws say so (A-PROXY3Y undated).
func proxyDate(e *Env, f *ProxyFields) (corp.Date, bool) {
	if f.Date != nil {
		return *f.Date, true
	}
	if a := e.Bylaws.Ambiguity("A-PROXY3Y"); a != nil && a.Text("undated") == "date_of_receipt" {
		e.Warn("II.10.proxy_duration", fmt.Sprintf("an undated proxy is dated on receipt, %s (A-PROXY3Y undated: date_of_receipt)", e.Act.Effective))
		return e.Act.Effective, true
	}
	e.Fail("II.10.proxy_duration", "the proxy is undated: its three years cannot be counted, and an undated proxy is refused (A-PROXY3Y undated: refuse)")
	return corp.Date{}, false
}

// RevokeProxyFields are the fields of proxy.revoke.
type RevokeProxyFields struct {
	Holder string `mb:"holder,required" doc:"the holder of record who granted the proxy"`
	ID     string `mb:"id,required" doc:"the proxy's id"`
}

// RevokeProxy records the revocation of a proxy by written notice.
var RevokeProxy = Define(Kind{
	Name:    "proxy.revoke",
	Summary: "record the revocation of a proxy by written notice",
	Doc: "A revocable proxy is revoked by written notice from the holder of record (DGCL §212(e); A-PROXYREV). " +
		"A later-dated proxy or voting in person revokes one without notice. A proxy revoked before the polls " +
		"close is not in force when the ballots are tallied.",
	Actors: []corp.Capacity{corp.AsHolder, corp.AsSecretary, corp.AsInspector},
	Example: `kind: proxy.revoke
effective: 2004-06-10
actor: {person: carol, as: holder}
fields: {holder: carol, id: carol-2004}
`,
	NeedsBylaws: true,
}, func(e *Env, f *RevokeProxyFields) error {
	if e.Act.Actor.Capacity == corp.AsHolder && e.Act.Actor.Person != f.Holder {
		e.Fail("VI.7.registered_holder", fmt.Sprintf("a proxy is revoked by the holder of record (%s), not by %s", f.Holder, e.Act.Actor.Person))
	}
	row, ok, err := e.Rows.Get(tables.VoteProxies, f.Holder, f.ID)
	if err != nil {
		return err
	}
	switch {
	case !ok:
		e.Fail("MB.vote.proxy", fmt.Sprintf("%s granted no proxy with id %s", f.Holder, f.ID))
	case row[6].(string) != "":
		e.Fail("MB.vote.proxy", fmt.Sprintf("proxy %s of %s was already revoked on %s", f.ID, f.Holder, row[6]))
	default:
		e.Hold("II.10.proxy_revocation", fmt.Sprintf("%s revokes proxy %s to %s by written notice (DGCL §212(e))", f.Holder, f.ID, row[2]))
	}
	return nil
}, func(e *Env, f *RevokeProxyFields) error {
	row, _, err := e.Rows.Get(tables.VoteProxies, f.Holder, f.ID)
	if err != nil {
		return err
	}
	row = append(tables.Row(nil), row...)
	row[6], row[7] = e.Act.Effective.String(), int64(e.Seq)
	return e.Rows.Put(tables.VoteProxies, row)
})

// BallotVoteField is the vote on one matter of a ballot.cast.
type BallotVoteField struct {
	Matter     string          `mb:"matter,required" doc:"the matter's id"`
	Choice     string          `mb:"choice" enum:"for,against,abstain" doc:"a question: for, against or abstain"`
	Candidates []string        `mb:"candidates" doc:"an election: the candidates voted for, each receiving the ballot's votes (at most the seats)"`
	Cumulate   []CumulateField `mb:"cumulate" doc:"a cumulative election: votes given each candidate, at most votes × seats in all"`
}

// CumulateField gives votes to one candidate.
type CumulateField struct {
	Candidate string       `mb:"candidate,required"`
	Votes     corp.Decimal `mb:"votes,required"`
}

// BallotFields are the fields of ballot.cast.
type BallotFields struct {
	Meeting string            `mb:"meeting,required" doc:"the meeting's id"`
	Holder  string            `mb:"holder,required" doc:"the holder of record whose shares are voted"`
	Proxy   string            `mb:"proxy" doc:"the proxy's id when a proxy holder votes; omit when the holder votes in person"`
	Votes   *corp.Decimal     `mb:"votes" doc:"the votes cast, when fewer than all the holder's votes at the record date"`
	Ballots []BallotVoteField `mb:"ballots,required" doc:"the votes on each matter; each is one ballot with its own receipt"`
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// CastBallot records a holder's ballots, in person or by proxy.
var CastBallot = Define(Kind{
	Name:    "ballot.cast",
	Summary: "record a holder's ballots at a meeting, in person or by proxy",
	Doc: "A holder of record at the record date votes in person, or a proxy holder votes under the proxy in " +
		"force (Art. II §10): one vote per share with voting power, weighted by class, up to the votes held at " +
		"the record date. A question takes for, against or abstain; an election takes at most as many candidates " +
		"as seats, or under cumulative voting votes distributed freely up to votes × seats (DGCL §214) — an " +
		"over-voted ballot is refused for correction (A-CUMPLUR). Voting in person revokes the holder's proxy; a " +
		"later ballot of the same voter replaces an earlier one. Ballots are accepted only while the polls are " +
		"open (DGCL §231(c)). Each ballot gets a receipt (its hash), printed with the act's result and committed " +
		"in the certified result.",
	Actors: []corp.Capacity{corp.AsHolder},
	Example: `kind: ballot.cast
effective: 2004-06-15
actor: {person: carol, as: holder}
fields:
  meeting: annual-2004
  holder: carol
  ballots:
    - {matter: auditors, choice: for}
    - {matter: directors, candidates: [pat, quinn, ray]}
`,
	NeedsBylaws: true,
}, func(e *Env, f *BallotFields) error {
	bs, m, err := ballotsOf(e, f, true)
	if err != nil || m == nil {
		return err
	}
	for i := range bs {
		mt := m.matter(bs[i].Matter)
		err := vote.Check(mt, &bs[i])
		switch {
		case err == nil:
		case errors.Is(err, vote.ErrOverVoted) && mt.Cumulative:
			e.Fail("II.10.cumulative", fmt.Sprintf("matter %s: %v (A-CUMPLUR excess: %s)", mt.ID, err, cumExcess(e)),
				N("votes_per_seat", m.units(bs[i].Power)), N("seats", mt.Seats))
		case errors.Is(err, vote.ErrOverVoted):
			e.Fail("II.2.plurality", fmt.Sprintf("matter %s: %v", mt.ID, err), N("seats", mt.Seats))
		default:
			e.Fail("MB.vote.ballot", fmt.Sprintf("matter %s: %v", mt.ID, err))
		}
	}
	if !e.Failed() {
		for i := range bs {
			r := vote.ReceiptOf(vote.Encode(&bs[i]))
			e.Hold("MB.vote.ballot", fmt.Sprintf("%s: receipt %s (keep it to check that the ballot is counted: minutebook receipt verify)", bs[i].Matter, r),
				N("matter", bs[i].Matter), N("receipt", r.String()))
		}
	}
	return nil
}, func(e *Env, f *BallotFields) error {
	bs, _, err := ballotsOf(e, f, false)
	if err != nil {
		return err
	}
	for i := range bs {
		b := &bs[i]
		if err := e.Rows.Put(tables.VoteBallots, tables.Row{b.Meeting, b.Matter, b.Holder, int64(b.Seq), vote.Encode(b)}); err != nil {
			return err
		}
	}
	return nil
})

// cumExcess is the A-CUMPLUR reading of an over-voted cumulative ballot.
func cumExcess(e *Env) string {
	if a := e.Bylaws.Ambiguity("A-CUMPLUR"); a != nil && a.Text("excess") != "" {
		return a.Text("excess")
	}
	return "reject_ballot"
}

// ballotsOf builds the ballots of a ballot.cast from its fields and the
// books: the holder's votes at the record date, the proxy, the polls.
// With check it records the checks on e (and returns no ballots when one
// fails); without, it only builds them (apply).
func ballotsOf(e *Env, f *BallotFields, check bool) ([]vote.Ballot, *votingMeeting, error) {
	m, ok, err := meetingForVoting(e.Rows, f.Meeting)
	if err != nil {
		return nil, nil, err
	}
	if !ok || m.Closed || e.Act.Effective.Before(m.Opened) {
		if check {
			msg := fmt.Sprintf("the polls of meeting %s were never opened (polls.open)", f.Meeting)
			if ok && m.Closed {
				msg = fmt.Sprintf("the polls of meeting %s are closed: no ballot is accepted after the polls close", f.Meeting)
			} else if ok {
				msg = fmt.Sprintf("the polls of meeting %s open on %s", f.Meeting, m.Opened)
			}
			e.Fail("MB.vote.polls", msg)
		}
		return nil, nil, nil
	}
	fail := func(rule, msg string, nums ...journalNumber) {
		if check {
			e.Fail(rule, msg, nums...)
		}
	}
	cc, err := loadContext(e.Rows)
	if err != nil {
		return nil, nil, err
	}
	facts, _ := cc.charterOn(m.RecordDate)
	units, err := holderUnitsOn(e.Rows, f.Holder, m.RecordDate)
	if err != nil {
		return nil, nil, err
	}
	held, err := classVotes(facts, units, m.Scale)
	if err != nil {
		return nil, nil, err
	}
	voter := e.Act.Actor.Person
	mode := vote.InPerson
	if f.Proxy != "" {
		mode = vote.ByProxy
	}
	if held <= 0 {
		fail("II.10.one_share_one_vote", fmt.Sprintf("%s is not a holder of record of voting shares at the record date %s: only holders of record vote (Art. VI §7)", f.Holder, m.RecordDate),
			N("record_date", m.RecordDate), N("votes_held", m.units(0)))
		return nil, m, nil
	}
	power := held
	if f.Votes != nil {
		v, ok := f.Votes.Units(m.Scale)
		if !ok || v <= 0 || v > held {
			fail("II.10.one_share_one_vote", fmt.Sprintf("%s votes cast, but %s held %s votes at the record date %s (one vote per share with voting power, by class)", f.Votes.Grouped(), f.Holder, m.units(held).Grouped(), m.RecordDate),
				N("votes_cast", *f.Votes), N("votes_held", m.units(held)))
			return nil, m, nil
		}
		power = v
	}
	if check {
		e.Hold("II.10.one_share_one_vote", fmt.Sprintf("%s held %s votes at the record date %s; %s are cast", f.Holder, m.units(held).Grouped(), m.RecordDate, m.units(power).Grouped()),
			N("held_units", held), N("power_units", power), N("votes_held", m.units(held)), N("votes_cast", m.units(power)))
	}
	if mode == vote.InPerson && voter != f.Holder {
		fail("II.10.one_share_one_vote", fmt.Sprintf("%s votes %s's shares without a proxy: a holder votes in person or by proxy (Art. II §10)", voter, f.Holder))
		return nil, m, nil
	}
	if check {
		if err := checkVoterProxy(e, f, m, mode); err != nil {
			return nil, nil, err
		}
	}
	var out []vote.Ballot
	seen := map[string]bool{}
	for _, bv := range f.Ballots {
		mt := m.matter(bv.Matter)
		if mt == nil {
			fail("MB.vote.ballot", fmt.Sprintf("meeting %s has no matter %q", f.Meeting, bv.Matter))
			continue
		}
		if seen[bv.Matter] {
			fail("MB.vote.ballot", fmt.Sprintf("matter %s is voted twice on one ballot", bv.Matter))
			continue
		}
		seen[bv.Matter] = true
		b := vote.Ballot{Meeting: f.Meeting, Matter: bv.Matter, Holder: f.Holder, Voter: voter, Mode: mode, Proxy: f.Proxy,
			Seq: e.Seq, Held: held, Power: power}
		switch {
		case mt.Kind == vote.Question:
			c, err := vote.ParseChoice(bv.Choice)
			if err != nil || len(bv.Candidates)+len(bv.Cumulate) > 0 {
				fail("MB.vote.ballot", fmt.Sprintf("matter %s is a question: give choice for, against or abstain", mt.ID))
				continue
			}
			b.Choice = c
		case bv.Choice != "" || len(bv.Candidates) > 0 && len(bv.Cumulate) > 0:
			fail("MB.vote.ballot", fmt.Sprintf("matter %s is an election: give candidates, or cumulate under cumulative voting", mt.ID))
			continue
		case len(bv.Cumulate) > 0:
			if !mt.Cumulative {
				fail("II.10.cumulative", fmt.Sprintf("matter %s: the certificate does not provide cumulative voting (A-CUMCERT): vote for at most %d candidates", mt.ID, mt.Seats))
				continue
			}
			for _, c := range bv.Cumulate {
				v, ok := c.Votes.Units(m.Scale)
				if !ok || v <= 0 {
					fail("MB.vote.ballot", fmt.Sprintf("matter %s: %s votes for %s is not a positive number of votes", mt.ID, c.Votes, c.Candidate))
					v = 1
				}
				b.Votes = append(b.Votes, vote.Allocation{Candidate: c.Candidate, Votes: v})
			}
		default:
			for _, c := range bv.Candidates {
				b.Votes = append(b.Votes, vote.Allocation{Candidate: c, Votes: power})
			}
		}
		slices.SortFunc(b.Votes, func(x, y vote.Allocation) int { return strings.Compare(x.Candidate, y.Candidate) })
		for i := 1; i < len(b.Votes); i++ {
			if b.Votes[i].Candidate == b.Votes[i-1].Candidate {
				fail("MB.vote.ballot", fmt.Sprintf("matter %s: %s is named twice", mt.ID, b.Votes[i].Candidate))
			}
		}
		out = append(out, b)
	}
	return out, m, nil
}

type journalNumber = journal.Number

// checkVoterProxy checks who casts the ballot: in person (which revokes
// the holder's proxy, A-PROXYREV), or the proxy holder under the proxy in
// force on the day (Art. II §10; DGCL §212(b)).
func checkVoterProxy(e *Env, f *BallotFields, m *votingMeeting, mode vote.Mode) error {
	ps, err := proxiesOf(e.Rows, f.Holder)
	if err != nil {
		return err
	}
	rules := proxyRules(e)
	day := e.Act.Effective
	inForce := rules.InForce(ps, m.Sessions, day)
	if mode == vote.InPerson {
		if inForce != nil {
			e.Warn("II.10.proxy_revocation", fmt.Sprintf("%s votes in person, which revokes the proxy %s to %s (A-PROXYREV: %s)", f.Holder, inForce.ID, inForce.ProxyHolder, e.Bylaws.Choice("A-PROXYREV")))
		}
		return nil
	}
	var p *vote.Proxy
	for _, q := range ps {
		if q.ID == f.Proxy {
			p = q
		}
	}
	switch {
	case p == nil:
		e.Fail("MB.vote.proxy", fmt.Sprintf("%s granted no proxy %s", f.Holder, f.Proxy))
		return nil
	case p.ProxyHolder != e.Act.Actor.Person:
		e.Fail("MB.vote.proxy", fmt.Sprintf("proxy %s names %s, not %s", p.ID, p.ProxyHolder, e.Act.Actor.Person))
		return nil
	case p.Meeting != "" && !m.Sessions.Of(p.Meeting):
		e.Fail("MB.vote.proxy", fmt.Sprintf("proxy %s is for meeting %s, not %s", p.ID, p.Meeting, m.ID))
		return nil
	case p.Meeting != "" && p.Meeting != m.ID:
		e.Hold("II.10.proxy_duration", fmt.Sprintf("proxy %s, given for meeting %s, covers %s, its adjournment (the same meeting continued: DGCL §222(c))", p.ID, p.Meeting, m.ID))
	}
	last := vote.Lapse(p.Date, p.Period, rules.Feb29)
	if rules.Lapsed(p, day) {
		e.Fail("II.10.proxy_duration", fmt.Sprintf("proxy %s dated %s lapsed: no proxy is voted after three years from its date unless it states a longer period; its last day was %s", p.ID, p.Date, last),
			N("date", p.Date), N("last_day", last), N("voted", day))
		return nil
	}
	e.Hold("II.10.proxy_duration", fmt.Sprintf("proxy %s dated %s may be voted through %s", p.ID, p.Date, last), N("date", p.Date), N("last_day", last), N("voted", day))
	switch {
	case p.Revoked:
		e.Fail("II.10.proxy_revocation", fmt.Sprintf("proxy %s was revoked", p.ID))
	case inForce != p:
		latest := rules.Latest(ps, m.Sessions, day)
		e.Fail("II.10.proxy_revocation", fmt.Sprintf("proxy %s is superseded by %s's later-dated proxy %s dated %s: the latest-dated valid proxy controls (A-PROXYREV)", p.ID, f.Holder, latest.ID, latest.Date))
	default:
		e.Hold("II.10.proxy_revocation", fmt.Sprintf("proxy %s is the latest-dated valid proxy of %s", p.ID, f.Holder))
	}
	// Voting in person revokes: a proxy may not vote where the holder has.
	for _, mt := range m.Matters {
		err := e.Rows.Scan(tables.VoteBallots, []any{f.Meeting, mt.ID, f.Holder}, func(row tables.Row) error {
			b, err := vote.Decode(row[4].([]byte))
			if err != nil {
				return err
			}
			if b.Mode == vote.InPerson {
				e.Fail("II.10.proxy_revocation", fmt.Sprintf("%s voted in person on %s (entry %d), which revoked every proxy (A-PROXYREV)", f.Holder, b.Matter, b.Seq))
				return errStop
			}
			return nil
		})
		if err == errStop {
			return nil
		}
		if err != nil {
			return err
		}
	}
	return nil
}
