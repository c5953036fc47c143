package storetest

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"sync/atomic"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"minutebook/internal/tables"
)

// op is one write: a Put of row, or a Delete of the key in row.
type op struct {
	table  *tables.Table
	delete bool
	row    tables.Row
}

func (o op) String() string {
	if o.delete {
		return fmt.Sprintf("Delete %s %v", o.table.Name, o.row)
	}
	return "Put " + tables.FormatRow(o.table, o.row)
}

func (o op) apply(w tables.Writer) error {
	if o.delete {
		return w.Delete(o.table, o.row...)
	}
	return w.Put(o.table, o.row)
}

// keyValue draws key values from small sets, so that writes collide.
func keyValue(typ tables.Type) *rapid.Generator[any] {
	switch typ {
	case tables.Int:
		return rapid.Map(rapid.SampledFrom([]int64{-1, 0, 1, 2, math.MinInt64, math.MaxInt64}), func(v int64) any { return v })
	case tables.Text:
		return rapid.Map(rapid.SampledFrom([]string{"", "a", "B", "Z", "aa", "é", "🙂"}), func(v string) any { return v })
	default:
		return rapid.Map(rapid.SampledFrom([][]byte{{}, {0}, {0, 1}, {1}}), func(v []byte) any { return v })
	}
}

// anyValue draws any value of the contract: text is UTF-8 without NUL.
func anyValue(typ tables.Type) *rapid.Generator[any] {
	switch typ {
	case tables.Int:
		return rapid.Map(rapid.Int64(), func(v int64) any { return v })
	case tables.Text:
		return rapid.Map(rapid.String(), func(v string) any { return strings.ReplaceAll(v, "\x00", "") })
	default:
		return rapid.Map(rapid.SliceOf(rapid.Byte()), func(v []byte) any { return v })
	}
}

var opGen = rapid.Custom(func(t *rapid.T) op {
	all := tables.All()
	tb := all[rapid.IntRange(0, len(all)-1).Draw(t, "table")]
	o := op{table: tb, delete: rapid.IntRange(0, 3).Draw(t, "kind") == 0}
	for j, c := range tb.Columns {
		if o.delete && j == tb.Key {
			break
		}
		g := anyValue(c.Type)
		if j < tb.Key {
			g = keyValue(c.Type)
		}
		o.row = append(o.row, g.Draw(t, c.Name))
	}
	if o.row == nil {
		o.row = tables.Row{}
	}
	return o
})

// testProperty checks, on random sequences of Puts and Deletes across all
// tables, grouped in transactions of which some roll back, that the store
// holds what tables.Memory holds after the committed ones.
func testProperty(t *testing.T, open Opener) {
	s := open(t)
	var runs atomic.Int64
	errRollback := errors.New("roll back")
	rapid.Check(t, func(rt *rapid.T) {
		corpID := fmt.Sprintf("property-%d", runs.Add(1))
		m := tables.NewMemory()
		for range rapid.IntRange(1, 4).Draw(rt, "transactions") {
			ops := rapid.SliceOfN(opGen, 0, 12).Draw(rt, "ops")
			commit := rapid.IntRange(0, 3).Draw(rt, "rollback") != 0
			err := s.Update(rt.Context(), corpID, func(tx tables.Tx) error {
				for _, o := range ops {
					if err := o.apply(tx); err != nil {
						return fmt.Errorf("%s: %w", o, err)
					}
				}
				if !commit {
					return errRollback
				}
				return nil
			})
			if commit && err != nil {
				rt.Fatalf("Update = %v", err)
			}
			if !commit && !errors.Is(err, errRollback) {
				rt.Fatalf("Update rolled back by fn = %v, want %v", err, errRollback)
			}
			if commit {
				for _, o := range ops {
					if err := o.apply(m); err != nil {
						rt.Fatalf("Memory: %s: %v", o, err)
					}
				}
			}
			err = s.View(rt.Context(), corpID, func(v tables.View) error {
				for _, tb := range tables.All() {
					want, _ := dump(m, tb, nil)
					got, err := dump(v, tb, nil)
					if err != nil {
						return err
					}
					if d := gocmp.Diff(want, got); d != "" {
						rt.Fatalf("Scan(%s) differs from tables.Memory (-memory +store):\n%s", tb.Name, d)
					}
				}
				// Every key touched, as a Get and as each of its prefixes.
				for _, o := range ops {
					key := o.row[:o.table.Key]
					wantRow, wantOK, _ := m.Get(o.table, key...)
					gotRow, ok, err := v.Get(o.table, key...)
					if err != nil {
						return err
					}
					if ok != wantOK || (ok && tables.FormatRow(o.table, gotRow) != tables.FormatRow(o.table, wantRow)) {
						rt.Fatalf("Get(%s, %v) = %v, %v; want %v, %v", o.table.Name, key, gotRow, ok, wantRow, wantOK)
					}
					for n := 1; n < len(key); n++ {
						want, _ := dump(m, o.table, key[:n])
						got, err := dump(v, o.table, key[:n])
						if err != nil {
							return err
						}
						if d := gocmp.Diff(want, got); d != "" {
							rt.Fatalf("Scan(%s, prefix %v) differs (-memory +store):\n%s", o.table.Name, key[:n], d)
						}
					}
				}
				return nil
			})
			if err != nil {
				rt.Fatal(err)
			}
		}
	})
}
