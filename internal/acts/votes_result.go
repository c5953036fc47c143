package acts

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"minutebook/internal/corp"
	"minutebook/internal/tables"
	"minutebook/internal/vote"
)

// CertifyFields are the fields of result.certify.
type CertifyFields struct {
	Meeting string `mb:"meeting,required" doc:"the meeting's id"`
	Root    string `mb:"root" doc:"the receipts root the inspector certifies (64 hex digits); checked against the recount when given"`
}

// Validate checks the root's form.
func (f *CertifyFields) Validate(file, path string) error {
	if f.Root == "" {
		return nil
	}
	if _, err := vote.ParseRoot(f.Root); err != nil {
		return fmt.Errorf("root: %v", err)
	}
	return nil
}

// CertifyResult records the inspector of election's certificate of a
// meeting's result.
var CertifyResult = Define(Kind{
	Name:    "result.certify",
	Summary: "certify the result of a stockholders' meeting (the inspector of election)",
	Doc: "After the polls close the inspector of election determines the shares outstanding and present, counts " +
		"the ballots and certifies the result (DGCL §231(b)): for each question the votes for, against and abstaining " +
		"against a majority of the voting power present (Art. II §9; A-ABST), for each election each candidate's " +
		"votes, those withheld and who was elected by plurality (Art. II §2) or cumulatively (Art. II §10 ¶2), and " +
		"the receipts root. The tally from the books must equal a recount from the ballots in the journal. A tie " +
		"for the last seats elects no one to them: the incumbents hold over (A-TIE). Directors elected take office " +
		"in the board register (director.elect); incumbents not re-elected leave it.",
	Actors: []corp.Capacity{corp.AsInspector},
	Example: `kind: result.certify
effective: 2004-06-15
actor: {person: ingrid, as: inspector}
fields: {meeting: annual-2004}
`,
	NeedsBylaws: true,
}, func(e *Env, f *CertifyFields) error {
	m, ok, err := meetingForVoting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	if !ok || !m.Closed {
		e.Fail("MB.vote.certified", fmt.Sprintf("the polls of meeting %s are not closed: the result is certified after they close", f.Meeting))
		return nil
	}
	if _, done, err := e.Rows.Get(tables.VoteResults, f.Meeting); err != nil {
		return err
	} else if done {
		e.Fail("MB.vote.certified", fmt.Sprintf("the result of meeting %s is already certified", f.Meeting))
		return nil
	}
	if err := withAttendance(e.Rows, m); err != nil { // votes_meetings.go
		return err
	}
	rules, opt := proxyRules(e), tallyOptions(e)
	t, err := readBallots(e.Rows, m, rules)
	if err != nil {
		return err
	}
	e.tab = t
	if v, ok := e.Rows.(tables.View); ok {
		// The tally (in memory) runs on another core while the recount
		// reads the journal; both only read m.
		counted := make(chan error, 1)
		go func() { counted <- t.count(opt) }()
		rc, err := recount(v, m, rules, opt)
		if cerr := <-counted; cerr != nil {
			return cerr
		}
		if err != nil {
			return err
		}
		diff := sameTally(t, rc)
		e.Check("MB.vote.recount", diff == "",
			fmt.Sprintf("the tally of %d ballots equals a recount from the journal; receipts root %s", len(t.Ballots), t.Root),
			fmt.Sprintf("the tally from the books differs from a recount of the journal: %s", diff), N("root", t.Root.String()))
	} else if err := t.count(opt); err != nil {
		return err
	}
	if f.Root != "" {
		e.Check("MB.vote.recount", f.Root == t.Root.String(), "the stated root is the receipts root",
			fmt.Sprintf("the stated root %s is not the receipts root %s of the counted ballots", f.Root, t.Root))
	}
	meetingQuorum(e, t)
	for _, mr := range t.Result.Matters {
		reportMatter(e, t, mr)
	}
	return electionsAtMeeting(e, t)
}, func(e *Env, f *CertifyFields) error {
	t := e.tab // the check's, when it ran in this transaction
	if t == nil || t.Meeting.ID != f.Meeting {
		m, _, err := meetingForVoting(e.Rows, f.Meeting)
		if err != nil {
			return err
		}
		if err := withAttendance(e.Rows, m); err != nil {
			return err
		}
		if t, err = tabulate(e.Rows, m, proxyRules(e), tallyOptions(e)); err != nil {
			return err
		}
	}
	cr := certifiedOf(e, t)
	if err := e.Rows.Put(tables.VoteResults, tables.Row{f.Meeting, e.Act.Effective.String(), t.Root.String(), marshalText(cr), int64(e.Seq)}); err != nil {
		return err
	}
	return atMeetingDate(e, t.Meeting.Date, func() error { return seatDirectors(e, t) })
})

