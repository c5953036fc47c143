// Package strict decodes YAML and JSON documents into typed Go structs,
// refusing unknown keys, wrong types, duplicate keys and missing required
// fields, and reporting each problem with the file, line, column and field
// path. It also derives a JSON Schema from the same structs, so that the
// documented format and the decoder cannot drift apart.
//
// It is hand-written because no maintained library reports the field path
// together with the position for both YAML and JSON input: yaml.v3's own
// decoder names the line but not the field, and encoding/json names neither.
// It builds on go.yaml.in/yaml/v3 for parsing (JSON is parsed as YAML).
//
// Struct fields are mapped with the tag `mb:"name[,required]"`; untagged
// fields are ignored. Optional tags: `doc:"..."` (schema description) and
// `enum:"a,b,c"` (allowed values of a string field).
package strict

import (
	"bytes"
	"encoding"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Error is one problem in a document.
type Error struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Field   string `json:"field,omitempty"` // dotted path, e.g. "acts[2].fields.shares"; "" for the document
	Problem string `json:"problem"`
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Problem)
	return b.String()
}

// Errors is every problem found in a document, in document order.
type Errors []*Error

func (es Errors) Error() string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// maxNodes bounds the nodes a document may expand to (alias bombs).
const maxNodes = 2_000_000

// Parse parses YAML or JSON into its document node. An empty document is
// an error.
func Parse(file string, data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		msg := err.Error()
		line := 0
		if i := strings.Index(msg, "line "); i >= 0 {
			fmt.Sscanf(msg[i+5:], "%d", &line)
		}
		msg = strings.TrimPrefix(msg, "yaml: ")
		if msg == "EOF" {
			msg = "the document is empty"
		}
		return nil, Errors{{File: file, Line: line, Problem: "not valid YAML or JSON: " + msg}}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, Errors{{File: file, Line: extra.Line, Column: extra.Column, Problem: "more than one document in the file (remove the second '---')"}}
	}
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		return nil, Errors{{File: file, Problem: "the document is empty"}}
	}
	return doc.Content[0], nil
}

// Unmarshal parses data and decodes it into v, a pointer to a struct.
func Unmarshal(file string, data []byte, v any) error {
	n, err := Parse(file, data)
	if err != nil {
		return err
	}
	return Decode(file, n, "", v)
}

// Decode decodes node n into v, a non-nil pointer. path prefixes the field
// paths in errors. It returns Errors listing every problem found.
func Decode(file string, n *yaml.Node, path string, v any) error {
	d := &decoder{file: file}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("strict.Decode: v must be a non-nil pointer")
	}
	d.value(n, path, rv.Elem())
	if len(d.errs) > 0 {
		return d.errs
	}
	return nil
}

type decoder struct {
	file  string
	errs  Errors
	nodes int
}

func (d *decoder) fail(n *yaml.Node, path, format string, args ...any) {
	e := &Error{File: d.file, Field: path, Problem: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	d.errs = append(d.errs, e)
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	nodeType        = reflect.TypeFor[yaml.Node]()
)

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "null"
		case "!!bool":
			return "a boolean"
		case "!!int":
			return "an integer"
		case "!!float":
			return "a number with a fraction"
		}
		return fmt.Sprintf("the text %q", n.Value)
	}
	return "something else"
}

