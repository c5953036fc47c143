package bylaws

import (
	"fmt"
	"testing"

	"minutebook/internal/corp"
)

func TestParseFraction(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in       string
		num, den int64
		str      string
		err      bool
	}{
		{in: "50%", num: 1, den: 2, str: "50%"},
		{in: "1/2", num: 1, den: 2, str: "50%"},
		{in: "0.5", num: 1, den: 2, str: "50%"},
		{in: "12.5%", num: 1, den: 8, str: "12.5%"},
		{in: "10%", num: 1, den: 10, str: "10%"},
		{in: "2/3", num: 2, den: 3, str: "2/3"},
		{in: "1/3", num: 1, den: 3, str: "1/3"},
		{in: "100%", num: 1, den: 1, str: "100%"},
		{in: "0", num: 0, den: 1, str: "0%"},
		{in: "1", num: 1, den: 1, str: "100%"},
		{in: "66.67%", num: 6667, den: 10000, str: "66.67%"},
		{in: "150%", err: true},
		{in: "-1/2", err: true},
		{in: "3/2", err: true},
		{in: "1/0", err: true},
		{in: "", err: true},
		{in: "50 %", err: true},
		{in: "half", err: true},
		{in: "1e-1", err: true},
		{in: "0x1/2", err: true},
		{in: "1/2/3", err: true},
	}
	for _, tt := range tests {
		f, err := ParseFraction(tt.in)
		if tt.err {
			if err == nil {
				t.Errorf("ParseFraction(%q) = %s, want an error", tt.in, f)
			}
			continue
		}
		if err != nil || f.Num() != tt.num || f.Den() != tt.den || f.String() != tt.str {
			t.Errorf("ParseFraction(%q) = %d/%d %q, %v; want %d/%d %q", tt.in, f.Num(), f.Den(), f, err, tt.num, tt.den, tt.str)
		}
	}
}

func TestFractionComparisons(t *testing.T) {
	t.Parallel()
	dec := corp.MustDecimal
	half, tenth, third := MustFraction("50%"), MustFraction("10%"), MustFraction("1/3")
	tests := []struct {
		name            string
		f               Fraction
		part, whole     string
		atLeast, exceed bool
	}{
		// Art. II §8: holders of 50% of 1,000,000 form a quorum (S21).
		{"quorum exactly half", half, "500000", "1000000", true, false},
		{"quorum one short", half, "499999", "1000000", false, false},
		// Art. II §5: a majority in amount needs 500,001 (S17).
		{"majority one over", half, "500001", "1000000", true, true},
		// Art. III §2: at least ten percent of 1,000,000 (S58).
		{"court applicant exactly 10%", tenth, "100000", "1000000", true, false},
		{"court applicant one short", tenth, "99999", "1000000", false, false},
		// A board of 5: 3 of 5 is a majority, 2 is not; 5 of 10 is half.
		{"board 3 of 5", half, "3", "5", true, true},
		{"board 2 of 5", half, "2", "5", false, false},
		// A third has no exact decimal; no rounding may creep in.
		{"third exact", third, "333333333333333333333333", "999999999999999999999999", true, false},
		{"third just under", third, "333333333333333333333332", "999999999999999999999999", false, false},
		// Fractional shares compare exactly.
		{"fractional shares", half, "0.5", "1", true, false},
		{"fractional shares over", half, "0.5000001", "1", true, true},
		{"nothing of nothing", half, "0", "0", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := tt.f.AtLeast(dec(tt.part), dec(tt.whole)); got != tt.atLeast {
				t.Errorf("%s.AtLeast(%s, %s) = %v, want %v", tt.f, tt.part, tt.whole, got, tt.atLeast)
			}
			if got := tt.f.MoreThan(dec(tt.part), dec(tt.whole)); got != tt.exceed {
				t.Errorf("%s.MoreThan(%s, %s) = %v, want %v", tt.f, tt.part, tt.whole, got, tt.exceed)
			}
		})
	}
}

