package testdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
)

// EnvPostgres names the environment variable that holds the DSN of a
// PostgreSQL server for tests, e.g.
// postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable. Its role
// must be allowed to create databases.
const EnvPostgres = "MINUTEBOOK_TEST_POSTGRES"

// SQLitePath returns the path of a SQLite database file that does not
// exist yet, in a directory removed when tb ends.
func SQLitePath(tb testing.TB) string {
	tb.Helper()
	return filepath.Join(tb.TempDir(), "minutebook.db")
}

// Postgres creates an empty database with a random name on the server
// named by $MINUTEBOOK_TEST_POSTGRES, drops it when tb ends, and returns
// its DSN. The server keeps state between runs, so no two tests share a
// database.
//
// When the variable is unset, Postgres skips tb; when $CI is "true" as
// well, it fails tb instead, so that CI cannot pass by skipping.
func Postgres(tb testing.TB) string {
	tb.Helper()
	admin := os.Getenv(EnvPostgres)
	if admin == "" {
		msg := "$" + EnvPostgres + " is not set: set it to the DSN of a PostgreSQL server " +
			"(e.g. postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable) to run the PostgreSQL tests"
		if os.Getenv("CI") == "true" {
			tb.Fatal(msg + " ($CI is true, so this is a failure, not a skip)")
		}
		tb.Skip(msg)
	}
	db, err := sql.Open("pgx", admin)
	if err != nil {
		tb.Fatalf("testdb: $%s: %v", EnvPostgres, err)
	}
	name := "minutebook_test_" + randomHex(8)
	if err := create(tb.Context(), db, name); err != nil {
		db.Close()
		tb.Fatalf("testdb: CREATE DATABASE %s: %v", name, err)
	}
	tb.Cleanup(func() {
		defer db.Close()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		// FORCE ends sessions a failed test left open.
		if _, err := db.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			tb.Errorf("testdb: DROP DATABASE %s: %v", name, err)
		}
	})
	dsn, err := withDatabase(admin, name)
	if err != nil {
		tb.Fatalf("testdb: $%s: %v", EnvPostgres, err)
	}
	return dsn
}

// create runs CREATE DATABASE, retrying while another session holds the
// template database (CREATE DATABASE copies it and needs it idle).
func create(ctx context.Context, db *sql.DB, name string) error {
	for try := 0; ; try++ {
		_, err := db.ExecContext(ctx, `CREATE DATABASE `+name)
		var pe *pgconn.PgError
		if err == nil || try == 20 || !errors.As(err, &pe) || pe.Code != "55006" { // object_in_use
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// withDatabase returns dsn with its database replaced by name. It accepts
// the URL form (postgres://...) and the keyword/value form (host=...).
func withDatabase(dsn, name string) (string, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return "", err
		}
		u.Path = "/" + name
		u.RawPath = ""
		return u.String(), nil
	}
	return dsn + " dbname=" + name, nil // a later keyword wins
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
