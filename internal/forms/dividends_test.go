package forms_test

import (
	"bytes"
	"math/big"
	"strings"
	"testing"

	"minutebook/internal/acts"
	"minutebook/internal/bylaws"
	"minutebook/internal/corp"
	"minutebook/internal/forms"
	"minutebook/internal/journal"
	"minutebook/internal/pdf"
)

// TestDividendScheduleGolden: the schedule of a $0.0125 dividend worked by
// hand — Dan's 100,000 shares 25% paid are entitled on 25,000 (312.50);
// Ray's 333 take 4.1625, paid 4.16, leaving 0.0025.
func TestDividendScheduleGolden(t *testing.T) {
	t.Parallel()
	d := acts.Dividend{ID: "2004-q3", Declared: corp.MustDate(2004, 9, 1), Form: "cash", RecordDate: corp.MustDate(2004, 9, 15),
		Payable: corp.MustDate(2004, 10, 1), Resolution: "Board resolution 2004-09-01 #2", Body: "board",
		Rates: []acts.DividendRate{{Class: "common", PerShare: corp.MustDecimal("0.0125")}}}
	line := func(name, shares string, entitled *big.Rat, amount string) acts.ScheduleLine {
		sh := corp.MustDecimal(shares)
		if entitled == nil {
			entitled = sh.Rat()
		}
		exact := new(big.Rat).Mul(entitled, big.NewRat(125, 10000))
		return acts.ScheduleLine{Holder: corp.Person{ID: strings.ToLower(name[:3]), Name: name}, Class: "common", Shares: sh,
			PartlyPaid: entitled.Cmp(sh.Rat()) != 0, Entitled: entitled, Exact: exact, Amount: corp.MustDecimal(amount)}
	}
	s := &acts.DividendSchedule{Corporation: "quintus", Dividend: d, Unit: "USD", Seq: 40, Hash: journal.Hash{0x12},
		Lines: []acts.ScheduleLine{
			line("Alice Anders", "400000", nil, "5000"),
			line("Dan Chen", "100000", big.NewRat(25000, 1), "312.5"),
			line("Ray Patel", "333", nil, "4.16"),
		}}
	s.Exact = new(big.Rat)
	for _, l := range s.Lines {
		s.Exact.Add(s.Exact, l.Exact)
		s.Amount = s.Amount.Add(l.Amount)
	}
	s.Totals = []acts.ScheduleTotal{{Class: "common", Shares: corp.MustDecimal("500333"), Entitled: big.NewRat(425333, 1), Exact: new(big.Rat).Set(s.Exact), Amount: s.Amount}}
	doc := forms.DividendSchedule(quintus(), s)
	text := doc.Text()
	for _, frag := range []string{"| Dan Chen (partly paid) | common | 100,000 | 25000 | 312.5 | 312.50 | 0 |", "| Ray Patel | common | 333 | 333 | 4.1625 | 4.16 | 0.0025 |",
		"| Total | common | 500,333 | 425333 | 5316.6625 | 5316.66 | 0.0025 |", "Exact total 5316.6625; paid 5316.66; remainder 0.0025"} {
		if !strings.Contains(text, frag) {
			t.Errorf("schedule lacks %q:\n%s", frag, text)
		}
	}
	golden(t, "dividend-schedule.golden", text)
	var a, b bytes.Buffer
	if err := pdf.Render(&a, doc); err != nil {
		t.Fatal(err)
	}
	if err := pdf.Render(&b, doc); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("the schedule's PDF is not deterministic (%v)", err)
	}
}

// TestSecretaryCertificateGolden: the certificate names the version in
// force and its history, and attaches the bylaws text.
func TestSecretaryCertificateGolden(t *testing.T) {
	t.Parallel()
	rb := bylaws.Quintus()
	f := &acts.BylawsCertificateFacts{Corporation: quintus(), On: corp.MustDate(2004, 6, 1), Signed: corp.MustDate(2004, 8, 2),
		InForce:  acts.BylawsInForce{Version: bylaws.Version{Number: 2, Effective: corp.MustDate(2003, 1, 15), Rulebook: rb}, Label: "2:abcd", Versions: 3},
		Versions: []acts.BylawsVersionFact{{Number: 1, Effective: corp.MustDate(1999, 9, 2), AdoptedBy: "board"}, {Number: 2, Effective: corp.MustDate(2003, 1, 15), AdoptedBy: "stockholders"}},
		Signer:   corp.Person{ID: "alan", Name: "Alan Ames"}, Office: "assistant_secretary", ActingRule: "V.12.asst_secretary_succession"}
	text := forms.SecretaryCertificate(f).Text()
	for _, frag := range []string{"CERTIFICATE OF ASSISTANT SECRETARY OF", "The undersigned, Alan Ames, hereby certifies that the undersigned is the duly elected and acting Assistant Secretary of Quintus Corporation, a Delaware corporation (the \"Corporation\"), acting in the absence of a Secretary (Art. V §12)",
		"as in force on June 1, 2004: version 1, adopted by the board and effective September 2, 1999; version 2, effective January 15, 2003, adopted by the stockholders.",
		"this 2nd day of August, 2004.", "ARTICLE IX"} {
		if !strings.Contains(text, frag) {
			t.Errorf("certificate lacks %q", frag)
		}
	}
	golden(t, "secretary-certificate.golden", text)
}
