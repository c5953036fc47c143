package acts

import (
	"fmt"
	"math/big"
	"strings"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// This file holds the non-voting instruments: options, warrants,
// convertibles, restricted stock units and stock appreciation rights
// (DGCL §157; convertible securities). An instrument is not a share: it
// never votes, never counts for a quorum and is never on the stockholder
// list (Art. II §4, Art. VI §7 know only holders of record of shares). Its
// exercise or conversion issues shares through stock.issue's own checks
// and effects, so that issued shares never exceed the authorized shares.

// The instrument types.
const (
	InstrumentOption      = "option"
	InstrumentWarrant     = "warrant"
	InstrumentConvertible = "convertible"
	InstrumentRSU         = "rsu"
	InstrumentSAR         = "sar"
)

// The statuses of an instrument. Lapsed is never stored: it is the status
// on a date after the expiration date of an instrument that was neither
// exercised nor recorded as expired.
const (
	InstrumentOutstanding = "outstanding"
	InstrumentExercised   = "exercised"
	InstrumentCancelled   = "cancelled"
	InstrumentExpired     = "expired"
	InstrumentConverted   = "converted"
	InstrumentLapsed      = "lapsed"
)

// The events of instrument_changes, and the status each leaves an
// instrument in when it takes what remained.
var instrumentEvents = map[string]string{
	"exercise": InstrumentExercised,
	"cancel":   InstrumentCancelled,
	"expire":   InstrumentExpired,
	"convert":  InstrumentConverted,
}

func init() {
	addEngineRules(map[string]engineRule{
		"MB.instrument.unique":     {"DGCL §157(a)", "an instrument id names one instrument"},
		"MB.instrument.known":      {"DGCL §157(a)", "the instrument acted on is recorded and outstanding"},
		"MB.instrument.class":      {"DGCL §157(a), §151(a), §102(a)(4)", "the class an instrument exercises or converts into is authorized by the charter in force; an option, RSU or SAR names it at grant"},
		"MB.instrument.quantity":   {"DGCL §157(a), (b)", "an instrument's quantity and principal are positive, its prices are not negative, and its quantity has no more fractional digits than its class allows"},
		"MB.instrument.exercise":   {"DGCL §157(a), (b)", "an exercise, conversion, cancellation or expiration takes a positive amount no greater than what remains of the instrument; options, warrants, RSUs and SARs are exercised, convertibles converted"},
		"MB.instrument.expiration": {"DGCL §157(b)", "an instrument expires after its grant; it is not exercised after its expiration date, and is recorded as expired no earlier than that date"},
		"MB.instrument.reserve":    {"DGCL §161, §157(a); certificate of incorporation", "the shares issued plus the shares outstanding instruments call for stay within the class's authorized shares (a warning at grant; an exercise beyond authorized is refused by MB.stock.authorized)"},
	})
}

// Instrument is an option, warrant, convertible, RSU or SAR, as recorded
// and, from a query, as it stood on a date.
type Instrument struct {
	ID      string
	Type    string // option, warrant, convertible, rsu, sar
	Subtype string // ISO, NSO, NOTE, SAFE, CSAR, …
	Label   string // the instrument's own number, e.g. CA-1
	Holder  string
	Class   string // the class it exercises or converts into, "" for a future round
	// Quantity is the shares it covers; Principal a convertible's amount
	// invested; Price the exercise, base or conversion price per share;
	// PurchasePrice what was paid for a warrant. Nil when none.
	Quantity, Principal, Price, PurchasePrice *corp.Decimal
	Granted, Expiration                       corp.Date
	Vesting, Plan, Resolution                 string
	// Remaining is the quantity (a convertible: the principal) not yet
	// exercised, converted, cancelled or expired.
	Remaining corp.Decimal
	Status    string
	Closed    corp.Date // when what remained reached zero
	Seq       uint64    // the grant's journal entry
	// AsConverted is the shares of Class that Remaining calls for (from a
	// query); nil when they cannot be determined (a convertible without a
	// share count or conversion price, or no class yet).
	AsConverted *corp.Decimal
}

// initial is what the grant made: the quantity, or a convertible's
// principal.
func (in *Instrument) initial() corp.Decimal {
	if in.Type == InstrumentConvertible {
		return *in.Principal
	}
	return *in.Quantity
}

// unit names what Remaining counts.
func (in *Instrument) unit() string {
	if in.Type == InstrumentConvertible {
		return "of principal"
	}
	return "shares"
}

func dateText(d corp.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// instrumentOf decodes a row of tables.Instruments.
func instrumentOf(r tables.Row) (*Instrument, error) {
	in := &Instrument{ID: r[0].(string), Type: r[1].(string), Subtype: r[2].(string), Label: r[3].(string),
		Holder: r[4].(string), Class: r[5].(string), Vesting: r[12].(string), Plan: r[13].(string),
		Resolution: r[14].(string), Status: r[16].(string), Seq: uint64(r[18].(int64))}
	var err error
	for i, p := range map[int]**corp.Decimal{6: &in.Quantity, 7: &in.Principal, 8: &in.Price, 9: &in.PurchasePrice} {
		if *p, err = optDecimal(r[i].(string)); err != nil {
			return nil, fmt.Errorf("instrument %s: %v", in.ID, err)
		}
	}
	if in.Granted, err = optDate(r[10].(string)); err != nil {
		return nil, err
	}
	if in.Expiration, err = optDate(r[11].(string)); err != nil {
		return nil, err
	}
	if in.Closed, err = optDate(r[17].(string)); err != nil {
		return nil, err
	}
	if in.Remaining, err = corp.ParseDecimal(r[15].(string)); err != nil {
		return nil, fmt.Errorf("instrument %s: %v", in.ID, err)
	}
	return in, nil
}

func (in *Instrument) row(closedSeq int64) tables.Row {
	return tables.Row{in.ID, in.Type, in.Subtype, in.Label, in.Holder, in.Class,
		decString(in.Quantity), decString(in.Principal), decString(in.Price), decString(in.PurchasePrice),
		dateText(in.Granted), dateText(in.Expiration), in.Vesting, in.Plan, in.Resolution,
		in.Remaining.String(), in.Status, dateText(in.Closed), int64(in.Seq), closedSeq}
}

// loadInstrument reads instrument id.
func loadInstrument(r tables.Reader, id string) (*Instrument, bool, error) {
	row, ok, err := r.Get(tables.Instruments, id)
	if err != nil || !ok {
		return nil, false, err
	}
	in, err := instrumentOf(row)
	return in, err == nil, err
}

// truncate returns r rounded toward zero to scale fractional digits.
func truncate(r *big.Rat, scale int) corp.Decimal {
	x := new(big.Rat).Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale)), nil)))
	n := new(big.Int).Quo(x.Num(), x.Denom())
	s := n.String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if scale > 0 {
		for len(s) <= scale {
			s = "0" + s
		}
		s = s[:len(s)-scale] + "." + s[len(s)-scale:]
	}
	if neg {
		s = "-" + s
	}
	d, err := corp.ParseDecimal(s)
	if err != nil {
		return corp.Decimal{}
	}
	return d
}

