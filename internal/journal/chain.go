package journal

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// Hash is a SHA-256 digest.
type Hash [32]byte

// String returns the hash in lower-case hex.
func (h Hash) String() string { return hex.EncodeToString(h[:]) }

// ParseHash parses 64 hex digits.
func ParseHash(s string) (Hash, error) {
	var h Hash
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != len(h) {
		return h, fmt.Errorf("%q is not a SHA-256 hash in hex", s)
	}
	copy(h[:], b)
	return h, nil
}

// Genesis is the previous hash of a corporation's first entry.
var Genesis Hash

// Link returns the hash of an entry: SHA-256(prev || encoding).
func Link(prev Hash, encoding []byte) Hash {
	h := sha256.New()
	h.Write(prev[:])
	h.Write(encoding)
	var out Hash
	h.Sum(out[:0])
	return out
}

// Record is an entry as a store keeps it: its sequence number, its
// canonical encoding and its hash. Stores also keep copies of a few fields
// in columns for queries; Verify checks them against the encoding.
type Record struct {
	Corp      string
	Seq       uint64
	Kind      string
	Effective string
	Encoding  []byte
	Hash      Hash
}

// NewRecord encodes e and links it to prev.
func NewRecord(prev Hash, e *Entry) Record {
	enc := Encode(e)
	return Record{Corp: e.Corp, Seq: e.Seq, Kind: e.Kind, Effective: e.Effective, Encoding: enc, Hash: Link(prev, enc)}
}

// BreakError reports the first place where a chain does not verify.
type BreakError struct {
	Corp   string
	Seq    uint64 // the first bad sequence number
	Reason string
}

func (e *BreakError) Error() string {
	return fmt.Sprintf("journal of %s breaks at sequence %d: %s", e.Corp, e.Seq, e.Reason)
}

// Verifier checks one corporation's chain, one record at a time, in
// sequence order. It keeps only the running hash, so it verifies any
// length of journal in constant memory.
type Verifier struct {
	corp string
	next uint64
	prev Hash
	// Decode, when true, also reads each entry's header and checks that
	// it agrees with the record's columns. NewVerifier sets it.
	Decode bool
}

// NewVerifier starts verifying corp's chain from its first entry.
func NewVerifier(corp string) *Verifier { return &Verifier{corp: corp, next: 1, Decode: true} }

// Next checks the next record. It returns a *BreakError when the record
// was altered, removed, reordered or inserted.
func (v *Verifier) Next(r *Record) error {
	fail := func(format string, args ...any) error {
		return &BreakError{Corp: v.corp, Seq: v.next, Reason: fmt.Sprintf(format, args...)}
	}
	if r.Corp != v.corp {
		return fail("record belongs to corporation %q", r.Corp)
	}
	if r.Seq != v.next {
		if r.Seq > v.next {
			return fail("entry %d is missing (found %d next)", v.next, r.Seq)
		}
		return fail("entry %d appears out of order or twice", r.Seq)
	}
	h := Link(v.prev, r.Encoding)
	if h != r.Hash {
		return fail("hash mismatch: stored %s, computed %s", r.Hash, h)
	}
	if v.Decode {
		if err := headerMatches(r); err != nil {
			return fail("%v", err)
		}
	}
	v.prev = h
	v.next++
	return nil
}

// Head returns the sequence number and hash of the last verified record
// (0 and Genesis before the first).
func (v *Verifier) Head() (uint64, Hash) { return v.next - 1, v.prev }

// Verify checks a whole chain held in memory.
func Verify(corp string, recs []Record) error {
	v := NewVerifier(corp)
	for i := range recs {
		if err := v.Next(&recs[i]); err != nil {
			return err
		}
	}
	return nil
}

// SameBytes reports whether two records are byte-identical.
func SameBytes(a, b *Record) bool {
	return a.Seq == b.Seq && a.Hash == b.Hash && bytes.Equal(a.Encoding, b.Encoding)
}

// headerMatches reads the leading fields of an encoding (version, corp,
// seq, kind, effective) without allocating, and checks them against the
// record's columns. The hash already covers the whole encoding; this
// catches a column edited behind the journal's back.
func headerMatches(r *Record) error {
	d := &decoder{b: r.Encoding}
	if v := d.byte1(); d.err == nil && v != EncodingVersion {
		return fmt.Errorf("encoding version %d is not supported (want %d)", v, EncodingVersion)
	}
	corp := d.raw()
	seq := d.uvarint()
	kind := d.raw()
	eff := d.raw()
	if d.err != nil {
		return d.err
	}
	if string(corp) != r.Corp || seq != r.Seq || string(kind) != r.Kind || string(eff) != r.Effective {
		return fmt.Errorf("columns (corp %q, seq %d, kind %q, effective %s) differ from the entry (corp %q, seq %d, kind %q, effective %s)",
			r.Corp, r.Seq, r.Kind, r.Effective, corp, seq, kind, eff)
	}
	return nil
}
