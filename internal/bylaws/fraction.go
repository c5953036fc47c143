package bylaws

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"minutebook/internal/corp"
)

// Fraction is an exact fraction in [0, 1], such as the 50% of a quorum
// (Art. II §8) or the one half of a majority. It is held as a reduced
// numerator and denominator; comparisons against share counts are done by
// cross-multiplication in big integers, never in floating point.
// The zero value is 0.
type Fraction struct {
	num, den int64 // reduced; den > 0 except in the zero value
}

// maxFractionText bounds what ParseFraction reads, so that hostile input
// cannot make it slow.
const maxFractionText = 40

var errFractionForm = errors.New(`write a fraction as text: a percentage ("50%", "66.5%"), a ratio ("1/2") or a decimal ("0.5")`)

// ParseFraction parses a fraction written as a percentage ("50%", "12.5%"),
// a ratio ("1/2", "2/3") or a plain decimal ("0.5", "1"). It must lie in
// [0, 1]: "150%" and "-1/2" are out of range.
func ParseFraction(s string) (Fraction, error) {
	if s == "" || len(s) > maxFractionText {
		return Fraction{}, errFractionForm
	}
	body, neg := strings.CutPrefix(s, "-")
	r := new(big.Rat)
	switch {
	case strings.HasSuffix(body, "%"):
		d, err := corp.ParseDecimal(strings.TrimSuffix(body, "%"))
		if err != nil {
			return Fraction{}, fmt.Errorf("%q: %w", s, errFractionForm)
		}
		r.Quo(d.Rat(), big.NewRat(100, 1))
	case strings.Contains(body, "/"):
		a, b, _ := strings.Cut(body, "/")
		if !digits(a) || !digits(b) {
			return Fraction{}, fmt.Errorf("%q: %w", s, errFractionForm)
		}
		n, _ := new(big.Int).SetString(a, 10)
		d, _ := new(big.Int).SetString(b, 10)
		if d.Sign() == 0 {
			return Fraction{}, fmt.Errorf("%q has a zero denominator", s)
		}
		r.SetFrac(n, d)
	default:
		d, err := corp.ParseDecimal(body)
		if err != nil {
			return Fraction{}, fmt.Errorf("%q: %w", s, errFractionForm)
		}
		r.Set(d.Rat())
	}
	if neg {
		r.Neg(r)
	}
	if r.Sign() < 0 || r.Cmp(big.NewRat(1, 1)) > 0 {
		return Fraction{}, fmt.Errorf("%q is out of range: a fraction must be from 0 to 1 (0%% to 100%%)", s)
	}
	if !r.Num().IsInt64() || !r.Denom().IsInt64() {
		return Fraction{}, fmt.Errorf("%q is too precise (the reduced numerator and denominator must fit in 64 bits)", s)
	}
	return Fraction{num: r.Num().Int64(), den: r.Denom().Int64()}, nil
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// MustFraction is ParseFraction for constants; it panics on error.
func MustFraction(s string) Fraction {
	f, err := ParseFraction(s)
	if err != nil {
		panic(err)
	}
	return f
}

// Num returns the reduced numerator.
func (f Fraction) Num() int64 { return f.num }

// Den returns the reduced denominator (1 for the zero value).
func (f Fraction) Den() int64 {
	if f.den == 0 {
		return 1
	}
	return f.den
}

// Rat returns f as a big.Rat.
func (f Fraction) Rat() *big.Rat { return big.NewRat(f.num, f.Den()) }

// Cmp returns -1, 0 or +1 as f is less than, equal to or greater than g.
func (f Fraction) Cmp(g Fraction) int { return f.Rat().Cmp(g.Rat()) }

// cross returns part × den and whole × num, exactly.
func (f Fraction) cross(part, whole corp.Decimal) (lhs, rhs *big.Rat) {
	lhs = new(big.Rat).Mul(part.Rat(), new(big.Rat).SetInt64(f.Den()))
	rhs = new(big.Rat).Mul(whole.Rat(), new(big.Rat).SetInt64(f.num))
	return lhs, rhs
}

// AtLeast reports whether part/whole ≥ f, computed exactly as
// part × den ≥ whole × num. "Fifty percent (50%) of the stock" is met by
// exactly half (Art. II §8; rules.md CONV.majority, A-50). With whole = 0 any
// part ≥ 0 satisfies it.
func (f Fraction) AtLeast(part, whole corp.Decimal) bool {
	lhs, rhs := f.cross(part, whole)
	return lhs.Cmp(rhs) >= 0
}

// MoreThan reports whether part/whole > f, computed exactly as
// part × den > whole × num. "A majority" is MoreThan with f = 1/2: exactly
// half is not a majority (rules.md CONV.majority).
func (f Fraction) MoreThan(part, whole corp.Decimal) bool {
	lhs, rhs := f.cross(part, whole)
	return lhs.Cmp(rhs) > 0
}

// AtLeastCount returns the fewest whole units (shares, directors) out of
// whole that satisfy AtLeast: ⌈whole × f⌉. For 50% of 1,000,000 it is
// 500,000.
func (f Fraction) AtLeastCount(whole int64) int64 {
	q, r := f.divide(whole)
	if r.Sign() != 0 {
		q.Add(q, big.NewInt(1))
	}
	return clampInt64(q)
}

// MoreThanCount returns the fewest whole units out of whole that satisfy
// MoreThan: ⌊whole × f⌋ + 1. For a majority (1/2) of 1,000,000 it is
// 500,001; of a 5-member board, 3. It may exceed whole (for f = 1 it is
// whole + 1: the condition cannot be met).
func (f Fraction) MoreThanCount(whole int64) int64 {
	q, _ := f.divide(whole)
	return clampInt64(q.Add(q, big.NewInt(1)))
}

// divide returns the quotient and remainder of whole × num ÷ den.
func (f Fraction) divide(whole int64) (q, r *big.Int) {
	n := new(big.Int).Mul(big.NewInt(whole), big.NewInt(f.num))
	return new(big.Int).QuoRem(n, big.NewInt(f.Den()), new(big.Int))
}

func clampInt64(x *big.Int) int64 {
	if !x.IsInt64() {
		if x.Sign() < 0 {
			return -1 << 63
		}
		return 1<<63 - 1
	}
	return x.Int64()
}

// String formats f canonically: as a percentage when that is exact ("50%",
// "12.5%", "100%"), otherwise as a ratio ("1/3").
func (f Fraction) String() string {
	den := f.Den()
	// A percentage is exact when den has no prime factors other than 2 and 5.
	d := den
	for d%2 == 0 {
		d /= 2
	}
	for d%5 == 0 {
		d /= 5
	}
	if d != 1 {
		return fmt.Sprintf("%d/%d", f.num, den)
	}
	pct := new(big.Rat).Mul(f.Rat(), big.NewRat(100, 1))
	s := pct.FloatString(64) // exact: den ≤ 2^63 terminates within 64 digits
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s + "%"
}

// MarshalText implements encoding.TextMarshaler.
func (f Fraction) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (f *Fraction) UnmarshalText(b []byte) error {
	v, err := ParseFraction(string(b))
	if err != nil {
		return err
	}
	*f = v
	return nil
}
