package acts_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"minutebook/internal/acts"
	"minutebook/internal/bylaws"
	"minutebook/internal/journal"
)

// fixtureF builds fixture F's ledger (examples.md): 1,050,000 common
// issued, of which 50,000 in treasury (bought back from Ray), so 1,000,000
// outstanding: Alice 400,000 · Bob 260,000 · Carol 200,000 · Dan 100,000 ·
// Eve 40,000. All 1,050,000 authorized shares are issued.
func fixtureF(t *testing.T) *acts.Service {
	t.Helper()
	svc, _ := newService(t)
	apply(t, svc, ledgerBase, acts.Options{})
	mustRecord(t, svc, `
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: carol, name: Carol Chen, kind: natural_person}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: dan, name: Dan Chen, kind: natural_person}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: eve, name: Eve Evans, kind: natural_person}}
- `+issue("2000-01-10", "alice", "400000", "")+`
- `+issue("2000-01-10", "bob", "260000", "")+`
- `+issue("2000-01-10", "carol", "200000", "")+`
- `+issue("2000-01-10", "dan", "100000", "")+`
- `+issue("2000-01-10", "eve", "40000", "")+`
- `+issue("2000-01-10", "ray", "50000", "")+`
- {kind: stock.repurchase, effective: 2003-01-10, actor: {as: secretary}, fields: {holder: ray, certificates: [6], shares: "50000", price: "50000", resolution: r}}
`)
	return svc
}

func declare(date, id, form, rates, rd, payable, extra string) string {
	return fmt.Sprintf(`{kind: dividend.declare, effective: %s, actor: {as: board}, fields: {id: %s, form: %s, rates: %s, record_date: %s, payable: %s, resolution: r%s}}`,
		date, id, form, rates, rd, payable, extra)
}

// TestDividendRecordDateS89 works S89: a cash dividend declared 2004-06-01
// with a record date of 2004-06-15. (a) Payable 2004-08-14: 60 days, allowed;
// (b) payable 2004-08-15: 61 days, refused citing Art. VI §5, with the
// A-ACTION reading flagged. Under the declaration reading both are allowed.
func TestDividendRecordDateS89(t *testing.T) {
	t.Parallel()
	svc := fixtureF(t)
	rs := apply(t, svc, "["+declare("2004-06-01", "q2", "cash", `[{class: common, per_share: "0.10"}]`, "2004-06-15", "2004-08-14", "")+"]", acts.Options{DryRun: true})
	var held, warned *journal.Check
	for i, c := range rs[0].Checks {
		if c.Rule == "VI.5.record_date_other" && strings.Contains(c.Message, "60 days before the payment") {
			held = &rs[0].Checks[i]
		}
		if c.Rule == "VI.5.record_date_other" && c.Outcome == journal.Warned {
			warned = &rs[0].Checks[i]
		}
	}
	if rs[0].Status != acts.Checked || held == nil || held.Outcome != journal.Held || warned == nil || !strings.Contains(warned.Message, "A-ACTION") {
		t.Errorf("(a) 60 days: %s held=%+v warned=%+v", rs[0].Status, held, warned)
	}
	rs = apply(t, svc, "["+declare("2004-06-01", "q2", "cash", `[{class: common, per_share: "0.10"}]`, "2004-06-15", "2004-08-15", "")+"]", acts.Options{})
	c := failedCheck(rs, "VI.5.record_date_other")
	if rs[0].Status != acts.Refused || c == nil || !strings.Contains(c.Citation, "Art. VI §5") ||
		!strings.Contains(c.Message, "61 days before the payment on 2004-08-15") || !strings.Contains(c.Message, "not more than 60") {
		t.Fatalf("(b) 61 days: %s %+v", rs[0].Status, c)
	}
	if ds, _ := svc.Dividends(context.Background(), "quintus"); len(ds) != 0 {
		t.Errorf("a refused declaration left %d dividends", len(ds))
	}
	// A record date before the declaration is refused (DGCL §213(c)).
	rs = apply(t, svc, "["+declare("2004-06-01", "q2", "cash", `[{class: common, per_share: "0.10"}]`, "2004-05-31", "2004-06-30", "")+"]", acts.Options{DryRun: true})
	if c := failedCheck(rs, "VI.5.record_date_other"); c == nil || !strings.Contains(c.Message, "precedes the resolution") {
		t.Errorf("record date before the declaration: %+v", c)
	}

	// The declaration reading of A-ACTION, adopted by the stockholders:
	// the 61-day record date is allowed, with the reading flagged.
	src := strings.Replace(string(bylaws.QuintusSource()), "choice: payment", "choice: declaration", 1)
	text, _ := json.Marshal(src)
	mustRecord(t, svc, `[{kind: bylaws.amend, effective: 2004-05-01, actor: {as: stockholders}, fields: {meeting: annual, resolution: r, bylaws: {text: `+string(text)+`}}}]`)
	rs = apply(t, svc, "["+declare("2004-06-01", "q2", "cash", `[{class: common, per_share: "0.10"}]`, "2004-06-15", "2004-08-15", "")+"]", acts.Options{DryRun: true})
	if rs[0].Status != acts.Checked || findCheck(rs, "VI.5.record_date_other") == nil {
		t.Errorf("declaration reading, 61 days: %s %v", rs[0].Status, failed(rs))
	}
	flagged := false
	for _, c := range rs[0].Checks {
		flagged = flagged || (c.Outcome == journal.Warned && strings.Contains(c.Message, "A-ACTION: declaration"))
	}
	if !flagged {
		t.Errorf("the declaration reading is not flagged: %+v", rs[0].Checks)
	}
}

