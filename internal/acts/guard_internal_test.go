package acts

import (
	"testing"

	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// memTx is a transaction over an in-memory table set, for the guard.
type memTx struct{ *tables.Memory }

func (memTx) Head() (tables.Head, error)                                  { return tables.Head{}, nil }
func (memTx) Journal(uint64, func(*journal.Record) error) error           { return nil }
func (memTx) JournalOf(string, uint64, func(*journal.Record) error) error { return nil }
func (memTx) Append(*journal.Record) error                                { return nil }

// TestCheckGuard: while an act's checks run, a write through the
// environment's rows is an error (a refused act must write nothing); once
// they hold, the act's effects are written.
func TestCheckGuard(t *testing.T) {
	t.Parallel()
	mem := tables.NewMemory()
	g := &checkGuard{Tx: memTx{mem}, checking: true}
	row := tables.Row{"alice", "Alice", "ALICE", "natural_person", "", "", int64(1)}
	if err := g.Put(tables.Persons, row); err == nil {
		t.Error("Put while checking: no error")
	}
	if err := g.Delete(tables.Persons, "alice"); err == nil {
		t.Error("Delete while checking: no error")
	}
	if err := g.Append(&journal.Record{}); err == nil {
		t.Error("Append while checking: no error")
	}
	if _, ok, _ := mem.Get(tables.Persons, "alice"); ok {
		t.Error("a write while checking reached the rows")
	}
	g.checking = false
	if err := g.Put(tables.Persons, row); err != nil {
		t.Fatalf("Put after the checks: %v", err)
	}
	if _, ok, _ := mem.Get(tables.Persons, "alice"); !ok {
		t.Error("Put after the checks did not write")
	}
}
