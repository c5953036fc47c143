package acts_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"minutebook/internal/acts"
)

// TestDocs keeps docs/acts.md in step with the registered kinds: their
// summaries, who may perform them, their fields and their examples.
// Regenerate with: go test ./internal/acts -run Docs -update
func TestDocs(t *testing.T) {
	var b strings.Builder
	b.WriteString(docsHead)
	for _, k := range acts.Kinds() {
		fmt.Fprintf(&b, "\n## %s\n\n%s.\n\n%s\n\n", k.Name, capitalize(k.Summary), k.Doc)
		var who []string
		for _, c := range k.Actors {
			who = append(who, "`"+string(c)+"`")
		}
		fmt.Fprintf(&b, "Who may perform it (`actor.as`): %s. ", strings.Join(who, ", "))
		if k.NeedsBylaws {
			b.WriteString("It needs a bylaws version in force on its effective date.")
		}
		fmt.Fprintf(&b, "\n\n```yaml\n%s```\n", k.Example)
	}
	b.WriteString("\n## The act path's own rules\n\nBesides the rules of the bylaws, every act is checked against these (rule id, citation, what it protects):\n\n| Rule | Citation | Protects |\n|---|---|---|\n")
	er := acts.EngineRules()
	ids := make([]string, 0, len(er))
	for id := range er {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", id, er[id][0], er[id][1])
	}
	path := filepath.Join("..", "..", "docs", "acts.md")
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old, err := os.ReadFile(path)
	if err != nil || string(old) != b.String() {
		t.Errorf("docs/acts.md is stale: run go test ./internal/acts -run Docs -update")
	}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

const docsHead = `# Act files

Every change to a corporation is a **corporate act**: a kind, an effective date, an actor and
typed fields. ` + "`minutebook apply`" + ` reads acts from YAML or JSON files; the HTTP API and the web UI
(later) send the same acts through the same path. This page is generated from the code
(` + "`go test ./internal/acts -run Docs -update`" + `); the JSON Schema of act files is
[acts.schema.json](acts.schema.json).

## The file

A file holds a list of acts under ` + "`acts:`" + `, a bare list, or a single act:

` + "```yaml" + `
acts:
  - kind: person.add            # the act kind (below)
    corporation: quintus        # optional: defaults to --corp, or the store's only corporation
    effective: 2004-06-01       # the civil date it takes effect, in the corporation's time zone
    time: "10:00"               # optional: a time of day, where the act needs one
    actor: {person: susan, as: secretary}   # who acts, and in what capacity
    correction: false           # true to record an act dated before the newest act on the books
    fields: {id: uma, name: Uma Iyer, kind: natural_person}
` + "```" + `

Rules of the format:

- Dates are written ` + "`YYYY-MM-DD`" + ` and must exist (2005-02-29 is refused).
- Quantities (shares, votes, money) are exact decimals written as strings (` + "`\"1000000\"`" + `,
  ` + "`\"0.001\"`" + `); whole numbers may be written as integers, but a fraction written as a bare number is
  refused, so no quantity ever passes through floating point.
- Unknown fields, wrong types, duplicate keys and missing required fields are errors naming the
  file, line, column and field. When any act in any file is invalid, nothing is applied (exit 2).

## How an act runs

1. It is decoded and validated (invalid → exit 2, nothing written).
2. It is checked against the bylaws version in force on its effective date, the charter facts in
   force then, the DGCL overlays of rules.md, and the act path's own rules (below).
3. If any check fails it is **refused** (exit 1) with every failed check, its rule id, citation and
   numbers. Otherwise it is **recorded**: its effects and its journal entry are written in one
   transaction. Warnings (ambiguity defaults, statute overlays) are recorded with it.

Without ` + "`--atomic`" + ` each act is its own durable transaction and the first refusal stops the rest
(they are reported ` + "`skipped`" + `). With ` + "`--atomic`" + ` all the acts commit together or none does (the
ones that passed are reported ` + "`rolled_back`" + `). ` + "`--dry-run`" + ` performs every check and writes nothing
(passing acts are reported ` + "`checked`" + `). ` + "`--json`" + ` prints one result per act: status, journal sequence
number and hash, the bylaws version checked against, and every check.

An act dated before the newest act already on the books is refused unless it says
` + "`correction: true`" + `; a correction is recorded with a warning, so that a list for a past date never
changes silently.

# Act kinds
`

// TestEngineRulesCited: every MB.* rule id the act path uses has a citation
// and a summary in the engine's catalogue (so no check cites a bare id).
func TestEngineRulesCited(t *testing.T) {
	er := acts.EngineRules()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`"(MB\.[a-z_.]+)"`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			if _, ok := er[m[1]]; !ok {
				t.Errorf("%s uses rule %s, which the engine's catalogue (env.go) lacks", f, m[1])
			}
		}
	}
}
