// Package postgres is the store for large deployments, on PostgreSQL
// through pgx. Writers of one corporation are serialized by a
// transaction-scoped advisory lock; text columns use the "C" collation so
// that orderings match the SQLite store byte for byte.
//
// Round trips, not the server, bound a transaction on PostgreSQL, so a
// write transaction pipelines: BEGIN, the advisory lock and the journal
// head go out in one batch; writes are queued and go out with the next
// read that needs them, or with COMMIT, in one batch each (see txn).
// Views are REPEATABLE READ, READ ONLY transactions whose BEGIN goes out
// with their first read.
//
// The same connection pool also serves a database/sql handle (the
// embedded sqlstore.DB) for migrations and raw SQL.
//
// It imports sqlstore, tables, journal and corp; never acts or a
// transport.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"

	"minutebook/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations returns the embedded, numbered migrations of this store.
func Migrations() fs.FS {
	sub, _ := fs.Sub(migrations, "migrations")
	return sub
}

// Store is the PostgreSQL store. Its Update, View and Corporations run on
// pgx directly; the embedded sqlstore.DB is a database/sql handle on the
// same connections, for migrations and raw SQL.
type Store struct {
	*sqlstore.DB
	pool *pgxpool.Pool
}

// maxConns bounds the connections of one store.
const maxConns = 16

var dialect = sqlstore.Dialect{
	Name:        "postgres",
	Placeholder: func(n int) string { return fmt.Sprintf("$%d", n) },
	LockCorp: func(ctx context.Context, tx *sql.Tx, corp string) error {
		_, err := tx.ExecContext(ctx, lockSQL, corp)
		return err
	},
	Conflict: conflict,
}

// conflict reports whether err is a unique-key, serialization or deadlock
// failure.
func conflict(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "23505" || pe.Code == "40001" || pe.Code == "40P01")
}

// Open connects to the database at url (postgres://...), applies the
// migrations and returns the store.
func Open(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, err
	}
	cfg.MaxConns = maxConns
	// Plan each statement for its parameters: a generic plan made while a
	// table was empty (a fresh corporation, a long batch) would keep
	// scanning it whole long after it has grown.
	cfg.ConnConfig.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	db := stdlib.OpenDBFromPool(pool)
	s := &Store{DB: sqlstore.New(db, db, dialect), pool: pool}
	// Serialize concurrent migrators of one database.
	if err := sqlstore.Migrate(ctx, db, Migrations(), `SELECT pg_advisory_xact_lock(7242)`); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Close releases the store: the database/sql handle, then the pool.
func (s *Store) Close() error {
	err := s.DB.Close()
	s.pool.Close()
	return err
}

// Corporations implements acts.Store.
func (s *Store) Corporations(ctx context.Context) ([]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT DISTINCT corp FROM journal ORDER BY corp`)
	if err != nil {
		return nil, storageErr("corporations", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, storageErr("corporations", err)
		}
		out = append(out, c)
	}
	return out, storageErr("corporations", rows.Err())
}
