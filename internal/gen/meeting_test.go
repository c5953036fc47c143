package gen_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"testing"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/gen"
	"minutebook/internal/testdb"
)

// meetingConfig is a history of holders only, with cumulative voting: what
// gen.Meeting needs.
func meetingConfig(holders int) gen.Config {
	return gen.Config{Holders: holders, Acts: 3 + 2*holders, Seed: 5, CumulativeVoting: true, Batch: envInt("MB_GEN_BATCH", 20_000)}
}

// certify records result.certify for the generated meeting.
func certify(tb testing.TB, svc *acts.Service, cfg gen.Config) acts.Result {
	tb.Helper()
	date, _ := gen.MeetingDate(cfg)
	rs, err := svc.Apply(context.Background(), gen.DefaultCorp, []*acts.Act{{Kind: acts.CertifyResult, Effective: date,
		Actor: corp.Actor{Person: "inspector", Capacity: corp.AsInspector}, Fields: &acts.CertifyFields{Meeting: "annual"}}}, acts.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	if rs[0].Status != acts.Recorded {
		tb.Fatalf("result.certify: %s %+v", rs[0].Status, rs[0].Checks)
	}
	return rs[0]
}

// wantCandidates works the candidates' votes out of the meeting plan
// (gen.Meeting's comment), independently of the tally: each counted
// ballot of holder n casts v = 1 + n mod 100 votes per seat, 7v in all,
// ⌊7v/2⌋ to the first in name order of candidates c(n mod 12) and
// c((7n + 3) mod 12), 7v − ⌊7v/2⌋ − (n mod 2) to the other (all 7v to one
// when the two are the same).
func wantCandidates(holders int) (map[string]int64, int) {
	votes := map[string]int64{}
	counted := 0
	for n := range holders {
		if r := n % 1000; r >= 295 && r < 300 {
			continue
		}
		counted++
		total := int64(1+n%100) * 7
		a, b := fmt.Sprintf("c%02d", n%12), fmt.Sprintf("c%02d", (n*7+3)%12)
		if a > b {
			a, b = b, a
		}
		if a == b {
			votes[a] += total
			continue
		}
		votes[a] += total / 2
		votes[b] += total - total/2 - int64(n%2)
	}
	return votes, counted
}

// TestMeetingCertified generates the benchmark meeting at 2,000 holders
// twice on SQLite and once on PostgreSQL (its rows copied from the first
// SQLite store, as the benchmark does), certifies each, and checks that
// the certified results are identical (root, figures, elected) and that
// the candidates' votes are those worked out from the plan.
func TestMeetingCertified(t *testing.T) {
	t.Parallel()
	cfg := meetingConfig(2000)
	build := func() *acts.Service {
		svc := sqliteService(t)
		if _, err := gen.Run(context.Background(), svc, cfg); err != nil {
			t.Fatal(err)
		}
		tot, err := gen.Meeting(context.Background(), svc, cfg, gen.MeetingConfig{})
		if err != nil {
			t.Fatal(err)
		}
		if tot.Proxies != 600 || tot.Ballots != 2000 || tot.Counted != 1990 {
			t.Errorf("meeting: %d proxies, %d ballots, %d counted; want 600, 2000, 1990", tot.Proxies, tot.Ballots, tot.Counted)
		}
		return svc
	}
	a, b := build(), build()
	dsn := testdb.Postgres(t)
	if _, err := copyToPostgres(a.Store, dsn, gen.DefaultCorp); err != nil {
		t.Fatal(err)
	}
	pg := &acts.Service{Store: openKept(t, "postgres", dsn), Clock: func() time.Time { return fixed }}
	results := map[string]string{}
	var first *acts.CertifiedResult
	for name, svc := range map[string]*acts.Service{"sqlite": a, "sqlite-again": b, "postgres": pg} {
		certify(t, svc, cfg)
		cr, err := svc.MeetingResult(context.Background(), gen.DefaultCorp, "annual")
		if err != nil {
			t.Fatal(err)
		}
		js, _ := json.Marshal(cr)
		results[name] = string(js)
		first = cr
	}
	if results["sqlite"] != results["sqlite-again"] || results["sqlite"] != results["postgres"] {
		t.Errorf("certified results differ:\nsqlite       %s\nsqlite-again %s\npostgres     %s", results["sqlite"], results["sqlite-again"], results["postgres"])
	}
	want, counted := wantCandidates(2000)
	if first.Ballots != 2000 || first.Counted != counted || first.Certified == "" || !first.Quorum {
		t.Errorf("ballots %d counted %d certified %q quorum %t; want 2000, %d, a date, true", first.Ballots, first.Counted, first.Certified, first.Quorum, counted)
	}
	m := first.Matters[0]
	for _, c := range m.Candidates {
		if v, _ := strconv.ParseInt(c.Votes, 10, 64); v != want[c.Candidate] {
			t.Errorf("%s: %s votes, want %d", c.Candidate, c.Votes, want[c.Candidate])
		}
	}
	if len(m.Elected)+m.Undetermined != 7 {
		t.Errorf("elected %v, %d undetermined; want 7 seats", m.Elected, m.Undetermined)
	}
}
