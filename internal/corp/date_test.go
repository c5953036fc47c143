package corp

import (
	"fmt"
	"testing"
	"time"

	"pgregory.net/rapid"
)

func TestParseDate(t *testing.T) {
	cases := []struct {
		in string
		ok bool
	}{
		{"2004-06-15", true}, {"2004-02-29", true}, {"2000-02-29", true},
		{"2005-02-29", false}, {"1900-02-29", false}, {"2004-13-01", false}, {"2004-04-31", false},
		{"2004-6-15", false}, {"04-06-15", false}, {"2004/06/15", false}, {"+004-06-15", false}, {"", false},
	}
	for _, c := range cases {
		_, err := ParseDate(c.in)
		if (err == nil) != c.ok {
			t.Errorf("ParseDate(%q) error = %v, want ok %t", c.in, err, c.ok)
		}
	}
}

// TestDateAgainstTime: civil dates agree with the standard library's
// calendar (in UTC, where every day has 24 hours) on day differences,
// weekdays and formatting.
func TestDateAgainstTime(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := time.Date(rapid.IntRange(1600, 2400).Draw(t, "y"), time.Month(rapid.IntRange(1, 12).Draw(t, "m")), rapid.IntRange(1, 28).Draw(t, "d"), 0, 0, 0, 0, time.UTC)
		n := rapid.IntRange(-100000, 100000).Draw(t, "n")
		b := a.AddDate(0, 0, n)
		da := MustDate(a.Year(), int(a.Month()), a.Day())
		db := da.AddDays(n)
		if db.String() != b.Format("2006-01-02") {
			t.Fatalf("%s + %d = %s, want %s", da, n, db, b.Format("2006-01-02"))
		}
		if got := da.DaysUntil(db); got != n {
			t.Fatalf("DaysUntil = %d, want %d", got, n)
		}
		if db.Weekday() != int(b.Weekday()) {
			t.Fatalf("Weekday(%s) = %d, want %d", db, db.Weekday(), b.Weekday())
		}
		back, err := ParseDate(db.String())
		if err != nil || back != db {
			t.Fatalf("ParseDate(%s) = %v, %v", db, back, err)
		}
	})
}

func TestAddYearsFeb29(t *testing.T) {
	d := MustDate(2000, 2, 29)
	if got := d.AddYears(3, Feb29ToFeb28).String(); got != "2003-02-28" {
		t.Errorf("2000-02-29 + 3y (feb28) = %s", got)
	}
	if got := d.AddYears(3, Feb29ToMar1).String(); got != "2003-03-01" {
		t.Errorf("2000-02-29 + 3y (mar1) = %s", got)
	}
	if got := d.AddYears(4, Feb29ToFeb28).String(); got != "2004-02-29" {
		t.Errorf("2000-02-29 + 4y = %s", got)
	}
	if got := MustDate(2004, 1, 31).AddMonths(1).String(); got != "2004-02-29" {
		t.Errorf("2004-01-31 + 1 month = %s", got)
	}
}

// Example_mcKesson works the day count of McKesson v. Derdiger (rules.md
// CONV.days_before): a record date of 25 May 2001 for a meeting on 25 July
// 2001 is 61 days before it, one too many.
func Example_mcKesson() {
	record, meeting := MustDate(2001, 5, 25), MustDate(2001, 7, 25)
	fmt.Println(record.DaysUntil(meeting))
	// Notice mailed on Saturday 2004-06-05 for the meeting of Tuesday 2004-06-15 (S01):
	fmt.Println(MustDate(2004, 6, 5).DaysUntil(MustDate(2004, 6, 15)), MustDate(2004, 6, 5).Weekday())
	// Output:
	// 61
	// 10 6
}

func TestDateIn(t *testing.T) {
	t.Parallel()
	// 2026-11-26 03:30 UTC is still 25 November in Los Angeles.
	at := time.Date(2026, 11, 26, 3, 30, 0, 0, time.UTC)
	for _, c := range []struct{ zone, want string }{
		{"America/Los_Angeles", "2026-11-25"},
		{"Asia/Tokyo", "2026-11-26"},
		{"", "2026-11-26"},             // t's own location (UTC here)
		{"Nowhere/Else", "2026-11-26"}, // unknown: t's own location
	} {
		if got := DateIn(at, c.zone).String(); got != c.want {
			t.Errorf("DateIn(%v, %q) = %s, want %s", at, c.zone, got, c.want)
		}
	}
}
