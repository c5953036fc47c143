package acts

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// This file keeps the indemnification docket of Art. VII §6 (DGCL §145):
// requests by directors, officers and employees made parties to
// proceedings, the undertakings to repay, the board's authorizations, and
// the advances and indemnity decided, each citing its clause.

func init() {
	addEngineRules(map[string]engineRule{
		"MB.indemnification.unique": {"Art. VII §6", "a request id names one request on the docket"},
		"MB.indemnification.known":  {"Art. VII §6", "the request acted on is on the docket"},
		"MB.indemnification.amount": {"Art. VII §6; DGCL §145", "amounts claimed, advanced and offset are not negative, and an advance is positive"},
	})
}

// CorporationSuitField describes a proceeding brought by the corporation
// against the person (Art. VII §6 ¶2).
type CorporationSuitField struct {
	ApprovedBy  int      `mb:"approved_by" doc:"the number of directors who approved bringing it"`
	Allegations []string `mb:"allegations" doc:"what it alleges: misappropriation (willful misappropriation of corporate assets), confidential_disclosure (disclosure of confidential information in breach of duty), bad_faith_breach (another willful and deliberate breach in bad faith), other"`
}

// IndemnificationRequestFields are the fields of indemnification.request.
type IndemnificationRequestFields struct {
	ID         string `mb:"id,required" doc:"an identifier for the request, e.g. sam-2004-1"`
	Person     string `mb:"person,required" doc:"the director, officer or employee made a party"`
	Role       string `mb:"role,required" enum:"director,officer,employee" doc:"the position in the corporation by reason of which the person is a party"`
	ByReasonOf string `mb:"by_reason_of" enum:"corporation,other_corporation,benefit_plan" doc:"serving the corporation (default), at its request a director or officer of another corporation, or an employee benefit plan of the corporation"`
	Enterprise string `mb:"enterprise" doc:"the other corporation or the plan served"`
	// PlanDuties says the person's duties to the corporation also imposed
	// duties on, or involved services by, the person to the plan (Art.
	// VII §6 ¶5): then the corporation is deemed to have requested the
	// service.
	PlanDuties      bool                  `mb:"plan_duties" doc:"the person's duties to the corporation also involve duties or services to the plan (Art. VII §6 ¶5)"`
	Proceeding      string                `mb:"proceeding,required" doc:"the action, suit or proceeding, e.g. its caption"`
	Nature          string                `mb:"nature,required" enum:"civil,criminal,administrative,investigative"`
	InitiatedBy     string                `mb:"initiated_by,required" enum:"person,corporation,third_party" doc:"who brought it: the person, the corporation or another"`
	Threatened      bool                  `mb:"threatened" doc:"the person is threatened to be made a party"`
	CorporationSuit *CorporationSuitField `mb:"corporation_suit" doc:"for a proceeding brought by the corporation: the board's approval and the allegations"`
}

// IndemnificationRequest is a request on the docket.
type IndemnificationRequest struct {
	ID, Person, Role, ByReasonOf, Enterprise, Proceeding, Nature, InitiatedBy string
	CorporationSuit                                                           *CorporationSuitField
	Requested                                                                 corp.Date
	Undertaking                                                               string            // date received, "" for none
	Authorized                                                                map[string]string // "proceeding" or "discretion" -> resolution
	Seq                                                                       uint64
	Payments                                                                  []IndemnificationPayment
}

// IndemnificationPayment is an advance or an indemnity decided.
type IndemnificationPayment struct {
	Seq                                uint64
	Kind                               string // advance or indemnity
	Effective                          corp.Date
	Claimed, Insurance, Other, Payable corp.Decimal
	Mandatory                          bool
	Resolution                         string
}

