package tables

import "minutebook/internal/journal"

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
}

// Tx is a write transaction on one corporation. Stores implement it.
type Tx interface {
	View
	Writer
	// Append adds a record to the journal. Its Seq must be the next
	// sequence number; the store enforces uniqueness of (corp, seq).
	Append(r *journal.Record) error
}
