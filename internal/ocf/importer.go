package ocf

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
)

// Options change how Import runs.
type Options struct {
	// Corp is the corporation to import into; default: an id made from the
	// issuer's legal name. It is created when it is not recorded yet.
	Corp string
	// DryRun performs every check and writes nothing.
	DryRun bool
	// TimeZone of a new corporation; default: from its state of formation,
	// else UTC.
	TimeZone string
	// Signers sign the certificates of certificated issuances and
	// transfers (Art. VI §1): persons by minutebook id or OCF stakeholder id.
	Signers []acts.SignerField
	// Progress, when set, is told how many of the package's acts are done.
	Progress func(done, total int)
	// Uncertificated records securities whose custom_id is a certificate
	// number as uncertificated positions, for packages whose certificates'
	// signing officers are not known. The report notes each one.
	Uncertificated bool
}

// Outcomes of one OCF transaction in the report.
const (
	Applied  = "applied"   // became one or more acts
	NoEffect = "no_effect" // nothing to record on minutebook's books; kept in the report
	Refused  = "refused"   // cannot be mapped to an act kind; the import stops
)

// Mapping pairs an OCF id with the minutebook id it became.
type Mapping struct {
	OCFID  string `json:"ocf_id"`
	ID     string `json:"id"`
	Name   string `json:"name"`
	Reused bool   `json:"reused,omitempty"` // already recorded; not added again
}

// TxOutcome is what became of one OCF transaction.
type TxOutcome struct {
	ID      string `json:"id"`
	Type    string `json:"object_type"`
	Date    string `json:"date"`
	File    string `json:"file"`
	Pointer string `json:"pointer"`
	Outcome string `json:"outcome"`
	Acts    []int  `json:"acts,omitempty"` // indexes of the acts it became
	Reason  string `json:"reason,omitempty"`
}

// Report is the outcome of an import: the ids mapped, what became of every
// transaction, the objects kept that the books do not hold, and the act
// path's results.
type Report struct {
	Package      string      `json:"package"`
	OCFVersion   string      `json:"ocf_version"`
	Issuer       string      `json:"issuer"`
	Corporation  string      `json:"corporation"`
	Created      bool        `json:"created"`
	Status       string      `json:"status"` // recorded, checked, refused
	Stakeholders []Mapping   `json:"stakeholders"`
	Classes      []Mapping   `json:"stock_classes"`
	Transactions []TxOutcome `json:"transactions"`
	Instruments  []Mapping   `json:"instruments"` // OCF security id -> instrument id
	// Kept are the stock plans, vesting terms, pool adjustments and vesting
	// events of instruments: the books do not hold them, the report does.
	Kept     []*Object      `json:"kept"`
	Notes    []string       `json:"notes,omitempty"`
	Acts     []acts.Result  `json:"acts"`
	Document map[string]any `json:"-"` // the act file that was applied
}

// Refusals returns the transactions that were refused.
func (r *Report) Refusals() []TxOutcome {
	var out []TxOutcome
	for _, t := range r.Transactions {
		if t.Outcome == Refused {
			out = append(out, t)
		}
	}
	return out
}

// security is a stock security the import follows through transfers.
type security struct {
	number       int64
	holder       string
	class        string
	shares       corp.Decimal
	certificated bool
}

type planAct struct {
	date  corp.Date
	rank  int
	tx    int // index in report.Transactions, -1 for none
	doc   map[string]any
	order int
}

type planner struct {
	pkg      *Package
	opt      Options
	rep      *Report
	exists   bool
	newest   corp.Date
	persons  map[string]string // OCF stakeholder id -> person id
	known    map[string]bool   // person ids recorded or planned
	classes  map[string]string // OCF stock class id -> class id
	charter  acts.CharterField
	prefix   map[string]string // class id -> default_id_prefix
	secs     map[string]*security
	next     int64
	acts     []planAct
	consumed map[string]string      // issuance security ids created by a transfer -> transfer id
	imported map[string]uint64      // OCF issuance ids already on the books -> journal entry
	instr    map[string]*instrument // OCF security id -> the instrument it is
	instrIDs map[string]bool        // instrument ids given
	results  map[string][]*Object   // exercise or conversion id -> the stock issuances of its shares
}