func requestOf(r tables.Row) (IndemnificationRequest, error) {
	q := IndemnificationRequest{ID: r[0].(string), Person: r[1].(string), Role: r[2].(string), ByReasonOf: r[3].(string),
		Enterprise: r[4].(string), Proceeding: r[5].(string), Nature: r[6].(string), InitiatedBy: r[7].(string),
		Undertaking: r[10].(string), Seq: uint64(r[13].(int64)), Authorized: map[string]string{}}
	if s := r[8].(string); s != "" && s != "null" {
		q.CorporationSuit = &CorporationSuitField{}
		if err := json.Unmarshal([]byte(s), q.CorporationSuit); err != nil {
			return q, err
		}
	}
	if s := r[12].(string); s != "" {
		if err := json.Unmarshal([]byte(s), &q.Authorized); err != nil {
			return q, err
		}
	}
	var err error
	q.Requested, err = corp.ParseDate(r[9].(string))
	return q, err
}

func loadRequest(e *Env, id string) (IndemnificationRequest, tables.Row, bool, error) {
	row, ok, err := e.Rows.Get(tables.IndemnificationRequests, id)
	if err != nil || !ok {
		if err == nil {
			e.Fail("MB.indemnification.known", fmt.Sprintf("no request %q is on the docket (record indemnification.request first)", id))
		}
		return IndemnificationRequest{}, nil, false, err
	}
	q, err := requestOf(row)
	if err == nil {
		err = loadPayments(e.Rows, &q)
	}
	return q, append(tables.Row(nil), row...), err == nil, err
}

// exceptionApplies reports whether Art. VII §6 ¶2's exception to mandatory
// advancement applies: a proceeding brought by the corporation, approved by
// a majority of the board, alleging one of the listed wrongs. It records
// the check.
func (e *Env) exceptionApplies(q IndemnificationRequest) (bool, error) {
	const rule = "VII.6.advancement_exception"
	s := q.CorporationSuit
	if q.InitiatedBy != "corporation" || s == nil {
		return false, nil
	}
	whole, err := wholeBoard(e.Rows, e.Act.Effective)
	if err != nil {
		return false, err
	}
	base, basis := whole, "the whole board"
	if e.Bylaws.Choice("A-MAJBOARD") != "whole_board" {
		in, err := directorsOn(e.Rows, e.Act.Effective)
		if err != nil {
			return false, err
		}
		base, basis = len(in), "the directors in office"
	}
	need := base/2 + 1
	listed, _ := e.Bylaws.Texts(rule, "allegations")
	alleged := []string{}
	for _, a := range s.Allegations {
		for _, l := range listed {
			if a == l {
				alleged = append(alleged, a)
			}
		}
	}
	nums := []journal.Number{N("approved_by", s.ApprovedBy), N("board", base), N("majority", need), N("listed_allegations", joinStrings(alleged))}
	switch {
	case base == 0:
		e.Warn(rule, "no board size is recorded: whether a majority of the board approved the suit cannot be computed; the exception is not applied", nums...)
		return false, nil
	case s.ApprovedBy < need:
		e.Hold(rule, fmt.Sprintf("the suit by the corporation was approved by %d directors, fewer than a majority of %s (%d of %d; A-MAJBOARD): the exception does not apply", s.ApprovedBy, basis, need, base), nums...)
		return false, nil
	case len(alleged) == 0:
		e.Hold(rule, "the suit by the corporation alleges none of willful misappropriation, disclosure of confidential information or a bad-faith breach: the exception does not apply", nums...)
		return false, nil
	}
	e.Hold(rule, fmt.Sprintf("a suit by the corporation, approved by %d directors (a majority of %s is %d of %d), alleging %s: the corporation is not required to advance expenses",
		s.ApprovedBy, basis, need, base, joinStrings(alleged)), nums...)
	e.Warn(rule, "\"agent\" is read as the indemnified director (A-AGENT)")
	return true, nil
}

