package acts

import (
	"encoding/json"
	"fmt"
	"strings"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/strict"
	"minutebook/internal/tables"
)

// This file keeps actions of the stockholders by written consent without a
// meeting (Art. II §11; DGCL §228, §213(b)): the consent's record date,
// each signed consent delivered to the corporation, the count against the
// votes needed with every share present and voting (or, for a waiver of
// the right of first refusal, the count of Art. VIII §1(g) excluding the
// shares to be transferred: rofr.waive's waiverTally), the 60-day window
// from the first delivery, and the prompt notice to those who did not
// consent.

func init() {
	addEngineRules(map[string]engineRule{
		"MB.holders_consent.known":  {"Art. II §11", "a stockholders' written consent an act names is on the books"},
		"MB.holders_consent.single": {"Art. II §11", "each holder's consent to an action is delivered once"},
	})
}

// ConsentTransferField names the particular transfer a ROFR waiver by
// consent is for (Art. VIII §1(g)).
type ConsentTransferField struct {
	Holder       string       `mb:"holder,required" json:"holder" doc:"the transferring stockholder"`
	Transferee   string       `mb:"transferee,required" json:"transferee"`
	Certificates []int64      `mb:"certificates,required" json:"certificates"`
	Shares       corp.Decimal `mb:"shares,required" json:"shares"`
}

// ConsentActionFields name the action a written consent takes.
type ConsentActionFields struct {
	Consent string `mb:"consent,required" doc:"the consent's id"`
	Action  string `mb:"action" doc:"the action the consent sets forth (required when the consent is first recorded)"`
	Kind    string `mb:"kind" doc:"the act kind of the action, e.g. bylaws.amend or rofr.waive"`
	// Transfer is the particular transfer of a ROFR waiver by consent.
	Transfer *ConsentTransferField `mb:"transfer" doc:"for kind rofr.waive: the transfer waived; its shares are excluded from the count (Art. VIII §1(g), A-WAIVEEXCL)"`
}

func (f *ConsentActionFields) validate(file, path string) error {
	if !validID(f.Consent) {
		return strict.Errors{{File: file, Field: path + ".consent", Problem: fmt.Sprintf("%q is not an identifier", f.Consent)}}
	}
	if _, ok := kinds[f.Kind]; f.Kind != "" && !ok {
		return strict.Errors{{File: file, Field: path + ".kind", Problem: fmt.Sprintf("unknown act kind %q", f.Kind)}}
	}
	if (f.Kind == ROFRWaive.Name) != (f.Transfer != nil) {
		return strict.Errors{{File: file, Field: path + ".transfer", Problem: "a consent of kind rofr.waive names the transfer waived, and only it"}}
	}
	return nil
}

// hconsent is a row of stockholder_consents.
type hconsent struct {
	ID, Action, Kind  string
	Transfer          *ConsentTransferField
	RecordDate        corp.Date
	RecordDateHow     string
	FirstDelivered    corp.Date
	Needed, Consented string
	Base              string
	Effective         corp.Date
	Unanimous         bool
	PromptNotice      corp.Date
	Seq               int64
}

func (c *hconsent) row() tables.Row {
	terms := ""
	if c.Transfer != nil {
		terms = marshalText(c.Transfer)
	}
	return tables.Row{c.ID, c.Action, c.Kind, terms, optDateText(c.RecordDate), c.RecordDateHow, optDateText(c.FirstDelivered),
		c.Needed, c.Consented, c.Base, optDateText(c.Effective), b2i(c.Unanimous), optDateText(c.PromptNotice), c.Seq}
}

func loadHConsent(r tables.Reader, id string) (*hconsent, bool, error) {
	row, ok, err := r.Get(tables.StockholderConsents, id)
	if err != nil || !ok {
		return nil, ok, err
	}
	c := &hconsent{ID: row[0].(string), Action: row[1].(string), Kind: row[2].(string), RecordDateHow: row[5].(string),
		Needed: row[7].(string), Consented: row[8].(string), Base: row[9].(string), Unanimous: row[11].(int64) == 1, Seq: row[13].(int64)}
	if t := row[3].(string); t != "" {
		c.Transfer = &ConsentTransferField{}
		if err := json.Unmarshal([]byte(t), c.Transfer); err != nil {
			return nil, false, err
		}
	}
	for i, d := range []*corp.Date{&c.RecordDate, nil, &c.FirstDelivered, nil, nil, nil, &c.Effective, nil, &c.PromptNotice} {
		if d == nil {
			continue
		}
		if *d, err = optDate(row[4+i].(string)); err != nil {
			return nil, false, err
		}
	}
	return c, true, nil
}

