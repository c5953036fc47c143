package views

import (
	"fmt"
	"strings"
	"time"

	"minutebook/internal/acts"
)

// ICalendar writes deadlines as an iCalendar feed (RFC 5545): one all-day
// VEVENT per deadline, its summary the title, its description the detail
// with the citation and rule. Each event's UID is stable (corporation,
// rule, date and source entry), so a calendar application updates rather
// than duplicates it; stamp is the feed's DTSTAMP.
func ICalendar(corpID, name string, ds []acts.Deadline, stamp time.Time) []byte {
	var b strings.Builder
	line := func(s string) {
		// Fold at 75 octets (RFC 5545 §3.1), on rune boundaries.
		for len(s) > 75 {
			cut := 75
			for cut > 0 && !utf8Start(s[cut]) {
				cut--
			}
			b.WriteString(s[:cut] + "\r\n")
			s = " " + s[cut:]
		}
		b.WriteString(s + "\r\n")
	}
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//minutebook//deadlines//EN")
	line("CALSCALE:GREGORIAN")
	line("X-WR-CALNAME:" + icalText(name+" — deadlines"))
	ts := stamp.UTC().Format("20060102T150405Z")
	for _, d := range ds {
		day := strings.ReplaceAll(d.Date.String(), "-", "")
		line("BEGIN:VEVENT")
		line(fmt.Sprintf("UID:%s-%s-%s-%d@minutebook", corpID, d.Rule, day, d.Source))
		line("DTSTAMP:" + ts)
		line("DTSTART;VALUE=DATE:" + day)
		line("DTEND;VALUE=DATE:" + strings.ReplaceAll(d.Date.AddDays(1).String(), "-", ""))
		line("SUMMARY:" + icalText(d.Title))
		desc := d.Citation + " [" + d.Rule + "]"
		if d.Detail != "" {
			desc = d.Detail + "\n" + desc
		}
		line("DESCRIPTION:" + icalText(desc))
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return []byte(b.String())
}

func utf8Start(c byte) bool { return c&0xC0 != 0x80 }

// icalText escapes a TEXT value (RFC 5545 §3.3.11).
func icalText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}
