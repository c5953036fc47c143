package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// meetingDay records, through the act editor, the annual meeting of 2004
// from notice to the ballots (the story of cmd/minutebook's vote.txtar).
const meetingDay = `
- {kind: meeting.notice, effective: 2004-06-05, actor: {person: susan, as: secretary}, fields: {meeting: annual-2004, method: mail}}
- {kind: proxy.grant, effective: 2004-06-14, actor: {person: carol, as: holder}, fields: {id: c1, holder: carol, proxy_holder: pat, date: 2001-06-15}}
- {kind: meeting.held, effective: 2004-06-15, actor: {person: susan, as: secretary}, fields: {meeting: annual-2004, list_produced: true, chair: susan, attendance: [{holder: alice}, {holder: bob}, {holder: carol, mode: proxy, proxy_holder: pat}]}}
- {kind: meeting.motion, effective: 2004-06-15, actor: {person: susan, as: secretary}, fields: {meeting: annual-2004, id: auditors, text: Ratify the auditors, purpose: 2}}
- {kind: polls.open, effective: 2004-06-15, actor: {person: ingrid, as: inspector}, fields: {meeting: annual-2004, matters: [{id: auditors, kind: question, text: Ratify the auditors}, {id: directors, kind: election, seats: 3, candidates: [pat, quinn, ray, sam]}]}}
- {kind: ballot.cast, effective: 2004-06-15, actor: {person: alice, as: holder}, fields: {meeting: annual-2004, holder: alice, ballots: [{matter: auditors, choice: for}, {matter: directors, candidates: [pat, quinn, ray]}]}}
- {kind: ballot.cast, effective: 2004-06-15, actor: {person: pat, as: holder}, fields: {meeting: annual-2004, holder: carol, proxy: c1, ballots: [{matter: auditors, choice: against}, {matter: directors, candidates: [pat, quinn, sam]}]}}
- {kind: ballot.cast, effective: 2004-06-15, actor: {person: bob, as: holder}, fields: {meeting: annual-2004, holder: bob, ballots: [{matter: auditors, choice: abstain}, {matter: directors, candidates: [sam]}]}}
`

// TestMeetingLife: the act editor previews then records the meeting day;
// the meeting page then shows the live quorum (860,000 of 1,000,000
// present), the tally (the auditors not adopted: 400,000 for is not a
// majority of 860,000 present), the ballots with receipts to whoever may
// see them, and after the inspector's certification the certified result.
func TestMeetingLife(t *testing.T) {
	t.Parallel()
	s := newSite(t, onSQLite)
	st, _, body := s.post("secretary", "/c/quintus/act", url.Values{"src": {meetingDay}, "action": {"preview"}})
	if st != http.StatusOK || !strings.Contains(body, `id="act-record"`) {
		t.Fatalf("preview = %d:\n%s", st, text(body))
	}
	st, loc, body := s.post("secretary", "/c/quintus/act", url.Values{"src": {meetingDay}, "action": {"record"}})
	if st != http.StatusSeeOther {
		t.Fatalf("record = %d:\n%s", st, text(body))
	}
	if _, body := s.get("secretary", loc); !strings.Contains(body, "ballot.cast") {
		t.Errorf("the last act recorded is not the last ballot")
	}
	_, body = s.get("secretary", "/c/quintus/meetings/annual-2004/quorum")
	if !strings.Contains(text(body), "860,000 of 1,000,000 votes present (3 holders) — quorum") || !strings.Contains(body, `hx-trigger="every 5s"`) {
		t.Errorf("live quorum:\n%s", text(body))
	}
	_, body = s.get("secretary", "/c/quintus/meetings/annual-2004")
	tx := text(body)
	for _, want := range []string{"For 400,000 · against 200,000 · abstain 260,000", "not adopted", "Not yet certified", "All 6 ballots"} {
		if !strings.Contains(tx, want) {
			t.Errorf("meeting page lacks %q", want)
		}
	}
	if _, body := s.get("director", "/c/quintus/meetings/annual-2004"); strings.Contains(body, "ballots with their receipts") {
		t.Errorf("a director is offered the ballots")
	}
	if st, _ := s.get("director", "/c/quintus/meetings/annual-2004/ballots"); st != http.StatusForbidden {
		t.Errorf("director ballots = %d, want 403", st)
	}
	st, body = s.get("secretary", "/c/quintus/meetings/annual-2004/ballots")
	if st != http.StatusOK || strings.Count(body, `<span class="badge good">counted</span>`) != 6 {
		t.Errorf("ballots page = %d, counted %d", st, strings.Count(body, `<span class="badge good">counted</span>`))
	}
	certify := `
- {kind: polls.close, effective: 2004-06-15, actor: {person: ingrid, as: inspector}, fields: {meeting: annual-2004}}
- {kind: result.certify, effective: 2004-06-15, actor: {person: ingrid, as: inspector}, fields: {meeting: annual-2004}}
`
	if st, _, body := s.post("secretary", "/c/quintus/act", url.Values{"src": {certify}, "action": {"record"}}); st != http.StatusSeeOther {
		t.Fatalf("certify = %d:\n%s", st, text(body))
	}
	_, body = s.get("secretary", "/c/quintus/meetings/annual-2004")
	tx = text(body)
	for _, want := range []string{"Certified result", "certified 2004-06-15", "receipts root", "Elected: Pat Morgan, Quinn Ortega, Sam Rivera", "✓ Certified"} {
		if !strings.Contains(tx, want) {
			t.Errorf("certified meeting page lacks %q", want)
		}
	}
}