// reportMatter records the outcome of one matter as held checks (a
// question that fails is a result, not a refusal) and a tie as a warning.
func reportMatter(e *Env, t *Tabulation, mr vote.MatterResult) {
	if mr.Kind == vote.Question {
		verdict := "adopted"
		if !mr.Passed {
			verdict = "not adopted"
		}
		e.Hold("II.9.vote_standard", fmt.Sprintf("%s: %s for, %s against, %s abstaining of %s present: %s (more than half of %s is needed; A-ABST: %s)",
			mr.Matter, t.dec(mr.For).Grouped(), t.dec(mr.Against).Grouped(), t.dec(mr.Abstain).Grouped(), t.dec(mr.Present).Grouped(), verdict, t.dec(mr.Denominator).Grouped(), e.Bylaws.Choice("A-ABST")),
			N("for", t.dec(mr.For)), N("against", t.dec(mr.Against)), N("abstain", t.dec(mr.Abstain)), N("present", t.dec(mr.Present)), N("denominator", t.dec(mr.Denominator)))
		return
	}
	rule := "II.2.plurality"
	if mr.Cumulative {
		rule = "II.10.cumulative"
	}
	e.Hold(rule, fmt.Sprintf("%s: %d seats; elected %v", mr.Matter, mr.Seats, mr.Elected), N("seats", mr.Seats), N("elected", len(mr.Elected)))
	if mr.Undetermined > 0 {
		e.Warn("II.2.plurality", fmt.Sprintf("%s: %d seat(s) undetermined — tied: %v (A-TIE: %s); no one is elected to them, the incumbents hold over (Art. III §1), flagged for a run-off",
			mr.Matter, mr.Undetermined, mr.Tied, e.Bylaws.Choice("A-TIE")), N("undetermined", mr.Undetermined))
	}
}

// holdovers returns the incumbents of an election who were not re-elected
// and hold over on undetermined seats (in the order listed), and those
// who leave office.
func holdovers(mt *vote.Matter, mr vote.MatterResult) (stay, leave []string) {
	for _, p := range mt.Incumbents {
		if slices.Contains(mr.Elected, p) {
			continue
		}
		if len(stay) < mr.Undetermined {
			stay = append(stay, p)
		} else {
			leave = append(leave, p)
		}
	}
	return stay, leave
}

// electionChecks checks that the directors elected can take office: each
// is a natural person, and the board has room once the incumbents leave
// (Art. III §1).
func electionChecks(e *Env, t *Tabulation) error {
	for i, mr := range t.Result.Matters {
		if mr.Kind != vote.Election {
			continue
		}
		mt := &t.Meeting.Matters[i]
		stay, leave := holdovers(mt, mr)
		in, err := directorsOn(e.Rows, e.Act.Effective)
		if err != nil {
			return err
		}
		size, err := wholeBoard(e.Rows, e.Act.Effective)
		if err != nil {
			return err
		}
		after := len(in) - len(leave)
		for _, p := range mr.Elected {
			if !slices.Contains(in, p) {
				after++
			}
		}
		e.Check("III.1.board_size", after <= size,
			fmt.Sprintf("%s: after the election %d of %d directorships are filled (holding over: %v)", mr.Matter, after, size, stay),
			fmt.Sprintf("%s: the election would fill %d directorships of the %d fixed (fix the number with board.size, or list the incumbents whose seats are up)", mr.Matter, after, size),
			N("whole_board", size), N("after", after))
	}
	return nil
}

