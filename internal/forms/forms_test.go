package forms_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"minutebook/internal/acts"
	"minutebook/internal/bylaws"
	"minutebook/internal/corp"
	"minutebook/internal/forms"
	"minutebook/internal/journal"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/forms -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got; regenerate with -update):\n%s", name, diff)
	}
}

func quintus() corp.Corporation {
	return corp.Corporation{ID: "quintus", LegalName: "Quintus Corporation", State: "Delaware", TimeZone: "America/Los_Angeles"}
}

func charter(rights bool) corp.CharterFacts {
	f := corp.CharterFacts{Classes: []corp.AuthorizedClass{
		{ID: "common", Name: "Common Stock", Authorized: corp.MustDecimal("100000000"), Par: corp.MustDecimal("0.001"), VotesPerShare: corp.MustDecimal("1")},
		{ID: "preferred", Name: "Preferred Stock", Authorized: corp.MustDecimal("5000000"), Par: corp.MustDecimal("0.001"), VotesPerShare: corp.MustDecimal("0")},
	}}
	if rights {
		f.Classes[0].Rights = "One vote per share; dividends as declared by the Board, after the Preferred Stock's preference."
		f.Classes[1].Rights = "No vote; a non-cumulative dividend preference of $0.08 per share; a liquidation preference of $1.00 per share."
	}
	return f
}

func persons() map[string]corp.Person {
	return map[string]corp.Person{
		"dan":   {ID: "dan", Name: "Dan Chen"},
		"alice": {ID: "alice", Name: "Alice Anders"},
		"ray":   {ID: "ray", Name: "Ray Patel"},
		"susan": {ID: "susan", Name: "Susan Salvesen"},
	}
}

// dan is the demo's certificate 4: partly paid, $25,000 of $100,000.
func dan() acts.Certificate {
	return acts.Certificate{Number: 4, Class: "common", Holder: "dan", Shares: corp.MustDecimal("100000"),
		Issued: corp.MustDate(2001, 5, 1), Status: "outstanding", Certificated: true,
		Consideration: corp.MustDecimal("100000"), Paid: corp.MustDecimal("25000"),
		Signers: []acts.SignerField{{Person: "ray", Office: "president"}, {Person: "susan", Office: "secretary", Facsimile: true}},
		Legends: []string{forms.LegendROFR, forms.LegendStandoff, forms.LegendClassRight, forms.LegendPartlyPaid}}
}

func TestCertificateGolden(t *testing.T) {
	t.Parallel()
	alice := dan()
	alice.Number, alice.Holder, alice.Shares = 1, "alice", corp.MustDecimal("400000")
	alice.Consideration, alice.Paid = corp.MustDecimal("400000"), corp.MustDecimal("400000")
	alice.Legends = alice.Legends[:3]
	alice.Signers = []acts.SignerField{{Person: "ray", Office: "vice_president", Facsimile: true}, {Person: "susan", Office: "assistant_treasurer", Facsimile: true}}
	replaced := dan()
	replaced.Status = "replaced"
	replaced.Legends = []string{forms.LegendROFR}
	for _, tc := range []struct {
		name   string
		cert   acts.Certificate
		rights bool
	}{
		{"certificate-4-partly-paid.golden", dan(), false},
		{"certificate-1-class-rights.golden", alice, true},
		{"certificate-4-replaced.golden", replaced, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc, err := forms.Certificate(forms.CertificateFacts{Certificate: tc.cert, Corporation: quintus(),
				Charter: charter(tc.rights), Bylaws: bylaws.Quintus(), Persons: persons()})
			if err != nil {
				t.Fatalf("Certificate(%d) = %v", tc.cert.Number, err)
			}
			golden(t, tc.name, doc.Text())
		})
	}
}

// TestCertificateLegendsExact checks that each legend is the bylaws' text,
// word for word, and that the ROFR legend is on the face (before the
// signatures) and the stand-off legend endorsed on the reverse.
func TestCertificateLegendsExact(t *testing.T) {
	t.Parallel()
	rb := bylaws.Quintus()
	doc, err := forms.Certificate(forms.CertificateFacts{Certificate: dan(), Corporation: quintus(), Charter: charter(false), Bylaws: rb, Persons: persons()})
	if err != nil {
		t.Fatal(err)
	}
	rofr, _ := rb.Text(forms.LegendROFR, "legend")
	standoff, _ := rb.Text(forms.LegendStandoff, "legend")
	pos := map[string]int{}
	for i, b := range doc.Blocks {
		switch x := b.(type) {
		case *forms.Legend:
			pos[x.Rule] = i
			want := map[string]string{forms.LegendROFR: rofr, forms.LegendStandoff: standoff, forms.LegendClassRight: forms.FurnishStatement}[x.Rule]
			if want != "" && x.Text != want {
				t.Errorf("legend %s = %q, want %q", x.Rule, x.Text, want)
			}
		case *forms.Signatures:
			pos["signatures"] = i
		case *forms.PageBreak:
			pos["reverse"] = i
		}
	}
	if !(pos[forms.LegendPartlyPaid] < pos[forms.LegendROFR] && pos[forms.LegendROFR] < pos["signatures"] && pos["signatures"] < pos["reverse"] &&
		pos["reverse"] < pos[forms.LegendStandoff] && pos["reverse"] < pos[forms.LegendClassRight]) {
		t.Errorf("legend placement = %v, want partly paid and ROFR on the face before the signatures, stand-off and class rights on the reverse", pos)
	}
}

