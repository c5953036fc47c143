package acts

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"minutebook/internal/corp"
	"minutebook/internal/tables"
)

// List checkpoints make the stockholder list for a record date read a
// checkpoint and the changes since it, not all of history (issue 3: a list
// of 1,000,000 holders in under a second).
//
// Every Cadence.Every-th act (by sequence number, so that the journal
// replay writes the same checkpoints) closes a segment: the net holding
// changes and the latest person versions effective after the previous
// checkpoint and up to the day before the act's effective date (acts dated
// that day may still follow; earlier ones only as corrections). Every
// Cadence.Bases segments make a base: every holder's record and holdings at the
// end of that day, in list order. A list for date D starts from the latest
// base on or before D, adds the segments up to D and then the changes after
// the last of them, read through the tables' effective-date index.
//
// A correction dated on or before a checkpoint's day removes that
// checkpoint and every later one; the next segment covers the gap.
//
// The encoding is hand-written (a few uvarint-prefixed strings and varint
// numbers per entry): no maintained library encodes this shape more
// compactly or faster than a few lines of encoding/binary.

// Cadence sets how often list checkpoints are written.
type Cadence struct {
	Every uint64 // acts between segments (default 10,000)
	Bases int    // at most this many segments between bases (default 50)
	// BaseEntries and BaseShare: a base is also written once the segments
	// since the last base hold at least 1/BaseShare (default 1/4) as many
	// entries as that base, and at least BaseEntries (default 10,000), so
	// that a list decodes the holders of a base and at most about a
	// quarter as many entries again. An entry since the base costs a list
	// several times what a base entry costs (it is merged by holder, and
	// a holder whose record changed is sorted into place), so bases come
	// more often than the storage alone would suggest.
	BaseEntries int
	BaseShare   int
	Part        int // entries per encoded part (default 4,096)
}

func (c Cadence) orDefaults() Cadence {
	if c.Every == 0 {
		c.Every = 10_000
	}
	if c.Bases == 0 {
		c.Bases = 50
	}
	if c.BaseEntries == 0 {
		c.BaseEntries = 10_000
	}
	if c.BaseShare == 0 {
		c.BaseShare = 4
	}
	if c.Part == 0 {
		c.Part = 4096
	}
	return c
}

const (
	segmentLevel = 1
	baseLevel    = 2
)

// listPerson is a person's record as the list shows it.
type listPerson struct {
	Name, SortKey, Kind, Email string
	Address                    corp.Address
}

// listEntry is one person's entry in a checkpoint: in a base the record
// and the holdings; in a segment the latest record (nil if unchanged) and
// the net change of each holding.
type listEntry struct {
	ID     string
	Person *listPerson
	Units  []classUnits // non-zero, at most one per class
}

type classUnits struct {
	Class string
	Units int64
}

// add adds units of class (a holder has one or two classes: a slice
// beats a map).
func (le *listEntry) add(class string, units int64) {
	for i := range le.Units {
		if le.Units[i].Class == class {
			le.Units[i].Units += units
			if le.Units[i].Units == 0 {
				le.Units = append(le.Units[:i:i], le.Units[i+1:]...)
			}
			return
		}
	}
	if units != 0 {
		le.Units = append(le.Units, classUnits{class, units})
	}
}

// listPersonOf reads a PersonVersions or Persons row from column c (name,
// sort_key, kind, address, email).
func listPersonOf(r tables.Row, c int) (*listPerson, error) {
	p := &listPerson{Name: r[c].(string), SortKey: r[c+1].(string), Kind: r[c+2].(string), Email: r[c+4].(string)}
	if err := json.Unmarshal([]byte(r[c+3].(string)), &p.Address); err != nil {
		return nil, fmt.Errorf("person %s: address: %v", r[0], err)
	}
	return p, nil
}

// checkpointMeta is a ListCheckpoints row.
type checkpointMeta struct {
	Level          int
	Lo, Hi         string
	Parts, Entries int
}

func readCheckpoints(r tables.Reader) ([]checkpointMeta, error) {
	var out []checkpointMeta
	err := r.Scan(tables.ListCheckpoints, nil, func(row tables.Row) error {
		out = append(out, checkpointMeta{Level: int(row[0].(int64)), Hi: row[1].(string), Lo: row[2].(string), Parts: int(row[3].(int64)), Entries: int(row[4].(int64))})
		return nil
	})
	sort.Slice(out, func(i, j int) bool {
		return out[i].Hi < out[j].Hi || out[i].Hi == out[j].Hi && out[i].Level < out[j].Level
	})
	return out, err
}

