package tables

import (
	"context"

	"minutebook/internal/journal"
)

// Head is the end of a corporation's journal.
type Head struct {
	Seq             uint64       // 0 when the journal is empty
	Hash            journal.Hash // journal.Genesis when empty
	NewestEffective string       // the latest effective date on the books, "" when empty
}

// View reads one corporation's derived tables and journal in one
// consistent snapshot. Stores implement it.
type View interface {
	Reader
	// Head returns the end of the journal.
	Head() (Head, error)
	// Journal calls fn for each record with Seq >= from, in sequence order.
	// fn must not retain the record's Encoding beyond the call. An error
	// returned by fn stops the scan and is returned as is.
	Journal(from uint64, fn func(*journal.Record) error) error
	// JournalOf calls fn for each record of kind with Seq >= from, in
	// sequence order, as Journal does; the stores find them by an index on
	// (corp, kind, seq), so that a reader of a few kinds (the recount of a
	// meeting's ballots) does not read the whole journal.
	JournalOf(kind string, from uint64, fn func(*journal.Record) error) error
}

// Tx is a write transaction on one corporation. Stores implement it.
type Tx interface {
	View
	Writer
	// Append adds a record to the journal. Its Seq must be the next
	// sequence number; the store enforces uniqueness of (corp, seq).
	Append(r *journal.Record) error
}

// Store is the contract every store meets (SQLite, PostgreSQL): dumb and
// total, it persists what it is given and holds no rules (STYLE.md rule 2).
// The act path uses it (acts.Store names it); the conformance suite in
// package storetest pins it.
type Store interface {
	// Update runs fn in one write transaction scoped to corp. It commits
	// when fn returns nil and rolls back otherwise, returning fn's error.
	// Writers to the same corporation are serialized; a commit is durable
	// when Update returns.
	Update(ctx context.Context, corp string, fn func(Tx) error) error
	// View runs fn in a read-only transaction scoped to corp, over a
	// consistent snapshot.
	View(ctx context.Context, corp string, fn func(View) error) error
	// Corporations lists the corporations that have at least one journal
	// entry, in ascending order.
	Corporations(ctx context.Context) ([]string, error)
	// Close releases the store.
	Close() error
}