// quiet returns a copy of e whose checks are discarded: apply functions
// use it to recompute a count whose checks the check function recorded.
func quiet(e *Env) *Env {
	q := *e
	q.checks = nil
	return &q
}

// ConsentRecordDateFields are the fields of stockholder_consent.record_date.
type ConsentRecordDateFields struct {
	ConsentActionFields
	RecordDate corp.Date `mb:"record_date,required"`
}

// Validate checks the consent's id and kind on decode.
func (f *ConsentRecordDateFields) Validate(file, path string) error {
	return f.ConsentActionFields.validate(file, path)
}

// FixConsentRecordDate records the board's fixing of a consent's record date.
var FixConsentRecordDate = Define(Kind{
	Name:    "stockholder_consent.record_date",
	Summary: "fix the record date of an action by the stockholders' written consent",
	Doc: "The board may fix the record date of the holders entitled to consent in writing without a meeting: not " +
		"before its resolution and not more than 10 days after it (DGCL §213(b), which supersedes Art. VI §5's " +
		"60-day window for consents: warned). Without one the record date is the first date a signed consent " +
		"is delivered to the corporation.",
	Actors: []corp.Capacity{corp.AsBoard},
	Power:  PowerOrdinary,
	Example: `kind: stockholder_consent.record_date
effective: 2004-07-01
actor: {as: board}
fields: {consent: wc-2004-07, action: "Amend Art. III §7", kind: bylaws.amend, record_date: 2004-07-06}
`,
	NeedsBylaws: true,
}, func(e *Env, f *ConsentRecordDateFields) error {
	_, exists, err := e.Rows.Get(tables.StockholderConsents, f.Consent)
	if err != nil {
		return err
	}
	e.Check("MB.holders_consent.known", !exists, fmt.Sprintf("consent %s is new", f.Consent), fmt.Sprintf("consent %s is already on the books; fix its record date before the first delivery", f.Consent))
	e.Check("II.11.written_consent", strings.TrimSpace(f.Action) != "", fmt.Sprintf("the action: %s", f.Action), "the consent must set forth the action taken")
	maxAfter, _ := e.Bylaws.Int("II.11.consent_record_date", "max_days_after_resolution")
	days := e.Act.Effective.DaysUntil(f.RecordDate)
	e.Check("II.11.consent_record_date", days >= 0 && days <= maxAfter,
		fmt.Sprintf("record date %s is %d days after the resolution of %s: not before it and not more than %d after", f.RecordDate, days, e.Act.Effective, maxAfter),
		fmt.Sprintf("record date %s must be on or after the resolution of %s and not more than %d days after it (%s)", f.RecordDate, e.Act.Effective, maxAfter, e.Act.Effective.AddDays(maxAfter)),
		N("days_after", days), N("max_days_after", maxAfter))
	e.Warn("VI.5.record_date_consent", "DGCL §213(b) governs the record date of a consent (at most 10 days after the resolution), superseding Art. VI §5's window")
	return nil
}, func(e *Env, f *ConsentRecordDateFields) error {
	c := &hconsent{ID: f.Consent, Action: f.Action, Kind: f.Kind, Transfer: f.Transfer, RecordDate: f.RecordDate, RecordDateHow: "fixed", Seq: int64(e.Seq)}
	return e.Rows.Put(tables.StockholderConsents, c.row())
})

// ConsentDeliveryFields are the fields of stockholder_consent.deliver.
type ConsentDeliveryFields struct {
	ConsentActionFields
	Holder string    `mb:"holder,required" doc:"the holder of record who signed"`
	Signed corp.Date `mb:"signed,required" doc:"the date of the signature"`
}

// Validate checks the consent's id and kind on decode.
func (f *ConsentDeliveryFields) Validate(file, path string) error {
	return f.ConsentActionFields.validate(file, path)
}

