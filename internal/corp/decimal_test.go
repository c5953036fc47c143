package corp

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestUnits(t *testing.T) {
	cases := []struct {
		in    string
		scale int
		want  int64
		ok    bool
	}{
		{"1000", 0, 1000, true},
		{"1000.5", 0, 0, false},
		{"1000.5", 1, 10005, true},
		{"0.000001", 6, 1, true},
		{"0.0000001", 6, 0, false},
		{"-3", 2, -300, true},
		{"9223372036854775807", 0, 9223372036854775807, true},
		{"9223372036854775808", 0, 0, false},
		{"10000000000000", 6, 0, false},
	}
	for _, c := range cases {
		got, ok := MustDecimal(c.in).Units(c.scale)
		if got != c.want || ok != c.ok {
			t.Errorf("Units(%s, %d) = %d, %t, want %d, %t", c.in, c.scale, got, ok, c.want, c.ok)
		}
		if ok {
			if back := DecimalFromUnits(got, c.scale); back.Cmp(MustDecimal(c.in)) != 0 {
				t.Errorf("DecimalFromUnits(%d, %d) = %s, want %s", got, c.scale, back, c.in)
			}
		}
	}
}

// TestUnitsArena: the arena makes exactly the Decimals DecimalFromUnits
// makes (value, scale and text), at the int64 limits and for drawn units,
// and a Decimal made later does not change one made earlier.
func TestUnitsArena(t *testing.T) {
	t.Parallel()
	var a UnitsArena
	units := []int64{1, -1, 10, -10, 7, 1230000, -1230000, 100, math.MaxInt64, math.MinInt64, math.MinInt64 + 1, 1 << 62}
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		round := int64(r.IntN(1000))
		for range r.IntN(6) {
			round *= 10
		}
		units = append(units, r.Int64()>>r.IntN(63), -r.Int64()>>r.IntN(63), round)
	}
	type made struct {
		got  Decimal
		want string
	}
	var all []made
	for _, u := range units {
		for scale := range 5 {
			got, want := a.Decimal(u, scale), DecimalFromUnits(u, scale)
			if got.Cmp(want) != 0 || got.String() != want.String() || got.scale != want.scale {
				t.Fatalf("UnitsArena.Decimal(%d, %d) = %s (scale %d), want %s (scale %d)", u, scale, got, got.scale, want, want.scale)
			}
			all = append(all, made{got, want.String()})
		}
	}
	for _, m := range all {
		if m.got.String() != m.want {
			t.Fatalf("a Decimal from the arena changed to %s, want %s", m.got, m.want)
		}
	}
}