// Import turns a package into acts and applies them to the corporation in
// one atomic batch through the act path: every act is decoded by
// acts.DecodeFile and checked against the bylaws in force on its date. A
// transaction that cannot be mapped, or an act that is refused, leaves the
// books unchanged; the report says why. A returned error is a storage or
// internal failure, or a package that cannot be imported at all.
func Import(ctx context.Context, svc *acts.Service, pkg *Package, opt Options) (*Report, error) {
	rep := &Report{Package: pkg.Name, OCFVersion: pkg.Version, Issuer: pkg.Issuer.Str("legal_name"),
		Stakeholders: []Mapping{}, Classes: []Mapping{}, Transactions: []TxOutcome{}, Instruments: []Mapping{}, Kept: []*Object{}, Acts: []acts.Result{}}
	p := &planner{pkg: pkg, opt: opt, rep: rep, persons: map[string]string{}, known: map[string]bool{},
		classes: map[string]string{}, prefix: map[string]string{}, secs: map[string]*security{}, next: 1, consumed: map[string]string{}, imported: map[string]uint64{},
		instr: map[string]*instrument{}, instrIDs: map[string]bool{}}
	corpID := opt.Corp
	if corpID == "" {
		corpID = slug(rep.Issuer, "corp")
	}
	rep.Corporation = corpID
	if err := p.load(ctx, svc, corpID); err != nil {
		return nil, err
	}
	if err := p.plan(corpID); err != nil {
		return nil, err
	}
	if len(rep.Refusals()) > 0 {
		rep.Status = string(acts.Refused)
		return rep, nil
	}
	sort.SliceStable(p.acts, func(i, j int) bool {
		a, b := p.acts[i], p.acts[j]
		if c := a.date.Compare(b.date); c != 0 {
			return c < 0
		}
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		return a.order < b.order
	})
	var docs []any
	for i, a := range p.acts {
		if p.exists && a.date.Before(p.newest) {
			a.doc["correction"] = true
		}
		if a.tx >= 0 {
			rep.Transactions[a.tx].Acts = append(rep.Transactions[a.tx].Acts, i)
		}
		docs = append(docs, a.doc)
	}
	if len(docs) == 0 {
		rep.Status = string(acts.Recorded)
		rep.Notes = append(rep.Notes, "the package holds nothing for the stock ledger")
		return rep, nil
	}
	rep.Document = map[string]any{"acts": docs}
	data, err := json.MarshalIndent(rep.Document, "", "  ")
	if err != nil {
		return nil, err
	}
	list, err := acts.DecodeFile("ocf:"+pkg.Name, data)
	if err != nil {
		return nil, fmt.Errorf("the acts made from the package do not decode (a bug in the importer): %w", err)
	}
	results, err := svc.Apply(ctx, corpID, list, acts.Options{DryRun: opt.DryRun, Atomic: true, Progress: opt.Progress})
	if err != nil {
		return nil, err
	}
	rep.Acts = results
	rep.Status = string(acts.Recorded)
	if opt.DryRun {
		rep.Status = string(acts.Checked)
	}
	for _, r := range results {
		if r.Status == acts.Refused {
			rep.Status = string(acts.Refused)
		}
	}
	return rep, nil
}

// load reads what the books already hold: the corporation, its persons,
// classes and the next certificate number.
func (p *planner) load(ctx context.Context, svc *acts.Service, corpID string) error {
	co, facts, err := svc.CorporationOn(ctx, corpID, corp.MustDate(9999, 12, 31))
	switch {
	case err == nil:
		p.exists = true
		_ = co
		p.charter = acts.CharterFieldOf(facts)
	case corp.KindOf(err) == corp.NotFound:
		return nil
	default:
		return err
	}
	ps, err := svc.Persons(ctx, corpID)
	if err != nil {
		return err
	}
	for _, x := range ps {
		p.known[x.ID] = true
	}
	certs, err := svc.Certificates(ctx, corpID, "")
	if err != nil {
		return err
	}
	for _, c := range certs {
		if c.Number >= p.next {
			p.next = c.Number + 1
		}
	}
	es, _, err := svc.Entries(ctx, corpID, 0, 0)
	if err != nil {
		return err
	}
	for _, e := range es {
		if d, err := corp.ParseDate(e.Effective); err == nil && d.After(p.newest) {
			p.newest = d
		}
		if e.Kind == "stock.issue" {
			r, _ := e.Fields.Get("resolution")
			if m := importedIssue.FindStringSubmatch(r.S); m != nil {
				p.imported[m[1]] = e.Seq
			}
		}
	}
	return nil
}