func TestCertificateRefusals(t *testing.T) {
	t.Parallel()
	unc := dan()
	unc.Certificated = false
	unknown := dan()
	unknown.Legends = []string{"IX.9.no_such_legend"}
	other := dan()
	other.Class = "series-z"
	for _, tc := range []struct {
		name string
		cert acts.Certificate
		want string
	}{
		{"uncertificated", unc, "uncertificated"},
		{"unknown legend", unknown, "cannot print"},
		{"unknown class", other, `class "series-z"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := forms.Certificate(forms.CertificateFacts{Certificate: tc.cert, Corporation: quintus(), Charter: charter(false), Bylaws: bylaws.Quintus(), Persons: persons()})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Certificate() = %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestStockholderListGolden(t *testing.T) {
	t.Parallel()
	f := charter(false)
	l := &acts.StockholderList{Corporation: "quintus", RecordDate: corp.MustDate(2004, 6, 1), Seq: 27,
		Hash: journal.Hash{0xab, 0xcd}, Votes: corp.MustDecimal("500000"),
		Classes: []acts.ClassTotal{{Class: f.Classes[0], Outstanding: corp.MustDecimal("500000"), Votes: corp.MustDecimal("500000")},
			{Class: f.Classes[1], Outstanding: corp.MustDecimal("0"), Votes: corp.MustDecimal("0")}}}
	for _, h := range []struct {
		p      corp.Person
		shares string
	}{
		{corp.Person{ID: "alice", Name: "Alice Anders", Address: corp.Address{Lines: []string{"12 Elm Street"}, City: "Palo Alto", Region: "CA", PostalCode: "94301", Country: "US"}}, "400000"},
		{corp.Person{ID: "dan", Name: "Dan Chen", Address: corp.Address{Lines: []string{"88 Sand Hill Road"}, City: "Portola Valley", Region: "CA", PostalCode: "94028", Country: "US"}}, "100000"},
	} {
		sh := corp.MustDecimal(h.shares)
		l.Holders = append(l.Holders, acts.ListedHolder{Person: h.p, Votes: sh,
			Shares: []acts.ClassShares{{Class: "common", Shares: sh, Votes: sh}, {Class: "preferred", Shares: corp.MustDecimal("0"), Votes: corp.MustDecimal("0")}}})
	}
	golden(t, "stocklist-empty-corrections.golden", forms.StockholderList(quintus(), l).Text())
	l.Corrections = []acts.ListCorrection{{Seq: 26, Kind: "stock.issue", Effective: corp.MustDate(2004, 5, 14),
		RecordedAt: time.Date(2004, 6, 3, 16, 0, 0, 0, time.UTC), Actor: "susan (secretary)", Fields: `{class: common, holder: dan, shares: 100000}`}}
	golden(t, "stocklist-with-correction.golden", forms.StockholderList(quintus(), l).Text())
}

func TestWords(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"0", "Zero"},
		{"7", "Seven"},
		{"21", "Twenty-One"},
		{"100", "One Hundred"},
		{"1250", "One Thousand Two Hundred Fifty"},
		{"100000", "One Hundred Thousand"},
		{"1000001", "One Million One"},
		{"260000", "Two Hundred Sixty Thousand"},
		{"12.5", "Twelve and 5/10"},
		{"0.05", "Zero and 5/100"},
	} {
		if got := forms.SharesInWords(corp.MustDecimal(tc.in)); got != tc.want {
			t.Errorf("SharesInWords(%s) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{{"100000", "$100,000.00"}, {"25000", "$25,000.00"}, {"0.5", "$0.50"}, {"1234567.891", "$1,234,567.891"}} {
		if got := forms.Dollars(corp.MustDecimal(tc.in)); got != tc.want {
			t.Errorf("Dollars(%s) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := forms.LongDate(corp.MustDate(2001, 5, 1)); got != "May 1, 2001" {
		t.Errorf("LongDate(2001-05-01) = %q, want %q", got, "May 1, 2001")
	}
}
