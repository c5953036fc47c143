package strict

import (
	"reflect"
	"strings"
	"testing"
)

type inner struct {
	Name string `mb:"name,required"`
	N    int64  `mb:"n"`
}

type doc struct {
	Kind  string           `mb:"kind,required" enum:"a,b"`
	Flag  bool             `mb:"flag"`
	Items []inner          `mb:"items"`
	Opt   *inner           `mb:"opt"`
	Tags  map[string]int64 `mb:"tags"`
	Skip  string
}

func TestDecode(t *testing.T) {
	src := "kind: a\nflag: true\nitems:\n  - &x {name: one, n: 1}\n  - {<<: *x, name: two}\nopt: {name: o}\ntags: {p: 1, q: 2}\n"
	var d doc
	if err := Unmarshal("t.yaml", []byte(src), &d); err != nil {
		t.Fatal(err)
	}
	want := doc{Kind: "a", Flag: true, Items: []inner{{"one", 1}, {"two", 1}}, Opt: &inner{Name: "o"}, Tags: map[string]int64{"p": 1, "q": 2}}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("Unmarshal = %+v, want %+v", d, want)
	}
	// JSON is YAML.
	var j doc
	if err := Unmarshal("t.json", []byte(`{"kind": "b", "items": [{"name": "x", "n": 7}]}`), &j); err != nil || j.Items[0].N != 7 {
		t.Errorf("JSON: %+v, %v", j, err)
	}
}

func TestDecodeErrors(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"unknown field", "kind: a\nbogus: 1\n", "t.yaml:2:1: bogus: unknown field (expected one of flag, items, kind, opt, tags)"},
		{"missing required", "flag: true\n", "t.yaml:1:1: kind: missing required field (one of a, b)"},
		{"null required", "kind: ~\n", "t.yaml:1:7: kind: a value is required here, found nothing (null)"},
		{"empty required", "kind: ''\n", "t.yaml:1:7: kind: a value is required here, found empty text"},
		{"enum", "kind: c\n", `t.yaml:1:7: kind: "c" is not allowed (one of a, b)`},
		{"wrong type", "kind: a\nflag: yes please\n", `t.yaml:2:7: flag: expected true or false, found the text "yes please"`},
		{"int overflow", "kind: a\nitems: [{name: x, n: 99999999999999999999}]\n", "items[0].n: expected a whole number that fits in 64 bits"},
		{"duplicate", "kind: a\nkind: b\n", "t.yaml:2:1: kind: the field appears twice"},
		{"duplicate map key", "kind: a\ntags: {p: 1, p: 2}\n", "tags.p: the key \"p\" appears twice"},
		{"nested", "kind: a\nitems: [{n: 1}]\n", "t.yaml:2:9: items[0].name: missing required field"},
		{"not a mapping", "[1, 2]\n", "expected a mapping with fields flag, items, kind, opt, tags, found a list"},
		{"two documents", "kind: a\n---\nkind: b\n", "more than one document"},
		{"empty", "", "the document is empty"},
		{"bad merge", "kind: a\nopt: {<<: 3, name: x}\n", "opt.<<: a merge key needs a mapping"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var d doc
			err := Unmarshal("t.yaml", []byte(c.src), &d)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Unmarshal error = %v, want it to contain %q", err, c.want)
			}
			if _, ok := err.(Errors); !ok {
				t.Errorf("error of type %T, want strict.Errors", err)
			}
		})
	}
}

func TestSchema(t *testing.T) {
	s := Schema(reflect.TypeFor[doc]())
	if s["type"] != "object" || s["additionalProperties"] != false {
		t.Fatalf("Schema = %v", s)
	}
	props := s["properties"].(map[string]any)
	if k := props["kind"].(map[string]any); !reflect.DeepEqual(k["enum"], []string{"a", "b"}) {
		t.Errorf("kind enum = %v", k["enum"])
	}
	if _, ok := props["Skip"]; ok {
		t.Error("an untagged field is in the schema")
	}
	if !reflect.DeepEqual(s["required"], []string{"kind"}) {
		t.Errorf("required = %v", s["required"])
	}
}

func FuzzUnmarshal(f *testing.F) {
	f.Add([]byte("kind: a\nitems: [{name: x, n: 1}]\ntags: {a: 1}\n"))
	f.Add([]byte("- &a [*a]\n"))
	f.Add([]byte(`{"kind": "b", "opt": {"name": "x"}}`))
	f.Add([]byte("kind: a\nopt: {<<: [{name: y}], n: 2}\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		var d doc
		err := Unmarshal("fuzz.yaml", b, &d)
		if err == nil {
			if d.Kind != "a" && d.Kind != "b" {
				t.Fatalf("decoded a document with kind %q", d.Kind)
			}
			return
		}
		if _, ok := err.(Errors); !ok {
			t.Fatalf("error of type %T: %v", err, err)
		}
	})
}
