package bylaws

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"minutebook/internal/corp"
	"minutebook/internal/strict"
)

func readMinimal(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestParseMinimal(t *testing.T) {
	t.Parallel()
	rb, err := Parse("minimal.yaml", []byte(readMinimal(t)))
	if err != nil {
		t.Fatalf("Parse(minimal.yaml) = %v", err)
	}
	if got, want := len(rb.Rules()), len(MandatoryRules())+1; got != want {
		t.Errorf("len(Rules()) = %d, want %d", got, want)
	}
	if rb.Rule("VIII.1.b.option") != nil {
		t.Errorf("Rule(VIII.1.b.option) = non-nil, want nil: the file has no such rule")
	}
	if got := rb.Effective; got != corp.MustDate(2020, 1, 15) {
		t.Errorf("Effective = %s, want the adoption date 2020-01-15", got)
	}
	if got := rb.Choice("A-DAYS"); got != "calendar" {
		t.Errorf("Choice(A-DAYS) = %q, want the catalogue default calendar", got)
	}
	if a := rb.Ambiguity("A-DAYS"); a == nil || a.Stated {
		t.Errorf("Ambiguity(A-DAYS) = %+v, want an unstated default", a)
	}
	if a := rb.Ambiguity("A-STANDDAY"); a == nil || !a.Stated || a.Question == "" {
		t.Errorf("Ambiguity(A-STANDDAY) = %+v, want the stated reading", a)
	}
	if got := rb.Ambiguity("A-CALLDEADLINE").Int("flag_days"); got != 10 {
		t.Errorf("A-CALLDEADLINE flag_days = %d, want the default 10", got)
	}
	if rb.Ambiguity("A-NOPE") != nil {
		t.Errorf("Ambiguity(A-NOPE) = non-nil, want nil")
	}
	if got, _ := rb.Date("VIII.1.i.termination", "date"); got != corp.MustDate(2025, 5, 24) {
		t.Errorf("termination date = %s, want 2025-05-24", got)
	}
	if _, err := rb.Explain("VIII.1.b.option"); corp.KindOf(err) != corp.NotFound || !strings.Contains(err.Error(), "do not contain it") {
		t.Errorf("Explain(VIII.1.b.option) error = %v, want NotFound: the rule is known but absent", err)
	}
	e, err := rb.Explain("II.8.quorum")
	if err != nil || e.Passage != "" || e.Text != "" {
		t.Errorf("Explain(II.8.quorum) on a file without text = %+v, %v; want no passage", e, err)
	}
}

// TestParseErrors checks each kind of bad input against the exact position
// and field path in testdata/minimal.yaml.
func TestParseErrors(t *testing.T) {
	t.Parallel()
	base := readMinimal(t)
	type want struct {
		line, col int
		field     string
		problem   string // a fragment of the message
	}
	tests := []struct {
		name     string
		old, new string // one replacement in minimal.yaml; old "" appends new
		want     []want
	}{
		{"unknown top-level key", "", "colour: blue\n",
			[]want{{126, 1, "colour", "unknown field"}}},
		{"wrong format id", "format: minutebook.bylaws/v1", "format: minutebook.bylaws/v2",
			[]want{{4, 9, "format", `"minutebook.bylaws/v2" is not allowed (one of minutebook.bylaws/v1)`}}},
		{"unknown rule id", "  VIII.1.i.termination:", "  VIII.1.i.terminaton:",
			[]want{{115, 3, "rules.VIII.1.i.terminaton", "unknown rule id (did you mean VIII.1.i.termination?)"}}},
		{"duplicate rule id", "  VIII.1.i.termination:", "  II.2.plurality:",
			[]want{{115, 3, "rules.II.2.plurality", "appears twice"}}},
		{"unknown parameter", "      exactly_half_suffices: true\n", "      exactly_half_suffices: true\n      colour: red\n",
			[]want{{56, 7, "rules.II.8.quorum.params.colour", "unknown parameter (expected one of fraction, exactly_half_suffices, of, presence)"}}},
		{"fraction above 100%", `fraction: "50%"`, `fraction: "150%"`,
			[]want{{54, 17, "rules.II.8.quorum.params.fraction", `"150%" is out of range: a fraction must be from 0 to 1`}}},
		{"negative fraction", `fraction: "50%"`, `fraction: "-1/2"`,
			[]want{{54, 17, "rules.II.8.quorum.params.fraction", `"-1/2" is out of range`}}},
		{"float where a fraction is expected", `fraction: "50%"`, `fraction: 0.5`,
			[]want{{54, 17, "rules.II.8.quorum.params.fraction", `write 0.5 as a fraction in quotes, e.g. "50%" or "1/2"`}}},
		{"quorum below the statutory third", `fraction: "50%"`, `fraction: "25%"`,
			[]want{{54, 17, "rules.II.8.quorum.params.fraction", "25% is below 1/3: DGCL §216"}}},
		{"date that does not exist", "date: 2025-05-24", "date: 2005-02-29",
			[]want{{120, 13, "rules.VIII.1.i.termination.params.date", "2005-02-29 does not exist: 2005-02 has 28 days"}}},
		{"text where a number is expected", "      years: 3\n", "      years: \"3\"\n",
			[]want{{73, 14, "rules.II.10.proxy_duration.params.years", `expected a whole number of years from 1 to 100, found the text "3"`}}},
		{"number out of bounds", "      years: 3\n", "      years: 0\n",
			[]want{{73, 14, "rules.II.10.proxy_duration.params.years", "0 is out of range: expected a whole number of years from 1 to 100"}}},
		{"list where an option is expected", "      of: outstanding_entitled_to_vote", "      of: [outstanding_entitled_to_vote]",
			[]want{{56, 11, "rules.II.8.quorum.params.of", "expected one of outstanding_entitled_to_vote, "}}},
		{"option not offered in a list", "presence: [in_person, by_proxy]", "presence: [in_person, by_pigeon]",
			[]want{{57, 29, "rules.II.8.quorum.params.presence[1]", `"by_pigeon" is not allowed (one of in_person, by_proxy, remote_communication)`}}},
		{"missing required parameter", "      exactly_half_suffices: true\n", "",
			[]want{{53, 5, "rules.II.8.quorum.params.exactly_half_suffices", "missing required parameter (true or false: "}}},
		{"missing mandatory rule", "  II.9.vote_standard:\n    citation: {article: II, section: \"9\"}\n    kinds: [HARD]\n    summary: A majority of the shares present decides.\n    params: {fraction: \"1/2\", comparison: more_than, of: shares_present_entitled_to_vote}\n", "",
			[]want{{21, 1, "rules.II.9.vote_standard", "missing mandatory rule II.9.vote_standard"}}},
		{"empty window", "      max_days: 60", "      max_days: 5",
			[]want{{33, 17, "rules.II.3.annual_notice_window.params.max_days", "max_days (5) is less than min_days (10)"}}},
		{"unknown kind code", "    kinds: [HARD]\n    summary: Directors", "    kinds: [HARD, SOFT]\n    summary: Directors",
			[]want{{24, 19, "rules.II.2.plurality.kinds[1]", `"SOFT" is not allowed (one of HARD, WF, REC, ADV, CFG)`}}},
		{"article not a Roman numeral", `citation: {article: II, section: "2"}`, `citation: {article: "2", section: "2"}`,
			[]want{{23, 25, "rules.II.2.plurality.citation.article", `expected the article as a Roman numeral, e.g. II or VIII, found "2"`}}},
		{"unknown ambiguity code", "  A-STANDDAY:", "  A-STANDAY:",
			[]want{{123, 3, "ambiguities.A-STANDAY", "unknown ambiguity code (did you mean A-STANDDAY?)"}}},
		{"ambiguity option not offered", "    choice: day0", "    choice: day2",
			[]want{{125, 13, "ambiguities.A-STANDDAY.choice", `"day2" is not an option of A-STANDDAY (one of day0, day1)`}}},
		{"convention value not offered", "days_before: {value: calendar}", "days_before: {value: weekdays}",
			[]want{{10, 24, "conventions.days_before.value", `"weekdays" is not a reading of days_before (one of calendar, clear)`}}},
		{"convention contradicts an unstated ambiguity default", "days_before: {value: calendar}", "days_before: {value: clear}",
			[]want{{10, 24, "conventions.days_before.value", "ambiguities.A-DAYS.choice is calendar (the default, not stated); both answer how days before a meeting are counted"}}},
		{"parameter contradicts an ambiguity", "exactly_half_suffices: true", "exactly_half_suffices: false",
			[]want{{55, 30, "rules.II.8.quorum.params.exactly_half_suffices", "both answer whether exactly 50% is a quorum (A-50)"}}},
		{"null where a value is required", "format: minutebook.bylaws/v1", "format: ~",
			[]want{{4, 9, "format", "a value is required here, found nothing (null)"}}},
		{"empty summary", "    summary: Directors are elected by a plurality vote.", `    summary: ""`,
			[]want{{25, 14, "rules.II.2.plurality.summary", "a value is required here, found empty text"}}},
		{"effective before adopted", "adopted_by: board\n", "adopted_by: board\neffective: 2019-12-31\n",
			[]want{{9, 12, "effective", "cannot take effect (2019-12-31) before they are adopted (2020-01-15)"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := base + tt.new
			if tt.old != "" {
				if strings.Count(base, tt.old) != 1 {
					t.Fatalf("fixture: %q occurs %d times in minimal.yaml, want once", tt.old, strings.Count(base, tt.old))
				}
				src = strings.Replace(base, tt.old, tt.new, 1)
			}
			_, err := Parse("minimal.yaml", []byte(src))
			var es strict.Errors
			if !errors.As(err, &es) {
				t.Fatalf("Parse = %v, want strict.Errors", err)
			}
			if len(es) != len(tt.want) {
				t.Fatalf("Parse gave %d problems, want %d:\n%v", len(es), len(tt.want), err)
			}
			for i, w := range tt.want {
				e := es[i]
				if e.File != "minimal.yaml" || e.Line != w.line || e.Column != w.col || e.Field != w.field {
					t.Errorf("problem %d at %s:%d:%d %s, want minimal.yaml:%d:%d %s\n(%s)", i, e.File, e.Line, e.Column, e.Field, w.line, w.col, w.field, e)
				}
				if !strings.Contains(e.Problem, w.problem) {
					t.Errorf("problem %d = %q, want it to contain %q", i, e.Problem, w.problem)
				}
			}
		})
	}
}

func TestParseNotADocument(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string
	}{
		{"empty", "", "the document is empty"},
		{"null", "~\n", "the document is empty"},
		{"anchored null", "&00", "the document is empty"},
		{"not YAML", "rules: [\n", "not valid YAML or JSON"},
		{"a list", "- a\n- b\n", "expected a mapping"},
		{"rules not a mapping", "rules: [a]\n", "rules: expected a mapping of rule ids, found a list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Parse("x.yaml", []byte(tt.src))
			var es strict.Errors
			if !errors.As(err, &es) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse(%q) = %v, want strict.Errors containing %q", tt.src, err, tt.want)
			}
		})
	}
}

