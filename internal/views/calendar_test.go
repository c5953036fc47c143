package views_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/views"
)

// FuzzICalendar: whatever a deadline's text, the feed's lines are at most
// 75 octets, fold only between UTF-8 sequences, and unfold to the escaped
// text (RFC 5545 §3.1, §3.3.11); no text can start a property of its own.
func FuzzICalendar(f *testing.F) {
	f.Add("last day to give notice; of the annual meeting, annual-2004", "Art. II §3; DGCL §222(b)", "II.3.annual_notice_window")
	f.Add(strings.Repeat("é", 80), "line\nbreak\\", "x")
	f.Add("notice\rgiven", "", "II.3")
	f.Fuzz(func(t *testing.T, title, detail, rule string) {
		if !utf8.ValidString(title) || !utf8.ValidString(detail) || !utf8.ValidString(rule) {
			return
		}
		out := string(views.ICalendar("quintus", "Quintus Corporation", []acts.Deadline{{Date: corp.MustDate(2004, 6, 5), Title: title, Detail: detail, Rule: rule, Citation: "Art. II §3"}},
			time.Date(2004, 5, 20, 0, 0, 0, 0, time.UTC)))
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8")
		}
		lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
		var unfolded []string
		for _, l := range lines {
			if len(l) > 75 {
				t.Fatalf("line of %d octets", len(l))
			}
			if strings.HasPrefix(l, " ") {
				unfolded[len(unfolded)-1] += l[1:]
			} else {
				unfolded = append(unfolded, l)
			}
		}
		var summary string
		for _, l := range unfolded {
			if strings.HasPrefix(l, "SUMMARY:") {
				summary = strings.TrimPrefix(l, "SUMMARY:")
			}
		}
		unesc := strings.NewReplacer(`\\`, `\`, `\;`, ";", `\,`, ",", `\n`, "\n").Replace(summary)
		want := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(title)
		if unesc != want {
			t.Fatalf("SUMMARY unfolds to %q, want %q", unesc, want)
		}
		if n := strings.Count(out, "BEGIN:VEVENT"); n != 1 {
			t.Fatalf("%d events", n)
		}
	})
}
