package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"minutebook/internal/sqlite"
	"minutebook/internal/tables"
)

func TestScratchDeadlock(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.Update(ctx, "acme", func(tx tables.Tx) error {
		return tx.Put(tables.Persons, tables.Row{"p1", "n", "s", "k", "a", "e", int64(1)})
	})
	t.Log(err)
	err = s.Update(context.Background(), "acme", func(tx tables.Tx) error {
		return tx.Put(tables.Persons, tables.Row{"p1", "n", "s", "k", "a", "e", int64(1)})
	})
	t.Log(err)
}
