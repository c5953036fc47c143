package acts

import (
	"encoding"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"minutebook/internal/journal"
)

// This file converts an act's typed fields to the journal's canonical
// Value and back. It follows the same `mb` tags as package strict, so the
// journal holds exactly the fields a file can express. Zero-valued optional
// fields are left out, so adding an optional field to a kind later does not
// change how earlier acts of that kind encode.

var textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()

func newFields(k *Kind) any { return reflect.New(k.fields).Interface() }

func toValue(v any) journal.Value { return valueOf(reflect.ValueOf(v)) }

func valueOf(v reflect.Value) journal.Value {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return journal.NullValue()
		}
		v = v.Elem()
	}
	if v.Type().Implements(textMarshaler) {
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			panic("acts: MarshalText: " + err.Error())
		}
		return journal.StringValue(string(b))
	}
	switch v.Kind() {
	case reflect.String:
		return journal.StringValue(v.String())
	case reflect.Bool:
		return journal.BoolValue(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return journal.IntValue(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return journal.IntValue(int64(v.Uint()))
	case reflect.Slice:
		items := make([]journal.Value, v.Len())
		for i := range items {
			items[i] = valueOf(v.Index(i))
		}
		return journal.ListValue(items...)
	case reflect.Map:
		var keys []string
		var vals []journal.Value
		it := v.MapRange()
		for it.Next() {
			keys = append(keys, it.Key().String())
			vals = append(vals, valueOf(it.Value()))
		}
		return journal.MapValue(keys, vals)
	case reflect.Struct:
		fs := fieldsOf(v.Type()) // sorted by name: the map is canonical as built
		m := journal.Value{Kind: journal.Map, Keys: make([]string, 0, len(fs)), Vals: make([]journal.Value, 0, len(fs))}
		for _, fi := range fs {
			f := v.FieldByIndex(fi.idx)
			if !fi.required && f.IsZero() {
				continue
			}
			m.Keys = append(m.Keys, fi.name)
			m.Vals = append(m.Vals, valueOf(f))
		}
		return m
	}
	panic("acts: cannot encode a field of type " + v.Type().String())
}

type fieldInfo struct {
	name     string
	required bool
	idx      []int
}

var fieldCache sync.Map // reflect.Type -> []fieldInfo

// fieldsOf returns the tagged fields of struct type t, computed once.
func fieldsOf(t reflect.Type) []fieldInfo {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.([]fieldInfo)
	}
	var fs []fieldInfo
	structFields(t, func(name string, required bool, idx []int) {
		fs = append(fs, fieldInfo{name, required, idx})
	})
	sort.Slice(fs, func(i, j int) bool { return fs[i].name < fs[j].name })
	fieldCache.Store(t, fs)
	return fs
}

func structFields(t reflect.Type, fn func(name string, required bool, idx []int)) {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag, ok := sf.Tag.Lookup("mb")
		if !ok {
			if sf.Anonymous && sf.Type.Kind() == reflect.Struct {
				structFields(sf.Type, func(n string, r bool, idx []int) { fn(n, r, append([]int{i}, idx...)) })
			}
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		fn(name, opts == "required", []int{i})
	}
}

// toNode turns a Value back into a YAML node so that strict can decode it
// into the kind's fields with the same checks as a file.
func toNode(v journal.Value) *yaml.Node {
	switch v.Kind {
	case journal.Bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v.B)}
	case journal.Int:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(v.I, 10)}
	case journal.String:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v.S}
	case journal.List:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, it := range v.Items {
			n.Content = append(n.Content, toNode(it))
		}
		return n
	case journal.Map:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for i, k := range v.Keys {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k}, toNode(v.Vals[i]))
		}
		return n
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
}
