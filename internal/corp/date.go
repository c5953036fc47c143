package corp

import (
	"fmt"
	"strconv"
	"time"
)

// Date is a civil date (year, month, day) in the corporation's time zone.
// It carries no time of day and no zone: day counts are differences of
// Julian day numbers, never of instants (rules.md §0.1 CONV.dates).
// The zero Date is invalid and reports IsZero.
type Date struct {
	jdn int32 // Julian day number; 0 means unset
}

// NewDate returns the civil date y-m-d, or an error when it does not exist
// (for example 2005-02-29).
func NewDate(y, m, d int) (Date, error) {
	if y < 1 || y > 9999 {
		return Date{}, fmt.Errorf("year %d is out of range 0001–9999", y)
	}
	if m < 1 || m > 12 {
		return Date{}, fmt.Errorf("month %d does not exist", m)
	}
	if d < 1 || d > DaysIn(y, m) {
		return Date{}, fmt.Errorf("%04d-%02d-%02d does not exist: %04d-%02d has %d days", y, m, d, y, m, DaysIn(y, m))
	}
	return Date{jdn: int32(julian(y, m, d))}, nil
}

// MustDate is NewDate for constants known to be valid; it panics otherwise.
func MustDate(y, m, d int) Date {
	t, err := NewDate(y, m, d)
	if err != nil {
		panic(err)
	}
	return t
}

// ParseDate parses a date written exactly as YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("%q is not a date written YYYY-MM-DD", s)
	}
	y, err1 := strconv.Atoi(s[0:4])
	m, err2 := strconv.Atoi(s[5:7])
	d, err3 := strconv.Atoi(s[8:10])
	if err1 != nil || err2 != nil || err3 != nil || s[0] == '+' || s[5] == '+' || s[8] == '+' || s[0] == '-' {
		return Date{}, fmt.Errorf("%q is not a date written YYYY-MM-DD", s)
	}
	t, err := NewDate(y, m, d)
	if err != nil {
		return Date{}, fmt.Errorf("%q: %v", s, err)
	}
	return t, nil
}

// DateIn returns the civil date of instant t in the IANA time zone zone
// (in t's own location when the zone is "" or unknown): "today" for a
// corporation, given its zone and the injected clock's time.
func DateIn(t time.Time, zone string) Date {
	if loc, err := time.LoadLocation(zone); err == nil && zone != "" {
		t = t.In(loc)
	}
	return MustDate(t.Year(), int(t.Month()), t.Day())
}

// IsLeap reports whether y is a leap year in the proleptic Gregorian calendar.
func IsLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// DaysIn returns the number of days in month m of year y.
func DaysIn(y, m int) int {
	switch m {
	case 2:
		if IsLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// julian returns the Julian day number of a proleptic Gregorian date
// (Fliegel & Van Flandern, 1968), in integer arithmetic.
func julian(y, m, d int) int {
	a := (14 - m) / 12
	yy := y + 4800 - a
	mm := m + 12*a - 3
	return d + (153*mm+2)/5 + 365*yy + yy/4 - yy/100 + yy/400 - 32045
}

// YMD returns the year, month and day of t.
func (t Date) YMD() (y, m, d int) {
	a := int(t.jdn) + 32044
	b := (4*a + 3) / 146097
	c := a - 146097*b/4
	dd := (4*c + 3) / 1461
	e := c - 1461*dd/4
	mm := (5*e + 2) / 153
	d = e - (153*mm+2)/5 + 1
	m = mm + 3 - 12*(mm/10)
	y = 100*b + dd - 4800 + mm/10
	return y, m, d
}

// IsZero reports whether t is the unset date.
func (t Date) IsZero() bool { return t.jdn == 0 }

// String formats t as YYYY-MM-DD; the zero date prints as "".
func (t Date) String() string {
	if t.IsZero() {
		return ""
	}
	y, m, d := t.YMD()
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// AddDays returns t plus n calendar days (n may be negative).
func (t Date) AddDays(n int) Date { return Date{jdn: t.jdn + int32(n)} }

// DaysUntil returns the calendar-date difference u − t in days: the day t is
// excluded and the day u included (rules.md CONV.days_before).
func (t Date) DaysUntil(u Date) int { return int(u.jdn - t.jdn) }

// Before reports whether t is earlier than u.
func (t Date) Before(u Date) bool { return t.jdn < u.jdn }

// After reports whether t is later than u.
func (t Date) After(u Date) bool { return t.jdn > u.jdn }

// Compare returns -1, 0 or +1 as t is before, equal to or after u.
func (t Date) Compare(u Date) int {
	switch {
	case t.jdn < u.jdn:
		return -1
	case t.jdn > u.jdn:
		return 1
	}
	return 0
}

// Weekday returns the day of the week, 0 = Sunday.
func (t Date) Weekday() int { return int((t.jdn + 1) % 7) }

// Feb29Policy says where an anniversary of 29 February falls in a common year.
type Feb29Policy string

// The anniversary policies of rules.md CONV.years / A-PROXY3Y.
const (
	Feb29ToFeb28 Feb29Policy = "feb28" // conservative: the anniversary is 28 February
	Feb29ToMar1  Feb29Policy = "mar1"  // Go's AddDate normalisation: 1 March
)

// AddYears returns the n-th anniversary of t on civil dates. An anniversary of
// 29 February in a common year falls on 28 February or 1 March as p says
// (rules.md CONV.years). It never uses time.AddDate.
func (t Date) AddYears(n int, p Feb29Policy) Date {
	y, m, d := t.YMD()
	y += n
	if m == 2 && d == 29 && !IsLeap(y) {
		if p == Feb29ToMar1 {
			return MustDate(y, 3, 1)
		}
		d = 28
	}
	return MustDate(y, m, d)
}

// AddMonths returns the date n calendar months after t, clamping the day to
// the end of a shorter month (31 January + 1 month = 28 or 29 February).
func (t Date) AddMonths(n int) Date {
	y, m, d := t.YMD()
	mi := y*12 + (m - 1) + n
	y, m = mi/12, mi%12+1
	if dd := DaysIn(y, m); d > dd {
		d = dd
	}
	return MustDate(y, m, d)
}

// MarshalText implements encoding.TextMarshaler.
func (t Date) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it accepts only a date
// that exists, written YYYY-MM-DD.
func (t *Date) UnmarshalText(b []byte) error {
	d, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*t = d
	return nil
}

// Expect says what a date field expects, for error messages.
func (*Date) Expect() string { return "a date that exists, written YYYY-MM-DD" }

// JSONSchema describes a date in JSON Schema.
func (*Date) JSONSchema() map[string]any {
	return map[string]any{"type": "string", "format": "date", "pattern": `^\d{4}-\d{2}-\d{2}$`, "description": "a civil date, YYYY-MM-DD"}
}
