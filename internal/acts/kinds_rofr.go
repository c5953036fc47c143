package acts

// The right of first refusal of Art. VIII §1 as a workflow of acts:
//
//	rofr.notice  the stockholder's notice of a proposed transfer (§1(a))
//	rofr.fmv     the board's fair market value for a gift or below-price transfer (§1(b))
//	rofr.assign  the corporation assigns its option, in whole or in part (§1(c); A-ASSIGN)
//	rofr.elect   the corporation or an assignee elects in writing to buy (§1(b))
//	rofr.decline the corporation declines in writing (recorded; A-EARLYDECLINE)
//	rofr.settle  settlement in cash of every election, all at once (§1(d))
//	rofr.waive   a waiver for a particular transfer, by the board or by consent (§1(g))
//
// A transfer after the option lapses (§1(e)) or under a waiver is an
// ordinary stock.transfer that cites the notice (rofr_notice) or the waiver
// (rofr_waiver); checkROFR sends it to checkFreeWindow or checkWaived here.

import (
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

func init() {
	addEngineRules(map[string]engineRule{
		"MB.rofr.bylaws": {"Art. VIII §1", "the bylaws in force contain the right of first refusal whose workflow the act records"},
		"MB.rofr.notice": {"Art. VIII §1(a)", "an act of the ROFR workflow names a recorded notice that is not yet settled"},
		"MB.rofr.actor":  {"minutebook act path", "a holder or an assignee acting for themself acts only in their own name"},
		"MB.rofr.waiver": {"Art. VIII §1(g)", "a transfer citing a waiver names a recorded waiver"},
	})
	RegisterDeadlines(rofrDeadlines)
}

// ROFRCorporation is the purchaser name of the corporation itself in
// rofr.elect and rofr.settle (an assignee is named by its person id).
const ROFRCorporation = "corporation"

// rofrNotice is one row of tables.ROFRNotices.
type rofrNotice struct {
	Number                    int64
	Holder, Class             string
	Certificates              []int64
	Units                     int64
	Transferee, Nature        string
	Payment                   string
	Price                     *corp.Decimal // nil: none stated
	Consideration, Terms      string
	Received, SecretaryRecv   corp.Date
	OptionFirst, OptionLast   corp.Date
	SettleBy                  corp.Date
	FreeFirst, FreeLast       corp.Date
	FMV                       *corp.Decimal // nil: not determined
	FMVResolution             string
	Declined                  corp.Date
	SettledSeq, Seq           int64
	scale                     int
	elected                   map[string]int64 // by purchaser
	assigned                  map[string]int64 // by assignee
	electedTotal, assignedSum int64
	electedFirst              corp.Date
}

func optDate(s string) (corp.Date, error) {
	if s == "" {
		return corp.Date{}, nil
	}
	return corp.ParseDate(s)
}

func optDecimal(s string) (*corp.Decimal, error) {
	if s == "" {
		return nil, nil
	}
	d, err := corp.ParseDecimal(s)
	return &d, err
}

func decString(d *corp.Decimal) string {
	if d == nil {
		return ""
	}
	return d.String()
}

// loadNotice reads notice n with its assignments and elections.
func loadNotice(r tables.Reader, n int64) (*rofrNotice, bool, error) {
	row, ok, err := r.Get(tables.ROFRNotices, n)
	if err != nil || !ok {
		return nil, false, err
	}
	x := &rofrNotice{Number: n, Holder: row[1].(string), Class: row[2].(string), Units: row[4].(int64),
		Transferee: row[5].(string), Nature: row[6].(string), Payment: row[7].(string),
		Consideration: row[9].(string), Terms: row[10].(string), FMVResolution: row[19].(string),
		SettledSeq: row[21].(int64), Seq: row[22].(int64),
		elected: map[string]int64{}, assigned: map[string]int64{}}
	if err := json.Unmarshal([]byte(row[3].(string)), &x.Certificates); err != nil {
		return nil, false, fmt.Errorf("rofr_notices %d: certificates: %v", n, err)
	}
	for i, p := range []**corp.Decimal{&x.Price, &x.FMV} {
		if *p, err = optDecimal(row[[]int{8, 18}[i]].(string)); err != nil {
			return nil, false, err
		}
	}
	for i, p := range []*corp.Date{&x.Received, &x.SecretaryRecv, &x.OptionFirst, &x.OptionLast, &x.SettleBy, &x.FreeFirst, &x.FreeLast} {
		if *p, err = optDate(row[11+i].(string)); err != nil {
			return nil, false, err
		}
	}
	if x.Declined, err = optDate(row[20].(string)); err != nil {
		return nil, false, err
	}
	if err := r.Scan(tables.ROFRAssignments, []any{n}, func(a tables.Row) error {
		x.assigned[a[1].(string)] += a[2].(int64)
		x.assignedSum += a[2].(int64)
		return nil
	}); err != nil {
		return nil, false, err
	}
	err = r.Scan(tables.ROFRElections, []any{n}, func(el tables.Row) error {
		x.elected[el[1].(string)] += el[2].(int64)
		x.electedTotal += el[2].(int64)
		d, err := corp.ParseDate(el[3].(string))
		if err != nil {
			return err
		}
		if x.electedFirst.IsZero() || d.Before(x.electedFirst) {
			x.electedFirst = d
		}
		return nil
	})
	return x, true, err
}

func (x *rofrNotice) row() tables.Row {
	return tables.Row{x.Number, x.Holder, x.Class, marshalText(x.Certificates), x.Units, x.Transferee, x.Nature,
		x.Payment, decString(x.Price), x.Consideration, x.Terms, x.Received.String(), x.SecretaryRecv.String(),
		x.OptionFirst.String(), x.OptionLast.String(), x.SettleBy.String(), x.FreeFirst.String(), x.FreeLast.String(),
		decString(x.FMV), x.FMVResolution, x.Declined.String(), x.SettledSeq, x.Seq}
}

// purchaserName is how messages name a purchaser.
func purchaserName(p string) string {
	if p == ROFRCorporation {
		return "the corporation"
	}
	return p
}

// shares formats units of the notice's class.
func (x *rofrNotice) shares(units int64) corp.Decimal { return corp.DecimalFromUnits(units, x.scale) }

// optionPrice is the price at which the corporation and its assignees buy
// all the noticed shares: the board's fair market value when one is
// recorded (a gift, a property settlement or a transfer below full price,
// §1(b)), else the notice's price. ok is false when neither is known.
func (x *rofrNotice) optionPrice() (price corp.Decimal, basis string, ok bool) {
	if x.FMV != nil {
		return *x.FMV, "the fair market value the board determined in good faith (§1(b))", true
	}
	if x.Price != nil && x.Nature != "gift" && x.Payment != "none" {
		return *x.Price, "the price stated in the notice", true
	}
	return corp.Decimal{}, "", false
}

// due returns the cash due for units of the noticed shares at the option
// price, exactly, and rounded half up to the cent.
func (x *rofrNotice) due(price corp.Decimal, units int64) (exact *big.Rat, cents corp.Decimal, inexact bool) {
	exact = new(big.Rat).Mul(price.Rat(), big.NewRat(units, x.Units))
	c := new(big.Rat).Mul(exact, big.NewRat(100, 1))
	q, r := new(big.Int).QuoRem(c.Num(), c.Denom(), new(big.Int))
	if new(big.Int).Mul(r, big.NewInt(2)).CmpAbs(c.Denom()) >= 0 {
		q.Add(q, big.NewInt(int64(c.Sign())))
	}
	return exact, corp.DecimalFromUnits(q.Int64(), 2), !c.IsInt()
}

// rofrBylaws checks that the bylaws in force hold the workflow's rules (a
// corporation may adopt bylaws without Art. VIII).
func (e *Env) rofrBylaws() bool {
	for _, id := range []string{"VIII.1.prohibition", "VIII.1.b.option", "VIII.1.d.settlement", "VIII.1.e.free_window"} {
		if e.Bylaws.Rule(id) == nil {
			e.Fail("MB.rofr.bylaws", fmt.Sprintf("the bylaws in force on %s have no rule %s: they contain no right of first refusal to act under", e.Act.Effective, id))
			return false
		}
	}
	return true
}

// openNotice loads the notice an act names, failing when it is unknown or
// settled; scale is filled from the charter in force.
func (e *Env) openNotice(n int64, allowSettled bool) (*rofrNotice, error) {
	x, ok, err := loadNotice(e.Rows, n)
	if err != nil {
		return nil, err
	}
	if !ok {
		e.Fail("MB.rofr.notice", fmt.Sprintf("no notice %d is recorded: record rofr.notice first", n))
		return nil, nil
	}
	if c, ok := e.class(x.Class); ok {
		x.scale = c.Scale
	}
	if x.SettledSeq != 0 && !allowSettled {
		e.Fail("MB.rofr.notice", fmt.Sprintf("notice %d was settled by entry %d; it is closed", n, x.SettledSeq))
		return nil, nil
	}
	return x, nil
}

// rofrActor checks that a holder (or assignee) acting for themself acts
// in their own name.
func (e *Env) rofrActor(name, what string) {
	if e.Act.Actor.Capacity != corp.AsHolder {
		return
	}
	e.Check("MB.rofr.actor", e.Act.Actor.Person == name && name != "",
		fmt.Sprintf("%s acts for themself", name),
		fmt.Sprintf("acting as holder, %q may give only %s; this one is %q's (or record it as the secretary)", e.Act.Actor.Person, what, name))
}

// rofrCertificates checks that certs are outstanding certificates of
// holder, of one class, and returns the class and their units.
func (e *Env) rofrCertificates(rule, holder string, certs []int64) (class string, total int64, ok bool, err error) {
	list, class, ok, err := e.surrender(rule, holder, certs)
	for _, c := range list {
		total += c.units
	}
	return class, total, ok, err
}

// rofrShares checks a share count against the units available.
func (e *Env) rofrShares(rule, class string, shares corp.Decimal, total int64) (int64, bool) {
	c, _ := e.class(class)
	units, ok := shares.Units(c.Scale)
	switch {
	case !ok || units <= 0:
		e.Fail("MB.stock.quantity", fmt.Sprintf("%s shares: the number of shares must be positive and have at most %d fractional digits", shares, c.Scale), N("shares", shares))
		return 0, false
	case units > total:
		e.Fail(rule, fmt.Sprintf("the certificates named hold %s shares; %s cannot come from them", corp.DecimalFromUnits(total, c.Scale).Grouped(), shares.Grouped()),
			N("held", corp.DecimalFromUnits(total, c.Scale)), N("shares", shares))
		return 0, false
	}
	return units, true
}

// rofrWindows computes the windows of a notice received by the
// corporation on received and by the Secretary on secretary (CONV.within_after:
// "for N days following R" is R+1 … R+N). Under A-ROFRDEADLINE split the
// option counts from the corporation's receipt and settlement from the
// Secretary's; under secretary_receipt both count from the Secretary's.
func (e *Env) rofrWindows(received, secretary corp.Date) (optFirst, optLast, settleBy, freeFirst, freeLast corp.Date) {
	optDays, _ := e.Bylaws.Int("VIII.1.b.option", "days")
	settleDays, _ := e.Bylaws.Int("VIII.1.d.settlement", "days")
	freeDays, _ := e.Bylaws.Int("VIII.1.e.free_window", "days")
	r := received
	if e.Bylaws.Choice("A-ROFRDEADLINE") == "secretary_receipt" {
		r = secretary
	}
	optFirst, optLast = r.AddDays(1), r.AddDays(optDays)
	settleBy = secretary.AddDays(settleDays)
	freeFirst, freeLast = optLast.AddDays(1), optLast.AddDays(freeDays)
	return
}

// freeWindow is the window of §1(e) for notice x: from the option's
// expiry (A-EARLYDECLINE from_expiry, the literal reading), or from the
// corporation's written decline under from_decline.
func (e *Env) freeWindow(x *rofrNotice) (first, last corp.Date, early bool) {
	if !x.Declined.IsZero() && x.assignedSum == 0 && e.Bylaws.Choice("A-EARLYDECLINE") == "from_decline" {
		days, _ := e.Bylaws.Int("VIII.1.e.free_window", "days")
		return x.Declined.AddDays(1), x.Declined.AddDays(days), true
	}
	return x.FreeFirst, x.FreeLast, false
}

// ROFRNoticeFields are the fields of rofr.notice.
type ROFRNoticeFields struct {
	Holder            string        `mb:"holder,required" doc:"the transferring stockholder, a holder of record"`
	Transferee        string        `mb:"transferee,required" doc:"the proposed transferee, a recorded person"`
	Certificates      []int64       `mb:"certificates,required" doc:"the certificates (or positions) the shares come from, all of one class"`
	Shares            corp.Decimal  `mb:"shares,required" doc:"the number of shares to be transferred"`
	Nature            string        `mb:"nature" enum:"sale,gift,pledge,operation_of_law" doc:"what kind of transfer (default sale); a pledge needs notice too (A-PLEDGE)"`
	Price             *corp.Decimal `mb:"price" doc:"the proposed consideration for all the shares, in dollars: the price, the stated value of property, or the loan a pledge secures; omit for a gift"`
	Payment           string        `mb:"payment" enum:"cash,indebtedness,property,none" doc:"how the consideration is paid (default cash; none for a gift)"`
	Consideration     string        `mb:"consideration" doc:"the consideration in words where a price does not say it all, e.g. the property given"`
	Terms             string        `mb:"terms" doc:"all other terms and conditions of the proposed transfer (\"none\" when there are none)"`
	Received          corp.Date     `mb:"received" doc:"the date the corporation received the notice (default: the effective date); the option counts from it (A-ROFRDEADLINE)"`
	SecretaryReceived corp.Date     `mb:"secretary_received" doc:"the date the Secretary received it (default: received); settlement counts from it (§1(d))"`
}

// ROFRNoticeKind records a stockholder's notice of a proposed transfer.
var ROFRNoticeKind = Define(Kind{
	Name:    "rofr.notice",
	Summary: "record a stockholder's written notice of a proposed transfer, opening the corporation's option",
	Doc: "A stockholder who wants to sell, give, pledge or otherwise transfer shares first gives the " +
		"corporation written notice naming the proposed transferee and stating the number of shares (from " +
		"which certificates), the consideration and all other terms (Art. VIII §1(a)); a pledge needs notice " +
		"too (A-PLEDGE). The notice gets a number, which the later acts cite. From the dates the corporation " +
		"and the Secretary received it, the act computes and records the corporation's option window " +
		"R+1 … R+30 (§1(b)), the cash settlement deadline 30 days after the Secretary's receipt (§1(d); " +
		"A-ROFRDEADLINE: the two may differ) and the stockholder's free window, the 60 days after the option " +
		"expires (§1(e)); each shows in `minutebook calendar`. The holder gives it (`as: holder`, in their " +
		"own name) or the secretary records it.",
	Actors: []corp.Capacity{corp.AsHolder, corp.AsSecretary, corp.AsAssistantSecretary},
	Example: `kind: rofr.notice
effective: 2003-03-03
actor: {person: susan, as: secretary}
fields:
  holder: dan
  transferee: frank
  certificates: [4]
  shares: "60000"
  price: "300000.00"
  payment: cash
  terms: "closing on 2003-06-15; no other terms"
  received: 2003-03-03
  secretary_received: 2003-03-03
`,
	NeedsBylaws: true,
}, func(e *Env, f *ROFRNoticeFields) error {
	if !e.rofrBylaws() {
		return nil
	}
	e.rofrActor(f.Holder, "their own notice")
	in, err := e.rofrInForce()
	if err != nil {
		return err
	}
	if !in {
		e.Fail("VIII.1.i.termination", fmt.Sprintf("the right of first refusal is not in effect on %s: the shares may be transferred without notice", e.Act.Effective))
		return nil
	}
	class, total, ok, err := e.rofrCertificates("VIII.1.a.notice", f.Holder, f.Certificates)
	if err != nil || !ok {
		return err
	}
	if _, ok := e.rofrShares("VIII.1.a.notice", class, f.Shares, total); !ok {
		return nil
	}
	to, err := e.PersonExists(f.Transferee)
	if err != nil {
		return err
	}
	e.Check("VIII.1.a.notice", to && f.Transferee != f.Holder,
		fmt.Sprintf("names the proposed transferee %s and %s shares from certificates %s", f.Transferee, f.Shares.Grouped(), joinInts(f.Certificates)),
		fmt.Sprintf("the proposed transferee %q must be a recorded person other than the holder: record person.add first", f.Transferee))
	nature, payment := rofrNature(f.Nature, f.Payment)
	switch {
	case f.Price != nil && f.Price.Sign() < 0:
		e.Fail("VIII.1.a.notice", fmt.Sprintf("the price %s is negative", f.Price))
	case f.Price == nil && nature != "gift" && payment != "none" && f.Consideration == "":
		e.Fail("VIII.1.a.notice", "the notice must state the proposed consideration: a price (with payment), the property in words, or nature: gift")
	default:
		e.Hold("VIII.1.a.notice", "states the consideration: "+rofrConsideration(f.Price, nature, payment, f.Consideration))
	}
	e.Check("VIII.1.a.notice", strings.TrimSpace(f.Terms) != "", "states the other terms and conditions: "+f.Terms,
		"the notice must state all other terms and conditions of the proposed transfer (terms: \"none\" when there are none)")
	received, secretary := f.Received, f.SecretaryReceived
	if received.IsZero() {
		received = e.Act.Effective
	}
	if secretary.IsZero() {
		secretary = received
	}
	if received.After(e.Act.Effective) || secretary.After(e.Act.Effective) || secretary.Before(received) {
		e.Fail("VIII.1.a.notice", fmt.Sprintf("received by the corporation %s and by the Secretary %s: both must be on or before the act's date %s, and the Secretary (part of the corporation) cannot receive it before the corporation",
			received, secretary, e.Act.Effective), N("received", received), N("secretary_received", secretary))
		return nil
	}
	if err := e.rofrPending(f.Certificates); err != nil {
		return err
	}
	of, ol, sb, ff, fl := e.rofrWindows(received, secretary)
	e.Hold("VIII.1.b.option", fmt.Sprintf("the corporation's option on all, not less than all, of the %s shares runs %s … %s (30 days following its receipt on %s)",
		f.Shares.Grouped(), of, ol, received), N("received", received), N("option_first_day", of), N("option_last_day", ol), N("shares", f.Shares))
	e.Hold("VIII.1.d.settlement", fmt.Sprintf("if it is exercised, settlement in cash is due by %s (30 days after the Secretary's receipt on %s)", sb, secretary),
		N("secretary_received", secretary), N("settle_by", sb))
	if sb != ol {
		e.Warn("VIII.1.d.settlement", fmt.Sprintf("the Secretary received the notice %d days after the corporation: the option ends %s but settlement is due %s (A-ROFRDEADLINE: the option counts from the corporation's receipt, settlement from the Secretary's)",
			received.DaysUntil(secretary), ol, sb), N("option_last_day", ol), N("settle_by", sb))
	}
	e.Hold("VIII.1.e.free_window", fmt.Sprintf("if the option is not exercised for all the shares, %s may transfer them to %s as the notice specifies from %s to %s",
		f.Holder, f.Transferee, ff, fl), N("free_first_day", ff), N("free_last_day", fl))
	switch {
	case nature == "pledge":
		e.Warn("VIII.1.prohibition", "a pledge is a transfer that needs notice (A-PLEDGE); the corporation's option applies to the pledged shares at the loan terms, or at the fair market value the board determines")
	case nature == "gift" || payment == "none" || f.Price == nil:
		e.Hold("VIII.1.b.fmv", "the transferee pays no stated price: the option price is the fair market value the board determines in good faith (record rofr.fmv before anyone elects)")
	case payment == "property":
		e.Hold("VIII.1.b.fmv", "payable in property: the corporation may pay cash equal to its value (§1(d)); the board may determine the value (rofr.fmv)")
	}
	return nil
}, func(e *Env, f *ROFRNoticeFields) error {
	row, _, err := e.Rows.Get(tables.Certificates, f.Certificates[0])
	if err != nil {
		return err
	}
	class := row[1].(string)
	c, _ := e.class(class)
	units, _ := f.Shares.Units(c.Scale)
	received, secretary := f.Received, f.SecretaryReceived
	if received.IsZero() {
		received = e.Act.Effective
	}
	if secretary.IsZero() {
		secretary = received
	}
	n, err := nextNumber(e.Rows, "rofr_notice")
	if err != nil {
		return err
	}
	if err := e.Rows.Put(tables.Counters, tables.Row{"rofr_notice", n}); err != nil {
		return err
	}
	nature, payment := rofrNature(f.Nature, f.Payment)
	x := &rofrNotice{Number: n, Holder: f.Holder, Class: class, Certificates: f.Certificates, Units: units,
		Transferee: f.Transferee, Nature: nature, Payment: payment, Price: f.Price, Consideration: f.Consideration,
		Terms: f.Terms, Received: received, SecretaryRecv: secretary, Seq: int64(e.Seq)}
	x.OptionFirst, x.OptionLast, x.SettleBy, x.FreeFirst, x.FreeLast = e.rofrWindows(received, secretary)
	return e.Rows.Put(tables.ROFRNotices, x.row())
})

// rofrNature returns the nature and payment with their defaults.
func rofrNature(nature, payment string) (string, string) {
	if nature == "" {
		nature = "sale"
	}
	if payment == "" {
		payment = "cash"
		if nature == "gift" {
			payment = "none"
		}
	}
	return nature, payment
}

func rofrConsideration(price *corp.Decimal, nature, payment, words string) string {
	s := nature
	if price != nil {
		s += fmt.Sprintf(" for $%s", price.Grouped())
	}
	if payment != "none" {
		s += ", payable in " + payment
	}
	if words != "" {
		s += " (" + words + ")"
	}
	return s
}

func joinInts(ns []int64) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ", ")
}

