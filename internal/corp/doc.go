// Package corp is the domain of minutebook: corporations, people and their
// relationships, civil dates, exact decimals and error kinds.
//
// It imports only the standard library (STYLE.md rule 1). It holds no rules
// that depend on a bylaws version: those live in package bylaws and are
// applied by package acts.
package corp