// consentCount is the count of a consent's deliveries.
type consentCount struct {
	consented, base corp.Decimal
	excluded        corp.Decimal
	need            string
	passes          bool
	unanimous       bool
	warnings        []string
	err             string
}

// countConsent counts the consents delivered to c, with one more from
// holder (signed) when holder is not "", on record date rd.
func countConsent(e *Env, c *hconsent, rd corp.Date, holder string, signed corp.Date) (consentCount, error) {
	var n consentCount
	type sig struct {
		holder string
		signed corp.Date
	}
	var sigs []sig
	if err := e.Rows.Scan(tables.ConsentDeliveries, []any{c.ID}, func(r tables.Row) error {
		s, err := corp.ParseDate(r[2].(string))
		sigs = append(sigs, sig{r[1].(string), s})
		return err
	}); err != nil {
		return n, err
	}
	if holder != "" {
		sigs = append(sigs, sig{holder, signed})
	}
	r, err := e.roll(rd)
	if err != nil {
		return n, err
	}
	if c.Kind == ROFRWaive.Name && c.Transfer != nil {
		// Art. VIII §1(g): the count of rofr.waive, excluding the votes of the
		// shares to be transferred (A-WAIVEEXCL).
		q := quiet(e)
		wf := &ROFRWaiveFields{Holder: c.Transfer.Holder, Transferee: c.Transfer.Transferee, Certificates: c.Transfer.Certificates, Shares: c.Transfer.Shares}
		for _, s := range sigs {
			wf.Consents = append(wf.Consents, ROFRConsent{Holder: s.holder, Signed: s.signed})
		}
		class, total, ok, err := q.rofrCertificates("VIII.1.g.waiver", wf.Holder, wf.Certificates)
		if err != nil {
			return n, err
		}
		if !ok {
			n.err = fmt.Sprintf("the certificates %v of %s named by the waiver are not outstanding", wf.Certificates, wf.Holder)
			return n, nil
		}
		units, ok := q.rofrShares("VIII.1.g.waiver", class, wf.Shares, total)
		if !ok {
			n.err = fmt.Sprintf("%s shares are not held on certificates %v", wf.Shares, wf.Certificates)
			return n, nil
		}
		t, err := q.waiverTally(wf, class, units)
		if err != nil {
			return n, err
		}
		n.consented, n.base, n.excluded, n.passes, n.warnings, n.err = t.consents, t.base, t.excluded, t.passes, t.warnings, t.err
		if d, err := corp.ParseDecimal(t.needed); err == nil && t.needed != "" {
			n.need = d.Grouped()
		}
		return n, nil
	}
	seen := map[string]bool{}
	for _, s := range sigs {
		if seen[s.holder] {
			continue
		}
		seen[s.holder] = true
		v, _ := r.get(s.holder)
		n.consented = n.consented.Add(v.Votes)
	}
	n.base = r.Votes
	n.passes, n.need = majorityBase(e.Bylaws, "II.11.written_consent", n.consented, n.base)
	n.unanimous = true
	for _, h := range r.Holders {
		if h.Votes.Sign() > 0 && !seen[h.Person.ID] {
			n.unanimous = false
		}
	}
	return n, nil
}

