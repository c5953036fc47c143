package vote

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// MatterKind says how a matter is decided.
type MatterKind string

// The kinds of matter.
const (
	// Question: decided by a majority of the voting power present in
	// person or by proxy (Art. II §9; DGCL §216(2)).
	Question MatterKind = "question"
	// Election: directors elected by plurality (Art. II §2; DGCL §216(3)),
	// cumulatively where the charter provides it (Art. II §10 ¶2; §214).
	Election MatterKind = "election"
)

// Matter is one question or election put to a meeting.
type Matter struct {
	ID         string
	Kind       MatterKind
	Text       string   // the question, or the directorships up for election
	Seats      int      // election: seats to fill
	Candidates []string // election: the candidates, in ballot order
	Incumbents []string // election: the directors whose seats are up (they hold over on a tie)
	Cumulative bool     // election: each share carries Seats votes, distributed freely
}

// Choice is a vote on a question.
type Choice byte

// The choices on a question.
const (
	For     Choice = 'f'
	Against Choice = 'a'
	Abstain Choice = 's'
)

// ParseChoice returns the choice named "for", "against" or "abstain".
func ParseChoice(s string) (Choice, error) {
	switch s {
	case "for":
		return For, nil
	case "against":
		return Against, nil
	case "abstain":
		return Abstain, nil
	}
	return 0, fmt.Errorf("%q is not a choice (for, against or abstain)", s)
}

func (c Choice) String() string {
	switch c {
	case For:
		return "for"
	case Against:
		return "against"
	case Abstain:
		return "abstain"
	}
	return "?"
}

// Mode is how a ballot was cast.
type Mode byte

// The modes.
const (
	InPerson Mode = 'p' // by the holder of record
	ByProxy  Mode = 'x' // by a proxy holder under a proxy
)

func (m Mode) String() string {
	if m == ByProxy {
		return "proxy"
	}
	return "in_person"
}

// Allocation is the votes a ballot gives one candidate.
type Allocation struct {
	Candidate string
	Votes     int64 // vote units
}

// Ballot is one holder's or proxy's votes on one matter (GLOSSARY).
type Ballot struct {
	Meeting, Matter string
	Holder          string // the holder of record whose shares are voted
	Voter           string // who cast it: the holder, or the proxy holder
	Mode            Mode
	Proxy           string // ByProxy: the proxy's id
	Seq             uint64 // the journal entry that recorded it
	// Held is the holder's voting power at the record date (vote units:
	// shares × votes per share of each class, × 10^scale); Power is the
	// part the ballot casts (all of it unless the ballot says less).
	Held, Power int64
	Choice      Choice       // a question
	Votes       []Allocation // an election, sorted by candidate
}

// Errors a ballot is refused with. Each wraps the numbers in its message.
var (
	ErrOverVoted  = errors.New("over-voted")
	ErrBadBallot  = errors.New("invalid ballot")
	ErrOverflow   = errors.New("vote total out of range")
	errBadEncoded = errors.New("not a ballot encoding")
)

// maxUnits bounds a ballot's power, so that power × seats and every sum
// over a million ballots stay far inside int64.
const maxUnits = 1 << 50

// Check reports whether b is a well-formed ballot on m: within the holder's
// power, a known choice or known candidates once each, at most Seats
// candidates under plurality (each given the ballot's power), and under
// cumulative voting at most Power × Seats votes in all (an over-voted
// ballot is refused for correction: A-CUMPLUR reject_ballot).
func Check(m *Matter, b *Ballot) error {
	_, err := check(m, nil, b)
	return err
}

