package acts

import (
	"fmt"
	"sort"
	"strings"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// This file holds the acts on certificates after issue: lost, stolen or
// destroyed certificates and their replacement (Art. VI §3; DGCL §167;
// UCC §8-405), the corporation's repurchase of its shares into treasury
// and their retirement (DGCL §160, §243), and calls and payments on partly
// paid shares (Art. VI §1, §7; DGCL §156, §163).

func init() {
	addEngineRules(map[string]engineRule{
		"MB.stock.repurchase": {"DGCL §160(a), (c); rules.md CONV.outstanding", "the corporation buys back only shares on outstanding certificates surrendered by their registered holder; they become treasury shares, issued but not outstanding, which neither vote nor count for a quorum"},
		"MB.stock.retire":     {"DGCL §243", "only treasury shares are retired; retiring reduces the issued shares and the treasury alike"},
		"MB.stock.call":       {"DGCL §163; Art. VI §1, §7", "a call demands no more than the unpaid, uncalled consideration of a partly paid certificate, of its registered holder, due no earlier than the call"},
		"MB.stock.payment":    {"DGCL §156, §163; Art. VI §1", "a payment is positive and the amount paid never exceeds the total consideration"},
	})
	RegisterDeadlines(callDeadlines)
}

// The origins of certificates written here (beside issue, treasury,
// transfer and balance).
const (
	OriginReplacement = "replacement" // issued in place of a lost, stolen or destroyed certificate
	OriginRepurchase  = "repurchase"  // the balance returned to a holder after a repurchase
)

func dollars(d corp.Decimal) string { return "$" + d.Grouped() }

// certRow reads certificate n.
func certRow(r tables.Reader, n int64) (tables.Row, bool, error) {
	return r.Get(tables.Certificates, n)
}

// lostRow reads the lost-certificate record of certificate n.
func lostRow(r tables.Reader, n int64) (tables.Row, bool, error) {
	return r.Get(tables.LostCertificates, n)
}

// failPresented refuses the presentation of a certificate that was
// reported lost or has been replaced (Art. VI §3), and reports whether it
// did. The message flags the presentation: whoever holds the instrument may
// have a claim against the corporation that the indemnity bond answers.
func (e *Env) failPresented(row tables.Row) bool {
	n, status := row[0].(int64), row[5].(string)
	switch status {
	case CertLost:
		e.Fail("VI.3.lost_certificate", fmt.Sprintf("certificate %d was reported lost, stolen or destroyed by affidavit: it cannot be surrendered; flag its presentation to the secretary and the board", n),
			N("certificate", n), N("status", status))
		return true
	case CertReplaced:
		e.Fail("VI.3.lost_certificate", fmt.Sprintf("certificate %d was reported lost and has been replaced: it is void on the books and cannot be surrendered; flag its presentation to the secretary and the board (a claim may lie on the indemnity bond, UCC §8-405)", n),
			N("certificate", n), N("status", status))
		return true
	}
	return false
}

// LostAffidavitFields are the fields of certificate.lost_affidavit.
type LostAffidavitFields struct {
	Certificate    int64     `mb:"certificate,required" doc:"the number of the certificate alleged lost, stolen or destroyed"`
	Claimant       string    `mb:"claimant,required" doc:"the person making the affidavit: the registered holder, or their legal representative"`
	Representative bool      `mb:"legal_representative" doc:"the claimant is the registered holder's legal representative (executor, guardian, receiver), not the holder"`
	Cause          string    `mb:"cause,required" enum:"lost,stolen,destroyed" doc:"what the affidavit says happened to the certificate"`
	Circumstances  string    `mb:"circumstances,required" doc:"the circumstances sworn to, e.g. destroyed in a house fire on 2004-02-10"`
	Sworn          corp.Date `mb:"sworn" doc:"the date the affidavit was sworn; default: the effective date"`
}

// LostAffidavit records the affidavit of a lost, stolen or destroyed
// certificate (Art. VI §3).
var LostAffidavit = Define(Kind{
	Name:    "certificate.lost_affidavit",
	Summary: "record the affidavit that a certificate was lost, stolen or destroyed",
	Doc: "Records the affidavit of the person claiming a certificate to be lost, stolen or destroyed " +
		"(Art. VI §3; DGCL §167): the certificate, the claimant (the registered holder, or their legal " +
		"representative) and the circumstances. From its effective date the certificate is `lost`: it can no " +
		"longer be surrendered for transfer or repurchase, and its presentation is refused and flagged. " +
		"The affidavit is the first step of a replacement: without it the board may not direct one, and " +
		"no replacement is issued.",
	Actors: []corp.Capacity{corp.AsHolder, corp.AsSecretary, corp.AsAssistantSecretary, corp.AsTransferAgent},
	Example: `kind: certificate.lost_affidavit
effective: 2004-03-01
actor: {person: eve, as: holder}
fields:
  certificate: 5
  claimant: eve
  cause: destroyed
  circumstances: "destroyed in a house fire on 2004-02-10"
`,
	NeedsBylaws: true,
}, func(e *Env, f *LostAffidavitFields) error {
	const rule = "VI.3.lost_certificate"
	row, ok, err := certRow(e.Rows, f.Certificate)
	if err != nil {
		return err
	}
	if !ok {
		e.Fail(rule, fmt.Sprintf("certificate %d does not exist", f.Certificate))
		return nil
	}
	switch status := row[5].(string); {
	case status == CertLost || status == CertReplaced:
		e.Fail(rule, fmt.Sprintf("certificate %d is already %s: an affidavit for it is on record", f.Certificate, status))
	case status != CertOutstanding:
		e.Fail(rule, fmt.Sprintf("certificate %d is %s, not outstanding: only an outstanding certificate can be replaced", f.Certificate, status))
	case row[6].(int64) == 0:
		e.Fail(rule, fmt.Sprintf("position %d is uncertificated: there is no instrument to lose", f.Certificate))
	}
	if strings.TrimSpace(f.Circumstances) == "" {
		e.Fail(rule, "the affidavit states the circumstances of the loss, theft or destruction")
	}
	known, err := e.PersonExists(f.Claimant)
	if err != nil {
		return err
	}
	if !known {
		e.Fail("MB.person.known", fmt.Sprintf("claimant %q is not a recorded person: record person.add first", f.Claimant))
	}
	holder := row[2].(string)
	switch {
	case f.Claimant == holder && !f.Representative:
		e.Hold("VI.7.registered_holder", fmt.Sprintf("the claimant %s is the registered holder of certificate %d", holder, f.Certificate))
	case f.Claimant == holder:
		e.Fail(rule, fmt.Sprintf("%s is the registered holder; a legal representative is someone else", holder))
	case f.Representative:
		e.Warn(rule, fmt.Sprintf("%s claims as legal representative of the registered holder %s: the board must be satisfied of the authority before it directs a replacement", f.Claimant, holder))
	default:
		e.Fail("VI.7.registered_holder", fmt.Sprintf("certificate %d is registered to %s; the corporation recognizes only the registered holder or their legal representative (Art. VI §7): %s may make the affidavit only as legal_representative",
			f.Certificate, holder, f.Claimant))
	}
	if e.Act.Actor.Capacity == corp.AsHolder && e.Act.Actor.Person != f.Claimant {
		e.Fail(rule, fmt.Sprintf("the affidavit is made by the person claiming the loss (%s), not by %s", f.Claimant, e.Act.Actor.Person))
	}
	if !f.Sworn.IsZero() && f.Sworn.After(e.Act.Effective) {
		e.Fail(rule, fmt.Sprintf("the affidavit is sworn %s, after the act's effective date %s", f.Sworn, e.Act.Effective))
	}
	e.Hold(rule, fmt.Sprintf("affidavit of %s: certificate %d %s (%s); the board may now direct a replacement", f.Claimant, f.Certificate, f.Cause, f.Circumstances),
		N("certificate", f.Certificate), N("cause", f.Cause))
	return nil
}, func(e *Env, f *LostAffidavitFields) error {
	row, _, err := certRow(e.Rows, f.Certificate)
	if err != nil {
		return err
	}
	lost := append(tables.Row(nil), row...)
	lost[5] = CertLost
	if err := e.Rows.Put(tables.Certificates, lost); err != nil {
		return err
	}
	sworn := e.Act.Effective
	if !f.Sworn.IsZero() {
		sworn = f.Sworn
	}
	return e.Rows.Put(tables.LostCertificates, tables.Row{f.Certificate, f.Claimant, boolInt(f.Representative), f.Cause, f.Circumstances,
		sworn.String(), int64(e.Seq), "", int64(0), "", "", "", "", "", "", "", "", int64(0), int64(0)})
})

// ReplaceDirectedFields are the fields of certificate.replace_directed.
type ReplaceDirectedFields struct {
	Certificate   int64         `mb:"certificate,required" doc:"the certificate alleged lost, stolen or destroyed"`
	Resolution    string        `mb:"resolution,required" doc:"the board resolution directing the replacement"`
	Bond          *corp.Decimal `mb:"bond" doc:"a condition precedent: the owner gives the corporation an indemnity bond in this sum, in dollars"`
	Advertisement string        `mb:"advertisement" doc:"a condition precedent: the owner advertises the loss in this manner"`
}

// DirectReplacement records the board's direction to replace a lost
// certificate, with its conditions precedent (Art. VI §3).
var DirectReplacement = Define(Kind{
	Name:    "certificate.replace_directed",
	Summary: "the board directs a replacement for a lost certificate, with any conditions precedent",
	Doc: "The board directs a new certificate to be issued in place of one alleged lost, stolen or destroyed " +
		"(Art. VI §3; DGCL §167). Only the board may direct it, and only once the claimant's affidavit is on " +
		"record. In its discretion the board may require, as conditions precedent, an indemnity bond in a sum " +
		"it fixes and an advertisement in a manner it fixes; the replacement is refused until each is met " +
		"(certificate.bond_posted, certificate.advertised).",
	Actors:    []corp.Capacity{corp.AsBoard},
	Power:     PowerOrdinary,
	ActorRule: "VI.3.lost_certificate",
	Example: `kind: certificate.replace_directed
effective: 2004-03-10
actor: {as: board}
fields:
  certificate: 5
  resolution: "Board resolution 2004-03-10 #4"
  bond: "50000"
`,
	NeedsBylaws: true,
}, func(e *Env, f *ReplaceDirectedFields) error {
	const rule = "VI.3.lost_certificate"
	lost, ok, err := lostRow(e.Rows, f.Certificate)
	if err != nil {
		return err
	}
	if !ok {
		e.Fail(rule, fmt.Sprintf("no affidavit that certificate %d was lost, stolen or destroyed is on record: the board may direct a replacement only upon the claimant's affidavit (record certificate.lost_affidavit first)", f.Certificate),
			N("certificate", f.Certificate))
		return nil
	}
	if d := lost[7].(string); d != "" {
		e.Fail(rule, fmt.Sprintf("the board already directed a replacement of certificate %d on %s", f.Certificate, d))
		return nil
	}
	if f.Bond != nil && f.Bond.Sign() <= 0 {
		e.Fail(rule, fmt.Sprintf("an indemnity bond in the sum of %s: the sum must be positive (omit bond for none)", f.Bond))
	}
	var conds []string
	nums := []journal.Number{N("certificate", f.Certificate)}
	if f.Bond != nil {
		conds = append(conds, "an indemnity bond of "+dollars(*f.Bond))
		nums = append(nums, N("bond", *f.Bond))
	}
	if f.Advertisement != "" {
		conds = append(conds, "advertisement ("+f.Advertisement+")")
	}
	cond := "no conditions precedent"
	if len(conds) > 0 {
		cond = "conditions precedent: " + strings.Join(conds, " and ")
	}
	e.Hold(rule, fmt.Sprintf("the board directs a new certificate in place of certificate %d upon %s's affidavit (%s); %s", f.Certificate, lost[1], f.Resolution, cond), nums...)
	return nil
}, func(e *Env, f *ReplaceDirectedFields) error {
	lost, _, err := lostRow(e.Rows, f.Certificate)
	if err != nil {
		return err
	}
	lost = append(tables.Row(nil), lost...)
	lost[7], lost[8], lost[9] = e.Act.Effective.String(), int64(e.Seq), f.Resolution
	if f.Bond != nil {
		lost[10] = f.Bond.String()
	}
	lost[14] = f.Advertisement
	return e.Rows.Put(tables.LostCertificates, lost)
})

// BondPostedFields are the fields of certificate.bond_posted.
type BondPostedFields struct {
	Certificate int64        `mb:"certificate,required" doc:"the certificate whose replacement the bond secures"`
	Amount      corp.Decimal `mb:"amount,required" doc:"the sum of the bond delivered, in dollars"`
	Surety      string       `mb:"surety" doc:"the surety, e.g. an insurance company"`
}

// PostBond records the delivery of the indemnity bond the board required.
var PostBond = Define(Kind{
	Name:    "certificate.bond_posted",
	Summary: "record delivery of the indemnity bond a replacement is conditioned on",
	Doc: "Records that the owner of a lost certificate (or their legal representative) gave the corporation " +
		"the indemnity bond the board required as a condition precedent (Art. VI §3; UCC §8-405). A bond in " +
		"a smaller sum than the board fixed is refused.",
	Actors: recorders,
	Example: `kind: certificate.bond_posted
effective: 2004-03-20
actor: {person: susan, as: secretary}
fields: {certificate: 5, amount: "50000", surety: "Fidelity Surety Co."}
`,
	NeedsBylaws: true,
}, func(e *Env, f *BondPostedFields) error {
	const rule = "VI.3.lost_certificate"
	lost, ok, err := lostRow(e.Rows, f.Certificate)
	if err != nil {
		return err
	}
	switch {
	case !ok || lost[7].(string) == "":
		e.Fail(rule, fmt.Sprintf("the board has not directed a replacement of certificate %d: there is no bond condition to meet", f.Certificate))
		return nil
	case lost[10].(string) == "":
		e.Fail(rule, fmt.Sprintf("the board's direction of %s requires no bond for certificate %d", lost[7], f.Certificate))
		return nil
	case lost[11].(string) != "":
		e.Fail(rule, fmt.Sprintf("the bond for certificate %d was already delivered on %s", f.Certificate, lost[11]))
		return nil
	}
	required, err := corp.ParseDecimal(lost[10].(string))
	if err != nil {
		return err
	}
	e.Check(rule, f.Amount.Cmp(required) >= 0,
		fmt.Sprintf("indemnity bond of %s delivered; the board required %s", dollars(f.Amount), dollars(required)),
		fmt.Sprintf("a bond of %s is less than the %s the board required on %s", dollars(f.Amount), dollars(required), lost[7]),
		N("required", required), N("delivered", f.Amount))
	return nil
}, func(e *Env, f *BondPostedFields) error {
	lost, _, err := lostRow(e.Rows, f.Certificate)
	if err != nil {
		return err
	}
	lost = append(tables.Row(nil), lost...)
	lost[11], lost[12], lost[13] = e.Act.Effective.String(), f.Amount.String(), f.Surety
	return e.Rows.Put(tables.LostCertificates, lost)
})

// AdvertisedFields are the fields of certificate.advertised.
type AdvertisedFields struct {
	Certificate int64  `mb:"certificate,required" doc:"the certificate whose loss was advertised"`
	Publication string `mb:"publication,required" doc:"where and when it was advertised"`
}

// Advertised records that the loss was advertised as the board required.
var Advertised = Define(Kind{
	Name:    "certificate.advertised",
	Summary: "record that the loss of a certificate was advertised as the board required",
	Doc: "Records that the owner advertised the loss of a certificate in the manner the board required as a " +
		"condition precedent to its replacement (Art. VI §3).",
	Actors: recorders,
	Example: `kind: certificate.advertised
effective: 2004-03-25
actor: {person: susan, as: secretary}
fields: {certificate: 5, publication: "The Argus (Fremont), 2004-03-18 and 2004-03-25"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *AdvertisedFields) error {
	const rule = "VI.3.lost_certificate"
	lost, ok, err := lostRow(e.Rows, f.Certificate)
	if err != nil {
		return err
	}
	switch {
	case !ok || lost[7].(string) == "":
		e.Fail(rule, fmt.Sprintf("the board has not directed a replacement of certificate %d: there is no advertisement condition to meet", f.Certificate))
	case lost[14].(string) == "":
		e.Fail(rule, fmt.Sprintf("the board's direction of %s requires no advertisement for certificate %d", lost[7], f.Certificate))
	case lost[15].(string) != "":
		e.Fail(rule, fmt.Sprintf("the advertisement for certificate %d was already recorded on %s", f.Certificate, lost[15]))
	default:
		e.Hold(rule, fmt.Sprintf("advertised as the board required (%s): %s", lost[14], f.Publication))
	}
	return nil
}, func(e *Env, f *AdvertisedFields) error {
	lost, _, err := lostRow(e.Rows, f.Certificate)
	if err != nil {
		return err
	}
	lost = append(tables.Row(nil), lost...)
	lost[15], lost[16] = e.Act.Effective.String(), f.Publication
	return e.Rows.Put(tables.LostCertificates, lost)
})

// ReplaceFields are the fields of certificate.replace.
type ReplaceFields struct {
	Certificate int64         `mb:"certificate,required" doc:"the certificate alleged lost, stolen or destroyed"`
	Signers     []SignerField `mb:"signers,required" doc:"the two officers who sign the new certificate (Art. VI §1)"`
	Number      int64         `mb:"number" doc:"the new certificate's number; default: the next"`
}

// ReplaceCertificate issues a new certificate in place of a lost one.
var ReplaceCertificate = Define(Kind{
	Name:    "certificate.replace",
	Summary: "issue a new certificate in place of a lost, stolen or destroyed one",
	Doc: "Issues a new certificate for the same shares, class and registered holder in place of a certificate " +
		"alleged lost, stolen or destroyed (Art. VI §3; DGCL §167; UCC §8-405). It is refused without the " +
		"claimant's affidavit, without the board's direction, and while a condition precedent the board set " +
		"(indemnity bond, advertisement) is unmet: the replacement is pending until then. The old certificate " +
		"becomes `replaced`; presented later, it is refused and flagged. The new certificate is signed under " +
		"Art. VI §1, bears the legends of the bylaws in force on its date, keeps the lot's acquisition date " +
		"and, for partly paid shares, the consideration and the amount paid; calls still open on the old " +
		"certificate fall on the new one.",
	Actors: recorders,
	Example: `kind: certificate.replace
effective: 2004-03-21
actor: {person: susan, as: secretary}
fields:
  certificate: 5
  signers:
    - {person: ray, office: president}
    - {person: susan, office: secretary}
`,
	NeedsBylaws: true,
}, func(e *Env, f *ReplaceFields) error {
	const rule = "VI.3.lost_certificate"
	row, ok, err := certRow(e.Rows, f.Certificate)
	if err != nil {
		return err
	}
	if !ok {
		e.Fail(rule, fmt.Sprintf("certificate %d does not exist", f.Certificate))
		return nil
	}
	lost, ok, err := lostRow(e.Rows, f.Certificate)
	if err != nil {
		return err
	}
	if !ok {
		e.Fail(rule, fmt.Sprintf("no affidavit that certificate %d was lost, stolen or destroyed is on record: a replacement is issued only upon the claimant's affidavit and the board's direction (record certificate.lost_affidavit first)", f.Certificate),
			N("certificate", f.Certificate))
		return nil
	}
	if n := lost[17].(int64); n != 0 {
		e.Fail(rule, fmt.Sprintf("certificate %d was already replaced by certificate %d", f.Certificate, n))
		return nil
	}
	if lost[7].(string) == "" {
		e.Fail(rule, fmt.Sprintf("the board has not directed a replacement of certificate %d: only the Board of Directors may direct one (record certificate.replace_directed)", f.Certificate))
		return nil
	}
	pending := false
	if req := lost[10].(string); req != "" && lost[11].(string) == "" {
		amt, err := corp.ParseDecimal(req)
		if err != nil {
			return err
		}
		e.Fail(rule, fmt.Sprintf("pending: the board's direction of %s makes an indemnity bond of %s a condition precedent, and it has not been delivered (record certificate.bond_posted)", lost[7], dollars(amt)),
			N("bond_required", amt), N("bond_delivered", "none"))
		pending = true
	}
	if req := lost[14].(string); req != "" && lost[15].(string) == "" {
		e.Fail(rule, fmt.Sprintf("pending: the board's direction of %s makes advertisement (%s) a condition precedent, and it is not recorded (record certificate.advertised)", lost[7], req))
		pending = true
	}
	if row[5].(string) != CertLost {
		e.Fail(rule, fmt.Sprintf("certificate %d is %s, not lost", f.Certificate, row[5]))
		return nil
	}
	if !pending {
		var met []string
		if b := lost[12].(string); b != "" {
			met = append(met, "bond of $"+corp.MustDecimal(b).Grouped()+" delivered "+lost[11].(string))
		}
		if a := lost[15].(string); a != "" {
			met = append(met, "advertised "+a)
		}
		msg := "no conditions precedent"
		if len(met) > 0 {
			msg = "conditions precedent met: " + strings.Join(met, "; ")
		}
		e.Hold(rule, fmt.Sprintf("a new certificate replaces certificate %d for %s, as the board directed on %s; %s", f.Certificate, row[2], lost[7], msg))
	}
	if f.Number != 0 {
		_, taken, err := certRow(e.Rows, f.Number)
		if err != nil {
			return err
		}
		e.Check("MB.certificate.unique", !taken && f.Number > 0, fmt.Sprintf("certificate number %d is free", f.Number),
			fmt.Sprintf("certificate number %d is already used (or not positive)", f.Number))
	}
	partly := certPartlyPaid(row)
	e.legends(partly)
	return e.checkSigners(f.Signers)
}, func(e *Env, f *ReplaceFields) error {
	row, _, err := certRow(e.Rows, f.Certificate)
	if err != nil {
		return err
	}
	number, err := e.takeNumber(f.Number)
	if err != nil {
		return err
	}
	old := append(tables.Row(nil), row...)
	old[5], old[13] = CertReplaced, int64(e.Seq)
	if err := e.Rows.Put(tables.Certificates, old); err != nil {
		return err
	}
	legends := marshalText(e.legendsQuiet(certPartlyPaid(row)))
	if err := e.Rows.Put(tables.Certificates, tables.Row{number, row[1], row[2], row[3], e.Act.Effective.String(), CertOutstanding,
		int64(1), row[7], row[8], marshalText(f.Signers), legends, OriginReplacement, int64(e.Seq), int64(0), row[14]}); err != nil {
		return err
	}
	// Calls still open on the old certificate now fall on the new one.
	if err := moveCalls(e, f.Certificate, number, row[2].(string)); err != nil {
		return err
	}
	lost, _, err := lostRow(e.Rows, f.Certificate)
	if err != nil {
		return err
	}
	lost = append(tables.Row(nil), lost...)
	lost[17], lost[18] = number, int64(e.Seq)
	return e.Rows.Put(tables.LostCertificates, lost)
})

// moveCalls moves the calls on certificate from onto certificate to, whose
// registered holder is liable for them (Art. VI §7).
func moveCalls(e *Env, from, to int64, holder string) error {
	var calls []tables.Row
	if err := e.Rows.Scan(tables.StockCalls, nil, func(r tables.Row) error {
		if r[1].(int64) == from {
			calls = append(calls, append(tables.Row(nil), r...))
		}
		return nil
	}); err != nil {
		return err
	}
	for _, r := range calls {
		r[1], r[2] = to, holder
		if err := e.Rows.Put(tables.StockCalls, r); err != nil {
			return err
		}
	}
	return nil
}

// certPartlyPaid reports whether a certificate row is for partly paid shares.
func certPartlyPaid(row tables.Row) bool {
	c, err1 := corp.ParseDecimal(row[7].(string))
	p, err2 := corp.ParseDecimal(row[8].(string))
	return err1 == nil && err2 == nil && p.Cmp(c) < 0
}

// takeNumber returns the number of a new certificate (want, or the next
// when want is 0) and advances the counter past it.
func (e *Env) takeNumber(want int64) (int64, error) {
	next, err := nextNumber(e.Rows, "certificate")
	if err != nil {
		return 0, err
	}
	number := want
	if number == 0 {
		number = next
	}
	if number >= next {
		if err := e.Rows.Put(tables.Counters, tables.Row{"certificate", number}); err != nil {
			return 0, err
		}
	}
	return number, nil
}

// RepurchaseFields are the fields of stock.repurchase.
type RepurchaseFields struct {
	Holder       string        `mb:"holder,required" doc:"the registered holder selling shares back to the corporation"`
	Certificates []int64       `mb:"certificates,required" doc:"the certificates (or positions) surrendered, all of one class"`
	Shares       corp.Decimal  `mb:"shares,required" doc:"the shares the corporation buys; the rest return on a balance certificate"`
	Price        corp.Decimal  `mb:"price,required" doc:"the total price the corporation pays, in dollars"`
	Resolution   string        `mb:"resolution,required" doc:"the board resolution that authorized the purchase"`
	Certificated *bool         `mb:"certificated" doc:"issue the balance certificate (default) or an uncertificated position"`
	Signers      []SignerField `mb:"signers" doc:"the two officers who sign the balance certificate (Art. VI §1); needed only when there is a balance"`
}

// surrender checks certificates a holder surrenders (for a transfer, a
// repurchase, a ROFR notice or waiver): each exists, is named once, is
// outstanding (a lost or replaced one is refused under Art. VI §3 and its
// presentation flagged), is the holder's (Art. VI §7), and all are of one
// class. Other failures cite rule.
func (e *Env) surrender(rule, holder string, numbers []int64) ([]surrendered, string, bool, error) {
	var out []surrendered
	class, ok := "", true
	seen := map[int64]bool{}
	for _, n := range numbers {
		row, exists, err := certRow(e.Rows, n)
		if err != nil {
			return nil, "", false, err
		}
		switch {
		case seen[n]:
			e.Fail(rule, fmt.Sprintf("certificate %d is named twice", n))
			ok = false
		case !exists:
			e.Fail(rule, fmt.Sprintf("certificate %d does not exist", n))
			ok = false
		case e.failPresented(row):
			ok = false
		case row[5].(string) != CertOutstanding:
			e.FailConflict(rule, fmt.Sprintf("certificate %d is %s, not outstanding", n, row[5]))
			ok = false
		case row[2].(string) != holder:
			e.Fail("VI.7.registered_holder", fmt.Sprintf("certificate %d is registered to %s, not to %s", n, row[2], holder))
			ok = false
		case class != "" && row[1].(string) != class:
			e.Fail(rule, fmt.Sprintf("certificate %d is of class %s; the others are of %s", n, row[1], class))
			ok = false
		default:
			class = row[1].(string)
			out = append(out, surrendered{number: n, row: row, units: row[3].(int64), acquired: row[14].(string)})
		}
		seen[n] = true
	}
	if len(numbers) == 0 {
		e.Fail(rule, "no certificate is surrendered")
		ok = false
	}
	return out, class, ok, nil
}

// Repurchase records the corporation's purchase of its own shares into
// treasury (DGCL §160).
var Repurchase = Define(Kind{
	Name:    "stock.repurchase",
	Summary: "the corporation buys back shares: certificates surrendered, shares into treasury",
	Doc: "The corporation purchases shares of its own stock from a registered holder, as a board resolution " +
		"authorized (DGCL §160(a)). The holder surrenders certificates; they are cancelled, the shares bought " +
		"become treasury shares (issued but not outstanding: they neither vote nor count for a quorum, " +
		"DGCL §160(c)), and the rest return to the holder on a balance certificate. A lost or replaced " +
		"certificate cannot be surrendered (Art. VI §3). A partly paid certificate is bought whole, since the " +
		"unpaid consideration cannot be split onto the balance without the board, and not while a call on it " +
		"is unpaid. Whether the purchase impairs " +
		"capital (§160(a)(1)) is the board's finding, which the resolution carries; minutebook does not " +
		"keep the accounts to check it.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary, corp.AsTransferAgent, corp.AsBoard},
	Power:  PowerOrdinary,
	Example: `kind: stock.repurchase
effective: 2004-09-01
actor: {person: susan, as: secretary}
fields:
  holder: bob
  certificates: [2]
  shares: "60000"
  price: "300000.00"
  resolution: "Board resolution 2004-08-20 #1"
  signers:
    - {person: ray, office: president}
    - {person: susan, office: secretary}
`,
	NeedsBylaws: true,
}, func(e *Env, f *RepurchaseFields) error {
	certs, class, ok, err := e.surrender("MB.stock.repurchase", f.Holder, f.Certificates)
	if err != nil || !ok {
		return err
	}
	c, _ := e.class(class)
	units, uok := f.Shares.Units(c.Scale)
	var total int64
	partly := false
	for _, s := range certs {
		total += s.units
		partly = partly || certPartlyPaid(s.row)
	}
	switch {
	case !uok || units <= 0:
		e.Fail("MB.stock.quantity", fmt.Sprintf("%s shares: the number of shares must be positive and have at most %d fractional digits", f.Shares, c.Scale), N("shares", f.Shares))
		return nil
	case units > total:
		e.Fail("MB.stock.repurchase", fmt.Sprintf("the certificates surrendered hold %s shares; %s cannot be bought from them", corp.DecimalFromUnits(total, c.Scale).Grouped(), f.Shares.Grouped()),
			N("surrendered", corp.DecimalFromUnits(total, c.Scale)), N("shares", f.Shares))
		return nil
	case partly && units < total:
		e.Fail("MB.stock.repurchase", "a partly paid certificate is surrendered: the corporation buys all of its shares, or the unpaid consideration is first paid or the board allocates it (Art. VI §1)")
		return nil
	}
	if f.Price.Sign() < 0 {
		e.Fail("MB.stock.repurchase", fmt.Sprintf("price %s: the price may not be negative", f.Price))
	}
	for _, sc := range certs {
		st, _, err := e.callState(sc.number)
		if err != nil {
			return err
		}
		if st.openCalled.Sign() > 0 {
			e.Fail("MB.stock.repurchase", fmt.Sprintf("certificate %d has %s called and unpaid: its registered holder pays the call first (Art. VI §7)", sc.number, dollars(st.openCalled)),
				N("certificate", sc.number), N("called_unpaid", st.openCalled))
		}
	}
	issued, treasury, err := classTotals(e.Rows, class)
	if err != nil {
		return err
	}
	dec := func(u int64) corp.Decimal { return corp.DecimalFromUnits(u, c.Scale) }
	after := treasury + units
	e.Hold("MB.stock.repurchase", fmt.Sprintf("%s %s shares bought from %s for %s (%s) become treasury shares: issued %s = outstanding %s + treasury %s; treasury shares neither vote nor count for a quorum",
		f.Shares.Grouped(), class, f.Holder, dollars(f.Price), f.Resolution, dec(issued).Grouped(), dec(issued-after).Grouped(), dec(after).Grouped()),
		N("issued", dec(issued)), N("outstanding_after", dec(issued-after)), N("treasury_after", dec(after)), N("price", f.Price))
	if total > units && (f.Certificated == nil || *f.Certificated) {
		return e.checkSigners(f.Signers)
	}
	return nil
}, func(e *Env, f *RepurchaseFields) error {
	certs, class, total, earliest, err := cancelSurrendered(e, f.Certificates)
	if err != nil {
		return err
	}
	c, _ := e.class(class)
	units, _ := f.Shares.Units(c.Scale)
	if total > units {
		// Only fully paid certificates leave a balance (partly paid ones
		// are bought whole): its consideration is its pro rata share.
		var cons corp.Decimal
		for _, s := range certs {
			c, _ := corp.ParseDecimal(s.row[7].(string))
			cons = cons.Add(c)
		}
		rest := cons.Sub(prorata(cons, units, total))
		certificated := f.Certificated == nil || *f.Certificated
		signers := "[]"
		if certificated {
			signers = marshalText(f.Signers)
		}
		number, err := e.takeNumber(0)
		if err != nil {
			return err
		}
		if err := e.Rows.Put(tables.Certificates, tables.Row{number, class, f.Holder, total - units, e.Act.Effective.String(), CertOutstanding,
			boolInt(certificated), rest.String(), rest.String(), signers, marshalText(e.legendsQuiet(false)), OriginRepurchase, int64(e.Seq), int64(0), earliest}); err != nil {
			return err
		}
	}
	if err := addHolding(e, f.Holder, class, -units); err != nil {
		return err
	}
	issued, treasury, err := classTotals(e.Rows, class)
	if err != nil {
		return err
	}
	return e.Rows.Put(tables.ClassTotals, tables.Row{class, issued, treasury + units})
})

// RetireFields are the fields of stock.retire.
type RetireFields struct {
	Class      string       `mb:"class,required" doc:"the class or series"`
	Shares     corp.Decimal `mb:"shares,required" doc:"the treasury shares retired"`
	Resolution string       `mb:"resolution,required" doc:"the board resolution retiring them"`
}

// Retire cancels treasury shares (DGCL §243).
var Retire = Define(Kind{
	Name:    "stock.retire",
	Summary: "retire treasury shares: they cease to be issued",
	Doc: "By board resolution the corporation retires shares it holds in treasury (DGCL §243): the treasury " +
		"and the issued shares of the class both fall by the shares retired, which return to the status of " +
		"authorized and unissued shares unless the charter forbids their reissue. Only treasury shares can " +
		"be retired.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary, corp.AsTransferAgent, corp.AsBoard},
	Power:  PowerOrdinary,
	Example: `kind: stock.retire
effective: 2004-12-01
actor: {as: board}
fields: {class: common, shares: "60000", resolution: "Board resolution 2004-12-01 #2"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *RetireFields) error {
	class, ok := e.class(f.Class)
	if !ok {
		e.Fail("MB.stock.class", fmt.Sprintf("class %q is not authorized by the charter in force on %s (classes: %s)", f.Class, e.Act.Effective, classIDs(e.Charter)))
		return nil
	}
	units, ok := f.Shares.Units(class.Scale)
	if !ok || units <= 0 {
		e.Fail("MB.stock.quantity", fmt.Sprintf("%s shares: the number of shares must be positive and have at most %d fractional digits", f.Shares, class.Scale), N("shares", f.Shares))
		return nil
	}
	issued, treasury, err := classTotals(e.Rows, f.Class)
	if err != nil {
		return err
	}
	dec := func(u int64) corp.Decimal { return corp.DecimalFromUnits(u, class.Scale) }
	e.Check("MB.stock.retire", units <= treasury,
		fmt.Sprintf("%s treasury shares of %s retired (%s): issued %s → %s, treasury %s → %s", f.Shares.Grouped(), f.Class, f.Resolution,
			dec(issued).Grouped(), dec(issued-units).Grouped(), dec(treasury).Grouped(), dec(treasury-units).Grouped()),
		fmt.Sprintf("only %s %s shares are held in treasury; %s cannot be retired", dec(treasury).Grouped(), f.Class, f.Shares.Grouped()),
		N("treasury", dec(treasury)), N("shares", f.Shares), N("issued_after", dec(issued-units)))
	return nil
}, func(e *Env, f *RetireFields) error {
	class, _ := e.class(f.Class)
	units, _ := f.Shares.Units(class.Scale)
	issued, treasury, err := classTotals(e.Rows, f.Class)
	if err != nil {
		return err
	}
	return e.Rows.Put(tables.ClassTotals, tables.Row{f.Class, issued - units, treasury - units})
})

// CallItem is one certificate called and the amount demanded.
type CallItem struct {
	Certificate int64         `mb:"certificate,required" doc:"a certificate (or position) of partly paid shares"`
	Amount      *corp.Decimal `mb:"amount" doc:"the amount called, in dollars; default: all the unpaid consideration not yet called"`
}

// CallFields are the fields of stock.call.
type CallFields struct {
	Calls      []CallItem `mb:"calls,required" doc:"the certificates called and the amounts"`
	Due        corp.Date  `mb:"due,required" doc:"the date payment is due"`
	Resolution string     `mb:"resolution,required" doc:"the board resolution making the call"`
}

// callState is a certificate's consideration, amount paid and the amount
// called and not yet paid.
type callState struct {
	row           tables.Row
	consideration corp.Decimal
	paid          corp.Decimal
	openCalled    corp.Decimal
}

func (e *Env) callState(n int64) (*callState, bool, error) {
	row, ok, err := certRow(e.Rows, n)
	if err != nil || !ok {
		return nil, ok, err
	}
	s := &callState{row: row}
	if s.consideration, err = corp.ParseDecimal(row[7].(string)); err != nil {
		return nil, false, err
	}
	if s.paid, err = corp.ParseDecimal(row[8].(string)); err != nil {
		return nil, false, err
	}
	err = e.Rows.Scan(tables.StockCalls, nil, func(r tables.Row) error {
		if r[1].(int64) != n {
			return nil
		}
		left, err := callUnpaid(r)
		s.openCalled = s.openCalled.Add(left)
		return err
	})
	return s, true, err
}

// Call records the board's call for unpaid consideration (DGCL §163).
var Call = Define(Kind{
	Name:    "stock.call",
	Summary: "the board calls the unpaid consideration of partly paid shares",
	Doc: "The board demands payment of unpaid consideration on certificates of partly paid shares, due on a " +
		"date (Art. VI §1; DGCL §156, §163). The call falls on the registered holder of each certificate, whom " +
		"alone the corporation holds liable for calls (Art. VI §7). A call may demand no more than the unpaid " +
		"consideration not already called, and is due no earlier than the call. Each call's due date appears " +
		"in the calendar until it is paid.",
	Actors: []corp.Capacity{corp.AsBoard},
	Power:  PowerOrdinary,
	Example: `kind: stock.call
effective: 2004-04-01
actor: {as: board}
fields:
  calls:
    - {certificate: 3, amount: "5000.00"}
  due: 2004-05-01
  resolution: "Board resolution 2004-04-01 #3"
`,
	NeedsBylaws: true,
}, func(e *Env, f *CallFields) error {
	if len(f.Calls) == 0 {
		e.Fail("MB.stock.call", "the call names no certificate")
	}
	e.Check("MB.stock.call", !f.Due.Before(e.Act.Effective),
		fmt.Sprintf("payment due %s (%d days after the call)", f.Due, e.Act.Effective.DaysUntil(f.Due)),
		fmt.Sprintf("payment is due %s, before the call of %s", f.Due, e.Act.Effective), N("due", f.Due))
	seen := map[int64]bool{}
	for _, it := range f.Calls {
		if seen[it.Certificate] {
			e.Fail("MB.stock.call", fmt.Sprintf("certificate %d is called twice in one call", it.Certificate))
			continue
		}
		seen[it.Certificate] = true
		s, ok, err := e.callState(it.Certificate)
		if err != nil {
			return err
		}
		if !ok {
			e.Fail("MB.stock.call", fmt.Sprintf("certificate %d does not exist", it.Certificate))
			continue
		}
		if status := s.row[5].(string); status != CertOutstanding {
			e.Fail("MB.stock.call", fmt.Sprintf("certificate %d is %s, not outstanding: call on the certificate that now represents the shares", it.Certificate, status))
			continue
		}
		uncalled := s.consideration.Sub(s.paid).Sub(s.openCalled)
		amt := uncalled
		if it.Amount != nil {
			amt = *it.Amount
		}
		nums := []journal.Number{N("certificate", it.Certificate), N("consideration", s.consideration), N("paid", s.paid),
			N("called_unpaid", s.openCalled), N("uncalled", uncalled), N("amount", amt)}
		switch {
		case s.paid.Cmp(s.consideration) >= 0:
			e.Fail("MB.stock.call", fmt.Sprintf("certificate %d is fully paid (%s of %s): there is nothing to call", it.Certificate, dollars(s.paid), dollars(s.consideration)), nums...)
		case amt.Sign() <= 0 && it.Amount != nil:
			e.Fail("MB.stock.call", fmt.Sprintf("a call of %s on certificate %d: the amount must be positive", amt, it.Certificate), nums...)
		case amt.Sign() <= 0:
			e.Fail("MB.stock.call", fmt.Sprintf("the unpaid consideration of certificate %d (%s) is already called in full", it.Certificate, dollars(s.consideration.Sub(s.paid))), nums...)
		case amt.Cmp(uncalled) > 0:
			e.Fail("MB.stock.call", fmt.Sprintf("a call of %s on certificate %d exceeds its unpaid consideration not yet called, %s (consideration %s, paid %s, called and unpaid %s)",
				dollars(amt), it.Certificate, dollars(uncalled), dollars(s.consideration), dollars(s.paid), dollars(s.openCalled)), nums...)
		default:
			e.Hold("MB.stock.call", fmt.Sprintf("%s called on certificate %d, due %s", dollars(amt), it.Certificate, f.Due), nums...)
			e.Hold("VI.7.registered_holder", fmt.Sprintf("the call falls on %s, the registered holder of certificate %d", s.row[2], it.Certificate))
		}
	}
	return nil
}, func(e *Env, f *CallFields) error {
	for _, it := range f.Calls {
		s, _, err := e.callState(it.Certificate)
		if err != nil {
			return err
		}
		amt := s.consideration.Sub(s.paid).Sub(s.openCalled)
		if it.Amount != nil {
			amt = *it.Amount
		}
		n, err := nextNumber(e.Rows, "stock_call")
		if err != nil {
			return err
		}
		if err := e.Rows.Put(tables.Counters, tables.Row{"stock_call", n}); err != nil {
			return err
		}
		if err := e.Rows.Put(tables.StockCalls, tables.Row{n, it.Certificate, s.row[2].(string), amt.String(), "0",
			e.Act.Effective.String(), f.Due.String(), f.Resolution, int64(e.Seq)}); err != nil {
			return err
		}
	}
	return nil
})

// PaymentFields are the fields of stock.payment.
type PaymentFields struct {
	Certificate int64        `mb:"certificate,required" doc:"the certificate (or position) of partly paid shares paid on"`
	Amount      corp.Decimal `mb:"amount,required" doc:"the amount paid, in dollars"`
	Payer       string       `mb:"payer" doc:"who paid; default: the registered holder"`
}

// Payment records a payment of consideration on partly paid shares.
var Payment = Define(Kind{
	Name:    "stock.payment",
	Summary: "record a payment of consideration on partly paid shares",
	Doc: "Records a payment against a certificate of partly paid shares (Art. VI §1; DGCL §156). The amount " +
		"paid never exceeds the total consideration: an overpayment is refused. The payment is applied to the " +
		"certificate's open calls, earliest due first. Money from someone other than the registered holder is " +
		"credited to the certificate, but the corporation recognizes only the registered holder, who remains " +
		"the one liable (Art. VI §7).",
	Actors: recorders,
	Example: `kind: stock.payment
effective: 2004-04-20
actor: {person: susan, as: secretary}
fields: {certificate: 3, amount: "5000.00"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *PaymentFields) error {
	s, ok, err := e.callState(f.Certificate)
	if err != nil {
		return err
	}
	if !ok {
		e.Fail("MB.stock.payment", fmt.Sprintf("certificate %d does not exist", f.Certificate))
		return nil
	}
	if status := s.row[5].(string); status != CertOutstanding {
		e.Fail("MB.stock.payment", fmt.Sprintf("certificate %d is %s, not outstanding: record the payment on the certificate that now represents the shares", f.Certificate, status))
		return nil
	}
	after := s.paid.Add(f.Amount)
	nums := []journal.Number{N("consideration", s.consideration), N("paid", s.paid), N("amount", f.Amount), N("paid_after", after)}
	switch {
	case f.Amount.Sign() <= 0:
		e.Fail("MB.stock.payment", fmt.Sprintf("a payment of %s: the amount must be positive", f.Amount), nums...)
		return nil
	case s.paid.Cmp(s.consideration) >= 0:
		e.Fail("VI.1.partly_paid", fmt.Sprintf("certificate %d is fully paid (%s): nothing more is payable", f.Certificate, dollars(s.consideration)), nums...)
		return nil
	case after.Cmp(s.consideration) > 0:
		e.Fail("VI.1.partly_paid", fmt.Sprintf("a payment of %s would make %s paid on certificate %d, more than its total consideration of %s; at most %s is payable",
			dollars(f.Amount), dollars(after), f.Certificate, dollars(s.consideration), dollars(s.consideration.Sub(s.paid))), nums...)
		return nil
	case after.Cmp(s.consideration) == 0:
		e.Hold("VI.1.partly_paid", fmt.Sprintf("certificate %d is now fully paid: %s of %s; a certificate without the partly-paid statement may be issued on its surrender", f.Certificate, dollars(after), dollars(s.consideration)), nums...)
	default:
		e.Hold("VI.1.partly_paid", fmt.Sprintf("paid %s on certificate %d: %s of %s paid, %s unpaid", dollars(f.Amount), f.Certificate, dollars(after), dollars(s.consideration), dollars(s.consideration.Sub(after))), nums...)
	}
	holder := s.row[2].(string)
	switch {
	case f.Payer == "" || f.Payer == holder:
		e.Hold("VI.7.registered_holder", fmt.Sprintf("paid by %s, the registered holder", holder))
	default:
		known, err := e.PersonExists(f.Payer)
		if err != nil {
			return err
		}
		if !known {
			e.Fail("MB.person.known", fmt.Sprintf("payer %q is not a recorded person", f.Payer))
		}
		e.Warn("VI.7.registered_holder", fmt.Sprintf("paid by %s on behalf of %s: credited to certificate %d; the corporation recognizes no claim of %s to the shares, and %s, the registered holder, remains liable for calls",
			f.Payer, holder, f.Certificate, f.Payer, holder))
	}
	return nil
}, func(e *Env, f *PaymentFields) error {
	row, _, err := certRow(e.Rows, f.Certificate)
	if err != nil {
		return err
	}
	paid, err := corp.ParseDecimal(row[8].(string))
	if err != nil {
		return err
	}
	row = append(tables.Row(nil), row...)
	row[8] = paid.Add(f.Amount).String()
	if err := e.Rows.Put(tables.Certificates, row); err != nil {
		return err
	}
	payer := f.Payer
	if payer == "" {
		payer = row[2].(string)
	}
	if err := e.Rows.Put(tables.StockPayments, tables.Row{f.Certificate, int64(e.Seq), f.Amount.String(), e.Act.Effective.String(), payer}); err != nil {
		return err
	}
	// Apply the payment to the open calls, earliest due first.
	var open []tables.Row
	if err := e.Rows.Scan(tables.StockCalls, nil, func(r tables.Row) error {
		if r[1].(int64) != f.Certificate {
			return nil
		}
		left, err := callUnpaid(r)
		if err == nil && left.Sign() > 0 {
			open = append(open, append(tables.Row(nil), r...))
		}
		return err
	}); err != nil {
		return err
	}
	sort.SliceStable(open, func(i, j int) bool { return open[i][6].(string) < open[j][6].(string) })
	left := f.Amount
	for _, r := range open {
		if left.Sign() <= 0 {
			break
		}
		amt, err := corp.ParseDecimal(r[3].(string))
		if err != nil {
			return err
		}
		applied, err := corp.ParseDecimal(r[4].(string))
		if err != nil {
			return err
		}
		take := amt.Sub(applied)
		if take.Cmp(left) > 0 {
			take = left
		}
		r[4] = applied.Add(take).String()
		left = left.Sub(take)
		if err := e.Rows.Put(tables.StockCalls, r); err != nil {
			return err
		}
	}
	return nil
})

// callDeadlines puts each call's due date on the calendar while any of it
// is unpaid.
func callDeadlines(q *CalendarQuery) ([]Deadline, error) {
	var out []Deadline
	err := q.View.Scan(tables.StockCalls, nil, func(r tables.Row) error {
		left, err := callUnpaid(r)
		if err != nil || left.Sign() <= 0 {
			return err
		}
		due, err := corp.ParseDate(r[6].(string))
		if err != nil {
			return err
		}
		amt, _ := corp.ParseDecimal(r[3].(string))
		out = append(out, Deadline{Date: due, Rule: "VI.7.registered_holder", Citation: q.Cite("VI.7.registered_holder", due),
			Title:  fmt.Sprintf("call %d on certificate %d falls due", r[0], r[1]),
			Detail: fmt.Sprintf("%s of %s unpaid, payable by %s, the registered holder", dollars(left), dollars(amt), r[2]),
			Source: uint64(r[8].(int64))})
		return nil
	})
	return out, err
}

// callUnpaid returns the part of a call (a StockCalls row) not yet paid.
func callUnpaid(r tables.Row) (corp.Decimal, error) {
	amt, err := corp.ParseDecimal(r[3].(string))
	if err != nil {
		return corp.Decimal{}, err
	}
	applied, err := corp.ParseDecimal(r[4].(string))
	if err != nil {
		return corp.Decimal{}, err
	}
	return amt.Sub(applied), nil
}
