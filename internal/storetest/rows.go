package storetest

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"minutebook/internal/tables"
)

// The values every column type must carry exactly. Text holds valid UTF-8
// without NUL (PostgreSQL refuses both; package tables leaves them out of
// the contract); Blob holds anything, NUL bytes included. A nil Blob is
// the empty Blob, as in tables.Memory.
var (
	intValues  = []int64{0, 1, -1, 42, -42, 1 << 40, math.MinInt64, math.MaxInt64}
	textValues = []string{
		"", "a", "B", "Z", "b", "aa", "a b", "é", "e\u0301", "日本語", "\uFFFD", "🙂",
		"it's", `"quoted"`, `back\slash`, "100%_", "tab\tnew\nline", strings.Repeat("long ", 2000),
	}
	blobValues = [][]byte{
		nil, {}, {0}, {0, 0}, {0, 1, 0}, {0xFF}, {0xFF, 0}, []byte("abc"), []byte("a\x00b"),
		bytes.Repeat([]byte{0, 0xAB}, 40000),
	}
)

// domain returns the suite's values of type typ.
func domain(typ tables.Type) []any {
	var out []any
	switch typ {
	case tables.Int:
		for _, v := range intValues {
			out = append(out, v)
		}
	case tables.Text:
		for _, v := range textValues {
			out = append(out, v)
		}
	case tables.Blob:
		for _, v := range blobValues {
			out = append(out, v)
		}
	default:
		panic(fmt.Sprintf("storetest: column type %d", typ))
	}
	return out
}

// genRows returns n rows of tb whose column j takes value (i*(j+1)+j) of
// its domain, shifted by shift in the non-key columns. Keys repeat in
// their leading columns, so that prefixes group several rows; a repeated
// whole key is an upsert.
func genRows(tb *tables.Table, n, shift int) []tables.Row {
	rows := make([]tables.Row, n)
	for i := range rows {
		r := make(tables.Row, len(tb.Columns))
		for j, c := range tb.Columns {
			d := domain(c.Type)
			k := i*(j+1) + j
			if j >= tb.Key {
				k += shift
			}
			r[j] = d[k%len(d)]
		}
		rows[i] = r
	}
	return rows
}

// uniqueKeyRow returns a row of tb whose key is distinct for each i and
// whose other columns take the first value of their domain.
func uniqueKeyRow(tb *tables.Table, i int) tables.Row {
	r := make(tables.Row, len(tb.Columns))
	for j, c := range tb.Columns {
		if j >= tb.Key {
			r[j] = domain(c.Type)[0]
			continue
		}
		switch c.Type {
		case tables.Int:
			r[j] = int64(1000 + i)
		case tables.Text:
			r[j] = fmt.Sprintf("key-%04d", i)
		case tables.Blob:
			r[j] = []byte{'k', byte(i >> 8), byte(i)}
		}
	}
	return r
}

// missingKey returns a key of tb that the suite never writes.
func missingKey(tb *tables.Table) []any {
	key := make([]any, tb.Key)
	for j := range key {
		switch tb.Columns[j].Type {
		case tables.Int:
			key[j] = int64(-987654321)
		case tables.Text:
			key[j] = "never written"
		case tables.Blob:
			key[j] = []byte("never written")
		}
	}
	return key
}

// putBoth puts rows into the store (in one Update) and into m.
func putBoth(t testing.TB, s Store, m *tables.Memory, corpID string, tb *tables.Table, rows []tables.Row) {
	t.Helper()
	update(t, s, corpID, func(tx tables.Tx) error {
		for _, r := range rows {
			if err := tx.Put(tb, r); err != nil {
				return err
			}
		}
		return nil
	})
	for _, r := range rows {
		if err := m.Put(tb, r); err != nil {
			t.Fatalf("Memory.Put(%s) = %v", tables.FormatRow(tb, r), err)
		}
	}
}