// rofrPending refuses a notice for certificates another notice still
// holds: its option is running, or it was exercised and awaits settlement.
func (e *Env) rofrPending(certs []int64) error {
	d := e.Act.Effective
	return e.Rows.Scan(tables.ROFRNotices, nil, func(r tables.Row) error {
		if r[21].(int64) != 0 {
			return nil
		}
		var theirs []int64
		if err := json.Unmarshal([]byte(r[3].(string)), &theirs); err != nil {
			return err
		}
		overlap := false
		for _, c := range certs {
			overlap = overlap || slices.Contains(theirs, c)
		}
		if !overlap {
			return nil
		}
		x, _, err := loadNotice(e.Rows, r[0].(int64))
		if err != nil {
			return err
		}
		switch {
		case !d.After(x.OptionLast):
			e.Fail("VIII.1.a.notice", fmt.Sprintf("notice %d already covers certificates %s and its option runs until %s: a new notice may follow only after it", x.Number, joinInts(theirs), x.OptionLast))
		case x.electedTotal == x.Units:
			e.Fail("VIII.1.a.notice", fmt.Sprintf("the option on notice %d was exercised for all its shares; it awaits settlement (rofr.settle)", x.Number))
		}
		return nil
	})
}

// ROFRFMVFields are the fields of rofr.fmv.
type ROFRFMVFields struct {
	Notice     int64        `mb:"notice,required" doc:"the notice's number"`
	Value      corp.Decimal `mb:"value,required" doc:"the fair market value of all the noticed shares, in dollars"`
	Resolution string       `mb:"resolution,required" doc:"the board resolution that determined it"`
	Basis      string       `mb:"basis" doc:"how the board arrived at it (appraisal, recent sales ...)"`
}

