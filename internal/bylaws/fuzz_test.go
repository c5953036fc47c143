package bylaws

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"minutebook/internal/corp"
	"minutebook/internal/strict"
)

// FuzzParse feeds the parser arbitrary files. It must never panic; it either
// fails with strict.Errors that all name the file, or returns a rulebook that
// every reader (Rules, getters, Explain, WriteShow, JSON) can walk.
func FuzzParse(f *testing.F) {
	quintus := string(QuintusSource())
	minimal, err := os.ReadFile("testdata/minimal.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(quintus)
	f.Add(string(minimal))
	for _, r := range [][2]string{
		{`fraction: "50%"`, `fraction: "150%"`},
		{`fraction: "50%"`, `fraction: 0.5`},
		{"date: 2025-05-24", "date: 2005-02-29"},
		{"choice: day0", "choice: day2"},
		{"rules:", "rules: &r\n  x: *r\nzz:"},
		{"  II.9.vote_standard:", "  II.9.vote_standard: &v\n  II.9.dup: *v\n  II.9.x:"},
		{"kinds: [HARD]", "kinds: [HARD, HARD]"},
		{"citation: {article: II, section: \"2\"}", "citation: {article: II, section: \"2\", clause: \"(zz)\"}"},
	} {
		f.Add(strings.Replace(string(minimal), r[0], r[1], 1))
	}
	f.Add(strings.Replace(quintus, "    citation: {article: VIII, section: \"1\", clause: \"(b)\"}", "    citation: {article: VIII, section: \"1\", clause: \"(q)\"}", 1))
	f.Add(strings.Replace(quintus, "text: |-", "text: |-\n  ARTICLE\n", 1))
	f.Add(`{"format": "minutebook.bylaws/v1", "rules": {"II.8.quorum": {"params": {"fraction": 1}}}}`)
	f.Add("a: &a [*a]")
	f.Add("- [[[[[[]]]]]]")
	f.Fuzz(func(t *testing.T, src string) {
		rb, err := Parse("fuzz.yaml", []byte(src))
		if err != nil {
			var es strict.Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("Parse error is %T %v, want strict.Errors", err, err)
			}
			for _, e := range es {
				if e.File != "fuzz.yaml" || e.Problem == "" {
					t.Fatalf("problem %#v lacks its file or text", e)
				}
			}
			return
		}
		for _, r := range rb.Rules() {
			for _, p := range r.Params {
				switch {
				case p.Type.isWhole():
					rb.Int(r.ID, p.Name)
				case p.Type == TypeFraction:
					rb.Fraction(r.ID, p.Name)
				case p.Type == TypeTexts || p.Type == TypeEnums:
					rb.Texts(r.ID, p.Name)
				}
			}
			if _, err := rb.Explain(r.ID); err != nil {
				t.Fatalf("Explain(%s) of a parsed rule = %v", r.ID, err)
			}
		}
		for _, a := range AmbiguityCatalogue() {
			rb.Choice(a.Code)
		}
		if err := WriteShow(io.Discard, rb, corp.Date{}); err != nil {
			t.Fatal(err)
		}
		if _, err := json.Marshal(rb); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzParseFraction: any text either fails or gives a fraction in [0, 1]
// whose canonical form parses back to the same value.
func FuzzParseFraction(f *testing.F) {
	for _, s := range []string{"50%", "1/2", "0.5", "12.5%", "2/3", "150%", "-1/2", "1/0", "0.000000001%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseFraction(s)
		if err != nil {
			return
		}
		if v.Cmp(Fraction{}) < 0 || v.Cmp(MustFraction("1")) > 0 {
			t.Fatalf("ParseFraction(%q) = %s, outside [0, 1]", s, v)
		}
		back, err := ParseFraction(v.String())
		if err != nil || back.Cmp(v) != 0 {
			t.Fatalf("ParseFraction(%q) = %s, which parses back as %s, %v", s, v, back, err)
		}
	})
}
