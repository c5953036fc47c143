package journal

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"
	"unicode/utf8"
)

// EncodingVersion is the version of the canonical entry encoding written by
// Encode. Decode refuses any other version; a new version will be added
// beside this one, never in place of it.
const EncodingVersion = 1

// Outcome is the result of one check.
type Outcome byte

// The outcomes of a check.
const (
	Held   Outcome = 0 // the rule is satisfied
	Warned Outcome = 1 // satisfied under an ambiguity default or a statute overlay
	Failed Outcome = 2 // the rule is not satisfied; the act is refused
)

// MarshalText writes the outcome's name ("held", "warned", "failed").
func (o Outcome) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText reads an outcome's name.
func (o *Outcome) UnmarshalText(b []byte) error {
	for _, c := range []Outcome{Held, Warned, Failed} {
		if c.String() == string(b) {
			*o = c
			return nil
		}
	}
	return fmt.Errorf("journal: unknown outcome %q", b)
}

func (o Outcome) String() string {
	switch o {
	case Held:
		return "held"
	case Warned:
		return "warned"
	case Failed:
		return "failed"
	}
	return fmt.Sprintf("outcome(%d)", byte(o))
}

// Number is one number computed by a check, named and written as text
// (an exact integer, decimal, fraction or date).
type Number struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Check is the outcome of one rule applied to one act.
//
// Its JSON form is the wire form of a check in the HTTP API.
type Check struct {
	Rule     string   `json:"rule"`     // rule id from rules.md, e.g. "II.8.quorum"
	Citation string   `json:"citation"` // e.g. "Art. II §8; DGCL §216"
	Outcome  Outcome  `json:"outcome"`
	Message  string   `json:"message"`
	Numbers  []Number `json:"numbers,omitempty"`
}

// Actor is who performed the act and in what capacity.
type Actor struct {
	Person   string
	Capacity string
}

// Entry is one recorded act in a corporation's journal.
type Entry struct {
	Corp          string
	Seq           uint64 // 1 for the first entry of a corporation
	Kind          string // act kind, e.g. "person.add"
	Effective     string // civil date YYYY-MM-DD in the corporation's zone
	EffectiveTime string // "HH:MM" where the act needs a time of day, else ""
	RecordedAt    time.Time
	Actor         Actor
	BylawsVersion string // the version the act was checked against, "" if none was in force
	Correction    bool   // recorded with an effective date before the newest on the books
	Fields        Value
	Checks        []Check
}

// maxLen bounds every length prefix the decoder accepts.
const maxLen = 1 << 26

type encoder struct{ b []byte }

func (e *encoder) uvarint(x uint64) { e.b = binary.AppendUvarint(e.b, x) }
func (e *encoder) varint(x int64)   { e.b = binary.AppendVarint(e.b, x) }
func (e *encoder) str(s string)     { e.uvarint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) boolean(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *encoder) value(v Value) {
	e.b = append(e.b, byte(v.Kind))
	switch v.Kind {
	case Bool:
		e.boolean(v.B)
	case Int:
		e.varint(v.I)
	case String:
		e.str(v.S)
	case List:
		e.uvarint(uint64(len(v.Items)))
		for _, it := range v.Items {
			e.value(it)
		}
	case Map:
		e.uvarint(uint64(len(v.Keys)))
		for i, k := range v.Keys {
			e.str(k)
			e.value(v.Vals[i])
		}
	}
}

// Encode returns the canonical encoding of e, version 1. The field order is
// fixed and written out here, one field after another:
//
//	version byte (1)
//	corp, seq, kind, effective, effective_time
//	recorded_at (varint Unix nanoseconds, UTC)
//	actor.person, actor.capacity, bylaws_version
//	correction (byte 0/1)
//	fields (tagged value)
//	checks: count, then each rule, citation, outcome byte, message,
//	        numbers: count, then each name, value
//
// Strings are a uvarint length and UTF-8 bytes; counts and seq are uvarints.
// A value is a tag byte (0 null, 1 bool, 2 int, 3 string, 4 list, 5 map)
// followed by its payload; map keys are strictly ascending.
func Encode(e *Entry) []byte {
	return AppendEncode(make([]byte, 0, 256), e)
}

// AppendEncode appends the canonical encoding of e to b.
func AppendEncode(b []byte, e *Entry) []byte {
	enc := encoder{b: b}
	enc.b = append(enc.b, EncodingVersion)
	enc.str(e.Corp)
	enc.uvarint(e.Seq)
	enc.str(e.Kind)
	enc.str(e.Effective)
	enc.str(e.EffectiveTime)
	enc.varint(e.RecordedAt.UnixNano())
	enc.str(e.Actor.Person)
	enc.str(e.Actor.Capacity)
	enc.str(e.BylawsVersion)
	enc.boolean(e.Correction)
	enc.value(e.Fields)
	enc.uvarint(uint64(len(e.Checks)))
	for _, c := range e.Checks {
		enc.str(c.Rule)
		enc.str(c.Citation)
		enc.b = append(enc.b, byte(c.Outcome))
		enc.str(c.Message)
		enc.uvarint(uint64(len(c.Numbers)))
		for _, n := range c.Numbers {
			enc.str(n.Name)
			enc.str(n.Value)
		}
	}
	return enc.b
}

type decoder struct {
	b     []byte
	err   error
	depth int
}

var errShort = errors.New("entry is truncated")

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	x, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail(errShort)
		return 0
	}
	if n != len(binary.AppendUvarint(nil, x)) {
		d.fail(errors.New("non-minimal integer"))
	}
	d.b = d.b[n:]
	return x
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	x, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail(errShort)
		return 0
	}
	if n != len(binary.AppendVarint(nil, x)) {
		d.fail(errors.New("non-minimal integer"))
	}
	d.b = d.b[n:]
	return x
}