// asConverted returns the shares of the instrument's class that remaining
// calls for, rounded down to the class's scale: the remaining quantity of
// an option, warrant, RSU or SAR; for a convertible its share count in
// proportion to the principal remaining, else the principal remaining
// divided by its conversion price. Nil when not determinable.
func (in *Instrument) asConverted(remaining corp.Decimal, scale int) *corp.Decimal {
	if in.Class == "" {
		return nil
	}
	if in.Type != InstrumentConvertible {
		d := remaining
		return &d
	}
	switch {
	case in.Quantity != nil && in.Principal.Sign() > 0:
		r := in.Quantity.Rat()
		r.Mul(r, remaining.Rat())
		r.Quo(r, in.Principal.Rat())
		d := truncate(r, scale)
		return &d
	case in.Price != nil && in.Price.Sign() > 0:
		r := remaining.Rat()
		r.Quo(r, in.Price.Rat())
		d := truncate(r, scale)
		return &d
	}
	return nil
}

// GrantFields are the fields of instrument.grant.
type GrantFields struct {
	ID            string        `mb:"id,required" doc:"the instrument's id, unique in the corporation, e.g. opt-2020-1"`
	Type          string        `mb:"type,required" enum:"option,warrant,convertible,rsu,sar" doc:"option, warrant, convertible (note, SAFE), restricted stock unit or stock appreciation right"`
	Subtype       string        `mb:"subtype" doc:"the form: ISO or NSO for an option; NOTE, SAFE or CONVERTIBLE_SECURITY for a convertible; CSAR or SSAR for a SAR"`
	Label         string        `mb:"label" doc:"the instrument's own number, e.g. CA-1 (OCF custom_id); default: the id"`
	Holder        string        `mb:"holder,required" doc:"the person holding the instrument; an instrument carries no vote and does not make its holder a holder of record"`
	Class         string        `mb:"class" doc:"the class or series it exercises or converts into; omitted only for a warrant or convertible that converts into a future round"`
	Quantity      *corp.Decimal `mb:"quantity" doc:"the shares of the class it covers; required except for a convertible"`
	Principal     *corp.Decimal `mb:"principal" doc:"a convertible's principal (the amount invested), in dollars; required for a convertible"`
	Price         *corp.Decimal `mb:"price" doc:"per share, in dollars: the exercise price (option, warrant), base price (SAR) or conversion price (convertible)"`
	PurchasePrice *corp.Decimal `mb:"purchase_price" doc:"what the holder paid for a warrant, in dollars"`
	Expiration    corp.Date     `mb:"expiration" doc:"the last date on which it may be exercised (a convertible: its maturity)"`
	Vesting       string        `mb:"vesting" doc:"the vesting terms, as text"`
	Plan          string        `mb:"plan" doc:"the stock plan it was granted under"`
	Resolution    string        `mb:"resolution,required" doc:"the board resolution that authorized the grant (DGCL §157)"`
}