// after returns the least string above the date s and every string that
// starts with it ("" for ""): ScanBetween(after(lo), after(hi)) reads the
// dates in (lo, hi]. Effective dates are ten characters of digits and
// hyphens, all below "~".
func after(s string) string {
	if s == "" {
		return ""
	}
	return s + "~"
}

// maintainCheckpoints is the act path's upkeep of the list checkpoints,
// after each act's effects (applyAct).
func maintainCheckpoints(e *Env, a *Act) error {
	if a.Correction {
		return dropCheckpoints(e.Rows, a.Effective.String())
	}
	return checkpointAt(e.Rows, e.cadence, e.Seq, a.Effective)
}

// checkpointAt writes the checkpoints due after act seq, effective on
// effective (not a correction), if any.
func checkpointAt(rw tables.ReadWriter, cad Cadence, seq uint64, effective corp.Date) error {
	if seq%cad.Every != 0 {
		return nil
	}
	hi := effective.AddDays(-1).String()
	metas, err := readCheckpoints(rw)
	if err != nil {
		return err
	}
	lo, lastBase := "", ""
	for _, m := range metas {
		lo = max(lo, m.Hi)
		if m.Level == baseLevel {
			lastBase = max(lastBase, m.Hi)
		}
	}
	if hi <= lo {
		return nil
	}
	changed := map[string]*listEntry{}
	if err := addChanges(rw, changed, after(lo), after(hi)); err != nil {
		return err
	}
	if len(changed) == 0 {
		return nil
	}
	if err := writeCheckpoint(rw, segmentLevel, lo, hi, seq, sortedByID(changed), cad.Part); err != nil {
		return err
	}
	segments, entries, baseEntries := 1, len(changed), 0
	for _, m := range metas {
		switch {
		case m.Level == segmentLevel && m.Hi > lastBase:
			segments++
			entries += m.Entries
		case m.Level == baseLevel && m.Hi == lastBase:
			baseEntries = m.Entries
		}
	}
	if segments < cad.Bases && entries < max(baseEntries/cad.BaseShare, cad.BaseEntries) {
		return nil
	}
	return writeBase(rw, metas, hi, seq, changed, cad.Part)
}

// dropCheckpoints removes the checkpoints of days on or after from.
func dropCheckpoints(rw tables.ReadWriter, from string) error {
	metas, err := readCheckpoints(rw)
	if err != nil {
		return err
	}
	for _, m := range metas {
		if m.Hi < from {
			continue
		}
		for p := 0; p < m.Parts; p++ {
			if err := rw.Delete(tables.ListParts, int64(m.Level), m.Hi, int64(p)); err != nil {
				return err
			}
		}
		if err := rw.Delete(tables.ListCheckpoints, int64(m.Level), m.Hi); err != nil {
			return err
		}
	}
	return nil
}

// addChanges adds to changed the holding changes and person versions
// effective in [lo, hi): units add up, the latest person version wins.
func addChanges(r tables.Reader, changed map[string]*listEntry, lo, hi string) error {
	entry := func(id string) *listEntry {
		le := changed[id]
		if le == nil {
			le = &listEntry{ID: id}
			changed[id] = le
		}
		return le
	}
	if err := r.ScanBetween(tables.HoldingChanges, lo, hi, func(row tables.Row) error {
		entry(row[0].(string)).add(row[1].(string), row[4].(int64))
		return nil
	}); err != nil {
		return err
	}
	return r.ScanBetween(tables.PersonVersions, lo, hi, func(row tables.Row) error {
		p, err := listPersonOf(row, 3)
		if err == nil {
			entry(row[0].(string)).Person = p
		}
		return err
	})
}

// mergeEntry applies a segment's entry to a later state. The state takes
// s itself for a holder it does not hold yet: s must not be used again.
func mergeEntry(changed map[string]*listEntry, s *listEntry) {
	le := changed[s.ID]
	if le == nil {
		changed[s.ID] = s
		return
	}
	if s.Person != nil {
		le.Person = s.Person
	}
	for _, u := range s.Units {
		le.add(u.Class, u.Units)
	}
}