func (d *decoder) byte1() byte {
	if d.err != nil {
		return 0
	}
	if len(d.b) == 0 {
		d.fail(errShort)
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) boolean() bool {
	switch d.byte1() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail(errors.New("boolean byte is not 0 or 1"))
	return false
}

// raw returns the next length-prefixed bytes without copying.
func (d *decoder) raw() []byte {
	n := d.uvarint()
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.b)) {
		d.fail(errShort)
		return nil
	}
	b := d.b[:n]
	d.b = d.b[n:]
	return b
}

func (d *decoder) str() string {
	n := d.uvarint()
	if d.err != nil {
		return ""
	}
	if n > maxLen || n > uint64(len(d.b)) {
		d.fail(errShort)
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	if !utf8.ValidString(s) {
		d.fail(errors.New("string is not UTF-8"))
	}
	return s
}

func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.b)) { // every element takes at least one byte
		d.fail(errShort)
		return 0
	}
	return int(n)
}

func (d *decoder) value() Value {
	d.depth++
	defer func() { d.depth-- }()
	if d.depth > 64 {
		d.fail(errors.New("values nested more than 64 deep"))
		return Value{}
	}
	v := Value{Kind: ValueKind(d.byte1())}
	switch v.Kind {
	case Null:
	case Bool:
		v.B = d.boolean()
	case Int:
		v.I = d.varint()
	case String:
		v.S = d.str()
	case List:
		n := d.count()
		v.Items = make([]Value, 0, n)
		for i := 0; i < n && d.err == nil; i++ {
			v.Items = append(v.Items, d.value())
		}
	case Map:
		n := d.count()
		v.Keys, v.Vals = make([]string, 0, n), make([]Value, 0, n)
		for i := 0; i < n && d.err == nil; i++ {
			k := d.str()
			if i > 0 && k <= v.Keys[i-1] {
				d.fail(fmt.Errorf("map key %q is not in strictly ascending order", k))
			}
			v.Keys = append(v.Keys, k)
			v.Vals = append(v.Vals, d.value())
		}
	default:
		d.fail(fmt.Errorf("unknown value tag %d", v.Kind))
	}
	return v
}

// Decode parses a canonical encoding. It refuses anything Encode would not
// have produced: another version, trailing bytes, non-minimal integers,
// unsorted map keys, invalid UTF-8, unknown tags.
func Decode(b []byte) (*Entry, error) { return decode(b, false, "") }

// DecodeChecks is Decode keeping, of the entry's checks, only those of
// rule: it accepts and refuses exactly what Decode does, and returns the
// same entry but for the checks left out, whose messages and citations it
// validates without copying. A reader that needs one check's numbers (the
// recount of a meeting's ballots) is spared the rest.
func DecodeChecks(b []byte, rule string) (*Entry, error) { return decode(b, true, rule) }

// skipStr validates a string as str does without copying it, and reports
// whether it equals s.
func (d *decoder) skipStr(s string) bool {
	n := d.uvarint()
	if d.err != nil {
		return false
	}
	if n > maxLen || n > uint64(len(d.b)) {
		d.fail(errShort)
		return false
	}
	b := d.b[:n]
	d.b = d.b[n:]
	if !utf8.Valid(b) {
		d.fail(errors.New("string is not UTF-8"))
	}
	return string(b) == s
}

func decode(b []byte, filter bool, rule string) (*Entry, error) {
	d := &decoder{b: b}
	if v := d.byte1(); d.err == nil && v != EncodingVersion {
		return nil, fmt.Errorf("journal entry: encoding version %d is not supported (want %d)", v, EncodingVersion)
	}
	e := &Entry{}
	e.Corp = d.str()
	e.Seq = d.uvarint()
	e.Kind = d.str()
	e.Effective = d.str()
	e.EffectiveTime = d.str()
	ns := d.varint()
	e.RecordedAt = time.Unix(0, ns).UTC()
	e.Actor.Person = d.str()
	e.Actor.Capacity = d.str()
	e.BylawsVersion = d.str()
	e.Correction = d.boolean()
	e.Fields = d.value()
	n := d.count()
	for i := 0; i < n && d.err == nil; i++ {
		if filter {
			if keep := d.skipStr(rule); !keep {
				d.skipStr("")
				o := Outcome(d.byte1())
				d.skipStr("")
				if o > Failed {
					d.fail(fmt.Errorf("unknown check outcome %d", o))
				}
				m := d.count()
				for j := 0; j < m && d.err == nil; j++ {
					d.skipStr("")
					d.skipStr("")
				}
				continue
			}
		}
		var c Check
		if filter {
			c.Rule = rule
		} else {
			c.Rule = d.str()
		}
		c.Citation, c.Outcome, c.Message = d.str(), Outcome(d.byte1()), d.str()
		if c.Outcome > Failed {
			d.fail(fmt.Errorf("unknown check outcome %d", c.Outcome))
		}
		m := d.count()
		for j := 0; j < m && d.err == nil; j++ {
			c.Numbers = append(c.Numbers, Number{Name: d.str(), Value: d.str()})
		}
		e.Checks = append(e.Checks, c)
	}
	if d.err == nil && len(d.b) != 0 {
		d.fail(fmt.Errorf("%d trailing bytes", len(d.b)))
	}
	if ns == math.MinInt64 {
		d.fail(errors.New("recorded_at out of range"))
	}
	if d.err != nil {
		return nil, fmt.Errorf("journal entry: %w", d.err)
	}
	return e, nil
}

// Equal reports whether two entries encode identically.
func (e *Entry) Equal(f *Entry) bool { return bytes.Equal(Encode(e), Encode(f)) }
