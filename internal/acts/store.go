package acts

import "minutebook/internal/tables"

// The store contract's types, named here for the act path's readers. The
// contract itself lives in package tables so that stores implement it
// without importing the act path (STYLE.md rule 2).
type (
	// Store is what the act path needs from a database.
	Store = tables.Store
	// Tx is a write transaction on one corporation.
	Tx = tables.Tx
	// View is a read-only snapshot of one corporation.
	View = tables.View
	// Head is the end of a corporation's journal.
	Head = tables.Head
)