var secretary = map[string]any{"as": "secretary"}

func (p *planner) add(date corp.Date, rank, tx int, kind string, fields map[string]any) {
	p.acts = append(p.acts, planAct{date: date, rank: rank, tx: tx, order: len(p.acts),
		doc: map[string]any{"kind": kind, "effective": date.String(), "actor": secretary, "fields": fields}})
}

// Ranks order acts of one date.
const (
	rankCorporation = iota
	rankCharter
	rankPerson
	rankIssue
	rankTransfer
	rankOther
)

func (p *planner) plan(corpID string) error {
	pkg := p.pkg
	perr := &PackageError{Package: pkg.Name}
	// Dates: the corporation is created on its formation date, or on the
	// earliest transaction date if that is earlier.
	formation, _ := corp.ParseDate(pkg.Issuer.Str("formation_date"))
	start := formation
	for _, o := range pkg.Objects {
		if d, err := corp.ParseDate(o.Str("date")); err == nil && (strings.HasPrefix(o.Type, "TX_STOCK") || instrumentIssuances[o.Type]) && (start.IsZero() || d.Before(start)) {
			start = d
		}
	}
	if start.IsZero() {
		perr.Problems = append(perr.Problems, Problem{File: pkg.Issuer.File, Pointer: "/issuer/formation_date", Message: "no formation date and no dated transaction: cannot date the corporation"})
		return perr
	}
	// Securities transferred: the issuances of the resulting and balance
	// securities record the transfer's outcome, not new shares.
	for _, o := range pkg.Of("TX_STOCK_TRANSFER") {
		for _, x := range anyStrings(o.Field("resulting_security_ids")) {
			p.consumed[x] = o.ID
		}
		if b := o.Str("balance_security_id"); b != "" {
			p.consumed[b] = o.ID
		}
	}
	// Stock classes: charter facts, with the scale fractional shares need.
	scales := p.scales()
	var newClasses []acts.ClassField
	have := map[string]bool{}
	for _, c := range p.charter.Classes {
		have[c.ID] = true
	}
	for _, o := range pkg.Of("STOCK_CLASS") {
		id := p.uniqueClassID(o)
		p.classes[o.ID] = id
		p.prefix[id] = o.Str("default_id_prefix")
		m := Mapping{OCFID: o.ID, ID: id, Name: o.Str("name")}
		authorized, err := corp.ParseDecimal(numStr(o.Field("initial_shares_authorized")))
		if err != nil {
			perr.Problems = append(perr.Problems, Problem{File: o.File, Pointer: o.Pointer + "/initial_shares_authorized",
				Message: fmt.Sprintf("initial_shares_authorized is %v: minutebook needs a number of authorized shares for each class (DGCL §102(a)(4))", o.Field("initial_shares_authorized"))})
			continue
		}
		cf := acts.ClassField{ID: id, Name: o.Str("name"), Authorized: authorized, Scale: scales[o.ID]}
		if v, err := corp.ParseDecimal(numStr(o.Field("votes_per_share"))); err == nil {
			cf.VotesPerShare = &v
		}
		if pv, ok := o.Field("par_value").(map[string]any); ok {
			if v, err := corp.ParseDecimal(numStr(pv["amount"])); err == nil {
				cf.Par = v
			}
		}
		if have[id] {
			m.Reused = true
			for i, c := range p.charter.Classes {
				if c.ID == id {
					p.charter.Classes[i] = cf
				}
			}
		} else {
			newClasses = append(newClasses, cf)
		}
		p.rep.Classes = append(p.rep.Classes, m)
	}
	if len(perr.Problems) > 0 {
		return perr
	}
	p.charter.Classes = append(p.charter.Classes, newClasses...)
	if !p.exists {
		p.rep.Created = true
		p.createCorporation(corpID, formation, start)
	} else if len(pkg.Of("STOCK_CLASS")) > 0 {
		p.add(start, rankCharter, -1, "charter.amend", map[string]any{
			"charter": charterDoc(p.charter), "authority": fmt.Sprintf("stock classes of the OCF package %s (issuer %s)", pkg.Name, p.rep.Issuer)})
	}
	// Stakeholders.
	for _, o := range pkg.Of("STAKEHOLDER") {
		p.addPerson(o, start)
	}
	// Signers may be named by OCF stakeholder id (on a copy: the caller's
	// slice is left as it was).
	p.opt.Signers = append([]acts.SignerField(nil), p.opt.Signers...)
	for i, s := range p.opt.Signers {
		if id, ok := p.persons[s.Person]; ok {
			p.opt.Signers[i].Person = id
		}
	}
	// Transactions, in date order (stable).
	txs := make([]*Object, 0)
	for _, o := range pkg.Objects {
		if strings.HasPrefix(o.Type, "TX_") || strings.HasPrefix(o.Type, "CE_") {
			txs = append(txs, o)
		}
	}
	sort.SliceStable(txs, func(i, j int) bool {
		a, b := txs[i].Str("date"), txs[j].Str("date")
		if a != b {
			return a < b
		}
		return txRank(txs[i].Type) < txRank(txs[j].Type)
	})
	p.resultingIssuances(txs)
	for _, o := range txs {
		p.transaction(o)
	}
	for _, o := range pkg.Objects {
		if o.Type == "STOCK_PLAN" || o.Type == "VESTING_TERMS" {
			p.rep.Kept = append(p.rep.Kept, o)
		}
	}
	return nil
}

