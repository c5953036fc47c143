package acts

import (
	"fmt"
	"math/big"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// This file declares and pays dividends (Art. VII §1, Art. VI §5, §7) and
// keeps the directors' reserves (Art. VII §2). The schedule and its
// rounding rule are in dividends.go.

func init() {
	addEngineRules(map[string]engineRule{
		"MB.dividend.unique":   {"Art. VII §1", "a dividend id names one declared dividend"},
		"MB.dividend.known":    {"Art. VII §1", "the dividend paid is declared and not yet paid, and is paid on or after its payment date"},
		"MB.dividend.rates":    {"Art. VII §1; DGCL §170, §173", "a dividend is declared at a positive rate on classes the charter in force authorizes, once per class"},
		"MB.dividend.rounding": {"Art. VI §7; DGCL §155", "each registered holder is paid the exact entitlement rounded down to the cent (or to the units of the class issued); the remainder stays with the corporation and is reported"},
		"MB.reserve.unique":    {"Art. VII §2", "a reserve id names one reserve"},
		"MB.reserve.known":     {"Art. VII §2", "the reserve modified or abolished is set aside and not abolished"},
	})
	RegisterDeadlines(dividendDeadlines)
}

// DividendRateField is the rate of a dividend on one class.
type DividendRateField struct {
	Class    string       `mb:"class,required" doc:"the class on whose shares the dividend is declared"`
	PerShare corp.Decimal `mb:"per_share,required" doc:"dollars per share for cash, the value per share for property, or the dividend shares per share held for shares (\"0.05\": one for every twenty)"`
	PayClass string       `mb:"pay_class" doc:"for a stock dividend, the class of the shares issued; default the same class"`
}

// DeclareDividendFields are the fields of dividend.declare.
type DeclareDividendFields struct {
	ID         string              `mb:"id,required" doc:"an identifier for the dividend, e.g. 2004-q2"`
	Form       string              `mb:"form,required" enum:"cash,property,shares" doc:"the form of payment (Art. VII §1)"`
	Rates      []DividendRateField `mb:"rates,required" doc:"the rate per share of each class"`
	RecordDate corp.Date           `mb:"record_date,required" doc:"the record date fixed by the board (Art. VI §5)"`
	Payable    corp.Date           `mb:"payable,required" doc:"the payment date"`
	Property   string              `mb:"property" doc:"for a property dividend, what is distributed"`
	Meeting    string              `mb:"meeting" enum:"regular,special,written_consent" doc:"where the board adopted it: at a regular or special meeting (default regular) or by unanimous written consent (A-DIVCONSENT)"`
	Resolution string              `mb:"resolution,required" doc:"the resolution that declared it"`
}

func (f *DeclareDividendFields) dividend(e *Env) Dividend {
	d := Dividend{ID: f.ID, Declared: e.Act.Effective, Form: f.Form, RecordDate: f.RecordDate, Payable: f.Payable,
		Property: f.Property, Resolution: f.Resolution, Body: string(e.Act.Actor.Capacity), Seq: e.Seq}
	for _, r := range f.Rates {
		x := DividendRate{Class: r.Class, PerShare: r.PerShare}
		if f.Form == "shares" {
			x.PayClass = r.PayClass
			if x.PayClass == "" {
				x.PayClass = r.Class
			}
		}
		d.Rates = append(d.Rates, x)
	}
	return d
}

// DeclareDividend records a dividend declared by the board.
var DeclareDividend = Define(Kind{
	Name:    "dividend.declare",
	Summary: "declare a dividend in cash, property or shares, with its record and payment dates",
	Doc: "The board (or a committee with express authority, Art. III §11) declares a dividend at a rate per " +
		"share of each class, payable in cash, property or shares (Art. VII §1), to the holders registered on " +
		"the record date (Art. VI §7). The record date is not before the declaration (DGCL §213(c)) and not more " +
		"than 60 days before the payment (Art. VI §5, read with A-ACTION: the action is the payment): 60 days " +
		"is allowed, 61 refused. The schedule is computed per registered holder on the record date " +
		"(`minutebook dividend schedule ID`): partly paid shares take it in proportion to the consideration " +
		"paid (DGCL §156, A-PARTLY), treasury shares take nothing (DGCL §160(c)), and each holder's amount is " +
		"rounded down to the cent, the remainder reported. A stock dividend must fit within the shares the " +
		"charter authorizes (checked on the holdings now, and again exactly when paid). That the dividend is " +
		"paid out of surplus or net profits (DGCL §170) is the board's finding, which the resolution carries.",
	Actors: []corp.Capacity{corp.AsBoard, corp.AsCommittee},
	Power:  PowerDividend,
	// A dividend in shares also authorizes their issuance: a committee
	// needs express authority for both (Art. III §11; DGCL §141(c)(1)).
	MorePowers: func(f any) []string {
		if f.(*DeclareDividendFields).Form == "shares" {
			return []string{PowerIssue}
		}
		return nil
	},
	Example: `kind: dividend.declare
effective: 2004-06-01
actor: {as: board}
fields:
  id: 2004-q2
  form: cash
  rates: [{class: common, per_share: "0.10"}]
  record_date: 2004-06-15
  payable: 2004-08-14
  resolution: "Board resolution 2004-06-01 #2"
`,
	NeedsBylaws: true,
}, func(e *Env, f *DeclareDividendFields) error {
	_, dup, err := e.Rows.Get(tables.Dividends, f.ID)
	if err != nil {
		return err
	}
	e.Check("MB.dividend.unique", !dup, fmt.Sprintf("dividend %q is not yet declared", f.ID), fmt.Sprintf("dividend %q is already declared: choose another id", f.ID))
	switch f.Meeting {
	case "written_consent":
		if e.Bylaws.Choice("A-DIVCONSENT") == "allowed" {
			e.Warn("VII.1.dividend_declare", "declared by unanimous written consent (Art. III §9), which Art. VII §1 (\"at any regular or special meeting\") does not mention (A-DIVCONSENT: allowed)")
		} else {
			e.Fail("VII.1.dividend_declare", "Art. VII §1 lets the board declare dividends at a regular or special meeting; under the corporation's reading of A-DIVCONSENT not by written consent")
		}
	default:
		e.Hold("VII.1.dividend_declare", fmt.Sprintf("declared by the %s (%s); that it is paid out of surplus or net profits (DGCL §170) is the board's finding", e.Act.Actor.Capacity, f.Resolution))
	}
	forms, _ := e.Bylaws.Texts("VII.1.dividend_form", "forms")
	okForm := false
	for _, x := range forms {
		okForm = okForm || x == f.Form
	}
	e.Check("VII.1.dividend_form", okForm, fmt.Sprintf("payable in %s", f.Form),
		fmt.Sprintf("the bylaws in force allow dividends in %s, not %s", joinStrings(forms), f.Form), N("form", f.Form))
	if f.Form == "property" && f.Property == "" {
		e.Fail("VII.1.dividend_form", "a property dividend names the property distributed: give property")
	}
	checkRates(e, f)
	d := f.dividend(e)
	checkRecordDate(e, d)
	if e.Failed() {
		return nil
	}
	// The schedule on the holdings recorded now (final once the record
	// date has passed): partly paid shares, and the authorized limit of a
	// stock dividend.
	lines, err := computeSchedule(e.Rows, e.Charter, d)
	if err != nil {
		return err
	}
	noteSchedule(e, d, lines, false)
	return nil
}, func(e *Env, f *DeclareDividendFields) error {
	d := f.dividend(e)
	return e.Rows.Put(tables.Dividends, tables.Row{d.ID, d.Declared.String(), d.Form, marshalText(d.Rates), d.RecordDate.String(),
		d.Payable.String(), d.Property, d.Resolution, d.Body, "", int64(0), int64(e.Seq)})
})

// checkRates checks each rate's class and amount.
func checkRates(e *Env, f *DeclareDividendFields) {
	if len(f.Rates) == 0 {
		e.Fail("MB.dividend.rates", "a dividend has a rate on at least one class")
	}
	seen := map[string]bool{}
	for _, r := range f.Rates {
		c, ok := e.class(r.Class)
		switch {
		case !ok:
			e.Fail("MB.stock.class", fmt.Sprintf("class %q is not authorized by the charter in force on %s (classes: %s)", r.Class, e.Act.Effective, classIDs(e.Charter)))
			continue
		case seen[r.Class]:
			e.Fail("MB.dividend.rates", fmt.Sprintf("class %s has two rates: give one per class", r.Class))
		case r.PerShare.Sign() <= 0:
			e.Fail("MB.dividend.rates", fmt.Sprintf("%s per share of %s: the rate must be positive", r.PerShare, r.Class), N("per_share", r.PerShare))
		default:
			e.Hold("MB.dividend.rates", fmt.Sprintf("%s per share of %s (%s)", r.PerShare, c.Name, f.Form), N("class", r.Class), N("per_share", r.PerShare))
		}
		seen[r.Class] = true
		if f.Form == "shares" && r.PayClass != "" {
			if _, ok := e.class(r.PayClass); !ok {
				e.Fail("MB.stock.class", fmt.Sprintf("pay_class %q is not authorized by the charter in force on %s (classes: %s)", r.PayClass, e.Act.Effective, classIDs(e.Charter)))
			}
		}
		if f.Form != "shares" && r.PayClass != "" {
			e.Fail("MB.dividend.rates", "pay_class is for a stock dividend (form: shares) only")
		}
	}
}

// checkRecordDate applies Art. VI §5 and DGCL §213(c) to a dividend's
// record date: on or after the declaration, and not more than 60 days
// before the action (the payment, under A-ACTION's default reading).
func checkRecordDate(e *Env, d Dividend) {
	const rule = "VI.5.record_date_other"
	maxDays, _ := e.Bylaws.Int(rule, "max_days")
	rd := d.RecordDate
	e.Check(rule, !rd.Before(d.Declared),
		fmt.Sprintf("the record date %s is not before the declaration on %s (DGCL §213(c))", rd, d.Declared),
		fmt.Sprintf("the record date %s precedes the resolution that fixes it (%s): DGCL §213(c) allows a record date on or after the declaration", rd, d.Declared),
		N("record_date", rd), N("declared", d.Declared))
	e.Check(rule, !d.Payable.Before(rd),
		fmt.Sprintf("payable %s, on or after the record date %s", d.Payable, rd),
		fmt.Sprintf("the payment date %s is before the record date %s", d.Payable, rd),
		N("payable", d.Payable), N("record_date", rd))
	action, reading := d.Payable, "payment"
	if e.Bylaws.Choice("A-ACTION") == "declaration" {
		action, reading = d.Declared, "declaration"
	}
	days := rd.DaysUntil(action)
	nums := []journal.Number{N("record_date", rd), N(reading+"_date", action), N("days_before", days), N("max_days", maxDays)}
	if days > maxDays {
		e.Fail(rule, fmt.Sprintf("the record date %s is %d days before the %s on %s: Art. VI §5 allows not more than %d (the earliest record date allowed is %s)",
			rd, days, reading, action, maxDays, action.AddDays(-maxDays)), nums...)
		return
	}
	e.Hold(rule, fmt.Sprintf("the record date %s is %d days before the %s on %s, not more than %d", rd, max(days, 0), reading, action, maxDays), nums...)
	if reading == "payment" {
		alt := rd.DaysUntil(d.Declared)
		e.Warn(rule, fmt.Sprintf("\"prior to any other action\" is read as the payment (A-ACTION); under the declaration reading the record date would be %d days before the declaration", max(alt, 0)))
	} else {
		e.Warn(rule, "\"prior to any other action\" is read as the declaration (A-ACTION: declaration)")
	}
}

// noteSchedule records what the schedule shows: the registered holders,
// partly paid shares (A-PARTLY), the rounding, and for a stock dividend
// the authorized limit. final is true when paying.
func noteSchedule(e *Env, d Dividend, lines []ScheduleLine, final bool) {
	when := "on the holdings recorded now"
	if final {
		when = "as paid"
	}
	holders := map[string]bool{}
	partly := 0
	exact, amount := new(big.Rat), corp.Decimal{}
	newUnits := map[string]*big.Rat{}
	for _, l := range lines {
		holders[l.Holder.ID] = true
		if l.PartlyPaid {
			partly++
		}
		exact.Add(exact, l.Exact)
		amount = amount.Add(l.Amount)
	}
	treasury := corp.Decimal{}
	for _, r := range d.Rates {
		c, _ := e.class(r.Class)
		_, t, _ := classTotals(e.Rows, r.Class)
		treasury = treasury.Add(corp.DecimalFromUnits(t, c.Scale))
	}
	e.Hold("VI.7.registered_holder", fmt.Sprintf("%d holders registered on the record date %s take the dividend (%s); treasury shares (%s now) are not outstanding and take nothing (DGCL §160(c))",
		len(holders), d.RecordDate, when, treasury.Grouped()), N("holders", len(holders)), N("treasury_shares", treasury))
	if partly > 0 {
		e.Warn("VI.1.partly_paid", fmt.Sprintf("%d holdings include partly paid shares: they take the dividend on the percentage of consideration paid on the record date (DGCL §156; A-PARTLY: %s)", partly, e.Bylaws.Choice("A-PARTLY")),
			N("partly_paid_holdings", partly))
	}
	rem := new(big.Rat).Sub(exact, amount.Rat())
	unit := "dollars"
	if d.Form == "shares" {
		unit = "shares"
	}
	e.Hold("MB.dividend.rounding", fmt.Sprintf("exact total %s %s; paid %s after rounding each holder down; remainder %s stays with the corporation", RatString(exact), unit, amount, RatString(rem)),
		N("exact", RatString(exact)), N("paid", amount), N("remainder", RatString(rem)))
	if d.Form != "shares" {
		return
	}
	for _, l := range lines {
		for _, r := range d.Rates {
			if r.Class == l.Class {
				if newUnits[r.PayClass] == nil {
					newUnits[r.PayClass] = new(big.Rat)
				}
				newUnits[r.PayClass].Add(newUnits[r.PayClass], l.Amount.Rat())
			}
		}
	}
	for _, r := range d.Rates {
		n := newUnits[r.PayClass]
		if n == nil {
			continue
		}
		delete(newUnits, r.PayClass)
		c, _ := e.class(r.PayClass)
		issued, _, _ := classTotals(e.Rows, r.PayClass)
		is := corp.DecimalFromUnits(issued, c.Scale)
		shares := floorRat(n, c.Scale)
		after := is.Add(shares)
		nums := []journal.Number{N("authorized", c.Authorized), N("issued", is), N("dividend_shares", shares), N("issued_after", after)}
		e.Check("MB.stock.authorized", after.Cmp(c.Authorized) <= 0,
			fmt.Sprintf("the stock dividend issues %s %s shares (%s): %s issued after it, within the %s authorized", shares.Grouped(), r.PayClass, when, after.Grouped(), c.Authorized.Grouped()),
			fmt.Sprintf("the stock dividend would issue %s %s shares (%s), making %s issued, beyond the %s the charter authorizes (Art. VII §1: subject to the certificate of incorporation)",
				shares.Grouped(), r.PayClass, when, after.Grouped(), c.Authorized.Grouped()), nums...)
		e.Hold("VII.1.dividend_form", fmt.Sprintf("a stock dividend of unissued shares: the board designates as capital at least their aggregate par value, %s × %s (DGCL §173)", shares.Grouped(), c.Par))
	}
}

// PayDividendFields are the fields of dividend.pay.
type PayDividendFields struct {
	Dividend     string        `mb:"dividend,required" doc:"the dividend's id"`
	Certificated *bool         `mb:"certificated" doc:"stock dividend: issue certificates (default) or uncertificated positions"`
	Signers      []SignerField `mb:"signers" doc:"stock dividend: the two officers who sign the certificates (Art. VI §1)"`
}

// PayDividend records the payment of a declared dividend.
var PayDividend = Define(Kind{
	Name:    "dividend.pay",
	Summary: "pay a declared dividend to the holders registered on its record date",
	Doc: "Pays a declared dividend on or after its payment date to the holders registered on the record date " +
		"(Art. VI §7), by the schedule computed from the ledger then, which is kept as paid. A stock dividend " +
		"issues each holder's shares (rounded down to the class's units; fractional interests are reported) on " +
		"a certificate signed by one officer of each group of Art. VI §1, within the shares the charter " +
		"authorizes. The treasurer disburses cash as the board ordered (Art. V §14).",
	Actors: []corp.Capacity{corp.AsTreasurer, corp.AsAssistantTreasurer, corp.AsSecretary, corp.AsAssistantSecretary, corp.AsTransferAgent},
	Example: `kind: dividend.pay
effective: 2004-08-14
actor: {person: tom, as: treasurer}
fields: {dividend: 2004-q2}
`,
	NeedsBylaws: true,
}, func(e *Env, f *PayDividendFields) error {
	d, ok, err := loadDividend(e.Rows, f.Dividend)
	if err != nil {
		return err
	}
	if !ok {
		e.Fail("MB.dividend.known", fmt.Sprintf("no dividend %q is declared", f.Dividend))
		return nil
	}
	if !d.Paid.IsZero() {
		e.Fail("MB.dividend.known", fmt.Sprintf("dividend %s was paid on %s", d.ID, d.Paid))
		return nil
	}
	e.Check("MB.dividend.known", !e.Act.Effective.Before(d.Payable),
		fmt.Sprintf("dividend %s, payable %s, paid %s", d.ID, d.Payable, e.Act.Effective),
		fmt.Sprintf("dividend %s is payable on %s, not before", d.ID, d.Payable), N("payable", d.Payable), N("paid", e.Act.Effective))
	if e.Act.Actor.Capacity == corp.AsTreasurer || e.Act.Actor.Capacity == corp.AsAssistantTreasurer {
		e.Hold("V.14.treasurer_disburse", fmt.Sprintf("the treasurer disburses the dividend as the board ordered (%s)", d.Resolution))
	}
	if d.Form == "shares" {
		if f.Certificated == nil || *f.Certificated {
			if err := e.checkSigners(f.Signers); err != nil {
				return err
			}
			e.legends(false)
		} else if len(f.Signers) > 0 {
			e.Fail("VI.1.certificate_signers", "uncertificated positions have no signers")
		}
	} else if len(f.Signers) > 0 || f.Certificated != nil {
		e.Fail("MB.dividend.known", fmt.Sprintf("dividend %s is paid in %s: signers and certificated are for a stock dividend", d.ID, d.Form))
	}
	lines, err := computeSchedule(e.Rows, e.Charter, d)
	if err != nil {
		return err
	}
	noteSchedule(e, d, lines, true)
	return nil
}, func(e *Env, f *PayDividendFields) error {
	d, ok, err := loadDividend(e.Rows, f.Dividend)
	if err != nil || !ok {
		return fmt.Errorf("dividend.pay: dividend %q: %v", f.Dividend, err)
	}
	lines, err := computeSchedule(e.Rows, e.Charter, d)
	if err != nil {
		return err
	}
	pay := map[string]string{}
	for _, r := range d.Rates {
		pay[r.Class] = r.PayClass
	}
	for _, l := range lines {
		var number int64
		if d.Form == "shares" && l.Amount.Sign() > 0 {
			class := pay[l.Class]
			c, _ := e.class(class)
			units, _ := l.Amount.Units(c.Scale)
			if number, err = putIssue(e, issued{class: class, holder: l.Holder.ID, units: units, certificated: f.Certificated == nil || *f.Certificated,
				signers: f.Signers, origin: OriginDividend}); err != nil {
				return err
			}
		}
		c, _ := e.class(l.Class)
		units, _ := l.Shares.Units(c.Scale)
		if err := e.Rows.Put(tables.DividendPayments, tables.Row{d.ID, l.Holder.ID, l.Class, units, l.Entitled.String(), l.Exact.String(),
			l.Amount.String(), number, int64(e.Seq)}); err != nil {
			return err
		}
	}
	row, _, err := e.Rows.Get(tables.Dividends, d.ID)
	if err != nil {
		return err
	}
	row = append(tables.Row(nil), row...)
	row[9], row[10] = e.Act.Effective.String(), int64(e.Seq)
	return e.Rows.Put(tables.Dividends, row)
})

// OriginDividend is the origin of a certificate issued as a stock dividend.
const OriginDividend = "dividend"

// dividendDeadlines puts each unpaid dividend's record and payment dates
// on the calendar.
func dividendDeadlines(q *CalendarQuery) ([]Deadline, error) {
	var out []Deadline
	err := q.View.Scan(tables.Dividends, nil, func(r tables.Row) error {
		d, err := dividendOf(r)
		if err != nil || !d.Paid.IsZero() {
			return err
		}
		out = append(out,
			Deadline{Date: d.RecordDate, Rule: "VI.5.record_date_other", Citation: q.Cite("VI.5.record_date_other", d.RecordDate),
				Title: fmt.Sprintf("record date of dividend %s", d.ID), Detail: "the holders registered at the end of this day take the dividend (Art. VI §7)", Source: d.Seq},
			Deadline{Date: d.Payable, Rule: "VII.1.dividend_declare", Citation: q.Cite("VII.1.dividend_declare", d.Payable),
				Title: fmt.Sprintf("dividend %s payable", d.ID), Detail: fmt.Sprintf("%s dividend declared %s (%s)", d.Form, d.Declared, d.Resolution), Source: d.Seq})
		return nil
	})
	return out, err
}

// ReserveFields are the fields of reserve.set and reserve.modify.
type ReserveFields struct {
	ID         string        `mb:"id,required" doc:"an identifier for the reserve, e.g. roof-repairs"`
	Purpose    string        `mb:"purpose" doc:"what it is for: contingencies, equalizing dividends, repairs or maintenance, or another purpose the directors think conducive to the corporation's interest"`
	Amount     *corp.Decimal `mb:"amount" doc:"the sum set aside, in dollars"`
	Manner     string        `mb:"manner" enum:"meeting,written_consent" doc:"how the resolution was adopted: at a meeting (default) or by unanimous written consent"`
	Resolution string        `mb:"resolution,required" doc:"the resolution of the directors"`
}

func (f *ReserveFields) manner() string {
	if f.Manner == "" {
		return "meeting"
	}
	return f.Manner
}

// SetReserve records a reserve set aside by the directors.
var SetReserve = Define(Kind{
	Name:    "reserve.set",
	Summary: "set aside a reserve out of funds available for dividends",
	Doc: "Before paying a dividend the directors may set aside, out of funds available for dividends, a reserve " +
		"to meet contingencies, to equalize dividends, to repair or maintain property, or for another purpose they " +
		"think conducive to the corporation's interest (Art. VII §2; DGCL §171). The body and the manner that " +
		"created it are recorded: it is modified or abolished in the same manner.",
	Actors: []corp.Capacity{corp.AsBoard, corp.AsCommittee},
	Power:  PowerOrdinary,
	Example: `kind: reserve.set
effective: 2004-05-20
actor: {as: board}
fields: {id: roof, purpose: "repairing the Fremont roof", amount: "75000.00", resolution: "Board resolution 2004-05-20 #1"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *ReserveFields) error {
	_, dup, err := e.Rows.Get(tables.Reserves, f.ID)
	if err != nil {
		return err
	}
	e.Check("MB.reserve.unique", !dup, fmt.Sprintf("reserve %q is not yet set", f.ID), fmt.Sprintf("reserve %q is already recorded: modify it with reserve.modify", f.ID))
	switch {
	case f.Amount == nil || f.Amount.Sign() <= 0:
		e.Fail("VII.2.reserves", "a reserve sets aside a positive sum: give amount")
	case f.Purpose == "":
		e.Fail("VII.2.reserves", "a reserve states its purpose")
	default:
		e.Hold("VII.2.reserves", fmt.Sprintf("the %s sets aside %s for %s, out of funds available for dividends, in its discretion", e.Act.Actor.Capacity, money(*f.Amount), f.Purpose),
			N("amount", *f.Amount))
	}
	return nil
}, func(e *Env, f *ReserveFields) error {
	return e.Rows.Put(tables.Reserves, tables.Row{f.ID, f.Purpose, f.Amount.String(), e.Act.Effective.String(), string(e.Act.Actor.Capacity),
		f.manner(), f.Resolution, "", "", int64(e.Seq)})
})

// checkSameManner applies Art. VII §2: a reserve is modified or abolished
// in the manner in which it was created.
func checkSameManner(e *Env, f *ReserveFields, verb string) (tables.Row, error) {
	row, ok, err := e.Rows.Get(tables.Reserves, f.ID)
	if err != nil {
		return nil, err
	}
	if !ok || row[8].(string) != "" {
		e.Fail("MB.reserve.known", fmt.Sprintf("no standing reserve %q: set it first with reserve.set", f.ID))
		return nil, nil
	}
	body, manner := row[4].(string), row[5].(string)
	same := body == string(e.Act.Actor.Capacity) && manner == f.manner()
	e.Check("VII.2.reserves", same,
		fmt.Sprintf("%s in the manner in which it was created: by the %s, at a %s", verb, body, manner),
		fmt.Sprintf("reserve %s was created by the %s by %s; the directors %s it only in the same manner (given: the %s by %s)",
			f.ID, body, manner, verb, e.Act.Actor.Capacity, f.manner()),
		N("created_by", body+" ("+manner+")"), N("acted_by", string(e.Act.Actor.Capacity)+" ("+f.manner()+")"))
	return row, nil
}

// ModifyReserve changes a reserve's amount or purpose.
var ModifyReserve = Define(Kind{
	Name:    "reserve.modify",
	Summary: "modify a reserve, in the manner in which it was created",
	Doc:     "The directors change a reserve's sum or purpose, in the manner in which it was created (Art. VII §2): by the same body, at a meeting or by written consent as it was.",
	Actors:  []corp.Capacity{corp.AsBoard, corp.AsCommittee},
	Power:   PowerOrdinary,
	Example: `kind: reserve.modify
effective: 2004-09-20
actor: {as: board}
fields: {id: roof, amount: "90000.00", resolution: "Board resolution 2004-09-20 #4"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *ReserveFields) error {
	row, err := checkSameManner(e, f, "modified")
	if err != nil || row == nil {
		return err
	}
	if f.Amount == nil && f.Purpose == "" {
		e.Fail("VII.2.reserves", "reserve.modify changes nothing: give amount or purpose")
	}
	if f.Amount != nil && f.Amount.Sign() <= 0 {
		e.Fail("VII.2.reserves", "a reserve keeps a positive sum; abolish it with reserve.abolish")
	}
	return nil
}, func(e *Env, f *ReserveFields) error {
	row, _, err := e.Rows.Get(tables.Reserves, f.ID)
	if err != nil {
		return err
	}
	row = append(tables.Row(nil), row...)
	if f.Purpose != "" {
		row[1] = f.Purpose
	}
	if f.Amount != nil {
		row[2] = f.Amount.String()
	}
	row[7] = e.Act.Effective.String()
	return e.Rows.Put(tables.Reserves, row)
})

// AbolishReserve abolishes a reserve.
var AbolishReserve = Define(Kind{
	Name:    "reserve.abolish",
	Summary: "abolish a reserve, in the manner in which it was created",
	Doc:     "The directors abolish a reserve in the manner in which it was created (Art. VII §2); its sum returns to the funds available for dividends.",
	Actors:  []corp.Capacity{corp.AsBoard, corp.AsCommittee},
	Power:   PowerOrdinary,
	Example: `kind: reserve.abolish
effective: 2005-01-10
actor: {as: board}
fields: {id: roof, resolution: "Board resolution 2005-01-10 #2"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *ReserveFields) error {
	_, err := checkSameManner(e, f, "abolished")
	return err
}, func(e *Env, f *ReserveFields) error {
	row, _, err := e.Rows.Get(tables.Reserves, f.ID)
	if err != nil {
		return err
	}
	row = append(tables.Row(nil), row...)
	row[8] = e.Act.Effective.String()
	return e.Rows.Put(tables.Reserves, row)
})
