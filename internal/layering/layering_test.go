package layering

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// graph builds a synthetic import graph from lines "a -> b c". A path that
// starts with internal/ or cmd/ is in the module; a path whose first
// element has no dot is in the standard library; "C" is cgo's
// pseudo-package, which go list does not list.
func graph(lines ...string) Graph {
	g := Graph{}
	add := func(p string) *Package {
		if p == "C" {
			return nil
		}
		if g[p] == nil {
			first, _, _ := strings.Cut(p, "/")
			g[p] = &Package{ImportPath: p, Standard: !strings.Contains(first, ".") && first != module}
		}
		return g[p]
	}
	for _, l := range lines {
		from, to, _ := strings.Cut(l, "->")
		pkg := add(full(strings.TrimSpace(from)))
		for _, imp := range strings.Fields(to) {
			imp = full(imp)
			add(imp)
			pkg.Imports = append(pkg.Imports, imp)
		}
		slices.Sort(pkg.Imports)
	}
	return g
}

func full(p string) string {
	if strings.HasPrefix(p, "internal/") || strings.HasPrefix(p, "cmd/") {
		return module + "/" + p
	}
	return p
}

const (
	whyDomain      = "may import only the standard library (STYLE.md rule 1)"
	whyTally       = "may import only the standard library and corp (STYLE.md rule 1)"
	whyTables      = "may import only the standard library and journal (STYLE.md: imports point inward)"
	whyStore       = "never imports acts, another store or a transport (STYLE.md rule 2)"
	whyDatabase    = "may be imported only by cmd/minutebook and tests (STYLE.md rule 4: only cmd/minutebook chooses a database)"
	whyApp         = "never imports a store or a transport (STYLE.md rules 3 and 4: transports call acts, and only cmd/minutebook chooses a database)"
	whyRulebook    = "never imports acts, a store or a transport (STYLE.md: imports point inward; acts applies the rules)"
	whyTransport   = "never imports a store (STYLE.md rule 3: transports call acts and never touch a store)"
	whyTestOnly    = "may be imported only by tests"
	whyViews       = "never imports a store or a transport (STYLE.md rule 3: the transports share it; it calls acts)"
	whyConformance = "never imports acts or a store (it restates the Store contract and tests each store from outside)"
)

var rules = map[string]Rule{
	"Domain":      Domain,
	"Tally":       Tally,
	"Tables":      Tables,
	"SharedStore": SharedStore,
	"Store":       Store,
	"App":         App,
	"Rulebook":    Rulebook,
	"Transport":   Transport,
	"Views":       Views,
	"TestSupport": TestSupport,
	"Conformance": Conformance,
}

