// Package storetest is the conformance suite that every store must pass:
// one contract test (the Litestream pattern), run by the tests of
// internal/sqlite and internal/postgres against a fresh store per subtest.
// It pins what the act path relies on and what `journal verify` assumes:
// rows read back exactly as tables.Memory (the reference) holds them, in
// the same key order; corporations are isolated; the journal reads back
// byte for byte and the database itself refuses to rewrite it;
// transactions are atomic, isolated and serialized per corporation; a
// fresh store migrates to head.
//
// It also holds the raw benchmarks (BenchRaw) that bound what the act path
// can reach on each database.
//
// It is imported only by tests. It imports tables, journal and corp, the
// standard library, go-cmp and rapid; never acts (whose Store interface it
// restates) or a store.
package storetest
