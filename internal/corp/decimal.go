package corp

import (
	"fmt"
	"math/big"
	"math/bits"
	"strings"
)

// Decimal is an exact decimal number: shares, votes and money are never
// floating point. It is written in files as a decimal string ("1000000",
// "0.0001", "-12.50"). The zero value is 0.
//
// Hand-written on math/big because the domain imports only the standard
// library (STYLE.md rule 1) and no standard type is an exact decimal.
type Decimal struct {
	unscaled big.Int // value = unscaled × 10^-scale
	scale    int32
}

// maxDecimalDigits bounds what ParseDecimal accepts, so that hostile input
// cannot make arithmetic arbitrarily slow.
const maxDecimalDigits = 60

// ParseDecimal parses a plain decimal string: an optional minus sign, digits,
// and an optional fraction. Exponents, spaces, "+", "." alone and leading "."
// are rejected.
func ParseDecimal(s string) (Decimal, error) {
	var d Decimal
	body := strings.TrimPrefix(s, "-")
	intPart, frac, hasPoint := strings.Cut(body, ".")
	if intPart == "" || (hasPoint && frac == "") || len(intPart)+len(frac) > maxDecimalDigits {
		return d, fmt.Errorf("%q is not a decimal number (write digits, optionally with a fraction, e.g. 1000 or 0.25)", s)
	}
	for _, c := range intPart + frac {
		if c < '0' || c > '9' {
			return d, fmt.Errorf("%q is not a decimal number (write digits, optionally with a fraction, e.g. 1000 or 0.25)", s)
		}
	}
	d.unscaled.SetString(intPart+frac, 10)
	if strings.HasPrefix(s, "-") {
		d.unscaled.Neg(&d.unscaled)
	}
	d.scale = int32(len(frac))
	d.normalize()
	return d, nil
}

// MustDecimal is ParseDecimal for constants; it panics on error.
func MustDecimal(s string) Decimal {
	d, err := ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DecimalFromInt returns the Decimal equal to n.
func DecimalFromInt(n int64) Decimal {
	var d Decimal
	d.unscaled.SetInt64(n)
	return d
}

// normalize strips trailing fractional zeros so that equal values have one
// canonical form (and one hash in the journal).
func (d *Decimal) normalize() {
	if d.unscaled.Sign() == 0 {
		d.scale = 0
		return
	}
	ten := big.NewInt(10)
	var q, r big.Int
	for d.scale > 0 {
		q.QuoRem(&d.unscaled, ten, &r)
		if r.Sign() != 0 {
			break
		}
		d.unscaled.Set(&q)
		d.scale--
	}
}

func align(a, b Decimal) (x, y *big.Int, scale int32) {
	x, y = new(big.Int).Set(&a.unscaled), new(big.Int).Set(&b.unscaled)
	scale = max(a.scale, b.scale)
	if a.scale < scale {
		x.Mul(x, pow10(scale-a.scale))
	}
	if b.scale < scale {
		y.Mul(y, pow10(scale-b.scale))
	}
	return x, y, scale
}

func pow10(n int32) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil) }

// Add returns d + e.
func (d Decimal) Add(e Decimal) Decimal {
	x, y, s := align(d, e)
	var r Decimal
	r.unscaled.Add(x, y)
	r.scale = s
	r.normalize()
	return r
}

// Sub returns d − e.
func (d Decimal) Sub(e Decimal) Decimal {
	x, y, s := align(d, e)
	var r Decimal
	r.unscaled.Sub(x, y)
	r.scale = s
	r.normalize()
	return r
}

// Mul returns d × e, exactly.
func (d Decimal) Mul(e Decimal) Decimal {
	var r Decimal
	r.unscaled.Mul(&d.unscaled, &e.unscaled)
	r.scale = d.scale + e.scale
	r.normalize()
	return r
}

// Cmp returns -1, 0 or +1 as d is less than, equal to or greater than e.
func (d Decimal) Cmp(e Decimal) int {
	x, y, _ := align(d, e)
	return x.Cmp(y)
}

// Sign returns -1, 0 or +1.
func (d Decimal) Sign() int { return d.unscaled.Sign() }

// IsInteger reports whether d has no fractional part.
func (d Decimal) IsInteger() bool { return d.scale == 0 }

// Scale returns the number of fractional digits in canonical form.
func (d Decimal) Scale() int { return int(d.scale) }

