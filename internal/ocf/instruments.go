package ocf

import (
	"fmt"
	"strings"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
)

// This file maps OCF options, warrants and convertibles (and the deprecated
// plan securities) to the instrument.* acts: an issuance to
// instrument.grant, an exercise or RSU release to instrument.exercise, a
// convertible's conversion to instrument.convert, a cancellation to
// instrument.cancel (or instrument.expire when its reason says the
// instrument expired). Transfers, retractions and repricings of
// instruments are refused with the reason; acceptances have no effect;
// plans, pools and vesting events are kept in the report.

// instrument is an option, warrant or convertible the import follows.
type instrument struct {
	id        string
	typ       string
	class     string // "" for a future round
	holder    string
	remaining corp.Decimal
	hasExpiry bool
	expiry    corp.Date
}

// The OCF transaction types of instruments, by what they become.
var (
	instrumentIssuances = map[string]bool{"TX_EQUITY_COMPENSATION_ISSUANCE": true, "TX_PLAN_SECURITY_ISSUANCE": true, "TX_WARRANT_ISSUANCE": true, "TX_CONVERTIBLE_ISSUANCE": true}
	instrumentExercises = map[string]bool{"TX_EQUITY_COMPENSATION_EXERCISE": true, "TX_PLAN_SECURITY_EXERCISE": true, "TX_WARRANT_EXERCISE": true,
		"TX_EQUITY_COMPENSATION_RELEASE": true, "TX_PLAN_SECURITY_RELEASE": true}
	instrumentCancellations = map[string]bool{"TX_EQUITY_COMPENSATION_CANCELLATION": true, "TX_PLAN_SECURITY_CANCELLATION": true, "TX_WARRANT_CANCELLATION": true, "TX_CONVERTIBLE_CANCELLATION": true}
	// instrumentRefused are the instrument transactions no act kind records.
	instrumentRefused = map[string]string{
		"TX_EQUITY_COMPENSATION_TRANSFER":   "no act kind transfers an instrument: record its cancellation and a new grant to the transferee",
		"TX_PLAN_SECURITY_TRANSFER":         "no act kind transfers an instrument: record its cancellation and a new grant to the transferee",
		"TX_WARRANT_TRANSFER":               "no act kind transfers an instrument: record its cancellation and a new grant to the transferee",
		"TX_CONVERTIBLE_TRANSFER":           "no act kind transfers an instrument: record its cancellation and a new grant to the transferee",
		"TX_EQUITY_COMPENSATION_RETRACTION": "an instrument retracted as if it never was issued has no act kind: the journal is append-only (cancel it instead)",
		"TX_PLAN_SECURITY_RETRACTION":       "an instrument retracted as if it never was issued has no act kind: the journal is append-only (cancel it instead)",
		"TX_WARRANT_RETRACTION":             "an instrument retracted as if it never was issued has no act kind: the journal is append-only (cancel it instead)",
		"TX_CONVERTIBLE_RETRACTION":         "an instrument retracted as if it never was issued has no act kind: the journal is append-only (cancel it instead)",
		"TX_EQUITY_COMPENSATION_REPRICING":  "no act kind changes an option's exercise price: cancel it and record a new grant",
	}
	instrumentNoEffect = map[string]string{
		"TX_EQUITY_COMPENSATION_ACCEPTANCE": "the holder's acceptance changes nothing: the instrument was recorded at its grant",
		"TX_PLAN_SECURITY_ACCEPTANCE":       "the holder's acceptance changes nothing: the instrument was recorded at its grant",
		"TX_WARRANT_ACCEPTANCE":             "the holder's acceptance changes nothing: the instrument was recorded at its grant",
		"TX_CONVERTIBLE_ACCEPTANCE":         "the holder's acceptance changes nothing: the instrument was recorded at its grant",
		"TX_STOCK_PLAN_POOL_ADJUSTMENT":     "minutebook keeps no stock plan pools (kept in the report)",
		"TX_STOCK_PLAN_RETURN_TO_POOL":      "minutebook keeps no stock plan pools (kept in the report)",
	}
)

// isVestingOfInstrument reports whether a vesting transaction concerns an
// instrument rather than stock.
func (p *planner) isVestingOfInstrument(o *Object) bool {
	if !strings.HasPrefix(o.Type, "TX_VESTING_") {
		return false
	}
	_, stock := p.secs[o.Str("security_id")]
	return !stock
}

