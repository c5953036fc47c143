package corp

import "testing"

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
