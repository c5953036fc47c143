package gen_test

// Loading the generated history (issue 3), each rate beside its bound in
// the same run (docs/benchmarks.md):
//
//	MB_GEN_HOLDERS=10000 go test ./internal/gen -run '^$' -bench Load -benchtime 1x -count 6
//
// batch:         the history through the act path in atomic batches (gen.Run), acts/s;
// batch-raw:     the same rows (the journal and every derived table the act
//                path wrote) bulk-inserted into a fresh store of the same kind
//                in one transaction with prepared INSERTs, as acts/s;
// durable:       the first MB_GEN_DURABLE acts (default 2,000) one per
//                durable transaction, acts/s;
// durable-raw:   as many bare commits of one journal row each.
//
// Bounds: batch ≥ 1/3 of batch-raw; durable ≥ 1/2 of durable-raw.

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/gen"
	"minutebook/internal/journal"
	"minutebook/internal/postgres"
	"minutebook/internal/sqlite"
	"minutebook/internal/sqlstore"
	"minutebook/internal/tables"
	"minutebook/internal/testdb"
)

// freshDB opens a fresh store of kind and its SQL handles.
func freshDB(tb testing.TB, kind string) (acts.Store, *sqlstore.DB) {
	tb.Helper()
	ctx := context.Background()
	if kind == "sqlite" {
		st, err := sqlite.Open(ctx, testdb.SQLitePath(tb))
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() { st.Close() })
		return st, st.DB
	}
	st, err := postgres.Open(ctx, testdb.Postgres(tb))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st, st.DB
}

// storedRows are every row a store holds for one corporation.
type storedRows struct {
	journal []journal.Record
	tables  map[*tables.Table][]tables.Row
	count   int
}

func readRows(tb testing.TB, st acts.Store, corpID string) *storedRows {
	out := &storedRows{tables: map[*tables.Table][]tables.Row{}}
	err := st.View(context.Background(), corpID, func(v tables.View) error {
		if err := v.Journal(1, func(r *journal.Record) error {
			c := *r
			c.Encoding = append([]byte(nil), r.Encoding...)
			out.journal = append(out.journal, c)
			return nil
		}); err != nil {
			return err
		}
		for _, t := range tables.All() {
			if err := v.Scan(t, nil, func(r tables.Row) error {
				out.tables[t] = append(out.tables[t], append(tables.Row(nil), r...))
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	out.count = len(out.journal)
	for _, rs := range out.tables {
		out.count += len(rs)
	}
	return out
}

func insertSQL(db *sqlstore.DB, table string, cols []string) string {
	ph := make([]string, len(cols))
	for i := range cols {
		ph[i] = db.D.Placeholder(i + 1)
	}
	return "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES (" + strings.Join(ph, ", ") + ")"
}

var journalCols = []string{"corp", "seq", "kind", "effective", "encoding", "hash"}

// rawLoad inserts rows into db in one transaction, a prepared INSERT per table.
func rawLoad(db *sqlstore.DB, corpID string, rows *storedRows) error {
	tx, err := db.W.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	js, err := tx.Prepare(insertSQL(db, "journal", journalCols))
	if err != nil {
		return err
	}
	for _, r := range rows.journal {
		if _, err := js.Exec(corpID, int64(r.Seq), r.Kind, r.Effective, r.Encoding, r.Hash[:]); err != nil {
			return err
		}
	}
	for t, rs := range rows.tables {
		cols := []string{"corp"}
		for _, c := range t.Columns {
			cols = append(cols, c.Name)
		}
		st, err := tx.Prepare(insertSQL(db, t.Name, cols))
		if err != nil {
			return err
		}
		args := make([]any, len(cols))
		args[0] = corpID
		for _, r := range rs {
			copy(args[1:], r)
			if _, err := st.Exec(args...); err != nil {
				return fmt.Errorf("%s: %w", t.Name, err)
			}
		}
	}
	return tx.Commit()
}

func BenchmarkLoad(b *testing.B) {
	cfg := benchConfig()
	durable := envInt("MB_GEN_DURABLE", 2000)
	fixedClock := func() time.Time { return fixed }
	for _, kind := range []string{"sqlite", "postgres"} {
		b.Run(kind, func(b *testing.B) {
			var rows *storedRows
			b.Run("batch", func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					st, _ := freshDB(b, kind)
					svc := &acts.Service{Store: st, Clock: fixedClock}
					b.StartTimer()
					if _, err := gen.Run(context.Background(), svc, cfg); err != nil {
						b.Fatal(err)
					}
					b.StopTimer()
					if rows == nil {
						rows = readRows(b, st, gen.DefaultCorp)
					}
					b.StartTimer()
				}
				b.ReportMetric(float64(cfg.Acts*b.N)/b.Elapsed().Seconds(), "acts/s")
			})
			b.Run("batch-raw", func(b *testing.B) {
				if rows == nil {
					b.Skip("batch did not run")
				}
				for b.Loop() {
					b.StopTimer()
					_, db := freshDB(b, kind)
					b.StartTimer()
					if err := rawLoad(db, gen.DefaultCorp, rows); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(cfg.Acts*b.N)/b.Elapsed().Seconds(), "acts/s")
				b.ReportMetric(float64(rows.count*b.N)/b.Elapsed().Seconds(), "rows/s")
			})
			small := gen.Config{Holders: max(durable/10, 10), Acts: durable, Seed: 1, Batch: 1}
			b.Run("durable", func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					st, _ := freshDB(b, kind)
					svc := &acts.Service{Store: st, Clock: fixedClock}
					b.StartTimer()
					if _, err := gen.Run(context.Background(), svc, small); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(durable*b.N)/b.Elapsed().Seconds(), "acts/s")
			})
			b.Run("durable-raw", func(b *testing.B) {
				if rows == nil || len(rows.journal) < durable {
					b.Skip("batch did not run or recorded fewer acts than MB_GEN_DURABLE")
				}
				for b.Loop() {
					b.StopTimer()
					_, db := freshDB(b, kind)
					q := insertSQL(db, "journal", journalCols)
					b.StartTimer()
					for _, r := range rows.journal[:durable] {
						if err := inTx(db.W, func(tx *sql.Tx) error {
							_, err := tx.Exec(q, gen.DefaultCorp, int64(r.Seq), r.Kind, r.Effective, r.Encoding, r.Hash[:])
							return err
						}); err != nil {
							b.Fatal(err)
						}
					}
				}
				b.ReportMetric(float64(durable*b.N)/b.Elapsed().Seconds(), "acts/s")
			})
		})
	}
}

func inTx(db *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