// seatDirectors writes the election's outcome into the board register:
// incumbents not re-elected leave (unless they hold over on a tied seat),
// and those elected who are not directors take office, through the
// director.end and director.elect effects.
func seatDirectors(e *Env, t *Tabulation) error {
	for i, mr := range t.Result.Matters {
		if mr.Kind != vote.Election {
			continue
		}
		_, leave := holdovers(&t.Meeting.Matters[i], mr)
		for _, p := range leave {
			if in, err := isDirector(e.Rows, p, e.Act.Effective); err != nil || !in {
				if err != nil {
					return err
				}
				continue
			}
			if err := EndDirector.apply(e, &EndDirectorFields{Person: p, Why: "term_ended", Source: "certified result of " + t.Meeting.ID}); err != nil {
				return err
			}
		}
		for _, p := range mr.Elected {
			if in, err := isDirector(e.Rows, p, e.Act.Effective); err != nil || in {
				if err != nil {
					return err
				}
				continue
			}
			if err := ElectDirector.apply(e, &DirectorFields{Person: p, How: "elected", Source: "certified result of " + t.Meeting.ID}); err != nil {
				return err
			}
		}
	}
	return nil
}

// CertifiedResult is a meeting's result as certified (or, before that,
// as tallied so far), with quantities as exact decimal strings.
type CertifiedResult struct {
	Meeting     string         `json:"meeting"`
	MeetingDate string         `json:"meeting_date"`
	RecordDate  string         `json:"record_date"`
	Certified   string         `json:"certified,omitempty"` // the date, "" when not certified
	Seq         uint64         `json:"seq,omitempty"`
	PollsClosed bool           `json:"polls_closed"`
	Outstanding string         `json:"outstanding"`
	Present     string         `json:"present"`
	Quorum      bool           `json:"quorum"`
	Holders     int            `json:"holders_present"`
	Ballots     int            `json:"ballots"`
	Counted     int            `json:"counted"`
	Matters     []MatterReport `json:"matters"`
	Root        string         `json:"receipts_root"`
}

// MatterReport is one matter's figures.
type MatterReport struct {
	ID           string            `json:"id"`
	Kind         string            `json:"kind"`
	Text         string            `json:"text,omitempty"`
	Present      string            `json:"present"`
	For          string            `json:"for,omitempty"`
	Against      string            `json:"against,omitempty"`
	Abstain      string            `json:"abstain,omitempty"`
	NotVoted     string            `json:"not_voted,omitempty"`
	Denominator  string            `json:"denominator,omitempty"`
	Adopted      *bool             `json:"adopted,omitempty"`
	Seats        int               `json:"seats,omitempty"`
	Cumulative   bool              `json:"cumulative,omitempty"`
	Candidates   []CandidateReport `json:"candidates,omitempty"`
	Withheld     string            `json:"withheld,omitempty"`
	Elected      []string          `json:"elected,omitempty"`
	Tied         []string          `json:"tied,omitempty"`
	Undetermined int               `json:"undetermined,omitempty"`
	HoldOver     []string          `json:"hold_over,omitempty"`
	Threshold    *ThresholdReport  `json:"threshold,omitempty"`
}

// CandidateReport is one candidate's votes.
type CandidateReport struct {
	Candidate string `json:"candidate"`
	Votes     string `json:"votes"`
}

// ThresholdReport is the cumulative-voting threshold of one seat at the
// votes present (the shares a holder needs to elect one director).
type ThresholdReport struct {
	Formula string `json:"formula"`
	OneSeat int64  `json:"one_seat"`
}

