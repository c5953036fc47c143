package gen

import (
	"context"
	"fmt"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
)

// The benchmark meeting of issue 5 ("Speed"): an annual meeting of the
// generated corporation at which every holder of record votes in a
// cumulative election of directors, many by proxy.

// MeetingConfig says what meeting to generate. Zero fields take the
// defaults.
type MeetingConfig struct {
	ID         string // the meeting's id; default "annual"
	Seats      int    // directors to elect; default 7
	Candidates int    // candidates c00, c01, …; default 12
}

// Meeting plan, per 1,000 holders by the holder's number modulo 1,000:
//
//	  0–4    two proxies: the first voted, then superseded by a later-dated
//	         one whose holder votes again (2 ballots, the first not counted)
//	  5–14   in the first half of the holders (who held shares three
//	         years before the meeting), a proxy dated three years and 40
//	         days before the meeting (lapsed by then): the holder votes in
//	         person; in the second half a proxy in force
//	 15–294  a proxy in force: the proxy holder votes
//	295–299  absent: no ballot
//	300–999  votes in person
//
// so that 1,000,000 holders give 300,000 proxies (5,000 superseded,
// 5,000 lapsed), 1,000,000 ballots and 995,000 counted.
const (
	planSuperseded = 5
	planLapsed     = 15
	planProxy      = 295
	planAbsent     = 300
)

// MeetingTotals is what Meeting recorded.
type MeetingTotals struct {
	Acts, Proxies, Ballots, Counted int
	Date, RecordDate                corp.Date
	Elapsed                         time.Duration
}

// MeetingDate is the date of the generated meeting after cfg's history:
// 60 days after its last day, the record date 10 days after it (so that
// every holder of record holds what was issued to them).
func MeetingDate(cfg Config) (meeting, record corp.Date) {
	cfg = cfg.withDefaults()
	end := cfg.Start.AddDays(cfg.days())
	return end.AddDays(60), end.AddDays(10)
}

