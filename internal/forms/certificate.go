package forms

import (
	"fmt"
	"slices"
	"strings"

	"minutebook/internal/acts"
	"minutebook/internal/bylaws"
	"minutebook/internal/corp"
)

// The legend rules a certificate may bear (acts records their ids on the
// certificate when it is issued).
const (
	LegendROFR       = "VIII.1.j.legend"      // Art. VIII §1(j)
	LegendStandoff   = "VI.6.standoff_legend" // Art. VI §6
	LegendClassRight = "VI.1.class_rights"    // Art. VI §1 ¶3; DGCL §151(f), §202(a)
	LegendPartlyPaid = "VI.1.partly_paid"     // Art. VI §1 ¶2; DGCL §156
)

// FurnishStatement is the statement that may replace the rights of each
// class on a certificate (Art. VI §1 ¶3; DGCL §151(f)), in the bylaws'
// words.
const FurnishStatement = "THE CORPORATION WILL FURNISH WITHOUT CHARGE TO EACH STOCKHOLDER WHO SO REQUESTS " +
	"THE POWERS, DESIGNATIONS, PREFERENCES AND RELATIVE, PARTICIPATING, OPTIONAL OR OTHER SPECIAL RIGHTS " +
	"OF EACH CLASS OF STOCK OR SERIES THEREOF AND THE QUALIFICATIONS, LIMITATIONS OR RESTRICTIONS OF SUCH " +
	"PREFERENCES AND/OR RIGHTS."

// CertificateFacts is what a certificate's face and legends are drawn
// from.
type CertificateFacts struct {
	Certificate acts.Certificate
	Corporation corp.Corporation
	// Charter is the charter facts in force on the issue date: the class's
	// name and par value, and the rights text of every class.
	Charter corp.CharterFacts
	// Bylaws is the rulebook in force on the issue date: the legends' exact
	// texts and placement.
	Bylaws *bylaws.Rulebook
	// Persons names the holder and the signers, by id; an id missing here
	// is printed as is.
	Persons map[string]corp.Person
}

// Certificate builds a stock certificate (Art. VI §1–2). The face states
// the corporation and its state, the number, the class, the holder, the
// shares in figures and in words, the issue date, and either "fully paid
// and non-assessable" or the partly paid statement (total consideration
// and amount paid, Art. VI §1 ¶2; DGCL §156); then the legends placed on
// the face, and the two officers' signatures, each marked "(facsimile)"
// where it is one (Art. VI §2). The reverse carries the legends endorsed
// on the certificate.
//
// The legends are those whose rule ids the certificate bears, in the exact
// text of the bylaws in force on its issue date: the ROFR legend (Art. VIII
// §1(j)), the market stand-off legend (Art. VI §6), the rights of each
// class from the charter's rights text or, where a class has none and the
// bylaws allow it, the statement that they are furnished on request (Art.
// VI §1 ¶3; DGCL §202). It is an error when a legend cannot be stated.
func Certificate(f CertificateFacts) (Doc, error) {
	c := f.Certificate
	if !c.Certificated {
		return Doc{}, fmt.Errorf("position %d is uncertificated: there is no certificate to print (the books carry its statement, Art. VI §1)", c.Number)
	}
	if f.Bylaws == nil {
		return Doc{}, fmt.Errorf("certificate %d: no bylaws in force on its issue date %s", c.Number, c.Issued)
	}
	class, ok := classOf(f.Charter, c.Class)
	if !ok {
		return Doc{}, fmt.Errorf("certificate %d: class %q is not in the charter facts in force on %s", c.Number, c.Class, c.Issued)
	}
	co := f.Corporation
	name := func(id string) string {
		if p, ok := f.Persons[id]; ok && p.Name != "" {
			return p.Name
		}
		return id
	}
	partly := c.Paid.Cmp(c.Consideration) < 0 || slices.Contains(c.Legends, LegendPartlyPaid)
	paidWords := "fully paid and non-assessable"
	if partly {
		paidWords = "partly paid"
	}
	par := "without par value"
	if class.Par.Sign() != 0 {
		par = "par value $" + class.Par.String() + " per share"
	}
	doc := Doc{
		Title:   fmt.Sprintf("Stock Certificate No. %d", c.Number),
		Subject: fmt.Sprintf("%s shares of %s registered to %s", c.Shares.Grouped(), class.Name, name(c.Holder)),
		Author:  co.LegalName,
		Date:    c.Issued,
	}
	add := func(bs ...Block) { doc.Blocks = append(doc.Blocks, bs...) }
	add(&Paragraph{Text: strings.ToUpper(co.LegalName), Align: Center, Style: Large},
		&Paragraph{Text: "Incorporated under the laws of the State of " + co.State, Align: Center})
	if c.Status != "outstanding" {
		add(&Paragraph{Text: fmt.Sprintf("NOT OUTSTANDING: this certificate is %s on the books of the corporation; this copy does not represent shares.", c.Status),
			Align: Center, Style: Strong})
	}
	add(&Fields{Rows: []Field{
		{"Certificate No.", fmt.Sprint(c.Number)},
		{"Shares", c.Shares.Grouped()},
		{"Class", class.Name},
	}})
	add(&Paragraph{Align: Justify, Text: fmt.Sprintf("This certifies that %s is the registered holder of %s (%s) %s shares of the %s, %s, of %s, a %s corporation, "+
		"transferable only on the books of the corporation by the holder hereof in person or by duly authorized attorney "+
		"upon surrender of this certificate properly endorsed.",
		name(c.Holder), SharesInWords(c.Shares), c.Shares.Grouped(), paidWords, class.Name, par, co.LegalName, co.State)})
	if partly {
		cit := citation(f.Bylaws, LegendPartlyPaid, "Art. VI §1; DGCL §156")
		add(&Legend{Rule: LegendPartlyPaid, Citation: cit, Text: fmt.Sprintf(
			"PARTLY PAID SHARES. THE TOTAL CONSIDERATION TO BE PAID FOR THE SHARES REPRESENTED BY THIS CERTIFICATE IS %s, OF WHICH %s HAS BEEN PAID.",
			Dollars(c.Consideration), Dollars(c.Paid))})
	}

	var face, back []Block
	for _, id := range c.Legends {
		if id == LegendPartlyPaid {
			continue // stated above, with the amounts
		}
		l, onFace, err := legend(f, id)
		if err != nil {
			return Doc{}, fmt.Errorf("certificate %d: %w", c.Number, err)
		}
		if onFace {
			face = append(face, l)
		} else {
			back = append(back, l)
		}
	}
	add(face...)
	add(&Paragraph{Text: fmt.Sprintf("In witness whereof, the corporation has caused this certificate to be signed by its duly authorized officers. Dated %s.", LongDate(c.Issued))})
	var sig Signatures
	for _, s := range c.Signers {
		sig.Signers = append(sig.Signers, Signature{Name: name(s.Person), Office: OfficeTitle(s.Office), Facsimile: s.Facsimile})
	}
	if len(sig.Signers) > 0 {
		add(&sig)
	}
	if len(back) > 0 {
		add(&PageBreak{Caption: fmt.Sprintf("Reverse of Certificate No. %d", c.Number)})
		add(&Heading{Text: "Legends"})
		add(back...)
	}
	return doc, nil
}

