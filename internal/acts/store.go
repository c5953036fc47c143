package acts

import (
	"context"

	"minutebook/internal/tables"
)

// Store is what the act path needs from a database. Stores are dumb and
// total: they persist what they are given and hold no rules (STYLE.md
// rule 2). The conformance suite in package storetest pins this contract.
type Store interface {
	// Update runs fn in one write transaction scoped to corp. It commits
	// when fn returns nil and rolls back otherwise, returning fn's error.
	// Writers to the same corporation are serialized; a commit is durable
	// when Update returns.
	Update(ctx context.Context, corp string, fn func(tables.Tx) error) error
	// View runs fn in a read-only transaction scoped to corp, over a
	// consistent snapshot.
	View(ctx context.Context, corp string, fn func(tables.View) error) error
	// Corporations lists the corporations that have at least one journal
	// entry, in ascending order.
	Corporations(ctx context.Context) ([]string, error)
	// Close releases the store.
	Close() error
}

// The store contract's types, named here for the act path's readers.
type (
	// Tx is a write transaction on one corporation.
	Tx = tables.Tx
	// View is a read-only snapshot of one corporation.
	View = tables.View
	// Head is the end of a corporation's journal.
	Head = tables.Head
)