// RequestIndemnification puts a request on the docket.
var RequestIndemnification = Define(Kind{
	Name:    "indemnification.request",
	Summary: "put a request for indemnification or advancement on the docket",
	Doc: "Records that a director, officer or employee is made (or threatened to be made) a party to a proceeding " +
		"by reason of the position, who brought it, and what it is. The corporation must indemnify a director " +
		"to the fullest extent Delaware law allows, for service to the corporation or, at its request, as a " +
		"director or officer of another corporation (Art. VII §6 ¶1); officers and employees at the board's " +
		"discretion (¶4). Service to an employee benefit plan that the person's duties involve counts as service " +
		"at the corporation's request (¶5, ERISA). A proceeding the person initiated needs the board's " +
		"authorization (¶1). A suit by the corporation approved by a majority of the board alleging willful " +
		"misappropriation, disclosure of confidential information or a bad-faith breach needs no advance (¶2). " +
		"`minutebook indemnification` lists the docket.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary, corp.AsDirector},
	Example: `kind: indemnification.request
effective: 2004-03-01
actor: {person: susan, as: secretary}
fields:
  id: sam-2004
  person: sam
  role: director
  proceeding: "Acme Supply v. Quintus Corp. et al."
  nature: civil
  initiated_by: third_party
`,
	NeedsBylaws: true,
}, func(e *Env, f *IndemnificationRequestFields) error {
	_, dup, err := e.Rows.Get(tables.IndemnificationRequests, f.ID)
	if err != nil {
		return err
	}
	e.Check("MB.indemnification.unique", !dup, fmt.Sprintf("request %q is not yet on the docket", f.ID), fmt.Sprintf("request %q is already on the docket", f.ID))
	ok, err := e.PersonExists(f.Person)
	if err != nil {
		return err
	}
	e.Check("MB.person.known", ok, fmt.Sprintf("person %q is recorded", f.Person), fmt.Sprintf("person %q is not recorded", f.Person))
	if f.CorporationSuit != nil && f.InitiatedBy != "corporation" {
		e.Fail("VII.6.advancement_exception", "corporation_suit describes a proceeding brought by the corporation: initiated_by must be corporation")
	}
	q := requestFromFields(f, e)
	if f.Role == "director" {
		if err := e.directorCovered(q); err != nil {
			return err
		}
	}
	coverage(e, q)
	if f.InitiatedBy == "person" {
		e.Hold("VII.6.self_initiated", fmt.Sprintf("%s initiated the proceeding: indemnification is owed only if the board authorized it (indemnification.authorize)", f.Person))
	}
	_, err = e.exceptionApplies(q)
	return err
}, func(e *Env, f *IndemnificationRequestFields) error {
	suit := ""
	if f.CorporationSuit != nil {
		suit = marshalText(f.CorporationSuit)
	}
	q := requestFromFields(f, e)
	return e.Rows.Put(tables.IndemnificationRequests, tables.Row{f.ID, f.Person, f.Role, q.ByReasonOf, f.Enterprise, f.Proceeding, f.Nature,
		f.InitiatedBy, suit, e.Act.Effective.String(), "", "", "", int64(e.Seq)})
})

func requestFromFields(f *IndemnificationRequestFields, e *Env) IndemnificationRequest {
	by := f.ByReasonOf
	if by == "" {
		by = "corporation"
	}
	if by == "benefit_plan" && f.PlanDuties {
		by = "benefit_plan_deemed_requested"
	}
	return IndemnificationRequest{ID: f.ID, Person: f.Person, Role: f.Role, ByReasonOf: by, Enterprise: f.Enterprise, Proceeding: f.Proceeding,
		Nature: f.Nature, InitiatedBy: f.InitiatedBy, CorporationSuit: f.CorporationSuit, Requested: e.Act.Effective}
}

// directorCovered checks a director's claim against the register when one
// is kept: a present or former director (Art. VII §6 ¶1 (ii)).
func (e *Env) directorCovered(q IndemnificationRequest) error {
	any, ever := false, false
	if err := e.Rows.Scan(tables.Directors, nil, func(r tables.Row) error {
		any = true
		ever = ever || (r[0].(string) == q.Person && r[1].(string) <= e.Act.Effective.String())
		return nil
	}); err != nil {
		return err
	}
	if !any {
		return nil
	}
	now, err := isDirector(e.Rows, q.Person, e.Act.Effective)
	if err != nil {
		return err
	}
	switch {
	case !ever:
		e.Fail("VII.6.indemn_mandatory", fmt.Sprintf("%s has never held a directorship (directors register): claim as an officer or employee (Art. VII §6 ¶4)", q.Person))
	case !now:
		e.Hold("VII.6.nonexclusive_etc", fmt.Sprintf("%s has ceased to be a director: the indemnity continues (Art. VII §6 ¶1 (ii))", q.Person))
	}
	return nil
}

