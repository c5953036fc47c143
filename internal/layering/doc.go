// Package layering enforces the house rules of STYLE.md on imports (rules
// 1 to 5): it holds the one checking function that every deps_test.go
// calls, and the rules themselves, one per kind of package.
//
// A guarded package's deps_test.go is one call:
//
//	func TestImports(t *testing.T) {
//		t.Parallel()
//		layering.Check(t, ".", layering.Domain)
//	}
//
// Check asks the go command (`go list -deps -json`) for the package's
// imports, so that it sees exactly what the build sees: the non-test files
// of the package for the current platform, and the whole transitive
// closure. Rules about "only the standard library" and "never imports"
// hold transitively; a rule about who may import a package holds for every
// non-test package of the module. Test files are free to import what they
// need (the acts tests open a SQLite store, for example).
//
// It is imported only by tests. It imports only the standard library.
package layering
