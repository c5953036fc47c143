package gen_test

// The stockholder list on a generated history (docs/benchmarks.md, "Stock
// ledger (issue 3)"):
//
//	MB_GEN_HOLDERS=100000 go test ./internal/gen -run '^$' -bench StockholderList -benchtime 5x -timeout 2h
//
// Sizes: MB_GEN_HOLDERS (default 10,000) and MB_GEN_ACTS (default 10 ×
// holders), MB_GEN_BATCH (acts per atomic Apply, default 20,000). Set MINUTEBOOK_TEST_POSTGRES for the PostgreSQL figures; the
// postgres sub-benchmarks skip without it. MB_GEN_SQLITE (a file) and
// MB_GEN_POSTGRES (a DSN) keep the generated history between runs;
// MB_GEN_RELIST=1 rebuilds a kept history's list checkpoints first;
// MB_GEN_RECORD_DATE lists on another date than the middle of the history.

import (
	"context"

	"fmt"
	"github.com/jackc/pgx/v5"
	"os"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/gen"
	"minutebook/internal/journal"
	"minutebook/internal/postgres"
	"minutebook/internal/sqlite"
	"minutebook/internal/tables"
	"minutebook/internal/testdb"
)

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

func benchConfig() gen.Config {
	holders := envInt("MB_GEN_HOLDERS", 10_000)
	return gen.Config{Holders: holders, Acts: envInt("MB_GEN_ACTS", 10*holders), Seed: 1, Batch: envInt("MB_GEN_BATCH", 0)}
}