func (d *decoder) value(n *yaml.Node, path string, v reflect.Value) {
	d.nodes++
	if d.nodes > maxNodes {
		if d.nodes == maxNodes+1 {
			d.fail(n, path, "the document expands to more than %d nodes", maxNodes)
		}
		return
	}
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	t := v.Type()
	if t == nodeType {
		v.Set(reflect.ValueOf(*n))
		return
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		v.SetZero()
		return
	}
	if t.Kind() == reflect.Pointer {
		p := reflect.New(t.Elem())
		d.value(n, path, p.Elem())
		v.Set(p)
		return
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		if n.Kind != yaml.ScalarNode {
			d.fail(n, path, "expected %s, found %s", expectText(t), kindName(n))
			return
		}
		if n.Tag == "!!float" && isDecimalLike(t) {
			d.fail(n, path, "write %q as a decimal string in quotes (quantities are never floating point)", n.Value)
			return
		}
		u := reflect.New(t)
		if err := u.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.Value)); err != nil {
			d.fail(n, path, "%v", err)
			return
		}
		v.Set(u.Elem())
		return
	}
	switch t.Kind() {
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.fail(n, path, "expected text, found %s", kindName(n))
			return
		}
		v.SetString(n.Value)
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.fail(n, path, "expected true or false, found %s", kindName(n))
			return
		}
		b, _ := strconv.ParseBool(strings.ToLower(n.Value))
		v.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n.Kind == yaml.ScalarNode && n.Tag == "!!float" && strings.Trim(n.Value, "-0123456789") == "" {
			d.fail(n, path, "expected a whole number that fits in %d bits, found %s", t.Bits(), n.Value)
			return
		}
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
			d.fail(n, path, "expected a whole number, found %s", kindName(n))
			return
		}
		i, err := strconv.ParseInt(n.Value, 10, t.Bits())
		if err != nil {
			d.fail(n, path, "expected a whole number that fits in %d bits, found %s", t.Bits(), n.Value)
			return
		}
		v.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
			d.fail(n, path, "expected a whole number ≥ 0, found %s", kindName(n))
			return
		}
		i, err := strconv.ParseUint(n.Value, 10, t.Bits())
		if err != nil {
			d.fail(n, path, "expected a whole number ≥ 0 that fits in %d bits, found %s", t.Bits(), n.Value)
			return
		}
		v.SetUint(i)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.fail(n, path, "expected a list, found %s", kindName(n))
			return
		}
		s := reflect.MakeSlice(t, len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.value(c, fmt.Sprintf("%s[%d]", path, i), s.Index(i))
		}
		v.Set(s)
	case reflect.Map:
		if n.Kind != yaml.MappingNode || t.Key().Kind() != reflect.String {
			d.fail(n, path, "expected a mapping, found %s", kindName(n))
			return
		}
		m := reflect.MakeMapWithSize(t, len(n.Content)/2)
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if seen[k.Value] {
				d.fail(k, join(path, k.Value), "the key %q appears twice", k.Value)
				continue
			}
			seen[k.Value] = true
			e := reflect.New(t.Elem()).Elem()
			d.value(val, join(path, k.Value), e)
			m.SetMapIndex(reflect.ValueOf(k.Value).Convert(t.Key()), e)
		}
		v.Set(m)
	case reflect.Struct:
		d.structValue(n, path, v)
	default:
		panic("strict: unsupported field type " + t.String())
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (d *decoder) structValue(n *yaml.Node, path string, v reflect.Value) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, "expected a mapping with fields %s, found %s", strings.Join(fieldNames(v.Type()), ", "), kindName(n))
		return
	}
	fields := fieldsOf(v.Type())
	seen := map[string]bool{}
	pairs := d.pairs(n, path)
	for i := 0; i+1 < len(pairs); i += 2 {
		k, val := pairs[i], pairs[i+1]
		name := k.Value
		f, ok := fields[name]
		switch {
		case !ok:
			d.fail(k, join(path, name), "unknown field (expected one of %s)", strings.Join(fieldNames(v.Type()), ", "))
			continue
		case seen[name]:
			d.fail(k, join(path, name), "the field appears twice")
			continue
		}
		seen[name] = true
		fv := v.FieldByIndex(f.index)
		if f.required && isNull(val) {
			d.fail(val, join(path, name), "a value is required here, found nothing (null)")
			continue
		}
		if f.required && f.typ.Kind() == reflect.String && val.Kind == yaml.ScalarNode && strings.TrimSpace(val.Value) == "" {
			d.fail(val, join(path, name), "a value is required here, found empty text")
			continue
		}
		d.value(val, join(path, name), fv)
		if len(f.enum) > 0 && fv.Kind() == reflect.String && !contains(f.enum, fv.String()) {
			d.fail(val, join(path, name), "%q is not allowed (one of %s)", fv.String(), strings.Join(f.enum, ", "))
		}
	}
	for _, f := range orderedFields(v.Type()) {
		if f.required && !seen[f.name] {
			d.fail(n, join(path, f.name), "missing required field (%s)", describe(f))
		}
	}
}

