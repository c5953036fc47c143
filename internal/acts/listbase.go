package acts

import (
	"fmt"
	"runtime"
	"strings"

	"golang.org/x/sync/errgroup"

	"minutebook/internal/corp"
)

// A base is decoded for a list into places in its parts rather than into
// listEntry values: a base entry holds no pointers, so a base of a million
// holders is neither allocated value by value nor scanned by the garbage
// collector, and the listed holders' strings are cut from the parts when
// they are built.

// span is the place of a string in a part: s[off : off+n].
type span struct{ off, n uint32 }

// baseEntry is one decoded base entry. state is 0 for an entry listed as
// the base holds it, k > 0 for one whose holdings are those of the k-th
// updated entry (its record unchanged), and -1 for one that moved (its
// record changed since: it is listed from the changes, in its new place).
type baseEntry struct {
	id, name, sortKey, kind, email     span
	city, region, postalCode, country  span
	lines, nLines, holdings, nHoldings uint32 // in basePart.lines and .holdings
	state                              int32
}

type baseHolding struct {
	class span
	units int64
}

// basePart is one decoded part of a base.
type basePart struct {
	s        string
	entries  []baseEntry
	lines    []span
	holdings []baseHolding
}

func (p *basePart) str(sp span) string { return p.s[sp.off : sp.off+sp.n] }

// person returns entry e's record; its address lines come from lines,
// which it returns shortened.
func (p *basePart) person(e *baseEntry, lines []string) (corp.Person, []string) {
	per := corp.Person{ID: p.str(e.id), Name: p.str(e.name), SortKey: p.str(e.sortKey), Kind: corp.PersonKind(p.str(e.kind)),
		Email: p.str(e.email), Address: corp.Address{City: p.str(e.city), Region: p.str(e.region),
			PostalCode: p.str(e.postalCode), Country: p.str(e.country)}}
	if e.nLines > 0 {
		n := int(e.nLines)
		if len(lines) < n {
			lines = make([]string, max(n, 1024))
		}
		per.Address.Lines = lines[:n:n]
		for i, sp := range p.lines[e.lines : e.lines+e.nLines] {
			per.Address.Lines[i] = p.str(sp)
		}
		lines = lines[n:]
	}
	return per, lines
}

// holdingsOf appends entry e's holdings to to.
func (p *basePart) holdingsOf(e *baseEntry, to []classUnits) []classUnits {
	for _, h := range p.holdings[e.holdings : e.holdings+e.nHoldings] {
		to = append(to, classUnits{p.str(h.class), h.units})
	}
	return to
}

// compareBase orders a listEntry and base entry e as the list does.
func (p *basePart) compareBase(le *listEntry, e *baseEntry) int {
	if c := strings.Compare(le.Person.SortKey, p.str(e.sortKey)); c != 0 {
		return c
	}
	return strings.Compare(le.ID, p.str(e.id))
}

// decodeBasePart reads what encodeEntries wrote for a base: every entry
// has a record (an entry without one is malformed here).
func decodeBasePart(s string) (basePart, error) {
	d := entryDecoder{s: s}
	count := d.uvarint()
	if d.bad || count > uint64(len(s)) || len(s) > 1<<32-1 {
		return basePart{}, errCheckpoint
	}
	p := basePart{s: s, entries: make([]baseEntry, count), holdings: make([]baseHolding, 0, count)}
	sp := func() span {
		n := d.uvarint()
		if d.bad || n > uint64(len(s)-d.off) {
			d.bad = true
			return span{}
		}
		v := span{uint32(d.off), uint32(n)}
		d.off += int(n)
		return v
	}
	for i := range p.entries {
		e := &p.entries[i]
		e.id = sp()
		if d.bad || d.off >= len(s) || s[d.off] != 1 {
			return basePart{}, errCheckpoint
		}
		d.off++
		e.name, e.sortKey, e.kind, e.email = sp(), sp(), sp(), sp()
		n := d.uvarint()
		if n > uint64(len(s)-d.off) {
			return basePart{}, errCheckpoint
		}
		e.lines, e.nLines = uint32(len(p.lines)), uint32(n)
		for range n {
			p.lines = append(p.lines, sp())
		}
		e.city, e.region, e.postalCode, e.country = sp(), sp(), sp(), sp()
		n = d.uvarint()
		if n > uint64(len(s)-d.off) {
			return basePart{}, errCheckpoint
		}
		e.holdings, e.nHoldings = uint32(len(p.holdings)), uint32(n)
		for j := uint64(0); j < n && !d.bad; j++ {
			c := sp()
			p.holdings = append(p.holdings, baseHolding{c, d.varint()})
		}
		if d.bad {
			return basePart{}, errCheckpoint
		}
	}
	if d.bad || d.off != len(s) {
		return basePart{}, errCheckpoint
	}
	return p, nil
}

// decodeBase decodes a base's parts concurrently (one goroutine per
// core): decoding a base of a million holders is the largest part of
// reading a list, and the parts are independent.
func decodeBase(m checkpointMeta, data []string) func() ([]basePart, error) {
	out := make([]basePart, len(data))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, s := range data {
		g.Go(func() error {
			p, err := decodeBasePart(s)
			if err != nil {
				return fmt.Errorf("list checkpoint %d/%s part %d: %w", m.Level, m.Hi, i, err)
			}
			out[i] = p
			return nil
		})
	}
	return func() ([]basePart, error) { return out, g.Wait() }
}
