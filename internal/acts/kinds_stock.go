package acts

import (
	"encoding/json"
	"fmt"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// Certificate statuses.
const (
	CertOutstanding = "outstanding"
	CertCancelled   = "cancelled"
	CertLost        = "lost"
	CertReplaced    = "replaced"
)

// SignerField is one officer signing a certificate (Art. VI §1–2). Until
// the officers register exists, the office is stated by the act.
type SignerField struct {
	Person    string `mb:"person,required" doc:"the signing officer"`
	Office    string `mb:"office,required" enum:"chairman,vice_chairman,president,vice_president,secretary,assistant_secretary,treasurer,assistant_treasurer" doc:"the office the officer signs in"`
	Facsimile bool   `mb:"facsimile" doc:"the signature is a facsimile (Art. VI §2)"`
}

// IssueFields are the fields of stock.issue.
type IssueFields struct {
	Class         string        `mb:"class,required" doc:"the class or series, by its id in the charter facts"`
	Holder        string        `mb:"holder,required" doc:"the person who becomes holder of record"`
	Shares        corp.Decimal  `mb:"shares,required" doc:"shares issued, a decimal string"`
	Consideration corp.Decimal  `mb:"consideration,required" doc:"the total consideration payable, in dollars"`
	Paid          *corp.Decimal `mb:"paid" doc:"the amount paid so far; default: all of it (less makes the shares partly paid, Art. VI §1)"`
	Certificated  *bool         `mb:"certificated" doc:"issue a certificate (default) or an uncertificated position"`
	FromTreasury  bool          `mb:"from_treasury" doc:"issue treasury shares rather than unissued ones"`
	Resolution    string        `mb:"resolution,required" doc:"the board resolution that authorized the issuance"`
	Signers       []SignerField `mb:"signers" doc:"the two officers who sign the certificate (Art. VI §1)"`
	Number        int64         `mb:"number" doc:"the certificate number; default: the next"`
}

// class returns the class named id in the charter facts in force.
func (e *Env) class(id string) (corp.AuthorizedClass, bool) {
	for _, c := range e.Charter.Classes {
		if c.ID == id {
			return c, true
		}
	}
	return corp.AuthorizedClass{}, false
}

func classIDs(f corp.CharterFacts) string {
	s := ""
	for i, c := range f.Classes {
		if i > 0 {
			s += ", "
		}
		s += c.ID
	}
	return s
}

// classTotals returns a class's issued and treasury units.
func classTotals(r tables.Reader, class string) (issued, treasury int64, err error) {
	row, ok, err := r.Get(tables.ClassTotals, class)
	if err != nil || !ok {
		return 0, 0, err
	}
	return row[1].(int64), row[2].(int64), nil
}

// nextNumber returns the next number of the named counter (1 for the first).
func nextNumber(r tables.Reader, name string) (int64, error) {
	row, ok, err := r.Get(tables.Counters, name)
	if err != nil || !ok {
		return 1, err
	}
	return row[1].(int64) + 1, nil
}

// legends returns the rule ids of the legends a certificate issued on the
// act's date must bear, with a check recorded for each.
func (e *Env) legends(partlyPaid bool) []string {
	var out []string
	d := e.Act.Effective
	if e.Bylaws.InForce("VIII.1.j.legend", d) {
		out = append(out, "VIII.1.j.legend")
		e.Hold("VIII.1.j.legend", "the right of first refusal is in effect: the certificate bears the ROFR legend on its face")
	}
	if r := e.Bylaws.Rule("VI.6.standoff_legend"); r != nil {
		out = append(out, "VI.6.standoff_legend")
		e.Hold("VI.6.standoff_legend", "the certificate bears the 180-day market stand-off legend")
	}
	if r := e.Bylaws.Rule("VI.1.class_rights"); r != nil {
		above, _ := e.Bylaws.Int("VI.1.class_rights", "applies_above_classes")
		if n := len(e.Charter.Classes); n > above {
			out = append(out, "VI.1.class_rights")
			e.Hold("VI.1.class_rights", fmt.Sprintf("%d classes or series are authorized: the certificate sets out or summarizes their rights, or states that they are furnished on request", n),
				N("classes_authorized", n))
		}
	}
	if partlyPaid {
		out = append(out, "VI.1.partly_paid")
	}
	return out
}

// checkSigners applies Art. VI §1 to the signers of a certificate.
func (e *Env) checkSigners(signers []SignerField) error {
	const rule = "VI.1.certificate_signers"
	if len(signers) != 2 {
		e.Fail(rule, fmt.Sprintf("a certificate is signed by two officers; %d given", len(signers)), N("signers", len(signers)))
		return nil
	}
	groupA, _ := e.Bylaws.Texts(rule, "group_a")
	groupB, _ := e.Bylaws.Texts(rule, "group_b")
	in := func(office string, group []string) bool {
		for _, g := range group {
			if g == office {
				return true
			}
		}
		return false
	}
	s0, s1 := signers[0], signers[1]
	ok := (in(s0.Office, groupA) && in(s1.Office, groupB)) || (in(s0.Office, groupB) && in(s1.Office, groupA))
	nums := []journal.Number{N("signer_1", s0.Person+" ("+s0.Office+")"), N("signer_2", s1.Person+" ("+s1.Office+")")}
	e.Check(rule, ok,
		"signed by one officer of group A and one of group B",
		fmt.Sprintf("one signer must hold an office of group A (%s) and the other an office of group B (%s); given %s and %s",
			joinStrings(groupA), joinStrings(groupB), s0.Office, s1.Office), nums...)
	register, err := officersRecorded(e.Rows)
	if err != nil {
		return err
	}
	for _, s := range signers {
		exists, err := e.PersonExists(s.Person)
		if err != nil {
			return err
		}
		if !exists {
			e.Fail("MB.person.known", fmt.Sprintf("signer %q is not a recorded person", s.Person))
		}
		if register && exists {
			if err := e.checkSignerOffice(s); err != nil {
				return err
			}
		}
		if s.Facsimile {
			e.Hold("VI.2.facsimile", fmt.Sprintf("%s signs by facsimile, which Art. VI §2 allows", s.Person))
		}
	}
	if s0.Person == s1.Person {
		if e.Bylaws.Choice("A-SIGN2") == "allow" {
			e.Warn(rule, fmt.Sprintf("%s signs in both capacities, as the corporation's reading of A-SIGN2 allows", s0.Person))
		} else {
			e.Fail(rule, fmt.Sprintf("%s signs in both capacities; two distinct officers must sign (A-SIGN2 reading: refuse)", s0.Person))
		}
	}
	return nil
}

// IssueStock issues shares of a class to a holder of record.
var IssueStock = Define(Kind{
	Name:    "stock.issue",
	Summary: "issue shares to a holder of record, on a certificate or uncertificated",
	Doc: "Issues shares of a class against stated consideration, citing the board resolution that " +
		"authorized it. It is refused beyond the shares the charter authorizes (or, from treasury, beyond " +
		"the treasury shares), for fractions the class forbids, for an unknown holder, and for a " +
		"certificate not signed by one officer of each group of Art. VI §1. Shares paid in part record " +
		"the total consideration and the amount paid (Art. VI §1). The certificate's legends follow " +
		"the bylaws in force on the issue date: the ROFR legend while Art. VIII is in effect, the " +
		"market stand-off legend, and the class-rights statement when more than one class is authorized.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary, corp.AsTransferAgent, corp.AsBoard},
	Power:  PowerIssue,
	Example: `kind: stock.issue
effective: 2000-01-10
actor: {person: susan, as: secretary}
fields:
  class: common
  holder: alice
  shares: "400000"
  consideration: "400000.00"
  resolution: "Board resolution 2000-01-05 #2"
  signers:
    - {person: ray, office: president}
    - {person: susan, office: secretary}
`,
	NeedsBylaws: true,
}, func(e *Env, f *IssueFields) error {
	holder, err := e.PersonExists(f.Holder)
	if err != nil {
		return err
	}
	e.Check("VI.7.registered_holder", holder,
		fmt.Sprintf("%s becomes the holder of record on the books", f.Holder),
		fmt.Sprintf("holder %q is not a recorded person: record person.add first", f.Holder))
	class, ok := e.class(f.Class)
	if !ok {
		e.Fail("MB.stock.class", fmt.Sprintf("class %q is not authorized by the charter in force on %s (classes: %s)", f.Class, e.Act.Effective, classIDs(e.Charter)))
		return nil
	}
	units, ok := f.Shares.Units(class.Scale)
	switch {
	case !ok && f.Shares.Scale() > class.Scale:
		e.Fail("MB.stock.quantity", fmt.Sprintf("%s shares: class %s allows %d fractional digits", f.Shares, f.Class, class.Scale), N("shares", f.Shares), N("scale", class.Scale))
		return nil
	case !ok || units <= 0:
		e.Fail("MB.stock.quantity", fmt.Sprintf("%s shares: the number of shares must be positive", f.Shares), N("shares", f.Shares))
		return nil
	}
	issued, treasury, err := classTotals(e.Rows, f.Class)
	if err != nil {
		return err
	}
	if f.FromTreasury {
		e.Check("MB.stock.treasury", units <= treasury,
			fmt.Sprintf("issued from treasury: %s of %s treasury shares", f.Shares, corp.DecimalFromUnits(treasury, class.Scale)),
			fmt.Sprintf("only %s treasury shares of %s are held; %s requested", corp.DecimalFromUnits(treasury, class.Scale), f.Class, f.Shares),
			N("treasury", corp.DecimalFromUnits(treasury, class.Scale)), N("shares", f.Shares))
	} else {
		authorized, _ := class.Authorized.Units(class.Scale)
		after := issued + units
		nums := []journal.Number{N("authorized", class.Authorized), N("issued", corp.DecimalFromUnits(issued, class.Scale)),
			N("shares", f.Shares), N("issued_after", corp.DecimalFromUnits(after, class.Scale))}
		e.Check("MB.stock.authorized", after <= authorized && after > issued,
			fmt.Sprintf("%s issued after this act, within the %s authorized", corp.DecimalFromUnits(after, class.Scale).Grouped(), class.Authorized.Grouped()),
			fmt.Sprintf("issuing %s would make %s issued, beyond the %s %s shares the charter authorizes", f.Shares.Grouped(),
				corp.DecimalFromUnits(after, class.Scale).Grouped(), class.Authorized.Grouped(), f.Class), nums...)
	}
	paid := f.Consideration
	if f.Paid != nil {
		paid = *f.Paid
	}
	switch {
	case f.Consideration.Sign() < 0 || paid.Sign() < 0:
		e.Fail("VI.1.partly_paid", "consideration and amount paid may not be negative", N("consideration", f.Consideration), N("paid", paid))
	case paid.Cmp(f.Consideration) > 0:
		e.Fail("VI.1.partly_paid", fmt.Sprintf("paid %s exceeds the total consideration %s", paid, f.Consideration), N("consideration", f.Consideration), N("paid", paid))
	case paid.Cmp(f.Consideration) < 0:
		e.Hold("VI.1.partly_paid", fmt.Sprintf("partly paid: total consideration %s, paid %s; the certificate states both", f.Consideration, paid),
			N("consideration", f.Consideration), N("paid", paid), N("unpaid", f.Consideration.Sub(paid)))
	}
	e.Hold("III.3.board_powers", "the issuance cites the board's resolution: "+f.Resolution)
	e.legends(paid.Cmp(f.Consideration) < 0)
	if f.Number != 0 {
		_, taken, err := e.Rows.Get(tables.Certificates, f.Number)
		if err != nil {
			return err
		}
		e.Check("MB.certificate.unique", !taken && f.Number > 0, fmt.Sprintf("certificate number %d is free", f.Number),
			fmt.Sprintf("certificate number %d is already used (or not positive)", f.Number))
	}
	if f.Certificated == nil || *f.Certificated {
		return e.checkSigners(f.Signers)
	}
	if len(f.Signers) > 0 {
		e.Fail("VI.1.certificate_signers", "an uncertificated position has no signers")
	}
	return nil
}, func(e *Env, f *IssueFields) error {
	class, _ := e.class(f.Class)
	units, _ := f.Shares.Units(class.Scale)
	paid := f.Consideration
	if f.Paid != nil {
		paid = *f.Paid
	}
	origin := "issue"
	if f.FromTreasury {
		origin = "treasury"
	}
	_, err := putIssue(e, issued{class: f.Class, holder: f.Holder, units: units, consideration: f.Consideration, paid: paid,
		certificated: f.Certificated == nil || *f.Certificated, signers: f.Signers, fromTreasury: f.FromTreasury, number: f.Number, origin: origin})
	return err
})

// issued describes shares being issued, for putIssue.
type issued struct {
	class, holder       string
	units               int64
	consideration, paid corp.Decimal
	certificated        bool
	signers             []SignerField
	fromTreasury        bool
	number              int64 // 0: the next
	origin              string
}

// putIssue writes the effects of an issuance (stock.issue, a stock
// dividend): the certificate or position with its legends, the holding and
// the class totals. It returns the certificate number.
func putIssue(e *Env, x issued) (int64, error) {
	number, err := e.takeNumber(x.number)
	if err != nil {
		return 0, err
	}
	signers := "[]"
	if x.certificated {
		signers = marshalText(x.signers)
	}
	legends, _ := json.Marshal(e.legendsQuiet(x.paid.Cmp(x.consideration) < 0))
	if err := e.Rows.Put(tables.Certificates, tables.Row{number, x.class, x.holder, x.units, e.Act.Effective.String(),
		CertOutstanding, boolInt(x.certificated), x.consideration.String(), x.paid.String(), signers, string(legends),
		x.origin, int64(e.Seq), int64(0), e.Act.Effective.String()}); err != nil {
		return 0, err
	}
	if err := addHolding(e, x.holder, x.class, x.units); err != nil {
		return 0, err
	}
	is, treasury, err := classTotals(e.Rows, x.class)
	if err != nil {
		return 0, err
	}
	if x.fromTreasury {
		treasury -= x.units
	} else {
		is += x.units
	}
	return number, e.Rows.Put(tables.ClassTotals, tables.Row{x.class, is, treasury})
}

// legendsQuiet computes the legends without recording checks (apply runs
// again on replay, where checks are not recorded).
func (e *Env) legendsQuiet(partlyPaid bool) []string {
	saved := e.checks
	out := e.legends(partlyPaid)
	e.checks = saved
	return out
}

// addHolding adds delta units to a holder's holding of a class, and records
// the change under the act's effective date.
func addHolding(e *Env, holder, class string, delta int64) error {
	row, ok, err := e.Rows.Get(tables.Holdings, holder, class)
	if err != nil {
		return err
	}
	units := delta
	if ok {
		units += row[2].(int64)
	}
	if units == 0 {
		err = e.Rows.Delete(tables.Holdings, holder, class)
	} else {
		err = e.Rows.Put(tables.Holdings, tables.Row{holder, class, units})
	}
	if err != nil {
		return err
	}
	return e.Rows.Put(tables.HoldingChanges, tables.Row{holder, class, e.Act.Effective.String(), int64(e.Seq), delta})
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// checkSignerOffice checks a signer against the officers register: the
// signer holds the stated office on the issue date, or held it before and
// signed by facsimile, which Art. VI §2 allows to be issued after the
// officer has left.
func (e *Env) checkSignerOffice(s SignerField) error {
	d := e.Act.Effective
	holds, err := holdsOffice(e.Rows, s.Office, s.Person, d)
	if err != nil || holds {
		return err
	}
	held := false
	if err := e.Rows.Scan(tables.Officers, []any{s.Office, s.Person}, func(row tables.Row) error {
		held = held || row[2].(string) <= d.String()
		return nil
	}); err != nil {
		return err
	}
	if held && s.Facsimile {
		e.Hold("VI.2.facsimile", fmt.Sprintf("%s has left the office of %s; a certificate bearing the facsimile signature may still be issued", s.Person, s.Office))
		return nil
	}
	e.Fail("VI.1.certificate_signers", fmt.Sprintf("%s does not hold the office of %s on %s (officers register)", s.Person, s.Office, d),
		N("signer", s.Person), N("office", s.Office))
	return nil
}