// money returns a Monetary field's amount, noting a currency other than
// USD (minutebook keeps amounts in dollars).
func (p *planner) money(o *Object, field string) (corp.Decimal, bool) {
	m, ok := o.Field(field).(map[string]any)
	if !ok {
		return corp.Decimal{}, false
	}
	d, err := corp.ParseDecimal(numStr(m["amount"]))
	if err != nil {
		return corp.Decimal{}, false
	}
	if c, _ := m["currency"].(string); c != "" && c != "USD" {
		p.rep.Notes = append(p.rep.Notes, fmt.Sprintf("%s: %s in %s recorded as its amount; minutebook keeps amounts in dollars", o.ID, field, c))
	}
	return d, true
}

// resultingIssuances finds, before the transactions are planned, the stock
// issuances that record the shares each exercise, release or conversion
// issued: those its resulting_security_ids name, or, when it names none
// that the package issues, the one issuance on the same date to the
// instrument's holder for the quantity exercised (OCF's own tutorial names
// a resulting security that its issuance does not carry).
func (p *planner) resultingIssuances(txs []*Object) {
	issuances := map[string]*Object{}
	for _, x := range p.pkg.Of("TX_STOCK_ISSUANCE") {
		issuances[x.Str("security_id")] = x
	}
	grants := map[string]*Object{} // instrument security id -> its issuance
	p.results = map[string][]*Object{}
	for _, o := range txs {
		switch {
		case instrumentIssuances[o.Type]:
			grants[o.Str("security_id")] = o
			continue
		case instrumentCancellations[o.Type] || o.Type == "TX_CONVERTIBLE_CONVERSION":
			if b := o.Str("balance_security_id"); b != "" {
				grants[b] = grants[o.Str("security_id")]
			}
		}
		if !instrumentExercises[o.Type] && o.Type != "TX_CONVERTIBLE_CONVERSION" {
			continue
		}
		var found []*Object
		for _, rid := range anyStrings(o.Field("resulting_security_ids")) {
			if ri := issuances[rid]; ri != nil && p.consumed[rid] == "" {
				found = append(found, ri)
				p.consumed[rid] = o.ID
			}
		}
		g := grants[o.Str("security_id")]
		if len(found) == 0 && g != nil {
			for _, ri := range p.pkg.Of("TX_STOCK_ISSUANCE") {
				sid := ri.Str("security_id")
				if p.consumed[sid] != "" || ri.Str("date") != o.Str("date") || ri.Str("stakeholder_id") != g.Str("stakeholder_id") {
					continue
				}
				if q := numStr(o.Field("quantity")); o.Field("quantity") != nil {
					a, err1 := corp.ParseDecimal(q)
					b, err2 := corp.ParseDecimal(numStr(ri.Field("quantity")))
					if err1 != nil || err2 != nil || a.Cmp(b) != 0 {
						continue
					}
				}
				found = append(found, ri)
				p.consumed[sid] = o.ID
				p.rep.Notes = append(p.rep.Notes, fmt.Sprintf("%s: no stock issuance carries its resulting security ids %v; %s (same date, holder and quantity) is taken as the shares it issued",
					o.ID, anyStrings(o.Field("resulting_security_ids")), ri.ID))
				break
			}
		}
		p.results[o.ID] = found
	}
}