func sortedByID(m map[string]*listEntry) []*listEntry {
	out := make([]*listEntry, 0, len(m))
	for _, le := range m {
		out = append(out, le)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// sortList sorts entries (each with a record) in list order: sort key,
// then id. The keys are copied beside the entries first, so that comparing
// them reads neither an entry nor a record (those reads were most of the
// time of sorting a few hundred thousand entries).
func sortList(es []*listEntry) {
	type keyed struct {
		key, id string
		le      *listEntry
	}
	ks := make([]keyed, len(es))
	for i, le := range es {
		ks[i] = keyed{le.Person.SortKey, le.ID, le}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
	for i, k := range ks {
		es[i] = k.le
	}
}

// writeBase writes the base at hi: the previous base, the segments since
// it (the last of which, just written, is last) and every holder's record.
func writeBase(rw tables.ReadWriter, metas []checkpointMeta, hi string, seq uint64, last map[string]*listEntry, part int) error {
	state := map[string]*listEntry{}
	prev := ""
	for _, m := range metas {
		if m.Level == baseLevel {
			prev = m.Hi
		}
	}
	if prev != "" {
		if err := readParts(rw, checkpointMeta{Level: baseLevel, Hi: prev, Parts: partsOf(metas, baseLevel, prev)}, func(le *listEntry) error {
			state[le.ID] = le
			return nil
		}); err != nil {
			return err
		}
	}
	for _, m := range metas {
		if m.Level != segmentLevel || m.Hi <= prev {
			continue
		}
		if err := readParts(rw, m, func(le *listEntry) error { mergeEntry(state, le); return nil }); err != nil {
			return err
		}
	}
	for _, le := range last {
		mergeEntry(state, le)
	}
	var out []*listEntry
	for _, le := range state {
		if len(le.Units) == 0 {
			continue // a base holds holders only
		}
		if le.Person == nil {
			p, err := personOn(rw, le.ID, hi)
			if err != nil {
				return err
			}
			le.Person = p
		}
		out = append(out, le)
	}
	sortList(out)
	return writeCheckpoint(rw, baseLevel, "", hi, seq, out, part)
}

func partsOf(metas []checkpointMeta, level int, hi string) int {
	for _, m := range metas {
		if m.Level == level && m.Hi == hi {
			return m.Parts
		}
	}
	return 0
}

// personOn returns the person's record as it stood at the end of day on:
// the latest version effective then, or (for books recorded before person
// versions were kept) the current record.
func personOn(r tables.Reader, id, on string) (*listPerson, error) {
	var latest tables.Row
	if err := r.Scan(tables.PersonVersions, []any{id}, func(row tables.Row) error {
		if row[1].(string) <= on {
			latest = append(latest[:0], row...)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if latest != nil {
		return listPersonOf(latest, 3)
	}
	row, ok, err := r.Get(tables.Persons, id)
	if err != nil {
		return nil, err
	}
	if !ok {
		return &listPerson{Name: id, SortKey: id}, nil
	}
	return listPersonOf(row, 1)
}

// writeCheckpoint encodes entries into parts and writes them with the
// checkpoint's description.
func writeCheckpoint(w tables.Writer, level int, lo, hi string, seq uint64, entries []*listEntry, part int) error {
	parts := 0
	for i := 0; i < len(entries); i += part {
		j := min(i+part, len(entries))
		if err := w.Put(tables.ListParts, tables.Row{int64(level), hi, int64(parts), encodeEntries(entries[i:j])}); err != nil {
			return err
		}
		parts++
	}
	return w.Put(tables.ListCheckpoints, tables.Row{int64(level), hi, lo, int64(parts), int64(len(entries)), int64(seq)})
}

// readParts decodes a checkpoint's entries in order.
func readParts(r tables.Reader, m checkpointMeta, fn func(*listEntry) error) error {
	data, err := readPartData(r, m)
	if err != nil {
		return err
	}
	for p, b := range data {
		if err := decodeEntries(b, fn); err != nil {
			return fmt.Errorf("list checkpoint %d/%s part %d: %w", m.Level, m.Hi, p, err)
		}
	}
	return nil
}

// readPartData reads a checkpoint's encoded parts, in order, in one scan
// (one query, not one per part: PostgreSQL pays a round trip per query).
// Each part is copied into a string, which its decoded entries share.
func readPartData(r tables.Reader, m checkpointMeta) ([]string, error) {
	out := make([]string, 0, m.Parts)
	if m.Parts == 0 {
		return out, nil
	}
	if err := r.Scan(tables.ListParts, []any{int64(m.Level), m.Hi}, func(row tables.Row) error {
		if p := int(row[2].(int64)); p != len(out) {
			return fmt.Errorf("list checkpoint %d/%s: part %d is missing", m.Level, m.Hi, len(out))
		}
		out = append(out, string(row[3].([]byte)))
		return nil
	}); err != nil {
		return nil, err
	}
	if len(out) != m.Parts {
		return nil, fmt.Errorf("list checkpoint %d/%s: part %d is missing", m.Level, m.Hi, len(out))
	}
	return out, nil
}

// encodeEntries writes: count; per entry the id, a flag (1 when a record
// follows), the record (name, sort key, kind, e-mail, address lines count,
// lines, city, region, postal code, country), the number of holdings and
// each class with its units (zigzag varint). Classes are in byte order.
func encodeEntries(es []*listEntry) []byte {
	b := binary.AppendUvarint(nil, uint64(len(es)))
	str := func(s string) { b = binary.AppendUvarint(b, uint64(len(s))); b = append(b, s...) }
	for _, le := range es {
		str(le.ID)
		if p := le.Person; p != nil {
			b = append(b, 1)
			str(p.Name)
			str(p.SortKey)
			str(p.Kind)
			str(p.Email)
			b = binary.AppendUvarint(b, uint64(len(p.Address.Lines)))
			for _, l := range p.Address.Lines {
				str(l)
			}
			str(p.Address.City)
			str(p.Address.Region)
			str(p.Address.PostalCode)
			str(p.Address.Country)
		} else {
			b = append(b, 0)
		}
		units := append([]classUnits(nil), le.Units...)
		sort.Slice(units, func(i, j int) bool { return units[i].Class < units[j].Class })
		b = binary.AppendUvarint(b, uint64(len(units)))
		for _, u := range units {
			str(u.Class)
			b = binary.AppendVarint(b, u.Units)
		}
	}
	return b
}

var errCheckpoint = errors.New("malformed list checkpoint")

// decodeEntries reads what encodeEntries wrote, calling fn for each entry.
// The entries' strings are substrings of s, and the entries, records,
// address lines and holdings come from one allocation each per part: a
// base of a million holders decodes in a few allocations per thousand
// entries.
func decodeEntries(s string, fn func(*listEntry) error) error {
	d := entryDecoder{s: s}
	count := d.uvarint()
	if d.bad || count > uint64(len(s)) {
		return errCheckpoint // an entry takes at least three bytes
	}
	entries := make([]listEntry, count)
	persons := make([]listPerson, 0, count)
	units := make([]classUnits, 0, count)
	var lines []string
	for i := range entries {
		le := &entries[i]
		le.ID = d.str()
		if d.bad || d.off >= len(s) {
			return errCheckpoint
		}
		flag := s[d.off]
		d.off++
		switch flag {
		case 0:
		case 1:
			persons = append(persons, listPerson{Name: d.str(), SortKey: d.str(), Kind: d.str(), Email: d.str()})
			p := &persons[len(persons)-1]
			n := d.uvarint()
			if n > uint64(len(s)-d.off) {
				return errCheckpoint
			}
			if n > 0 {
				if lines == nil {
					lines = make([]string, 0, max(int(count)-i, int(n)))
				}
				first := len(lines)
				for range n {
					lines = append(lines, d.str())
				}
				p.Address.Lines = lines[first:len(lines):len(lines)]
			}
			p.Address.City, p.Address.Region, p.Address.PostalCode, p.Address.Country = d.str(), d.str(), d.str(), d.str()
			le.Person = p
		default:
			return errCheckpoint
		}
		n := d.uvarint()
		if n > uint64(len(s)-d.off) {
			return errCheckpoint
		}
		first := len(units)
		for j := uint64(0); j < n && !d.bad; j++ {
			c := d.str()
			units = append(units, classUnits{c, d.varint()})
		}
		le.Units = units[first:len(units):len(units)]
		if d.bad {
			return errCheckpoint
		}
		if err := fn(le); err != nil {
			return err
		}
	}
	if d.bad || d.off != len(s) {
		return errCheckpoint
	}
	return nil
}

// entryDecoder reads varints and uvarint-prefixed strings from s; bad is
// set, and zero values returned, once the input is malformed.
type entryDecoder struct {
	s   string
	off int
	bad bool
}

func (d *entryDecoder) uvarint() uint64 {
	if d.off < len(d.s) && d.s[d.off] < 0x80 { // one byte: nearly every length
		v := uint64(d.s[d.off])
		d.off++
		return v
	}
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if d.off >= len(d.s) {
			break
		}
		c := d.s[d.off]
		d.off++
		if shift == 63 && c > 1 {
			break // overflows 64 bits (as binary.Uvarint refuses)
		}
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	d.bad = true
	return 0
}

func (d *entryDecoder) varint() int64 {
	u := d.uvarint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

func (d *entryDecoder) str() string {
	n := d.uvarint()
	if d.bad || n > uint64(len(d.s)-d.off) {
		d.bad = true
		return ""
	}
	v := d.s[d.off : d.off+int(n)]
	d.off += int(n)
	return v
}
