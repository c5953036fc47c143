package storetest

import (
	"bytes"
	"context"
	"database/sql"
	"flag"
	"fmt"
	"slices"
	"strings"
	"testing"

	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// The sizes of the benchmarks. The target for the scan is a journal of
// 1,000,000 entries; the defaults keep each benchmark well under a minute
// at -benchtime=1x. To measure at the target size:
//
//	go test ./internal/sqlite -run '^$' -bench . -benchtime=1x -storetest.rows=1000000
//	MINUTEBOOK_TEST_POSTGRES=postgres://... go test ./internal/postgres -run '^$' -bench . -benchtime=1x -storetest.rows=1000000
var (
	benchRows = flag.Int("storetest.rows", 10_000,
		"journal rows per iteration of the bulk benchmarks, and the journal size of the scan benchmark (target 1000000)")
	benchCommits = flag.Int("storetest.commits", 200,
		"transactions per iteration of the durable-commit benchmarks")
)

// The raw statements: plain SQL with $n placeholders, which PostgreSQL
// and SQLite both accept when they appear in order.
const (
	insertJournal = `INSERT INTO journal (corp, seq, kind, effective, encoding, hash) VALUES ($1, $2, $3, $4, $5, $6)`
	insertPerson  = `INSERT INTO persons (corp, id, name, sort_key, kind, address, email, seq) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`
	scanJournal   = `SELECT seq, encoding, hash FROM journal WHERE corp = $1 ORDER BY seq`
)

// benchEntry returns a journal entry the size and shape of a person.add.
func benchEntry(corpID string, seq uint64) *journal.Entry {
	id := fmt.Sprintf("p%07d", seq)
	return &journal.Entry{
		Corp:       corpID,
		Seq:        seq,
		Kind:       "person.add",
		Effective:  fmt.Sprintf("2024-%02d-%02d", 1+seq%12, 1+seq%28),
		RecordedAt: recordedAt,
		Actor:      journal.Actor{Person: "p-secretary", Capacity: "secretary"},
		Fields: journal.MapValue(
			[]string{"address", "email", "id", "kind", "name"},
			[]journal.Value{
				journal.StringValue("1209 Orange Street, Wilmington, DE 19801"),
				journal.StringValue(id + "@example.com"),
				journal.StringValue(id),
				journal.StringValue("person"),
				journal.StringValue("Person " + id),
			}),
		Checks: []journal.Check{{Rule: "persons.unique_id", Citation: "Art. VII §1", Outcome: journal.Held, Message: "the id is new"}},
	}
}

// benchPerson returns the persons row of entry seq.
func benchPerson(seq uint64) tables.Row {
	id := fmt.Sprintf("p%07d", seq)
	return tables.Row{id, "Person " + id, "person, " + id, "person", "1209 Orange Street, Wilmington, DE 19801", id + "@example.com", int64(seq)}
}

// template holds a fixed set of records and rows that the insert
// benchmarks cycle through, so that building them is not measured.
type template struct {
	recs    []journal.Record
	persons []tables.Row
}

func newTemplate() *template {
	const n = 1024
	tp := &template{}
	prev := journal.Genesis
	for i := range n {
		tp.recs = append(tp.recs, journal.NewRecord(prev, benchEntry("bench", uint64(i+1))))
		prev = tp.recs[i].Hash
		tp.persons = append(tp.persons, benchPerson(uint64(i+1)))
	}
	return tp
}

// journalArgs returns the arguments of insertJournal for entry seq.
func (tp *template) journalArgs(corpID string, seq uint64) []any {
	r := &tp.recs[int(seq)%len(tp.recs)]
	return []any{corpID, int64(seq), r.Kind, r.Effective, r.Encoding, r.Hash[:]}
}

// personArgs returns the arguments of insertPerson for entry seq.
func (tp *template) personArgs(corpID string, seq uint64) []any {
	p := tp.persons[int(seq)%len(tp.persons)]
	return []any{corpID, fmt.Sprintf("p%07d", seq), p[1], p[2], p[3], p[4], p[5], int64(seq)}
}

// rawDB opens a store and returns the handle it writes through.
func rawDB(b *testing.B, open Opener) *sql.DB {
	b.Helper()
	d, ok := open(b).(Database)
	if !ok {
		b.Fatalf("the raw benchmarks need a storetest.Database")
	}
	return d.SQLDB()
}

// perSecond reports n per second of the measured time, in unit.
func perSecond(b *testing.B, n int, unit string) {
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), unit)
}

