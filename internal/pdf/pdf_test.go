package pdf_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"minutebook/internal/acts"
	"minutebook/internal/bylaws"
	"minutebook/internal/corp"
	"minutebook/internal/forms"
	"minutebook/internal/journal"
	"minutebook/internal/pdf"
)

// pdftotext extracts the text of a PDF with poppler's pdftotext. Without
// it the test is skipped, except in CI (CI=true), where .ci/run installs
// it and its absence is a failure.
func pdftotext(t *testing.T, b []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is missing in CI: .ci/run installs poppler-utils")
		}
		t.Skip("pdftotext (poppler-utils) is not installed: skipping the text extraction check; apt-get install poppler-utils")
	}
	in := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(in, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", in, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

// squash folds runs of white space (line breaks of wrapped text) into one
// space, so that a legend can be found whole.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func render(t *testing.T, doc forms.Doc) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := pdf.Render(&b, doc); err != nil {
		t.Fatalf("Render(%q) = %v", doc.Title, err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
		t.Fatalf("Render(%q) wrote no PDF header", doc.Title)
	}
	return b.Bytes()
}

func certificate4(t *testing.T) forms.Doc {
	t.Helper()
	doc, err := forms.Certificate(forms.CertificateFacts{
		Certificate: acts.Certificate{Number: 4, Class: "common", Holder: "dan", Shares: corp.MustDecimal("100000"),
			Issued: corp.MustDate(2001, 5, 1), Status: "outstanding", Certificated: true,
			Consideration: corp.MustDecimal("100000"), Paid: corp.MustDecimal("25000"),
			Signers: []acts.SignerField{{Person: "ray", Office: "president"}, {Person: "susan", Office: "secretary", Facsimile: true}},
			Legends: []string{forms.LegendROFR, forms.LegendStandoff, forms.LegendClassRight, forms.LegendPartlyPaid}},
		Corporation: corp.Corporation{LegalName: "Quintus Corporation", State: "Delaware"},
		Charter: corp.CharterFacts{Classes: []corp.AuthorizedClass{
			{ID: "common", Name: "Common Stock", Par: corp.MustDecimal("0.001"), VotesPerShare: corp.MustDecimal("1")},
			{ID: "preferred", Name: "Preferred Stock", Par: corp.MustDecimal("0.001")}}},
		Bylaws:  bylaws.Quintus(),
		Persons: map[string]corp.Person{"dan": {Name: "Dan Chen"}, "ray": {Name: "Ray Patel"}, "susan": {Name: "Susan Salvesen"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func list() forms.Doc {
	common := corp.AuthorizedClass{ID: "common", Name: "Common Stock", VotesPerShare: corp.MustDecimal("1")}
	l := &acts.StockholderList{RecordDate: corp.MustDate(2004, 1, 1), Seq: 21, Hash: journal.Hash{0x17, 0x21},
		Classes: []acts.ClassTotal{{Class: common, Outstanding: corp.MustDecimal("500000"), Votes: corp.MustDecimal("500000")}},
		Votes:   corp.MustDecimal("500000")}
	for _, h := range []struct{ name, street, shares string }{
		{"Alice Anders", "12 Elm Street", "400000"}, {"Dan Chen", "88 Sand Hill Road", "100000"}} {
		sh := corp.MustDecimal(h.shares)
		l.Holders = append(l.Holders, acts.ListedHolder{Person: corp.Person{Name: h.name, Address: corp.Address{Lines: []string{h.street}, City: "Palo Alto", Region: "CA"}},
			Shares: []acts.ClassShares{{Class: "common", Shares: sh, Votes: sh}}, Votes: sh})
	}
	return forms.StockholderList(corp.Corporation{LegalName: "Quintus Corporation"}, l)
}

// TestDeterministic renders each form twice: the bytes are the same, and
// they carry the form's date, not the clock's.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	for _, doc := range []forms.Doc{certificate4(t), list()} {
		a, b := render(t, doc), render(t, doc)
		if !bytes.Equal(a, b) {
			t.Errorf("Render(%q) twice gave different bytes (%d and %d)", doc.Title, len(a), len(b))
		}
		y, m, d := doc.Date.YMD()
		want := []byte("/CreationDate (D:" + strings.ReplaceAll(corp.MustDate(y, m, d).String(), "-", ""))
		if !bytes.Contains(a, want) {
			t.Errorf("Render(%q) lacks %s", doc.Title, want)
		}
	}
}

// TestCertificateText extracts the text of Dan's certificate: the face,
// the partly paid statement, the signers and each legend word for word.
func TestCertificateText(t *testing.T) {
	t.Parallel()
	doc := certificate4(t)
	got := squash(pdftotext(t, render(t, doc)))
	rb := bylaws.Quintus()
	rofr, _ := rb.Text("VIII.1.j.legend", "legend")
	standoff, _ := rb.Text("VI.6.standoff_legend", "legend")
	for _, want := range []string{
		"Stock Certificate No. 4", "QUINTUS CORPORATION", "State of Delaware",
		"Dan Chen", "One Hundred Thousand (100,000) partly paid shares", "Common Stock, par value $0.001 per share",
		"$100,000.00, OF WHICH $25,000.00 HAS BEEN PAID", "Art. VI §1; DGCL §156",
		"Ray Patel", "President", "Susan Salvesen", "Secretary", "(facsimile)", "Dated May 1, 2001",
		rofr, standoff, forms.FurnishStatement, "Reverse of Certificate No. 4", "page 2 of 2",
	} {
		if !strings.Contains(got, squash(want)) {
			t.Errorf("certificate text lacks %q\ntext: %s", want, got)
		}
	}
	if n := len(regexp.MustCompile(`\(facsimile\)`).FindAllString(got, -1)); n != 1 {
		t.Errorf("certificate text has %d \"(facsimile)\" marks, want 1 (Susan's only)", n)
	}
}

func TestStockholderListText(t *testing.T) {
	t.Parallel()
	got := squash(pdftotext(t, render(t, list())))
	for _, want := range []string{"List of Stockholders of Record", "Record date: January 1, 2004", "Alice Anders", "12 Elm Street",
		"400,000", "Dan Chen", "100,000", "Total outstanding", "500,000", "shares × votes per share", "§219",
		"Corrections recorded after the record date", "journal entry #21"} {
		if !strings.Contains(got, want) {
			t.Errorf("list text lacks %q\ntext: %s", want, got)
		}
	}
	if a, d := strings.Index(got, "Alice Anders"), strings.Index(got, "Dan Chen"); a < 0 || d < a {
		t.Errorf("list text has Alice at %d and Dan at %d, want alphabetical order", a, d)
	}
}

// TestUnprintable refuses a character the core fonts cannot print rather
// than print a wrong name.
func TestUnprintable(t *testing.T) {
	t.Parallel()
	doc := forms.Doc{Title: "Notice", Blocks: []forms.Block{&forms.Paragraph{Text: "Łukasz Wójcik"}}}
	err := pdf.Render(&bytes.Buffer{}, doc)
	if err == nil || !strings.Contains(err.Error(), "U+0141") {
		t.Errorf("Render(Łukasz) = %v, want an error naming U+0141", err)
	}
}

// TestSecretaryCertificateText renders the Secretary's certificate that the
// attached bylaws were in force on a date (minutebook bylaws certify): the
// same facts give the same bytes, and the text names the signer, the date
// certified, the versions and carries the bylaws.
func TestSecretaryCertificateText(t *testing.T) {
	t.Parallel()
	f := &acts.BylawsCertificateFacts{Corporation: corp.Corporation{LegalName: "Quintus Corporation", State: "Delaware"},
		On: corp.MustDate(2004, 6, 1), Signed: corp.MustDate(2004, 8, 14),
		InForce:  acts.BylawsInForce{Version: bylaws.Version{Number: 1, Effective: corp.MustDate(1999, 9, 2), Rulebook: bylaws.Quintus()}, Label: "1:abcd", Versions: 1},
		Versions: []acts.BylawsVersionFact{{Number: 1, Effective: corp.MustDate(1999, 9, 2), AdoptedBy: "board"}},
		Signer:   corp.Person{ID: "susan", Name: "Susan Salvesen"}, Office: "secretary"}
	doc := forms.SecretaryCertificate(f)
	a, b := render(t, doc), render(t, doc)
	if !bytes.Equal(a, b) {
		t.Errorf("the certificate's PDF is not deterministic")
	}
	got := squash(pdftotext(t, a))
	for _, want := range []string{"CERTIFICATE OF SECRETARY", "Susan Salvesen", "Secretary of Quintus Corporation, a Delaware corporation",
		"as in force on June 1, 2004", "14th day of August, 2004", "ARTICLE III", "ARTICLE IX"} {
		if !strings.Contains(got, want) {
			t.Errorf("certificate text lacks %q\ntext: %.2000s", want, got)
		}
	}
}