// DeliverConsent records a signed consent delivered to the corporation.
var DeliverConsent = Define(Kind{
	Name:    "stockholder_consent.deliver",
	Summary: "record a holder's signed written consent delivered to the corporation, and whether the action takes effect",
	Doc: "Any action that may be taken at a meeting may be taken without one by consents in writing signed by " +
		"the holders of outstanding stock having not less than the votes needed to take it at a meeting at which " +
		"all shares entitled to vote were present and voted (Art. II §11; DGCL §228(a)): for an ordinary matter " +
		"a majority of the votes outstanding on the record date (a majority of 1,000,000 is 500,001). Each " +
		"consent is delivered to the corporation (the effective date is the delivery date) and signed by a holder " +
		"of record on the consent's record date (fixed by the board, else the first delivery's date: DGCL " +
		"§213(b)). The action takes effect on the delivery that brings the consents to the votes needed, if it " +
		"comes within 60 days of the first delivery (§228(c)); a later delivery is refused. A waiver of the " +
		"right of first refusal (kind rofr.waive) is counted as rofr.waive counts it: a majority of the voting " +
		"power excluding the shares to be transferred (Art. VIII §1(g), A-WAIVEEXCL), on the delivery date. " +
		"The acts the consent adopts name it: adoption: {consent: ID}.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary},
	Example: `kind: stockholder_consent.deliver
effective: 2004-07-06
actor: {person: susan, as: secretary}
fields: {consent: wc-2004-07, action: "Fix the number of directors at 7", kind: board.size, holder: alice, signed: 2004-07-05}
`,
	NeedsBylaws: true,
}, func(e *Env, f *ConsentDeliveryFields) error {
	c, exists, err := loadHConsent(e.Rows, f.Consent)
	if err != nil {
		return err
	}
	d := e.Act.Effective
	if !exists {
		c = &hconsent{ID: f.Consent, Action: f.Action, Kind: f.Kind, Transfer: f.Transfer}
		e.Check("II.11.written_consent", strings.TrimSpace(f.Action) != "", fmt.Sprintf("the action: %s", f.Action), "the first consent delivered must set forth the action taken (action)")
	} else if (f.Action != "" && f.Action != c.Action) || (f.Kind != "" && f.Kind != c.Kind) {
		e.Fail("II.11.written_consent", fmt.Sprintf("consent %s sets forth %q (%s); this one differs", c.ID, c.Action, c.Kind))
	}
	if !e.Charter.WrittenConsentAllowed {
		if c.Kind == ROFRWaive.Name {
			e.Warn("VIII.1.g.waiver", "the certificate of incorporation does not allow stockholder action by written consent (DGCL §228); Art. VIII §1(g) provides its own consent, applied here")
		} else {
			e.Fail("II.11.written_consent", "the certificate of incorporation does not allow stockholder action by written consent (written_consent_allowed = false)")
			return nil
		}
	}
	first := c.FirstDelivered
	if first.IsZero() {
		first = d
	}
	rd := c.RecordDate
	if rd.IsZero() {
		rd = first
		e.Hold("II.11.consent_record_date", fmt.Sprintf("no record date is fixed: it is %s, the first date a signed consent is delivered (DGCL §213(b))", rd))
	} else {
		e.Hold("II.11.consent_record_date", fmt.Sprintf("the record date fixed by the board: %s", rd))
	}
	e.Check("II.11.written_consent", !f.Signed.After(d), fmt.Sprintf("signed %s, delivered %s", f.Signed, d),
		fmt.Sprintf("signed %s, after its delivery on %s", f.Signed, d))
	if err := e.Rows.Scan(tables.ConsentDeliveries, []any{c.ID, f.Holder}, func(tables.Row) error {
		e.Fail("MB.holders_consent.single", fmt.Sprintf("%s's consent to %s is already delivered", f.Holder, c.ID))
		return nil
	}); err != nil {
		return err
	}
	r, err := e.roll(rd)
	if err != nil {
		return err
	}
	e.Check("II.11.written_consent", r.entitled(f.Holder),
		fmt.Sprintf("%s is a holder of record entitled to vote on the record date %s", f.Holder, rd),
		fmt.Sprintf("%s is not a holder of record entitled to vote on the record date %s: the consent does not count (DGCL §228(c))", f.Holder, rd))
	window, _ := e.Bylaws.Int("II.11.written_consent", "delivery_window_days")
	days := first.DaysUntil(d)
	e.Check("II.11.written_consent", days <= window,
		fmt.Sprintf("delivered %d days after the first consent (%s), within %d (DGCL §228(c))", days, first, window),
		fmt.Sprintf("delivered %s, %d days after the first consent was delivered on %s: sufficient consents must be delivered within %d days of it (by %s), so the consent has lapsed (DGCL §228(c))",
			d, days, first, window, first.AddDays(window)),
		N("days_after_first", days), N("window_days", window))
	if e.Failed() {
		return nil
	}
	n, err := countConsent(e, c, rd, f.Holder, f.Signed)
	if err != nil {
		return err
	}
	if n.err != "" {
		e.Fail("VIII.1.g.waiver", n.err)
		return nil
	}
	for _, w := range n.warnings {
		e.Warn("VIII.1.g.waiver", w)
	}
	rule, base := "II.11.written_consent", fmt.Sprintf("the %s votes outstanding on %s, all present and voting", n.base.Grouped(), rd)
	if c.Kind == ROFRWaive.Name {
		rule, base = "VIII.1.g.waiver", fmt.Sprintf("the voting power of %s less the %s votes of the shares to be transferred (A-WAIVEEXCL)", n.base.Add(n.excluded).Grouped(), n.excluded.Grouped())
	}
	nums := []journal.Number{N("consented_votes", n.consented), N("base_votes", n.base), N("needed", n.need)}
	switch {
	case !c.Effective.IsZero():
		e.Hold(rule, fmt.Sprintf("the action took effect on %s; this consent (%s votes now consenting) is recorded with it", c.Effective, n.consented.Grouped()), nums...)
	case n.passes:
		e.Hold(rule, fmt.Sprintf("EFFECTIVE on %s: consents of %s votes, at least the %s needed of %s", d, n.consented.Grouped(), n.need, base), nums...)
	default:
		e.Hold(rule, fmt.Sprintf("not yet effective: consents of %s votes of the %s needed of %s; sufficient consents must be delivered by %s", n.consented.Grouped(), n.need, base, first.AddDays(window)), nums...)
	}
	return nil
}, func(e *Env, f *ConsentDeliveryFields) error {
	c, exists, err := loadHConsent(e.Rows, f.Consent)
	if err != nil {
		return err
	}
	d := e.Act.Effective
	if !exists {
		c = &hconsent{ID: f.Consent, Action: f.Action, Kind: f.Kind, Transfer: f.Transfer, Seq: int64(e.Seq)}
	}
	if c.FirstDelivered.IsZero() {
		c.FirstDelivered = d
	}
	if c.RecordDate.IsZero() {
		c.RecordDate, c.RecordDateHow = d, "first_delivery"
	}
	r, err := e.roll(c.RecordDate)
	if err != nil {
		return err
	}
	v, _ := r.get(f.Holder)
	n, err := countConsent(e, c, c.RecordDate, f.Holder, f.Signed)
	if err != nil {
		return err
	}
	c.Needed, c.Consented, c.Base, c.Unanimous = n.need, n.consented.String(), n.base.String(), n.unanimous
	if c.Effective.IsZero() && n.passes {
		c.Effective = d
	}
	if err := e.Rows.Put(tables.ConsentDeliveries, tables.Row{c.ID, f.Holder, f.Signed.String(), d.String(), v.Votes.String(), int64(e.Seq)}); err != nil {
		return err
	}
	return e.Rows.Put(tables.StockholderConsents, c.row())
})