// GrantInstrument records an option, warrant, convertible, RSU or SAR.
var GrantInstrument = Define(Kind{
	Name:    "instrument.grant",
	Summary: "record an option, warrant, convertible, RSU or SAR: a non-voting instrument",
	Doc: "Records the grant or issue of a right to acquire shares (DGCL §157): an option, a warrant, a " +
		"convertible note or SAFE, a restricted stock unit or a stock appreciation right, with its holder, " +
		"the class it exercises or converts into, its quantity (a convertible: its principal), its price " +
		"per share as an exact decimal, its expiration date, vesting terms and plan, citing the board " +
		"resolution that authorized it. An instrument is not a share: it carries no vote, its holder does " +
		"not become a holder of record, and it is never on the stockholder list; `minutebook instruments` " +
		"lists it and `minutebook holders` shows it as converted, beside the voting view. The class must be " +
		"authorized by the charter in force; a grant that would let outstanding instruments call for more " +
		"shares than remain authorized is recorded with a warning (MB.instrument.reserve), and the exercise " +
		"itself is refused beyond authorized.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary, corp.AsTransferAgent},
	Example: `kind: instrument.grant
effective: 2000-07-01
actor: {person: susan, as: secretary}
fields:
  id: opt-1
  type: option
  subtype: ISO
  holder: bob
  class: common
  quantity: "10000"
  price: "0.25"
  expiration: 2010-06-30
  vesting: "1/4 after one year, then 1/48 monthly"
  plan: "2000 Stock Plan"
  resolution: "Board resolution 2000-06-28 #3"
`,
	NeedsBylaws: true,
}, func(e *Env, f *GrantFields) error {
	if !validInstrumentID(f.ID) {
		e.Fail("MB.instrument.unique", fmt.Sprintf("instrument id %q: write a lower-case letter, then letters, digits, '.', '_' or '-' (at most 64)", f.ID))
	}
	_, taken, err := e.Rows.Get(tables.Instruments, f.ID)
	if err != nil {
		return err
	}
	e.Check("MB.instrument.unique", !taken, fmt.Sprintf("instrument id %s is free", f.ID),
		fmt.Sprintf("instrument %s is already recorded: an id names one instrument", f.ID))
	known, err := e.PersonExists(f.Holder)
	if err != nil {
		return err
	}
	e.Check("MB.person.known", known, fmt.Sprintf("%s holds the instrument (not a holder of record: it carries no vote)", f.Holder),
		fmt.Sprintf("holder %q is not a recorded person: record person.add first", f.Holder))
	convertible := f.Type == InstrumentConvertible
	scale := -1
	if f.Class != "" {
		class, ok := e.class(f.Class)
		if !ok {
			e.Fail("MB.instrument.class", fmt.Sprintf("class %q is not authorized by the charter in force on %s (classes: %s)", f.Class, e.Act.Effective, classIDs(e.Charter)))
		} else {
			scale = class.Scale
			e.Hold("MB.instrument.class", fmt.Sprintf("exercises or converts into %s, a class the charter authorizes", f.Class))
		}
	} else if f.Type == InstrumentWarrant || convertible {
		e.Hold("MB.instrument.class", fmt.Sprintf("the %s converts into a future round: the class is named when it is exercised or converted", f.Type))
	} else {
		e.Fail("MB.instrument.class", fmt.Sprintf("an %s names the class it is exercised into", strings.ToUpper(f.Type)))
	}
	switch {
	case convertible && (f.Principal == nil || f.Principal.Sign() <= 0):
		e.Fail("MB.instrument.quantity", "a convertible states its principal (the amount invested), a positive amount", N("principal", decString(f.Principal)))
	case !convertible && f.Principal != nil:
		e.Fail("MB.instrument.quantity", fmt.Sprintf("only a convertible has a principal; a %s has a quantity", f.Type))
	case !convertible && f.Quantity == nil:
		e.Fail("MB.instrument.quantity", fmt.Sprintf("a %s states the quantity of shares it covers", f.Type))
	}
	if f.Quantity != nil {
		q := *f.Quantity
		switch {
		case q.Sign() <= 0:
			e.Fail("MB.instrument.quantity", fmt.Sprintf("quantity %s: it must be positive", q), N("quantity", q))
		case scale >= 0 && q.Scale() > scale:
			e.Fail("MB.instrument.quantity", fmt.Sprintf("quantity %s: class %s allows %d fractional digits", q, f.Class, scale), N("quantity", q), N("scale", scale))
		default:
			e.Hold("MB.instrument.quantity", fmt.Sprintf("covers %s shares", q.Grouped()), N("quantity", q))
		}
	}
	for name, p := range map[string]*corp.Decimal{"price": f.Price, "purchase_price": f.PurchasePrice} {
		if p != nil && p.Sign() < 0 {
			e.Fail("MB.instrument.quantity", fmt.Sprintf("%s %s may not be negative", name, p), N(name, p))
		}
	}
	if !f.Expiration.IsZero() {
		e.Check("MB.instrument.expiration", f.Expiration.After(e.Act.Effective),
			fmt.Sprintf("expires %s, after its grant", f.Expiration),
			fmt.Sprintf("expiration %s is not after the grant on %s", f.Expiration, e.Act.Effective), N("expiration", f.Expiration))
	}
	e.Hold("III.3.board_powers", "the grant cites the board's resolution: "+f.Resolution)
	if e.Failed() || scale < 0 {
		return nil
	}
	in := grantedInstrument(e, f)
	return e.checkReserve(in)
}, func(e *Env, f *GrantFields) error {
	return e.Rows.Put(tables.Instruments, grantedInstrument(e, f).row(0))
})

