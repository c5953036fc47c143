// Package journal is the hash chain: the canonical, versioned binary
// encoding of an entry, the chaining of entries with SHA-256
// (hash = H(prev || encoding)), verification, and signed checkpoints.
//
// It does no I/O and imports only the standard library (STYLE.md rule 1).
// The encoding is written by hand with an explicit field order, and golden
// vectors in testdata pin it: a change that alters a single byte of an
// existing encoding fails the tests.
package journal