func (p *planner) instrumentID(o *Object) string {
	id := o.Str("security_id")
	if !validID(id) {
		id = slug(o.Str("custom_id"), "instrument")
	}
	base := id
	for n := 2; p.instrIDs[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	p.instrIDs[id] = true
	return id
}

// vestingText describes an instrument's vesting: its vesting terms' name
// and description, or its vesting dates and amounts, or a comment of an
// exported package that starts "Vesting: ".
func (p *planner) vestingText(o *Object) string {
	if id := o.Str("vesting_terms_id"); id != "" {
		for _, v := range p.pkg.Of("VESTING_TERMS") {
			if v.ID == id {
				s := v.Str("name")
				if d := v.Str("description"); d != "" {
					s += ": " + d
				}
				return s
			}
		}
	}
	if vs, ok := o.Field("vestings").([]any); ok && len(vs) > 0 {
		var parts []string
		for _, v := range vs {
			if m, ok := v.(map[string]any); ok {
				parts = append(parts, fmt.Sprintf("%v: %s", m["date"], numStr(m["amount"])))
			}
		}
		return strings.Join(parts, "; ")
	}
	for _, c := range anyStrings(o.Field("comments")) {
		if s, ok := strings.CutPrefix(c, "Vesting: "); ok {
			return s
		}
	}
	return ""
}

// conversionRight returns the first conversion right of a warrant's or
// convertible's triggers.
func conversionRight(o *Object, field string) map[string]any {
	ts, _ := o.Field(field).([]any)
	for _, t := range ts {
		if m, ok := t.(map[string]any); ok {
			if r, ok := m["conversion_right"].(map[string]any); ok {
				return r
			}
		}
	}
	return nil
}

func (p *planner) grant(o *Object, date corp.Date) {
	holder := p.persons[o.Str("stakeholder_id")]
	f := map[string]any{"holder": holder, "label": o.Str("custom_id")}
	resolution := fmt.Sprintf("Granted as an OCF package records it (OCF %s %s); the package gives no board approval date", o.Type, o.ID)
	if d := o.Str("board_approval_date"); d != "" {
		resolution = fmt.Sprintf("Board approval %s (OCF %s %s)", d, o.Type, o.ID)
	}
	for _, c := range anyStrings(o.Field("comments")) {
		if r, ok := strings.CutPrefix(c, "Resolution: "); ok && o.Str("board_approval_date") == "" {
			resolution = r
		}
		if plan, ok := strings.CutPrefix(c, "Plan: "); ok {
			f["plan"] = plan
		}
	}
	f["resolution"] = resolution
	in := &instrument{holder: holder}
	setDecimal := func(key string, v any) bool {
		d, err := corp.ParseDecimal(numStr(v))
		if v == nil || err != nil {
			return false
		}
		f[key] = d.String()
		return true
	}
	setMoney := func(key, field string) {
		if d, ok := p.money(o, field); ok {
			f[key] = d.String()
		}
	}
	switch o.Type {
	case "TX_EQUITY_COMPENSATION_ISSUANCE", "TX_PLAN_SECURITY_ISSUANCE":
		ct := o.Str("compensation_type")
		switch ct {
		case "OPTION_ISO", "OPTION_NSO":
			in.typ, f["subtype"] = acts.InstrumentOption, strings.TrimPrefix(ct, "OPTION_")
		case "OPTION":
			in.typ = acts.InstrumentOption
			if s := o.Str("option_grant_type"); s != "" {
				f["subtype"] = s
			}
		case "RSU":
			in.typ = acts.InstrumentRSU
		case "CSAR", "SSAR":
			in.typ, f["subtype"] = acts.InstrumentSAR, ct
		default:
			p.outcome(o, Refused, fmt.Sprintf("compensation_type %q has no instrument type", ct))
			return
		}
		in.class = p.classes[o.Str("stock_class_id")]
		if plan := o.Str("stock_plan_id"); plan != "" {
			for _, sp := range p.pkg.Of("STOCK_PLAN") {
				if sp.ID != plan {
					continue
				}
				f["plan"] = sp.Str("plan_name")
				if in.class == "" {
					in.class = p.classes[sp.Str("stock_class_id")]
					if ids := anyStrings(sp.Field("stock_class_ids")); in.class == "" && len(ids) > 0 {
						in.class = p.classes[ids[0]]
					}
				}
			}
		}
		setDecimal("quantity", o.Field("quantity"))
		setMoney("price", "exercise_price")
		if _, ok := f["price"]; !ok {
			setMoney("price", "base_price")
		}
		if d, err := corp.ParseDate(o.Str("expiration_date")); err == nil {
			f["expiration"] = d.String()
		}
	case "TX_WARRANT_ISSUANCE":
		in.typ = acts.InstrumentWarrant
		if !setDecimal("quantity", o.Field("quantity")) {
			p.outcome(o, Refused, "the warrant states no quantity: minutebook records the number of shares a warrant covers")
			return
		}
		setMoney("price", "exercise_price")
		setMoney("purchase_price", "purchase_price")
		if r := conversionRight(o, "exercise_triggers"); r != nil {
			in.class = p.classes[fmt.Sprint(r["converts_to_stock_class_id"])]
		}
		if d, err := corp.ParseDate(o.Str("warrant_expiration_date")); err == nil {
			f["expiration"] = d.String()
		}
	case "TX_CONVERTIBLE_ISSUANCE":
		in.typ = acts.InstrumentConvertible
		f["subtype"] = o.Str("convertible_type")
		setMoney("principal", "investment_amount")
		if r := conversionRight(o, "conversion_triggers"); r != nil {
			in.class = p.classes[fmt.Sprint(r["converts_to_stock_class_id"])]
			if m, ok := r["conversion_mechanism"].(map[string]any); ok && m["type"] == "FIXED_AMOUNT_CONVERSION" {
				setDecimal("quantity", m["converts_to_quantity"])
			}
		}
	}
	f["type"] = in.typ
	if in.class != "" {
		f["class"] = in.class
	}
	if v := p.vestingText(o); v != "" {
		f["vesting"] = v
	}
	key := "quantity"
	if in.typ == acts.InstrumentConvertible {
		key = "principal"
	}
	in.remaining, _ = corp.ParseDecimal(fmt.Sprint(f[key]))
	if d, ok := f["expiration"].(string); ok {
		in.expiry, _ = corp.ParseDate(d)
		in.hasExpiry = true
	}
	in.id = p.instrumentID(o)
	f["id"] = in.id
	p.instr[o.Str("security_id")] = in
	p.rep.Instruments = append(p.rep.Instruments, Mapping{OCFID: o.Str("security_id"), ID: in.id, Name: in.typ + " " + o.Str("custom_id")})
	tx := p.outcome(o, Applied, "")
	p.add(date, rankIssue, tx, "instrument.grant", f)
}

// issueTerms fills the terms of the shares an exercise or conversion
// issues from the stock issuance that records them.
func (p *planner) issueTerms(f map[string]any, ri *Object, class string, shares corp.Decimal) {
	if price, ok := p.money(ri, "share_price"); ok {
		f["consideration"] = price.Mul(shares).String()
	}
	cert := p.certificated(ri, class) && !p.opt.Uncertificated
	if p.certificated(ri, class) && p.opt.Uncertificated {
		p.rep.Notes = append(p.rep.Notes, fmt.Sprintf("%s: custom_id %s names a certificate; recorded as an uncertificated position (--uncertificated)", ri.ID, ri.Str("custom_id")))
	}
	f["certificated"] = cert
	f["number"] = p.next
	if cert {
		f["signers"] = p.signers()
	}
	p.secs[ri.Str("security_id")] = &security{number: p.next, holder: p.persons[ri.Str("stakeholder_id")], class: class, shares: shares, certificated: cert}
	p.next++
}

func (p *planner) exercise(o *Object, date corp.Date) {
	in := p.instr[o.Str("security_id")]
	if in == nil || in.typ == acts.InstrumentConvertible {
		p.outcome(o, Refused, fmt.Sprintf("security %q is not an outstanding option, warrant, RSU or SAR of the package", o.Str("security_id")))
		return
	}
	quantity := in.remaining
	if v := o.Field("quantity"); v != nil {
		q, err := corp.ParseDecimal(numStr(v))
		if err != nil {
			p.outcome(o, Refused, "quantity is not a number")
			return
		}
		quantity = q
	}
	found := p.results[o.ID]
	tx := p.outcome(o, Applied, "")
	if len(found) == 0 {
		if in.class == "" {
			p.rep.Transactions[tx].Outcome = Refused
			p.rep.Transactions[tx].Reason = "no stock issuance in the package records the shares, and the instrument converts into a future round: the class issued is unknown"
			return
		}
		f := map[string]any{"instrument": in.id, "quantity": quantity.String(), "certificated": false, "number": p.next}
		if rids := anyStrings(o.Field("resulting_security_ids")); len(rids) == 1 {
			p.secs[rids[0]] = &security{number: p.next, holder: in.holder, class: in.class, shares: quantity}
		}
		p.next++
		if d, ok := p.money(o, "release_price"); ok {
			f["consideration"] = d.Mul(quantity).String()
		}
		p.rep.Transactions[tx].Reason = "no stock issuance in the package records the shares: issued as an uncertificated position of the instrument's class"
		in.remaining = in.remaining.Sub(quantity)
		p.add(date, rankIssue, tx, "instrument.exercise", f)
		return
	}
	if o.Field("quantity") == nil { // a warrant's exercise: the shares issued
		quantity = corp.Decimal{}
		for _, ri := range found {
			q, _ := corp.ParseDecimal(numStr(ri.Field("quantity")))
			quantity = quantity.Add(q)
		}
	}
	left := quantity
	for i, ri := range found {
		shares, err := corp.ParseDecimal(numStr(ri.Field("quantity")))
		class := p.classes[ri.Str("stock_class_id")]
		if err != nil {
			p.rep.Transactions[tx].Outcome, p.rep.Transactions[tx].Reason = Refused, fmt.Sprintf("the quantity of the resulting issuance %s is not a number", ri.ID)
			return
		}
		if h := p.persons[ri.Str("stakeholder_id")]; h != in.holder {
			p.rep.Transactions[tx].Outcome = Refused
			p.rep.Transactions[tx].Reason = fmt.Sprintf("the resulting issuance %s issues the shares to %s, not to the instrument's holder %s: minutebook issues an exercise's shares to the holder (record a transfer after)", ri.ID, h, in.holder)
			return
		}
		taken := shares
		if i == len(found)-1 {
			taken = left
		}
		left = left.Sub(taken)
		f := map[string]any{"instrument": in.id, "quantity": taken.String()}
		if shares.Cmp(taken) != 0 {
			f["shares"] = shares.String()
		}
		if in.class == "" || class != in.class {
			f["class"] = class
		}
		p.issueTerms(f, ri, class, shares)
		p.add(date, rankIssue, tx, "instrument.exercise", f)
	}
	p.rep.Transactions[tx].Reason = fmt.Sprintf("the shares are those of the stock issuance %s", issuanceIDs(found))
	in.remaining = in.remaining.Sub(quantity)
}

func issuanceIDs(os []*Object) string {
	var s []string
	for _, o := range os {
		s = append(s, o.ID)
	}
	return strings.Join(s, ", ")
}

func (p *planner) convert(o *Object, date corp.Date) {
	in := p.instr[o.Str("security_id")]
	if in == nil || in.typ != acts.InstrumentConvertible {
		p.outcome(o, Refused, fmt.Sprintf("security %q is not an outstanding convertible of the package", o.Str("security_id")))
		return
	}
	found := p.results[o.ID]
	switch len(found) {
	case 0:
		p.outcome(o, Refused, "no stock issuance in the package records the shares the conversion issued (resulting_security_ids): the shares are unknown")
		return
	case 1:
	default:
		p.outcome(o, Refused, fmt.Sprintf("the conversion issues %d securities: instrument.convert issues one, and OCF does not say how the principal divides among them", len(found)))
		return
	}
	ri := found[0]
	shares, err := corp.ParseDecimal(numStr(ri.Field("quantity")))
	if err != nil {
		p.outcome(o, Refused, fmt.Sprintf("the quantity of the resulting issuance %s is not a number", ri.ID))
		return
	}
	class := p.classes[ri.Str("stock_class_id")]
	if h := p.persons[ri.Str("stakeholder_id")]; h != in.holder {
		p.outcome(o, Refused, fmt.Sprintf("the resulting issuance %s issues the shares to %s, not to the convertible's holder %s", ri.ID, h, in.holder))
		return
	}
	principal := in.remaining
	f := map[string]any{"instrument": in.id, "shares": shares.String()}
	if v := o.Field("quantity_converted"); v != nil {
		if d, err := corp.ParseDecimal(numStr(v)); err == nil {
			principal = d
			f["principal"] = d.String()
		}
	}
	if in.class == "" || class != in.class {
		f["class"] = class
	}
	tx := p.outcome(o, Applied, "the shares are those of the stock issuance "+ri.ID)
	p.issueTerms(f, ri, class, shares)
	if b := o.Str("balance_security_id"); b != "" {
		p.instr[b] = in
	}
	in.remaining = in.remaining.Sub(principal)
	p.add(date, rankIssue, tx, "instrument.convert", f)
}

func (p *planner) cancelInstrument(o *Object, date corp.Date) {
	in := p.instr[o.Str("security_id")]
	if in == nil {
		p.outcome(o, Refused, fmt.Sprintf("security %q is not an outstanding instrument of the package", o.Str("security_id")))
		return
	}
	var taken corp.Decimal
	if in.typ == acts.InstrumentConvertible {
		d, ok := p.money(o, "amount")
		if !ok {
			p.outcome(o, Refused, "amount is not a monetary amount")
			return
		}
		taken = d
	} else {
		d, err := corp.ParseDecimal(numStr(o.Field("quantity")))
		if err != nil {
			p.outcome(o, Refused, "quantity is not a number")
			return
		}
		taken = d
	}
	reason := o.Str("reason_text")
	if b := o.Str("balance_security_id"); b != "" {
		p.instr[b] = in
	}
	expired := strings.HasPrefix(strings.ToLower(reason), "expire")
	if expired && in.hasExpiry && !date.Before(in.expiry) && taken.Cmp(in.remaining) == 0 {
		tx := p.outcome(o, Applied, "its reason says the instrument expired: recorded as its expiration")
		in.remaining = corp.Decimal{}
		f := map[string]any{"instrument": in.id}
		if r := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(reason, "Expired"), ":")); r != "" {
			f["reason"] = r
		}
		p.add(date, rankOther, tx, "instrument.expire", f)
		return
	}
	if reason == "" {
		reason = "cancelled (OCF " + o.ID + ")"
	}
	tx := p.outcome(o, Applied, "")
	in.remaining = in.remaining.Sub(taken)
	p.add(date, rankOther, tx, "instrument.cancel", map[string]any{"instrument": in.id, "quantity": taken.String(), "reason": reason})
}
