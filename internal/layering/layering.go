package layering

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// module is the module's path; rules name packages by full import path.
const module = "minutebook"

// Import paths that the rules name.
const (
	pathJournal  = module + "/internal/journal"
	pathCorp     = module + "/internal/corp"
	pathActs     = module + "/internal/acts"
	pathSQLStore = module + "/internal/sqlstore"
	pathSQLite   = module + "/internal/sqlite"
	pathPostgres = module + "/internal/postgres"
	pathHTTPAPI  = module + "/internal/httpapi"
	pathWeb      = module + "/internal/web"
	pathCmd      = module + "/cmd/..."
	pathRoot     = module + "/cmd/minutebook"
)

var (
	stores     = []string{pathSQLStore, pathSQLite, pathPostgres}
	transports = []string{pathHTTPAPI, pathWeb, pathCmd}
)

// The rules of the house, one per kind of package. Each deps_test.go
// passes one of them to Check.
var (
	// Domain is the rule of corp, journal and vote (STYLE.md rule 1).
	Domain = Rule{{
		Kind: Only,
		Why:  "may import only the standard library (STYLE.md rule 1)",
	}}

	// Tally is the rule of vote, the pure tally: the domain's rule, with
	// corp's civil dates and nothing else (STYLE.md rule 1).
	Tally = Rule{{
		Kind:  Only,
		Paths: []string{pathCorp},
		Why:   "may import only the standard library and corp (STYLE.md rule 1)",
	}}

	// Tables is the rule of tables, the derived state that both acts and
	// the stores share: it sits just outside journal.
	Tables = Rule{{
		Kind:  Only,
		Paths: []string{pathJournal},
		Why:   "may import only the standard library and journal (STYLE.md: imports point inward)",
	}}

	// SharedStore is the rule of sqlstore, the code that the SQLite and
	// PostgreSQL stores share (STYLE.md rule 2).
	SharedStore = Rule{storeNever}

	// Store is the rule of a database store, sqlite or postgres: rule 2,
	// and rule 4 seen from the store's side (no package but the
	// composition root imports it).
	Store = Rule{storeNever, {
		Kind:  ImportedOnlyBy,
		Paths: []string{pathRoot},
		Why:   "may be imported only by cmd/minutebook and tests (STYLE.md rule 4: only cmd/minutebook chooses a database)",
	}}

	// App is the rule of acts, the application layer (STYLE.md rules 3
	// and 4).
	App = Rule{{
		Kind:  Never,
		Paths: concat(stores, transports),
		Why:   "never imports a store or a transport (STYLE.md rules 3 and 4: transports call acts, and only cmd/minutebook chooses a database)",
	}}

	// Rulebook is the rule of bylaws: rules are read there and applied in
	// acts, which sits outside it.
	Rulebook = Rule{{
		Kind:  Never,
		Paths: concat([]string{pathActs}, stores, transports),
		Why:   "never imports acts, a store or a transport (STYLE.md: imports point inward; acts applies the rules)",
	}}

	// Transport is the rule of httpapi and web (STYLE.md rule 3).
	Transport = Rule{{
		Kind:  Never,
		Paths: stores,
		Why:   "never imports a store (STYLE.md rule 3: transports call acts and never touch a store)",
	}}

	// Views is the rule of views, the JSON views and documents that every
	// transport shares: it sits beside acts, so it imports no store and no
	// transport (the transports import it, never the reverse).
	Views = Rule{{
		Kind:  Never,
		Paths: concat(stores, transports),
		Why:   "never imports a store or a transport (STYLE.md rule 3: the transports share it; it calls acts)",
	}}

	// TestSupport is the rule of a package that only tests import, such
	// as testdb and layering.
	TestSupport = Rule{testOnly}

	// Conformance is the rule of storetest: only tests import it, and it
	// tests the stores from outside, restating the Store interface of acts
	// rather than importing it.
	Conformance = Rule{testOnly, {
		Kind:  Never,
		Paths: concat([]string{pathActs}, stores),
		Why:   "never imports acts or a store (it restates the Store contract and tests each store from outside)",
	}}
)

var (
	storeNever = Clause{
		Kind:  Never,
		Paths: concat([]string{pathActs, pathSQLite, pathPostgres}, transports),
		Why:   "never imports acts, another store or a transport (STYLE.md rule 2)",
	}
	testOnly = Clause{
		Kind: ImportedOnlyBy,
		Why:  "may be imported only by tests",
	}
)

func concat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// A Rule is what one kind of package may import and who may import it.
// A package keeps a rule when it keeps every clause.
type Rule []Clause

// A Clause is one constraint of a Rule.
type Clause struct {
	Kind Kind
	// Paths are full import paths; "p/..." stands for p and every package
	// below it.
	Paths []string
	// Why completes a sentence whose subject is the guarded package's
	// name: "may import only the standard library (STYLE.md rule 1)".
	Why string
}

// Kind is the kind of a Clause.
type Kind int

// The kinds of clause.
const (
	// Only: every package that the guarded package imports, directly or
	// not, is in the standard library or in Paths.
	Only Kind = iota + 1
	// Never: the guarded package imports none of Paths, directly or not.
	Never
	// ImportedOnlyBy: no non-test package of the module imports the
	// guarded package, except those in Paths.
	ImportedOnlyBy
)

// A Package is one node of the import graph, as `go list -json` gives it.
type Package struct {
	ImportPath string
	Dir        string
	Standard   bool
	Imports    []string // direct imports of the non-test files, sorted
}

