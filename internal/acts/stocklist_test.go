package acts_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
)

// listBase is a corporation with three classes (common, 1 vote; preferred,
// 2 votes; fractional units, non-voting) and holders whose sort keys differ
// from their names' order.
const listBase = `
- kind: corporation.create
  effective: 1999-09-02
  actor: {as: secretary}
  fields:
    id: quintus
    legal_name: Quintus Corporation
    state: Delaware
    time_zone: America/Los_Angeles
    incorporation_date: 1995-03-14
    registered_office: {city: Dover, region: DE}
    principal_office: {city: Fremont, region: CA}
    charter:
      classes:
        - {id: common, name: Common Stock, authorized: "1000000"}
        - {id: preferred, name: Series A Preferred, authorized: "1000", votes_per_share: "2"}
        - {id: units, name: Fractional Units, authorized: "1000", votes_per_share: "0", scale: 2}
    bylaws: {default: true}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: susan, name: Susan Salvesen, kind: natural_person}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: ray, name: Ray Patel, kind: natural_person}}
- {kind: person.add, effective: 2004-01-10, actor: {as: secretary}, fields: {id: zeta, name: "Zeta Fund, L.P.", kind: limited_partnership}}
- {kind: person.add, effective: 2004-01-10, actor: {as: secretary}, fields: {id: bob, name: Bob Brandt, kind: natural_person, address: {lines: ["1 Main St, Suite 5"], city: Fremont, region: CA}}}
- {kind: person.add, effective: 2004-01-10, actor: {as: secretary}, fields: {id: carol, name: Carol de Vries, sort_key: "VRIES, CAROL DE", kind: natural_person}}
- {kind: person.add, effective: 2004-01-10, actor: {as: secretary}, fields: {id: alice, name: Alice Anders, kind: natural_person, address: {lines: ["12 Elm Street"], city: Palo Alto, region: CA, postal_code: "94301", country: US}}}
- {kind: stock.issue, effective: 2004-01-10, actor: {as: secretary}, fields: {class: common, holder: alice, shares: "400", consideration: "400", resolution: r, signers: &signers [{person: ray, office: president}, {person: susan, office: secretary}]}}
- {kind: stock.issue, effective: 2004-01-10, actor: {as: secretary}, fields: {class: common, holder: bob, shares: "260", consideration: "260", resolution: r, signers: *signers}}
- {kind: stock.issue, effective: 2004-01-10, actor: {as: secretary}, fields: {class: preferred, holder: bob, shares: "100", consideration: "1000", resolution: r, signers: *signers}}
- {kind: stock.issue, effective: 2004-01-10, actor: {as: secretary}, fields: {class: common, holder: zeta, shares: "50", consideration: "50", resolution: r, signers: *signers}}
- {kind: stock.issue, effective: 2004-01-10, actor: {as: secretary}, fields: {class: units, holder: carol, shares: "2.5", consideration: "0", resolution: r, certificated: false}}
- {kind: stock.repurchase, effective: 2004-02-01, actor: {as: secretary}, fields: {holder: alice, certificates: [1], shares: "100", price: "100", resolution: r, signers: *signers}}
`

// clocked is a service on a fresh store whose clock the test sets.
func clocked(t *testing.T) (*acts.Service, *time.Time) {
	t.Helper()
	_, st := newService(t)
	now := time.Date(2004, 2, 1, 20, 0, 0, 0, time.UTC)
	return &acts.Service{Store: st, Clock: func() time.Time { return now }}, &now
}

