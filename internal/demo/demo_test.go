package demo_test

import (
	"context"
	"testing"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/demo"
	"minutebook/internal/postgres"
	"minutebook/internal/sqlite"
	"minutebook/internal/testdb"
)

var today = corp.MustDate(2026, 11, 25)

var clock = func() time.Time { return time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC) }

func sqliteService(t testing.TB) *acts.Service {
	t.Helper()
	st, err := sqlite.Open(context.Background(), testdb.SQLitePath(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &acts.Service{Store: st, Clock: clock}
}

func postgresService(t testing.TB) *acts.Service {
	t.Helper()
	st, err := postgres.Open(context.Background(), testdb.Postgres(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &acts.Service{Store: st, Clock: clock}
}

func TestRecordSQLite(t *testing.T) {
	t.Parallel()
	svc := sqliteService(t)
	began := time.Now()
	if err := demo.Record(context.Background(), svc, today); err != nil {
		t.Fatal(err)
	}
	t.Logf("recorded in %v", time.Since(began))
}
