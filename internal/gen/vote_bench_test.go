package gen_test

// The benchmark meeting of issue 5 read from the store (docs/benchmarks.md,
// "Voting (issue 5)"):
//
//	MB_VOTE_HOLDERS=1000000 MB_VOTE_SQLITE=/tmp/vote1m.db \
//	    go test ./internal/gen -run '^$' -bench Meeting -benchtime 3x -count 6 -timeout 4h
//
// MB_VOTE_HOLDERS (default 10,000) holders, each with a ballot (gen.Meeting:
// 30% with proxies, some superseded, some lapsed). The SQLite store is
// built once per run through the act path (gen.Run, then gen.Meeting, in
// atomic batches); the PostgreSQL store gets the SQLite store's rows by COPY
// (copyToPostgres), as the stockholder-list benchmark does. MB_VOTE_SQLITE
// (a file) and MB_VOTE_POSTGRES (a DSN) keep the stores between runs. Set
// MINUTEBOOK_TEST_POSTGRES for the PostgreSQL figures; the postgres
// sub-benchmarks skip without it (and fail in CI).

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/gen"
	"minutebook/internal/postgres"
	"minutebook/internal/sqlite"
	"minutebook/internal/sqlstore"
	"minutebook/internal/tables"
	"minutebook/internal/testdb"
)

var voteKept = map[string]string{"sqlite": "MB_VOTE_SQLITE", "postgres": "MB_VOTE_POSTGRES"}

// meetings holds one store with the generated meeting per kind and size.
var meetings = struct {
	sync.Mutex
	m     map[string]*acts.Service
	roots map[string]string // kind → certified receipts root
}{m: map[string]*acts.Service{}, roots: map[string]string{}}

// meetingStore returns a store of kind holding the generated history of
// cfg and its meeting, building it on first use.
func meetingStore(tb testing.TB, kind string, cfg gen.Config) *acts.Service {
	meetings.Lock()
	defer meetings.Unlock()
	return meetingLocked(tb, kind, cfg)
}

func meetingLocked(tb testing.TB, kind string, cfg gen.Config) *acts.Service {
	key := fmt.Sprintf("%s/%d", kind, cfg.Holders)
	if svc, ok := meetings.m[key]; ok {
		return svc
	}
	svc := &acts.Service{Clock: func() time.Time { return fixed }}
	keep := os.Getenv(voteKept[kind])
	if keep != "" {
		svc.Store = openKept(tb, kind, keep)
		var head tables.Head
		if err := svc.Store.View(context.Background(), gen.DefaultCorp, func(v tables.View) (err error) {
			head, err = v.Head()
			return err
		}); err != nil {
			tb.Fatal(err)
		}
		if head.Seq > 0 {
			// A store whose build was stopped has no closed polls.
			cr, err := svc.TallyMeeting(context.Background(), gen.DefaultCorp, "annual")
			if err != nil || !cr.PollsClosed {
				tb.Fatalf("%s holds %d acts but not the generated meeting with its polls closed (%v): remove it to build it again", keep, head.Seq, err)
			}
			tb.Logf("using the meeting kept in %s (%d acts)", keep, head.Seq)
			meetings.m[key] = svc
			// openKept closes the store when tb ends: forget it then, so
			// that a later benchmark (PostgreSQL's copy) opens it again.
			forgetMeeting(tb, key)
			return svc
		}
	}
	began := time.Now()
	if kind == "postgres" {
		src := meetingLocked(tb, "sqlite", cfg)
		dsn := keep
		if dsn == "" {
			dsn = testdb.Postgres(tb)
		}
		n, err := copyToPostgres(src.Store, dsn, gen.DefaultCorp)
		if err != nil {
			tb.Fatalf("copying %s to PostgreSQL: %v", key, err)
		}
		if svc.Store == nil {
			svc.Store = openKept(tb, kind, dsn)
		}
		tb.Logf("copied %s: %d rows in %s", key, n, time.Since(began).Round(time.Millisecond))
	} else {
		if svc.Store == nil {
			svc.Store = openStore(tb, kind)
		}
		tot, err := gen.Run(context.Background(), svc, cfg)
		if err != nil {
			tb.Fatalf("generating %s: %v", key, err)
		}
		mt, err := gen.Meeting(context.Background(), svc, cfg, gen.MeetingConfig{})
		if err != nil {
			tb.Fatalf("meeting %s: %v", key, err)
		}
		tb.Logf("generated %s: %d acts in %s, then the meeting: %d acts (%d proxies, %d ballots) in %s (%.0f acts/s)", key, tot.Acts,
			tot.Elapsed.Round(time.Second), mt.Acts, mt.Proxies, mt.Ballots, mt.Elapsed.Round(time.Second), float64(mt.Acts)/mt.Elapsed.Seconds())
	}
	meetings.m[key] = svc
	forgetMeeting(tb, key)
	return svc
}

// forgetMeeting drops the store of key from meetings when tb ends.
func forgetMeeting(tb testing.TB, key string) {
	tb.Cleanup(func() {
		meetings.Lock()
		delete(meetings.m, key)
		meetings.Unlock()
	})
}

// dbOf returns the database/sql handle of a store, for the bare scan.
func dbOf(tb testing.TB, st acts.Store) *sqlstore.DB {
	switch st := st.(type) {
	case *sqlite.Store:
		return st.DB
	case *postgres.Store:
		return st.DB
	}
	tb.Fatalf("no database handle in %T", st)
	return nil
}

