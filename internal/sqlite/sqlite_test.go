package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"minutebook/internal/journal"
	"minutebook/internal/sqlite"
	"minutebook/internal/sqlstore"
	"minutebook/internal/storetest"
	"minutebook/internal/tables"
	"minutebook/internal/testdb"
)

// store adds to the SQLite store what the conformance suite needs to
// reach the database beneath it (storetest.Database).
type store struct{ *sqlite.Store }

func (s store) SQLDB() *sql.DB { return s.W }

func (store) Migrations() fs.FS { return sqlite.Migrations() }

func (s store) Reopen(ctx context.Context) (storetest.Store, error) {
	r, err := sqlite.Open(ctx, s.Path)
	if err != nil {
		return nil, err
	}
	return store{r}, nil
}

// Tampering returns SQLite's ways to rewrite a row without UPDATE or
// DELETE: REPLACE deletes the row it conflicts with, and fires no DELETE
// trigger while recursive_triggers is off.
func (store) Tampering(corp string) []string {
	forged := fmt.Sprintf("SELECT corp, seq, 'forged', effective, encoding, hash FROM journal WHERE corp = '%s' AND seq = 2", corp)
	return []string{
		"INSERT OR REPLACE INTO journal (corp, seq, kind, effective, encoding, hash) " + forged,
		"REPLACE INTO journal (corp, seq, kind, effective, encoding, hash) " + forged,
		"UPDATE OR REPLACE journal SET seq = 1 WHERE corp = '" + corp + "' AND seq = 2",
	}
}

// open opens a fresh store in tb's temporary directory.
func open(tb testing.TB) storetest.Store {
	tb.Helper()
	s, err := sqlite.Open(tb.Context(), testdb.SQLitePath(tb))
	if err != nil {
		tb.Fatalf("sqlite.Open = %v", err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close = %v", err)
		}
	})
	return store{s}
}

func TestConformance(t *testing.T) {
	t.Parallel()
	storetest.Run(t, open)
}

// TestPragmas checks the durability settings on every connection of both
// pools: WAL, synchronous=FULL, foreign keys on.
func TestPragmas(t *testing.T) {
	t.Parallel()
	s := open(t).(store)
	want := map[string]string{"journal_mode": "wal", "synchronous": "2", "foreign_keys": "1"}
	for name, db := range map[string]*sql.DB{"writer": s.W, "reader": s.R} {
		// Hold several connections at once so that the pool opens more
		// than one; the reader pool allows four.
		var conns []*sql.Conn
		for range 4 {
			if name == "writer" && len(conns) == 1 {
				break
			}
			c, err := db.Conn(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			conns = append(conns, c)
		}
		for i, c := range conns {
			for pragma, w := range want {
				var got string
				if err := c.QueryRowContext(t.Context(), "PRAGMA "+pragma).Scan(&got); err != nil {
					t.Fatalf("%s connection %d: PRAGMA %s: %v", name, i, pragma, err)
				}
				if got != w {
					t.Errorf("%s connection %d: PRAGMA %s = %q, want %q", name, i, pragma, got, w)
				}
			}
		}
		for _, c := range conns {
			c.Close()
		}
	}
}

// TestReopen checks that what one store committed is there, byte for
// byte, after it is closed and the file opened again, and that the store
// is one database file beside its WAL and shared-memory files.
func TestReopen(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	path := testdb.SQLitePath(t)
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	e := &journal.Entry{Corp: "acme", Seq: 1, Kind: "corporation.create", Effective: "2024-01-02"}
	rec := journal.NewRecord(journal.Genesis, e)
	row := tables.Row{"p1", "Zoë Ñandú", "ñandú, zoë", "person", "", "", int64(1)}
	err = s.Update(ctx, "acme", func(tx tables.Tx) error {
		if err := tx.Put(tables.Persons, row); err != nil {
			return err
		}
		return tx.Append(&rec)
	})
	if err != nil {
		t.Fatal(err)
	}
	files := func() []string {
		entries, err := os.ReadDir(filepath.Dir(path))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}
	base := filepath.Base(path)
	allowed := []string{base, base + "-shm", base + "-wal"}
	if got := files(); !slices.Contains(got, base) || len(got) > 3 || slices.ContainsFunc(got, func(n string) bool { return !slices.Contains(allowed, n) }) {
		t.Errorf("files of an open store = %q, want %s with at most its -wal and -shm", got, base)
	}
	v, err := sqlstore.Version(ctx, s.W)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got := files(); !slices.Contains(got, base) || slices.ContainsFunc(got, func(n string) bool { return !slices.Contains(allowed, n) }) {
		t.Errorf("files of a closed store = %q, want %s with at most its -wal and -shm", got, base)
	}

	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v2, err := sqlstore.Version(ctx, s.W); err != nil || v2 != v {
		t.Errorf("Version after reopening = %d, %v; want %d", v2, err, v)
	}
	err = s.View(ctx, "acme", func(v tables.View) error {
		got, ok, err := v.Get(tables.Persons, "p1")
		if err != nil || !ok || tables.FormatRow(tables.Persons, got) != tables.FormatRow(tables.Persons, row) {
			t.Errorf("Get(persons, p1) after reopening = %v, %v, %v; want %v", got, ok, err, row)
		}
		return v.Journal(1, func(r *journal.Record) error {
			if !journal.SameBytes(r, &rec) || r.Kind != rec.Kind || r.Effective != rec.Effective {
				t.Errorf("journal record after reopening differs from the one appended")
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestConcurrentOpen checks that several stores opening one new file at
// once (as processes starting together would) all migrate it safely.
func TestConcurrentOpen(t *testing.T) {
	t.Parallel()
	path := testdb.SQLitePath(t)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			s, err := sqlite.Open(t.Context(), path)
			if err != nil {
				t.Errorf("sqlite.Open = %v", err)
				return
			}
			defer s.Close()
			n, err := sqlstore.Version(t.Context(), s.W)
			if err != nil || n == 0 {
				t.Errorf("Version = %d, %v", n, err)
			}
		})
	}
	wg.Wait()
}
