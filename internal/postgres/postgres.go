// Package postgres is the store for large deployments, on PostgreSQL
// through pgx (its database/sql driver). Writers of one corporation are
// serialized by a transaction-scoped advisory lock; text columns use the
// "C" collation so that orderings match the SQLite store byte for byte.
//
// It imports sqlstore, tables and journal; never acts or a transport.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	"minutebook/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations returns the embedded, numbered migrations of this store.
func Migrations() fs.FS {
	sub, _ := fs.Sub(migrations, "migrations")
	return sub
}

// Store is the PostgreSQL store.
type Store struct {
	*sqlstore.DB
}

var dialect = sqlstore.Dialect{
	Name:        "postgres",
	Placeholder: func(n int) string { return fmt.Sprintf("$%d", n) },
	LockCorp: func(ctx context.Context, tx *sql.Tx, corp string) error {
		_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 7242))`, corp)
		return err
	},
	Conflict: func(err error) bool {
		var pe *pgconn.PgError
		return errors.As(err, &pe) && (pe.Code == "23505" || pe.Code == "40001" || pe.Code == "40P01")
	},
}

// Open connects to the database at url (postgres://...), applies the
// migrations and returns the store.
func Open(ctx context.Context, url string) (*Store, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(16)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	s := &Store{DB: sqlstore.New(db, db, dialect)}
	// Serialize concurrent migrators of one database.
	if err := sqlstore.Migrate(ctx, db, Migrations(), `SELECT pg_advisory_xact_lock(7242)`); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}