// ROFRFMV records the board's fair market value for a notice.
var ROFRFMV = Define(Kind{
	Name:    "rofr.fmv",
	Summary: "record the board's good-faith fair market value of the noticed shares",
	Doc: "For a gift, a property settlement or any transfer in which the transferee does not pay the full " +
		"price, the price of the corporation's option is the fair market value the Board of Directors " +
		"determines in good faith (Art. VIII §1(b)); for a pledge it may be the loan terms or that value " +
		"(A-PLEDGE). The value covers all the noticed shares and is fixed before anyone elects. Good faith is " +
		"the board's judgment: minutebook records it and cites the resolution, it cannot decide it.",
	Actors: []corp.Capacity{corp.AsBoard},
	Power:  PowerOrdinary,
	Example: `kind: rofr.fmv
effective: 2003-03-10
actor: {as: board}
fields: {notice: 1, value: "330000.00", resolution: "Board resolution 2003-03-10 #1", basis: "independent appraisal"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *ROFRFMVFields) error {
	if !e.rofrBylaws() {
		return nil
	}
	x, err := e.openNotice(f.Notice, false)
	if err != nil || x == nil {
		return err
	}
	if f.Value.Sign() <= 0 {
		e.Fail("VIII.1.b.fmv", fmt.Sprintf("the fair market value %s must be positive", f.Value))
		return nil
	}
	if x.electedTotal > 0 {
		e.Fail("VIII.1.b.fmv", fmt.Sprintf("elections for %s shares were given from %s at the price then in force: the price cannot change after an election", x.shares(x.electedTotal).Grouped(), x.electedFirst))
		return nil
	}
	nums := []journal.Number{N("fair_market_value", f.Value)}
	switch {
	case x.Nature == "sale" && x.Price != nil && (x.Payment == "cash" || x.Payment == "indebtedness"):
		nums = append(nums, N("notice_price", *x.Price))
		e.Check("VIII.1.b.fmv", f.Value.Cmp(*x.Price) > 0,
			fmt.Sprintf("the transferee pays $%s, less than the fair market value $%s: not the full price, so the option price is the value", x.Price.Grouped(), f.Value.Grouped()),
			fmt.Sprintf("the notice's price $%s is at or above the value $%s: the transferee pays the full price, and the option price stays the notice's price", x.Price.Grouped(), f.Value.Grouped()), nums...)
	default:
		e.Hold("VIII.1.b.fmv", fmt.Sprintf("%s: the option price is the fair market value $%s the board determined (%s); good faith is the board's judgment",
			rofrConsideration(x.Price, x.Nature, x.Payment, x.Consideration), f.Value.Grouped(), f.Resolution), nums...)
	}
	if x.Nature == "pledge" {
		e.Warn("VIII.1.b.fmv", "a pledge: the option applies at the fair market value rather than the loan terms (A-PLEDGE)")
	}
	return nil
}, func(e *Env, f *ROFRFMVFields) error {
	x, _, err := loadNotice(e.Rows, f.Notice)
	if err != nil {
		return err
	}
	v := f.Value
	x.FMV, x.FMVResolution = &v, f.Resolution
	return e.Rows.Put(tables.ROFRNotices, x.row())
})

// ROFRAssignFields are the fields of rofr.assign.
type ROFRAssignFields struct {
	Notice     int64         `mb:"notice,required" doc:"the notice's number"`
	Assignee   string        `mb:"assignee,required" doc:"the person the option is assigned to"`
	Shares     *corp.Decimal `mb:"shares" doc:"the shares of the option assigned; default all the corporation still holds (A-ASSIGN allows part)"`
	Resolution string        `mb:"resolution,required" doc:"the board resolution that assigned it"`
}

// ROFRAssign records the corporation's assignment of its option.
var ROFRAssign = Define(Kind{
	Name:    "rofr.assign",
	Summary: "assign the corporation's option on a notice, in whole or in part",
	Doc: "The corporation may assign its rights (Art. VIII §1(c)), while its option runs. Under A-ASSIGN " +
		"(partial_combined_all) it may assign part of the option to one or more assignees; the corporation " +
		"keeps the rest, and the elections of the corporation and its assignees together must reach all the " +
		"noticed shares. Under whole_only an assignment takes the whole option.",
	Actors: []corp.Capacity{corp.AsBoard},
	Power:  PowerOrdinary,
	Example: `kind: rofr.assign
effective: 2003-03-12
actor: {as: board}
fields: {notice: 1, assignee: bob, shares: "20000", resolution: "Board resolution 2003-03-12 #2"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *ROFRAssignFields) error {
	if !e.rofrBylaws() {
		return nil
	}
	x, err := e.openNotice(f.Notice, false)
	if err != nil || x == nil {
		return err
	}
	if !e.rofrOptionOpen(x, "VIII.1.c.assignment", "assign") {
		return nil
	}
	known, err := e.PersonExists(f.Assignee)
	if err != nil {
		return err
	}
	e.Check("VIII.1.c.assignment", known && f.Assignee != x.Holder && f.Assignee != ROFRCorporation,
		fmt.Sprintf("%s is a recorded person other than the transferring stockholder", f.Assignee),
		fmt.Sprintf("the assignee %q must be a recorded person other than the transferring stockholder %s", f.Assignee, x.Holder))
	remaining := x.Units - x.assignedSum - x.elected[ROFRCorporation]
	units := remaining
	if f.Shares != nil {
		u, ok := f.Shares.Units(x.scale)
		if !ok || u <= 0 {
			e.Fail("MB.stock.quantity", fmt.Sprintf("%s shares: the number of shares must be positive and have at most %d fractional digits", f.Shares, x.scale))
			return nil
		}
		units = u
	}
	nums := []journal.Number{N("noticed", x.shares(x.Units)), N("assigned_before", x.shares(x.assignedSum)),
		N("corporation_elected", x.shares(x.elected[ROFRCorporation])), N("assigned", x.shares(units))}
	if units <= 0 || units > remaining {
		e.Fail("VIII.1.c.assignment", fmt.Sprintf("the corporation holds the option on %s of the %s noticed shares (not yet assigned or elected); it cannot assign %s",
			x.shares(remaining).Grouped(), x.shares(x.Units).Grouped(), x.shares(units).Grouped()), nums...)
		return nil
	}
	if e.Bylaws.Choice("A-ASSIGN") == "whole_only" {
		e.Check("VIII.1.c.assignment", units == x.Units && x.assignedSum == 0 && x.electedTotal == 0,
			fmt.Sprintf("the whole option on %s shares is assigned to %s", x.shares(units).Grouped(), f.Assignee),
			"the corporation may assign only the whole option (A-ASSIGN reading whole_only)", nums...)
		return nil
	}
	if units < x.Units {
		e.Warn("VIII.1.c.assignment", fmt.Sprintf("a partial assignment of %s of the %s shares to %s (A-ASSIGN: allowed; the corporation and its assignees together must take all %s)",
			x.shares(units).Grouped(), x.shares(x.Units).Grouped(), f.Assignee, x.shares(x.Units).Grouped()), nums...)
	} else {
		e.Hold("VIII.1.c.assignment", fmt.Sprintf("the whole option on %s shares is assigned to %s", x.shares(units).Grouped(), f.Assignee), nums...)
	}
	return nil
}, func(e *Env, f *ROFRAssignFields) error {
	x, _, err := loadNotice(e.Rows, f.Notice)
	if err != nil {
		return err
	}
	if c, ok := e.class(x.Class); ok {
		x.scale = c.Scale
	}
	units := x.Units - x.assignedSum - x.elected[ROFRCorporation]
	if f.Shares != nil {
		units, _ = f.Shares.Units(x.scale)
	}
	return e.Rows.Put(tables.ROFRAssignments, tables.Row{f.Notice, f.Assignee, x.assigned[f.Assignee] + units, f.Resolution, e.Act.Effective.String(), int64(e.Seq)})
})

// rofrOptionOpen checks that the option of notice x runs on the act's date
// (and the ROFR is in effect), for an act that does what.
func (e *Env) rofrOptionOpen(x *rofrNotice, rule, what string) bool {
	d := e.Act.Effective
	in, err := e.rofrInForce()
	if err == nil && !in {
		e.Fail("VIII.1.i.termination", fmt.Sprintf("the right of first refusal ended before %s, and with it the option on notice %d", d, x.Number))
		return false
	}
	nums := []journal.Number{N("received", x.Received), N("option_first_day", x.OptionFirst), N("option_last_day", x.OptionLast), N("date", d)}
	switch {
	case d.Before(x.Received):
		e.Fail(rule, fmt.Sprintf("on %s the corporation had not yet received notice %d (received %s)", d, x.Number, x.Received), nums...)
		return false
	case d.After(x.OptionLast):
		e.Fail(rule, fmt.Sprintf("the option on notice %d expired at the end of %s (window %s … %s, 30 days following receipt on %s): too late to %s on %s",
			x.Number, x.OptionLast, x.OptionFirst, x.OptionLast, x.Received, what, d), nums...)
		return false
	case d.Before(x.OptionFirst):
		e.Warn(rule, fmt.Sprintf("on the day of receipt (%s), before day 1 of the window %s … %s (CONV.within_after); the option runs from receipt, so it is allowed", d, x.OptionFirst, x.OptionLast), nums...)
	default:
		e.Hold(rule, fmt.Sprintf("within the option window %s … %s of notice %d", x.OptionFirst, x.OptionLast, x.Number), nums...)
	}
	return true
}

// ROFRElectFields are the fields of rofr.elect.
type ROFRElectFields struct {
	Notice    int64         `mb:"notice,required" doc:"the notice's number"`
	Purchaser string        `mb:"purchaser" doc:"corporation (default), or the assignee electing"`
	Shares    *corp.Decimal `mb:"shares" doc:"the shares elected; default all the purchaser may still elect"`
}

// ROFRElect records a written notice of election to buy noticed shares.
var ROFRElect = Define(Kind{
	Name:    "rofr.elect",
	Summary: "record the written notice of election to buy the noticed shares, by the corporation or an assignee",
	Doc: "The corporation (by the board or the secretary) or an assignee (`as: holder` in their own name, or " +
		"recorded by the secretary) gives the transferring stockholder written notice that it elects to buy " +
		"(Art. VIII §1(b)). The election must fall within the option window R+1 … R+30 (CONV.within_after; " +
		"on the day of receipt it is allowed with a warning), and is flagged on the last day, when settlement " +
		"may fall due the same day (A-ROFRDEADLINE). The corporation elects at most the shares it has not " +
		"assigned, an assignee at most those assigned to it. All, but not less than all: the option is " +
		"exercised only when the elections together reach 100% of the noticed shares; an election that falls " +
		"short is recorded with a warning, one beyond what may be elected is refused, and if the total is " +
		"short when the window ends the option lapses and the free window opens (§1(e)). The price is the " +
		"notice's, or the board's fair market value (rofr.fmv), which a gift requires before anyone elects.",
	Actors: []corp.Capacity{corp.AsBoard, corp.AsSecretary, corp.AsHolder},
	Power:  PowerOrdinary,
	Example: `kind: rofr.elect
effective: 2003-03-20
actor: {person: susan, as: secretary}
fields: {notice: 1, purchaser: corporation, shares: "60000"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *ROFRElectFields) error {
	if !e.rofrBylaws() {
		return nil
	}
	x, err := e.openNotice(f.Notice, false)
	if err != nil || x == nil {
		return err
	}
	p := f.Purchaser
	if p == "" {
		p = ROFRCorporation
	}
	if e.Act.Actor.Capacity == corp.AsHolder && p == ROFRCorporation {
		e.Fail("MB.rofr.actor", "the corporation elects by the board or the secretary, not as a holder")
		return nil
	}
	e.rofrActor(p, "their own election")
	if !e.rofrOptionOpen(x, "VIII.1.b.election_notice", "elect") {
		return nil
	}
	if d := e.Act.Effective; d == x.OptionLast {
		e.Warn("VIII.1.b.election_notice", fmt.Sprintf("elected on the last day of the option (%s); settlement is due by %s (A-ROFRDEADLINE)", d, x.SettleBy),
			N("option_last_day", x.OptionLast), N("settle_by", x.SettleBy))
	}
	if p == ROFRCorporation && !x.Declined.IsZero() {
		e.Fail("VIII.1.b.option", fmt.Sprintf("the corporation declined in writing on %s", x.Declined))
		return nil
	}
	price, basis, ok := x.optionPrice()
	if !ok {
		e.Fail("VIII.1.b.fmv", fmt.Sprintf("notice %d states no price the option can take (%s): the board must first determine the fair market value (rofr.fmv)",
			x.Number, rofrConsideration(x.Price, x.Nature, x.Payment, x.Consideration)))
		return nil
	}
	var entitled int64
	if p == ROFRCorporation {
		entitled = x.Units - x.assignedSum
	} else {
		entitled = x.assigned[p]
		if entitled == 0 {
			e.Fail("VIII.1.c.assignment", fmt.Sprintf("%s holds no assignment of the option on notice %d (rofr.assign first)", p, x.Number))
			return nil
		}
	}
	avail := entitled - x.elected[p]
	units := avail
	if f.Shares != nil {
		u, ok := f.Shares.Units(x.scale)
		if !ok || u <= 0 {
			e.Fail("MB.stock.quantity", fmt.Sprintf("%s shares: the number of shares must be positive and have at most %d fractional digits", f.Shares, x.scale))
			return nil
		}
		units = u
	}
	after := x.electedTotal + units
	nums := []journal.Number{N("noticed", x.shares(x.Units)), N("elected_before", x.shares(x.electedTotal)),
		N("elected", x.shares(units)), N("elected_total", x.shares(after))}
	if units <= 0 || units > avail {
		who := "the corporation holds the option on " + x.shares(entitled).Grouped() + " shares (the rest is assigned)"
		if p != ROFRCorporation {
			who = fmt.Sprintf("%s's assignment covers %s shares", p, x.shares(entitled).Grouped())
		}
		e.Fail("VIII.1.b.option", fmt.Sprintf("%s, of which %s are already elected: %s may elect at most %s more, not %s; the elections together may not exceed the %s noticed shares",
			who, x.shares(x.elected[p]).Grouped(), purchaserName(p), x.shares(max(avail, 0)).Grouped(), x.shares(units).Grouped(), x.shares(x.Units).Grouped()), nums...)
		return nil
	}
	_, cents, _ := x.due(price, units)
	if after == x.Units {
		e.Hold("VIII.1.b.option", fmt.Sprintf("all, not less than all: the elections total %s of the %s noticed shares, at %s, $%s",
			x.shares(after).Grouped(), x.shares(x.Units).Grouped(), basis, price.Grouped()), append(nums, N("price", price))...)
	} else {
		e.Warn("VIII.1.b.option", fmt.Sprintf("the elections total %s of the %s noticed shares: the option is exercised only if they reach all %s by %s; otherwise it lapses and none of them binds (A-ASSIGN)",
			x.shares(after).Grouped(), x.shares(x.Units).Grouped(), x.shares(x.Units).Grouped(), x.OptionLast), nums...)
	}
	e.Hold("VIII.1.d.settlement", fmt.Sprintf("the Secretary notifies %s; %s pays $%s in cash for %s shares by %s (30 days after the Secretary's receipt on %s)",
		x.Holder, purchaserName(p), cents.Grouped(), x.shares(units).Grouped(), x.SettleBy, x.SecretaryRecv), N("amount", cents), N("settle_by", x.SettleBy))
	if p == ROFRCorporation {
		e.Warn("VIII.1.b.option", "the corporation buys its own shares: DGCL §160 forbids it when its capital is impaired or would be; minutebook does not hold the balance sheet, so that is the board's to confirm")
	}
	return nil
}, func(e *Env, f *ROFRElectFields) error {
	x, _, err := loadNotice(e.Rows, f.Notice)
	if err != nil {
		return err
	}
	if c, ok := e.class(x.Class); ok {
		x.scale = c.Scale
	}
	p := f.Purchaser
	if p == "" {
		p = ROFRCorporation
	}
	entitled := x.assigned[p]
	if p == ROFRCorporation {
		entitled = x.Units - x.assignedSum
	}
	units := entitled - x.elected[p]
	if f.Shares != nil {
		units, _ = f.Shares.Units(x.scale)
	}
	elected := e.Act.Effective.String()
	if row, ok, err := e.Rows.Get(tables.ROFRElections, f.Notice, p); err != nil {
		return err
	} else if ok {
		elected = row[3].(string)
	}
	return e.Rows.Put(tables.ROFRElections, tables.Row{f.Notice, p, x.elected[p] + units, elected, int64(e.Seq)})
})

// ROFRDeclineFields are the fields of rofr.decline.
type ROFRDeclineFields struct {
	Notice     int64  `mb:"notice,required" doc:"the notice's number"`
	Resolution string `mb:"resolution" doc:"the board resolution or letter declining"`
}

// ROFRDecline records the corporation's written decline of its option.
var ROFRDecline = Define(Kind{
	Name:    "rofr.decline",
	Summary: "record the corporation's written decline of its option on a notice",
	Doc: "The corporation tells the stockholder in writing, before its option expires, that it will not " +
		"buy. Under A-EARLYDECLINE (from_expiry, the literal reading of Art. VIII §1(e)) this does not open " +
		"the stockholder's free window early: it still runs the 60 days after the option expires. Under " +
		"from_decline, and when no part of the option is assigned, it runs the 60 days after the decline.",
	Actors: []corp.Capacity{corp.AsBoard, corp.AsSecretary},
	Power:  PowerOrdinary,
	Example: `kind: rofr.decline
effective: 2003-03-10
actor: {as: board}
fields: {notice: 1, resolution: "Board resolution 2003-03-10 #3"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *ROFRDeclineFields) error {
	if !e.rofrBylaws() {
		return nil
	}
	x, err := e.openNotice(f.Notice, false)
	if err != nil || x == nil {
		return err
	}
	if !e.rofrOptionOpen(x, "VIII.1.b.option", "decline") {
		return nil
	}
	if x.elected[ROFRCorporation] > 0 || !x.Declined.IsZero() {
		e.Fail("VIII.1.b.option", fmt.Sprintf("the corporation already elected or declined on notice %d", x.Number))
		return nil
	}
	first, last, early := e.freeWindow(&rofrNotice{Declined: e.Act.Effective, FreeFirst: x.FreeFirst, FreeLast: x.FreeLast, assignedSum: x.assignedSum})
	nums := []journal.Number{N("declined", e.Act.Effective), N("free_first_day", first), N("free_last_day", last)}
	if early {
		e.Warn("VIII.1.e.free_window", fmt.Sprintf("the written decline opens the free window early (A-EARLYDECLINE from_decline): %s … %s", first, last), nums...)
	} else {
		e.Warn("VIII.1.e.free_window", fmt.Sprintf("a written decline does not start the free window early (A-EARLYDECLINE, literal): it still runs %s … %s, after the option expires on %s", first, last, x.OptionLast), nums...)
	}
	return nil
}, func(e *Env, f *ROFRDeclineFields) error {
	x, _, err := loadNotice(e.Rows, f.Notice)
	if err != nil {
		return err
	}
	x.Declined = e.Act.Effective
	return e.Rows.Put(tables.ROFRNotices, x.row())
})

// ROFRPayment is the cash one purchaser pays at settlement.
type ROFRPayment struct {
	Purchaser string       `mb:"purchaser,required" doc:"corporation, or the assignee"`
	Amount    corp.Decimal `mb:"amount,required" doc:"the cash paid, in dollars"`
}

// ROFRSettleFields are the fields of rofr.settle.
type ROFRSettleFields struct {
	Notice       int64         `mb:"notice,required" doc:"the notice's number"`
	Payments     []ROFRPayment `mb:"payments,required" doc:"the cash each purchaser pays, one entry per purchaser who elected"`
	Evidence     string        `mb:"evidence,required" enum:"endorsed,succession,authority" doc:"duly endorsed certificates, or proper evidence of succession or authority to transfer (Art. VI §4)"`
	Certificated *bool         `mb:"certificated" doc:"issue the new certificates (default) or uncertificated positions"`
	Signers      []SignerField `mb:"signers" doc:"the two officers who sign the assignees' and the balance certificates (Art. VI §1)"`
}

// ROFRSettle settles an exercised option: the holder's shares go to the
// corporation (treasury) and the assignees, against cash.
var ROFRSettle = Define(Kind{
	Name:    "rofr.settle",
	Summary: "settle an exercised option in cash: the shares go to the corporation's treasury and to the assignees",
	Doc: "Once the elections reach all the noticed shares, the shares are transferred against cash within " +
		"30 days after the Secretary received the notice (Art. VIII §1(d)); one act settles every election " +
		"of the notice. The noticed certificates are surrendered and cancelled; the corporation's shares " +
		"become treasury shares (issued, not outstanding; DGCL §160), with no new certificate; each assignee " +
		"gets a certificate; the rest of the certificates returns to the holder on a balance certificate. " +
		"Each purchaser pays its share of the option price (the notice's price or the board's fair market " +
		"value) pro rata to the shares it elected, in cash, to the cent; where the notice's terms were payable " +
		"in property the cash equals the property's value (§1(d)).",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary, corp.AsTransferAgent},
	Example: `kind: rofr.settle
effective: 2003-04-01
actor: {person: susan, as: secretary}
fields:
  notice: 1
  payments: [{purchaser: corporation, amount: "300000.00"}]
  evidence: endorsed
  signers:
    - {person: ray, office: president}
    - {person: susan, office: secretary}
`,
	NeedsBylaws: true,
}, func(e *Env, f *ROFRSettleFields) error {
	if !e.rofrBylaws() {
		return nil
	}
	x, err := e.openNotice(f.Notice, false)
	if err != nil || x == nil {
		return err
	}
	d := e.Act.Effective
	nums := []journal.Number{N("noticed", x.shares(x.Units)), N("elected_total", x.shares(x.electedTotal))}
	if x.electedTotal != x.Units {
		e.Fail("VIII.1.b.option", fmt.Sprintf("the elections on notice %d total %s of the %s noticed shares: the option is exercised only for all of them, so there is nothing to settle",
			x.Number, x.shares(x.electedTotal).Grouped(), x.shares(x.Units).Grouped()), nums...)
		return nil
	}
	e.Check("VIII.1.d.settlement", !d.After(x.SettleBy),
		fmt.Sprintf("settled %s, within 30 days after the Secretary's receipt on %s (by %s)", d, x.SecretaryRecv, x.SettleBy),
		fmt.Sprintf("settlement is due in cash within 30 days after the Secretary's receipt on %s, by %s; %s is late", x.SecretaryRecv, x.SettleBy, d),
		N("secretary_received", x.SecretaryRecv), N("settle_by", x.SettleBy), N("date", d))
	_, total, ok, err := e.rofrCertificates("VI.4.transfer", x.Holder, x.Certificates)
	if err != nil || !ok {
		return err
	}
	if total < x.Units {
		e.Fail("VI.4.transfer", fmt.Sprintf("certificates %s now hold %s shares, fewer than the %s noticed", joinInts(x.Certificates), x.shares(total).Grouped(), x.shares(x.Units).Grouped()))
		return nil
	}
	price, basis, _ := x.optionPrice()
	paid := map[string]bool{}
	for _, pay := range f.Payments {
		units, elected := x.elected[pay.Purchaser]
		switch {
		case paid[pay.Purchaser]:
			e.Fail("VIII.1.d.settlement", fmt.Sprintf("two payments by %s", pay.Purchaser))
			continue
		case !elected:
			e.Fail("VIII.1.d.settlement", fmt.Sprintf("%s did not elect to buy shares of notice %d", pay.Purchaser, x.Number))
			continue
		}
		paid[pay.Purchaser] = true
		exact, cents, inexact := x.due(price, units)
		pn := []journal.Number{N("purchaser", pay.Purchaser), N("shares", x.shares(units)), N("price", price), N("due", cents), N("paid", pay.Amount)}
		okAmount := pay.Amount.Rat().Cmp(exact) == 0 || (inexact && pay.Amount.Cmp(cents) == 0)
		e.Check("VIII.1.d.settlement", okAmount,
			fmt.Sprintf("%s pays $%s in cash for %s shares: %s of %s at %s, $%s", purchaserName(pay.Purchaser), pay.Amount.Grouped(), x.shares(units).Grouped(),
				x.shares(units).Grouped(), x.shares(x.Units).Grouped(), basis, price.Grouped()),
			fmt.Sprintf("%s owes $%s in cash for %s shares (%s of %s at $%s); $%s is offered", purchaserName(pay.Purchaser), cents.Grouped(), x.shares(units).Grouped(),
				x.shares(units).Grouped(), x.shares(x.Units).Grouped(), price.Grouped(), pay.Amount.Grouped()), pn...)
		if inexact && okAmount {
			e.Warn("VIII.1.d.settlement", fmt.Sprintf("%s's pro rata share of the price is not a whole number of cents; rounded half up to $%s", pay.Purchaser, cents.Grouped()))
		}
	}
	for p := range x.elected {
		if !paid[p] {
			e.Fail("VIII.1.d.settlement", fmt.Sprintf("no payment by %s, who elected %s shares: one act settles every election of the notice", p, x.shares(x.elected[p]).Grouped()))
		}
	}
	switch x.Payment {
	case "property":
		e.Hold("VIII.1.d.settlement", "the notice's terms were payable in property: the corporation pays cash equal to its value (§1(d))")
	case "indebtedness":
		e.Warn("VIII.1.d.settlement", "the notice's terms were payable in evidences of indebtedness; settlement is in cash, as §1(d) requires")
	}
	if u := x.elected[ROFRCorporation]; u > 0 {
		e.Hold("MB.stock.treasury", fmt.Sprintf("the corporation's %s shares become treasury shares: issued, not outstanding, without vote", x.shares(u).Grouped()))
	}
	certificated := f.Certificated == nil || *f.Certificated
	newCerts := total > x.Units || len(x.elected) > 1 || x.elected[ROFRCorporation] == 0
	switch {
	case certificated && newCerts:
		return e.checkSigners(f.Signers)
	case !certificated && len(f.Signers) > 0:
		e.Fail("VI.1.certificate_signers", "an uncertificated position has no signers")
	}
	return nil
}, func(e *Env, f *ROFRSettleFields) error {
	x, _, err := loadNotice(e.Rows, f.Notice)
	if err != nil {
		return err
	}
	certs, _, total, earliest, err := cancelSurrendered(e, x.Certificates)
	if err != nil {
		return err
	}
	// The consideration payable to the corporation follows the shares pro
	// rata (the ROFR price is paid between the parties, not to it).
	var cons, paid corp.Decimal
	for _, c := range certs {
		cd, _ := corp.ParseDecimal(c.row[7].(string))
		pd, _ := corp.ParseDecimal(c.row[8].(string))
		cons, paid = cons.Add(cd), paid.Add(pd)
	}
	// The holder's balance keeps the share of what was not sold.
	restCons, restPaid := cons.Sub(prorata(cons, x.Units, total)), paid.Sub(prorata(paid, x.Units, total))
	certificated := f.Certificated == nil || *f.Certificated
	signers := "[]"
	if certificated {
		signers = marshalText(f.Signers)
	}
	legends := marshalText(e.legendsQuiet(false))
	next, err := nextNumber(e.Rows, "certificate")
	if err != nil {
		return err
	}
	date := e.Act.Effective.String()
	purchasers := make([]string, 0, len(x.elected))
	for p := range x.elected {
		purchasers = append(purchasers, p)
	}
	slices.Sort(purchasers)
	issued := false
	for _, p := range purchasers {
		units := x.elected[p]
		if p == ROFRCorporation {
			iss, treasury, err := classTotals(e.Rows, x.Class)
			if err != nil {
				return err
			}
			if err := e.Rows.Put(tables.ClassTotals, tables.Row{x.Class, iss, treasury + units}); err != nil {
				return err
			}
			continue
		}
		if issued {
			next++
		}
		issued = true
		pc, pp := prorata(cons, units, total), prorata(paid, units, total)
		if err := e.Rows.Put(tables.Certificates, tables.Row{next, x.Class, p, units, date, CertOutstanding,
			boolInt(certificated), pc.String(), pp.String(), signers, legends, "rofr", int64(e.Seq), int64(0), date}); err != nil {
			return err
		}
		if err := addHolding(e, p, x.Class, units); err != nil {
			return err
		}
	}
	if total > x.Units {
		if issued {
			next++
		}
		issued = true
		if err := e.Rows.Put(tables.Certificates, tables.Row{next, x.Class, x.Holder, total - x.Units, date, CertOutstanding,
			boolInt(certificated), restCons.String(), restPaid.String(), signers, legends, "balance", int64(e.Seq), int64(0), earliest}); err != nil {
			return err
		}
	}
	if issued {
		if err := e.Rows.Put(tables.Counters, tables.Row{"certificate", next}); err != nil {
			return err
		}
	}
	if err := addHolding(e, x.Holder, x.Class, -x.Units); err != nil {
		return err
	}
	x.SettledSeq = int64(e.Seq)
	return e.Rows.Put(tables.ROFRNotices, x.row())
})

// ROFRConsent is one stockholder's written consent to a waiver.
type ROFRConsent struct {
	Holder string    `mb:"holder,required" doc:"the consenting holder of record"`
	Signed corp.Date `mb:"signed" doc:"the date signed (on or before the act's date)"`
}

// ROFRWaiveFields are the fields of rofr.waive.
type ROFRWaiveFields struct {
	Holder       string        `mb:"holder,required" doc:"the transferring stockholder"`
	Transferee   string        `mb:"transferee,required" doc:"the transferee of the particular transfer waived"`
	Certificates []int64       `mb:"certificates,required" doc:"the certificates the shares come from"`
	Shares       corp.Decimal  `mb:"shares,required" doc:"the shares to be transferred"`
	Resolution   string        `mb:"resolution" doc:"the board resolution (a waiver by the board)"`
	Consents     []ROFRConsent `mb:"consents" doc:"the written consents (a waiver by the stockholders)"`
}

// ROFRWaive records a waiver of Art. VIII for a particular transfer.
var ROFRWaive = Define(Kind{
	Name:    "rofr.waive",
	Summary: "waive Art. VIII for a particular transfer, by the board or by the stockholders' written consent",
	Doc: "Art. VIII may be waived for a particular transfer by duly authorized action of the board (`as: " +
		"board`, citing the resolution) or by the express written consent of the owners of a majority of the " +
		"voting power, excluding the votes of the shares to be transferred (`as: stockholders`, listing the " +
		"consents; Art. VIII §1(g)). Votes are the holdings of record on the act's date times the votes per " +
		"share of each class in the charter facts in force; under A-WAIVEEXCL (transferred_only) only the " +
		"transferred shares are excluded, from both the consents and the total, so the transferor's other " +
		"shares count. The consents must be more than half of that total; the act records the numbers. The " +
		"waiver gets a number; the stock.transfer it covers cites it as `rofr_waiver` and must match its " +
		"holder, transferee, certificates and shares.",
	Actors: []corp.Capacity{corp.AsBoard, corp.AsStockholders},
	Power:  PowerOrdinary,
	Example: `kind: rofr.waive
effective: 2003-05-01
actor: {as: stockholders}
fields:
  holder: dan
  transferee: frank
  certificates: [4]
  shares: "60000"
  consents:
    - {holder: alice, signed: 2003-04-28}
    - {holder: bob, signed: 2003-04-29}
`,
	NeedsBylaws: true,
}, func(e *Env, f *ROFRWaiveFields) error {
	if e.Bylaws.Rule("VIII.1.g.waiver") == nil || !e.rofrBylaws() {
		if e.Bylaws.Rule("VIII.1.g.waiver") == nil {
			e.Fail("MB.rofr.bylaws", "the bylaws in force provide no waiver of the right of first refusal")
		}
		return nil
	}
	in, err := e.rofrInForce()
	if err != nil {
		return err
	}
	if !in {
		e.Fail("VIII.1.i.termination", fmt.Sprintf("the right of first refusal is not in effect on %s: there is nothing to waive", e.Act.Effective))
		return nil
	}
	class, total, ok, err := e.rofrCertificates("VIII.1.g.waiver", f.Holder, f.Certificates)
	if err != nil || !ok {
		return err
	}
	units, ok := e.rofrShares("VIII.1.g.waiver", class, f.Shares, total)
	if !ok {
		return nil
	}
	to, err := e.PersonExists(f.Transferee)
	if err != nil {
		return err
	}
	if !to || f.Transferee == f.Holder {
		e.Fail("VIII.1.g.waiver", fmt.Sprintf("the transferee %q must be a recorded person other than the holder: a waiver is for a particular transfer", f.Transferee))
	}
	switch e.Act.Actor.Capacity {
	case corp.AsBoard:
		may, _ := e.Bylaws.Bool("VIII.1.g.waiver", "board_may_waive")
		switch {
		case !may:
			e.Fail("VIII.1.g.waiver", "the bylaws in force do not let the board waive Art. VIII")
		case strings.TrimSpace(f.Resolution) == "" || len(f.Consents) > 0:
			e.Fail("VIII.1.g.waiver", "a waiver by the board cites its resolution (resolution) and lists no consents")
		default:
			e.Hold("VIII.1.g.waiver", fmt.Sprintf("waived by duly authorized action of the board (%s) for the transfer of %s shares from %s to %s", f.Resolution, f.Shares.Grouped(), f.Holder, f.Transferee))
		}
		return nil
	}
	if len(f.Consents) == 0 {
		e.Fail("VIII.1.g.waiver", "a waiver by the stockholders lists their written consents (consents)")
		return nil
	}
	t, err := e.waiverTally(f, class, units)
	if err != nil {
		return err
	}
	if t.err != "" {
		e.Fail("VIII.1.g.waiver", t.err)
		return nil
	}
	for _, w := range t.warnings {
		e.Warn("VIII.1.g.waiver", w)
	}
	nums := []journal.Number{N("total_votes", t.total), N("excluded_votes", t.excluded), N("base_votes", t.base), N("consent_votes", t.consents)}
	if t.needed != "" {
		nums = append(nums, N("needed", t.needed))
	}
	e.Check("VIII.1.g.waiver", t.passes,
		fmt.Sprintf("consents of %s votes are a majority of %s (the voting power of %s less the %s votes of the shares to be transferred, A-WAIVEEXCL)",
			t.consents.Grouped(), t.base.Grouped(), t.total.Grouped(), t.excluded.Grouped()),
		fmt.Sprintf("consents of %s votes are not a majority of %s (the voting power of %s less the %s votes of the shares to be transferred, A-WAIVEEXCL): more than half is needed%s",
			t.consents.Grouped(), t.base.Grouped(), t.total.Grouped(), t.excluded.Grouped(), t.neededText()), nums...)
	if !e.Charter.WrittenConsentAllowed {
		e.Warn("VIII.1.g.waiver", "the certificate of incorporation does not allow stockholder action by written consent (DGCL §228); Art. VIII §1(g) provides its own consent, applied here")
	}
	return nil
}, func(e *Env, f *ROFRWaiveFields) error {
	row, _, err := e.Rows.Get(tables.Certificates, f.Certificates[0])
	if err != nil {
		return err
	}
	class := row[1].(string)
	c, _ := e.class(class)
	units, _ := f.Shares.Units(c.Scale)
	n, err := nextNumber(e.Rows, "rofr_waiver")
	if err != nil {
		return err
	}
	if err := e.Rows.Put(tables.Counters, tables.Row{"rofr_waiver", n}); err != nil {
		return err
	}
	by, consents, base, excluded := "board", "", "", ""
	if e.Act.Actor.Capacity == corp.AsStockholders {
		by = "stockholders"
		t, err := e.waiverTally(f, class, units)
		if err != nil {
			return err
		}
		consents, base, excluded = t.consents.String(), t.base.String(), t.excluded.String()
	}
	return e.Rows.Put(tables.ROFRWaivers, tables.Row{n, f.Holder, f.Transferee, class, marshalText(f.Certificates), units, by,
		f.Resolution, consents, base, excluded, e.Act.Effective.String(), int64(e.Seq)})
})

// waiverTally is the count of a waiver by written consent.
type waiverTally struct {
	total, excluded, base, consents corp.Decimal
	needed                          string // the fewest votes that pass, when base is whole
	passes                          bool
	err                             string
	warnings                        []string
}

func (t waiverTally) neededText() string {
	if t.needed == "" {
		return ""
	}
	d, _ := corp.ParseDecimal(t.needed)
	return ", at least " + d.Grouped()
}

// votesOn returns each holder's votes on date d (holdings of record from
// the ledger's changes effective on or before d, times the votes per
// share of each class in the charter in force) and the total.
func (e *Env) votesOn(d corp.Date) (map[string]corp.Decimal, corp.Decimal, error) {
	type key struct{ holder, class string }
	units := map[key]int64{}
	on := d.String()
	if err := e.Rows.Scan(tables.HoldingChanges, nil, func(r tables.Row) error {
		if r[2].(string) <= on {
			units[key{r[0].(string), r[1].(string)}] += r[4].(int64)
		}
		return nil
	}); err != nil {
		return nil, corp.Decimal{}, err
	}
	votes := map[string]corp.Decimal{}
	total := corp.Decimal{}
	for k, u := range units {
		c, ok := e.class(k.class)
		if !ok || u == 0 {
			continue
		}
		v := corp.DecimalFromUnits(u, c.Scale).Mul(c.VotesPerShare)
		votes[k.holder] = votes[k.holder].Add(v)
		total = total.Add(v)
	}
	return votes, total, nil
}

// waiverTally counts the consents to a waiver (Art. VIII §1(g);
// A-WAIVEEXCL): consents > fraction × (total voting power − excluded
// votes), where the excluded votes are those of the shares to be
// transferred (transferred_only), or all the transferor's
// (all_transferor_shares), taken out of the transferor's consent too.
func (e *Env) waiverTally(f *ROFRWaiveFields, class string, units int64) (waiverTally, error) {
	var t waiverTally
	d := e.Act.Effective
	votes, total, err := e.votesOn(d)
	if err != nil {
		return t, err
	}
	c, _ := e.class(class)
	t.total = total
	t.excluded = corp.DecimalFromUnits(units, c.Scale).Mul(c.VotesPerShare)
	if e.Bylaws.Choice("A-WAIVEEXCL") == "all_transferor_shares" {
		t.excluded = votes[f.Holder]
	}
	t.base = total.Sub(t.excluded)
	seen := map[string]bool{}
	for _, cs := range f.Consents {
		switch {
		case seen[cs.Holder]:
			t.err = fmt.Sprintf("%s consents twice", cs.Holder)
			return t, nil
		case cs.Signed.After(d):
			t.err = fmt.Sprintf("%s's consent is dated %s, after the waiver's date %s", cs.Holder, cs.Signed, d)
			return t, nil
		}
		seen[cs.Holder] = true
		v := votes[cs.Holder]
		if cs.Holder == f.Holder {
			v = v.Sub(t.excluded)
		}
		if v.Sign() <= 0 {
			t.warnings = append(t.warnings, fmt.Sprintf("%s has no votes to count on %s (the shares to be transferred excluded): the consent counts 0", cs.Holder, d))
			continue
		}
		t.consents = t.consents.Add(v)
	}
	frac, _ := e.Bylaws.Fraction("VIII.1.g.waiver", "fraction")
	cmp, _ := e.Bylaws.Text("VIII.1.g.waiver", "comparison")
	if cmp == "more_than" {
		t.passes = frac.MoreThan(t.consents, t.base)
	} else {
		t.passes = frac.AtLeast(t.consents, t.base)
	}
	if n, ok := t.base.Int64(); ok && t.base.IsInteger() {
		need := frac.MoreThanCount(n)
		if cmp != "more_than" {
			need = frac.AtLeastCount(n)
		}
		t.needed = corp.DecimalFromInt(need).String()
	}
	return t, nil
}

// checkFreeWindow applies Art. VIII §1(e) to a transfer citing the notice
// whose option lapsed: within the 60 days after the option expired, to the
// same transferee, the same shares, on the same or stricter terms, price
// not lower (A-ASSPEC); otherwise it is void (§1(h)).
func (e *Env) checkFreeWindow(f *TransferFields) error {
	x, err := e.openNotice(f.ROFRNotice, false)
	if err != nil || x == nil {
		return err
	}
	d := e.Act.Effective
	if x.electedTotal == x.Units {
		e.Fail("VIII.1.e.free_window", fmt.Sprintf("the corporation and/or its assignees elected to buy all %s shares of notice %d: they are settled with rofr.settle, not transferred to %s",
			x.shares(x.Units).Grouped(), x.Number, x.Transferee))
		return nil
	}
	first, last, early := e.freeWindow(x)
	var diffs []string
	if d.Before(first) || d.After(last) {
		w := fmt.Sprintf("made on %s, outside the free window %s … %s (the 60 days after the option expired on %s)", d, first, last, x.OptionLast)
		if !x.Declined.IsZero() && !early && !d.After(last) {
			w += fmt.Sprintf("; the corporation's written decline of %s does not open it early (A-EARLYDECLINE)", x.Declined)
		}
		diffs = append(diffs, w)
	}
	if f.From != x.Holder {
		diffs = append(diffs, fmt.Sprintf("from %s, but notice %d was given by %s", f.From, x.Number, x.Holder))
	}
	if f.To != x.Transferee {
		diffs = append(diffs, fmt.Sprintf("to %s, but the notice named %s", f.To, x.Transferee))
	}
	if !slices.Equal(sortedInts(f.Certificates), sortedInts(x.Certificates)) {
		diffs = append(diffs, fmt.Sprintf("from certificates %s, but the notice named certificates %s", joinInts(f.Certificates), joinInts(x.Certificates)))
	}
	if u, ok := f.Shares.Units(x.scale); !ok || u != x.Units {
		diffs = append(diffs, fmt.Sprintf("of %s shares, but the notice specified %s", f.Shares.Grouped(), x.shares(x.Units).Grouped()))
	}
	nature, _ := rofrNature(f.Nature, "")
	if nature != x.Nature {
		diffs = append(diffs, fmt.Sprintf("a %s, but the notice specified a %s", nature, x.Nature))
	}
	price := corp.Decimal{}
	if f.Price != nil {
		price = *f.Price
	}
	noticed := corp.Decimal{}
	if x.Price != nil {
		noticed = *x.Price
	}
	exact := e.Bylaws.Choice("A-ASSPEC") == "exact"
	switch c := price.Cmp(noticed); {
	case c < 0:
		diffs = append(diffs, fmt.Sprintf("at $%s, lower than the notice's $%s (A-ASSPEC: the price may not be lower)", price.Grouped(), noticed.Grouped()))
	case c > 0 && exact:
		diffs = append(diffs, fmt.Sprintf("at $%s, not the notice's $%s (A-ASSPEC reading exact)", price.Grouped(), noticed.Grouped()))
	}
	nums := []journal.Number{N("notice", x.Number), N("free_first_day", first), N("free_last_day", last), N("date", d),
		N("notice_price", noticed), N("price", price)}
	if len(diffs) > 0 {
		for _, s := range diffs {
			e.Fail("VIII.1.e.free_window", "the transfer is "+s)
		}
		e.Fail("VIII.1.h.void", fmt.Sprintf("void: the transfer does not strictly follow notice %d, whose free window is %s … %s for %s shares to %s at no less than $%s: it is %s; a new notice is needed",
			x.Number, first, last, x.shares(x.Units).Grouped(), x.Transferee, noticed.Grouped(), strings.Join(diffs, "; ")), nums...)
		return nil
	}
	msg := fmt.Sprintf("within the free window %s … %s after the option on notice %d lapsed", first, last, x.Number)
	if x.electedTotal > 0 {
		msg += fmt.Sprintf(" (elections reached only %s of %s shares)", x.shares(x.electedTotal).Grouped(), x.shares(x.Units).Grouped())
	}
	e.Hold("VIII.1.e.free_window", msg+fmt.Sprintf(": %s shares to %s, as specified, at $%s (notice: $%s)", x.shares(x.Units).Grouped(), x.Transferee, price.Grouped(), noticed.Grouped()), nums...)
	if price.Cmp(noticed) > 0 {
		e.Warn("VIII.1.e.free_window", "a higher price than the notice's is stricter terms (A-ASSPEC same_or_stricter)")
	}
	e.Hold("VIII.1.e.free_window", fmt.Sprintf("the other terms of the notice bind the transfer (%s); minutebook records them and cannot compare them", x.Terms))
	e.Hold("VIII.1.f.tail", fmt.Sprintf("%s holds the shares subject to Art. VIII, as before the transfer (§1(e))", f.To))
	return nil
}

func sortedInts(s []int64) []int64 {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

// checkWaived applies a waiver of Art. VIII §1(g) to the transfer citing
// it: the same holder, transferee, certificates and shares.
func (e *Env) checkWaived(f *TransferFields) error {
	row, ok, err := e.Rows.Get(tables.ROFRWaivers, f.ROFRWaiver)
	if err != nil {
		return err
	}
	if !ok {
		e.Fail("MB.rofr.waiver", fmt.Sprintf("no waiver %d is recorded: record rofr.waive first", f.ROFRWaiver))
		return nil
	}
	var certs []int64
	if err := json.Unmarshal([]byte(row[4].(string)), &certs); err != nil {
		return err
	}
	c, _ := e.class(row[3].(string))
	units := row[5].(int64)
	var diffs []string
	if f.From != row[1].(string) {
		diffs = append(diffs, fmt.Sprintf("from %s, not %s", f.From, row[1]))
	}
	if f.To != row[2].(string) {
		diffs = append(diffs, fmt.Sprintf("to %s, not %s", f.To, row[2]))
	}
	if !slices.Equal(sortedInts(f.Certificates), sortedInts(certs)) {
		diffs = append(diffs, fmt.Sprintf("from certificates %s, not %s", joinInts(f.Certificates), joinInts(certs)))
	}
	if u, ok := f.Shares.Units(c.Scale); !ok || u != units {
		diffs = append(diffs, fmt.Sprintf("of %s shares, not %s", f.Shares.Grouped(), corp.DecimalFromUnits(units, c.Scale).Grouped()))
	}
	if len(diffs) > 0 {
		e.Fail("VIII.1.h.void", fmt.Sprintf("void: waiver %d (%s) covers a particular transfer, and this one differs: %s", f.ROFRWaiver, row[11], strings.Join(diffs, "; ")))
		return nil
	}
	how := "by the board (" + row[7].(string) + ")"
	if row[6].(string) == "stockholders" {
		consents, _ := corp.ParseDecimal(row[8].(string))
		base, _ := corp.ParseDecimal(row[9].(string))
		how = fmt.Sprintf("by the written consent of %s of %s votes", consents.Grouped(), base.Grouped())
	}
	e.Hold("VIII.1.g.waiver", fmt.Sprintf("Art. VIII is waived for this transfer: waiver %d of %s, %s", f.ROFRWaiver, row[11], how))
	return nil
}

// rofrDeadlines lists the windows of every open notice: one not settled
// whose certificates are not yet surrendered.
func rofrDeadlines(q *CalendarQuery) ([]Deadline, error) {
	var notices []int64
	if err := q.View.Scan(tables.ROFRNotices, nil, func(r tables.Row) error {
		if r[21].(int64) == 0 {
			notices = append(notices, r[0].(int64))
		}
		return nil
	}); err != nil {
		return nil, err
	}
	var out []Deadline
	for _, n := range notices {
		x, _, err := loadNotice(q.View, n)
		if err != nil {
			return nil, err
		}
		open := false
		for _, c := range x.Certificates {
			row, ok, err := q.View.Get(tables.Certificates, c)
			if err != nil {
				return nil, err
			}
			open = open || (ok && row[5].(string) == CertOutstanding)
		}
		if !open {
			continue
		}
		what := fmt.Sprintf("notice %d: %s's %d units of %s to %s", x.Number, x.Holder, x.Units, x.Class, x.Transferee)
		if facts, ok := q.cc.charterOn(x.Received); ok {
			for _, c := range facts.Classes {
				if c.ID == x.Class {
					what = fmt.Sprintf("notice %d: %s's %s shares of %s to %s", x.Number, x.Holder, corp.DecimalFromUnits(x.Units, c.Scale).Grouped(), x.Class, x.Transferee)
				}
			}
		}
		src := uint64(x.Seq)
		add := func(d corp.Date, rule, title, detail string) {
			out = append(out, Deadline{Date: d, Rule: rule, Citation: q.Cite(rule, d), Title: title, Detail: detail, Source: src})
		}
		add(x.OptionLast, "VIII.1.b.option", "last day of the corporation's option on ROFR "+what,
			fmt.Sprintf("option window %s … %s, from the corporation's receipt on %s", x.OptionFirst, x.OptionLast, x.Received))
		add(x.SettleBy, "VIII.1.d.settlement", "ROFR settlement in cash due, if elected: "+what,
			fmt.Sprintf("30 days after the Secretary's receipt on %s", x.SecretaryRecv))
		if x.electedTotal < x.Units {
			first, last := x.FreeFirst, x.FreeLast
			if v, ok := q.cc.bylaws.InForce(x.FreeFirst); ok && !x.Declined.IsZero() && x.assignedSum == 0 && v.Rulebook.Choice("A-EARLYDECLINE") == "from_decline" {
				days, _ := v.Rulebook.Int("VIII.1.e.free_window", "days")
				first, last = x.Declined.AddDays(1), x.Declined.AddDays(days)
			}
			add(first, "VIII.1.e.free_window", "free window opens for ROFR "+what, fmt.Sprintf("the holder may transfer as the notice specifies, %s … %s", first, last))
			add(last, "VIII.1.e.free_window", "free window closes for ROFR "+what, "after this day a transfer needs a new notice")
		}
	}
	return out, nil
}
