package gen_test

import (
	"context"
	"testing"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/gen"
	"minutebook/internal/sqlite"
	"minutebook/internal/testdb"
)

var fixed = time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC)

// small is a history small enough for a test, with batches small enough
// that several are recorded.
func small(seed uint64) gen.Config {
	return gen.Config{Holders: 200, Acts: 2000, Years: 3, Seed: seed, Batch: 300}
}

func sqliteService(t testing.TB) *acts.Service {
	t.Helper()
	st, err := sqlite.Open(context.Background(), testdb.SQLitePath(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &acts.Service{Store: st, Clock: func() time.Time { return fixed }}
}

func run(t *testing.T, cfg gen.Config) (*acts.Service, gen.Totals) {
	t.Helper()
	svc := sqliteService(t)
	batches := 0
	cfg.Progress = func(gen.Progress) { batches++ }
	tot, err := gen.Run(context.Background(), svc, cfg)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if want := (cfg.Acts + cfg.Batch - 1) / cfg.Batch; batches != want {
		t.Errorf("batches recorded = %d, want %d", batches, want)
	}
	return svc, tot
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	_, a := run(t, small(7))
	_, b := run(t, small(7))
	if a.Head == "" || a.Head != b.Head || a.Seq != b.Seq {
		t.Errorf("two runs of seed 7: heads %d:%s and %d:%s, want equal", a.Seq, a.Head, b.Seq, b.Head)
	}
	_, c := run(t, small(8))
	if c.Head == a.Head {
		t.Errorf("seeds 7 and 8 give the same head %s", a.Head)
	}
}

func TestRecordsEveryAct(t *testing.T) {
	t.Parallel()
	cfg := small(1)
	_, tot := run(t, cfg)
	if tot.Acts != cfg.Acts || tot.Seq != uint64(cfg.Acts) {
		t.Errorf("Run recorded %d acts, head seq %d, want %d", tot.Acts, tot.Seq, cfg.Acts)
	}
	if tot.Persons != cfg.Holders+2 {
		t.Errorf("persons = %d, want %d", tot.Persons, cfg.Holders+2)
	}
	if got := tot.Persons + tot.Issues + tot.Transfers + tot.Repurchases + tot.Retirements + 1; got != cfg.Acts {
		t.Errorf("acts by kind sum to %d, want %d", got, cfg.Acts)
	}
	if tot.Transfers == 0 || tot.Repurchases == 0 || tot.Retirements == 0 {
		t.Errorf("the mix lacks a kind: %+v", tot)
	}
	if tot.Last.After(gen.DefaultStart.AddDays(3*366)) || tot.Last.Before(gen.DefaultStart.AddDays(2*365)) {
		t.Errorf("last effective date %s, want near the end of 3 years from %s", tot.Last, gen.DefaultStart)
	}
}

func TestLedgerInvariants(t *testing.T) {
	t.Parallel()
	for _, certificated := range []bool{false, true} {
		cfg := small(3)
		cfg.Certificated = certificated
		svc, tot := run(t, cfg)
		ctx := context.Background()
		ct, err := svc.Holdings(ctx, gen.DefaultCorp, corp.MustDate(9999, 12, 31))
		if err != nil {
			t.Fatal(err)
		}
		var sum int64
		for _, h := range ct.Holdings {
			u, ok := h.Shares.Int64()
			if !ok || u <= 0 {
				t.Errorf("holding of %s: %s shares, want a positive whole number", h.Holder.ID, h.Shares)
			}
			sum += u
		}
		if sum != tot.Issued-tot.Treasury || tot.Issued > gen.Authorized || tot.Treasury < 0 {
			t.Errorf("certificated=%v: holdings sum %d, issued %d − treasury %d = %d, authorized %d", certificated, sum, tot.Issued, tot.Treasury, tot.Issued-tot.Treasury, int64(gen.Authorized))
		}
		l, err := svc.StockholderList(ctx, gen.DefaultCorp, corp.MustDate(9999, 12, 31))
		if err != nil {
			t.Fatal(err)
		}
		if out, _ := l.Classes[0].Outstanding.Int64(); out != sum || len(l.Holders) != len(ct.Holdings) {
			t.Errorf("stockholder list: %d outstanding, %d holders; holdings: %d, %d", out, len(l.Holders), sum, len(ct.Holdings))
		}
		rep, err := svc.Verify(ctx, gen.DefaultCorp, acts.VerifyOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !rep.OK || rep.Head != tot.Head {
			t.Errorf("Verify: ok=%v head %s (want %s) break %v diff %v", rep.OK, rep.Head, tot.Head, rep.Break, rep.TableDiff)
		}
	}
}

func TestInvalidConfig(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		cfg  gen.Config
	}{
		{"one holder", gen.Config{Holders: 1, Acts: 100}},
		{"too few acts", gen.Config{Holders: 100, Acts: 202}},
		{"too many holders", gen.Config{Holders: 40_000_000, Acts: 100_000_000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if _, err := gen.Run(context.Background(), &acts.Service{}, tt.cfg); err == nil {
				t.Errorf("Run(%+v) = nil error, want one", tt.cfg)
			}
		})
	}
}
