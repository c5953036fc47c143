// Package tables describes the derived state of a corporation: the tables
// that the effects of recorded acts write, as typed rows keyed by their
// leading columns. Every table is implicitly scoped to one corporation.
//
// The same definitions serve the stores (which persist rows and keep one
// SQL table per Table, created by their numbered migrations) and the
// in-memory replay of a journal (Memory), so that `journal verify` can
// compare what is stored with what the journal implies, table by table.
//
// It imports only the standard library and package journal.
package tables

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Type is a column type.
type Type byte

// The column types. Booleans are Int 0/1; dates are Text YYYY-MM-DD;
// decimals are Text in canonical form.
const (
	Int  Type = 1
	Text Type = 2
	Blob Type = 3
)

// Column is one column of a table.
type Column struct {
	Name string
	Type Type
}

// Table is a derived table. Its first Key columns form the primary key
// (after the implicit corporation column). A table with Key 0 holds at most
// one row per corporation.
type Table struct {
	Name    string
	Columns []Column
	Key     int
	// Between names the Text column that ScanBetween ranges over, "" when
	// the table has none. The stores keep a secondary index on it (their
	// migrations create "<table>_between" on (corp, column, key columns)).
	Between string
	// Operational marks a table that no act writes (accounts, sessions,
	// idempotency keys): the journal's replay does not rebuild it, so Diff
	// skips it.
	Operational bool
}

// Row is one row: a value for every column, in column order. Values are
// int64 (Int), string (Text) or []byte (Blob).
type Row []any

// Reader reads derived rows of one corporation.
type Reader interface {
	// Get returns the row with the given key, and whether it exists.
	Get(t *Table, key ...any) (Row, bool, error)
	// Scan calls fn for each row whose key starts with prefix, in key order.
	// fn must not retain the row beyond the call.
	Scan(t *Table, prefix []any, fn func(Row) error) error
	// ScanBetween calls fn for each row whose Between column holds a value
	// v with lo <= v < hi (byte order), in the order of v and then of the
	// key. fn must not retain the row beyond the call.
	ScanBetween(t *Table, lo, hi string, fn func(Row) error) error
}

// Writer writes derived rows of one corporation.
type Writer interface {
	// Put inserts the row, or replaces the row with the same key.
	Put(t *Table, r Row) error
	// Delete removes the row with the given key, if any.
	Delete(t *Table, key ...any) error
}

// ReadWriter is both.
type ReadWriter interface {
	Reader
	Writer
}

var registry []*Table

// Register adds a table to the schema. It panics on a malformed definition
// or a duplicate name (a programming error found at start-up).
func Register(t *Table) *Table {
	if t.Key < 0 || t.Key > len(t.Columns) || len(t.Columns) == 0 {
		panic("tables: " + t.Name + ": key must cover 0..len(columns) columns")
	}
	for _, r := range registry {
		if r.Name == t.Name {
			panic("tables: duplicate table " + t.Name)
		}
	}
	if t.Between != "" && t.BetweenColumn() < 0 {
		panic("tables: " + t.Name + ": Between names no Text column")
	}
	registry = append(registry, t)
	return t
}

// BetweenColumn returns the index of the Between column, -1 if none.
func (t *Table) BetweenColumn() int {
	for i, c := range t.Columns {
		if c.Name == t.Between && c.Type == Text {
			return i
		}
	}
	return -1
}

// All returns every registered table, in registration order.
func All() []*Table { return registry }

// Lookup returns the registered table named name.
func Lookup(name string) (*Table, bool) {
	for _, t := range registry {
		if t.Name == name {
			return t, true
		}
	}
	return nil, false
}

// Check verifies that r has the shape of t.
func (t *Table) Check(r Row) error {
	if len(r) != len(t.Columns) {
		return fmt.Errorf("table %s: row has %d values, want %d", t.Name, len(r), len(t.Columns))
	}
	for i, c := range t.Columns {
		if err := checkValue(t, c, r[i]); err != nil {
			return err
		}
	}
	return nil
}

