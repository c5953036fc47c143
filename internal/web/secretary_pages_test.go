package web_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"minutebook/internal/corp"
)

// TestSmoke renders every page of the secretary's side as the secretary.
func TestSmoke(t *testing.T) {
	t.Parallel()
	s := newSite(t, onSQLite)
	for _, path := range []string{"", "/captable", "/holders", "/holders/alice", "/certificates/1", "/transfer?from=alice",
		"/meetings", "/meetings/annual-2004", "/meetings/annual-2004/quorum", "/meetings/annual-2004/notice", "/board", "/journal", "/journal/3",
		"/act", "/act?kind=stock.issue", "/minutes/bm-2001-05-10"} {
		st, body := s.get("secretary", "/c/quintus"+path)
		if st != http.StatusOK {
			t.Errorf("GET %s = %d\n%s", path, st, body)
		}
	}
}

// text strips tags and collapses spaces, for assertions on what a reader sees.
func text(html string) string {
	html = regexp.MustCompile(`(?s)<[^>]*>`).ReplaceAllString(html, " ")
	return strings.Join(strings.Fields(html), " ")
}

// TestCapTable: the page shows each class's total outstanding and the
// votes, equal to the sums computed here independently from the holdings
// the acts recorded (fixture F: 400,000 + 260,000 + 200,000 + 100,000 +
// 40,000), and a date before the issuances shows none.
func TestCapTable(t *testing.T) {
	t.Parallel()
	s := newSite(t, onSQLite)
	ct, err := s.svc.Holdings(context.Background(), "quintus", corp.MustDate(2004, 5, 20))
	if err != nil {
		t.Fatal(err)
	}
	var sum corp.Decimal
	for _, h := range ct.Holdings {
		sum = sum.Add(h.Shares)
	}
	if sum.String() != "1000000" {
		t.Fatalf("fixture: holdings sum to %s, want 1000000", sum)
	}
	st, body := s.get("secretary", "/c/quintus/captable?on=2004-05-20")
	if st != http.StatusOK {
		t.Fatalf("captable = %d", st)
	}
	for _, want := range []string{`class="num total-shares">1,000,000<`, `class="num total-votes">1,000,000<`, "Alice Anders", `id="captable-chart"`,
		"400,000", "40.00", "26.00"} {
		if !strings.Contains(body, want) {
			t.Errorf("cap table lacks %q", want)
		}
	}
	// The chart: Alice's bar is 40% of 600 units.
	if !strings.Contains(body, `width="240" height="20"><title>Alice Anders: 400,000 votes, 40.00%</title>`) {
		t.Errorf("chart: no 240-unit bar for Alice's 40.00%%")
	}
	_, body = s.get("secretary", "/c/quintus/captable?on=2000-01-01")
	if !strings.Contains(body, "No shares outstanding on this date.") {
		t.Errorf("the cap table before the issuances is not empty")
	}
	st, body = s.get("secretary", "/c/quintus/captable?on=2004-02-30")
	if st != http.StatusBadRequest || !strings.Contains(body, "on:") {
		t.Errorf("an impossible date: %d", st)
	}
}