// coverage records which clause covers the request.
func coverage(e *Env, q IndemnificationRequest) {
	switch q.ByReasonOf {
	case "benefit_plan_deemed_requested":
		e.Hold("VII.6.erisa", fmt.Sprintf("the plan %q is an \"other enterprise\"; %s's duties to the corporation involve the plan, so the corporation is deemed to have requested the service; ERISA excise taxes count as fines", q.Enterprise, q.Person))
	case "benefit_plan":
		e.Warn("VII.6.erisa", fmt.Sprintf("service to the plan %q is deemed at the corporation's request only where the person's duties to the corporation involve the plan (plan_duties: false): coverage needs the corporation's actual request", q.Enterprise))
	}
	switch q.Role {
	case "director":
		what := "being a director of the corporation"
		if q.ByReasonOf != "corporation" {
			what = "serving at the corporation's request as a director or officer of " + q.Enterprise
		}
		e.Hold("VII.6.indemn_mandatory", fmt.Sprintf("%s, a director, is a party by reason of %s: the corporation must indemnify to the fullest extent Delaware law allows", q.Person, what))
	default:
		e.Hold("VII.6.officers_employees", fmt.Sprintf("%s is a party as %s: indemnity is at the board's discretion (Art. VII §6 ¶4); DGCL §145(c) makes expenses mandatory for a present or former officer who succeeds on the merits or otherwise", q.Person, article(q.Role)))
	}
}

func article(role string) string {
	if role == "officer" {
		return "an officer"
	}
	return "an " + role
}

// UndertakingFields are the fields of indemnification.undertaking.
type UndertakingFields struct {
	Request  string `mb:"request,required"`
	SignedBy string `mb:"signed_by" doc:"who signed it, by or on behalf of the person; default the person"`
}

// ReceiveUndertaking records the person's written undertaking to repay.
var ReceiveUndertaking = Define(Kind{
	Name:    "indemnification.undertaking",
	Summary: "record the written undertaking to repay advanced expenses",
	Doc: "Records receipt of an undertaking by or on behalf of the person to repay the amounts advanced if it is " +
		"ultimately determined that the person is not entitled to indemnification (Art. VII §6 ¶2; DGCL §145(e)). " +
		"Until it is received no advance is required.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary},
	Example: `kind: indemnification.undertaking
effective: 2004-03-05
actor: {person: susan, as: secretary}
fields: {request: sam-2004}
`,
	NeedsBylaws: true,
}, func(e *Env, f *UndertakingFields) error {
	q, _, ok, err := loadRequest(e, f.Request)
	if err != nil || !ok {
		return err
	}
	by := f.SignedBy
	if by == "" {
		by = q.Person
	}
	if q.Undertaking != "" {
		e.Fail("VII.6.advancement", fmt.Sprintf("an undertaking on request %s was received on %s", q.ID, q.Undertaking))
		return nil
	}
	e.Hold("VII.6.advancement", fmt.Sprintf("the undertaking to repay, signed by %s for %s, is received on %s", by, q.Person, e.Act.Effective))
	return nil
}, func(e *Env, f *UndertakingFields) error {
	row, ok, err := e.Rows.Get(tables.IndemnificationRequests, f.Request)
	if err != nil || !ok {
		return fmt.Errorf("indemnification.undertaking: request %q: %v", f.Request, err)
	}
	row = append(tables.Row(nil), row...)
	row[10] = e.Act.Effective.String()
	return e.Rows.Put(tables.IndemnificationRequests, row)
})

// AuthorizeFields are the fields of indemnification.authorize.
type AuthorizeFields struct {
	Request    string `mb:"request,required"`
	What       string `mb:"what,required" enum:"proceeding,discretion" doc:"proceeding: the board authorizes a proceeding the person initiated (¶1); discretion: the board decides to indemnify an officer or employee (¶4)"`
	Resolution string `mb:"resolution,required"`
}