// BenchRaw measures the bounds that the act path is compared against: the
// store's own *sql.DB doing plain SQL with no logic at all.
//
//   - BulkInsert: -storetest.rows journal rows and as many persons rows
//     in one transaction, one INSERT each.
//   - DurableCommit: -storetest.commits transactions of one journal row
//     each, every one durable when its commit returns.
//   - ScanHash: every row of a journal of -storetest.rows entries, in
//     order, with SHA-256 over the same bytes (the chain of journal.Link),
//     as `journal verify` does.
//
// Each reports rows/s; rows/s of BulkInsert counts both tables.
func BenchRaw(b *testing.B, open Opener) {
	b.Run("BulkInsert", func(b *testing.B) {
		db, tp, n := rawDB(b, open), newTemplate(), *benchRows
		ctx := b.Context()
		iter := 0
		for b.Loop() {
			iter++
			corpID := fmt.Sprintf("bulk-%d", iter)
			if err := inTx(ctx, db, func(tx *sql.Tx) error {
				js, err := tx.PrepareContext(ctx, insertJournal)
				if err != nil {
					return err
				}
				ps, err := tx.PrepareContext(ctx, insertPerson)
				if err != nil {
					return err
				}
				for seq := uint64(1); seq <= uint64(n); seq++ {
					if _, err := js.ExecContext(ctx, tp.journalArgs(corpID, seq)...); err != nil {
						return err
					}
					if _, err := ps.ExecContext(ctx, tp.personArgs(corpID, seq)...); err != nil {
						return err
					}
				}
				return nil
			}); err != nil {
				b.Fatal(err)
			}
		}
		perSecond(b, 2*n*iter, "rows/s")
		perSecond(b, n*iter, "entries/s")
		countRows(b, db, "bulk-1", n)
	})

	b.Run("DurableCommit", func(b *testing.B) {
		db, tp, n := rawDB(b, open), newTemplate(), *benchCommits
		ctx := b.Context()
		stmt, err := db.PrepareContext(ctx, insertJournal)
		if err != nil {
			b.Fatal(err)
		}
		defer stmt.Close()
		seq := uint64(0)
		for b.Loop() {
			for range n {
				seq++
				if err := inTx(ctx, db, func(tx *sql.Tx) error {
					_, err := tx.StmtContext(ctx, stmt).ExecContext(ctx, tp.journalArgs("commit", seq)...)
					return err
				}); err != nil {
					b.Fatal(err)
				}
			}
		}
		perSecond(b, int(seq), "rows/s")
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(seq), "µs/commit")
		countRows(b, db, "commit", int(seq))
	})

	b.Run("ScanHash", func(b *testing.B) {
		db, n := rawDB(b, open), *benchRows
		ctx := b.Context()
		size, err := fillJournal(ctx, db, "scan", n)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(size)
		iter := 0
		for b.Loop() {
			iter++
			rows, err := db.QueryContext(ctx, scanJournal, "scan")
			if err != nil {
				b.Fatal(err)
			}
			var (
				seq       int64
				enc, hash sql.RawBytes
				prev      journal.Hash
				got       int
			)
			for rows.Next() {
				if err := rows.Scan(&seq, &enc, &hash); err != nil {
					b.Fatal(err)
				}
				prev = journal.Link(prev, enc)
				if !bytes.Equal(prev[:], hash) {
					b.Fatalf("entry %d: hash mismatch", seq)
				}
				got++
			}
			if err := rows.Err(); err != nil {
				b.Fatal(err)
			}
			rows.Close()
			if got != n {
				b.Fatalf("scanned %d rows, want %d", got, n)
			}
		}
		perSecond(b, n*iter, "rows/s")
	})
}