// TestCapTableExports: the CSV's rows sum to the outstanding shares and
// carry exact fractions; the PDF is a PDF.
func TestCapTableExports(t *testing.T) {
	t.Parallel()
	s := newSite(t, onSQLite)
	st, body := s.get("secretary", "/c/quintus/captable.csv?on=2004-05-20")
	if st != http.StatusOK {
		t.Fatalf("csv = %d", st)
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var sum corp.Decimal
	var outstanding string
	for _, r := range rows[1:] {
		if r[0] == "" {
			if r[2] == "common" {
				outstanding = r[3]
			}
			continue
		}
		d, err := corp.ParseDecimal(r[3])
		if err != nil {
			t.Fatal(err)
		}
		sum = sum.Add(d)
		if r[0] == "bob" && (r[4] != "13/50" || r[5] != "26.00") {
			t.Errorf("bob: of class %s (%s%%), want 13/50 (26.00%%)", r[4], r[5])
		}
	}
	if sum.String() != outstanding || outstanding != "1000000" {
		t.Errorf("CSV holdings sum to %s, outstanding %s", sum, outstanding)
	}
	st, body = s.get("secretary", "/c/quintus/captable.pdf?on=2004-05-20")
	if st != http.StatusOK || !strings.HasPrefix(body, "%PDF-") {
		t.Errorf("pdf = %d %.10q", st, body)
	}
}

// TestTransferWizard: a sale from Alice to Frank, not a stockholder and not exempt under Art.
// VIII, is refused in the dry-run preview with the citation of §1(h), and
// nothing is recorded; a gift from Carol to her spouse Dan (exempt) passes
// the preview, is recorded, and the cap table changes.
func TestTransferWizard(t *testing.T) {
	t.Parallel()
	s := newSite(t, onSQLite)
	st, body := s.get("secretary", "/c/quintus/transfer?from=alice")
	if st != http.StatusOK || !strings.Contains(body, `id="cert-1"`) || !strings.Contains(body, "ROFR notice 1") {
		t.Fatalf("wizard step 1 = %d; certificate 1 or the ROFR window of notice 1 missing", st)
	}
	form := refusedSale("preview")
	st, _, body = s.post("secretary", "/c/quintus/transfer", form)
	if st != http.StatusUnprocessableEntity {
		t.Fatalf("refused preview = %d\n%s", st, text(body))
	}
	if !strings.Contains(body, "Art. VIII §1(h)") || !strings.Contains(text(body), "The transfer would be refused") {
		t.Errorf("the refused preview does not cite Art. VIII §1(h):\n%s", text(body))
	}
	if strings.Contains(body, `id="tr-record"`) {
		t.Errorf("a refused preview offers to record")
	}
	form.Set("action", "record")
	if st, _, _ = s.post("secretary", "/c/quintus/transfer", form); st != http.StatusUnprocessableEntity {
		t.Errorf("recording the refused transfer = %d", st)
	}
	if cs, _ := s.svc.Certificates(context.Background(), "quintus", "alice"); len(cs) != 1 || cs[0].Status != "outstanding" {
		t.Fatalf("a refused transfer changed Alice's certificates: %+v", cs)
	}

	gift := exemptGift("preview")
	st, _, body = s.post("secretary", "/c/quintus/transfer", gift)
	if st != http.StatusOK || !strings.Contains(body, `id="tr-record"`) {
		t.Fatalf("gift preview = %d:\n%s", st, text(body))
	}
	gift.Set("action", "record")
	st, loc, _ := s.post("secretary", "/c/quintus/transfer", gift)
	if st != http.StatusSeeOther || !strings.Contains(loc, "/c/quintus/journal/") {
		t.Fatalf("record = %d %q", st, loc)
	}
	_, body = s.get("secretary", loc)
	if !strings.Contains(body, "stock.transfer") || !strings.Contains(body, "MB.access.record") || !strings.Contains(body, "Recorded as act #") {
		t.Errorf("the recorded act's page lacks the act, its access check or the note")
	}
	_, body = s.get("secretary", "/c/quintus/captable?on=2004-05-20")
	if !strings.Contains(text(body), "Dan Chen common 150,000") {
		t.Errorf("the cap table does not show Dan's 150,000 after the gift:\n%s", text(body))
	}
}

// TestDashboard: the calendar shows the notice window, the list due and
// the ROFR option of the fixture, with citations; the obligations list the
// notice due; the iCalendar feed has an event per deadline; verification
// on demand reports the journal verified.
func TestDashboard(t *testing.T) {
	t.Parallel()
	s := newSite(t, onSQLite)
	st, body := s.get("secretary", "/c/quintus")
	if st != http.StatusOK {
		t.Fatal(st)
	}
	for _, want := range []string{"last day to give notice of the annual meeting annual-2004", "Art. II §3; DGCL §222(b)",
		"stockholder list due for the annual meeting annual-2004", "last day of the corporation&#39;s option on ROFR notice 1",
		"not verified since the server started", "1,000,000 Common Stock outstanding", "4 / 5 directors in office", "2004-06-15 next meeting: annual-2004"} {
		if !strings.Contains(body, want) && !strings.Contains(text(body), want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
	ob := body[strings.Index(body, `id="obligations"`):strings.Index(body, `id="verify"`)]
	if !strings.Contains(ob, `data-rule="II.4.list_prepare"`) || !strings.Contains(ob, "in 16 d") {
		t.Errorf("obligations lack the list due in 16 days:\n%s", text(ob))
	}
	ds, _ := s.svc.Calendar(context.Background(), "quintus", corp.Date{}, corp.Date{})
	if !strings.Contains(body, `id="ics-link" class="button secondary" href="/api/corporations/quintus/calendar/ics"`) {
		t.Errorf("the dashboard does not link the API's iCalendar feed")
	}
	st, ics := s.get("secretary", "/api/corporations/quintus/calendar/ics")
	if st != http.StatusOK || strings.Count(ics, "BEGIN:VEVENT") != len(ds) || !strings.Contains(ics, "DTSTART;VALUE=DATE:20040605") {
		t.Errorf("ics = %d with %d events, want %d", st, strings.Count(ics, "BEGIN:VEVENT"), len(ds))
	}
	for _, l := range strings.Split(ics, "\r\n") {
		if len(l) > 75 {
			t.Errorf("ics line longer than 75 octets: %q", l)
		}
	}
	// With htmx the verification answers its panel alone.
	req, _ := http.NewRequest("POST", s.srv.URL+"/c/quintus/verify", nil)
	req.Header.Set("HX-Request", "true")
	resp, err := s.user["secretary"].Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if panel := string(b); resp.StatusCode != http.StatusOK || strings.Contains(panel, "<html") || !strings.HasPrefix(strings.TrimSpace(panel), `<section id="verify"`) ||
		!strings.Contains(panel, fmt.Sprintf("All %d entries chain", entries(t, s))) {
		t.Errorf("htmx verify = %d:\n%s", resp.StatusCode, panel)
	}
	st, loc, _ := s.post("secretary", "/c/quintus/verify", nil)
	if st != http.StatusSeeOther {
		t.Fatalf("verify = %d", st)
	}
	_, body = s.get("secretary", loc)
	if !strings.Contains(body, `id="verify-status" class="verdict-ok">verified`) {
		t.Errorf("after verification the dashboard does not say verified")
	}
}

// TestMeetingNotice: the notice preview names the meeting and the record
// date; notice on a date 9 days before the meeting is refused citing Art.
// II §3, and on a date within the window it is recorded.
func TestMeetingNotice(t *testing.T) {
	t.Parallel()
	s := newSite(t, onSQLite)
	st, body := s.get("secretary", "/c/quintus/meetings/annual-2004/notice?holder=bob")
	if st != http.StatusOK || !strings.Contains(body, "Bob Brandt") || !strings.Contains(text(body), "Fremont, California") {
		t.Fatalf("notice preview = %d:\n%s", st, text(body))
	}
	st, _, body = s.post("secretary", "/c/quintus/meetings/annual-2004/notice", url.Values{"method": {"mail"}, "effective": {"2004-06-06"}, "action": {"preview"}})
	if st != http.StatusUnprocessableEntity || !strings.Contains(body, "Art. II §3") {
		t.Errorf("notice 9 days before = %d:\n%s", st, text(body))
	}
	st, loc, _ := s.post("secretary", "/c/quintus/meetings/annual-2004/notice", url.Values{"method": {"mail"}, "effective": {"2004-05-20"}, "action": {"record"}})
	if st != http.StatusSeeOther {
		t.Fatalf("record notice = %d", st)
	}
	_, body = s.get("secretary", loc)
	if !strings.Contains(body, "✓ Notice") {
		t.Errorf("the meeting page does not show the notice step done")
	}
}

// TestJournal: the journal browser lists the newest act first with its
// hash, and an act's page shows its checks with citations and its hash
// chained to the previous one.
func TestJournal(t *testing.T) {
	t.Parallel()
	s := newSite(t, onSQLite)
	es, hs, err := s.svc.Entries(context.Background(), "quintus", 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := len(es)
	_, body := s.get("secretary", "/c/quintus/journal")
	first := strings.Index(body, fmt.Sprintf(`id="act-%d"`, n))
	second := strings.Index(body, fmt.Sprintf(`id="act-%d"`, n-1))
	if first < 0 || second < first || !strings.Contains(body, fmt.Sprintf("%d acts", n)) {
		t.Errorf("journal: head %d not listed first (%d, %d)", n, first, second)
	}
	_, body = s.get("secretary", fmt.Sprintf("/c/quintus/journal/%d", n))
	if !strings.Contains(body, hs[n-1].String()) || !strings.Contains(body, hs[n-2].String()) || !strings.Contains(body, es[n-1].Checks[0].Citation) {
		t.Errorf("act page lacks its hash, the previous hash or its first citation")
	}
	if st, _ := s.get("secretary", fmt.Sprintf("/c/quintus/journal/%d", n+1)); st != http.StatusNotFound {
		t.Errorf("an entry past the head = %d, want 404", st)
	}
	// Fifteen more acts run the journal past one page of 50: page 2 holds the
	// oldest acts.
	var src strings.Builder
	for i := range 15 {
		fmt.Fprintf(&src, "- {kind: person.add, effective: 2004-05-20, actor: {person: susan, as: secretary}, fields: {id: p%d, name: Person %d, kind: natural_person}}\n", i, i)
	}
	if st, _, body := s.post("secretary", "/c/quintus/act", url.Values{"src": {src.String()}, "action": {"record"}}); st != http.StatusSeeOther {
		t.Fatalf("fifteen persons = %d:\n%s", st, text(body))
	}
	n = entries(t, s)
	if n <= 50 {
		t.Fatalf("%d entries: the test needs more than a page", n)
	}
	_, body = s.get("secretary", "/c/quintus/journal?page=2")
	if !strings.Contains(body, `id="act-1"`) || strings.Contains(body, fmt.Sprintf(`id="act-%d"`, n-49)) || !strings.Contains(body, `id="journal-prev"`) {
		t.Errorf("journal page 2 of %d entries is not the oldest %d", n, n-50)
	}
	if st, _ := s.get("secretary", "/c/quintus/journal?page=3"); st != http.StatusBadRequest {
		t.Errorf("journal page 3 = %d, want 400", st)
	}
}

// TestHolderAndCertificate: Dan's page shows his partly paid certificate
// and the transfer link; the certificate page its consideration, amount
// paid, signers and legends; a stranger's page is 404.
func TestHolderAndCertificate(t *testing.T) {
	t.Parallel()
	s := newSite(t, onSQLite)
	st, body := s.get("secretary", "/c/quintus/holders/dan")
	if st != http.StatusOK || !strings.Contains(text(body), "Certificate 4 common 100,000 2001-05-01 outstanding") || !strings.Contains(body, `id="transfer-start"`) {
		t.Errorf("Dan's page = %d:\n%s", st, text(body))
	}
	if _, body := s.get("director", "/c/quintus/holders/dan"); strings.Contains(body, `id="transfer-start"`) {
		t.Errorf("a director is offered the transfer")
	}
	_, body = s.get("secretary", "/c/quintus/certificates/4")
	for _, want := range []string{"$100,000.00 · paid $25,000.00 partly paid", "Ray Patel (president), Susan Salvesen (secretary)"} {
		if !strings.Contains(text(body), want) {
			t.Errorf("certificate 4 lacks %q:\n%s", want, text(body))
		}
	}
	if st, _ := s.get("secretary", "/c/quintus/holders/nobody"); st != http.StatusNotFound {
		t.Errorf("unknown holder = %d, want 404", st)
	}
	if st, _ := s.get("secretary", "/c/quintus/certificates/99"); st != http.StatusNotFound {
		t.Errorf("unknown certificate = %d, want 404", st)
	}
}

// TestMinutes: the minutes of the board meeting of 2001-05-10 name the
// directors present, the quorum and the committee it designated, with the
// citation of its check.
func TestMinutes(t *testing.T) {
	t.Parallel()
	s := newSite(t, onSQLite)
	st, body := s.get("director", "/c/quintus/minutes/bm-2001-05-10")
	tx := text(body)
	if st != http.StatusOK || !strings.Contains(tx, "Pat Morgan") || !strings.Contains(tx, "Audit Committee") || !strings.Contains(tx, "Art. III §11") {
		t.Errorf("minutes = %d:\n%s", st, tx)
	}
	if _, body := s.get("secretary", "/c/quintus/meetings"); !strings.Contains(body, `href="/c/quintus/minutes/bm-2001-05-10"`) {
		t.Errorf("the meetings page does not link the minutes")
	}
}

// TestBoard: the board page shows the directors, the vacancy (4 of 5),
// the committee and its powers, and the officers.
func TestBoard(t *testing.T) {
	t.Parallel()
	s := newSite(t, onSQLite)
	// A consent circulated to the four directors, signed by two: out for
	// signature, awaiting the other two.
	circulate := `
- {kind: board.consent_circulate, effective: 2004-05-20, actor: {person: susan, as: secretary}, fields: {id: uwc-1, resolutions: ["RESOLVED, that the seal be adopted."], directors: [pat, quinn, ray, sam]}}
- {kind: board.consent_sign, effective: 2004-05-20, actor: {person: pat, as: director}, fields: {consent: uwc-1}}
- {kind: board.consent_sign, effective: 2004-05-20, actor: {person: quinn, as: director}, fields: {consent: uwc-1}}
`
	if st, _, body := s.post("secretary", "/c/quintus/act", url.Values{"src": {circulate}, "action": {"record"}}); st != http.StatusSeeOther {
		t.Fatalf("circulate = %d:\n%s", st, text(body))
	}
	st, body := s.get("director", "/c/quintus/board")
	if st != http.StatusOK {
		t.Fatal(st)
	}
	tx := text(body)
	for _, want := range []string{"Pat Morgan", "1 vacant directorship", "Audit Committee", "Quinn Ortega, Sam Rivera", "ordinary", "president Ray Patel", "treasurer Tess Larsen",
		"uwc-1 board RESOLVED, that the seal be adopted. 2004-05-20 Pat Morgan (2004-05-20), Quinn Ortega (2004-05-20) Ray Patel, Sam Rivera out for signature"} {
		if !strings.Contains(tx, want) {
			t.Errorf("board lacks %q", want)
		}
	}
}

// TestStockholderRefused: a stockholder gets 403 on every page of the
// secretary's side, and posting a transfer is refused without recording.
func TestStockholderRefused(t *testing.T) {
	t.Parallel()
	s := newSite(t, onSQLite)
	for _, p := range secretaryPaths {
		if st, _ := s.get("stockholder", "/c/quintus"+p); st != http.StatusForbidden {
			t.Errorf("stockholder GET %s = %d, want 403", p, st)
		}
	}
	for _, p := range []string{"/transfer", "/meetings", "/meetings/annual-2004/notice", "/act", "/verify"} {
		if st, _, _ := s.post("stockholder", "/c/quintus"+p, url.Values{"action": {"record"}}); st != http.StatusForbidden {
			t.Errorf("stockholder POST %s = %d, want 403", p, st)
		}
	}
	// The auditor reads the books but records nothing.
	if st, _ := s.get("auditor", "/c/quintus/captable"); st != http.StatusOK {
		t.Errorf("auditor captable = %d", st)
	}
	if st, _, _ := s.post("auditor", "/c/quintus/act", url.Values{"src": {"kind: person.add"}}); st != http.StatusForbidden {
		t.Errorf("auditor POST act = %d", st)
	}
}

// secretaryPaths are the secretary's pages that take only {corp}, for the
// test that a stockholder is refused every one of them.
var secretaryPaths = []string{
	"", "/captable", "/captable.csv", "/captable.pdf", "/holders", "/holders/alice",
	"/certificates/1", "/transfer", "/meetings", "/meetings/annual-2004", "/meetings/annual-2004/quorum",
	"/meetings/annual-2004/notice", "/meetings/annual-2004/ballots", "/board", "/journal", "/journal/1", "/act", "/minutes/bm-2001-05-10",
}

// TestPostgres: on PostgreSQL the same pages give the same figures: the
// cap table's totals, a recorded transfer with its access check, the
// refused preview's citation, the journal verified.
func TestPostgres(t *testing.T) {
	t.Parallel()
	s := newSite(t, onPostgres)
	_, body := s.get("secretary", "/c/quintus/captable?on=2004-05-20")
	if !strings.Contains(body, `class="num total-shares">1,000,000<`) {
		t.Errorf("PostgreSQL cap table lacks the total")
	}
	refused := refusedSale("preview")
	if st, _, body := s.post("secretary", "/c/quintus/transfer", refused); st != http.StatusUnprocessableEntity || !strings.Contains(body, "Art. VIII §1(h)") {
		t.Errorf("PostgreSQL refused preview = %d", st)
	}
	gift := exemptGift("record")
	st, loc, _ := s.post("secretary", "/c/quintus/transfer", gift)
	if st != http.StatusSeeOther {
		t.Fatalf("PostgreSQL record = %d", st)
	}
	if _, body := s.get("secretary", loc); !strings.Contains(body, "MB.access.record") {
		t.Errorf("PostgreSQL: the recorded act lacks its access check")
	}
	_, loc, _ = s.post("secretary", "/c/quintus/verify", nil)
	if _, body := s.get("secretary", loc); !strings.Contains(body, "verdict-ok\">verified") {
		t.Errorf("PostgreSQL: the journal does not verify")
	}
}

// refusedSale is the wizard's form for a sale of 1,000 of Alice's shares
// to Frank, who holds none: no exemption of Art. VIII §1(f) applies.
func refusedSale(action string) url.Values {
	return transferForm("alice", "frank", "1", "1000", "sale", action)
}

// exemptGift is the wizard's form for a gift of 50,000 of Carol's shares
// to her spouse Dan, exempt under Art. VIII §1(f).
func exemptGift(action string) url.Values {
	return transferForm("carol", "dan", "3", "50000", "gift", action)
}

func transferForm(from, to, cert, shares, nature, action string) url.Values {
	return url.Values{"from": {from}, "to": {to}, "cert": {cert}, "shares": {shares}, "effective": {"2004-05-20"},
		"evidence": {"endorsed"}, "nature": {nature}, "signer1": {"ray/president"}, "signer2": {"susan/secretary"}, "action": {action}}
}

// entries is the number of entries in the journal.
func entries(t *testing.T, s *site) int {
	es, _, err := s.svc.Entries(context.Background(), "quintus", 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	return len(es)
}