// check is Check, finding candidates in cands (candidate → index) when it
// is not nil; then it returns the indices of the first 8 candidates
// allocated, a byte each (+1, 0 for none) when they are below 255.
func check(m *Matter, cands map[string]int32, b *Ballot) (packed uint64, err error) {
	if b.Power <= 0 || b.Held <= 0 || b.Power > b.Held || b.Held > maxUnits {
		return 0, fmt.Errorf("%w: the ballot casts %d of %d vote units held", ErrBadBallot, b.Power, b.Held)
	}
	if b.Mode != InPerson && b.Mode != ByProxy || (b.Mode == ByProxy) != (b.Proxy != "") {
		return 0, fmt.Errorf("%w: mode and proxy disagree", ErrBadBallot)
	}
	switch m.Kind {
	case Question:
		if len(b.Votes) != 0 || (b.Choice != For && b.Choice != Against && b.Choice != Abstain) {
			return 0, fmt.Errorf("%w: a question takes one choice: for, against or abstain", ErrBadBallot)
		}
		return packed, nil
	case Election:
	default:
		return 0, fmt.Errorf("%w: unknown matter kind %q", ErrBadBallot, m.Kind)
	}
	if b.Choice != 0 {
		return 0, fmt.Errorf("%w: an election takes candidates, not a choice", ErrBadBallot)
	}
	var total int64
	for i, a := range b.Votes {
		if i > 0 && b.Votes[i-1].Candidate >= a.Candidate {
			return 0, fmt.Errorf("%w: candidates must be named once each, in order", ErrBadBallot)
		}
		known := false
		if cands != nil {
			var k int32
			if k, known = cands[a.Candidate]; known && i < 8 && k < 255 {
				packed |= uint64(k+1) << (8 * i)
			}
		} else {
			known = slices.Contains(m.Candidates, a.Candidate)
		}
		if !known {
			return 0, fmt.Errorf("%w: %q is not a candidate (%s)", ErrBadBallot, a.Candidate, strings.Join(m.Candidates, ", "))
		}
		if a.Votes <= 0 {
			return 0, fmt.Errorf("%w: %q is given %d votes", ErrBadBallot, a.Candidate, a.Votes)
		}
		if !m.Cumulative && a.Votes != b.Power {
			return 0, fmt.Errorf("%w: without cumulative voting each candidate marked receives the ballot's %d votes, not %d", ErrBadBallot, b.Power, a.Votes)
		}
		total += a.Votes
		if total > maxUnits*64 {
			return 0, fmt.Errorf("%w: %d", ErrOverflow, total)
		}
	}
	if !m.Cumulative {
		if len(b.Votes) > m.Seats {
			return 0, fmt.Errorf("%w: %d candidates marked for %d seats (plurality: at most one vote per share for each seat)", ErrOverVoted, len(b.Votes), m.Seats)
		}
		return packed, nil
	}
	if limit := b.Power * int64(m.Seats); total > limit {
		return 0, fmt.Errorf("%w: %d votes cast, but %d votes × %d seats allow %d (shares × seats); the ballot is returned for correction", ErrOverVoted, total, b.Power, m.Seats, limit)
	}
	return packed, nil
}

// magic starts every ballot encoding; bump it to change the encoding.
const magic = "mbb1"

// Encode returns the canonical encoding of b: the fields in a fixed order,
// strings length-prefixed, integers as varints, allocations sorted by
// candidate. The receipt is the SHA-256 of it. Hand-written, as the
// journal's encoding is (STYLE.md: Upspin), and pinned by golden vectors.
func Encode(b *Ballot) []byte { return AppendEncode(nil, b) }

// AppendEncode appends the encoding of b to dst.
func AppendEncode(dst []byte, b *Ballot) []byte {
	dst = append(dst, magic...)
	for _, s := range [...]string{b.Meeting, b.Matter, b.Holder, b.Voter} {
		dst = appendStr(dst, s)
	}
	dst = append(dst, byte(b.Mode))
	dst = appendStr(dst, b.Proxy)
	dst = binary.AppendUvarint(dst, b.Seq)
	dst = binary.AppendVarint(dst, b.Held)
	dst = binary.AppendVarint(dst, b.Power)
	if len(b.Votes) == 0 && b.Choice != 0 {
		return append(dst, 'q', byte(b.Choice))
	}
	dst = append(dst, 'e')
	dst = binary.AppendUvarint(dst, uint64(len(b.Votes)))
	for _, a := range b.Votes {
		dst = appendStr(dst, a.Candidate)
		dst = binary.AppendVarint(dst, a.Votes)
	}
	return dst
}

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// maxAllocations bounds the candidates of one encoded ballot.
const maxAllocations = 10000

// Decode parses a ballot encoding. It accepts only canonical encodings
// (Encode(Decode(x)) == x), so that one ballot has one receipt.
func Decode(data []byte) (*Ballot, error) {
	b := &Ballot{}
	if err := DecodeInto(data, b); err != nil {
		return nil, err
	}
	return b, nil
}

// DecodeInto parses a ballot encoding into b, reusing b.Votes.
func DecodeInto(data []byte, b *Ballot) error { return (&Decoder{}).DecodeInto(data, b) }

// Decoder decodes many ballots of one meeting, sharing the strings that
// repeat among them (meeting, matter, candidates), so that a million
// ballots do not allocate a million copies of each.
type Decoder struct {
	intern map[string]string
}

// NewDecoder returns a Decoder.
func NewDecoder() *Decoder { return &Decoder{intern: map[string]string{}} }

// maxInterned bounds the strings a Decoder shares.
const maxInterned = 1 << 12

