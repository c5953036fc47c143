// Package testdb gives each test a database of its own: a SQLite file in
// the test's temporary directory, or a new PostgreSQL database on the
// server named by $MINUTEBOOK_TEST_POSTGRES, dropped when the test ends.
//
// Tests of any package may import it; nothing else does. It imports the
// pgx database/sql driver and the standard library.
package testdb