// legend returns the legend of rule id, in the exact text of the bylaws in
// force on the issue date, and whether it goes on the face.
func legend(f CertificateFacts, id string) (*Legend, bool, error) {
	rb := f.Bylaws
	switch id {
	case LegendROFR, LegendStandoff:
		if rb.Rule(id) == nil {
			return nil, false, fmt.Errorf("it bears the legend %s, but the bylaws in force on %s have no such rule", id, f.Certificate.Issued)
		}
		text, cit := rb.Text(id, "legend")
		placement, _ := rb.Text(id, "placement")
		return &Legend{Rule: id, Citation: cit.Full(), Text: text}, placement == "face", nil
	case LegendClassRight:
		var parts []string
		missing := false
		for _, cl := range f.Charter.Classes {
			if strings.TrimSpace(cl.Rights) == "" {
				missing = true
				break
			}
			parts = append(parts, cl.Name+": "+strings.TrimSpace(cl.Rights))
		}
		cit := citation(rb, id, "Art. VI §1; DGCL §151(f), §202(a)")
		if !missing {
			text := "THE CORPORATION IS AUTHORIZED TO ISSUE MORE THAN ONE CLASS OR SERIES OF STOCK. THE POWERS, DESIGNATIONS, PREFERENCES " +
				"AND RELATIVE, PARTICIPATING, OPTIONAL OR OTHER SPECIAL RIGHTS OF EACH CLASS OR SERIES, AND THEIR QUALIFICATIONS, " +
				"LIMITATIONS OR RESTRICTIONS, ARE AS FOLLOWS.\n" + strings.Join(parts, "\n")
			return &Legend{Rule: id, Citation: cit, Text: text}, false, nil
		}
		allowed := true
		if rb.Rule(id) != nil {
			allowed, _ = rb.Bool(id, "furnish_statement_allowed")
		}
		if !allowed {
			return nil, false, fmt.Errorf("the charter facts give no rights text for every class, and the bylaws in force on %s do not allow the statement that they are furnished on request (Art. VI §1): record the classes' rights", f.Certificate.Issued)
		}
		return &Legend{Rule: id, Citation: cit, Text: FurnishStatement}, false, nil
	}
	return nil, false, fmt.Errorf("it bears a legend %q that forms cannot print", id)
}

// citation is the rule's citation in rb, or def when rb lacks the rule.
func citation(rb *bylaws.Rulebook, id, def string) string {
	if r := rb.Rule(id); r != nil {
		return r.Citation.Full()
	}
	return def
}

func classOf(f corp.CharterFacts, id string) (corp.AuthorizedClass, bool) {
	for _, c := range f.Classes {
		if c.ID == id {
			return c, true
		}
	}
	return corp.AuthorizedClass{}, false
}