// Int64 returns d as an int64 and whether it is an integer that fits.
func (d Decimal) Int64() (int64, bool) {
	if d.scale != 0 || !d.unscaled.IsInt64() {
		return 0, false
	}
	return d.unscaled.Int64(), true
}

// Rat returns d as an exact rational.
func (d Decimal) Rat() *big.Rat {
	r := new(big.Rat).SetInt(&d.unscaled)
	if d.scale > 0 {
		r.Quo(r, new(big.Rat).SetInt(pow10(d.scale)))
	}
	return r
}

// String formats d in canonical form: no exponent, no trailing fractional
// zeros, "-" for negatives.
func (d Decimal) String() string {
	s := new(big.Int).Abs(&d.unscaled).String()
	if d.scale > 0 {
		if len(s) <= int(d.scale) {
			s = strings.Repeat("0", int(d.scale)-len(s)+1) + s
		}
		s = s[:len(s)-int(d.scale)] + "." + s[len(s)-int(d.scale):]
	}
	if d.unscaled.Sign() < 0 {
		s = "-" + s
	}
	return s
}

// Grouped formats d with thousands separators ("1,000,000.5") for people.
func (d Decimal) Grouped() string {
	s := d.String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasPoint := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String()
	if hasPoint {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// MarshalText implements encoding.TextMarshaler.
func (d Decimal) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Decimal) UnmarshalText(b []byte) error {
	v, err := ParseDecimal(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Expect says what a decimal field expects, for error messages.
func (*Decimal) Expect() string {
	return "a decimal number written as a string, e.g. \"1000\" or \"0.25\""
}

// JSONSchema describes a decimal in JSON Schema. Whole numbers may also be
// written as integers; fractions must be strings.
func (*Decimal) JSONSchema() map[string]any {
	return map[string]any{
		"description": "an exact decimal, written as a string (e.g. \"1000\", \"0.25\"); whole numbers may be integers",
		"oneOf": []any{
			map[string]any{"type": "string", "pattern": `^-?[0-9]+(\.[0-9]+)?$`},
			map[string]any{"type": "integer"},
		},
	}
}

// Units returns d as a whole number of units of 10^-scale (shares of a
// class that allows scale fractional digits), and false when d has more
// fractional digits than scale or does not fit in an int64.
func (d Decimal) Units(scale int) (int64, bool) {
	if scale < 0 || int(d.scale) > scale || scale > 18 {
		return 0, false
	}
	u := new(big.Int).Mul(&d.unscaled, pow10(int32(scale)-d.scale))
	if !u.IsInt64() {
		return 0, false
	}
	return u.Int64(), true
}

// DecimalFromUnits returns units × 10^-scale.
func DecimalFromUnits(units int64, scale int) Decimal {
	var d Decimal
	d.unscaled.SetInt64(units)
	d.scale = int32(scale)
	d.normalize()
	return d
}

// UnitsArena makes Decimals from int64 units, as DecimalFromUnits does,
// with their digits taken from shared blocks: a stockholder list of a
// million holders makes three Decimals per holder, and one allocation
// each would be most of its garbage. The zero value is ready to use; an
// arena is not safe for concurrent use.
type UnitsArena struct{ words []big.Word }

// Decimal returns units × 10^-scale.
func (a *UnitsArena) Decimal(units int64, scale int) Decimal {
	if units == 0 || bits.UintSize < 64 {
		return DecimalFromUnits(units, scale)
	}
	for scale > 0 && units%10 == 0 { // normalize, in int64
		units /= 10
		scale--
	}
	mag := uint64(units)
	if units < 0 {
		mag = -mag // two's complement: right for math.MinInt64 too
	}
	if len(a.words) == 0 {
		a.words = make([]big.Word, 1024)
	}
	w := a.words[:1:1]
	a.words = a.words[1:]
	w[0] = big.Word(mag)
	var d Decimal
	d.unscaled.SetBits(w)
	if units < 0 {
		d.unscaled.Neg(&d.unscaled)
	}
	d.scale = int32(scale)
	return d
}

// StringFixed formats d with exactly n fractional digits, padding with
// zeros ("12.5" with n = 2 is "12.50"). It never rounds: a d with more
// than n fractional digits keeps them.
func (d Decimal) StringFixed(n int) string {
	s := d.String()
	have := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		have = len(s) - i - 1
	} else if n > 0 {
		s += "."
	}
	if have < n {
		s += strings.Repeat("0", n-have)
	}
	return s
}