// Meeting records the benchmark meeting on the history Run generated with
// cfg: an inspector, the candidates and five proxy holders (agents), a
// board of Seats directorships, the proxies, the meeting's call (with its
// record date), notice by mail and the meeting held, the polls, every holder's
// ballot in a cumulative election (each casts 1 to 100 votes per seat,
// cumulated on one or two candidates) and the close of the polls; in
// atomic batches of cfg.Batch acts. It needs a history of person.add and
// stock.issue only (cfg.Acts = 3 + 2 × cfg.Holders), so that every holder
// holds at least 100 shares at the record date, and a charter with
// cumulative voting (cfg.CumulativeVoting). The result is not certified.
func Meeting(ctx context.Context, svc *acts.Service, cfg Config, mc MeetingConfig) (MeetingTotals, error) {
	cfg = cfg.withDefaults()
	if mc.ID == "" {
		mc.ID = "annual"
	}
	if mc.Seats == 0 {
		mc.Seats = 7
	}
	if mc.Candidates == 0 {
		mc.Candidates = 12
	}
	if cfg.Acts != setupActs+2*cfg.Holders || !cfg.CumulativeVoting {
		return MeetingTotals{}, corp.E("gen", corp.Invalid, "the meeting needs a history of holders only (acts = 3 + 2 × holders) with cumulative voting")
	}
	date, record := MeetingDate(cfg)
	tot := MeetingTotals{Date: date, RecordDate: record}
	began := time.Now()
	batch := make([]*acts.Act, 0, cfg.Batch)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		rs, err := svc.Apply(ctx, cfg.Corp, batch, acts.Options{Atomic: true})
		if err != nil {
			return fmt.Errorf("meeting batch ending at act %d: %w", tot.Acts+len(batch), err)
		}
		for i, r := range rs {
			if r.Status != acts.Recorded && r.Status != acts.RolledBack {
				return refusal(tot.Acts+i+1, batch[i], r)
			}
		}
		if rs[0].Status != acts.Recorded {
			return refusal(tot.Acts+1, batch[0], rs[0])
		}
		tot.Acts += len(batch)
		batch = batch[:0]
		return nil
	}
	add := func(a *acts.Act) error {
		batch = append(batch, a)
		if len(batch) == cfg.Batch {
			return flush()
		}
		return nil
	}
	// Everything before the polls is recorded 55 days before the meeting,
	// when the lapsed proxies (dated three years and 40 days before the
	// meeting) may still be recorded.
	before := date.AddDays(-55)
	cands := make([]string, mc.Candidates)
	for i := range cands {
		cands[i] = fmt.Sprintf("c%02d", i)
	}
	people := append([]string{"inspector", "agent0", "agent1", "agent2", "agent3", "agent4"}, cands...)
	for _, p := range people {
		if err := add(&acts.Act{Kind: acts.AddPerson, Effective: before, Actor: secretary, Fields: &acts.PersonFields{ID: p, Name: "Generated " + p, Kind: corp.NaturalPerson}}); err != nil {
			return tot, err
		}
	}
	if err := add(&acts.Act{Kind: acts.FixBoardSize, Effective: before, Actor: corp.Actor{Capacity: corp.AsBoard},
		Fields: &acts.BoardSizeFields{Size: mc.Seats, Resolution: resolution(before)}}); err != nil {
		return tot, err
	}
	grant := func(n int, id string, dated corp.Date, eff corp.Date) error {
		h := holderID(int32(n))
		tot.Proxies++
		return add(&acts.Act{Kind: acts.GrantProxy, Effective: eff, Actor: corp.Actor{Person: h, Capacity: corp.AsHolder},
			Fields: &acts.ProxyFields{ID: id, Holder: h, ProxyHolder: agent(n, id), Date: &dated}})
	}
	for n := range cfg.Holders {
		switch r := n % 1000; {
		case r < planSuperseded:
			if err := grant(n, "p1", date.AddDays(-60), before); err != nil {
				return tot, err
			}
		case r < planLapsed && n < cfg.Holders/2:
			if err := grant(n, "p1", date.AddDays(-3*365-40), before); err != nil {
				return tot, err
			}
		case r < planProxy:
			if err := grant(n, "p1", date.AddDays(-58), before); err != nil {
				return tot, err
			}
		}
	}
	// The meeting is called by the board with its record date, noticed by
	// mail to every holder of record, and held with the holders who vote
	// in person recorded present (a quorum: about 70% of the holders).
	if err := add(&acts.Act{Kind: acts.CallStockholderMeeting, Effective: before, Actor: corp.Actor{Capacity: corp.AsBoard},
		Fields: &acts.CallStockholderMeetingFields{ID: mc.ID, Type: "annual", Date: date, Time: "10:00", Place: "Fremont, California", RecordDate: record}}); err != nil {
		return tot, err
	}
	if err := add(&acts.Act{Kind: acts.GiveStockholderNotice, Effective: before, Actor: secretary,
		Fields: &acts.StockholderNoticeFields{Meeting: mc.ID, Method: "mail"}}); err != nil {
		return tot, err
	}
	var present []acts.HolderAttendanceField
	for n := range cfg.Holders {
		if n%1000 >= planAbsent {
			present = append(present, acts.HolderAttendanceField{Holder: holderID(int32(n))})
		}
	}
	if err := add(&acts.Act{Kind: acts.HoldStockholderMeeting, Effective: date, Actor: secretary,
		Fields: &acts.StockholderHeldFields{Meeting: mc.ID, Attendance: present}}); err != nil {
		return tot, err
	}
	inspector := corp.Actor{Person: "inspector", Capacity: corp.AsInspector}
	if err := add(&acts.Act{Kind: acts.OpenPolls, Effective: date, Actor: inspector, Fields: &acts.PollsOpenFields{Meeting: mc.ID, RecordDate: record,
		Matters: []acts.MatterField{{ID: "dirs", Kind: "election", Text: "Election of directors", Seats: mc.Seats, Candidates: cands}}}}); err != nil {
		return tot, err
	}
	for n := range cfg.Holders {
		r := n % 1000
		if r >= planProxy && r < planAbsent {
			continue
		}
		proxy := ""
		if r < planProxy && (r < planSuperseded || r >= planLapsed || n >= cfg.Holders/2) {
			proxy = "p1"
		}
		if err := add(ballot(n, mc, cands, date, proxy)); err != nil {
			return tot, err
		}
		tot.Ballots++
		tot.Counted++
	}
	// The superseding proxies, dated after the first, and the ballots
	// under them.
	for n := 0; n < cfg.Holders; n += 1000 {
		for k := n; k < min(n+planSuperseded, cfg.Holders); k++ {
			if err := grant(k, "p2", date.AddDays(-50), date); err != nil {
				return tot, err
			}
			if err := add(ballot(k, mc, cands, date, "p2")); err != nil {
				return tot, err
			}
			tot.Ballots++
		}
	}
	if err := add(&acts.Act{Kind: acts.ClosePolls, Effective: date, Actor: inspector, Fields: &acts.PollsCloseFields{Meeting: mc.ID}}); err != nil {
		return tot, err
	}
	if err := flush(); err != nil {
		return tot, err
	}
	tot.Elapsed = time.Since(began)
	return tot, nil
}

// agent is the proxy holder of holder n's proxy id.
func agent(n int, id string) string {
	if id == "p2" {
		n++
	}
	return fmt.Sprintf("agent%d", n%5)
}

// ballot is holder n's ballot: 1 to 100 votes per seat, all cumulated on
// one candidate or split between two (one vote withheld on odd holders).
func ballot(n int, mc MeetingConfig, cands []string, date corp.Date, proxy string) *acts.Act {
	h := holderID(int32(n))
	actor := corp.Actor{Person: h, Capacity: corp.AsHolder}
	if proxy != "" {
		actor.Person = agent(n, proxy)
	}
	votes := int64(1 + n%100)
	total := votes * int64(mc.Seats)
	a, b := cands[n%len(cands)], cands[(n*7+3)%len(cands)]
	if a > b {
		a, b = b, a
	}
	alloc := []acts.CumulateField{{Candidate: a, Votes: corp.DecimalFromInt(total)}}
	if a != b {
		alloc = []acts.CumulateField{{Candidate: a, Votes: corp.DecimalFromInt(total / 2)}, {Candidate: b, Votes: corp.DecimalFromInt(total - total/2 - int64(n%2))}}
	}
	v := corp.DecimalFromInt(votes)
	return &acts.Act{Kind: acts.CastBallot, Effective: date, Actor: actor, Fields: &acts.BallotFields{Meeting: mc.ID, Holder: h, Proxy: proxy, Votes: &v,
		Ballots: []acts.BallotVoteField{{Matter: "dirs", Cumulate: alloc}}}}
}