func stocklist(t *testing.T, svc *acts.Service, date string) *acts.StockholderList {
	t.Helper()
	l, err := svc.StockholderList(context.Background(), "quintus", mustDate(t, date))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func listCSV(t *testing.T, l *acts.StockholderList) string {
	t.Helper()
	var b bytes.Buffer
	if err := l.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

const listHeader = "name,sort_key,holder,address,common_shares,common_votes,preferred_shares,preferred_votes,units_shares,units_votes,votes\n"

// TestStockholderList: the list's order (by sort key), addresses, classes
// and votes, treasury shares left out, and its CSV byte for byte.
func TestStockholderList(t *testing.T) {
	t.Parallel()
	svc, _ := clocked(t)
	mustRecord(t, svc, listBase)

	l := stocklist(t, svc, "2004-03-01")
	want := listHeader +
		`Alice Anders,"ANDERS, ALICE",alice,"12 Elm Street, Palo Alto, CA 94301, US",300,300,0,0,0,0,300` + "\n" +
		`Bob Brandt,"BRANDT, BOB",bob,"1 Main St, Suite 5, Fremont, CA",260,260,100,200,0,0,460` + "\n" +
		`Carol de Vries,"VRIES, CAROL DE",carol,,0,0,0,0,2.5,0,0` + "\n" +
		`"Zeta Fund, L.P.","ZETA FUND, L.P.",zeta,,50,50,0,0,0,0,50` + "\n"
	if got := listCSV(t, l); got != want {
		t.Errorf("CSV on 2004-03-01:\n%s\nwant:\n%s", got, want)
	}
	// Treasury shares (Alice's 100 repurchased) are not outstanding and have no votes.
	if c := l.Classes[0]; c.Outstanding.String() != "610" || c.Votes.String() != "610" || l.Votes.String() != "810" {
		t.Errorf("classes = %+v, votes %s; want common 610 outstanding and 810 votes in all", l.Classes, l.Votes)
	}
	if len(l.Corrections) != 0 {
		t.Errorf("corrections = %+v", l.Corrections)
	}
	// Before the repurchase Alice held 400; before the issues, nobody.
	if got := listCSV(t, stocklist(t, svc, "2004-01-31")); !strings.Contains(got, "\nAlice Anders,\"ANDERS, ALICE\",alice,\"12 Elm Street, Palo Alto, CA 94301, US\",400,400,") {
		t.Errorf("CSV on 2004-01-31:\n%s", got)
	}
	if got := listCSV(t, stocklist(t, svc, "2004-01-09")); got != listHeader {
		t.Errorf("CSV before any issue:\n%s", got)
	}

	// JSON: the documented keys, exact decimals, the journal head.
	b, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	var j struct {
		Corporation string `json:"corporation"`
		RecordDate  string `json:"record_date"`
		Journal     struct {
			Seq  uint64 `json:"seq"`
			Hash string `json:"hash"`
		} `json:"journal"`
		Classes []struct {
			Class, VotesPerShare, Outstanding string
		} `json:"classes"`
		Holders []struct {
			Holder, Name, SortKey, Address, Votes string
			Shares                                []struct{ Class, Shares, Votes string }
		} `json:"holders"`
		Votes       string `json:"votes"`
		Corrections []any  `json:"corrections"`
	}
	if err := json.Unmarshal(b, &j); err != nil {
		t.Fatal(err)
	}
	if j.Corporation != "quintus" || j.RecordDate != "2004-03-01" || j.Journal.Seq != 13 || len(j.Journal.Hash) != 64 || j.Votes != "810" ||
		len(j.Holders) != 4 || j.Holders[1].Holder != "bob" || j.Holders[1].Votes != "460" || j.Holders[1].Shares[1].Votes != "200" ||
		j.Corrections == nil || len(j.Corrections) != 0 {
		t.Errorf("JSON = %s", b)
	}
	if !strings.Contains(string(b), `"sort_key":"ZETA FUND, L.P."`) || !strings.Contains(string(b), `"votes_per_share":"2"`) {
		t.Errorf("JSON keys: %s", b)
	}
}

// TestStockholderListCorrections: a list for a past date changes only with
// a correction, which is listed beside it; votes follow the charter in
// force on the record date.
func TestStockholderListCorrections(t *testing.T) {
	t.Parallel()
	svc, now := clocked(t)
	mustRecord(t, svc, listBase)
	before := listCSV(t, stocklist(t, svc, "2004-03-01"))

	// Later acts do not change the list for 2004-03-01.
	*now = time.Date(2004, 4, 10, 20, 0, 0, 0, time.UTC)
	mustRecord(t, svc, `
- {kind: stock.transfer, effective: 2004-04-01, actor: {as: secretary}, fields: {from: bob, to: alice, certificates: [2], shares: "60", evidence: endorsed, signers: [{person: ray, office: president}, {person: susan, office: secretary}]}}
- kind: charter.amend
  effective: 2004-04-10
  actor: {as: secretary}
  fields:
    authority: Certificate of Amendment
    charter:
      classes:
        - {id: common, name: Common Stock, authorized: "1000000"}
        - {id: preferred, name: Series A Preferred, authorized: "1000", votes_per_share: "3"}
        - {id: units, name: Fractional Units, authorized: "1000", votes_per_share: "0", scale: 2}
`)
	l := stocklist(t, svc, "2004-03-01")
	if got := listCSV(t, l); got != before || len(l.Corrections) != 0 {
		t.Errorf("list for 2004-03-01 changed without a correction:\n%s\nwas:\n%s", got, before)
	}
	// Votes per share follow the charter in force on the record date.
	if got := listCSV(t, stocklist(t, svc, "2004-04-15")); !strings.Contains(got, "\nBob Brandt,\"BRANDT, BOB\",bob,\"1 Main St, Suite 5, Fremont, CA\",200,200,100,300,0,0,500\n") {
		t.Errorf("list for 2004-04-15:\n%s", got)
	}

	// A correction recorded on 2004-05-01 at 06:59:59 UTC (23:59:59 on
	// 2004-04-30 in Fremont), and one at 07:00 UTC (midnight on 05-01).
	*now = time.Date(2004, 5, 1, 6, 59, 59, 0, time.UTC)
	mustRecord(t, svc, `[{kind: stock.issue, effective: 2004-02-15, correction: true, actor: {person: susan, as: secretary}, fields: {class: common, holder: zeta, shares: "10", consideration: "10", resolution: "r2", signers: [{person: ray, office: president}, {person: susan, office: secretary}]}}]`)
	*now = time.Date(2004, 5, 1, 7, 0, 0, 0, time.UTC)
	mustRecord(t, svc, `[{kind: stock.issue, effective: 2004-03-20, correction: true, actor: {person: susan, as: secretary}, fields: {class: common, holder: zeta, shares: "5", consideration: "5", resolution: "r3", signers: [{person: ray, office: president}, {person: susan, office: secretary}]}}]`)

	l = stocklist(t, svc, "2004-03-01")
	if got := listCSV(t, l); !strings.Contains(got, "\n\"Zeta Fund, L.P.\",\"ZETA FUND, L.P.\",zeta,,60,60,0,0,0,0,60\n") {
		t.Errorf("list for 2004-03-01 after the correction:\n%s", got)
	}
	if len(l.Corrections) != 1 {
		t.Fatalf("corrections for 2004-03-01 = %+v, want the one effective 2004-02-15", l.Corrections)
	}
	c := l.Corrections[0]
	if c.Seq != 16 || c.Kind != "stock.issue" || c.Effective.String() != "2004-02-15" || c.Actor != "susan (secretary)" ||
		!c.RecordedAt.Equal(time.Date(2004, 5, 1, 6, 59, 59, 0, time.UTC)) || !strings.Contains(c.Fields, `"holder":"zeta"`) {
		t.Errorf("correction = %+v", c)
	}
	// For 2004-04-30: the first correction was recorded on the record date
	// itself (Fremont time), so only the second altered the list after it.
	l = stocklist(t, svc, "2004-04-30")
	if len(l.Corrections) != 1 || l.Corrections[0].Seq != 17 {
		t.Errorf("corrections for 2004-04-30 = %+v, want #17 only", l.Corrections)
	}
	// For 2004-05-01 nothing was recorded after the record date.
	if l := stocklist(t, svc, "2004-05-01"); len(l.Corrections) != 0 {
		t.Errorf("corrections for 2004-05-01 = %+v", l.Corrections)
	}
	b, _ := json.Marshal(stocklist(t, svc, "2004-03-01"))
	if !strings.Contains(string(b), `"corrections":[{"seq":16,"kind":"stock.issue","effective":"2004-02-15","recorded_at":"2004-05-01T06:59:59Z","actor":"susan (secretary)","fields":`) {
		t.Errorf("JSON corrections: %s", b)
	}
}

func TestStockholderListErrors(t *testing.T) {
	t.Parallel()
	svc, _ := newService(t)
	if _, err := svc.StockholderList(context.Background(), "nobody", mustDate(t, "2004-01-01")); err == nil || !strings.Contains(err.Error(), "not recorded") {
		t.Errorf("unknown corporation: %v", err)
	}
	if _, err := svc.StockholderList(context.Background(), "quintus", corp.Date{}); err == nil {
		t.Error("no record date: no error")
	}
}

func TestFormatAddress(t *testing.T) {
	t.Parallel()
	svc, _ := clocked(t)
	mustRecord(t, svc, listBase)
	l := stocklist(t, svc, "2004-03-01")
	got := []string{}
	for _, h := range l.Holders {
		got = append(got, acts.FormatAddress(h.Person.Address))
	}
	if strings.Join(got, "|") != "12 Elm Street, Palo Alto, CA 94301, US|1 Main St, Suite 5, Fremont, CA||" {
		t.Errorf("addresses = %q", got)
	}
}

// TestStockholderListNamesOnRecordDate: the list shows each holder's name,
// sort key and address as they stood on the record date, so that a list
// for a past date does not change when a holder later moves or is renamed;
// the new particulars appear on lists for later dates, in their new place.
func TestStockholderListNamesOnRecordDate(t *testing.T) {
	t.Parallel()
	svc, _ := clocked(t)
	mustRecord(t, svc, listBase)
	before := listCSV(t, stocklist(t, svc, "2004-03-01"))
	mustRecord(t, svc, `- {kind: person.amend, effective: 2004-06-01, actor: {as: secretary}, fields: {id: alice, name: Alice Zorn, address: {lines: ["7 Pine Road"], city: Menlo Park, region: CA}}}`)
	if got := listCSV(t, stocklist(t, svc, "2004-03-01")); got != before {
		t.Errorf("the list for 2004-03-01 changed after a later rename:\n%s\nwas:\n%s", got, before)
	}
	after := listCSV(t, stocklist(t, svc, "2004-06-01"))
	lines := strings.Split(strings.TrimSpace(after), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[4], `Alice Zorn,"ZORN, ALICE",alice,"7 Pine Road, Menlo Park, CA",300,`) {
		t.Errorf("the list for 2004-06-01 should end with Alice under her new name and address:\n%s", after)
	}
}