// certifiedOf builds the report of a tabulation.
func certifiedOf(e *Env, t *Tabulation) *CertifiedResult {
	m := t.Meeting
	cr := &CertifiedResult{Meeting: m.ID, MeetingDate: m.Date.String(), RecordDate: m.RecordDate.String(), PollsClosed: m.Closed,
		Outstanding: t.dec(m.Outstanding).String(), Present: t.dec(t.Result.Present).String(),
		Quorum: m.HasQuorum, Holders: t.Result.Holders,
		Ballots: len(t.Ballots), Counted: t.Result.NCounted, Root: t.Root.String(), Matters: []MatterReport{}}
	if e != nil {
		cr.Certified, cr.Seq = e.Act.Effective.String(), e.Seq
	}
	for i, mr := range t.Result.Matters {
		mt := &m.Matters[i]
		r := MatterReport{ID: mr.Matter, Kind: string(mr.Kind), Text: mt.Text, Present: t.dec(mr.Present).String()}
		if mr.Kind == vote.Question {
			adopted := mr.Passed
			r.For, r.Against, r.Abstain = t.dec(mr.For).String(), t.dec(mr.Against).String(), t.dec(mr.Abstain).String()
			r.NotVoted, r.Denominator, r.Adopted = t.dec(mr.NotVoted).String(), t.dec(mr.Denominator).String(), &adopted
		} else {
			r.Seats, r.Cumulative, r.Withheld = mr.Seats, mr.Cumulative, t.dec(mr.Withheld).String()
			for _, c := range mr.Candidates {
				r.Candidates = append(r.Candidates, CandidateReport{c.Candidate, t.dec(c.Votes).String()})
			}
			r.Elected, r.Tied, r.Undetermined = mr.Elected, mr.Tied, mr.Undetermined
			r.HoldOver, _ = holdovers(mt, mr)
			if mr.Cumulative && m.Scale == 0 {
				th, _ := vote.Threshold(mr.Present, mr.Seats, 1)
				r.Threshold = &ThresholdReport{vote.ThresholdFormula(mr.Present, mr.Seats, 1), th}
			}
		}
		cr.Matters = append(cr.Matters, r)
	}
	return cr
}

// MeetingResult returns meeting's certified result; before certification,
// the tally of the ballots recorded so far (Certified is then "").
func (s *Service) MeetingResult(ctx context.Context, corpID, meeting string) (*CertifiedResult, error) {
	var cr *CertifiedResult
	err := s.Store.View(ctx, corpID, func(v View) error {
		row, ok, err := v.Get(tables.VoteResults, meeting)
		if err != nil {
			return err
		}
		if ok {
			cr = &CertifiedResult{}
			return json.Unmarshal([]byte(row[3].(string)), cr)
		}
		t, err := s.tabulation(v, meeting)
		if err != nil {
			return err
		}
		cr = certifiedOf(nil, t)
		return nil
	})
	return cr, err
}

// TallyMeeting tallies meeting from the books (the proxies and ballots
// tables), whether or not its result is certified: the quorum, every
// matter's figures and the receipts root, as the inspector would certify
// them now.
func (s *Service) TallyMeeting(ctx context.Context, corpID, meeting string) (*CertifiedResult, error) {
	var cr *CertifiedResult
	err := s.Store.View(ctx, corpID, func(v View) error {
		t, err := s.tabulation(v, meeting)
		if err == nil {
			cr = certifiedOf(nil, t)
		}
		return err
	})
	return cr, err
}

// RecountMeeting tallies meeting again from the journal alone (the proxy
// and ballot entries recorded before the polls closed), as result.certify
// does to check the tally from the books.
func (s *Service) RecountMeeting(ctx context.Context, corpID, meeting string) (*CertifiedResult, error) {
	var cr *CertifiedResult
	err := s.Store.View(ctx, corpID, func(v View) error {
		m, e, err := s.votingEnv(v, meeting)
		if err != nil {
			return err
		}
		t, err := recount(v, m, proxyRules(e), tallyOptions(e))
		if err == nil {
			cr = certifiedOf(nil, t)
		}
		return err
	})
	return cr, err
}

// tabulation tallies meeting from the books under the bylaws in force on
// the meeting date.
func (s *Service) tabulation(v View, meeting string) (*Tabulation, error) {
	m, e, err := s.votingEnv(v, meeting)
	if err != nil {
		return nil, err
	}
	return tabulate(v, m, proxyRules(e), tallyOptions(e))
}

// votingEnv reads meeting and the bylaws in force on its date.
func (s *Service) votingEnv(v View, meeting string) (*votingMeeting, *Env, error) {
	m, ok, err := meetingForVoting(v, meeting)
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, nil, corp.E("result", corp.NotFound, "meeting %q has no polls (polls.open)", meeting)
	}
	if err := withAttendance(v, m); err != nil {
		return nil, nil, err
	}
	cc, err := loadContext(v)
	if err != nil {
		return nil, nil, err
	}
	e := &Env{}
	if bv, ok := cc.bylaws.InForce(m.Date); ok {
		e.Bylaws = bv.Rulebook
	}
	return m, e, nil
}
