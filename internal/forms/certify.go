package forms

import (
	"fmt"
	"strings"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
)

// SecretaryCertificate builds the Secretary's certificate that the
// attached bylaws were in force on a date (Art. V §11; the closing page of
// the seed bylaws): the certificate, naming the version in force, its
// effective date and how it was adopted, then the bylaws text attached
// verbatim. Its date is the signing date.
func SecretaryCertificate(f *acts.BylawsCertificateFacts) Doc {
	co := f.Corporation
	doc := Doc{
		Title:   "Certificate of Secretary",
		Subject: "the bylaws in force on " + f.On.String(),
		Author:  co.LegalName,
		Date:    f.Signed,
	}
	add := func(bs ...Block) { doc.Blocks = append(doc.Blocks, bs...) }
	office := "Secretary"
	if f.Office != "secretary" {
		office = "Assistant Secretary"
	}
	state := co.State
	if state != "" {
		state = "a " + state + " corporation"
	} else {
		state = "a corporation"
	}
	v := f.InForce.Version
	var history []string
	for _, x := range f.Versions {
		h := fmt.Sprintf("version %d, effective %s, adopted by the %s", x.Number, LongDate(x.Effective), x.AdoptedBy)
		if x.Number == 1 {
			h = fmt.Sprintf("version 1, adopted by the %s and effective %s", x.AdoptedBy, LongDate(x.Effective))
		}
		history = append(history, h)
	}
	acting := ""
	if f.ActingRule != "" {
		acting = ", acting in the absence of a Secretary (Art. V §12)"
	}
	add(&Paragraph{Text: "CERTIFICATE OF " + strings.ToUpper(office) + " OF", Align: Center, Style: Strong},
		&Paragraph{Text: strings.ToUpper(co.LegalName), Align: Center, Style: Strong},
		&Paragraph{Align: Justify, Text: fmt.Sprintf("The undersigned, %s, hereby certifies that the undersigned is the duly elected and acting %s of %s, %s (the \"Corporation\")%s, "+
			"and that the Bylaws attached hereto constitute the Bylaws of said Corporation as in force on %s: %s.",
			f.Signer.Name, office, co.LegalName, state, acting, LongDate(f.On), strings.Join(history, "; "))},
		&Fields{Rows: []Field{
			{"Bylaws in force", fmt.Sprintf("version %d of %d recorded (%s)", v.Number, f.InForce.Versions, f.InForce.Label)},
			{"Effective", LongDate(v.Effective)},
			{"Title", v.Rulebook.Title},
		}},
		&Paragraph{Align: Justify, Text: fmt.Sprintf("IN WITNESS WHEREOF, the undersigned has hereunto subscribed the undersigned's name this %s.", ordinalDate(f.Signed))},
		&Signatures{Signers: []Signature{{Name: f.Signer.Name, Office: office}}},
		&PageBreak{Caption: "Bylaws attached"})
	text := v.Rulebook.BylawsText
	if text == "" {
		add(&Paragraph{Text: "(The bylaws file of this version carries no text; its rules are given by `minutebook bylaws show --on " + f.On.String() + "`.)"})
		return doc
	}
	for _, para := range strings.Split(text, "\n\n") {
		if p := strings.TrimRight(para, "\n "); strings.TrimSpace(p) != "" {
			add(&Paragraph{Text: p, Style: Small})
		}
	}
	return doc
}

// ordinalDate writes a date as a testimonium does: "2nd day of September,
// 1999".
func ordinalDate(d corp.Date) string {
	y, m, day := d.YMD()
	suffix := "th"
	if day%100 < 11 || day%100 > 13 {
		switch day % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s day of %s, %d", day, suffix, months[m], y)
}