func checkValue(t *Table, c Column, v any) error {
	ok := false
	switch c.Type {
	case Int:
		_, ok = v.(int64)
	case Text:
		_, ok = v.(string)
	case Blob:
		_, ok = v.([]byte)
	}
	if !ok {
		return fmt.Errorf("table %s: column %s: value %v (%T) is not of its type", t.Name, c.Name, v, v)
	}
	return nil
}

// KeyOf returns the key values of r.
func (t *Table) KeyOf(r Row) []any { return r[:t.Key] }

// EncodeKey returns an order-preserving byte encoding of key values, used
// by Memory and to sort dumps identically on every store.
func EncodeKey(key []any) []byte {
	var b []byte
	for _, v := range key {
		switch v := v.(type) {
		case int64:
			b = append(b, 'i')
			b = binary.BigEndian.AppendUint64(b, uint64(v)^(1<<63))
		case string:
			b = append(b, 's')
			b = appendEscaped(b, []byte(v))
		case []byte:
			b = append(b, 'b')
			b = appendEscaped(b, v)
		default:
			panic(fmt.Sprintf("tables: key value %v of type %T", v, v))
		}
	}
	return b
}

// appendEscaped writes v so that byte order of the encoding follows the
// order of v and no encoding is a prefix of a longer one: 0x00 becomes
// 0x00 0xFF, and the value ends with 0x00 0x01.
func appendEscaped(b, v []byte) []byte {
	for _, c := range v {
		b = append(b, c)
		if c == 0 {
			b = append(b, 0xFF)
		}
	}
	return append(b, 0, 1)
}

// FormatRow renders a row as one canonical line of text (for dumps and
// for messages that say which rows differ).
func FormatRow(t *Table, r Row) string {
	var sb strings.Builder
	sb.WriteString(t.Name)
	for i, v := range r {
		sb.WriteByte(' ')
		sb.WriteString(t.Columns[i].Name)
		sb.WriteByte('=')
		switch v := v.(type) {
		case int64:
			sb.WriteString(strconv.FormatInt(v, 10))
		case string:
			sb.WriteString(strconv.Quote(v))
		case []byte:
			fmt.Fprintf(&sb, "0x%x", v)
		default:
			fmt.Fprintf(&sb, "%v", v)
		}
	}
	return sb.String()
}

// Memory is an in-memory ReadWriter for one corporation. The journal
// replay writes into it.
type Memory struct {
	rows map[string]map[string]Row // table -> encoded key -> row
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{rows: map[string]map[string]Row{}} }

// Get implements Reader.
func (m *Memory) Get(t *Table, key ...any) (Row, bool, error) {
	r, ok := m.rows[t.Name][string(EncodeKey(key))]
	return r, ok, nil
}

// Scan implements Reader.
func (m *Memory) Scan(t *Table, prefix []any, fn func(Row) error) error {
	p := EncodeKey(prefix)
	var keys []string
	for k := range m.rows[t.Name] {
		if bytes.HasPrefix([]byte(k), p) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := fn(m.rows[t.Name][k]); err != nil {
			return err
		}
	}
	return nil
}

// ScanBetween implements Reader. It filters every row of the table (the
// replay's tables are in memory; the stores use their index).
func (m *Memory) ScanBetween(t *Table, lo, hi string, fn func(Row) error) error {
	c := t.BetweenColumn()
	if c < 0 {
		return fmt.Errorf("scan %s: the table has no Between column", t.Name)
	}
	type hit struct {
		v, k string
		r    Row
	}
	var hits []hit
	for k, r := range m.rows[t.Name] {
		if v := r[c].(string); lo <= v && v < hi {
			hits = append(hits, hit{v, k, r})
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].v != hits[j].v {
			return hits[i].v < hits[j].v
		}
		return hits[i].k < hits[j].k
	})
	for _, h := range hits {
		if err := fn(h.r); err != nil {
			return err
		}
	}
	return nil
}

