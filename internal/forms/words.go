package forms

import (
	"fmt"
	"strings"

	"minutebook/internal/corp"
)

var (
	ones = []string{"Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
		"Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"}
	tens   = []string{"", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"}
	scales = []string{"", "Thousand", "Million", "Billion", "Trillion", "Quadrillion", "Quintillion"}
)

// Words writes a whole number in English words, as on a certificate's face:
// 100000 is "One Hundred Thousand", 1250 is "One Thousand Two Hundred
// Fifty".
func Words(n uint64) string {
	if n == 0 {
		return ones[0]
	}
	var groups []string
	for i := 0; n > 0; i++ {
		if g := n % 1000; g > 0 {
			w := hundreds(int(g))
			if scales[i] != "" {
				w += " " + scales[i]
			}
			groups = append([]string{w}, groups...)
		}
		n /= 1000
	}
	return strings.Join(groups, " ")
}

func hundreds(n int) string {
	var parts []string
	if n >= 100 {
		parts = append(parts, ones[n/100]+" Hundred")
		n %= 100
	}
	switch {
	case n >= 20:
		w := tens[n/10]
		if n%10 > 0 {
			w += "-" + ones[n%10]
		}
		parts = append(parts, w)
	case n > 0:
		parts = append(parts, ones[n])
	}
	return strings.Join(parts, " ")
}

// SharesInWords writes a share count in words: the whole shares, and a
// fraction of a share as "and 25/100": "Ten and 5/10".
func SharesInWords(d corp.Decimal) string {
	s := d.String()
	whole, frac, _ := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	var n uint64
	fmt.Sscan(whole, &n)
	w := Words(n)
	if frac != "" {
		w += fmt.Sprintf(" and %s/1%s", strings.TrimLeft(frac, "0"), strings.Repeat("0", len(frac)))
	}
	return w
}

// Dollars writes an amount of money with grouping and at least two
// decimals, never rounding: "$100,000.00", "$0.125".
func Dollars(d corp.Decimal) string {
	whole, cents, _ := strings.Cut(d.StringFixed(2), ".")
	sign := ""
	if strings.HasPrefix(whole, "-") {
		sign, whole = "-", whole[1:]
	}
	return sign + "$" + group(whole) + "." + cents
}

// group inserts thousands separators into a string of digits.
func group(digits string) string {
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

var months = []string{"", "January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// LongDate writes a civil date as on a legal document: "May 1, 2001".
func LongDate(d corp.Date) string {
	if d.IsZero() {
		return ""
	}
	y, m, day := d.YMD()
	return fmt.Sprintf("%s %d, %d", months[m], day, y)
}

// OfficeTitle writes an office as a signature line names it:
// "vice_president" is "Vice-President" (the bylaws' spelling, Art. VI §1).
func OfficeTitle(office string) string {
	switch office {
	case "chairman":
		return "Chairman of the Board of Directors"
	case "vice_chairman":
		return "Vice-Chairman of the Board of Directors"
	case "vice_president":
		return "Vice-President"
	}
	words := strings.Split(office, "_")
	for i, w := range words {
		if w != "" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}
