package storetest

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"testing"
	"time"

	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// Store is the contract under test (tables.Store, which acts.Store names).
type Store = tables.Store

// Database is implemented by a store under test that sits on a SQL
// database; the test package adds it with a small wrapper around its
// store. The suite then also checks what no Store method can show: that
// the database itself refuses to rewrite the journal, that a fresh store
// is migrated to head and that opening it again changes nothing. BenchRaw
// requires it.
type Database interface {
	Store
	// SQLDB returns the handle the store writes through.
	SQLDB() *sql.DB
	// Migrations returns the store's embedded, numbered migrations.
	Migrations() fs.FS
	// Reopen opens the same database again as a second store, as another
	// process would. The caller closes it.
	Reopen(ctx context.Context) (Store, error)
	// Tampering returns statements in the store's own dialect that try to
	// change or remove journal rows of corporation corp and that the
	// database must refuse, beyond the portable UPDATE, DELETE and upsert
	// the suite tries anyway (e.g. TRUNCATE on PostgreSQL, INSERT OR
	// REPLACE on SQLite).
	Tampering(corp string) []string
}

// Opener returns a fresh, empty store, migrated to head, that it closes
// when tb ends. It takes a testing.TB so that tests and benchmarks share
// it.
type Opener func(tb testing.TB) Store

// Run runs the conformance suite against the stores that open returns,
// one fresh store per subtest. The subtests run in parallel.
func Run(t *testing.T, open Opener) {
	suite := []struct {
		name string
		fn   func(*testing.T, Opener)
	}{
		{"RoundTrip", testRoundTrip},
		{"KeyOrder", testKeyOrder},
		{"Singleton", testSingleton},
		{"Values", testValues},
		{"Corporations", testCorporations},
		{"Isolation", testIsolation},
		{"Journal", testJournal},
		{"JournalConflict", testJournalConflict},
		{"Rollback", testRollback},
		{"Panic", testPanic},
		{"OwnWrites", testOwnWrites},
		{"ReadsAfterWrites", testReadsAfterWrites},
		{"Snapshot", testSnapshot},
		{"Concurrent", testConcurrent},
		{"AppendOnly", testAppendOnly},
		{"Migrations", testMigrations},
		{"Reopen", testReopen},
		{"Property", testProperty},
	}
	for _, tc := range suite {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.fn(t, open)
		})
	}
}

// database returns s as a Database, skipping t when it is not one.
func database(t *testing.T, s Store) Database {
	t.Helper()
	d, ok := s.(Database)
	if !ok {
		t.Skipf("%T does not implement storetest.Database", s)
	}
	return d
}

// opTimeout bounds each Update and View of the suite's helpers, so that a
// store that deadlocks fails its test instead of hanging the run.
const opTimeout = time.Minute

// update runs fn in an Update and fails t on error.
func update(t testing.TB, s Store, corpID string, fn func(tables.Tx) error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), opTimeout)
	defer cancel()
	if err := s.Update(ctx, corpID, fn); err != nil {
		t.Fatalf("Update(%q) = %v", corpID, err)
	}
}

// view runs fn in a View and fails t on error.
func view(t testing.TB, s Store, corpID string, fn func(tables.View) error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), opTimeout)
	defer cancel()
	if err := s.View(ctx, corpID, fn); err != nil {
		t.Fatalf("View(%q) = %v", corpID, err)
	}
}

// dump returns the rows of tb under prefix, in scan order, one line each.
func dump(r tables.Reader, tb *tables.Table, prefix []any) ([]string, error) {
	var out []string
	err := r.Scan(tb, prefix, func(row tables.Row) error {
		out = append(out, tables.FormatRow(tb, row))
		return nil
	})
	return out, err
}

// records reads the journal of a view from seq from, copying each record.
func records(v tables.View, from uint64) ([]journal.Record, error) {
	var out []journal.Record
	err := v.Journal(from, func(r *journal.Record) error {
		c := *r
		c.Encoding = bytes.Clone(r.Encoding)
		out = append(out, c)
		return nil
	})
	return out, err
}

// readJournal returns the whole journal of corpID.
func readJournal(t testing.TB, s Store, corpID string) []journal.Record {
	t.Helper()
	var out []journal.Record
	view(t, s, corpID, func(v tables.View) (err error) {
		out, err = records(v, 1)
		return err
	})
	return out
}

// head returns the head of corpID's journal.
func head(t testing.TB, s Store, corpID string) tables.Head {
	t.Helper()
	var h tables.Head
	view(t, s, corpID, func(v tables.View) (err error) {
		h, err = v.Head()
		return err
	})
	return h
}

// recordedAt is the fixed clock of the suite's entries.
var recordedAt = time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC)

// newEntry returns entry seq of corpID, effective on eff. Its fields hold
// a NUL byte and non-ASCII text, so that the encoding exercises the blob
// column.
func newEntry(corpID string, seq uint64, eff string) *journal.Entry {
	return &journal.Entry{
		Corp:       corpID,
		Seq:        seq,
		Kind:       "storetest.entry",
		Effective:  eff,
		RecordedAt: recordedAt.Add(time.Duration(seq) * time.Minute),
		Actor:      journal.Actor{Person: "p-secretary", Capacity: "secretary"},
		Fields: journal.MapValue(
			[]string{"seq", "note"},
			[]journal.Value{journal.IntValue(int64(seq)), journal.StringValue(fmt.Sprintf("entry %d: Zoë\x00 ✓", seq))},
		),
		Checks: []journal.Check{{Rule: "storetest", Citation: "none", Outcome: journal.Held, Message: "ok"}},
	}
}

// chain returns records from+1 ... from+len(effs) of corpID linked to
// prev, effective on effs in turn.
func chain(corpID string, prev journal.Hash, from uint64, effs ...string) []journal.Record {
	out := make([]journal.Record, len(effs))
	for i, eff := range effs {
		out[i] = journal.NewRecord(prev, newEntry(corpID, from+uint64(i)+1, eff))
		prev = out[i].Hash
	}
	return out
}

// appendAll appends recs in one Update.
func appendAll(t testing.TB, s Store, corpID string, recs []journal.Record) {
	t.Helper()
	update(t, s, corpID, func(tx tables.Tx) error {
		for i := range recs {
			if err := tx.Append(&recs[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// sameRecords reports how got differs from want, or "" when every record
// is byte-identical, column for column.
func sameRecords(got, want []journal.Record) string {
	if len(got) != len(want) {
		return fmt.Sprintf("got %d records, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := &got[i], &want[i]
		if !journal.SameBytes(g, w) || g.Corp != w.Corp || g.Kind != w.Kind || g.Effective != w.Effective {
			return fmt.Sprintf("record %d: got {%s %d %s %s %x %s}, want {%s %d %s %s %x %s}", i,
				g.Corp, g.Seq, g.Kind, g.Effective, g.Encoding, g.Hash, w.Corp, w.Seq, w.Kind, w.Effective, w.Encoding, w.Hash)
		}
	}
	return ""
}
