package main

import (
	"context"
	"testing"
	"time"

	"minutebook/internal/accounts"
	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/postgres"
	"minutebook/internal/sqlite"
	"minutebook/internal/testdb"
)

// TestConflictOverHTTP: two secretaries, each logged in, transfer the same
// position at the same moment through POST .../acts on a server on
// loopback. In every round exactly one is recorded (201) and the other is
// told of the conflict (409); nothing is lost: the journal verifies and
// holds exactly one transfer per round, and the two transferees together
// gained exactly the shares of the positions. On SQLite and PostgreSQL.
func TestConflictOverHTTP(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		open func(t *testing.T) acts.Store
	}{
		{"sqlite", func(t *testing.T) acts.Store {
			st, err := sqlite.Open(context.Background(), testdb.SQLitePath(t))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			return st
		}},
		{"postgres", func(t *testing.T) acts.Store {
			st, err := postgres.Open(context.Background(), testdb.Postgres(t))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			return st
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			conflicts(t, tc.open(t))
		})
	}
}

func conflicts(t *testing.T, st acts.Store) {
	ctx := context.Background()
	clk := func() time.Time { return time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC) }
	svc := &acts.Service{Store: st, Clock: clk}
	acc := &accounts.Service{Store: st, Clock: clk}
	const rounds = 20
	cfg := loadConfig{mode: "conflict", clients: 1, per: rounds}
	if err := setupLoad(ctx, svc, acc, cfg); err != nil {
		t.Fatal(err)
	}
	before, err := svc.Holdings(ctx, loadCorp, mustDay(t))
	if err != nil {
		t.Fatal(err)
	}
	ls, err := startLoadServer(svc, acc, clk)
	if err != nil {
		t.Fatal(err)
	}
	defer ls.srv.Close()
	var tokens []string
	for _, email := range loadSecretaries {
		tok, err := ls.login(ctx, email)
		if err != nil {
			t.Fatal(err)
		}
		tokens = append(tokens, tok)
	}
	won, lost, err := runConflicts(ctx, ls, tokens, rounds)
	if err != nil {
		t.Fatal(err)
	}
	if won != rounds || lost != rounds {
		t.Errorf("%d rounds: %d won, %d conflicts; want %d and %d", rounds, won, lost, rounds, rounds)
	}
	rep, err := svc.Verify(ctx, loadCorp, acts.VerifyOptions{})
	if err != nil || !rep.OK {
		t.Fatalf("Verify = %+v, %v", rep, err)
	}
	entries, _, err := svc.Entries(ctx, loadCorp, 1, rep.Entries)
	if err != nil {
		t.Fatal(err)
	}
	transfers := 0
	for _, e := range entries {
		if e.Kind == "stock.transfer" {
			transfers++
		}
	}
	if transfers != rounds {
		t.Errorf("%d transfers in the journal, want %d", transfers, rounds)
	}
	after, err := svc.Holdings(ctx, loadCorp, mustDay(t))
	if err != nil {
		t.Fatal(err)
	}
	shares := func(ct *acts.CapTable, h string) int64 {
		for _, x := range ct.Holdings {
			if x.Holder.ID == h {
				n, _ := x.Shares.Int64()
				return n
			}
		}
		return 0
	}
	gained := shares(after, holderID(1)) + shares(after, holderID(2)) - shares(before, holderID(1)) - shares(before, holderID(2))
	if lost := shares(before, holderID(0)) - shares(after, holderID(0)); gained != 100*rounds || lost != 100*rounds {
		t.Errorf("h000 gave %d shares, h001 and h002 gained %d; want %d each", lost, gained, 100*rounds)
	}
}

func mustDay(t *testing.T) corp.Date {
	t.Helper()
	d, err := corp.ParseDate(loadDay)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
