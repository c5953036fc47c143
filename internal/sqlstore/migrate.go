package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

// Migrate applies the numbered migrations in fsys ("0001_name.sql", ...)
// that db has not applied yet, each in its own transaction, in order. A
// migration is never edited once released; a change is a new number.
//
// lock, when set, is a statement that serializes migrators of one
// database for the rest of its transaction (PostgreSQL: an advisory
// lock). Every step, creating schema_migrations included, runs under it:
// PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe against a
// concurrent one, and two servers starting together on a new database
// would otherwise fail with a duplicate key in pg_type.
func Migrate(ctx context.Context, db *sql.DB, fsys fs.FS, lock string) error {
	if err := createVersions(ctx, db, lock); err != nil {
		return storageErr("migrate", err)
	}
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return err
	}
	// Apply in the order of the numbers, and refuse two files with one
	// number (two branches that each added the next migration): the
	// second would otherwise be skipped as already applied.
	versions := map[string]int{}
	byNumber := map[int]string{}
	for _, name := range names {
		v, err := strconv.Atoi(strings.SplitN(name, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with its number", name)
		}
		if other, dup := byNumber[v]; dup {
			return fmt.Errorf("migrations %s and %s have the same number %d; renumber one", other, name, v)
		}
		versions[name], byNumber[v] = v, name
	}
	sort.Slice(names, func(i, j int) bool { return versions[names[i]] < versions[names[j]] })
	for _, name := range names {
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		if err := migrateOne(ctx, db, versions[name], name, string(body), lock); err != nil {
			return storageErr("migrate "+name, err)
		}
	}
	return nil
}

func createVersions(ctx context.Context, db *sql.DB, lock string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if lock != "" {
		if _, err := tx.ExecContext(ctx, lock); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)`); err != nil {
		return err
	}
	return tx.Commit()
}

func migrateOne(ctx context.Context, db *sql.DB, v int, name, body, lock string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if lock != "" {
		if _, err := tx.ExecContext(ctx, lock); err != nil {
			return err
		}
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = `+strconv.Itoa(v)).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, body); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name) VALUES (`+strconv.Itoa(v)+`, '`+strings.ReplaceAll(name, "'", "''")+`')`); err != nil {
		return err
	}
	return tx.Commit()
}

// Version returns the highest applied migration.
func Version(ctx context.Context, db *sql.DB) (int, error) {
	var v sql.NullInt64
	err := db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v)
	return int(v.Int64), err
}