func TestFractionCounts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		f                 string
		whole             int64
		atLeast, moreThan int64
	}{
		{"50%", 1000000, 500000, 500001},
		{"50%", 999999, 500000, 500000},
		{"50%", 5, 3, 3},
		{"50%", 4, 2, 3},
		{"50%", 7, 4, 4},
		{"10%", 1000000, 100000, 100001},
		{"1/3", 10, 4, 4},
		{"1/3", 9, 3, 4},
		{"100%", 5, 5, 6},
		{"0", 5, 0, 1},
	}
	for _, tt := range tests {
		f := MustFraction(tt.f)
		if got := f.AtLeastCount(tt.whole); got != tt.atLeast {
			t.Errorf("%s.AtLeastCount(%d) = %d, want %d", tt.f, tt.whole, got, tt.atLeast)
		}
		if got := f.MoreThanCount(tt.whole); got != tt.moreThan {
			t.Errorf("%s.MoreThanCount(%d) = %d, want %d", tt.f, tt.whole, got, tt.moreThan)
		}
		// The counts agree with the comparisons at the boundary.
		w := corp.DecimalFromInt(tt.whole)
		if c := f.AtLeastCount(tt.whole); !f.AtLeast(corp.DecimalFromInt(c), w) || (c > 0 && f.AtLeast(corp.DecimalFromInt(c-1), w)) {
			t.Errorf("%s.AtLeastCount(%d) = %d is not the boundary of AtLeast", tt.f, tt.whole, c)
		}
		if c := f.MoreThanCount(tt.whole); !f.MoreThan(corp.DecimalFromInt(c), w) || f.MoreThan(corp.DecimalFromInt(c-1), w) {
			t.Errorf("%s.MoreThanCount(%d) = %d is not the boundary of MoreThan", tt.f, tt.whole, c)
		}
	}
}

func TestFractionText(t *testing.T) {
	t.Parallel()
	var f Fraction
	if err := f.UnmarshalText([]byte("2/4")); err != nil || f.String() != "50%" {
		t.Errorf("UnmarshalText(2/4) = %s, %v", f, err)
	}
	if b, _ := f.MarshalText(); string(b) != "50%" {
		t.Errorf("MarshalText = %s", b)
	}
	var zero Fraction
	if zero.String() != "0%" || zero.Den() != 1 || !zero.AtLeast(corp.DecimalFromInt(0), corp.DecimalFromInt(10)) {
		t.Errorf("the zero Fraction is %s (den %d), want 0%%", zero, zero.Den())
	}
	if MustFraction("1/3").Cmp(MustFraction("33.34%")) >= 0 || MustFraction("1/2").Cmp(MustFraction("50%")) != 0 {
		t.Error("Cmp is wrong")
	}
}

// The quorum of Art. II §8 and the majority of Art. II §5 on the
// 1,000,000 outstanding shares of fixture F.
func ExampleFraction_AtLeast() {
	quorum, _ := Quintus().Fraction("II.8.quorum", "fraction")
	outstanding := corp.DecimalFromInt(1_000_000)
	fmt.Println(quorum, quorum.AtLeast(corp.DecimalFromInt(500_000), outstanding))
	fmt.Println(quorum, quorum.AtLeast(corp.DecimalFromInt(499_999), outstanding))
	// Output:
	// 50% true
	// 50% false
}

func ExampleFraction_MoreThanCount() {
	majority, cite := Quintus().Fraction("II.5.special_call_holder_request", "fraction")
	fmt.Printf("a majority of 1,000,000 is %d (%s)\n", majority.MoreThanCount(1_000_000), cite)
	fmt.Printf("a majority of a whole board of 7 is %d\n", majority.MoreThanCount(7))
	// Output:
	// a majority of 1,000,000 is 500001 (Art. II §5)
	// a majority of a whole board of 7 is 4
}