// BenchStore measures the same work as BenchRaw's inserts through the
// Store contract (package sqlstore's generic SQL), to separate what the
// store adds from what the act path adds.
//
//   - BulkUpdate: one Update of -storetest.rows entries, each a Put of a
//     persons row and an Append.
//   - DurableUpdate: -storetest.commits Updates of one Put and one Append.
//
// Each reports entries/s.
func BenchStore(b *testing.B, open Opener) {
	b.Run("BulkUpdate", func(b *testing.B) {
		s, tp, n := open(b), newTemplate(), *benchRows
		iter := 0
		for b.Loop() {
			iter++
			corpID := fmt.Sprintf("bulk-%d", iter)
			if err := s.Update(b.Context(), corpID, func(tx tables.Tx) error {
				for seq := uint64(1); seq <= uint64(n); seq++ {
					if err := tp.write(tx, corpID, seq); err != nil {
						return err
					}
				}
				return nil
			}); err != nil {
				b.Fatal(err)
			}
		}
		perSecond(b, n*iter, "entries/s")
	})

	b.Run("DurableUpdate", func(b *testing.B) {
		s, tp, n := open(b), newTemplate(), *benchCommits
		seq := uint64(0)
		for b.Loop() {
			for range n {
				seq++
				if err := s.Update(b.Context(), "commit", func(tx tables.Tx) error {
					return tp.write(tx, "commit", seq)
				}); err != nil {
					b.Fatal(err)
				}
			}
		}
		perSecond(b, int(seq), "entries/s")
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(seq), "µs/commit")
	})
}

// write puts the persons row of entry seq and appends a record for it.
func (tp *template) write(tx tables.Tx, corpID string, seq uint64) error {
	p := slices.Clone(tp.persons[int(seq)%len(tp.persons)])
	p[0], p[6] = fmt.Sprintf("p%07d", seq), int64(seq)
	if err := tx.Put(tables.Persons, p); err != nil {
		return err
	}
	r := tp.recs[int(seq)%len(tp.recs)]
	r.Corp, r.Seq = corpID, seq
	return tx.Append(&r)
}

// inTx runs fn in a transaction on db and commits it.
func inTx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// fillJournal writes a chained journal of n entries for corpID in one
// transaction, in multi-row INSERTs, and returns the bytes of its
// encodings.
func fillJournal(ctx context.Context, db *sql.DB, corpID string, n int) (int64, error) {
	const batch = 500
	var size int64
	prev := journal.Genesis
	err := inTx(ctx, db, func(tx *sql.Tx) error {
		for first := 1; first <= n; first += batch {
			last := min(first+batch-1, n)
			var q strings.Builder
			q.WriteString("INSERT INTO journal (corp, seq, kind, effective, encoding, hash) VALUES ")
			args := make([]any, 0, 6*(last-first+1))
			for seq := first; seq <= last; seq++ {
				r := journal.NewRecord(prev, benchEntry(corpID, uint64(seq)))
				prev = r.Hash
				size += int64(len(r.Encoding))
				if seq > first {
					q.WriteString(", ")
				}
				k := len(args)
				fmt.Fprintf(&q, "($%d, $%d, $%d, $%d, $%d, $%d)", k+1, k+2, k+3, k+4, k+5, k+6)
				args = append(args, r.Corp, int64(r.Seq), r.Kind, r.Effective, r.Encoding, r.Hash[:])
			}
			if _, err := tx.ExecContext(ctx, q.String(), args...); err != nil {
				return err
			}
		}
		return nil
	})
	return size, err
}

// countRows checks that corpID has n journal rows: that the raw
// statements bound their arguments where they meant to.
func countRows(b *testing.B, db *sql.DB, corpID string, n int) {
	b.Helper()
	var got int
	if err := db.QueryRowContext(b.Context(), `SELECT count(*) FROM journal WHERE corp = $1`, corpID).Scan(&got); err != nil {
		b.Fatal(err)
	}
	if got != n {
		b.Fatalf("journal of %s has %d rows, want %d", corpID, got, n)
	}
}
