package acts_test

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/sqlite"
	"minutebook/internal/strict"
	"minutebook/internal/tables"
)

var update = flag.Bool("update", false, "rewrite docs/acts.schema.json")

var fixed = time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC)

func newService(t *testing.T) (*acts.Service, *sqlite.Store) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "mb.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &acts.Service{Store: st, Clock: func() time.Time { return fixed }}, st
}

func decode(t testing.TB, src string) []*acts.Act {
	t.Helper()
	list, err := acts.DecodeFile("test.yaml", []byte(src))
	if err != nil {
		t.Fatalf("DecodeFile: %v", err)
	}
	return list
}

const createQuintus = `
- kind: corporation.create
  effective: 1999-09-02
  actor: {as: secretary}
  fields:
    id: quintus
    legal_name: Quintus Corporation
    state: Delaware
    time_zone: America/Los_Angeles
    incorporation_date: 1995-03-14
    registered_office: {city: Dover, region: DE}
    principal_office: {city: Fremont, region: CA}
    charter:
      board_may_amend_bylaws: true
      classes: [{id: common, name: Common Stock, authorized: "100000000"}]
    bylaws: {default: true}
- kind: person.add
  effective: 1999-09-02
  actor: {as: secretary}
  fields: {id: susan, name: Susan Salvesen, kind: natural_person}
`

func apply(t *testing.T, svc *acts.Service, src string, opt acts.Options) []acts.Result {
	t.Helper()
	rs, err := svc.Apply(context.Background(), "quintus", decode(t, src), opt)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	return rs
}

func head(t *testing.T, st *sqlite.Store) tables.Head {
	t.Helper()
	var h tables.Head
	err := st.View(context.Background(), "quintus", func(v tables.View) error {
		var err error
		h, err = v.Head()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func statuses(rs []acts.Result) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = string(r.Status)
	}
	return strings.Join(s, ",")
}

func findCheck(rs []acts.Result, rule string) *journal.Check {
	for _, r := range rs {
		for i := range r.Checks {
			if r.Checks[i].Rule == rule {
				return &r.Checks[i]
			}
		}
	}
	return nil
}

// TestExamples: every kind's documented example decodes, validates against
// the published schema, and the schema file in docs/ is current.
func TestExamples(t *testing.T) {
	schema := acts.FileSchema()
	b, err := json.MarshalIndent(schema, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	path := filepath.Join("..", "..", "docs", "acts.schema.json")
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if old, err := os.ReadFile(path); err != nil || string(old) != string(b) {
		t.Errorf("docs/acts.schema.json is stale: run go test ./internal/acts -run Examples -update")
	}
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("acts.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("acts.schema.json")
	if err != nil {
		t.Fatalf("compiling the act schema: %v", err)
	}
	for _, k := range acts.Kinds() {
		t.Run(k.Name, func(t *testing.T) {
			list, err := acts.DecodeFile(k.Name+".yaml", []byte(k.Example))
			if err != nil {
				t.Fatalf("example does not decode: %v", err)
			}
			if len(list) != 1 || list[0].Kind != k {
				t.Fatalf("example holds %d acts, want one %s", len(list), k.Name)
			}
			node, err := strict.Parse("x", []byte(k.Example))
			if err != nil {
				t.Fatal(err)
			}
			var v any
			if err := node.Decode(&v); err != nil {
				t.Fatal(err)
			}
			js, _ := json.Marshal(normalize(v))
			inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(string(js)))
			if err := sch.Validate(inst); err != nil {
				t.Errorf("example does not validate against the schema: %v", err)
			}
		})
	}
}

// normalize turns YAML-decoded values into JSON-compatible ones (dates are
// decoded by yaml as time.Time; act files treat them as strings).
func normalize(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = normalize(x)
		}
	case []any:
		for i, x := range v {
			v[i] = normalize(x)
		}
	case time.Time:
		return v.Format("2006-01-02")
	}
	return v
}