// DecodeInto parses a ballot encoding into b, as Decode does.
func (x *Decoder) DecodeInto(data []byte, b *Ballot) error {
	d := decoder{b: data, intern: x.intern}
	if !strings.HasPrefix(string(data), magic) {
		return errBadEncoded
	}
	d.b = d.b[len(magic):]
	b.Meeting, b.Matter = d.shared(), d.shared()
	b.Holder = d.str()
	if d.nextIs(b.Holder) {
		b.Voter = b.Holder
		d.str()
	} else {
		b.Voter = d.str()
	}
	b.Mode = Mode(d.byte1())
	b.Proxy = d.str()
	b.Seq = d.uvarint()
	b.Held, b.Power = d.varint(), d.varint()
	b.Choice, b.Votes = 0, b.Votes[:0]
	switch d.byte1() {
	case 'q':
		b.Choice = Choice(d.byte1())
		if b.Choice == 0 {
			d.err = errBadEncoded
		}
	case 'e':
		n := d.uvarint()
		if n > maxAllocations || n > uint64(len(d.b)) {
			d.err = errBadEncoded
			break
		}
		for i := uint64(0); i < n && d.err == nil; i++ {
			b.Votes = append(b.Votes, Allocation{Candidate: d.shared(), Votes: d.varint()})
		}
	default:
		d.err = errBadEncoded
	}
	if d.err == nil && len(d.b) != 0 {
		d.err = errBadEncoded
	}
	if d.err != nil {
		return fmt.Errorf("ballot encoding: %w", d.err)
	}
	for i := 1; i < len(b.Votes); i++ {
		if b.Votes[i-1].Candidate >= b.Votes[i].Candidate {
			return fmt.Errorf("ballot encoding: %w: allocations out of order", errBadEncoded)
		}
	}
	if b.Mode != InPerson && b.Mode != ByProxy {
		return fmt.Errorf("ballot encoding: %w: mode %q", errBadEncoded, byte(b.Mode))
	}
	return nil
}

type decoder struct {
	b      []byte
	err    error
	intern map[string]string
}

// nextIs reports whether the next string is s, without consuming it (the
// compiler does not copy string(b) in a comparison).
func (d *decoder) nextIs(s string) bool {
	if d.err != nil {
		return false
	}
	n, k := binary.Uvarint(d.b)
	return k > 0 && n <= uint64(len(d.b)-k) && string(d.b[k:k+int(n)]) == s
}

// shared reads a string, sharing one copy of each repeated value.
func (d *decoder) shared() string {
	if d.intern == nil {
		return d.str()
	}
	n, k := binary.Uvarint(d.b)
	if d.err != nil || k <= 0 || n > uint64(len(d.b)-k) {
		return d.str()
	}
	if s, ok := d.intern[string(d.b[k:k+int(n)])]; ok {
		d.b = d.b[k+int(n):]
		if k != len(binary.AppendUvarint(nil, n)) {
			d.err = errBadEncoded
		}
		return s
	}
	s := d.str()
	if d.err == nil && len(d.intern) < maxInterned {
		d.intern[s] = s
	}
	return s
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	x, n := binary.Uvarint(d.b)
	if n <= 0 || n != len(binary.AppendUvarint(nil, x)) {
		d.err = errBadEncoded
		return 0
	}
	d.b = d.b[n:]
	return x
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	x, n := binary.Varint(d.b)
	if n <= 0 || n != len(binary.AppendVarint(nil, x)) {
		d.err = errBadEncoded
		return 0
	}
	d.b = d.b[n:]
	return x
}

func (d *decoder) byte1() byte {
	if d.err != nil || len(d.b) == 0 {
		d.err = errBadEncoded
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) str() string {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		d.err = errBadEncoded
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

// Receipt is the hash a voter keeps: SHA-256 over a domain tag and the
// ballot's canonical encoding. It is committed in the certified result's
// root, so that a holder can check their ballot was counted.
type Receipt [32]byte

// receiptTag separates receipts from every other SHA-256 in minutebook.
const receiptTag = "minutebook.receipt.v1\x00"

// ReceiptOf returns the receipt of an encoded ballot.
func ReceiptOf(encoding []byte) Receipt {
	// One SHA-256 over tag ‖ encoding, in a buffer on the stack for a
	// ballot of ordinary size (no digest to allocate).
	var buf [256]byte
	b := buf[:0]
	if len(receiptTag)+len(encoding) > len(buf) {
		b = make([]byte, 0, len(receiptTag)+len(encoding))
	}
	b = append(append(b, receiptTag...), encoding...)
	return sha256.Sum256(b)
}

func (r Receipt) String() string { return hex.EncodeToString(r[:]) }

// ParseReceipt parses a receipt written as 64 hexadecimal digits.
func ParseReceipt(s string) (Receipt, error) {
	var r Receipt
	if len(s) != 64 {
		return r, fmt.Errorf("a receipt is 64 hexadecimal digits, got %d characters", len(s))
	}
	if _, err := hex.Decode(r[:], []byte(s)); err != nil {
		return r, fmt.Errorf("receipt %q: %v", s, err)
	}
	return r, nil
}
