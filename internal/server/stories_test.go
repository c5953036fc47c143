package server_test

import (
	"strings"
	"testing"
)

// annualMeeting calls the annual meeting of 2026-06-01, gives notice and
// prepares the list, as the secretary's meeting pages do.
const annualMeeting = `
- {kind: meeting.call, effective: 2026-04-01, actor: {as: board}, fields: {id: annual-2026, type: annual, date: 2026-06-01, time: "10:00", place: "47212 Mission Falls Court, Fremont", record_date: 2026-05-01}}
- {kind: meeting.notice, effective: 2026-04-15, actor: {person: susan, as: secretary}, fields: {meeting: annual-2026, method: mail}}
- {kind: list.prepare, effective: 2026-05-01, actor: {person: susan, as: secretary}, fields: {meeting: annual-2026}}
`

// consentOut circulates a consent of the board and records the signatures
// of every director but Pat.
const consentOut = `
- kind: board.consent_circulate
  effective: 2026-05-05
  actor: {person: susan, as: secretary}
  fields:
    id: uwc-2026-05-05
    resolutions: ["RESOLVED, that Hale & Whitcomb LLP be appointed the independent auditors of the corporation for the fiscal year ending March 31, 2027."]
- {kind: board.consent_sign, effective: 2026-05-06, actor: {person: quinn, as: director}, fields: {consent: uwc-2026-05-05}}
- {kind: board.consent_sign, effective: 2026-05-06, actor: {person: ray, as: director}, fields: {consent: uwc-2026-05-05}}
- {kind: board.consent_sign, effective: 2026-05-06, actor: {person: sam, as: director}, fields: {consent: uwc-2026-05-05}}
- {kind: board.consent_sign, effective: 2026-05-07, actor: {person: tess, as: director}, fields: {consent: uwc-2026-05-05}}
`

// TestBrowserStories drives the real server in headless Chromium through
// the stories of issue 6, in the order of a season of the corporation:
// the secretary's issuance and transfer and the cap table, the call of the
// annual meeting with its notice window and list, the list inspection window before the annual meeting, a director's
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

	susan := s.login(t, b, "susan.salvesen@quintus.example")
	secretaryPages := s.routeExists(t, "/c/quintus/captable")

	t.Run("the secretary records an issuance and a transfer, and sees the cap table change", func(t *testing.T) {
		susan.t = t
		if !secretaryPages {
			t.Skip("the secretary's pages (cap table, act editor, transfer wizard) are not in this build yet")
		}
		s.SetDay("2026-03-10")
		susan.open("/c/quintus/captable", "#captable-holders")
		susan.wants("#captable-holders", "Carol Chen", "200,000", "Dan Chen", "100,000")
		susan.open("/c/quintus/act?kind=stock.issue", "#act-yaml")
		susan.run(chromedpSetValue("#act-yaml", `kind: stock.issue
effective: 2026-03-10
actor: {person: susan, as: secretary}
fields: {class: common, holder: carol, shares: "10000", consideration: "10000.00", resolution: "Board resolution of 2026-03-02", signers: [{person: ray, office: president}, {person: susan, office: secretary}]}
`))
		susan.click("#act-preview", "#act-record")
		susan.click("#act-record", "#checks")
		susan.wants(".flash", "Recorded as act #")
		if kind, d := s.lastEntry(t); kind != "stock.issue" || !strings.Contains(d, "as secretary of quintus") {
			t.Errorf("journal: %s, access %q", kind, d)
		}
		susan.open("/c/quintus/transfer?from=carol", "#transfer")
		susan.run(chromedpSetValue("#tr-to", "dan"), chromedpClick("#cert-3"),
			chromedpSetValue("#tr-shares", "50000"), chromedpSetValue("#tr-effective", "2026-03-10"), chromedpSetValue("#tr-evidence", "endorsed"),
			chromedpSetValue("#tr-nature", "gift"), chromedpSetValue("#tr-signer1", "ray/president"), chromedpSetValue("#tr-signer2", "susan/secretary"))
		susan.click("#tr-preview", "#tr-record")
		susan.click("#tr-record", "#checks")
		if kind, _ := s.lastEntry(t); kind != "stock.transfer" {
			t.Errorf("journal: the newest entry is %s, want stock.transfer", kind)
		}
		susan.open("/c/quintus/captable", "#captable-holders")
		susan.wants("#captable-holders", "Carol Chen", "160,000", "Dan Chen", "150,000")
		susan.screenshot("secretary-captable")
	})

	t.Run("the secretary calls the annual meeting, the notice window is enforced, and the list is generated", func(t *testing.T) {
		susan.t = t
		s.SetDay("2026-04-01")
		if !secretaryPages {
			s.api(t, "susan.salvesen@quintus.example", annualMeeting)
			t.Skip("the secretary's meeting pages are not in this build yet: the call, the notice and the list were recorded through the API")
		}
		susan.open("/c/quintus/meetings", "#meeting-call")
		susan.run(chromedpSetValue("#mc-id", "annual-2026"), chromedpSetValue("#mc-type", "annual"), chromedpSetValue("#mc-date", "2026-06-01"),
			chromedpSetValue("#mc-time", "10:00"), chromedpSetValue("#mc-place", "47212 Mission Falls Court, Fremont"),
			chromedpSetValue("#mc-record-date", "2026-05-01"), chromedpSetValue("#mc-effective", "2026-04-01"))
		susan.click("#mc-preview", "#mc-record")
		susan.click("#mc-record", "#notice-send")
		s.SetDay("2026-04-15")
		susan.open("/c/quintus/meetings/annual-2026", "#notice-send")
		susan.run(chromedpSetValue("#ns-effective", "2026-05-23"))
		susan.click("#ns-check", "#ns-verdict")
		susan.wants("#ns-verdict", "refused", "Art. II §3")
		susan.run(chromedpSetValue("#ns-effective", "2026-04-15"))
		susan.click("#ns-send", "main")
		if kind, _ := s.lastEntry(t); kind != "meeting.notice" {
			t.Fatalf("journal: the newest entry is %s, want meeting.notice", kind)
		}
		s.SetDay("2026-05-01")
		susan.open("/c/quintus/act?kind=list.prepare", "#act-yaml")
		susan.run(chromedpSetValue("#act-yaml", "kind: list.prepare\neffective: 2026-05-01\nactor: {person: susan, as: secretary}\nfields: {meeting: annual-2026}\n"))
		susan.click("#act-preview", "#act-record")
		susan.click("#act-record", "#checks")
		susan.open("/c/quintus/meetings/annual-2026", "#list")
		susan.wants("#list", "Prepared 2026-05-01")
		susan.click("#list-link", "#captable-holders")
		susan.wants("#captable-holders", "Alice Anders", "400,000")
		susan.open("/c/quintus/meetings/annual-2026", "#list")
		susan.screenshot("secretary-meeting")
	})

	// The board's consent goes out on 2026-05-05; every director but Pat
	// signs (recorded by the secretary, who records any act).
	s.SetDay("2026-05-07")
	s.api(t, "susan.salvesen@quintus.example", consentOut)

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
