package acts

import (
	"fmt"
	"math/big"
	"strings"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// TransferFields are the fields of stock.transfer.
type TransferFields struct {
	From         string        `mb:"from,required" doc:"the transferring holder of record"`
	To           string        `mb:"to,required" doc:"the transferee"`
	Certificates []int64       `mb:"certificates,required" doc:"the certificates (or positions) surrendered, all of one class"`
	Shares       corp.Decimal  `mb:"shares,required" doc:"the shares transferred; the rest return on a balance certificate"`
	Evidence     string        `mb:"evidence,required" enum:"endorsed,succession,authority" doc:"duly endorsed certificates, or proper evidence of succession or authority to transfer (Art. VI §4)"`
	Nature       string        `mb:"nature" enum:"sale,gift,pledge,operation_of_law" doc:"what kind of transfer (default sale); Art. VIII and Art. VI §6 cover all of them"`
	Occasion     string        `mb:"occasion" enum:"merger,consolidation,reclassification,reorganization,sale_of_all_assets,pro_rata_distribution" doc:"the corporate transferor's transaction, for the exemptions of Art. VIII §1(f)(4) and (6)"`
	Price        *corp.Decimal `mb:"price" doc:"the consideration, in dollars"`
	Certificated *bool         `mb:"certificated" doc:"issue the new certificates (default) or uncertificated positions"`
	Signers      []SignerField `mb:"signers" doc:"the two officers who sign the new certificates (Art. VI §1)"`
	ROFRNotice   int64         `mb:"rofr_notice" doc:"the number of the Art. VIII §1(a) notice whose option lapsed: the transfer is made in the free window after it, as the notice specified (§1(e))"`
	ROFRWaiver   int64         `mb:"rofr_waiver" doc:"the number of the waiver of Art. VIII for this particular transfer (§1(g), rofr.waive)"`
}

// surrendered is a certificate given up in a transfer.
type surrendered struct {
	number   int64
	row      tables.Row
	units    int64
	acquired string
}

// TransferStock transfers shares between holders of record.
var TransferStock = Define(Kind{
	Name:    "stock.transfer",
	Summary: "transfer shares: surrender certificates, issue the transferee's and a balance certificate",
	Doc: "On surrender of certificates duly endorsed, or proper evidence of succession or authority, the " +
		"corporation cancels them, issues a new certificate to the transferee and a balance certificate " +
		"to the transferor, and records the transfer (Art. VI §4). Before that, the restrictions run, each " +
		"citing its section: open stop-transfer orders (Art. VI §6); the 180-day market stand-off after a " +
		"registration statement for which a stand-off was requested, for lots acquired on or after the " +
		"bylaws' adoption (Art. VI §6); and, while Art. VIII is in effect, the right of first refusal: the " +
		"transfer must fall under an exemption of §1(f) decided from the relationships register, or it is " +
		"refused as void (§1(h)) unless it follows the notice-and-option workflow (a transfer in the " +
		"60-day window after a lapsed option names its notice, rofr_notice) or a waiver of §1(g) " +
		"(rofr_waiver); see the rofr.* kinds.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary, corp.AsTransferAgent},
	Example: `kind: stock.transfer
effective: 2006-03-01
actor: {person: susan, as: secretary}
fields:
  from: alice
  to: bob
  certificates: [1]
  shares: "50000"
  evidence: endorsed
  price: "250000.00"
  signers:
    - {person: ray, office: president}
    - {person: susan, office: secretary}
`,
	NeedsBylaws: true,
}, func(e *Env, f *TransferFields) error {
	certs, class, ok, err := e.surrender("VI.4.transfer", f.From, f.Certificates)
	if err != nil || !ok {
		return err
	}
	c, _ := e.class(class)
	units, uok := f.Shares.Units(c.Scale)
	var total int64
	for _, s := range certs {
		total += s.units
	}
	switch {
	case !uok || units <= 0:
		e.Fail("MB.stock.quantity", fmt.Sprintf("%s shares: the number of shares must be positive and have at most %d fractional digits", f.Shares, c.Scale), N("shares", f.Shares))
		return nil
	case units > total:
		e.Fail("VI.4.transfer", fmt.Sprintf("the certificates surrendered hold %s shares; %s cannot be transferred from them", corp.DecimalFromUnits(total, c.Scale).Grouped(), f.Shares.Grouped()),
			N("surrendered", corp.DecimalFromUnits(total, c.Scale)), N("shares", f.Shares))
		return nil
	}
	for _, s := range certs {
		if certPartlyPaid(s.row) && (units != total || len(certs) > 1) {
			e.Fail("VI.1.partly_paid", fmt.Sprintf("certificate %d is for partly paid shares: it is transferred whole and alone, so that the unpaid consideration and its calls pass with it to one certificate", s.number),
				N("certificate", s.number), N("consideration", s.row[7]), N("paid", s.row[8]))
			return nil
		}
	}
	to, err := e.PersonExists(f.To)
	if err != nil {
		return err
	}
	e.Check("VI.7.registered_holder", to && f.To != f.From,
		fmt.Sprintf("%s becomes a holder of record on the books", f.To),
		fmt.Sprintf("transferee %q must be a recorded person other than the transferor: record person.add first", f.To))
	e.Hold("VI.4.transfer", fmt.Sprintf("certificates %s surrendered (%s); %s shares to %s, balance %s to %s",
		numbers(certs), f.Evidence, f.Shares.Grouped(), f.To, corp.DecimalFromUnits(total-units, c.Scale).Grouped(), f.From),
		N("surrendered", corp.DecimalFromUnits(total, c.Scale)), N("transferred", f.Shares), N("balance", corp.DecimalFromUnits(total-units, c.Scale)))
	if err := e.checkStopOrders(f, class, certs); err != nil {
		return err
	}
	if err := e.checkStandoff(class, certs); err != nil {
		return err
	}
	if err := e.checkROFR(f); err != nil {
		return err
	}
	if f.Certificated == nil || *f.Certificated {
		return e.checkSigners(f.Signers)
	}
	return nil
}, func(e *Env, f *TransferFields) error {
	certs, class, total, earliest, err := cancelSurrendered(e, f.Certificates)
	if err != nil {
		return err
	}
	c, _ := e.class(class)
	units, _ := f.Shares.Units(c.Scale)
	certificated := f.Certificated == nil || *f.Certificated
	signers := "[]"
	if certificated {
		signers = marshalText(f.Signers)
	}
	// The consideration follows the shares: a partly paid certificate passes
	// whole (checked above); fully paid ones split pro rata.
	var cons, paid corp.Decimal
	for _, s := range certs {
		c, _ := corp.ParseDecimal(s.row[7].(string))
		p, _ := corp.ParseDecimal(s.row[8].(string))
		cons, paid = cons.Add(c), paid.Add(p)
	}
	partly := paid.Cmp(cons) < 0
	legends := marshalText(e.legendsQuiet(partly))
	toCons, toPaid := cons, paid
	if !partly {
		toCons = prorata(cons, units, total)
		toPaid = toCons
	}
	next, err := nextNumber(e.Rows, "certificate")
	if err != nil {
		return err
	}
	// The transferee's certificate: acquired on the transfer date.
	if err := e.Rows.Put(tables.Certificates, tables.Row{next, class, f.To, units, e.Act.Effective.String(), CertOutstanding,
		boolInt(certificated), toCons.String(), toPaid.String(), signers, legends, "transfer", int64(e.Seq), int64(0), e.Act.Effective.String()}); err != nil {
		return err
	}
	if partly {
		if err := moveCalls(e, certs[0].number, next, f.To); err != nil {
			return err
		}
	}
	if total > units { // the balance certificate keeps the transferor's acquisition date
		next++
		rest := cons.Sub(toCons)
		if err := e.Rows.Put(tables.Certificates, tables.Row{next, class, f.From, total - units, e.Act.Effective.String(), CertOutstanding,
			boolInt(certificated), rest.String(), rest.String(), signers, legends, "balance", int64(e.Seq), int64(0), earliest}); err != nil {
			return err
		}
	}
	if err := e.Rows.Put(tables.Counters, tables.Row{"certificate", next}); err != nil {
		return err
	}
	if err := addHolding(e, f.From, class, -units); err != nil {
		return err
	}
	return addHolding(e, f.To, class, units)
})

func numbers(certs []surrendered) string {
	s := make([]string, len(certs))
	for i, c := range certs {
		s[i] = fmt.Sprint(c.number)
	}
	return strings.Join(s, ", ")
}

// checkStopOrders refuses a transfer an open stop-transfer order covers.
func (e *Env) checkStopOrders(f *TransferFields, class string, certs []surrendered) error {
	return e.Rows.Scan(tables.StopOrders, nil, func(r tables.Row) error {
		if r[6].(string) != "" || r[5].(string) > e.Act.Effective.String() {
			return nil // lifted, or imposed later
		}
		holder, cls, cert := r[1].(string), r[2].(string), r[3].(int64)
		if (holder != "" && holder != f.From) || (cls != "" && cls != class) {
			return nil
		}
		covered := cert == 0
		for _, c := range certs {
			covered = covered || c.number == cert
		}
		if covered {
			e.Fail("VI.6.stop_transfer", fmt.Sprintf("stop-transfer order %d (imposed %s: %s) covers this transfer", r[0], r[5], r[4]),
				N("order", r[0]), N("imposed", r[5]))
		}
		return nil
	})
}

// standoffWindow returns the first and last day of the stand-off after a
// registration statement effective on eff (A-STANDDAY: day0 counts from
// the day after).
func (e *Env) standoffWindow(eff corp.Date) (first, last corp.Date) {
	days, _ := e.Bylaws.Int("VI.6.market_standoff", "days")
	if e.Bylaws.Choice("A-STANDDAY") == "day1" {
		return eff, eff.AddDays(days - 1)
	}
	return eff.AddDays(1), eff.AddDays(days)
}

// checkStandoff applies the market stand-off of Art. VI §6 to the lots
// surrendered (A-COHORT: per lot, by acquisition date).
func (e *Env) checkStandoff(class string, certs []surrendered) error {
	if e.Bylaws.Rule("VI.6.market_standoff") == nil {
		return nil
	}
	cohort, _ := e.Bylaws.Date("VI.6.market_standoff", "cohort_from")
	d := e.Act.Effective
	return e.Rows.Scan(tables.Registrations, nil, func(r tables.Row) error {
		if r[2].(int64) == 0 {
			return nil // no stand-off requested (A-ANYREG)
		}
		eff, err := corp.ParseDate(r[1].(string))
		if err != nil {
			return err
		}
		first, last := e.standoffWindow(eff)
		if d.Before(first) || d.After(last) {
			if d == last.AddDays(1) {
				e.Warn("VI.6.market_standoff", fmt.Sprintf("the stand-off after registration %s ended %s (effective date as day 0, A-STANDDAY); counting it as day 1 would end it a day earlier", r[0], last),
					N("effective", eff), N("window_last_day", last))
			}
			return nil
		}
		var bound []string
		for _, c := range certs {
			if c.acquired >= cohort.String() {
				bound = append(bound, fmt.Sprint(c.number))
			}
		}
		nums := []journal.Number{N("registration_effective", eff), N("window_first_day", first), N("window_last_day", last), N("cohort_from", cohort)}
		if len(bound) == 0 {
			e.Hold("VI.6.market_standoff", fmt.Sprintf("within the stand-off after registration %s, but every lot surrendered was acquired before %s (A-COHORT)", r[0], cohort), nums...)
			return nil
		}
		e.Fail("VI.6.market_standoff", fmt.Sprintf("market stand-off after registration %s (requested by the %s): no transfer from %s to %s of shares acquired on or after %s (certificates %s)",
			r[0], r[3], first, last, cohort, strings.Join(bound, ", ")), nums...)
		if d == last {
			e.Warn("VI.6.market_standoff", "the last day of the window under A-STANDDAY day0; counting the effective date as day 1 would allow this transfer")
		}
		return nil
	})
}

// rofrInForce reports whether the right of first refusal applies on the
// act's date: not from the bylaws' end date (A-TERMDAY), nor from a first
// public offering (Art. VIII §1(i); A-IPODATE).
func (e *Env) rofrInForce() (bool, error) {
	d := e.Act.Effective
	if !e.Bylaws.InForce("VIII.1.prohibition", d) {
		return false, nil
	}
	inForce := true
	err := e.Rows.Scan(tables.Registrations, nil, func(r tables.Row) error {
		if r[5].(int64) == 0 {
			return nil
		}
		end := r[1].(string)
		switch e.Bylaws.Choice("A-IPODATE") {
		case "first_offer_date":
			end = r[6].(string)
		case "later_of_effective_and_offer":
			end = max(end, r[6].(string))
		}
		if end != "" && d.String() >= end {
			inForce = false
		}
		return nil
	})
	return inForce, err
}

// related reports whether "a kind b" is recorded and in force on the date.
func (e *Env) related(a, kind, b string) (bool, error) {
	found := false
	d := e.Act.Effective.String()
	err := e.Rows.Scan(tables.Relationships, []any{a, kind, b}, func(r tables.Row) error {
		if r[3].(string) <= d && (r[4].(string) == "" || r[4].(string) > d) {
			found = true
		}
		return nil
	})
	return found, err
}

// family reports whether to is immediate family of from (Art. VIII
// §1(f)(1)): spouse, lineal descendant, father, mother, brother or sister,
// and nothing else (A-FAMILY: listed relations only).
func (e *Env) family(from, to string) (string, error) {
	checks := []struct{ a, kind, b, what string }{
		{from, "spouse", to, "spouse"}, {to, "spouse", from, "spouse"},
		{to, "lineal_descendant", from, "lineal descendant"}, {from, "parent", to, "lineal descendant"},
		{to, "parent", from, "parent"},
		{from, "sibling", to, "sibling"}, {to, "sibling", from, "sibling"},
	}
	for _, c := range checks {
		ok, err := e.related(c.a, c.kind, c.b)
		if err != nil || ok {
			return c.what, err
		}
	}
	return "", nil
}

// checkROFR applies Art. VIII while it is in effect: a transfer citing a
// notice whose option lapsed must follow it within the free window
// (§1(e), checkFreeWindow); one citing a waiver must be the transfer waived
// (§1(g), checkWaived); any other must fall under an exemption of §1(f).
// Otherwise it is void (§1(h)).
func (e *Env) checkROFR(f *TransferFields) error {
	in, err := e.rofrInForce()
	if err != nil || !in {
		if err == nil && e.Bylaws.Rule("VIII.1.i.termination") != nil {
			e.Hold("VIII.1.i.termination", fmt.Sprintf("the right of first refusal is not in effect on %s", e.Act.Effective))
		}
		return err
	}
	switch {
	case f.ROFRNotice != 0 && f.ROFRWaiver != 0:
		e.Fail("VIII.1.h.void", "a transfer cites either the notice whose option lapsed (rofr_notice) or a waiver (rofr_waiver), not both")
		return nil
	case f.ROFRNotice != 0:
		return e.checkFreeWindow(f)
	case f.ROFRWaiver != 0:
		return e.checkWaived(f)
	}
	if f.Nature == "pledge" && e.Bylaws.Choice("A-PLEDGE") == "exempt" {
		e.Warn("VIII.1.prohibition", "a pledge is read as outside Art. VIII (A-PLEDGE reading exempt): no notice is required")
		return nil
	}
	exempt := func(rule, msg string) {
		e.Hold(rule, msg)
		e.Hold("VIII.1.f.tail", fmt.Sprintf("%s holds the shares subject to Art. VIII and may transfer them only in compliance with it", f.To))
	}
	// (f)(1): immediate family, or a trustee or custodian for the holder or the family.
	if what, err := e.family(f.From, f.To); err != nil || what != "" {
		if what != "" {
			exempt("VIII.1.f.1.family", fmt.Sprintf("%s is the transferor's %s (Art. VIII §1(f)(1))", f.To, what))
		}
		return err
	}
	for _, k := range []string{"trustee_for", "custodian_for"} {
		var beneficiaries []string
		if err := e.Rows.Scan(tables.Relationships, []any{f.To, k}, func(r tables.Row) error {
			beneficiaries = append(beneficiaries, r[2].(string))
			return nil
		}); err != nil {
			return err
		}
		for _, b := range beneficiaries {
			ok, err := e.related(f.To, k, b)
			if err != nil {
				return err
			}
			what := ""
			if b == f.From {
				what = "the stockholder"
			} else if what, err = e.family(f.From, b); err != nil {
				return err
			} else if what != "" {
				what = "the stockholder's " + what + " " + b
			}
			if ok && what != "" {
				exempt("VIII.1.f.1.family", fmt.Sprintf("%s is %s %s (Art. VIII §1(f)(1))", f.To, strings.ReplaceAll(k, "_", " "), what))
				return nil
			}
		}
	}
	// (f)(3): the transferee is an officer or director at the time.
	isDir, err := isDirector(e.Rows, f.To, e.Act.Effective)
	if err != nil {
		return err
	}
	office := ""
	if isDir {
		office = "a director"
	} else {
		for _, o := range officeNames {
			holds, err := holdsOffice(e.Rows, o, f.To, e.Act.Effective)
			if err != nil {
				return err
			}
			if holds {
				office = "the " + strings.ReplaceAll(o, "_", " ")
				break
			}
		}
	}
	if office != "" {
		exempt("VIII.1.f.3.officer_director", fmt.Sprintf("%s is %s of the corporation (Art. VIII §1(f)(3))", f.To, office))
		return nil
	}
	// (f)(2): the transferee is already a stockholder (A-LOOPHOLE: literally, any holding).
	holder := false
	if err := e.Rows.Scan(tables.Holdings, []any{f.To}, func(r tables.Row) error {
		holder = holder || r[2].(int64) > 0
		return nil
	}); err != nil {
		return err
	}
	if holder {
		exempt("VIII.1.f.2.existing_holder", fmt.Sprintf("%s is already a stockholder (Art. VIII §1(f)(2))", f.To))
		e.Warn("VIII.1.f.2.existing_holder", "exempt however small the transferee's holding (A-LOOPHOLE, read literally); look for a step transaction")
		return nil
	}
	row, _, err := e.Rows.Get(tables.Persons, f.From)
	if err != nil {
		return err
	}
	kind := corp.PersonKind("")
	if row != nil {
		kind = corp.PersonKind(row[3].(string))
	}
	switch {
	case kind == corp.CorporationKind && f.Occasion != "" && f.Occasion != "pro_rata_distribution":
		exempt("VIII.1.f.4.corp_reorg", fmt.Sprintf("a corporate stockholder's transfer on its %s (Art. VIII §1(f)(4))", strings.ReplaceAll(f.Occasion, "_", " ")))
		return nil
	case kind == corp.CorporationKind && f.Occasion == "pro_rata_distribution":
		ok, err := e.related(f.To, "stockholder_of", f.From)
		if err != nil {
			return err
		}
		if ok {
			exempt("VIII.1.f.6.pro_rata", fmt.Sprintf("%s receives a pro rata distribution as a stockholder of %s (Art. VIII §1(f)(6))", f.To, f.From))
			return nil
		}
	case kind == corp.GeneralPartnership || kind == corp.LimitedPartnership:
		for _, k := range []string{"partner_of", "former_partner_of"} {
			ok, err := e.related(f.To, k, f.From)
			if err != nil {
				return err
			}
			if ok {
				exempt("VIII.1.f.5.partnership", fmt.Sprintf("%s is a %s the transferor partnership (Art. VIII §1(f)(5))", f.To, strings.ReplaceAll(k, "_", " ")))
				return nil
			}
		}
	}
	pledge := ""
	if f.Nature == "pledge" {
		pledge = " (a pledge is a transfer that needs notice, A-PLEDGE)"
	}
	e.Fail("VIII.1.h.void", fmt.Sprintf("the right of first refusal is in effect on %s and no exemption of Art. VIII §1(f) applies to a transfer from %s to %s%s: "+
		"the stockholder must first give the corporation notice (rofr.notice, §1(a)) and, once the option lapses, transfer in the free window citing it (rofr_notice, §1(e)); "+
		"or Art. VIII must be waived for this transfer (rofr.waive, then rofr_waiver, §1(g))", e.Act.Effective, f.From, f.To, pledge))
	return nil
}

// StopTransferFields are the fields of stop_transfer.impose.
type StopTransferFields struct {
	Holder      string `mb:"holder" doc:"the holder whose shares it covers; empty for every holder"`
	Class       string `mb:"class" doc:"the class it covers; empty for every class"`
	Certificate int64  `mb:"certificate" doc:"the one certificate it covers; 0 for all"`
	Reason      string `mb:"reason,required" doc:"why, e.g. the market stand-off of a registration"`
}

// ImposeStopTransfer records a stop-transfer order (Art. VI §6).
var ImposeStopTransfer = Define(Kind{
	Name:    "stop_transfer.impose",
	Summary: "impose a stop-transfer order on a holder's shares, a class or a certificate",
	Doc:     "The corporation imposes stop-transfer instructions (Art. VI §6); every transfer the order covers is refused until it is lifted.",
	Actors:  []corp.Capacity{corp.AsSecretary, corp.AsTransferAgent, corp.AsBoard},
	Power:   PowerOrdinary,
	Example: `kind: stop_transfer.impose
effective: 2004-11-16
actor: {person: susan, as: secretary}
fields: {holder: alice, reason: "market stand-off after the registration effective 2004-11-15"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *StopTransferFields) error {
	e.Hold("VI.6.stop_transfer", "the corporation may impose stop-transfer instructions: "+f.Reason)
	return nil
}, func(e *Env, f *StopTransferFields) error {
	n, err := nextNumber(e.Rows, "stop_order")
	if err != nil {
		return err
	}
	if err := e.Rows.Put(tables.Counters, tables.Row{"stop_order", n}); err != nil {
		return err
	}
	return e.Rows.Put(tables.StopOrders, tables.Row{n, f.Holder, f.Class, f.Certificate, f.Reason, e.Act.Effective.String(), "", int64(e.Seq)})
})

// LiftStopTransferFields are the fields of stop_transfer.lift.
type LiftStopTransferFields struct {
	Order int64 `mb:"order,required" doc:"the order's number"`
}

// LiftStopTransfer lifts a stop-transfer order from its effective date.
var LiftStopTransfer = Define(Kind{
	Name:    "stop_transfer.lift",
	Summary: "lift a stop-transfer order",
	Doc:     "Lifts an open stop-transfer order from the act's effective date.",
	Actors:  []corp.Capacity{corp.AsSecretary, corp.AsTransferAgent, corp.AsBoard},
	Power:   PowerOrdinary,
	Example: `kind: stop_transfer.lift
effective: 2005-05-15
actor: {person: susan, as: secretary}
fields: {order: 1}
`,
	NeedsBylaws: true,
}, func(e *Env, f *LiftStopTransferFields) error {
	row, ok, err := e.Rows.Get(tables.StopOrders, f.Order)
	if err != nil {
		return err
	}
	e.Check("VI.6.stop_transfer", ok && row[6].(string) == "", fmt.Sprintf("stop-transfer order %d is lifted", f.Order),
		fmt.Sprintf("no open stop-transfer order %d", f.Order))
	return nil
}, func(e *Env, f *LiftStopTransferFields) error {
	row, _, err := e.Rows.Get(tables.StopOrders, f.Order)
	if err != nil {
		return err
	}
	row = append(tables.Row(nil), row...)
	row[6] = e.Act.Effective.String()
	return e.Rows.Put(tables.StopOrders, row)
})

// RegistrationFields are the fields of registration.effective.
type RegistrationFields struct {
	ID                string    `mb:"id,required" doc:"the registration number, e.g. 333-86919"`
	StandoffRequested bool      `mb:"standoff_requested" doc:"the corporation or an underwriter requested the market stand-off (Art. VI §6; A-ANYREG)"`
	RequestedBy       string    `mb:"requested_by" enum:"corporation,underwriter" doc:"who requested it"`
	RequestedOn       corp.Date `mb:"requested_on" doc:"when"`
	PublicOffering    bool      `mb:"public_offering" doc:"securities are offered to the public under it (ends the ROFR, Art. VIII §1(i))"`
	FirstOffered      corp.Date `mb:"first_offered" doc:"the date the securities were first offered to the public (A-IPODATE)"`
}

// RegistrationEffective records a registration statement declared effective.
var RegistrationEffective = Define(Kind{
	Name:    "registration.effective",
	Summary: "record a registration statement declared effective, and any stand-off request",
	Doc: "Records that a registration statement of the corporation under the Securities Act of 1933 " +
		"(A-ACT) became effective on the act's effective date. When the corporation or an underwriter " +
		"requested it, the 180-day market stand-off of Art. VI §6 runs after it; a first public offering " +
		"ends the right of first refusal (Art. VIII §1(i)).",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsBoard},
	Example: `kind: registration.effective
effective: 2004-11-15
actor: {person: susan, as: secretary}
fields: {id: "333-86919", standoff_requested: true, requested_by: underwriter, requested_on: 2004-11-10}
`,
	NeedsBylaws: true,
}, func(e *Env, f *RegistrationFields) error {
	_, dup, err := e.Rows.Get(tables.Registrations, f.ID)
	if err != nil {
		return err
	}
	e.Check("MB.registration.unique", !dup, fmt.Sprintf("registration %s is not yet recorded", f.ID), fmt.Sprintf("registration %s is already recorded", f.ID))
	if f.StandoffRequested {
		e.Check("VI.6.market_standoff", f.RequestedBy != "", "a stand-off was requested by the "+f.RequestedBy,
			"a stand-off request names who made it (requested_by: corporation or underwriter)")
		first, last := e.standoffWindow(e.Act.Effective)
		e.Hold("VI.6.market_standoff", fmt.Sprintf("market stand-off window %s … %s", first, last), N("window_first_day", first), N("window_last_day", last))
	}
	return nil
}, func(e *Env, f *RegistrationFields) error {
	offered := ""
	if f.PublicOffering {
		offered = e.Act.Effective.String()
		if !f.FirstOffered.IsZero() {
			offered = f.FirstOffered.String()
		}
	}
	return e.Rows.Put(tables.Registrations, tables.Row{f.ID, e.Act.Effective.String(), boolInt(f.StandoffRequested), f.RequestedBy,
		f.RequestedOn.String(), boolInt(f.PublicOffering), offered, int64(e.Seq)})
})

// prorata returns d × part / whole, rounded half up to the cent or to d's
// own precision if finer. It is used for fully paid certificates only,
// where the split is a record of what was paid, never a liability.
func prorata(d corp.Decimal, part, whole int64) corp.Decimal {
	scale := max(2, d.Scale())
	u, _ := d.Units(scale)
	num := new(big.Int).Mul(big.NewInt(u), big.NewInt(part))
	q, r := new(big.Int).QuoRem(num, big.NewInt(whole), new(big.Int))
	if new(big.Int).Mul(r, big.NewInt(2)).Cmp(big.NewInt(whole)) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	return corp.DecimalFromUnits(q.Int64(), scale)
}

// cancelSurrendered cancels the certificates surrendered in an act (their
// checks passed) and returns them, their class, their total units and the
// earliest acquisition date among them (which a balance certificate keeps).
func cancelSurrendered(e *Env, numbers []int64) (certs []surrendered, class string, total int64, earliest string, err error) {
	for _, n := range numbers {
		row, _, err := e.Rows.Get(tables.Certificates, n)
		if err != nil {
			return nil, "", 0, "", err
		}
		class = row[1].(string)
		s := surrendered{number: n, row: row, units: row[3].(int64), acquired: row[14].(string)}
		certs = append(certs, s)
		total += s.units
		if earliest == "" || s.acquired < earliest {
			earliest = s.acquired
		}
		closed := append(tables.Row(nil), row...)
		closed[5], closed[13] = CertCancelled, int64(e.Seq)
		if err := e.Rows.Put(tables.Certificates, closed); err != nil {
			return nil, "", 0, "", err
		}
	}
	return certs, class, total, earliest, nil
}

// The market stand-off on the calendar: the first and last day of the
// window after each registration statement whose stand-off was requested
// (Art. VI §6), counted by the bylaws in force on the registration's date.
func init() {
	RegisterDeadlines(func(q *CalendarQuery) ([]Deadline, error) {
		var out []Deadline
		err := q.View.Scan(tables.Registrations, nil, func(r tables.Row) error {
			if r[2].(int64) == 0 {
				return nil
			}
			eff, err := corp.ParseDate(r[1].(string))
			if err != nil {
				return err
			}
			v, ok := q.cc.bylaws.InForce(eff)
			if !ok || v.Rulebook.Rule("VI.6.market_standoff") == nil {
				return nil
			}
			e := &Env{Bylaws: v.Rulebook}
			first, last := e.standoffWindow(eff)
			const rule = "VI.6.market_standoff"
			seq := uint64(r[7].(int64))
			out = append(out,
				Deadline{Date: first, Rule: rule, Citation: q.Cite(rule, eff), Source: seq,
					Title:  fmt.Sprintf("market stand-off after registration %s begins", r[0]),
					Detail: fmt.Sprintf("no sale, pledge, swap or gift of shares acquired since the cohort date, through %s", last)},
				Deadline{Date: last, Rule: rule, Citation: q.Cite(rule, eff), Source: seq,
					Title: fmt.Sprintf("market stand-off after registration %s ends (last day)", r[0])})
			return nil
		})
		return out, err
	})
}