// pairs returns the key/value nodes of mapping n with YAML merge keys
// ("<<: *anchor", or a list of anchors) expanded: the merged mappings'
// entries come first, unless n itself gives the same key.
func (d *decoder) pairs(n *yaml.Node, path string) []*yaml.Node {
	hasMerge := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		hasMerge = hasMerge || n.Content[i].Tag == "!!merge"
	}
	if !hasMerge {
		return n.Content
	}
	own := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Tag != "!!merge" {
			own[n.Content[i].Value] = true
		}
	}
	var out []*yaml.Node
	taken := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Tag != "!!merge" {
			out = append(out, k, v)
			continue
		}
		for v.Kind == yaml.AliasNode {
			v = v.Alias
		}
		sources := []*yaml.Node{v}
		if v.Kind == yaml.SequenceNode {
			sources = v.Content
		}
		for _, src := range sources {
			for src.Kind == yaml.AliasNode {
				src = src.Alias
			}
			if src.Kind != yaml.MappingNode {
				d.fail(k, join(path, "<<"), "a merge key needs a mapping or a list of mappings, found %s", kindName(src))
				continue
			}
			for j := 0; j+1 < len(src.Content); j += 2 {
				name := src.Content[j].Value
				if own[name] || taken[name] {
					continue
				}
				taken[name] = true
				out = append(out, src.Content[j], src.Content[j+1])
			}
		}
	}
	return out
}

func isNull(n *yaml.Node) bool {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func contains(s []string, x string) bool {
	for _, e := range s {
		if e == x {
			return true
		}
	}
	return false
}

type field struct {
	name     string
	index    []int
	required bool
	doc      string
	enum     []string
	typ      reflect.Type
}

func orderedFields(t reflect.Type) []field {
	var out []field
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag, ok := sf.Tag.Lookup("mb")
		if !ok {
			if sf.Anonymous && sf.Type.Kind() == reflect.Struct {
				for _, f := range orderedFields(sf.Type) {
					f.index = append([]int{i}, f.index...)
					out = append(out, f)
				}
			}
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		f := field{name: name, index: []int{i}, required: opts == "required", doc: sf.Tag.Get("doc"), typ: sf.Type}
		if e := sf.Tag.Get("enum"); e != "" {
			f.enum = strings.Split(e, ",")
		}
		out = append(out, f)
	}
	return out
}

func fieldsOf(t reflect.Type) map[string]field {
	m := map[string]field{}
	for _, f := range orderedFields(t) {
		m[f.name] = f
	}
	return m
}

func fieldNames(t reflect.Type) []string {
	var s []string
	for _, f := range orderedFields(t) {
		s = append(s, f.name)
	}
	sort.Strings(s)
	return s
}

func describe(f field) string {
	if len(f.enum) > 0 {
		return "one of " + strings.Join(f.enum, ", ")
	}
	if f.doc != "" {
		return f.doc
	}
	return "expected " + typeName(f.typ)
}

func typeName(t reflect.Type) string {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return expectText(t)
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "a mapping"
	}
	return "a whole number"
}

// Describer is implemented by scalar types that can say what they expect,
// e.g. "a date written YYYY-MM-DD".
type Describer interface{ Expect() string }

func expectText(t reflect.Type) string {
	if d, ok := reflect.New(t).Interface().(Describer); ok {
		return d.Expect()
	}
	return "text"
}

func isDecimalLike(t reflect.Type) bool {
	d, ok := reflect.New(t).Interface().(Describer)
	return ok && strings.Contains(d.Expect(), "decimal")
}