var violationCases = []struct {
	name  string
	rule  string
	self  string
	graph []string
	want  []string
}{
	// Rule 1: corp, journal and vote import only the standard library
	// (vote also corp, for civil dates).
	{
		name:  "vote on the standard library and corp",
		rule:  "Tally",
		self:  "internal/vote",
		graph: []string{"internal/vote -> crypto/sha256 internal/corp", "internal/corp -> fmt math/big"},
	},
	{
		name:  "vote imports the rulebook",
		rule:  "Tally",
		self:  "internal/vote",
		graph: []string{"internal/vote -> internal/corp internal/bylaws", "internal/bylaws -> internal/corp"},
		want:  []string{"internal/vote imports minutebook/internal/bylaws: vote " + whyTally},
	},
	{
		name:  "corp on the standard library",
		rule:  "Domain",
		self:  "internal/corp",
		graph: []string{"internal/corp -> errors fmt math/big", "fmt -> errors io", "math/big -> fmt"},
	},
	{
		name:  "corp imports a module package",
		rule:  "Domain",
		self:  "internal/corp",
		graph: []string{"internal/corp -> fmt internal/tables", "internal/tables -> fmt"},
		want:  []string{"internal/corp imports minutebook/internal/tables: corp " + whyDomain},
	},
	{
		name:  "journal imports a third-party module",
		rule:  "Domain",
		self:  "internal/journal",
		graph: []string{"internal/journal -> crypto/sha256 github.com/zeebo/blake3", "github.com/zeebo/blake3 -> hash"},
		want:  []string{"internal/journal imports github.com/zeebo/blake3: journal " + whyDomain},
	},
	{
		name:  "vote uses cgo",
		rule:  "Domain",
		self:  "internal/vote",
		graph: []string{"internal/vote -> C fmt"},
		want:  []string{"internal/vote imports C: vote " + whyDomain},
	},
	{
		name:  "each bad import reported once, in order",
		rule:  "Domain",
		self:  "internal/corp",
		graph: []string{"internal/corp -> internal/tables internal/journal", "internal/tables -> internal/journal"},
		want: []string{
			"internal/corp imports minutebook/internal/journal: corp " + whyDomain,
			"internal/corp imports minutebook/internal/tables: corp " + whyDomain,
		},
	},

	// tables: the standard library and journal, transitively.
	{
		name:  "tables on journal",
		rule:  "Tables",
		self:  "internal/tables",
		graph: []string{"internal/tables -> bytes internal/journal", "internal/journal -> crypto/sha256"},
	},
	{
		name:  "tables imports corp",
		rule:  "Tables",
		self:  "internal/tables",
		graph: []string{"internal/tables -> internal/corp internal/journal"},
		want:  []string{"internal/tables imports minutebook/internal/corp: tables " + whyTables},
	},
	{
		name:  "tables reaches a third-party module through journal",
		rule:  "Tables",
		self:  "internal/tables",
		graph: []string{"internal/tables -> internal/journal", "internal/journal -> github.com/zeebo/blake3"},
		want:  []string{"internal/tables imports github.com/zeebo/blake3 (via minutebook/internal/journal): tables " + whyTables},
	},

	// Rule 2: stores import neither acts, nor each other, nor a transport.
	{
		name: "sqlstore on the domain",
		rule: "SharedStore",
		self: "internal/sqlstore",
		graph: []string{
			"internal/sqlstore -> database/sql internal/corp internal/journal internal/tables",
			"internal/tables -> internal/journal",
		},
	},
	{
		name:  "sqlstore imports a store",
		rule:  "SharedStore",
		self:  "internal/sqlstore",
		graph: []string{"internal/sqlstore -> internal/sqlite internal/postgres"},
		want: []string{
			"internal/sqlstore imports minutebook/internal/postgres: sqlstore " + whyStore,
			"internal/sqlstore imports minutebook/internal/sqlite: sqlstore " + whyStore,
		},
	},
	{
		name:  "sqlstore imports acts and transports",
		rule:  "SharedStore",
		self:  "internal/sqlstore",
		graph: []string{"internal/sqlstore -> internal/acts internal/httpapi internal/web cmd/minutebook"},
		want: []string{
			"internal/sqlstore imports minutebook/cmd/minutebook: sqlstore " + whyStore,
			"internal/sqlstore imports minutebook/internal/acts: sqlstore " + whyStore,
			"internal/sqlstore imports minutebook/internal/httpapi: sqlstore " + whyStore,
			"internal/sqlstore imports minutebook/internal/web: sqlstore " + whyStore,
		},
	},
	{
		name: "sqlite on sqlstore, chosen by cmd",
		rule: "Store",
		self: "internal/sqlite",
		graph: []string{
			"internal/sqlite -> database/sql github.com/mattn/go-sqlite3 internal/sqlstore",
			"github.com/mattn/go-sqlite3 -> C database/sql",
			"internal/sqlstore -> internal/tables",
			"cmd/minutebook -> internal/acts internal/sqlite internal/postgres",
			"internal/acts -> internal/tables",
		},
	},
	{
		name:  "sqlite imports postgres",
		rule:  "Store",
		self:  "internal/sqlite",
		graph: []string{"internal/sqlite -> internal/postgres internal/sqlstore", "internal/postgres -> internal/sqlstore"},
		want:  []string{"internal/sqlite imports minutebook/internal/postgres: sqlite " + whyStore},
	},
	{
		name:  "postgres imports sqlite",
		rule:  "Store",
		self:  "internal/postgres",
		graph: []string{"internal/postgres -> internal/sqlite"},
		want:  []string{"internal/postgres imports minutebook/internal/sqlite: postgres " + whyStore},
	},
	{
		name:  "postgres reaches acts through sqlstore",
		rule:  "Store",
		self:  "internal/postgres",
		graph: []string{"internal/postgres -> internal/sqlstore", "internal/sqlstore -> internal/acts"},
		want:  []string{"internal/postgres imports minutebook/internal/acts (via minutebook/internal/sqlstore): postgres " + whyStore},
	},
	{
		name:  "sqlite imports a transport",
		rule:  "Store",
		self:  "internal/sqlite",
		graph: []string{"internal/sqlite -> internal/httpapi cmd/minutebook/cli"},
		want: []string{
			"internal/sqlite imports minutebook/cmd/minutebook/cli: sqlite " + whyStore,
			"internal/sqlite imports minutebook/internal/httpapi: sqlite " + whyStore,
		},
	},

	// Rule 4: only cmd/minutebook chooses a database.
	{
		name: "acts and web import stores",
		rule: "Store",
		self: "internal/sqlite",
		graph: []string{
			"internal/sqlite -> internal/sqlstore",
			"internal/acts -> internal/sqlite",
			"internal/web -> internal/sqlite",
			"cmd/minutebook -> internal/sqlite",
		},
		want: []string{
			"internal/acts imports minutebook/internal/sqlite: sqlite " + whyDatabase,
			"internal/web imports minutebook/internal/sqlite: sqlite " + whyDatabase,
		},
	},
	{
		name:  "another command imports postgres",
		rule:  "Store",
		self:  "internal/postgres",
		graph: []string{"cmd/migrate -> internal/postgres"},
		want:  []string{"cmd/migrate imports minutebook/internal/postgres: postgres " + whyDatabase},
	},

	// Rules 3 and 4, from the side of acts.
	{
		name: "acts on the domain and the rulebook",
		rule: "App",
		self: "internal/acts",
		graph: []string{
			"internal/acts -> go.yaml.in/yaml/v3 internal/bylaws internal/corp internal/journal internal/strict internal/tables",
			"internal/bylaws -> internal/corp internal/strict",
		},
	},
	{
		name:  "acts imports stores",
		rule:  "App",
		self:  "internal/acts",
		graph: []string{"internal/acts -> internal/sqlite internal/sqlstore internal/postgres"},
		want: []string{
			"internal/acts imports minutebook/internal/postgres: acts " + whyApp,
			"internal/acts imports minutebook/internal/sqlite: acts " + whyApp,
			"internal/acts imports minutebook/internal/sqlstore: acts " + whyApp,
		},
	},
	{
		name:  "acts imports transports",
		rule:  "App",
		self:  "internal/acts",
		graph: []string{"internal/acts -> internal/web cmd/minutebook"},
		want: []string{
			"internal/acts imports minutebook/cmd/minutebook: acts " + whyApp,
			"internal/acts imports minutebook/internal/web: acts " + whyApp,
		},
	},
	{
		name:  "acts reaches a store through bylaws",
		rule:  "App",
		self:  "internal/acts",
		graph: []string{"internal/acts -> internal/bylaws", "internal/bylaws -> internal/strict", "internal/strict -> internal/postgres"},
		want:  []string{"internal/acts imports minutebook/internal/postgres (via minutebook/internal/bylaws, minutebook/internal/strict): acts " + whyApp},
	},

	// bylaws sits inside acts.
	{
		name:  "bylaws on corp and strict",
		rule:  "Rulebook",
		self:  "internal/bylaws",
		graph: []string{"internal/bylaws -> go.yaml.in/yaml/v3 internal/corp internal/strict", "internal/strict -> go.yaml.in/yaml/v3"},
	},
	{
		name:  "bylaws imports acts, a store and a transport",
		rule:  "Rulebook",
		self:  "internal/bylaws",
		graph: []string{"internal/bylaws -> internal/acts internal/sqlstore internal/httpapi"},
		want: []string{
			"internal/bylaws imports minutebook/internal/acts: bylaws " + whyRulebook,
			"internal/bylaws imports minutebook/internal/httpapi: bylaws " + whyRulebook,
			"internal/bylaws imports minutebook/internal/sqlstore: bylaws " + whyRulebook,
		},
	},

	// Rule 3: transports call acts and never touch a store.
	{
		name:  "httpapi on acts",
		rule:  "Transport",
		self:  "internal/httpapi",
		graph: []string{"internal/httpapi -> internal/acts net/http"},
	},
	{
		name:  "web imports a store",
		rule:  "Transport",
		self:  "internal/web",
		graph: []string{"internal/web -> internal/acts internal/sqlite", "internal/sqlite -> internal/sqlstore"},
		want:  []string{"internal/web imports minutebook/internal/sqlite: web " + whyTransport},
	},
	{
		name:  "httpapi reaches sqlstore",
		rule:  "Transport",
		self:  "internal/httpapi",
		graph: []string{"internal/httpapi -> internal/forms", "internal/forms -> internal/sqlstore"},
		want:  []string{"internal/httpapi imports minutebook/internal/sqlstore (via minutebook/internal/forms): httpapi " + whyTransport},
	},

	// The views the transports share: never a store, never a transport.
	{
		name:  "views on acts, forms and pdf",
		rule:  "Views",
		self:  "internal/views",
		graph: []string{"internal/views -> internal/acts internal/forms internal/pdf", "internal/httpapi -> internal/views"},
	},
	{
		name:  "views imports httpapi",
		rule:  "Views",
		self:  "internal/views",
		graph: []string{"internal/views -> internal/httpapi", "internal/httpapi -> internal/acts"},
		want:  []string{"internal/views imports minutebook/internal/httpapi: views " + whyViews},
	},

	// Test support.
	{
		name:  "testdb imported by tests only",
		rule:  "TestSupport",
		self:  "internal/testdb",
		graph: []string{"internal/testdb -> testing", "internal/acts -> internal/corp"},
	},
	{
		name:  "a store imports testdb",
		rule:  "TestSupport",
		self:  "internal/testdb",
		graph: []string{"internal/sqlite -> internal/testdb"},
		want:  []string{"internal/sqlite imports minutebook/internal/testdb: testdb " + whyTestOnly},
	},
	{
		name:  "storetest on tables",
		rule:  "Conformance",
		self:  "internal/storetest",
		graph: []string{"internal/storetest -> github.com/google/go-cmp/cmp internal/tables testing"},
	},
	{
		name: "storetest imports acts and a store, and cmd imports it",
		rule: "Conformance",
		self: "internal/storetest",
		graph: []string{
			"internal/storetest -> internal/acts internal/sqlite",
			"cmd/minutebook -> internal/storetest",
		},
		want: []string{
			"cmd/minutebook imports minutebook/internal/storetest: storetest " + whyTestOnly,
			"internal/storetest imports minutebook/internal/acts: storetest " + whyConformance,
			"internal/storetest imports minutebook/internal/sqlite: storetest " + whyConformance,
		},
	},
}