func validInstrumentID(s string) bool {
	if len(s) == 0 || len(s) > 64 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func grantedInstrument(e *Env, f *GrantFields) *Instrument {
	in := &Instrument{ID: f.ID, Type: f.Type, Subtype: f.Subtype, Label: f.Label, Holder: f.Holder, Class: f.Class,
		Quantity: f.Quantity, Principal: f.Principal, Price: f.Price, PurchasePrice: f.PurchasePrice,
		Granted: e.Act.Effective, Expiration: f.Expiration, Vesting: f.Vesting, Plan: f.Plan, Resolution: f.Resolution,
		Status: InstrumentOutstanding, Seq: e.Seq}
	if in.Label == "" {
		in.Label = in.ID
	}
	in.Remaining = in.initial()
	return in
}

// checkReserve warns when the shares issued plus the shares the class's
// outstanding instruments call for, this one included, exceed the class's
// authorized shares.
func (e *Env) checkReserve(in *Instrument) error {
	class, _ := e.class(in.Class)
	this := in.asConverted(in.Remaining, class.Scale)
	if this == nil {
		e.Hold("MB.instrument.reserve", "the shares the convertible calls for are fixed at conversion; the conversion is checked against the authorized shares")
		return nil
	}
	issued, _, err := classTotals(e.Rows, in.Class)
	if err != nil {
		return err
	}
	called := *this
	err = e.Rows.Scan(tables.Instruments, nil, func(r tables.Row) error {
		o, err := instrumentOf(r)
		if err != nil || o.Class != in.Class || o.Status != InstrumentOutstanding || o.ID == in.ID {
			return err
		}
		if n := o.asConverted(o.Remaining, class.Scale); n != nil {
			called = called.Add(*n)
		}
		return nil
	})
	if err != nil {
		return err
	}
	issuedD := corp.DecimalFromUnits(issued, class.Scale)
	total := issuedD.Add(called)
	nums := []journal.Number{N("authorized", class.Authorized), N("issued", issuedD), N("instruments", called), N("total", total)}
	if total.Cmp(class.Authorized) <= 0 {
		e.Hold("MB.instrument.reserve", fmt.Sprintf("%s issued and %s called for by outstanding instruments: %s, within the %s %s authorized",
			issuedD.Grouped(), called.Grouped(), total.Grouped(), class.Authorized.Grouped(), in.Class), nums...)
	} else {
		e.Warn("MB.instrument.reserve", fmt.Sprintf("%s issued and %s called for by outstanding instruments: %s, beyond the %s %s authorized; an exercise beyond authorized will be refused until the charter authorizes more",
			issuedD.Grouped(), called.Grouped(), total.Grouped(), class.Authorized.Grouped(), in.Class), nums...)
	}
	return nil
}

// outstandingInstrument loads the instrument an act names and checks that
// it is recorded and outstanding.
func (e *Env) outstandingInstrument(id string) (*Instrument, error) {
	in, ok, err := loadInstrument(e.Rows, id)
	if err != nil {
		return nil, err
	}
	switch {
	case !ok:
		e.Fail("MB.instrument.known", fmt.Sprintf("instrument %q is not recorded: record instrument.grant first", id))
		return nil, nil
	case in.Status != InstrumentOutstanding:
		e.Fail("MB.instrument.known", fmt.Sprintf("instrument %s is %s (%s): nothing of it remains", id, in.Status, in.Closed), N("status", in.Status))
		return nil, nil
	}
	e.Hold("MB.instrument.known", fmt.Sprintf("%s %s of %s is outstanding: %s %s remain", in.Type, id, in.Holder, in.Remaining.Grouped(), in.unit()),
		N("remaining", in.Remaining))
	return in, nil
}

// checkTaken checks that an act takes a positive amount no greater than
// what remains of the instrument.
func (e *Env) checkTaken(in *Instrument, verb string, taken corp.Decimal) {
	nums := []journal.Number{N("remaining", in.Remaining), N(verb, taken), N("remaining_after", in.Remaining.Sub(taken))}
	switch {
	case taken.Sign() <= 0:
		e.Fail("MB.instrument.exercise", fmt.Sprintf("%s %s: the amount must be positive", verb, taken), nums...)
	case taken.Cmp(in.Remaining) > 0:
		e.Fail("MB.instrument.exercise", fmt.Sprintf("%s %s %s of %s: only %s remain", verb, taken.Grouped(), in.unit(), in.ID, in.Remaining.Grouped()), nums...)
	default:
		e.Hold("MB.instrument.exercise", fmt.Sprintf("%s %s of the %s remaining; %s remain after", verb, taken.Grouped(), in.Remaining.Grouped(), in.Remaining.Sub(taken).Grouped()), nums...)
	}
}

// targetClass returns the class an exercise or conversion issues: the
// instrument's, or the one the act names when the instrument has none.
func (e *Env) targetClass(in *Instrument, named string) (string, bool) {
	switch {
	case in.Class != "" && named != "" && named != in.Class:
		e.Fail("MB.instrument.class", fmt.Sprintf("%s exercises or converts into %s, not %s", in.ID, in.Class, named))
		return "", false
	case in.Class != "":
		return in.Class, true
	case named == "":
		e.Fail("MB.instrument.class", fmt.Sprintf("%s converts into a future round: name the class issued (class)", in.ID))
		return "", false
	}
	return named, true
}

// IssueTerms are the terms of the shares an exercise or conversion issues,
// as stock.issue takes them.
type IssueTerms struct {
	Consideration *corp.Decimal `mb:"consideration" doc:"the consideration for the shares issued, in dollars; default: the quantity exercised × the exercise price (a conversion: the principal converted)"`
	Paid          *corp.Decimal `mb:"paid" doc:"the amount paid so far; default: all of it (less makes the shares partly paid, Art. VI §1)"`
	Certificated  *bool         `mb:"certificated" doc:"issue a certificate (default) or an uncertificated position"`
	Signers       []SignerField `mb:"signers" doc:"the two officers who sign the certificate (Art. VI §1)"`
	Number        int64         `mb:"number" doc:"the certificate number; default: the next"`
	Resolution    string        `mb:"resolution" doc:"the authority for the issue; default: the grant's resolution"`
}

func (t *IssueTerms) issue(in *Instrument, verb, class string, shares, defaultConsideration corp.Decimal) *IssueFields {
	cons := defaultConsideration
	if t.Consideration != nil {
		cons = *t.Consideration
	}
	res := t.Resolution
	if res == "" {
		res = fmt.Sprintf("%s of %s %s, granted under: %s", verb, in.Type, in.ID, in.Resolution)
	}
	return &IssueFields{Class: class, Holder: in.Holder, Shares: shares, Consideration: cons, Paid: t.Paid,
		Certificated: t.Certificated, Resolution: res, Signers: t.Signers, Number: t.Number}
}

// issueFor applies stock.issue's effects for an exercise or conversion and
// returns the certificate number it used.
func (e *Env) issueFor(iss *IssueFields) (int64, error) {
	if iss.Number == 0 {
		n, err := nextNumber(e.Rows, "certificate")
		if err != nil {
			return 0, err
		}
		iss.Number = n
	}
	return iss.Number, IssueStock.apply(e, iss)
}

// take records that an act took taken of the instrument (and issued shares
// of class on certificate cert), closing it when nothing remains.
func (e *Env) take(in *Instrument, event string, taken corp.Decimal, class string, shares *corp.Decimal, cert int64, reason string) error {
	in.Remaining = in.Remaining.Sub(taken)
	closedSeq := int64(0)
	if in.Remaining.Sign() == 0 {
		in.Status, in.Closed, closedSeq = instrumentEvents[event], e.Act.Effective, int64(e.Seq)
	}
	if err := e.Rows.Put(tables.Instruments, in.row(closedSeq)); err != nil {
		return err
	}
	return e.Rows.Put(tables.InstrumentChanges, tables.Row{in.ID, e.Act.Effective.String(), int64(e.Seq), event, taken.String(),
		class, decString(shares), cert, reason})
}

// ExerciseFields are the fields of instrument.exercise.
type ExerciseFields struct {
	Instrument string        `mb:"instrument,required" doc:"the option, warrant, RSU or SAR exercised (an RSU: released)"`
	Quantity   corp.Decimal  `mb:"quantity,required" doc:"how much of the instrument is exercised"`
	Shares     *corp.Decimal `mb:"shares" doc:"the shares issued; default: the quantity exercised (a net exercise or a SAR may issue fewer)"`
	Class      string        `mb:"class" doc:"the class issued: the instrument's; named here only when the instrument converts into a future round"`
	IssueTerms
}

// ExerciseInstrument exercises an option, warrant, RSU or SAR, issuing the
// underlying shares through stock.issue.
var ExerciseInstrument = Define(Kind{
	Name:    "instrument.exercise",
	Summary: "exercise an option, warrant, RSU or SAR: issue the underlying shares to its holder",
	Doc: "Exercises part or all of an outstanding option, warrant, restricted stock unit (its release) or " +
		"stock appreciation right on or before its expiration date. The quantity exercised may not exceed " +
		"what remains of the instrument. The shares are issued to the instrument's holder, who becomes a " +
		"holder of record, with every check and effect of stock.issue: the class must be authorized, the " +
		"shares issued may not exceed the authorized shares (MB.stock.authorized), fractions only as the " +
		"class allows, and a certificate is signed by one officer of each group of Art. VI §1. The " +
		"consideration defaults to the quantity × the exercise price.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary, corp.AsTransferAgent},
	Example: `kind: instrument.exercise
effective: 2002-07-01
actor: {person: susan, as: secretary}
fields:
  instrument: opt-1
  quantity: "2500"
  signers:
    - {person: ray, office: president}
    - {person: susan, office: secretary}
`,
	NeedsBylaws: true,
}, func(e *Env, f *ExerciseFields) error {
	in, err := e.outstandingInstrument(f.Instrument)
	if err != nil || in == nil {
		return err
	}
	if in.Type == InstrumentConvertible {
		e.Fail("MB.instrument.exercise", fmt.Sprintf("%s is a convertible: record instrument.convert", in.ID))
		return nil
	}
	if !in.Expiration.IsZero() {
		e.Check("MB.instrument.expiration", !e.Act.Effective.After(in.Expiration),
			fmt.Sprintf("exercised on %s, on or before its expiration %s", e.Act.Effective, in.Expiration),
			fmt.Sprintf("%s expired on %s: it cannot be exercised on %s", in.ID, in.Expiration, e.Act.Effective),
			N("expiration", in.Expiration), N("exercised", e.Act.Effective))
	}
	e.checkTaken(in, "exercise", f.Quantity)
	class, ok := e.targetClass(in, f.Class)
	if !ok || e.Failed() {
		return nil
	}
	return IssueStock.check(e, f.issueFields(in, class))
}, func(e *Env, f *ExerciseFields) error {
	in, _, err := loadInstrument(e.Rows, f.Instrument)
	if err != nil {
		return err
	}
	class := in.Class
	if class == "" {
		class = f.Class
	}
	iss := f.issueFields(in, class)
	cert, err := e.issueFor(iss)
	if err != nil {
		return err
	}
	return e.take(in, "exercise", f.Quantity, class, &iss.Shares, cert, "")
})

func (f *ExerciseFields) issueFields(in *Instrument, class string) *IssueFields {
	shares := f.Quantity
	if f.Shares != nil {
		shares = *f.Shares
	}
	cons := corp.Decimal{}
	if in.Price != nil {
		cons = f.Quantity.Mul(*in.Price)
	}
	verb := "exercise"
	if in.Type == InstrumentRSU {
		verb = "release"
	}
	return f.IssueTerms.issue(in, verb, class, shares, cons)
}

// ConvertFields are the fields of instrument.convert.
type ConvertFields struct {
	Instrument string        `mb:"instrument,required" doc:"the convertible converted"`
	Principal  *corp.Decimal `mb:"principal" doc:"the principal converted, in dollars; default: all that remains"`
	Shares     corp.Decimal  `mb:"shares,required" doc:"the shares issued on the conversion"`
	Class      string        `mb:"class" doc:"the class issued: the convertible's; named here when it converts into a future round"`
	IssueTerms
}

// ConvertInstrument converts a convertible into shares, issued through
// stock.issue.
var ConvertInstrument = Define(Kind{
	Name:    "instrument.convert",
	Summary: "convert a convertible note or SAFE into shares issued to its holder",
	Doc: "Converts part or all of the principal of an outstanding convertible into shares, issued to its " +
		"holder with every check and effect of stock.issue (authorized class, issued within authorized, " +
		"fractions, signers). The principal converted may not exceed what remains; a convertible that " +
		"converts into a future round names the class here. The consideration for the shares defaults to " +
		"the principal converted.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary, corp.AsTransferAgent},
	Example: `kind: instrument.convert
effective: 2003-01-15
actor: {person: susan, as: secretary}
fields:
  instrument: safe-1
  class: common
  shares: "40000"
  certificated: false
`,
	NeedsBylaws: true,
}, func(e *Env, f *ConvertFields) error {
	in, err := e.outstandingInstrument(f.Instrument)
	if err != nil || in == nil {
		return err
	}
	if in.Type != InstrumentConvertible {
		e.Fail("MB.instrument.exercise", fmt.Sprintf("%s is a %s: record instrument.exercise; only a convertible converts", in.ID, in.Type))
		return nil
	}
	e.checkTaken(in, "convert", f.principal(in))
	class, ok := e.targetClass(in, f.Class)
	if !ok || e.Failed() {
		return nil
	}
	return IssueStock.check(e, f.IssueTerms.issue(in, "conversion", class, f.Shares, f.principal(in)))
}, func(e *Env, f *ConvertFields) error {
	in, _, err := loadInstrument(e.Rows, f.Instrument)
	if err != nil {
		return err
	}
	class := in.Class
	if class == "" {
		class = f.Class
	}
	p := f.principal(in)
	iss := f.IssueTerms.issue(in, "conversion", class, f.Shares, p)
	cert, err := e.issueFor(iss)
	if err != nil {
		return err
	}
	return e.take(in, "convert", p, class, &iss.Shares, cert, "")
})

func (f *ConvertFields) principal(in *Instrument) corp.Decimal {
	if f.Principal != nil {
		return *f.Principal
	}
	return in.Remaining
}

// CancelInstrumentFields are the fields of instrument.cancel.
type CancelInstrumentFields struct {
	Instrument string        `mb:"instrument,required" doc:"the instrument cancelled"`
	Quantity   *corp.Decimal `mb:"quantity" doc:"how much is cancelled (a convertible: principal, in dollars); default: all that remains"`
	Reason     string        `mb:"reason,required" doc:"why, e.g. forfeited on termination of employment"`
}

// CancelInstrument cancels part or all of an instrument.
var CancelInstrument = Define(Kind{
	Name:    "instrument.cancel",
	Summary: "cancel part or all of an option, warrant, convertible, RSU or SAR",
	Doc: "Cancels part or all of what remains of an outstanding instrument (forfeiture, surrender, " +
		"repayment of a note), with the reason. No shares are issued; the shares it called for leave the " +
		"fully diluted count.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary, corp.AsTransferAgent},
	Example: `kind: instrument.cancel
effective: 2003-03-01
actor: {person: susan, as: secretary}
fields:
  instrument: opt-1
  quantity: "5000"
  reason: "unvested shares forfeited on termination of employment"
`,
	NeedsBylaws: true,
}, func(e *Env, f *CancelInstrumentFields) error {
	in, err := e.outstandingInstrument(f.Instrument)
	if err != nil || in == nil {
		return err
	}
	e.checkTaken(in, "cancel", f.taken(in))
	return nil
}, func(e *Env, f *CancelInstrumentFields) error {
	in, _, err := loadInstrument(e.Rows, f.Instrument)
	if err != nil {
		return err
	}
	return e.take(in, "cancel", f.taken(in), "", nil, 0, f.Reason)
})

func (f *CancelInstrumentFields) taken(in *Instrument) corp.Decimal {
	if f.Quantity != nil {
		return *f.Quantity
	}
	return in.Remaining
}

// ExpireInstrumentFields are the fields of instrument.expire.
type ExpireInstrumentFields struct {
	Instrument string `mb:"instrument,required" doc:"the instrument whose term has ended"`
	Reason     string `mb:"reason" doc:"a note, e.g. not exercised by its expiration date"`
}

// ExpireInstrument records that what remains of an instrument lapsed at the
// end of its term.
var ExpireInstrument = Define(Kind{
	Name:    "instrument.expire",
	Summary: "record that what remains of an instrument lapsed at its expiration date",
	Doc: "Records that an outstanding instrument's term has ended: all that remains of it expires. It is " +
		"refused before the instrument's expiration date, and for an instrument without one (cancel it " +
		"instead). Until it is recorded, an instrument past its expiration date is shown as lapsed and " +
		"is left out of the fully diluted count.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary, corp.AsTransferAgent},
	Example: `kind: instrument.expire
effective: 2010-06-30
actor: {person: susan, as: secretary}
fields:
  instrument: opt-1
`,
	NeedsBylaws: true,
}, func(e *Env, f *ExpireInstrumentFields) error {
	in, err := e.outstandingInstrument(f.Instrument)
	if err != nil || in == nil {
		return err
	}
	if in.Expiration.IsZero() {
		e.Fail("MB.instrument.expiration", fmt.Sprintf("%s has no expiration date: record instrument.cancel", in.ID))
		return nil
	}
	e.Check("MB.instrument.expiration", !e.Act.Effective.Before(in.Expiration),
		fmt.Sprintf("%s expires on %s; %s %s lapse", in.ID, in.Expiration, in.Remaining.Grouped(), in.unit()),
		fmt.Sprintf("%s expires on %s, not before: on %s it is still outstanding (cancel it instead)", in.ID, in.Expiration, e.Act.Effective),
		N("expiration", in.Expiration), N("effective", e.Act.Effective))
	return nil
}, func(e *Env, f *ExpireInstrumentFields) error {
	in, _, err := loadInstrument(e.Rows, f.Instrument)
	if err != nil {
		return err
	}
	return e.take(in, "expire", in.Remaining, "", nil, 0, f.Reason)
})
