package server_test

import (
	"strings"
	"testing"
)

// TestBrowserStories drives the real server in headless Chromium through
// the stories of issue 6, in the order of a season of the corporation:
// the list inspection window before the annual meeting, a director's
// signature of a consent, a stockholder refused another holder's page, a
// proxy granted, the ballot cast online during the polls with its
// receipt, the inspector's certification, and the receipt checked against
// the certified result. Each act a page records goes through the API's act
// path: the journal entry carries the access decision.
func TestBrowserStories(t *testing.T) {
	b := browser(t)
	s := startSite(t)

	t.Run("login page", func(t *testing.T) {
		u := &user{t: t, ctx: b, s: s}
		u.open("/login", "#email")
		u.screenshot("login")
	})

	bob := s.login(t, b, "bob@example.com")
	t.Run("a stockholder is refused another holder's page", func(t *testing.T) {
		bob.t = t
		bob.open("/c/quintus/portal", "#holder-page")
		bob.wants("#holdings", "common", "260,000")
		bob.open("/c/quintus/portal/holders/alice", "main h1")
		bob.wants("main", "Not allowed", `a stockholder sees only their own records, not "alice"`)
		if strings.Contains(bob.text("main"), "400,000") {
			t.Errorf("Bob sees Alice's holdings")
		}
		bob.open("/c/quintus/portal/inspector", "main h1")
		bob.wants("main", "Not allowed")
	})

	t.Run("the list is open only in the Art. II §4 window, after a request with a purpose", func(t *testing.T) {
		bob.t = t
		s.SetDay("2026-05-15")
		bob.open("/c/quintus/portal/holders/bob/meetings/annual-2026", "#list-request")
		bob.wants("#list-closed", "outside the period")
		bob.run(chromedpSendKeys("#purpose", "to solicit proxies for the election of directors"))
		bob.click("#list-request-submit", ".error")
		bob.wants(".error", "Refused", "Art. II §4", "outside the period when the list is open", "II.4.list_open")
		s.SetDay("2026-05-25")
		bob.open("/c/quintus/portal/holders/bob/meetings/annual-2026", "#list-request")
		bob.run(chromedpSendKeys("#purpose", "to solicit proxies for the election of directors"))
		bob.click("#list-request-submit", "#list-requested")
		if kind, d := s.lastEntry(t); kind != "list.request" || !strings.Contains(d, "bob@example.com as stockholder bob") {
			t.Errorf("journal: %s, access %q", kind, d)
		}
		bob.click("#view-list-submit", "#stock-list")
		bob.wants("#stock-list", "ANDERS, ALICE", "400,000", "BRANDT, BOB")
		bob.wants(".flash", "This examination is logged")
		if kind, d := s.lastEntry(t); kind != "list.access" || !strings.Contains(d, "bob@example.com as stockholder bob") {
			t.Errorf("journal: %s, access %q", kind, d)
		}
		bob.screenshot("portal-stockholder-list")
	})

	t.Run("a director signs a consent", func(t *testing.T) {
		pat := s.login(t, b, "pat@quintus.example")
		pat.open("/c/quintus/portal", "#board-page")
		pat.wants("#consent-uwc-2026-05-05", "Hale & Whitcomb", "Awaiting: Pat Morgan")
		pat.screenshot("portal-director")
		pat.click("#sign-uwc-2026-05-05", ".flash")
		pat.wants(".flash", "the last signature: all 5 members of the board in office consented in writing")
		pat.wants("#consents-effective", "uwc-2026-05-05", "effective 2026-05-25")
		if kind, d := s.lastEntry(t); kind != "board.consent_sign" || !strings.Contains(d, "pat@quintus.example as director pat") {
			t.Errorf("journal: %s, access %q", kind, d)
		}
	})

	alice := s.login(t, b, "alice@example.com")
	t.Run("a stockholder grants a proxy", func(t *testing.T) {
		alice.t = t
		s.SetDay("2026-05-28")
		alice.open("/c/quintus/portal", "#holder-page")
		alice.wants("#holdings", "400,000")
		alice.run(chromedpSetValue("#proxy_holder", "pat"), chromedpSetValue("#proxy_meeting", "annual-2026"))
		alice.click("#grant-proxy-submit", ".flash")
		alice.wants("#proxies", "alice-annual-2026-pat", "Pat Morgan", "in_force")
		if kind, d := s.lastEntry(t); kind != "proxy.grant" || !strings.Contains(d, "alice@example.com as stockholder alice") {
			t.Errorf("journal: %s, access %q", kind, d)
		}
		alice.screenshot("portal-stockholder")
	})

	// The meeting: the secretary records it held and the motion, the
	// inspector opens the polls (through the API, as the secretary's
	// meeting pages would).
	s.SetDay("2026-06-01")
	s.api(t, "susan.salvesen@quintus.example", `
- {kind: meeting.held, effective: 2026-06-01, actor: {person: susan, as: secretary}, fields: {meeting: annual-2026, list_produced: true, attendance: [{holder: alice}, {holder: bob}, {holder: carol}]}}
- {kind: meeting.motion, effective: 2026-06-01, actor: {person: susan, as: secretary}, fields: {meeting: annual-2026, id: auditors, text: "Ratify the appointment of Hale & Whitcomb LLP"}}
`)
	s.api(t, "ingrid@inspectors.example", `
- kind: polls.open
  effective: 2026-06-01
  actor: {person: ingrid, as: inspector}
  fields:
    meeting: annual-2026
    matters:
      - {id: auditors, kind: question, text: "Ratify the appointment of Hale & Whitcomb LLP"}
      - {id: directors, kind: election, seats: 5, candidates: [pat, quinn, ray, sam, tess], incumbents: [pat, quinn, ray, sam, tess]}
`)

	var receipt string
	t.Run("a stockholder votes online and sees the receipt", func(t *testing.T) {
		alice.t = t
		alice.open("/c/quintus/portal/holders/alice/meetings/annual-2026", "#ballot")
		alice.run(chromedpClick("#m-auditors-for"))
		for _, c := range []string{"pat", "quinn", "ray", "sam", "tess"} {
			alice.run(chromedpClick("#c-directors-" + c))
		}
		alice.screenshot("portal-ballot")
		alice.click("#cast-ballot", "#my-ballots")
		alice.wants(".flash", "Your ballot is recorded")
		alice.wants("#my-ballots", "auditors", "for", "400,000")
		receipt = alice.text("#my-ballots .receipt")
		if len(receipt) < 16 {
			t.Fatalf("receipt %q", receipt)
		}
		if kind, d := s.lastEntry(t); kind != "ballot.cast" || !strings.Contains(d, "alice@example.com as stockholder alice") {
			t.Errorf("journal: %s, access %q", kind, d)
		}
	})

	t.Run("the inspector certifies", func(t *testing.T) {
		ingrid := s.login(t, b, "ingrid@inspectors.example")
		ingrid.open("/c/quintus/portal", "#inspector-page")
		ingrid.click("#inspect-annual-2026", "#inspector-meeting")
		ingrid.wants("#inspector-ballots", "Alice Anders", "400,000")
		ingrid.wants("#inspector-proxies", "alice-annual-2026-pat")
		ingrid.click("#close-polls", "#certify")
		ingrid.wants("#polls", "closed")
		ingrid.click("#certify", "#certified")
		ingrid.wants("#certified", "Certified 2026-06-01")
		if kind, d := s.lastEntry(t); kind != "result.certify" || !strings.Contains(d, "ingrid@inspectors.example as inspector ingrid") {
			t.Errorf("journal: %s, access %q", kind, d)
		}
		ingrid.screenshot("portal-inspector")
	})

	t.Run("the stockholder checks the receipt against the certified result", func(t *testing.T) {
		alice.t = t
		if receipt == "" {
			t.Skip("no receipt: the vote failed")
		}
		alice.open("/c/quintus/portal/holders/alice/meetings/annual-2026", "#check-receipt")
		alice.wants("#certified", "Certified 2026-06-01")
		alice.run(chromedpSendKeys("#receipt", receipt))
		alice.click("#check-receipt-submit", "#receipt-check")
		alice.wants("#receipt-verified", "Verified", "certified root")
		alice.screenshot("portal-receipt")
		alice.open("/c/quintus/portal/holders/alice/meetings/annual-2026", "#check-receipt")
		alice.run(chromedpSendKeys("#receipt", strings.Repeat("0", len(receipt))))
		alice.click("#check-receipt-submit", "#receipt-check")
		alice.wants("#receipt-check", "not among the ballots")
	})
}