func TestViolations(t *testing.T) {
	t.Parallel()
	for _, tc := range violationCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rule, ok := rules[tc.rule]
			if !ok {
				t.Fatalf("no rule %q", tc.rule)
			}
			g := graph(tc.graph...)
			got := rule.Violations(full(tc.self), g)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s.Violations(%s) (-want +got):\n%s", tc.rule, tc.self, diff)
			}
		})
	}
}

// TestEveryClauseCanFail proves that the table above has, for every
// clause of every rule, a case that the clause fails and one that passes.
func TestEveryClauseCanFail(t *testing.T) {
	t.Parallel()
	for name, rule := range rules {
		passes := false
		for _, tc := range violationCases {
			if tc.rule == name && len(tc.want) == 0 {
				passes = true
			}
		}
		if !passes {
			t.Errorf("rule %s: no case that passes", name)
		}
		for _, c := range rule {
			fails := false
			for _, tc := range violationCases {
				for _, w := range tc.want {
					if tc.rule == name && strings.HasSuffix(w, " "+c.Why) {
						fails = true
					}
				}
			}
			if !fails {
				t.Errorf("rule %s: no case that fails its clause %q", name, c.Why)
			}
		}
	}
}

func TestMatchAny(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"minutebook/cmd/...", "minutebook/cmd", true},
		{"minutebook/cmd/...", "minutebook/cmd/minutebook", true},
		{"minutebook/cmd/...", "minutebook/cmd/minutebook/cli", true},
		{"minutebook/cmd/...", "minutebook/cmdline", false},
		{"minutebook/internal/web", "minutebook/internal/web", true},
		{"minutebook/internal/web", "minutebook/internal/webhook", false},
		{"minutebook/internal/web", "minutebook/internal/web/static", false},
	}
	for _, tt := range tests {
		if got := matchAny([]string{tt.pattern}, tt.path); got != tt.want {
			t.Errorf("matchAny(%q, %q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

// recorder is a testing.TB that keeps the errors Check reports.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper()           {}
func (r *recorder) Error(args ...any) { r.errs = append(r.errs, fmt.Sprint(args...)) }
func (r *recorder) Fatalf(format string, args ...any) {
	r.errs = append(r.errs, "fatal: "+fmt.Sprintf(format, args...))
}

// TestCheck runs Check, and so the go command, on a small module that
// breaks some rules in its non-test files and others only in test files.
func TestCheck(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	files := map[string]string{
		"go.mod":                        "module minutebook\n\ngo 1.26\n",
		"internal/journal/journal.go":   "package journal\n\nimport _ \"fmt\"\n",
		"internal/tables/tables.go":     "package tables\n\nimport _ \"minutebook/internal/journal\"\n",
		"internal/corp/corp.go":         "package corp\n\nimport _ \"minutebook/internal/tables\"\n",
		"internal/corp/corp_test.go":    "package corp\n\nimport _ \"minutebook/internal/acts\"\n",
		"internal/sqlstore/sqlstore.go": "package sqlstore\n\nimport _ \"database/sql\"\n",
		"internal/sqlite/sqlite.go":     "package sqlite\n\nimport _ \"minutebook/internal/sqlstore\"\n",
		"internal/acts/acts.go":         "package acts\n\nimport _ \"minutebook/internal/sqlite\"\n",
		"internal/acts/acts_test.go":    "package acts_test\n\nimport _ \"minutebook/internal/testdb\"\n",
		"internal/testdb/testdb.go":     "package testdb\n\nimport _ \"minutebook/internal/sqlite\"\n",
		"cmd/minutebook/main.go":        "package main\n\nimport (\n\t_ \"minutebook/internal/acts\"\n\t_ \"minutebook/internal/sqlite\"\n)\n\nfunc main() {}\n",
	}
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		dir  string
		rule Rule
		want []string
	}{
		{"internal/journal", Domain, nil},
		{"internal/tables", Tables, nil},
		{"internal/corp", Domain, []string{"internal/corp imports minutebook/internal/tables: corp " + whyDomain}},
		{"internal/sqlstore", SharedStore, nil},
		{"internal/sqlite", Store, []string{
			"internal/acts imports minutebook/internal/sqlite: sqlite " + whyDatabase,
			"internal/testdb imports minutebook/internal/sqlite: sqlite " + whyDatabase,
		}},
		// Not also sqlstore through sqlite: a bad import is reported once,
		// at the nearest point.
		{"internal/acts", App, []string{"internal/acts imports minutebook/internal/sqlite: acts " + whyApp}},
		{"internal/testdb", TestSupport, nil},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			t.Parallel()
			r := &recorder{TB: t}
			Check(r, filepath.Join(root, tt.dir), tt.rule)
			if diff := cmp.Diff(tt.want, r.errs); diff != "" {
				t.Errorf("Check(%s) errors (-want +got):\n%s", tt.dir, diff)
			}
		})
	}
}