// openStore opens a fresh store of the kind named, closed when tb ends.
func openStore(tb testing.TB, kind string) acts.Store {
	tb.Helper()
	var st acts.Store
	var err error
	switch kind {
	case "sqlite":
		st, err = sqlite.Open(context.Background(), testdb.SQLitePath(tb))
	default:
		st, err = postgres.Open(context.Background(), testdb.Postgres(tb))
	}
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// generated holds one generated store per kind and size, so that -count
// runs list the same books rather than generating them again.
var generated = struct {
	sync.Mutex
	m map[string]*acts.Service
}{m: map[string]*acts.Service{}}

// keptEnv names, for each kind of store, the variable that keeps the
// generated history between runs: a SQLite file path or a PostgreSQL DSN
// (whose database the benchmark neither creates nor drops). A store that
// already holds cfg.Acts acts of the generated corporation is listed as it
// is; an empty one is generated into.
var keptEnv = map[string]string{"sqlite": "MB_GEN_SQLITE", "postgres": "MB_GEN_POSTGRES"}

func openKept(tb testing.TB, kind, where string) acts.Store {
	var st acts.Store
	var err error
	if kind == "sqlite" {
		st, err = sqlite.Open(context.Background(), where)
	} else {
		st, err = postgres.Open(context.Background(), where)
	}
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// generatedStore returns a store of kind holding cfg's history, generating
// it on first use. The store lives as long as tb (the benchmark of that
// kind), which -count runs again; then it is generated again.
//
// A PostgreSQL store is loaded with the rows of the SQLite store's history
// (COPY of the journal and of every derived table), unless MB_GEN_PG_ACTS
// is set: the act path writes the same rows on both stores
// (TestSameOnBothStores), and generating through it on PostgreSQL runs at
// a few hundred acts/s (docs/benchmarks.md).
func generatedStore(tb testing.TB, kind string, cfg gen.Config) *acts.Service {
	generated.Lock()
	defer generated.Unlock()
	return generatedLocked(tb, kind, cfg)
}

func generatedLocked(tb testing.TB, kind string, cfg gen.Config) *acts.Service {
	key := fmt.Sprintf("%s/%d/%d", kind, cfg.Holders, cfg.Acts)
	if svc, ok := generated.m[key]; ok {
		return svc
	}
	svc := &acts.Service{Clock: func() time.Time { return fixed }}
	keep := os.Getenv(keptEnv[kind])
	if keep != "" {
		svc.Store = openKept(tb, kind, keep)
		var head tables.Head
		err := svc.Store.View(context.Background(), gen.DefaultCorp, func(v tables.View) (err error) {
			head, err = v.Head()
			return err
		})
		if err == nil && head.Seq == uint64(cfg.Acts) {
			tb.Logf("using the history kept in %s (%d acts)", keep, head.Seq)
			if os.Getenv("MB_GEN_RELIST") != "" {
				// A history kept from an older cadence or encoding gets this
				// version's list checkpoints (journal rebuild-lists).
				began := time.Now()
				n, err := svc.RebuildListCheckpoints(context.Background(), gen.DefaultCorp)
				if err != nil {
					tb.Fatalf("rebuilding the list checkpoints of %s: %v", keep, err)
				}
				tb.Logf("rebuilt %d list checkpoints in %s", n, time.Since(began).Round(time.Millisecond))
			}
			generated.m[key] = svc
			return svc
		}
	}
	began := time.Now()
	if kind == "postgres" && os.Getenv("MB_GEN_PG_ACTS") == "" {
		src := generatedLocked(tb, "sqlite", cfg)
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
		tb.Logf("generated %s: %d acts in %s (%.0f acts/s), %d transfers", key, tot.Acts, time.Since(began).Round(time.Millisecond),
			float64(tot.Acts)/time.Since(began).Seconds(), tot.Transfers)
	}
	generated.m[key] = svc
	tb.Cleanup(func() {
		generated.Lock()
		delete(generated.m, key)
		generated.Unlock()
	})
	return svc
}

// copyToPostgres copies corpID's journal and derived rows from src into
// the PostgreSQL database dsn (migrated by postgres.Open) with COPY, in
// chunks, and returns the number of rows.
func copyToPostgres(src acts.Store, dsn, corpID string) (int, error) {
	ctx := context.Background()
	st, err := postgres.Open(ctx, dsn) // migrates
	if err != nil {
		return 0, err
	}
	st.Close()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return 0, err
	}
	defer conn.Close(ctx)
	total := 0
	var chunk [][]any
	flush := func(table string, cols []string) error {
		if len(chunk) == 0 {
			return nil
		}
		n, err := conn.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(chunk))
		total += int(n)
		chunk = chunk[:0]
		return err
	}
	err = src.View(ctx, corpID, func(v tables.View) error {
		if err := v.Journal(1, func(r *journal.Record) error {
			chunk = append(chunk, []any{corpID, int64(r.Seq), r.Kind, r.Effective, append([]byte(nil), r.Encoding...), append([]byte(nil), r.Hash[:]...)})
			if len(chunk) == 50_000 {
				return flush("journal", journalCols)
			}
			return nil
		}); err != nil {
			return err
		}
		if err := flush("journal", journalCols); err != nil {
			return err
		}
		for _, t := range tables.All() {
			cols := []string{"corp"}
			for _, c := range t.Columns {
				cols = append(cols, c.Name)
			}
			// Rows go in the order the act path wrote them where that
			// order is known (tables read by effective date), so that the
			// heap is laid out as a recorded history's is.
			scan := func(fn func(tables.Row) error) error { return v.Scan(t, nil, fn) }
			if t.Between != "" {
				scan = func(fn func(tables.Row) error) error { return v.ScanBetween(t, "", "~", fn) }
			}
			if err := scan(func(r tables.Row) error {
				row := append([]any{corpID}, r...)
				for i, v := range row {
					if b, ok := v.([]byte); ok {
						row[i] = append([]byte{}, b...)
					}
				}
				chunk = append(chunk, row)
				if len(chunk) == 50_000 {
					return flush(t.Name, cols)
				}
				return nil
			}); err != nil {
				return err
			}
			if err := flush(t.Name, cols); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		_, err = conn.Exec(ctx, "VACUUM ANALYZE")
	}
	return total, err
}

// BenchmarkStockholderList: the list of holders of record on a record date
// in the middle of the history (targets: 1,000,000 holders < 1 s on
// SQLite, < 2 s on PostgreSQL; 100,000 holders < 100 ms).
func BenchmarkStockholderList(b *testing.B) {
	cfg := benchConfig()
	for _, kind := range []string{"sqlite", "postgres"} {
		b.Run(kind, func(b *testing.B) {
			svc := generatedStore(b, kind, cfg)
			b.Run(strconv.Itoa(cfg.Holders), func(b *testing.B) {
				ctx := context.Background()
				on := cfg.Middle()
				if s := os.Getenv("MB_GEN_RECORD_DATE"); s != "" {
					d, err := corp.ParseDate(s)
					if err != nil {
						b.Fatalf("MB_GEN_RECORD_DATE: %v", err)
					}
					on = d
				}
				b.ReportAllocs()
				listed := 0
				cpu := cpuTime()
				for b.Loop() {
					l, err := svc.StockholderList(ctx, gen.DefaultCorp, on)
					if err != nil {
						b.Fatal(err)
					}
					listed += len(l.Holders)
				}
				b.ReportMetric(float64(listed)/b.Elapsed().Seconds(), "holders/s")
				b.ReportMetric(float64(listed)/float64(b.N), "holders")
				// The process's CPU time (SQLite runs in it; PostgreSQL's
				// server does not): on a shared machine the wall time is an
				// upper bound.
				reportCPU(b, cpu)
			})
		})
	}
}

// cpuTime returns the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkGenerate: the generator's speed through the act path, each
// iteration into a fresh store.
func BenchmarkGenerate(b *testing.B) {
	cfg := benchConfig()
	for _, kind := range []string{"sqlite", "postgres"} {
		b.Run(kind, func(b *testing.B) {
			b.Run(strconv.Itoa(cfg.Holders), func(b *testing.B) {
				recorded := 0
				for b.Loop() {
					b.StopTimer()
					svc := &acts.Service{Store: openStore(b, kind), Clock: func() time.Time { return fixed }}
					b.StartTimer()
					tot, err := gen.Run(context.Background(), svc, cfg)
					if err != nil {
						b.Fatal(err)
					}
					recorded += tot.Acts
				}
				b.ReportMetric(float64(recorded)/b.Elapsed().Seconds(), "acts/s")
			})
		})
	}
}