// checkConsentAdopts checks an act of the stockholders adopted by their
// written consent id (Art. II §11).
func checkConsentAdopts(e *Env, id string) error {
	c, ok, err := loadHConsent(e.Rows, id)
	if err != nil {
		return err
	}
	if !ok || c.Effective.IsZero() {
		e.Fail("MB.holders_consent.known", fmt.Sprintf("no stockholders' written consent %q has taken effect (stockholder_consent.deliver)", id))
		return nil
	}
	e.Check("MB.adoption.known", !c.Effective.After(e.Act.Effective),
		fmt.Sprintf("consent %s took effect %s", id, c.Effective),
		fmt.Sprintf("consent %s takes effect %s, after the act (%s)", id, c.Effective, e.Act.Effective))
	if c.Kind != "" && c.Kind != e.Act.Kind.Name {
		e.Fail("II.11.written_consent", fmt.Sprintf("consent %s sets forth a %s, not a %s", id, c.Kind, e.Act.Kind.Name))
	}
	e.Hold("II.11.written_consent", fmt.Sprintf("taken without a meeting by the written consent %s of holders of %s votes (%s needed): %s", id, c.Consented, c.Needed, c.Action),
		N("consented_votes", c.Consented), N("needed", c.Needed))
	return nil
}

// ConsentNoticeFields are the fields of stockholder_consent.notice.
type ConsentNoticeFields struct {
	Consent string `mb:"consent,required"`
	Method  string `mb:"method,required" enum:"mail,email,courier" doc:"how the notice was given"`
}

