package acts

import (
	"bytes"
	"math"
	"reflect"
	"sort"
	"testing"

	"pgregory.net/rapid"

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
		if err := decodeEntries(string(b), func(le *listEntry) error { got = append(got, le); return nil }); err != nil {
			return
		}
		enc := encodeEntries(got)
		var again []*listEntry
		if err := decodeEntries(string(enc), func(le *listEntry) error { again = append(again, le); return nil }); err != nil {
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

// TestVoteCounter: the int64 fast path gives exactly what Decimal
// arithmetic gives, for whole and fractional votes per share, mixed class
// scales, and units near the int64 limit (where it must fall back).
func TestVoteCounter(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		var classes []corp.AuthorizedClass
		n := rapid.IntRange(1, 3).Draw(rt, "classes")
		for i := range n {
			vps := rapid.SampledFrom([]string{"0", "1", "2", "10", "0.5", "1000000000"}).Draw(rt, "vps")
			classes = append(classes, corp.AuthorizedClass{ID: string(rune('a' + i)), Scale: rapid.IntRange(0, 4).Draw(rt, "scale"), VotesPerShare: corp.MustDecimal(vps)})
		}
		units := make([]int64, n)
		for i := range units {
			units[i] = rapid.OneOf(rapid.Int64Range(0, 1_000_000), rapid.Int64Range(math.MaxInt64/4, math.MaxInt64)).Draw(rt, "units")
		}
		shares := make([]ClassShares, n)
		total := newVoteCounter(classes).of(units, shares)
		var want corp.Decimal
		for i, c := range classes {
			sh := corp.DecimalFromUnits(units[i], c.Scale)
			v := sh.Mul(c.VotesPerShare)
			if shares[i].Shares.Cmp(sh) != 0 || shares[i].Votes.Cmp(v) != 0 || shares[i].Class != c.ID {
				rt.Fatalf("class %s: %+v, want shares %s votes %s", c.ID, shares[i], sh, v)
			}
			want = want.Add(v)
		}
		if total.Cmp(want) != 0 {
			rt.Fatalf("total votes %s, want %s", total, want)
		}
	})
}

// FuzzDecodeBasePart: the list's decoder of base parts (places in the
// part, no pointers) reads exactly what decodeEntries reads from any
// bytes whose entries all have a record, and refuses everything else.
func FuzzDecodeBasePart(f *testing.F) {
	f.Add(encodeEntries(nil))
	f.Add(encodeEntries([]*listEntry{
		{ID: "alice", Person: &listPerson{Name: "Alice Anders", SortKey: "ANDERS, ALICE", Kind: "natural_person", Email: "a@example.com",
			Address: corp.Address{Lines: []string{"12 Elm Street", "Apt 2"}, City: "Palo Alto", Region: "CA", PostalCode: "94301", Country: "US"}},
			Units: []classUnits{{"common", 400}, {"preferred", -3}}},
		{ID: "bob", Person: &listPerson{Name: "Bob", SortKey: "BOB"}, Units: []classUnits{{"common", 1 << 40}}},
	}))
	f.Add(encodeEntries([]*listEntry{{ID: "bob", Units: []classUnits{{"common", 1}}}}))
	f.Fuzz(func(t *testing.T, b []byte) {
		var want []*listEntry
		werr := decodeEntries(string(b), func(le *listEntry) error { want = append(want, le); return nil })
		for _, le := range want {
			if le.Person == nil {
				werr = errCheckpoint // a base entry has a record
			}
		}
		p, err := decodeBasePart(string(b))
		if (err != nil) != (werr != nil) {
			t.Fatalf("%x: decodeBasePart: %v; decodeEntries: %v", b, err, werr)
		}
		if err != nil {
			return
		}
		if len(p.entries) != len(want) {
			t.Fatalf("%x: %d base entries, want %d", b, len(p.entries), len(want))
		}
		for i, w := range want {
			e := &p.entries[i]
			per, _ := p.person(e, nil)
			got := listEntry{ID: per.ID, Person: &listPerson{Name: per.Name, SortKey: per.SortKey, Kind: string(per.Kind),
				Email: per.Email, Address: per.Address}, Units: p.holdingsOf(e, nil)}
			if !reflect.DeepEqual(normal([]*listEntry{&got}), normal([]*listEntry{w})) {
				t.Fatalf("%x: entry %d is %+v %+v, want %+v %+v", b, i, got, *got.Person, *w, *w.Person)
			}
		}
	})
}