func txRank(t string) int {
	switch {
	case strings.Contains(t, "AUTHORIZED_SHARES_ADJUSTMENT"):
		return 0
	case t == "TX_STOCK_ISSUANCE" || instrumentIssuances[t]:
		return 1
	case instrumentExercises[t] || t == "TX_CONVERTIBLE_CONVERSION":
		return 2
	case t == "TX_STOCK_TRANSFER":
		return 3
	}
	return 4
}

func (p *planner) createCorporation(corpID string, formation, start corp.Date) {
	is := p.pkg.Issuer
	sub := is.Str("country_subdivision_of_formation")
	state := sub
	tz := p.opt.TimeZone
	if v, ok := usStates[sub]; ok && is.Str("country_of_formation") == "US" {
		state = v[0]
		if tz == "" {
			tz = v[1]
		}
	}
	if state == "" {
		state = is.Str("country_of_formation")
	}
	if tz == "" {
		tz = "UTC"
		p.rep.Notes = append(p.rep.Notes, "OCF records no time zone: the corporation's time zone is UTC (use --time-zone)")
	}
	if formation.IsZero() || start.Before(formation) {
		formation = start
	}
	addr := addressDoc(is.Field("address"))
	p.add(start, rankCorporation, -1, "corporation.create", map[string]any{
		"id": corpID, "legal_name": is.Str("legal_name"), "state": state, "time_zone": tz,
		"incorporation_date": formation.String(), "registered_office": addr, "principal_office": addr,
		"charter": charterDoc(p.charter), "bylaws": map[string]any{"default": true}, "bylaws_effective": start.String(),
	})
	p.rep.Notes = append(p.rep.Notes, fmt.Sprintf("corporation %s created with the default bylaws (Quintus), in force from %s; OCF carries no bylaws", corpID, start))
}

func charterDoc(c acts.CharterField) map[string]any {
	var classes []any
	for _, k := range c.Classes {
		m := map[string]any{"id": k.ID, "name": k.Name, "authorized": k.Authorized.String(), "par": k.Par.String(), "scale": k.Scale}
		if k.VotesPerShare != nil {
			m["votes_per_share"] = k.VotesPerShare.String()
		}
		if k.Rights != "" {
			m["rights"] = k.Rights
		}
		classes = append(classes, m)
	}
	doc := map[string]any{"cumulative_voting": c.CumulativeVoting, "board_may_amend_bylaws": c.BoardMayAmendBylaws,
		"committee_dividend_or_stock_authority": c.CommitteeDividendOrStockAuthority, "classes": classes}
	if c.WrittenConsentAllowed != nil {
		doc["written_consent_allowed"] = *c.WrittenConsentAllowed
	}
	if classes == nil {
		doc["classes"] = []any{}
	}
	return doc
}

// scales returns, per OCF stock class, the fractional digits its share
// counts need (authorized shares, issuances and transfers).
func (p *planner) scales() map[string]int {
	out := map[string]int{}
	classOf := map[string]string{}
	bump := func(class string, v any) {
		if d, err := corp.ParseDecimal(numStr(v)); err == nil && d.Scale() > out[class] {
			out[class] = d.Scale()
		}
	}
	for _, o := range p.pkg.Of("STOCK_CLASS") {
		bump(o.ID, o.Field("initial_shares_authorized"))
	}
	for _, o := range p.pkg.Of("TX_STOCK_ISSUANCE") {
		classOf[o.Str("security_id")] = o.Str("stock_class_id")
		bump(o.Str("stock_class_id"), o.Field("quantity"))
	}
	for _, o := range p.pkg.Of("TX_STOCK_TRANSFER") {
		bump(classOf[o.Str("security_id")], o.Field("quantity"))
	}
	for _, o := range p.pkg.Of("TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT") {
		bump(o.Str("stock_class_id"), o.Field("new_shares_authorized"))
	}
	return out
}