// NoticeOfConsent records the prompt notice of an action by consent.
var NoticeOfConsent = Define(Kind{
	Name:    "stockholder_consent.notice",
	Summary: "record the prompt notice of an action by written consent to the holders who did not consent",
	Doc: "Prompt notice of an action taken without a meeting by less than unanimous consent goes to the " +
		"stockholders who did not consent (Art. II §11; DGCL §228(e)): the holders of record on the consent's " +
		"record date who delivered no consent. \"Prompt\" is undefined: notice later than 10 days after the " +
		"action took effect is flagged (A-PROMPT), not refused, for it is no condition of effectiveness (Brown " +
		"v. Kellar). The calendar shows the flag date until the notice is recorded; each holder notified is " +
		"logged.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary},
	Example: `kind: stockholder_consent.notice
effective: 2004-07-09
actor: {person: susan, as: secretary}
fields: {consent: wc-2004-07, method: mail}
`,
	NeedsBylaws: true,
}, func(e *Env, f *ConsentNoticeFields) error {
	c, ok, err := loadHConsent(e.Rows, f.Consent)
	if err != nil {
		return err
	}
	if !ok || c.Effective.IsZero() {
		e.Fail("MB.holders_consent.known", fmt.Sprintf("no stockholders' written consent %q has taken effect", f.Consent))
		return nil
	}
	if c.Unanimous {
		e.Hold("II.11.prompt_notice", "the consent was unanimous: no notice is required; the notice given is recorded")
		return nil
	}
	flag := e.Bylaws.Ambiguity("A-PROMPT").Int("flag_days")
	days := c.Effective.DaysUntil(e.Act.Effective)
	if days < 0 {
		e.Fail("II.11.prompt_notice", fmt.Sprintf("the action takes effect %s: notice of it follows", c.Effective))
		return nil
	}
	holders, err := nonConsenting(e, c)
	if err != nil {
		return err
	}
	msg := fmt.Sprintf("notice of the action taken on %s to the %d holders who did not consent (%s), %d days after it", c.Effective, len(holders), strings.Join(holders, ", "), days)
	if days <= flag {
		e.Hold("II.11.prompt_notice", msg+": prompt", N("days", days), N("flag_days", flag))
	} else {
		e.Warn("II.11.prompt_notice", msg+fmt.Sprintf(": later than %d days, flagged as not prompt (A-PROMPT); the action stands (Brown v. Kellar)", flag), N("days", days), N("flag_days", flag))
	}
	return nil
}, func(e *Env, f *ConsentNoticeFields) error {
	c, _, err := loadHConsent(e.Rows, f.Consent)
	if err != nil {
		return err
	}
	holders, err := nonConsenting(e, c)
	if err != nil {
		return err
	}
	r, err := e.roll(c.RecordDate)
	if err != nil {
		return err
	}
	for _, h := range holders {
		v, _ := r.get(h)
		addr := FormatAddress(v.Person.Address)
		if f.Method == "email" {
			addr = v.Person.Email
		}
		if err := e.Rows.Put(tables.StockholderNotices, tables.Row{consentNoticeKey(c.ID), h, int64(e.Seq), f.Method, addr, e.Act.Effective.String(),
			int64(-c.Effective.DaysUntil(e.Act.Effective)), "given", ""}); err != nil {
			return err
		}
	}
	c.PromptNotice = e.Act.Effective
	return e.Rows.Put(tables.StockholderConsents, c.row())
})

// consentNoticeKey is the key under which the delivery log keeps the
// notices of an action by consent.
func consentNoticeKey(id string) string { return "consent:" + id }

// nonConsenting returns the holders entitled to vote on the consent's
// record date who delivered no consent.
func nonConsenting(e *Env, c *hconsent) ([]string, error) {
	r, err := e.roll(c.RecordDate)
	if err != nil {
		return nil, err
	}
	did := map[string]bool{}
	if err := e.Rows.Scan(tables.ConsentDeliveries, []any{c.ID}, func(row tables.Row) error {
		did[row[1].(string)] = true
		return nil
	}); err != nil {
		return nil, err
	}
	var out []string
	for _, h := range r.Holders {
		if h.Votes.Sign() > 0 && !did[h.Person.ID] {
			out = append(out, h.Person.ID)
		}
	}
	return out, nil
}
