package journal

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// ValueKind is the type of a Value.
type ValueKind byte

// The value kinds, with their tags in the canonical encoding.
const (
	Null   ValueKind = 0
	Bool   ValueKind = 1
	Int    ValueKind = 2
	String ValueKind = 3
	List   ValueKind = 4
	Map    ValueKind = 5
)

// Value is the canonical form of an act's fields: a tree of nulls,
// booleans, integers, strings, lists and maps whose keys are kept sorted.
// Dates and decimals are strings in their canonical text form. Two Values
// that mean the same thing have one encoding.
type Value struct {
	Kind  ValueKind
	B     bool
	I     int64
	S     string
	Items []Value // List
	Keys  []string
	Vals  []Value // Map, Keys sorted and unique
}

// NullValue returns the null Value.
func NullValue() Value { return Value{} }

// BoolValue returns a boolean Value.
func BoolValue(b bool) Value { return Value{Kind: Bool, B: b} }

// IntValue returns an integer Value.
func IntValue(i int64) Value { return Value{Kind: Int, I: i} }

// StringValue returns a string Value.
func StringValue(s string) Value { return Value{Kind: String, S: s} }

// ListValue returns a list Value.
func ListValue(items ...Value) Value { return Value{Kind: List, Items: items} }

// MapValue returns a map Value from parallel keys and values, sorting them.
// It panics on a duplicate key (a programming error).
func MapValue(keys []string, vals []Value) Value {
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	m := Value{Kind: Map, Keys: make([]string, len(keys)), Vals: make([]Value, len(keys))}
	for i, j := range idx {
		m.Keys[i], m.Vals[i] = keys[j], vals[j]
		if i > 0 && m.Keys[i] == m.Keys[i-1] {
			panic("journal.MapValue: duplicate key " + keys[j])
		}
	}
	return m
}

// Get returns the value under key k of a map, and whether it is there.
func (v Value) Get(k string) (Value, bool) {
	i := sort.SearchStrings(v.Keys, k)
	if i < len(v.Keys) && v.Keys[i] == k {
		return v.Vals[i], true
	}
	return Value{}, false
}

// Equal reports whether v and w are the same value.
func (v Value) Equal(w Value) bool {
	if v.Kind != w.Kind {
		return false
	}
	switch v.Kind {
	case Bool:
		return v.B == w.B
	case Int:
		return v.I == w.I
	case String:
		return v.S == w.S
	case List:
		if len(v.Items) != len(w.Items) {
			return false
		}
		for i := range v.Items {
			if !v.Items[i].Equal(w.Items[i]) {
				return false
			}
		}
	case Map:
		if len(v.Keys) != len(w.Keys) {
			return false
		}
		for i := range v.Keys {
			if v.Keys[i] != w.Keys[i] || !v.Vals[i].Equal(w.Vals[i]) {
				return false
			}
		}
	}
	return true
}

// String renders v as compact JSON-like text for people and logs.
func (v Value) String() string {
	var b strings.Builder
	v.write(&b)
	return b.String()
}

func (v Value) write(b *strings.Builder) {
	switch v.Kind {
	case Null:
		b.WriteString("null")
	case Bool:
		b.WriteString(strconv.FormatBool(v.B))
	case Int:
		b.WriteString(strconv.FormatInt(v.I, 10))
	case String:
		b.WriteString(strconv.Quote(v.S))
	case List:
		b.WriteByte('[')
		for i, it := range v.Items {
			if i > 0 {
				b.WriteByte(',')
			}
			it.write(b)
		}
		b.WriteByte(']')
	case Map:
		b.WriteByte('{')
		for i, k := range v.Keys {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Quote(k))
			b.WriteByte(':')
			v.Vals[i].write(b)
		}
		b.WriteByte('}')
	default:
		fmt.Fprintf(b, "<kind %d>", v.Kind)
	}
}
