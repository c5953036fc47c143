package acts

import (
	"bytes"
	"reflect"
	"sort"
	"testing"

	"minutebook/internal/corp"
)

// FuzzDecodeEntries: decoding any bytes as list checkpoint entries never
// panics, and what decodes encodes to bytes that decode to the same
// entries (and encode to the same bytes again).
func FuzzDecodeEntries(f *testing.F) {
	f.Add(encodeEntries(nil))
	f.Add(encodeEntries([]*listEntry{
		{ID: "alice", Person: &listPerson{Name: "Alice Anders", SortKey: "ANDERS, ALICE", Kind: "natural_person",
			Address: corp.Address{Lines: []string{"12 Elm Street", "Apt 2"}, City: "Palo Alto", Region: "CA", PostalCode: "94301", Country: "US"}},
			Units: []classUnits{{"common", 400}, {"preferred", -3}}},
		{ID: "bob", Units: []classUnits{{"common", 1 << 40}}},
	}))
	f.Add([]byte{1, 1, 'x', 2})
	f.Fuzz(func(t *testing.T, b []byte) {
		var got []*listEntry
		if err := decodeEntries(b, func(le *listEntry) error { got = append(got, le); return nil }); err != nil {
			return
		}
		enc := encodeEntries(got)
		var again []*listEntry
		if err := decodeEntries(enc, func(le *listEntry) error { again = append(again, le); return nil }); err != nil {
			t.Fatalf("%x decoded to %d entries that encode as %x, which does not decode: %v", b, len(got), enc, err)
		}
		if !bytes.Equal(encodeEntries(again), enc) || !reflect.DeepEqual(normal(got), normal(again)) {
			t.Fatalf("%x: decode, encode, decode changed the entries:\n%+v\n%+v", b, got, again)
		}
	})
}

// normal returns the entries with their holdings in class order (the
// order encodeEntries writes) and empty slices as nil.
func normal(es []*listEntry) []listEntry {
	var out []listEntry
	for _, le := range es {
		c := *le
		c.Units = append([]classUnits(nil), le.Units...)
		sort.SliceStable(c.Units, func(i, j int) bool { return c.Units[i].Class < c.Units[j].Class })
		if len(c.Units) == 0 {
			c.Units = nil
		}
		if c.Person != nil && len(c.Person.Address.Lines) == 0 {
			p := *c.Person
			p.Address.Lines = nil
			c.Person = &p
		}
		out = append(out, c)
	}
	return out
}