// Put implements Writer.
func (m *Memory) Put(t *Table, r Row) error {
	if err := t.Check(r); err != nil {
		return err
	}
	tm := m.rows[t.Name]
	if tm == nil {
		tm = map[string]Row{}
		m.rows[t.Name] = tm
	}
	tm[string(EncodeKey(t.KeyOf(r)))] = append(Row(nil), r...)
	return nil
}

// Delete implements Writer.
func (m *Memory) Delete(t *Table, key ...any) error {
	delete(m.rows[t.Name], string(EncodeKey(key)))
	return nil
}

// Diff compares every registered table in a and b and returns up to max
// lines describing rows that differ ("- row" only in a, "+ row" only in b).
func Diff(a, b Reader, max int) ([]string, error) {
	var out []string
	for _, t := range All() {
		if t.Operational {
			continue
		}
		ra, err := collect(a, t)
		if err != nil {
			return nil, err
		}
		rb, err := collect(b, t)
		if err != nil {
			return nil, err
		}
		for k, la := range ra {
			if lb, ok := rb[k]; !ok || lb != la {
				out = append(out, "- "+la)
				if ok {
					out = append(out, "+ "+lb)
				}
			}
		}
		for k, lb := range rb {
			if _, ok := ra[k]; !ok {
				out = append(out, "+ "+lb)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i][2:] < out[j][2:] })
	if len(out) > max {
		out = append(out[:max], fmt.Sprintf("… and %d more", len(out)-max))
	}
	return out, nil
}

func collect(r Reader, t *Table) (map[string]string, error) {
	m := map[string]string{}
	err := r.Scan(t, nil, func(row Row) error {
		m[string(EncodeKey(t.KeyOf(row)))] = FormatRow(t, row)
		return nil
	})
	return m, err
}

// Scanner is a SQL row that scans into destinations (database/sql's *Row
// and *Rows, pgx's Rows).
type Scanner interface{ Scan(dest ...any) error }

// ScanRow reads one row of t from sc, typed by t's columns. A NULL or
// empty blob reads as an empty, non-nil []byte, the same on every store.
func ScanRow(t *Table, sc Scanner) (Row, error) { return NewRowScanner(t).Scan(sc) }

// RowScanner reads the rows of one table, as ScanRow does, reusing its
// scan destinations from row to row and carving the rows it returns out of
// larger blocks: a scan of many rows allocates the boxed values and little
// else. The rows returned stay valid; they share no memory with the next.
type RowScanner struct {
	t     *Table
	dst   []any
	ints  []int64
	strs  []string
	blobs [][]byte
	block []any // the rest of the current block of rows
}

// rowsPerBlock is how many rows one allocation holds.
const rowsPerBlock = 64

// NewRowScanner returns a RowScanner of t.
func NewRowScanner(t *Table) *RowScanner {
	n := len(t.Columns)
	s := &RowScanner{t: t, dst: make([]any, n), ints: make([]int64, n), strs: make([]string, n), blobs: make([][]byte, n)}
	for i, c := range t.Columns {
		switch c.Type {
		case Int:
			s.dst[i] = &s.ints[i]
		case Text:
			s.dst[i] = &s.strs[i]
		case Blob:
			s.dst[i] = &s.blobs[i]
		}
	}
	return s
}

// Scan reads the next row from sc.
func (s *RowScanner) Scan(sc Scanner) (Row, error) {
	for i := range s.blobs {
		s.blobs[i] = nil
	}
	if err := sc.Scan(s.dst...); err != nil {
		return nil, err
	}
	n := len(s.t.Columns)
	if len(s.block) < n {
		s.block = make([]any, n*rowsPerBlock)
	}
	r := Row(s.block[:n:n])
	s.block = s.block[n:]
	for i, c := range s.t.Columns {
		switch c.Type {
		case Int:
			r[i] = s.ints[i]
		case Text:
			r[i] = s.strs[i]
		case Blob:
			b := s.blobs[i]
			if b == nil {
				b = []byte{}
			}
			r[i] = b
		}
	}
	return r, nil
}