// AuthorizeIndemnification records the board's authorization.
var AuthorizeIndemnification = Define(Kind{
	Name:    "indemnification.authorize",
	Summary: "the board authorizes a proceeding the person initiated, or indemnifies an officer or employee",
	Doc: "The board authorizes a proceeding that the director initiated, without which no indemnification is owed " +
		"for it (Art. VII §6 ¶1), or exercises its discretion to indemnify an officer or employee (¶4).",
	Actors: boardBodies,
	Power:  PowerOrdinary,
	Example: `kind: indemnification.authorize
effective: 2004-03-10
actor: {as: board}
fields: {request: sam-2004, what: discretion, resolution: "Board resolution 2004-03-10 #2"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *AuthorizeFields) error {
	q, _, ok, err := loadRequest(e, f.Request)
	if err != nil || !ok {
		return err
	}
	if f.What == "proceeding" {
		e.Check("VII.6.self_initiated", q.InitiatedBy == "person",
			fmt.Sprintf("the %s authorizes the proceeding %s initiated (%s)", e.Act.Actor.Capacity, q.Person, f.Resolution),
			fmt.Sprintf("the proceeding was brought by the %s, not by %s: no authorization is needed", q.InitiatedBy, q.Person))
		return nil
	}
	e.Check("VII.6.officers_employees", q.Role != "director",
		fmt.Sprintf("the %s in its discretion indemnifies %s, %s (%s)", e.Act.Actor.Capacity, q.Person, article(q.Role), f.Resolution),
		fmt.Sprintf("%s claims as a director, whose indemnity is mandatory (Art. VII §6 ¶1), not discretionary", q.Person))
	return nil
}, func(e *Env, f *AuthorizeFields) error {
	row, ok, err := e.Rows.Get(tables.IndemnificationRequests, f.Request)
	if err != nil || !ok {
		return fmt.Errorf("indemnification.authorize: request %q: %v", f.Request, err)
	}
	q, err := requestOf(row)
	if err != nil {
		return err
	}
	q.Authorized[f.What] = f.Resolution
	row = append(tables.Row(nil), row...)
	row[11], row[12] = e.Act.Effective.String(), marshalText(q.Authorized)
	return e.Rows.Put(tables.IndemnificationRequests, row)
})

// AdvanceFields are the fields of indemnification.advance.
type AdvanceFields struct {
	Request    string       `mb:"request,required"`
	Amount     corp.Decimal `mb:"amount,required" doc:"the expenses advanced, in dollars"`
	Resolution string       `mb:"resolution" doc:"the board resolution, where the advance is discretionary"`
}

// Advance records expenses advanced before the final disposition.
var Advance = Define(Kind{
	Name:    "indemnification.advance",
	Summary: "advance defense expenses before the final disposition",
	Doc: "A director's expenses in defending a civil or criminal proceeding must be advanced on receipt of an " +
		"undertaking to repay (Art. VII §6 ¶2): without one the advance is refused. In a suit by the corporation " +
		"approved by a majority of the board alleging willful misappropriation, disclosure of confidential " +
		"information or a bad-faith breach, no advance is required, and one is made only by the board's decision; " +
		"likewise for an officer or employee (¶4) and for administrative or investigative proceedings.",
	Actors: []corp.Capacity{corp.AsBoard, corp.AsCommittee, corp.AsTreasurer},
	Power:  PowerOrdinary,
	Example: `kind: indemnification.advance
effective: 2004-03-15
actor: {person: tom, as: treasurer}
fields: {request: sam-2004, amount: "120000.00"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *AdvanceFields) error {
	q, _, ok, err := loadRequest(e, f.Request)
	if err != nil || !ok {
		return err
	}
	_, err = e.decideAdvance(q, f.Amount)
	return err
}, func(e *Env, f *AdvanceFields) error {
	q, _, _, err := loadRequest(e, f.Request)
	if err != nil {
		return err
	}
	mandatory := mandatoryAdvance(q) && !e.quietException(q)
	return e.Rows.Put(tables.IndemnificationPayments, tables.Row{f.Request, int64(e.Seq), "advance", e.Act.Effective.String(),
		f.Amount.String(), "0", "0", f.Amount.String(), boolInt(mandatory), f.Resolution})
})

func mandatoryAdvance(q IndemnificationRequest) bool {
	return q.Role == "director" && (q.Nature == "civil" || q.Nature == "criminal") && q.Undertaking != ""
}

// quietException evaluates the ¶2 exception without recording checks.
func (e *Env) quietException(q IndemnificationRequest) bool {
	saved := e.checks
	ok, _ := e.exceptionApplies(q)
	e.checks = saved
	return ok
}

// decideAdvance records the checks of an advance and reports whether it
// is mandatory.
func (e *Env) decideAdvance(q IndemnificationRequest, amount corp.Decimal) (bool, error) {
	const rule = "VII.6.advancement"
	if amount.Sign() <= 0 {
		e.Fail("MB.indemnification.amount", fmt.Sprintf("an advance of %s: the amount must be positive", amount), N("amount", amount))
		return false, nil
	}
	byBoard := e.Act.Actor.Capacity == corp.AsBoard || e.Act.Actor.Capacity == corp.AsCommittee
	if q.Undertaking == "" && q.Role != "employee" {
		e.Fail(rule, fmt.Sprintf("no advance is required, or made, until an undertaking by or on behalf of %s to repay is received (DGCL §145(e)): none is recorded on request %s", q.Person, q.ID),
			N("amount", amount), N("undertaking", "none"))
		return false, nil
	}
	exception, err := e.exceptionApplies(q)
	if err != nil {
		return false, err
	}
	discretionary := ""
	switch {
	case exception:
		discretionary = "the suit by the corporation falls under the exception of Art. VII §6 ¶2"
	case q.Role != "director":
		discretionary = fmt.Sprintf("%s is %s, whose advance is at the board's discretion (Art. VII §6 ¶4)", q.Person, article(q.Role))
	case q.Nature != "civil" && q.Nature != "criminal":
		discretionary = fmt.Sprintf("Art. VII §6 ¶2 requires advances in civil or criminal proceedings; this one is %s", q.Nature)
	}
	if discretionary != "" {
		e.Check(rule, byBoard, fmt.Sprintf("not required (%s); the %s advances %s in its discretion", discretionary, e.Act.Actor.Capacity, money(amount)),
			fmt.Sprintf("not required (%s): only the board (or a committee) may decide to advance it", discretionary), N("amount", amount))
		return false, nil
	}
	e.Hold(rule, fmt.Sprintf("the undertaking of %s was received on %s: the corporation must advance %s (mandatory)", q.Person, q.Undertaking, money(amount)),
		N("amount", amount), N("undertaking", q.Undertaking))
	return true, nil
}

// IndemnifyFields are the fields of indemnification.indemnify.
type IndemnifyFields struct {
	Request     string        `mb:"request,required"`
	Loss        corp.Decimal  `mb:"loss,required" doc:"expenses, judgments, fines (ERISA excise taxes included) and settlements, in dollars"`
	ExciseTaxes *corp.Decimal `mb:"excise_taxes" doc:"the part of the loss that is excise taxes under ERISA, counted as fines (Art. VII §6 ¶5)"`
	Insurance   *corp.Decimal `mb:"insurance" doc:"insurance coverage applicable, under a policy of the corporation or anyone else"`
	Other       *corp.Decimal `mb:"other" doc:"other sources of indemnification"`
	Resolution  string        `mb:"resolution,required"`
}

// Indemnify records the indemnity decided on a request.
var Indemnify = Define(Kind{
	Name:    "indemnification.indemnify",
	Summary: "decide the indemnity, offset by insurance and other sources",
	Doc: "The corporation's obligation is offset by any other source of indemnification and any applicable " +
		"insurance (Art. VII §6 ¶1): payable = loss − insurance − other, never below zero, in exact decimals. " +
		"For a proceeding the director initiated, the board must have authorized it (¶1); for an officer or " +
		"employee, the board must have decided to indemnify (¶4). Advances already made count against the " +
		"payable amount; any excess is repayable under the undertaking.",
	Actors: boardBodies,
	Power:  PowerOrdinary,
	Example: `kind: indemnification.indemnify
effective: 2005-02-01
actor: {as: board}
fields: {request: sam-2004, loss: "150000.00", insurance: "100000.00", resolution: "Board resolution 2005-02-01 #1"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *IndemnifyFields) error {
	q, _, ok, err := loadRequest(e, f.Request)
	if err != nil || !ok {
		return err
	}
	ins, other := decOr(f.Insurance), decOr(f.Other)
	if f.Loss.Sign() < 0 || ins.Sign() < 0 || other.Sign() < 0 || (f.ExciseTaxes != nil && (f.ExciseTaxes.Sign() < 0 || f.ExciseTaxes.Cmp(f.Loss) > 0)) {
		e.Fail("MB.indemnification.amount", "loss, excise taxes, insurance and other sources are not negative, and excise taxes are part of the loss")
		return nil
	}
	if q.InitiatedBy == "person" {
		_, ok := q.Authorized["proceeding"]
		e.Check("VII.6.self_initiated", ok, fmt.Sprintf("the board authorized the proceeding %s initiated (%s)", q.Person, q.Authorized["proceeding"]),
			fmt.Sprintf("%s initiated the proceeding and the board has not authorized it: no indemnification is owed (record indemnification.authorize what: proceeding)", q.Person))
	}
	if q.Role != "director" {
		_, ok := q.Authorized["discretion"]
		e.Check("VII.6.officers_employees", ok || e.Act.Actor.Capacity == corp.AsBoard || e.Act.Actor.Capacity == corp.AsCommittee,
			fmt.Sprintf("the board in its discretion indemnifies %s, %s", q.Person, article(q.Role)),
			fmt.Sprintf("%s is %s: indemnity is at the board's discretion", q.Person, article(q.Role)))
	} else {
		e.Hold("VII.6.indemn_mandatory", fmt.Sprintf("%s is a director: indemnity to the fullest extent Delaware law allows", q.Person))
	}
	if q.InitiatedBy == "corporation" {
		e.Warn("VII.6.indemn_mandatory", "a proceeding by or in the right of the corporation: judgments and settlements in it are not indemnifiable, and expenses only so far as the Court of Chancery allows where the person is adjudged liable (DGCL §145(b))")
	}
	if f.ExciseTaxes != nil && f.ExciseTaxes.Sign() > 0 {
		e.Hold("VII.6.erisa", fmt.Sprintf("%s of ERISA excise taxes count as fines", money(*f.ExciseTaxes)), N("excise_taxes", *f.ExciseTaxes))
	}
	payable, advanced := offsetPayable(f.Loss, ins, other), advancedOn(q)
	e.Hold("VII.6.offset", fmt.Sprintf("loss %s − insurance %s − other sources %s = %s payable; %s already advanced, so %s", money(f.Loss), money(ins), money(other),
		money(payable), money(advanced), balance(payable, advanced)),
		N("loss", f.Loss), N("insurance", ins), N("other", other), N("payable", payable), N("advanced", advanced), N("balance", payable.Sub(advanced)))
	return nil
}, func(e *Env, f *IndemnifyFields) error {
	q, _, _, err := loadRequest(e, f.Request)
	if err != nil {
		return err
	}
	ins, other := decOr(f.Insurance), decOr(f.Other)
	return e.Rows.Put(tables.IndemnificationPayments, tables.Row{f.Request, int64(e.Seq), "indemnity", e.Act.Effective.String(),
		f.Loss.String(), ins.String(), other.String(), offsetPayable(f.Loss, ins, other).String(), boolInt(q.Role == "director"), f.Resolution})
})

func decOr(d *corp.Decimal) corp.Decimal {
	if d == nil {
		return corp.Decimal{}
	}
	return *d
}

// offsetPayable is loss − insurance − other, never below zero (Art. VII
// §6 ¶1).
func offsetPayable(loss, insurance, other corp.Decimal) corp.Decimal {
	p := loss.Sub(insurance).Sub(other)
	if p.Sign() < 0 {
		return corp.Decimal{}
	}
	return p
}

func balance(payable, advanced corp.Decimal) string {
	switch d := payable.Sub(advanced); d.Sign() {
	case 0:
		return "nothing more is due"
	case 1:
		return money(d) + " is due"
	default:
		return money(advanced.Sub(payable)) + " advanced is repayable under the undertaking"
	}
}

func advancedOn(q IndemnificationRequest) corp.Decimal {
	var s corp.Decimal
	for _, p := range q.Payments {
		if p.Kind == "advance" {
			s = s.Add(p.Payable)
		}
	}
	return s
}

// loadPayments adds the request's advances and indemnity to q.
func loadPayments(r tables.Reader, q *IndemnificationRequest) error {
	return r.Scan(tables.IndemnificationPayments, []any{q.ID}, func(row tables.Row) error {
		p, err := paymentOf(row)
		q.Payments = append(q.Payments, p)
		return err
	})
}

func paymentOf(r tables.Row) (IndemnificationPayment, error) {
	p := IndemnificationPayment{Seq: uint64(r[1].(int64)), Kind: r[2].(string), Mandatory: r[8].(int64) == 1, Resolution: r[9].(string)}
	var err error
	if p.Effective, err = corp.ParseDate(r[3].(string)); err != nil {
		return p, err
	}
	for i, d := range []*corp.Decimal{&p.Claimed, &p.Insurance, &p.Other, &p.Payable} {
		if *d, err = corp.ParseDecimal(r[4+i].(string)); err != nil {
			return p, err
		}
	}
	return p, nil
}

// DocketEntry is a request with its determination under each clause.
type DocketEntry struct {
	IndemnificationRequest
	// Advancement says whether expenses must be advanced now, with the clause.
	Advancement string
	// Indemnity says whether indemnity is owed, with the clause.
	Indemnity string
}

// IndemnificationDocket returns the docket of Art. VII §6: every request
// with its undertakings, authorizations, advances and indemnity, in the
// order received, each with its determination under the clauses.
func (s *Service) IndemnificationDocket(ctx context.Context, corpID string) ([]DocketEntry, error) {
	var out []DocketEntry
	err := s.Store.View(ctx, corpID, func(v View) error {
		return v.Scan(tables.IndemnificationRequests, nil, func(r tables.Row) error {
			q, err := requestOf(r)
			if err != nil {
				return err
			}
			if err := loadPayments(v, &q); err != nil {
				return err
			}
			out = append(out, DocketEntry{IndemnificationRequest: q, Advancement: advancementStatus(q), Indemnity: indemnityStatus(q)})
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	return out, err
}

func advancementStatus(q IndemnificationRequest) string {
	suit := q.CorporationSuit
	switch {
	case q.Role != "director":
		return "at the board's discretion (Art. VII §6 ¶4)"
	case q.Nature != "civil" && q.Nature != "criminal":
		return "not required: not a civil or criminal proceeding (Art. VII §6 ¶2)"
	case q.Undertaking == "":
		return "not required until an undertaking to repay is received (Art. VII §6 ¶2)"
	case q.InitiatedBy == "corporation" && suit != nil && len(suit.Allegations) > 0:
		return "required unless the suit falls under the exception for suits by the corporation (Art. VII §6 ¶2): see the request's checks"
	}
	return "required: the undertaking was received on " + q.Undertaking + " (Art. VII §6 ¶2)"
}

func indemnityStatus(q IndemnificationRequest) string {
	_, authorized := q.Authorized["proceeding"]
	_, discretion := q.Authorized["discretion"]
	switch {
	case q.InitiatedBy == "person" && !authorized:
		return "not owed unless the board authorizes the proceeding the person initiated (Art. VII §6 ¶1)"
	case q.Role != "director" && !discretion:
		return "at the board's discretion (Art. VII §6 ¶4)"
	case q.Role != "director":
		return "the board decided to indemnify (Art. VII §6 ¶4), offset by insurance and other sources (¶1)"
	}
	return "mandatory to the fullest extent of Delaware law, offset by insurance and other sources (Art. VII §6 ¶1)"
}

// money writes dollars grouped with cents: "$29,999.50" (more digits are
// kept, never rounded).
func money(d corp.Decimal) string {
	s := d.StringFixed(2)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := "$" + b.String() + "." + frac
	if neg {
		out = "-" + out
	}
	return out
}