func (p *planner) uniqueClassID(o *Object) string {
	id := o.ID
	if !validID(id) {
		id = slug(o.Str("name"), "class")
	}
	used := map[string]bool{}
	for _, v := range p.classes {
		used[v] = true
	}
	base := id
	for n := 2; used[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id
}

func (p *planner) addPerson(o *Object, date corp.Date) {
	name, _ := o.Field("name").(map[string]any)
	legal, _ := name["legal_name"].(string)
	id := o.ID
	if !validID(id) {
		id = slug(legal, "person")
	}
	m := Mapping{OCFID: o.ID, Name: legal}
	if p.exists && p.known[id] {
		m.ID, m.Reused = id, true
		p.persons[o.ID] = id
		p.rep.Stakeholders = append(p.rep.Stakeholders, m)
		return
	}
	base := id
	for n := 2; p.known[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	p.known[id] = true
	p.persons[o.ID] = id
	m.ID = id
	p.rep.Stakeholders = append(p.rep.Stakeholders, m)
	kind := "corporation"
	if o.Str("stakeholder_type") == "INDIVIDUAL" {
		kind = "natural_person"
	}
	f := map[string]any{"id": id, "name": legal, "kind": kind}
	first, _ := name["first_name"].(string)
	last, _ := name["last_name"].(string)
	if kind == "natural_person" && first != "" && last != "" {
		f["sort_key"] = strings.ToUpper(last + ", " + first)
	}
	if as, ok := o.Field("addresses").([]any); ok && len(as) > 0 {
		f["address"] = addressDoc(as[0])
	}
	if e := email(o); e != "" {
		f["email"] = e
	}
	p.add(date, rankPerson, -1, "person.add", f)
}

func email(o *Object) string {
	for _, k := range []string{"contact_info", "primary_contact"} {
		c, _ := o.Field(k).(map[string]any)
		es, _ := c["emails"].([]any)
		for _, e := range es {
			if m, ok := e.(map[string]any); ok {
				if s, _ := m["email_address"].(string); s != "" {
					return s
				}
			}
		}
	}
	return ""
}

func addressDoc(v any) map[string]any {
	a, _ := v.(map[string]any)
	out := map[string]any{}
	if s, _ := a["street_suite"].(string); s != "" {
		out["lines"] = strings.Split(s, "\n")
	}
	for from, to := range map[string]string{"city": "city", "country_subdivision": "region", "postal_code": "postal_code", "country": "country"} {
		if s, _ := a[from].(string); s != "" {
			out[to] = s
		}
	}
	return out
}

// noEffect are the transaction types that change nothing minutebook keeps.
var noEffect = map[string]string{
	"TX_STOCK_ACCEPTANCE":                        "the holder's acceptance changes nothing on the stock ledger; the shares were recorded at issuance",
	"TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT": "minutebook's charter facts do not record conversion ratios",
	"TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT":     "minutebook records authorized shares per class (charter facts), not for the issuer as a whole",
	"CE_STAKEHOLDER_RELATIONSHIP":                "OCF stakeholder relationships (employee, advisor, investor…) are not the Art. VIII §1(f) relationships the relationships register keeps",
	"CE_STAKEHOLDER_STATUS":                      "minutebook keeps no stakeholder status",
}

// unsupported are the stock transaction types no act kind records yet.
var unsupported = map[string]string{
	"TX_STOCK_RETRACTION":    "an issuance retracted as if it never happened has no act kind: the journal is append-only",
	"TX_STOCK_REISSUANCE":    "no act kind reissues a security under new ids (splits recorded as reissuances included)",
	"TX_STOCK_CONVERSION":    "no act kind converts shares of one class into another yet",
	"TX_STOCK_CLASS_SPLIT":   "no act kind records a stock split yet",
	"TX_STOCK_CONSOLIDATION": "no act kind consolidates securities yet",
}

func (p *planner) outcome(o *Object, outcome, reason string) int {
	p.rep.Transactions = append(p.rep.Transactions, TxOutcome{ID: o.ID, Type: o.Type, Date: o.Str("date"), File: o.File, Pointer: o.Pointer, Outcome: outcome, Reason: reason})
	return len(p.rep.Transactions) - 1
}

func (p *planner) transaction(o *Object) {
	date, _ := corp.ParseDate(o.Str("date"))
	switch {
	case o.Type == "TX_STOCK_ISSUANCE":
		if t, ok := p.consumed[o.Str("security_id")]; ok {
			p.outcome(o, Applied, "records the security resulting from transfer "+t+", applied with it")
			return
		}
		p.issue(o, date)
	case o.Type == "TX_STOCK_TRANSFER":
		p.transfer(o, date)
	case o.Type == "TX_STOCK_REPURCHASE" || o.Type == "TX_STOCK_CANCELLATION":
		p.repurchase(o, date)
	case o.Type == "TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT":
		id := p.classes[o.Str("stock_class_id")]
		n, err := corp.ParseDecimal(numStr(o.Field("new_shares_authorized")))
		if err != nil {
			p.outcome(o, Refused, "new_shares_authorized is not a number")
			return
		}
		for i, c := range p.charter.Classes {
			if c.ID == id {
				p.charter.Classes[i].Authorized = n
			}
		}
		auth := "OCF " + o.Type + " " + o.ID
		if d := o.Str("board_approval_date"); d != "" {
			auth += ", board approval " + d
		}
		if d := o.Str("stockholder_approval_date"); d != "" {
			auth += ", stockholder approval " + d
		}
		tx := p.outcome(o, Applied, "")
		p.add(date, rankCharter, tx, "charter.amend", map[string]any{"charter": charterDoc(p.charter), "authority": auth})
	case instrumentIssuances[o.Type]:
		p.grant(o, date)
	case instrumentExercises[o.Type]:
		p.exercise(o, date)
	case o.Type == "TX_CONVERTIBLE_CONVERSION":
		p.convert(o, date)
	case instrumentCancellations[o.Type]:
		p.cancelInstrument(o, date)
	case instrumentRefused[o.Type] != "":
		p.outcome(o, Refused, fmt.Sprintf("%s: %s (act kinds: %s)", o.Type, instrumentRefused[o.Type], strings.Join(kindNames("instrument."), ", ")))
	case instrumentNoEffect[o.Type] != "":
		p.outcome(o, NoEffect, instrumentNoEffect[o.Type])
		if strings.HasPrefix(o.Type, "TX_STOCK_PLAN_") {
			p.rep.Kept = append(p.rep.Kept, o)
		}
	case p.isVestingOfInstrument(o):
		p.outcome(o, NoEffect, "minutebook keeps an instrument's vesting terms as text, not its vesting events (kept in the report)")
		p.rep.Kept = append(p.rep.Kept, o)
	case strings.HasPrefix(o.Type, "TX_VESTING_"):
		p.outcome(o, NoEffect, "minutebook does not track vesting of stock: the holder of record holds the shares")
	case noEffect[o.Type] != "":
		p.outcome(o, NoEffect, noEffect[o.Type])
	case unsupported[o.Type] != "":
		p.outcome(o, Refused, fmt.Sprintf("%s: %s (act kinds: %s)", o.Type, unsupported[o.Type], strings.Join(kindNames("stock."), ", ")))
	default:
		p.outcome(o, Refused, fmt.Sprintf("%s has no mapping to an act kind", o.Type))
	}
}

func kindNames(prefix string) []string {
	var out []string
	for _, k := range acts.Kinds() {
		if strings.HasPrefix(k.Name, prefix) {
			out = append(out, k.Name)
		}
	}
	return out
}

// importedIssue finds the OCF id an imported issuance's resolution names.
var importedIssue = regexp.MustCompile(`\(OCF TX_STOCK_ISSUANCE (.+?)\)`)

var certID = regexp.MustCompile(`^(.*?)(\d+)$`)

// certificated reports whether an issuance's custom_id is a certificate
// number: the class's default_id_prefix followed by digits (e.g. CS-12).
func (p *planner) certificated(o *Object, class string) bool {
	pre := p.prefix[class]
	m := certID.FindStringSubmatch(o.Str("custom_id"))
	return pre != "" && m != nil && m[1] == pre
}

func (p *planner) issue(o *Object, date corp.Date) {
	class := p.classes[o.Str("stock_class_id")]
	holder := p.persons[o.Str("stakeholder_id")]
	qty, err := corp.ParseDecimal(numStr(o.Field("quantity")))
	if err != nil {
		p.outcome(o, Refused, "quantity is not a number")
		return
	}
	price := corp.Decimal{}
	if sp, ok := o.Field("share_price").(map[string]any); ok {
		price, _ = corp.ParseDecimal(numStr(sp["amount"]))
		if c, _ := sp["currency"].(string); c != "" && c != "USD" {
			p.rep.Notes = append(p.rep.Notes, fmt.Sprintf("%s: share price in %s recorded as the consideration's amount; minutebook keeps consideration in dollars", o.ID, c))
		}
	}
	if seq, ok := p.imported[o.ID]; ok {
		p.outcome(o, Refused, fmt.Sprintf("already on the books: journal entry %d records this issuance; importing it again would issue the shares twice", seq))
		return
	}
	cert := p.certificated(o, class)
	if cert && p.opt.Uncertificated {
		cert = false
		p.rep.Notes = append(p.rep.Notes, fmt.Sprintf("%s: custom_id %s names a certificate; recorded as an uncertificated position (--uncertificated)", o.ID, o.Str("custom_id")))
	}
	resolution := fmt.Sprintf("Issued as an OCF package records it (OCF %s %s); the package gives no board approval date", o.Type, o.ID)
	if d := o.Str("board_approval_date"); d != "" {
		resolution = fmt.Sprintf("Board approval %s (OCF %s %s)", d, o.Type, o.ID)
	}
	f := map[string]any{"class": class, "holder": holder, "shares": qty.String(), "consideration": price.Mul(qty).String(),
		"resolution": resolution, "certificated": cert, "number": p.next}
	if cert {
		f["signers"] = p.signers()
		if len(p.opt.Signers) == 0 {
			p.rep.Notes = append(p.rep.Notes, fmt.Sprintf("%s: custom_id %s is a certificate number; a certificate needs two signing officers (Art. VI §1): give --signer PERSON:OFFICE twice, or --uncertificated", o.ID, o.Str("custom_id")))
		}
	}
	p.secs[o.Str("security_id")] = &security{number: p.next, holder: holder, class: class, shares: qty, certificated: cert}
	p.next++
	tx := p.outcome(o, Applied, "")
	p.add(date, rankIssue, tx, "stock.issue", f)
}

func (p *planner) signers() []any {
	out := []any{}
	for _, s := range p.opt.Signers {
		out = append(out, map[string]any{"person": s.Person, "office": s.Office, "facsimile": s.Facsimile})
	}
	return out
}

// transfer maps a TX_STOCK_TRANSFER: the transferee is the holder to whom
// the package issues the resulting security; the rest of the surrendered
// security returns to the transferor on the balance security.
func (p *planner) transfer(o *Object, date corp.Date) {
	src := p.secs[o.Str("security_id")]
	if src == nil {
		p.outcome(o, Refused, fmt.Sprintf("security %q is not an outstanding stock security of the package (transferred, cancelled or never issued as stock)", o.Str("security_id")))
		return
	}
	qty, err := corp.ParseDecimal(numStr(o.Field("quantity")))
	if err != nil {
		p.outcome(o, Refused, "quantity is not a number")
		return
	}
	issuances := map[string]*Object{}
	for _, x := range p.pkg.Of("TX_STOCK_ISSUANCE") {
		issuances[x.Str("security_id")] = x
	}
	results := anyStrings(o.Field("resulting_security_ids"))
	tx := p.outcome(o, Applied, "")
	remaining := qty
	cur := src
	for i, rid := range results {
		ri := issuances[rid]
		if ri == nil {
			p.rep.Transactions[tx].Outcome = Refused
			p.rep.Transactions[tx].Reason = fmt.Sprintf("the transferee is unknown: no TX_STOCK_ISSUANCE in the package issues the resulting security %q", rid)
			return
		}
		part := remaining
		if len(results) > 1 {
			part, _ = corp.ParseDecimal(numStr(ri.Field("quantity")))
		}
		if i == len(results)-1 {
			part = remaining
		}
		remaining = remaining.Sub(part)
		to := p.persons[ri.Str("stakeholder_id")]
		f := map[string]any{"from": cur.holder, "to": to, "certificates": []int64{cur.number}, "shares": part.String(),
			"evidence": "endorsed", "certificated": cur.certificated}
		if sp, ok := ri.Field("share_price").(map[string]any); ok {
			if v, err := corp.ParseDecimal(numStr(sp["amount"])); err == nil {
				f["price"] = v.Mul(part).String()
			}
		}
		if cur.certificated {
			f["signers"] = p.signers()
		}
		p.add(date, rankTransfer, tx, "stock.transfer", f)
		p.secs[rid] = &security{number: p.next, holder: to, class: cur.class, shares: part, certificated: cur.certificated}
		p.next++
		balance := cur.shares.Sub(part)
		delete(p.secs, o.Str("security_id"))
		if balance.Sign() > 0 {
			bid := o.Str("balance_security_id")
			if i < len(results)-1 || bid == "" {
				bid = fmt.Sprintf("%s#balance%d", o.ID, i)
			}
			cur = &security{number: p.next, holder: cur.holder, class: cur.class, shares: balance, certificated: cur.certificated}
			p.secs[bid] = cur
			p.next++
		}
	}
}

// repurchase maps TX_STOCK_REPURCHASE to stock.repurchase (the shares go
// into treasury), and TX_STOCK_CANCELLATION to stock.repurchase at no price
// followed by stock.retire (the shares return to authorized and unissued).
func (p *planner) repurchase(o *Object, date corp.Date) {
	kind := "stock.repurchase"
	if _, ok := acts.LookupKind(kind); !ok {
		p.outcome(o, Refused, "no act kind records a repurchase yet")
		return
	}
	src := p.secs[o.Str("security_id")]
	if src == nil {
		p.outcome(o, Refused, fmt.Sprintf("security %q is not an outstanding stock security of the package", o.Str("security_id")))
		return
	}
	qty, err := corp.ParseDecimal(numStr(o.Field("quantity")))
	if err != nil {
		p.outcome(o, Refused, "quantity is not a number")
		return
	}
	price := corp.Decimal{}
	if sp, ok := o.Field("price").(map[string]any); ok {
		if v, err := corp.ParseDecimal(numStr(sp["amount"])); err == nil {
			price = v.Mul(qty)
		}
	}
	resolution := fmt.Sprintf("Recorded as an OCF package records it (OCF %s %s)", o.Type, o.ID)
	tx := p.outcome(o, Applied, "")
	f := map[string]any{"holder": src.holder, "certificates": []int64{src.number}, "shares": qty.String(), "price": price.String(),
		"resolution": resolution, "certificated": src.certificated}
	balance := src.shares.Sub(qty)
	if src.certificated && balance.Sign() > 0 {
		f["signers"] = p.signers()
	}
	p.add(date, rankTransfer, tx, kind, f)
	delete(p.secs, o.Str("security_id"))
	if balance.Sign() > 0 {
		bid := o.Str("balance_security_id")
		if bid == "" {
			bid = o.ID + "#balance"
		}
		p.secs[bid] = &security{number: p.next, holder: src.holder, class: src.class, shares: balance, certificated: src.certificated}
		p.next++
	}
	if o.Type == "TX_STOCK_CANCELLATION" {
		p.rep.Transactions[tx].Reason = "the cancelled shares are surrendered to the corporation at no price and retired"
		p.add(date, rankOther, tx, "stock.retire", map[string]any{"class": src.class, "shares": qty.String(), "resolution": resolution})
	}
}

func anyStrings(v any) []string {
	var out []string
	if l, ok := v.([]any); ok {
		for _, x := range l {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// numStr returns an OCF Numeric (a string) or JSON number as text.
func numStr(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	}
	return fmt.Sprint(v)
}

var (
	idPattern   = regexp.MustCompile(`^[a-z][a-z0-9._-]{0,63}$`)
	uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
)

// validID reports whether an OCF id can be kept as a minutebook id: it is
// one (lower case, starting with a letter, at most 64) and not a UUID,
// which would make a poor id for people to type.
func validID(s string) bool { return idPattern.MatchString(s) && !uuidPattern.MatchString(s) }

// slug makes a minutebook id from a name: lower case, runs of other
// characters as '-', starting with a letter (else prefixed), at most 48.
func slug(name, prefix string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimRight(b.String(), "-")
	if len(s) > 48 {
		s = strings.TrimRight(s[:48], "-")
	}
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		s = strings.TrimRight(prefix+"-"+s, "-")
	}
	return s
}
