package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	_ "github.com/mattn/go-sqlite3" // the "sqlite3" driver, for a database with no store around it

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// openSQLite opens a SQLite file with a pool of at most conns connections.
func openSQLite(t *testing.T, path string, conns int) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL&_busy_timeout=10000&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(conns)
	t.Cleanup(func() { db.Close() })
	return db
}

// schema returns a migration creating the journal and the SQL table of
// every registered table, as the stores' migrations do.
func schema() string {
	var b strings.Builder
	b.WriteString("CREATE TABLE journal (corp TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, " +
		"effective TEXT NOT NULL, encoding BLOB NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (corp, seq));\n")
	for _, tb := range tables.All() {
		cols := []string{"corp TEXT NOT NULL"}
		key := []string{"corp"}
		for i, c := range tb.Columns {
			typ := map[tables.Type]string{tables.Int: "INTEGER", tables.Text: "TEXT", tables.Blob: "BLOB"}[c.Type]
			cols = append(cols, c.Name+" "+typ+" NOT NULL")
			if i < tb.Key {
				key = append(key, c.Name)
			}
		}
		fmt.Fprintf(&b, "CREATE TABLE %s (%s, PRIMARY KEY (%s));\n", tb.Name, strings.Join(cols, ", "), strings.Join(key, ", "))
	}
	return b.String()
}

func versions(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT version, name FROM schema_migrations ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v int
		var name string
		if err := rows.Scan(&v, &name); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%d %s", v, name))
	}
	return out
}

func TestMigrate(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	db := openSQLite(t, filepath.Join(t.TempDir(), "m.db"), 1)
	fsys := fstest.MapFS{
		"0001_a.sql": {Data: []byte("CREATE TABLE a (x INTEGER);")},
		"0002_b.sql": {Data: []byte("CREATE TABLE b (x INTEGER); INSERT INTO b VALUES (1);")},
	}
	if v, err := Version(ctx, db); err == nil {
		t.Errorf("Version of a database never migrated = %d, nil; want an error", v)
	}
	for range 2 { // the second run applies nothing
		if err := Migrate(ctx, db, fsys, ""); err != nil {
			t.Fatalf("Migrate = %v", err)
		}
		if v, err := Version(ctx, db); v != 2 || err != nil {
			t.Errorf("Version = %d, %v; want 2", v, err)
		}
	}
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM b`).Scan(&n); err != nil || n != 1 {
		t.Errorf("rows inserted by 0002 = %d, %v; want 1 (applied once)", n, err)
	}

	// A new migration is applied alone; numbers order them, not names.
	fsys["0010_c.sql"] = &fstest.MapFile{Data: []byte("CREATE TABLE c (x INTEGER);")}
	fsys["9_d.sql"] = &fstest.MapFile{Data: []byte("CREATE TABLE d (x INTEGER);")}
	if err := Migrate(ctx, db, fsys, ""); err != nil {
		t.Fatalf("Migrate = %v", err)
	}
	want := []string{"1 0001_a.sql", "2 0002_b.sql", "9 9_d.sql", "10 0010_c.sql"}
	if got := versions(t, db); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("schema_migrations = %q, want %q", got, want)
	}

	// A failing migration leaves nothing behind and the version unchanged.
	fsys["0011_bad.sql"] = &fstest.MapFile{Data: []byte("CREATE TABLE e (x INTEGER); INSERT INTO nowhere VALUES (1);")}
	err := Migrate(ctx, db, fsys, "")
	if err == nil || corp.KindOf(err) != corp.Storage || !strings.Contains(err.Error(), "0011_bad.sql") {
		t.Errorf("Migrate with a failing migration = %v, want a storage error naming it", err)
	}
	if v, _ := Version(ctx, db); v != 10 {
		t.Errorf("Version after a failed migration = %d, want 10", v)
	}
	if _, err := db.Exec(`SELECT * FROM e`); err == nil {
		t.Errorf("table e of the failed migration exists")
	}
	delete(fsys, "0011_bad.sql")

	for name, why := range map[string]string{
		"init.sql":   "name without a number",
		"0002_x.sql": "number already taken by 0002_b.sql",
		"02_dup.sql": "number already taken by 0002_b.sql",
	} {
		bad := fstest.MapFS{name: {Data: []byte("SELECT 1;")}}
		for k, v := range fsys {
			bad[k] = v
		}
		if err := Migrate(ctx, db, bad, ""); err == nil {
			t.Errorf("Migrate with %s (%s) = nil, want an error", name, why)
		}
	}
	if v, _ := Version(ctx, db); v != 10 {
		t.Errorf("Version after refused migration sets = %d, want 10", v)
	}
}

// TestOneConnection runs transactions on pools of a single connection (as
// the SQLite writer pool is). Preparing a statement on the pool from
// inside a transaction would wait for the connection that the
// transaction holds, forever.
func TestOneConnection(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "one.db")
	w, r := openSQLite(t, path, 1), openSQLite(t, path, 1)
	if err := Migrate(t.Context(), w, fstest.MapFS{"0001_schema.sql": {Data: []byte(schema())}}, ""); err != nil {
		t.Fatal(err)
	}
	db := New(w, r, Dialect{Name: "sqlite", Placeholder: func(int) string { return "?" }})
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	prev := journal.Genesis
	for i := range 3 { // the first round prepares on the transaction, later ones reuse the pool's statements
		rec := journal.NewRecord(prev, &journal.Entry{Corp: "acme", Seq: uint64(i + 1), Kind: "k", Effective: "2024-01-01"})
		prev = rec.Hash
		err := db.Update(ctx, "acme", func(tx tables.Tx) error {
			for j := range 3 { // one statement used several times in one transaction
				row := tables.Row{fmt.Sprintf("p%d-%d", i, j), "n", "s", "person", "", "", int64(i)}
				if err := tx.Put(tables.Persons, row); err != nil {
					return err
				}
			}
			if _, err := tx.Head(); err != nil {
				return err
			}
			return tx.Append(&rec)
		})
		if err != nil {
			t.Fatalf("round %d: Update = %v", i, err)
		}
		err = db.View(ctx, "acme", func(v tables.View) error {
			n := 0
			if err := v.Scan(tables.Persons, nil, func(tables.Row) error { n++; return nil }); err != nil {
				return err
			}
			if n != 3*(i+1) {
				t.Errorf("round %d: %d persons, want %d", i, n, 3*(i+1))
			}
			_, err := v.Head()
			return err
		})
		if err != nil {
			t.Fatalf("round %d: View = %v", i, err)
		}
	}
	db.mu.Lock()
	var onW, onR int
	for k := range db.stmts {
		switch k.pool {
		case w:
			onW++
		case r:
			onR++
		}
	}
	db.mu.Unlock()
	if onW == 0 || onR == 0 {
		t.Errorf("statements prepared on the pools after the transactions: writer %d, reader %d; want some on each", onW, onR)
	}
	if err := db.Close(); err != nil {
		t.Errorf("Close = %v", err)
	}
}