// BenchmarkMeeting: the generated meeting read from each store. scan is
// the bound: the ballot rows of the meeting read with plain SQL, in key
// order, their bytes touched. tally is the quorum and the full tabulation
// (proxies in force, every ballot decoded and checked, the tally, every
// receipt and the receipts root: Service.TallyMeeting); recount the same
// from the journal (Service.RecountMeeting); certify the result.certify
// act as a dry run (its check tallies, recounts and compares; its apply
// tallies again); certified reading the certified result once it is
// recorded. Target (issue 5): quorum, tabulation and certified result
// under 2 s on each store.
func BenchmarkMeeting(b *testing.B) {
	cfg := meetingConfig(envInt("MB_VOTE_HOLDERS", 10_000))
	ctx := context.Background()
	for _, kind := range []string{"sqlite", "postgres"} {
		b.Run(kind, func(b *testing.B) {
			svc := meetingStore(b, kind, cfg)
			want := cfg.Holders
			b.Run("scan", func(b *testing.B) {
				db := dbOf(b, svc.Store)
				defer reportCPU(b, cpuTime())
				q := `SELECT matter, holder, seq, ballot FROM vote_ballots WHERE corp = ` + db.D.Placeholder(1) + ` AND meeting = ` + db.D.Placeholder(2) + ` ORDER BY matter, holder, seq`
				for b.Loop() {
					rows, err := db.R.QueryContext(ctx, q, gen.DefaultCorp, "annual")
					if err != nil {
						b.Fatal(err)
					}
					n, size := 0, 0
					var matter, holder string
					var seq int64
					var ballot sql.RawBytes
					for rows.Next() {
						if err := rows.Scan(&matter, &holder, &seq, &ballot); err != nil {
							b.Fatal(err)
						}
						n++
						size += len(ballot)
					}
					if err := rows.Close(); err != nil {
						b.Fatal(err)
					}
					if n != want {
						b.Fatalf("scanned %d ballots, want %d", n, want)
					}
				}
				b.ReportMetric(float64(want*b.N)/b.Elapsed().Seconds(), "ballots/s")
			})
			check := func(b *testing.B, cr *acts.CertifiedResult, err error) {
				if err != nil {
					b.Fatal(err)
				}
				if cr.Ballots != want || cr.Counted != want-want/1000*5 || !cr.Quorum {
					b.Fatalf("ballots %d counted %d quorum %t", cr.Ballots, cr.Counted, cr.Quorum)
				}
			}
			b.Run("tally", func(b *testing.B) {
				defer reportCPU(b, cpuTime())
				for b.Loop() {
					cr, err := svc.TallyMeeting(ctx, gen.DefaultCorp, "annual")
					check(b, cr, err)
				}
				b.ReportMetric(float64(want*b.N)/b.Elapsed().Seconds(), "ballots/s")
			})
			b.Run("recount", func(b *testing.B) {
				defer reportCPU(b, cpuTime())
				for b.Loop() {
					cr, err := svc.RecountMeeting(ctx, gen.DefaultCorp, "annual")
					check(b, cr, err)
				}
				b.ReportMetric(float64(want*b.N)/b.Elapsed().Seconds(), "ballots/s")
			})
			date, _ := gen.MeetingDate(cfg)
			act := []*acts.Act{{Kind: acts.CertifyResult, Effective: date, Actor: corp.Actor{Person: "inspector", Capacity: corp.AsInspector},
				Fields: &acts.CertifyFields{Meeting: "annual"}}}
			certified := func() bool {
				cr, err := svc.MeetingResult(ctx, gen.DefaultCorp, "annual")
				if err != nil {
					b.Fatal(err)
				}
				return cr.Certified != ""
			}
			if !certified() {
				b.Run("certify", func(b *testing.B) {
					defer reportCPU(b, cpuTime())
					for b.Loop() {
						rs, err := svc.Apply(ctx, gen.DefaultCorp, act, acts.Options{DryRun: true})
						if err != nil || rs[0].Status != acts.Checked {
							b.Fatalf("%v %+v", err, rs)
						}
					}
				})
			}
			b.Run("certified", func(b *testing.B) {
				if !certified() {
					rs, err := svc.Apply(ctx, gen.DefaultCorp, act, acts.Options{})
					if err != nil || rs[0].Status != acts.Recorded {
						b.Fatalf("certify: %v %+v", err, rs)
					}
				}
				var cr *acts.CertifiedResult
				var err error
				from := cpuTime()
				for b.Loop() {
					cr, err = svc.MeetingResult(ctx, gen.DefaultCorp, "annual")
					check(b, cr, err)
				}
				reportCPU(b, from)
				meetings.Lock()
				defer meetings.Unlock()
				meetings.roots[kind] = cr.Root
				if r, ok := meetings.roots["sqlite"]; ok && r != cr.Root {
					b.Fatalf("the certified root on %s is %s, on SQLite %s", kind, cr.Root, r)
				}
				b.Logf("%s: certified root %s, %s of %s present, elected %v", kind, cr.Root, cr.Present, cr.Outstanding, cr.Matters[0].Elected)
			})
		})
	}
}

// cpuTime is the CPU time this process has used (user and system, every
// thread, the garbage collector's included; not the PostgreSQL server's).
// reportCPU reports the CPU time per op since from: on the shared machine
// the wall time per op is an upper bound; the CPU time is the op's own.
func reportCPU(b *testing.B, from time.Duration) {
	b.ReportMetric(float64((cpuTime()-from).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}
