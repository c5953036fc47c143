package storetest

import (
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// testAppendOnly pins that the database itself, not only the store's
// code, refuses to change or remove journal rows: raw UPDATE, DELETE and
// upsert through the store's own handle fail, as do the store's own
// dialect's statements, and the journal stays byte-identical.
func testAppendOnly(t *testing.T, open Opener) {
	d := database(t, open(t))
	const c = "acme"
	recs := chain(c, journal.Genesis, 0, "2024-01-01", "2024-01-02", "2024-01-03")
	appendAll(t, d, c, recs)
	others := chain("other", journal.Genesis, 0, "2024-01-01")
	appendAll(t, d, "other", others)

	where := fmt.Sprintf("corp = '%s'", c)
	stmts := []string{
		"UPDATE journal SET kind = 'forged' WHERE " + where + " AND seq = 2",
		"UPDATE journal SET encoding = hash WHERE " + where,
		"UPDATE journal SET seq = seq + 100 WHERE " + where,
		"UPDATE journal SET corp = 'forged' WHERE " + where + " AND seq = 3",
		"DELETE FROM journal WHERE " + where + " AND seq = 3",
		"DELETE FROM journal WHERE " + where,
		"DELETE FROM journal",
		"INSERT INTO journal (corp, seq, kind, effective, encoding, hash) " +
			"SELECT corp, seq, 'forged', effective, encoding, hash FROM journal WHERE " + where + " AND seq = 2 " +
			"ON CONFLICT (corp, seq) DO UPDATE SET kind = excluded.kind",
	}
	for _, q := range append(stmts, d.Tampering(c)...) {
		if _, err := d.SQLDB().ExecContext(t.Context(), q); err == nil {
			t.Errorf("the database accepted %s", q)
		}
	}
	got := readJournal(t, d, c)
	if diff := sameRecords(got, recs); diff != "" {
		t.Errorf("journal of %s after the refused statements: %s", c, diff)
	}
	if err := journal.Verify(c, got); err != nil {
		t.Errorf("journal.Verify = %v", err)
	}
	if diff := sameRecords(readJournal(t, d, "other"), others); diff != "" {
		t.Errorf("journal of other after the refused statements: %s", diff)
	}
}

// migration is one applied or embedded migration.
type migration struct {
	Version int
	Name    string
}

// embedded returns the store's migration files in order.
func embedded(t testing.TB, d Database) []migration {
	t.Helper()
	names, err := fs.Glob(d.Migrations(), "*.sql")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	var out []migration
	for _, name := range names {
		v, err := strconv.Atoi(strings.SplitN(name, "_", 2)[0])
		if err != nil {
			t.Fatalf("migration %s: name does not start with its number", name)
		}
		out = append(out, migration{v, name})
	}
	return out
}

// applied returns the rows of schema_migrations in order.
func applied(t testing.TB, d Database) []migration {
	t.Helper()
	rows, err := d.SQLDB().QueryContext(t.Context(), `SELECT version, name FROM schema_migrations ORDER BY version`)
	if err != nil {
		t.Fatalf("reading schema_migrations: %v", err)
	}
	defer rows.Close()
	var out []migration
	for rows.Next() {
		var m migration
		if err := rows.Scan(&m.Version, &m.Name); err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// testMigrations pins that a fresh store is migrated to head: the
// migrations are numbered 1 to n without a gap, and every one of them,
// and nothing else, is recorded as applied.
func testMigrations(t *testing.T, open Opener) {
	d := database(t, open(t))
	files := embedded(t, d)
	if len(files) == 0 {
		t.Fatal("the store embeds no migrations")
	}
	for i, m := range files {
		if m.Version != i+1 {
			t.Errorf("migration %s has number %d, want %d (numbers run 1 to n)", m.Name, m.Version, i+1)
		}
	}
	if diff := gocmp.Diff(files, applied(t, d)); diff != "" {
		t.Errorf("schema_migrations of a fresh store (-embedded +applied):\n%s", diff)
	}
	for _, tb := range tables.All() {
		var n int
		if err := d.SQLDB().QueryRowContext(t.Context(), `SELECT count(*) FROM `+tb.Name).Scan(&n); err != nil {
			t.Errorf("table %s (registered in package tables) has no SQL table: %v", tb.Name, err)
		}
	}
}

// testReopen pins that opening an existing store again migrates nothing
// and changes nothing, and that two stores on one database (as two
// processes would have) serialize their writers of a corporation too.
func testReopen(t *testing.T, open Opener) {
	d := database(t, open(t))
	const c = "acme"
	_, recs := seed(t, d, c)
	before, state := applied(t, d), readState(t, d, c)

	s2, err := d.Reopen(t.Context())
	if err != nil {
		t.Fatalf("Reopen = %v", err)
	}
	defer s2.Close()
	if diff := gocmp.Diff(before, applied(t, d)); diff != "" {
		t.Errorf("schema_migrations after Reopen (-before +after):\n%s", diff)
	}
	if diff := gocmp.Diff(state, readState(t, s2, c)); diff != "" {
		t.Errorf("state read by the reopened store (-first store +reopened):\n%s", diff)
	}

	// Both stores write the same corporation at once.
	var wg sync.WaitGroup
	for i := range 4 {
		s := Store(d)
		if i%2 == 1 {
			s = s2
		}
		wg.Go(func() {
			for range 5 {
				err := s.Update(t.Context(), c, func(tx tables.Tx) error {
					h, err := tx.Head()
					if err != nil {
						return err
					}
					rec := journal.NewRecord(h.Hash, newEntry(c, h.Seq+1, "2024-05-05"))
					return tx.Append(&rec)
				})
				if err != nil {
					t.Errorf("Update through store %d: %v", i%2+1, err)
					return
				}
			}
		})
	}
	wg.Wait()
	got := readJournal(t, d, c)
	if len(got) != len(recs)+20 {
		t.Errorf("journal has %d entries after 20 appends to %d, want %d", len(got), len(recs), len(recs)+20)
	}
	if err := journal.Verify(c, got); err != nil {
		t.Errorf("journal.Verify = %v", err)
	}
}