// A Graph is an import graph, by import path.
type Graph map[string]*Package

// Check fails t with one error per import of the package in dir that
// breaks rule, each naming the importer, the import (and the packages it
// came through) and the rule: "internal/corp imports
// minutebook/internal/tables: corp may import only the standard library
// (STYLE.md rule 1)".
func Check(t testing.TB, dir string, rule Rule) {
	t.Helper()
	self, g, err := Load(dir, rule.needsModule())
	if err != nil {
		t.Fatalf("layering: %v", err)
	}
	for _, v := range rule.Violations(self, g) {
		t.Error(v)
	}
}

func (r Rule) needsModule() bool {
	for _, c := range r {
		if c.Kind == ImportedOnlyBy {
			return true
		}
	}
	return false
}

// Load asks the go command for the import graph of the package in dir: its
// transitive dependencies and, when withModule is set, every package of the
// module with theirs. It returns the package's import path and the graph.
func Load(dir string, withModule bool) (string, Graph, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", nil, err
	}
	abs = realPath(abs)
	args := []string{"list", "-e", "-deps", "-json=ImportPath,Dir,Standard,Imports", "."}
	if withModule {
		args = append(args, module+"/...")
	}
	cmd := exec.Command("go", args...)
	cmd.Dir = abs
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", nil, fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	g := Graph{}
	self := ""
	dec := json.NewDecoder(&stdout)
	for {
		var p Package
		err := dec.Decode(&p)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", nil, fmt.Errorf("go list output: %v", err)
		}
		g[p.ImportPath] = &p
		if !p.Standard && p.Dir != "" && realPath(p.Dir) == abs {
			self = p.ImportPath
		}
	}
	if self == "" {
		return "", nil, fmt.Errorf("go list found no package in %s", abs)
	}
	return self, g, nil
}

func realPath(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	return p
}

// Violations lists, in a stable order, how self breaks r in graph g. Each
// is a sentence: importer, import, and the clause's reason.
func (r Rule) Violations(self string, g Graph) []string {
	var out []string
	for _, c := range r {
		switch c.Kind {
		case Only:
			out = append(out, walk(self, g, c, func(p string) bool {
				return !standard(g, p) && !matchAny(c.Paths, p)
			})...)
		case Never:
			out = append(out, walk(self, g, c, func(p string) bool {
				return matchAny(c.Paths, p)
			})...)
		case ImportedOnlyBy:
			out = append(out, importers(self, g, c)...)
		default:
			out = append(out, fmt.Sprintf("layering: clause of unknown kind %d", c.Kind))
		}
	}
	return out
}

// walk visits the packages that self imports, directly or not, breadth
// first so that each bad import is reported through the shortest chain. It
// reports each package for which bad is true and does not look past it.
func walk(self string, g Graph, c Clause, bad func(string) bool) []string {
	parent := map[string]string{self: ""}
	queue := []string{self}
	var out []string
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		pkg := g[p]
		if pkg == nil || (pkg.Standard && p != self) {
			continue // the standard library imports only itself
		}
		for _, imp := range pkg.Imports {
			if _, seen := parent[imp]; seen {
				continue
			}
			parent[imp] = p
			if bad(imp) {
				out = append(out, fmt.Sprintf("%s imports %s%s: %s %s",
					short(self), imp, via(parent, self, imp), name(self), c.Why))
				continue
			}
			queue = append(queue, imp)
		}
	}
	slices.Sort(out)
	return out
}

// via describes the chain from self to imp: "" for a direct import,
// " (via a, b)" otherwise.
func via(parent map[string]string, self, imp string) string {
	var chain []string
	for p := parent[imp]; p != self; p = parent[p] {
		chain = append(chain, p)
	}
	if len(chain) == 0 {
		return ""
	}
	slices.Reverse(chain)
	return " (via " + strings.Join(chain, ", ") + ")"
}

// importers reports the module's packages, other than those the clause
// allows, that import self.
func importers(self string, g Graph, c Clause) []string {
	var out []string
	for p, pkg := range g {
		if p == self || pkg.Standard || !inModule(p) || matchAny(c.Paths, p) {
			continue
		}
		if slices.Contains(pkg.Imports, self) {
			out = append(out, fmt.Sprintf("%s imports %s: %s %s", short(p), self, name(self), c.Why))
		}
	}
	slices.Sort(out)
	return out
}

// standard reports whether p is in the standard library. A package that
// the graph lacks (the go command could not find it) is not; neither is
// the cgo pseudo-package "C".
func standard(g Graph, p string) bool {
	pkg := g[p]
	return pkg != nil && pkg.Standard
}

func inModule(p string) bool { return p == module || strings.HasPrefix(p, module+"/") }

func matchAny(patterns []string, p string) bool {
	for _, pat := range patterns {
		if base, ok := strings.CutSuffix(pat, "/..."); ok {
			if p == base || strings.HasPrefix(p, base+"/") {
				return true
			}
		} else if p == pat {
			return true
		}
	}
	return false
}

// short is an import path as the module's readers write it:
// "internal/corp" for "minutebook/internal/corp".
func short(p string) string {
	if s, ok := strings.CutPrefix(p, module+"/"); ok {
		return s
	}
	return p
}

// name is the last element of an import path: "corp", "minutebook".
func name(p string) string { return path.Base(p) }