// TestParseJSON checks that a bylaws file written as JSON parses to the same
// rulebook, and that JSON problems carry JSON positions.
func TestParseJSON(t *testing.T) {
	t.Parallel()
	// Quote the dates, so that yaml.Unmarshal keeps them as text.
	src := strings.NewReplacer("adopted: 2020-01-15", `adopted: "2020-01-15"`, "date: 2025-05-24", `date: "2025-05-24"`).Replace(readMinimal(t))
	var v any
	if err := yaml.Unmarshal([]byte(src), &v); err != nil {
		t.Fatal(err)
	}
	js, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	rb, err := Parse("minimal.json", js)
	if err != nil {
		t.Fatalf("Parse(minimal.json) = %v", err)
	}
	ry, _ := Parse("minimal.yaml", []byte(readMinimal(t)))
	for _, r := range ry.Rules() {
		got := rb.Rule(r.ID)
		if got == nil {
			t.Errorf("JSON rulebook lacks %s", r.ID)
			continue
		}
		// JSON objects come back with sorted keys; compare by name.
		values := func(ps []Param) map[string]string {
			m := map[string]string{}
			for _, p := range ps {
				m[p.Name] = string(p.Type) + " " + FormatValue(p.Value)
			}
			return m
		}
		if diff := cmp.Diff(values(r.Params), values(got.Params)); diff != "" {
			t.Errorf("%s params differ between YAML and JSON (-yaml +json):\n%s", r.ID, diff)
		}
	}

	bad := strings.Replace(string(js), `"fraction": "50%"`, `"fraction": 0.5`, 1)
	_, err = Parse("minimal.json", []byte(bad))
	var es strict.Errors
	if !errors.As(err, &es) || len(es) != 1 {
		t.Fatalf("Parse(bad JSON) = %v, want one problem", err)
	}
	e := es[0]
	lines := strings.Split(bad, "\n")
	if e.Field != "rules.II.8.quorum.params.fraction" || e.Line < 1 || e.Line > len(lines) || !strings.Contains(lines[e.Line-1], `"fraction": 0.5`) || lines[e.Line-1][e.Column-1:] != "0.5," {
		t.Errorf("JSON problem at line %d col %d field %s, want the line with \"fraction\": 0.5 at the number", e.Line, e.Column, e.Field)
	}
}

func TestGetterPanics(t *testing.T) {
	t.Parallel()
	rb := Quintus()
	tests := []struct {
		name string
		call func()
		want string
	}{
		{"unknown rule", func() { rb.Int("II.99.nothing", "days") }, "no such rule in the catalogue"},
		{"unknown param", func() { rb.Int("VIII.1.b.option", "weeks") }, "no such parameter"},
		{"wrong type", func() { rb.Int("II.8.quorum", "fraction") }, "of type fraction"},
		{"unknown ambiguity", func() { rb.Choice("A-NOPE") }, "no such ambiguity code"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			defer func() {
				r := recover()
				if s, _ := r.(string); !strings.Contains(s, tt.want) {
					t.Errorf("panic = %v, want one containing %q", r, tt.want)
				}
			}()
			tt.call()
		})
	}
	minimal, err := Parse("minimal.yaml", []byte(readMinimal(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if s, _ := recover().(string); !strings.Contains(s, "check Rule(id) != nil first") {
			t.Errorf("getter on an absent rule panicked with %q, want advice to check Rule(id)", s)
		}
	}()
	minimal.Int("VIII.1.b.option", "days")
}
