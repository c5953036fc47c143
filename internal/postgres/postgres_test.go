package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"sync"
	"testing"

	"minutebook/internal/postgres"
	"minutebook/internal/sqlstore"
	"minutebook/internal/storetest"
	"minutebook/internal/testdb"
)

// store adds to the PostgreSQL store what the conformance suite needs to
// reach the database beneath it (storetest.Database).
type store struct {
	*postgres.Store
	dsn string
}

func (s store) SQLDB() *sql.DB { return s.W }

func (store) Migrations() fs.FS { return postgres.Migrations() }

func (s store) Reopen(ctx context.Context) (storetest.Store, error) {
	r, err := postgres.Open(ctx, s.dsn)
	if err != nil {
		return nil, err
	}
	return store{r, s.dsn}, nil
}

// Tampering returns PostgreSQL's other ways to remove or rewrite rows:
// TRUNCATE, which no row trigger sees, and MERGE.
func (store) Tampering(corp string) []string {
	match := fmt.Sprintf("MERGE INTO journal j USING (SELECT '%s' AS corp, 2 AS seq) s ON j.corp = s.corp AND j.seq = s.seq ", corp)
	return []string{
		"TRUNCATE journal",
		"TRUNCATE journal CASCADE",
		"TRUNCATE journal, persons",
		match + "WHEN MATCHED THEN UPDATE SET kind = 'forged'",
		match + "WHEN MATCHED THEN DELETE",
	}
}

// open opens a store on a fresh database of its own (see testdb.Postgres
// for when it skips).
func open(tb testing.TB) storetest.Store {
	tb.Helper()
	dsn := testdb.Postgres(tb)
	s, err := postgres.Open(tb.Context(), dsn)
	if err != nil {
		tb.Fatalf("postgres.Open = %v", err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close = %v", err)
		}
	})
	return store{s, dsn}
}

func TestConformance(t *testing.T) {
	t.Parallel()
	storetest.Run(t, open)
}

// TestConcurrentOpen checks that several stores opening one new database
// at once (as servers starting together would) all migrate it safely.
func TestConcurrentOpen(t *testing.T) {
	t.Parallel()
	dsn := testdb.Postgres(t)
	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() {
			s, err := postgres.Open(t.Context(), dsn)
			if err != nil {
				t.Errorf("postgres.Open = %v", err)
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