func TestDecodeErrors(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"unknown kind", "kind: share.teleport\neffective: 2004-01-01\nactor: {as: secretary}\n",
			`test.yaml:1:7: kind: unknown act kind "share.teleport"`},
		{"missing effective", "kind: person.add\nactor: {as: secretary}\nfields: {id: a, name: A, kind: llc}\n",
			`test.yaml:1:1: effective: missing required field`},
		{"no such date", "kind: person.add\neffective: 2005-02-29\nactor: {as: secretary}\nfields: {id: a, name: A, kind: llc}\n",
			`test.yaml:2:12: effective: "2005-02-29": 2005-02-29 does not exist`},
		{"bad capacity", "kind: person.add\neffective: 2005-02-28\nactor: {as: king}\nfields: {id: a, name: A, kind: llc}\n",
			`test.yaml:3:13: actor.as: "king" is not a capacity`},
		{"bad person kind", "kind: person.add\neffective: 2005-02-28\nactor: {as: secretary}\nfields: {id: a, name: A, kind: robot}\n",
			`test.yaml:4:32: fields.kind: "robot" is not a kind of person`},
		{"bad id", "kind: person.add\neffective: 2005-02-28\nactor: {as: secretary}\nfields: {id: Alice!, name: A, kind: llc}\n",
			`fields.id: "Alice!" is not an identifier`},
		{"float quantity", "kind: charter.amend\neffective: 2005-02-28\nactor: {as: secretary}\nfields: {authority: x, charter: {classes: [{id: c, name: C, authorized: 1.5}]}}\n",
			`fields.charter.classes[0].authorized: write "1.5" as a decimal string in quotes`},
		{"bad time", "kind: person.add\neffective: 2005-02-28\ntime: \"25:00\"\nactor: {as: secretary}\nfields: {id: a, name: A, kind: llc}\n",
			`time: "25:00" is not a time of day`},
		{"empty", "", "the document is empty"},
		{"no acts", "acts: []\n", "the file holds no acts"},
		{"broken bylaws", "kind: bylaws.amend\neffective: 2005-02-28\nactor: {as: board}\nfields: {meeting: regular, resolution: r, bylaws: {text: \"format: nope\\n\"}}\n",
			`fields.bylaws.text`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := acts.DecodeFile("test.yaml", []byte(c.src))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("DecodeFile error = %v, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestApplyRecordsAndRefuses(t *testing.T) {
	t.Parallel()
	svc, st := newService(t)
	rs := apply(t, svc, createQuintus, acts.Options{})
	if got := statuses(rs); got != "recorded,recorded" {
		t.Fatalf("statuses = %s, want recorded,recorded", got)
	}
	if rs[0].Seq != 1 || rs[1].Seq != 2 || !strings.HasPrefix(rs[1].BylawsVersion, "1:") {
		t.Errorf("seq/bylaws = %d,%d,%q", rs[0].Seq, rs[1].Seq, rs[1].BylawsVersion)
	}
	before := head(t, st)

	// A duplicate person is refused, and nothing is written.
	rs = apply(t, svc, `{kind: person.add, effective: 2000-01-01, actor: {person: susan, as: secretary}, fields: {id: susan, name: S, kind: natural_person}}`, acts.Options{})
	if rs[0].Status != acts.Refused {
		t.Fatalf("status = %s, want refused", rs[0].Status)
	}
	c := findCheck(rs, "MB.person.unique")
	if c == nil || c.Outcome != journal.Failed {
		t.Fatalf("MB.person.unique check = %+v", c)
	}
	if after := head(t, st); after != before {
		t.Errorf("a refused act changed the journal head: %+v -> %+v", before, after)
	}

	// The actor's capacity is checked against the kind.
	rs = apply(t, svc, `{kind: person.add, effective: 2000-01-01, actor: {as: board}, fields: {id: zed, name: Z, kind: llc}}`, acts.Options{})
	if c := findCheck(rs, "MB.actor.capacity"); rs[0].Status != acts.Refused || c == nil {
		t.Errorf("board adding a person: %s %+v", rs[0].Status, c)
	}

	// An unknown acting person is refused.
	rs = apply(t, svc, `{kind: person.add, effective: 2000-01-01, actor: {person: nobody, as: secretary}, fields: {id: zed, name: Z, kind: llc}}`, acts.Options{})
	if c := findCheck(rs, "MB.actor.person"); rs[0].Status != acts.Refused || c == nil {
		t.Errorf("unknown actor: %s %+v", rs[0].Status, c)
	}
}

func TestBylawsInForceAndAmendment(t *testing.T) {
	t.Parallel()
	svc, _ := newService(t)
	apply(t, svc, createQuintus, acts.Options{})
	// Before 1999-09-02 no bylaws are in force: an act that needs them is refused.
	rs := apply(t, svc, `{kind: corporation.amend, effective: 1999-09-01, correction: true, actor: {as: board}, fields: {seal: s, resolution: r}}`, acts.Options{})
	c := findCheck(rs, "MB.bylaws.in_force")
	if rs[0].Status != acts.Refused || c == nil || !strings.Contains(c.Message, "the earliest takes effect 1999-09-02") {
		t.Fatalf("act before the bylaws: %s %+v", rs[0].Status, c)
	}
	// The board may amend: the charter confers the power.
	rs = apply(t, svc, `{kind: bylaws.amend, effective: 2003-01-15, actor: {as: board}, fields: {meeting: special, notice_included_amendment: false, resolution: r, bylaws: {default: true}}}`, acts.Options{})
	who, where := findCheck(rs, "IX.1.who"), findCheck(rs, "IX.1.where")
	if rs[0].Status != acts.Refused || who == nil || who.Outcome != journal.Held || where == nil || where.Outcome != journal.Failed {
		t.Fatalf("special meeting without notice of the amendment: %s who=%+v where=%+v", rs[0].Status, who, where)
	}
	if !strings.HasPrefix(where.Citation, "Art. IX §1") {
		t.Errorf("IX.1.where citation = %q", where.Citation)
	}
	rs = apply(t, svc, `{kind: bylaws.amend, effective: 2003-01-15, actor: {as: board}, fields: {meeting: special, notice_included_amendment: true, resolution: r, bylaws: {default: true}}}`, acts.Options{})
	if rs[0].Status != acts.Recorded {
		t.Fatalf("amendment: %s %+v", rs[0].Status, rs[0].Checks)
	}
	v, err := svc.BylawsOn(context.Background(), "quintus", mustDate(t, "2003-01-14"))
	if err != nil || v.Version.Number != 1 {
		t.Fatalf("version on 2003-01-14 = %+v, %v; want 1", v, err)
	}
	v, err = svc.BylawsOn(context.Background(), "quintus", mustDate(t, "2003-01-15"))
	if err != nil || v.Version.Number != 2 || v.Versions != 2 {
		t.Fatalf("version on 2003-01-15 = %+v, %v; want 2 of 2", v, err)
	}
	// Every later act names the version it was checked against.
	rs = apply(t, svc, `{kind: person.add, effective: 2003-02-01, actor: {person: susan, as: secretary}, fields: {id: zed, name: Z, kind: llc}}`, acts.Options{})
	if !strings.HasPrefix(rs[0].BylawsVersion, "2:") {
		t.Errorf("act after the amendment was checked against %q, want version 2", rs[0].BylawsVersion)
	}
}

func TestAtomicAndDryRun(t *testing.T) {
	t.Parallel()
	svc, st := newService(t)
	apply(t, svc, createQuintus, acts.Options{})
	batch := `
- {kind: person.add, effective: 2000-01-01, actor: {as: secretary}, fields: {id: a1, name: A One, kind: natural_person}}
- {kind: person.add, effective: 2000-01-02, actor: {as: secretary}, fields: {id: a1, name: A Again, kind: natural_person}}
- {kind: person.add, effective: 2000-01-03, actor: {as: secretary}, fields: {id: a3, name: A Three, kind: natural_person}}
`
	before := head(t, st)
	rs := apply(t, svc, batch, acts.Options{Atomic: true})
	if got := statuses(rs); got != "rolled_back,refused,skipped" {
		t.Errorf("atomic statuses = %s", got)
	}
	if head(t, st) != before {
		t.Error("an atomic batch with a refusal changed the journal")
	}
	rs = apply(t, svc, batch, acts.Options{DryRun: true})
	if got := statuses(rs); got != "checked,refused,skipped" {
		t.Errorf("dry-run statuses = %s", got)
	}
	if head(t, st) != before {
		t.Error("a dry run changed the journal")
	}
	rs = apply(t, svc, batch, acts.Options{})
	if got := statuses(rs); got != "recorded,refused,skipped" {
		t.Errorf("statuses = %s", got)
	}
	if h := head(t, st); h.Seq != before.Seq+1 || h.NewestEffective != "2000-01-01" {
		t.Errorf("head = %+v, want seq %d effective 2000-01-01", h, before.Seq+1)
	}
}

func TestVerifyAndReplay(t *testing.T) {
	t.Parallel()
	svc, st := newService(t)
	apply(t, svc, createQuintus, acts.Options{})
	apply(t, svc, `
- {kind: person.add, effective: 2000-01-01, actor: {as: secretary}, fields: {id: carol, name: Carol Chen, kind: natural_person}}
- {kind: person.add, effective: 2000-01-01, actor: {as: secretary}, fields: {id: dan, name: Dan Chen, kind: natural_person}}
- {kind: relationship.add, effective: 2000-01-02, actor: {as: secretary}, fields: {from: carol, kind: spouse, to: dan}}
- {kind: relationship.end, effective: 2003-01-02, actor: {as: secretary}, fields: {from: carol, kind: spouse, to: dan}}
- {kind: person.amend, effective: 2003-02-01, actor: {as: secretary}, fields: {id: carol, name: Carol Chen-Park}}
- {kind: charter.amend, effective: 2003-03-01, actor: {as: secretary}, fields: {authority: "Certificate of Amendment 2003-03-01", charter: {cumulative_voting: true}}}
- {kind: corporation.amend, effective: 2003-04-01, actor: {as: board}, fields: {registered_office: {city: Wilmington, region: DE}, resolution: r}}
`, acts.Options{})
	rep, err := svc.Verify(context.Background(), "quintus", acts.VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK || rep.Entries != 9 {
		t.Fatalf("Verify = %+v, want OK with 9 entries", rep)
	}
	ps, err := svc.Persons(context.Background(), "quintus")
	if err != nil {
		t.Fatal(err)
	}
	// Sort keys are SURNAME, GIVEN: Chen, Dan < Chen-Park, Carol < Salvesen, Susan.
	var names []string
	for _, p := range ps {
		names = append(names, p.SortKey)
	}
	if got := strings.Join(names, "|"); got != "CHEN, DAN|CHEN-PARK, CAROL|SALVESEN, SUSAN" {
		t.Errorf("persons in order = %s", got)
	}
	_, facts, err := svc.CorporationOn(context.Background(), "quintus", mustDate(t, "2003-02-28"))
	if err != nil || facts.CumulativeVoting {
		t.Errorf("charter on 2003-02-28: cumulative = %t, %v; want false", facts.CumulativeVoting, err)
	}
	_, facts, _ = svc.CorporationOn(context.Background(), "quintus", mustDate(t, "2003-03-01"))
	if !facts.CumulativeVoting {
		t.Error("charter on 2003-03-01: cumulative voting not in force")
	}
	// Tampering with a derived row is detected by the replay.
	if _, err := st.W.Exec(`UPDATE relationships SET until = '' WHERE from_person = 'carol'`); err != nil {
		t.Fatal(err)
	}
	rep, err = svc.Verify(context.Background(), "quintus", acts.VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK || len(rep.TableDiff) != 2 || !strings.Contains(rep.TableDiff[0], `until="2003-01-02"`) && !strings.Contains(rep.TableDiff[1], `until="2003-01-02"`) {
		t.Errorf("after tampering: OK=%t diff=%q", rep.OK, rep.TableDiff)
	}
}

func TestCorporationCreateChecks(t *testing.T) {
	t.Parallel()
	svc, _ := newService(t)
	bad := strings.Replace(createQuintus, "America/Los_Angeles", "Mars/Olympus_Mons", 1)
	rs := apply(t, svc, bad, acts.Options{Atomic: true})
	if c := findCheck(rs, "MB.time_zone"); c == nil || c.Outcome != journal.Failed {
		t.Errorf("unknown time zone: %+v", c)
	}
	apply(t, svc, createQuintus, acts.Options{})
	rs = apply(t, svc, createQuintus, acts.Options{})
	if c := findCheck(rs, "MB.corporation.unique"); rs[0].Status != acts.Refused || c == nil {
		t.Errorf("creating twice: %s %+v", rs[0].Status, c)
	}
	// Acts for a corporation that does not exist are refused.
	rs, err := svc.Apply(context.Background(), "nosuch", decode(t, `{kind: person.add, effective: 2000-01-01, actor: {as: secretary}, fields: {id: a, name: A, kind: llc}}`), acts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c := findCheck(rs, "MB.corporation.exists"); rs[0].Status != acts.Refused || c == nil {
		t.Errorf("act of an unrecorded corporation: %s %+v", rs[0].Status, c)
	}
}

func FuzzDecodeFile(f *testing.F) {
	f.Add([]byte(createQuintus))
	for _, k := range acts.Kinds() {
		f.Add([]byte(k.Example))
	}
	f.Add([]byte(`{"acts": [{"kind": "person.add", "effective": "2000-01-01", "actor": {"as": "secretary"}, "fields": {"id": "a", "name": "A", "kind": "llc"}}]}`))
	f.Add([]byte("- &a {kind: person.add}\n- *a\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		list, err := acts.DecodeFile("fuzz.yaml", b)
		if err != nil {
			if _, ok := err.(strict.Errors); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		if len(list) == 0 {
			t.Fatal("no acts and no error")
		}
		for _, a := range list {
			if a.Kind == nil || a.Effective.IsZero() {
				t.Fatalf("decoded act without kind or date: %+v", a)
			}
		}
	})
}

func mustDate(t *testing.T, s string) corp.Date {
	t.Helper()
	d, err := corp.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
