// Package sqlite is the embedded default store: one SQLite file in WAL
// mode with synchronous=FULL and foreign keys on, asserted at start.
//
// The driver is github.com/mattn/go-sqlite3 (cgo), chosen by measurement
// against modernc.org/sqlite and github.com/ncruces/go-sqlite3 on the same
// machine: it was fastest at bulk inserts, durable single-row commits and
// point reads (docs/storage.md has the figures and the command).
//
// It imports sqlstore, tables and journal; never acts or a transport.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"

	"github.com/mattn/go-sqlite3"

	"minutebook/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations returns the embedded, numbered migrations of this store.
func Migrations() fs.FS {
	sub, _ := fs.Sub(migrations, "migrations")
	return sub
}

// Store is the SQLite store.
type Store struct {
	*sqlstore.DB
	Path string
}

var dialect = sqlstore.Dialect{
	Name:        "sqlite",
	Placeholder: func(int) string { return "?" },
	Conflict: func(err error) bool {
		var se sqlite3.Error
		return errors.As(err, &se) && (se.Code == sqlite3.ErrConstraint || se.Code == sqlite3.ErrBusy)
	},
}

func dsn(path, txlock string) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "FULL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "10000")
	q.Set("_txlock", txlock)
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Open opens (creating if need be) the SQLite store at path, applies the
// migrations and asserts the pragmas.
func Open(ctx context.Context, path string) (*Store, error) {
	w, err := sql.Open("sqlite3", dsn(path, "immediate"))
	if err != nil {
		return nil, err
	}
	// One writer connection: SQLite allows one writer, and BEGIN IMMEDIATE
	// on a single connection never waits on itself.
	w.SetMaxOpenConns(1)
	r, err := sql.Open("sqlite3", dsn(path, "deferred"))
	if err != nil {
		w.Close()
		return nil, err
	}
	r.SetMaxOpenConns(4)
	s := &Store{DB: sqlstore.New(w, r, dialect), Path: path}
	if err := assertPragmas(ctx, w); err != nil {
		s.Close()
		return nil, err
	}
	if err := sqlstore.Migrate(ctx, w, Migrations(), ""); err != nil {
		s.Close()
		return nil, err
	}
	if err := assertPragmas(ctx, r); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// assertPragmas checks that the durability settings are in force, so a
// driver or DSN change cannot silently weaken them.
func assertPragmas(ctx context.Context, db *sql.DB) error {
	want := []struct {
		pragma string
		value  string
	}{
		{"journal_mode", "wal"},
		{"synchronous", "2"}, // FULL
		{"foreign_keys", "1"},
	}
	for _, p := range want {
		var got string
		if err := db.QueryRowContext(ctx, "PRAGMA "+p.pragma).Scan(&got); err != nil {
			return fmt.Errorf("sqlite: PRAGMA %s: %w", p.pragma, err)
		}
		if got != p.value {
			return fmt.Errorf("sqlite: PRAGMA %s is %q, want %q", p.pragma, got, p.value)
		}
	}
	return nil
}