type line struct{ holder, shares, entitled, exact, amount, remainder string }

func scheduleLines(t *testing.T, svc *acts.Service, id string) (*acts.DividendSchedule, []line) {
	t.Helper()
	s, err := svc.DividendSchedule(context.Background(), "quintus", id)
	if err != nil {
		t.Fatal(err)
	}
	var out []line
	for _, l := range s.Lines {
		out = append(out, line{l.Holder.ID, l.Shares.String(), acts.RatString(l.Entitled), acts.RatString(l.Exact), s.Money(l.Amount), acts.RatString(l.Remainder())})
	}
	return s, out
}

// TestDividendSchedule: the schedule per registered holder on the record
// date, worked by hand. Treasury shares take nothing; partly paid shares
// take it on the part paid on the record date; each holder is rounded down
// to the cent and the remainder reported; once paid the schedule is kept
// as paid.
func TestDividendSchedule(t *testing.T) {
	t.Parallel()
	svc := fixtureF(t)
	ctx := context.Background()
	// q2: $0.10 on 1,000,000 outstanding = $100,000.00, no remainder.
	mustRecord(t, svc, "["+declare("2004-06-01", "q2", "cash", `[{class: common, per_share: "0.10"}]`, "2004-06-15", "2004-08-14", "")+"]")
	s, got := scheduleLines(t, svc, "q2")
	want := []line{
		{"alice", "400000", "400000", "40000", "40000.00", "0"},
		{"bob", "260000", "260000", "26000", "26000.00", "0"},
		{"carol", "200000", "200000", "20000", "20000.00", "0"},
		{"dan", "100000", "100000", "10000", "10000.00", "0"},
		{"eve", "40000", "40000", "4000", "4000.00", "0"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) || s.Money(s.Amount) != "100000.00" || acts.RatString(s.Remainder()) != "0" {
		t.Errorf("q2 schedule:\n got %v\nwant %v\ntotal %s remainder %s", got, want, s.Amount, acts.RatString(s.Remainder()))
	}
	mustRecord(t, svc, `[{kind: dividend.pay, effective: 2004-08-14, actor: {person: tom, as: treasurer}, fields: {dividend: q2}}]`)

	// q3: Ray gets 333 treasury shares and Eve 1,000 partly paid (25%:
	// $250 of $1,000) before the record date; Eve pays $250 more after it.
	mustRecord(t, svc, `
- `+issue("2004-08-20", "ray", "333", ", from_treasury: true")+`
- `+strings.Replace(issue("2004-08-20", "eve", "1000", `, from_treasury: true, paid: "250"`), `consideration: "1000"`, `consideration: "1000.00"`, 1)+`
- `+declare("2004-09-01", "q3", "cash", `[{class: common, per_share: "0.0125"}]`, "2004-09-15", "2004-10-01", "")+`
- {kind: stock.payment, effective: 2004-09-20, actor: {as: secretary}, fields: {certificate: 8, amount: "250"}}
`)
	// By hand: Eve is entitled on 40,000 + 1,000 × 25% = 40,250 shares:
	// 40,250 × 0.0125 = 503.125 → 503.12 (0.005 left); Ray 333 × 0.0125 =
	// 4.1625 → 4.16 (0.0025 left). Outstanding 1,001,333; entitled
	// 1,000,583; exact 12,507.2875; paid 12,507.28; remainder 0.0075.
	s, got = scheduleLines(t, svc, "q3")
	want = []line{
		{"alice", "400000", "400000", "5000", "5000.00", "0"},
		{"bob", "260000", "260000", "3250", "3250.00", "0"},
		{"carol", "200000", "200000", "2500", "2500.00", "0"},
		{"dan", "100000", "100000", "1250", "1250.00", "0"},
		{"eve", "41000", "40250", "503.125", "503.12", "0.005"},
		{"ray", "333", "333", "4.1625", "4.16", "0.0025"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("q3 schedule:\n got %v\nwant %v", got, want)
	}
	if s.Money(s.Amount) != "12507.28" || acts.RatString(s.Exact) != "12507.2875" || acts.RatString(s.Remainder()) != "0.0075" {
		t.Errorf("q3 totals: paid %s exact %s remainder %s", s.Amount, acts.RatString(s.Exact), acts.RatString(s.Remainder()))
	}
	if !s.Lines[4].PartlyPaid || s.Lines[0].PartlyPaid {
		t.Errorf("partly paid flags: eve %v alice %v", s.Lines[4].PartlyPaid, s.Lines[0].PartlyPaid)
	}
	rs := mustRecord(t, svc, `[{kind: dividend.pay, effective: 2004-10-01, actor: {person: tom, as: treasurer}, fields: {dividend: q3}}]`)
	if c := findCheck(rs, "VI.1.partly_paid"); c == nil || c.Outcome != journal.Warned || !strings.Contains(c.Message, "A-PARTLY") {
		t.Errorf("the partly paid reading is not flagged: %+v", c)
	}
	if c := findCheck(rs, "MB.dividend.rounding"); c == nil || !strings.Contains(c.Message, "remainder 0.0075") {
		t.Errorf("rounding check: %+v", c)
	}
	// Paid: Eve's payment after the record date and a later transfer do
	// not change the schedule as paid; paying twice is refused.
	mustRecord(t, svc, `[{kind: stock.payment, effective: 2004-10-02, actor: {as: secretary}, fields: {certificate: 8, amount: "500"}}]`)
	if _, again := scheduleLines(t, svc, "q3"); fmt.Sprint(again) != fmt.Sprint(want) {
		t.Errorf("q3 as paid changed:\n got %v\nwant %v", again, want)
	}
	rs = apply(t, svc, `[{kind: dividend.pay, effective: 2004-10-02, actor: {person: tom, as: treasurer}, fields: {dividend: q3}}]`, acts.Options{DryRun: true})
	if c := failedCheck(rs, "MB.dividend.known"); c == nil {
		t.Errorf("paying twice: %s", rs[0].Status)
	}

	// The CSV and JSON carry the same numbers.
	var buf bytes.Buffer
	if err := s.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "eve,Eve Evans,\"EVANS, EVE\",,common,41000,true,40250,503.125,503.12,0.005,\n") {
		t.Errorf("CSV:\n%s", buf.String())
	}
	j, _ := json.Marshal(s)
	for _, frag := range []string{`"remainder":"0.0075"`, `"amount":"12507.28"`, `"exact":"12507.2875"`, `"rounding":"each holder`} {
		if !bytes.Contains(j, []byte(frag)) {
			t.Errorf("JSON lacks %s: %s", frag, j)
		}
	}
	rep, err := svc.Verify(ctx, "quintus", acts.VerifyOptions{})
	if err != nil || !rep.OK {
		t.Fatalf("verify: %+v %v", rep, err)
	}
}

// TestStockDividend: a 5% stock dividend must fit within the authorized
// shares. With all 1,050,000 issued it is refused; after the charter
// authorizes 2,000,000 it is declared and paid, each holder's shares
// rounded down to whole shares.
func TestStockDividend(t *testing.T) {
	t.Parallel()
	svc := fixtureF(t)
	ctx := context.Background()
	mustRecord(t, svc, `- `+issue("2004-07-01", "ray", "333", ", from_treasury: true"))
	stock := declare("2004-11-01", "sd", "shares", `[{class: common, per_share: "0.05"}]`, "2004-11-15", "2004-12-01", "")
	rs := apply(t, svc, "["+stock+"]", acts.Options{})
	c := failedCheck(rs, "MB.stock.authorized")
	// By hand: 5% of 1,000,333 outstanding, each rounded down: 20,000 +
	// 13,000 + 10,000 + 5,000 + 2,000 + 16 (333 × 0.05 = 16.65) = 50,016;
	// 1,050,000 issued + 50,016 = 1,100,016 > 1,050,000.
	if rs[0].Status != acts.Refused || c == nil || !strings.Contains(c.Message, "50,016") || !strings.Contains(c.Message, "1,100,016") {
		t.Fatalf("stock dividend beyond the authorized: %s %+v", rs[0].Status, c)
	}
	mustRecord(t, svc, `
- {kind: charter.amend, effective: 2004-11-01, actor: {as: secretary}, fields: {authority: a, charter: {board_may_amend_bylaws: true, classes: [{id: common, name: Common Stock, authorized: "2000000", par: "0.001"}]}}}
- `+stock+`
- {kind: dividend.pay, effective: 2004-12-01, actor: {as: secretary}, fields: {dividend: sd, signers: [{person: ray, office: president}, {person: susan, office: secretary}]}}
`)
	s, got := scheduleLines(t, svc, "sd")
	want := []line{
		{"alice", "400000", "400000", "20000", "20000", "0"},
		{"bob", "260000", "260000", "13000", "13000", "0"},
		{"carol", "200000", "200000", "10000", "10000", "0"},
		{"dan", "100000", "100000", "5000", "5000", "0"},
		{"eve", "40000", "40000", "2000", "2000", "0"},
		{"ray", "333", "333", "16.65", "16", "0.65"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) || s.Unit != "shares of common" {
		t.Errorf("stock dividend schedule:\n got %v\nwant %v (%s)", got, want, s.Unit)
	}
	ct, err := svc.Holdings(ctx, "quintus", mustDate(t, "2004-12-01"))
	if err != nil {
		t.Fatal(err)
	}
	if out := ct.Classes[0].Outstanding.String(); out != "1050349" {
		t.Errorf("outstanding after the stock dividend = %s, want 1,000,333 + 50,016 = 1050349", out)
	}
	for _, l := range s.Lines {
		if l.Certificate == 0 {
			t.Errorf("%s has no dividend certificate", l.Holder.ID)
			continue
		}
		if cert := certificate(t, svc, l.Certificate); cert.Holder != l.Holder.ID || cert.Shares.Cmp(l.Amount) != 0 || cert.Origin != acts.OriginDividend {
			t.Errorf("certificate %d: %+v", l.Certificate, cert)
		}
	}
	rep, err := svc.Verify(ctx, "quintus", acts.VerifyOptions{})
	if err != nil || !rep.OK {
		t.Fatalf("verify: %+v %v", rep, err)
	}
}

// TestReserves: a reserve is modified or abolished in the manner in which
// it was created (Art. VII §2).
func TestReserves(t *testing.T) {
	t.Parallel()
	svc := fixtureF(t)
	mustRecord(t, svc, `[{kind: reserve.set, effective: 2004-05-20, actor: {as: board}, fields: {id: roof, purpose: repairs, amount: "75000.00", resolution: r}}]`)
	for name, src := range map[string]string{
		"by a committee":       `{kind: reserve.modify, effective: 2004-06-01, actor: {as: committee}, fields: {id: roof, amount: "1", resolution: r}}`,
		"by written consent":   `{kind: reserve.abolish, effective: 2004-06-01, actor: {as: board}, fields: {id: roof, manner: written_consent, resolution: r}}`,
		"an unknown reserve":   `{kind: reserve.abolish, effective: 2004-06-01, actor: {as: board}, fields: {id: nope, resolution: r}}`,
		"a second roof":        `{kind: reserve.set, effective: 2004-06-01, actor: {as: board}, fields: {id: roof, purpose: p, amount: "1", resolution: r}}`,
		"a reserve of nothing": `{kind: reserve.set, effective: 2004-06-01, actor: {as: board}, fields: {id: x, purpose: p, amount: "0", resolution: r}}`,
	} {
		if rs := apply(t, svc, "["+src+"]", acts.Options{DryRun: true}); rs[0].Status != acts.Refused {
			t.Errorf("%s: %s", name, rs[0].Status)
		}
	}
	mustRecord(t, svc, `
- {kind: reserve.modify, effective: 2004-09-20, actor: {as: board}, fields: {id: roof, amount: "90000", resolution: r}}
- {kind: reserve.abolish, effective: 2005-01-10, actor: {as: board}, fields: {id: roof, resolution: r}}
`)
	if rs := apply(t, svc, `[{kind: reserve.modify, effective: 2005-01-11, actor: {as: board}, fields: {id: roof, amount: "1", resolution: r}}]`, acts.Options{DryRun: true}); failedCheck(rs, "MB.reserve.known") == nil {
		t.Errorf("modifying an abolished reserve: %s", rs[0].Status)
	}
}