// compareTable checks that the store holds exactly the rows of tb that m
// holds for corpID: the same rows in the same order under every prefix
// that m's keys have, and the same answer to Get for each key and for a
// missing one. Every row read must have the shape of tb.
func compareTable(t testing.TB, s Store, m *tables.Memory, corpID string, tb *tables.Table) {
	t.Helper()
	var keys [][]any
	if err := m.Scan(tb, nil, func(r tables.Row) error {
		keys = append(keys, slices.Clone(tb.KeyOf(r)))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	view(t, s, corpID, func(v tables.View) error {
		prefixes := [][]any{nil}
		for _, k := range keys {
			for n := 1; n <= len(k); n++ {
				prefixes = append(prefixes, k[:n])
			}
		}
		seen := map[string]bool{}
		for _, p := range prefixes {
			if seen[string(tables.EncodeKey(p))] {
				continue
			}
			seen[string(tables.EncodeKey(p))] = true
			want, _ := dump(m, tb, p)
			err := v.Scan(tb, p, func(r tables.Row) error {
				if err := tb.Check(r); err != nil {
					t.Errorf("Scan(%s) row: %v", tb.Name, err)
				}
				return nil
			})
			if err != nil {
				return fmt.Errorf("Scan(%s, %v): %w", tb.Name, p, err)
			}
			got, err := dump(v, tb, p)
			if err != nil {
				return fmt.Errorf("Scan(%s, %v): %w", tb.Name, p, err)
			}
			if d := gocmp.Diff(want, got); d != "" {
				t.Errorf("Scan(%s, prefix %v) differs from tables.Memory (-memory +store):\n%s", tb.Name, p, d)
			}
		}
		if err := compareBetween(t, v, m, tb); err != nil {
			return err
		}
		for _, k := range append(keys, missingKey(tb)) {
			want, wantOK, _ := m.Get(tb, k...)
			got, ok, err := v.Get(tb, k...)
			if err != nil {
				return fmt.Errorf("Get(%s, %v): %w", tb.Name, k, err)
			}
			if ok != wantOK {
				t.Errorf("Get(%s, %v) found = %v, want %v", tb.Name, k, ok, wantOK)
				continue
			}
			if !ok {
				continue
			}
			if err := tb.Check(got); err != nil {
				t.Errorf("Get(%s, %v): %v", tb.Name, k, err)
			} else if g, w := tables.FormatRow(tb, got), tables.FormatRow(tb, want); g != w {
				t.Errorf("Get(%s, %v) = %s, want %s", tb.Name, k, g, w)
			}
		}
		return nil
	})
}

// compareBetween checks ScanBetween on a table with a Between column:
// the same rows as tables.Memory, in the same order (the Between column in
// byte order, then the key), for bounds below, between and above the
// suite's text values.
func compareBetween(t testing.TB, v tables.View, m *tables.Memory, tb *tables.Table) error {
	if tb.BetweenColumn() < 0 {
		return nil
	}
	bounds := []string{"", "B", "a", "aa", "é", "\U0010FFFF"}
	for _, lo := range bounds {
		for _, hi := range bounds {
			var want, got []string
			if err := m.ScanBetween(tb, lo, hi, func(r tables.Row) error {
				want = append(want, tables.FormatRow(tb, r))
				return nil
			}); err != nil {
				return err
			}
			if err := v.ScanBetween(tb, lo, hi, func(r tables.Row) error {
				got = append(got, tables.FormatRow(tb, r))
				return nil
			}); err != nil {
				return fmt.Errorf("ScanBetween(%s, %q, %q): %w", tb.Name, lo, hi, err)
			}
			if d := gocmp.Diff(want, got); d != "" {
				t.Errorf("ScanBetween(%s, %q, %q) differs from tables.Memory (-memory +store):\n%s", tb.Name, lo, hi, d)
			}
		}
	}
	return nil
}

// testRoundTrip puts, upserts and deletes rows of every registered table
// and compares the store with tables.Memory fed the same operations.
func testRoundTrip(t *testing.T, open Opener) {
	s := open(t)
	for _, tb := range tables.All() {
		t.Run(tb.Name, func(t *testing.T) {
			corpID := "roundtrip-" + tb.Name
			m := tables.NewMemory()
			rows := genRows(tb, 40, 0)
			putBoth(t, s, m, corpID, tb, rows)
			compareTable(t, s, m, corpID, tb)

			// Put on an existing key replaces the row.
			putBoth(t, s, m, corpID, tb, genRows(tb, 40, 5))
			compareTable(t, s, m, corpID, tb)

			// Delete every third key, one of them twice, and a missing one.
			var keys [][]any
			for i := 0; i < len(rows); i += 3 {
				keys = append(keys, tb.KeyOf(rows[i]))
			}
			keys = append(keys, keys[0], missingKey(tb))
			update(t, s, corpID, func(tx tables.Tx) error {
				for _, k := range keys {
					if err := tx.Delete(tb, k...); err != nil {
						return fmt.Errorf("Delete(%s, %v): %w", tb.Name, k, err)
					}
				}
				return nil
			})
			for _, k := range keys {
				m.Delete(tb, k...)
			}
			compareTable(t, s, m, corpID, tb)

			// Delete takes a whole key: a shorter one is refused or removes
			// nothing, as in tables.Memory. It is never a prefix delete.
			if tb.Key > 0 {
				ctx, cancel := context.WithTimeout(t.Context(), opTimeout)
				defer cancel()
				k := tb.KeyOf(genRows(tb, 2, 0)[1])
				s.Update(ctx, corpID, func(tx tables.Tx) error { return tx.Delete(tb, k[:tb.Key-1]...) })
				compareTable(t, s, m, corpID, tb)
			}
		})
	}
}

// testValues writes every value of the suite's domains into every column
// of every table and reads them back exactly.
func testValues(t *testing.T, open Opener) {
	s := open(t)
	for _, tb := range tables.All() {
		for j, c := range tb.Columns {
			if tb.Key == 0 {
				// One row per corporation: a corporation per value.
				for i, v := range domain(c.Type) {
					corpID := fmt.Sprintf("values-%s-%s-%d", tb.Name, c.Name, i)
					r := uniqueKeyRow(tb, 0)
					r[j] = v
					m := tables.NewMemory()
					putBoth(t, s, m, corpID, tb, []tables.Row{r})
					compareTable(t, s, m, corpID, tb)
				}
				continue
			}
			corpID := fmt.Sprintf("values-%s-%s", tb.Name, c.Name)
			var rows []tables.Row
			for i, v := range domain(c.Type) {
				r := uniqueKeyRow(tb, i)
				r[j] = v
				rows = append(rows, r)
			}
			m := tables.NewMemory()
			putBoth(t, s, m, corpID, tb, rows)
			compareTable(t, s, m, corpID, tb)
		}
	}
}

// compareKeys orders key values as tables.EncodeKey does: integers by
// value, text and blobs by bytes.
func compareKeys(a, b any) int {
	switch a := a.(type) {
	case int64:
		return cmp.Compare(a, b.(int64))
	case string:
		return strings.Compare(a, b.(string))
	case []byte:
		return bytes.Compare(a, b.([]byte))
	}
	panic(fmt.Sprintf("storetest: key value %T", a))
}

// testKeyOrder pins the order of Scan: by key, text in byte order
// (so "B" < "Z" < "a" < "é"), integers by value, on every store alike.
func testKeyOrder(t *testing.T, open Opener) {
	s := open(t)
	t.Run("byte order", func(t *testing.T) {
		ids := []string{"é", "a", "Z", "B", "🙂", "\uFFFD", "aa", "", "a b"}
		want := []string{"", "B", "Z", "a", "a b", "aa", "é", "\uFFFD", "🙂"}
		update(t, s, "order", func(tx tables.Tx) error {
			for _, id := range ids {
				if err := tx.Put(tables.Persons, tables.Row{id, "n", "s", "person", "", "", int64(1)}); err != nil {
					return err
				}
			}
			return nil
		})
		var got []string
		view(t, s, "order", func(v tables.View) error {
			return v.Scan(tables.Persons, nil, func(r tables.Row) error {
				got = append(got, r[0].(string))
				return nil
			})
		})
		if d := gocmp.Diff(want, got); d != "" {
			t.Errorf("Scan(persons) ids (-want +got):\n%s", d)
		}
	})
	for _, tb := range tables.All() {
		if tb.Key == 0 {
			continue
		}
		t.Run(tb.Name, func(t *testing.T) {
			corpID := "order-" + tb.Name
			want := domain(tb.Columns[0].Type)
			slices.SortStableFunc(want, compareKeys)
			want = slices.CompactFunc(want, func(a, b any) bool { return compareKeys(a, b) == 0 })
			var rows []tables.Row
			for i, v := range slices.Backward(want) {
				r := uniqueKeyRow(tb, i)
				r[0] = v
				rows = append(rows, r)
			}
			m := tables.NewMemory()
			putBoth(t, s, m, corpID, tb, rows)
			compareTable(t, s, m, corpID, tb)

			var got []any
			view(t, s, corpID, func(v tables.View) error {
				return v.Scan(tb, nil, func(r tables.Row) error {
					got = append(got, r[0])
					return nil
				})
			})
			if len(got) != len(want) {
				t.Fatalf("Scan(%s) returned %d rows, want %d", tb.Name, len(got), len(want))
			}
			for i := range got {
				if compareKeys(got[i], want[i]) != 0 {
					t.Errorf("Scan(%s) row %d has %s = %q, want %q", tb.Name, i, tb.Columns[0].Name, got[i], want[i])
				}
			}
		})
	}
}

// testSingleton pins the tables with Key 0: at most one row per
// corporation, replaced by Put, read by Get with no key.
func testSingleton(t *testing.T, open Opener) {
	s := open(t)
	for _, tb := range tables.All() {
		if tb.Key != 0 {
			continue
		}
		t.Run(tb.Name, func(t *testing.T) {
			m := tables.NewMemory()
			compareTable(t, s, m, "one", tb)
			rows := genRows(tb, 3, 0)
			putBoth(t, s, m, "one", tb, rows[:1])
			compareTable(t, s, m, "one", tb)
			putBoth(t, s, m, "one", tb, rows[1:])
			compareTable(t, s, m, "one", tb)
			n := 0
			view(t, s, "one", func(v tables.View) error {
				return v.Scan(tb, nil, func(tables.Row) error { n++; return nil })
			})
			if n != 1 {
				t.Errorf("Scan(%s) after three Puts returned %d rows, want 1", tb.Name, n)
			}

			other := tables.NewMemory()
			putBoth(t, s, other, "two", tb, genRows(tb, 2, 1)[1:])
			compareTable(t, s, m, "one", tb)
			compareTable(t, s, other, "two", tb)

			update(t, s, "one", func(tx tables.Tx) error { return tx.Delete(tb) })
			m.Delete(tb)
			compareTable(t, s, m, "one", tb)
			compareTable(t, s, other, "two", tb)
		})
	}
}
