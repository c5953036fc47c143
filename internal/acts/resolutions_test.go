package acts_test

import (
	"context"
	"strings"
	"testing"

	"minutebook/internal/acts"
	"minutebook/internal/journal"
)

// checkWith returns the first check of rule with outcome o whose message
// contains frag, nil if none.
func checkWith(rs []acts.Result, rule string, o journal.Outcome, frag string) *journal.Check {
	for _, r := range rs {
		for i, c := range r.Checks {
			if c.Rule == rule && c.Outcome == o && strings.Contains(c.Message, frag) {
				return &r.Checks[i]
			}
		}
	}
	return nil
}

// TestAdvancementS116 works S116: a third party sues director Sam; his
// defense costs are $120,000. (a) Without an undertaking no advance is
// required: refused. (b) With a signed undertaking the corporation must
// advance $120,000.
func TestAdvancementS116(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	mustRecord(t, svc, `[{kind: indemnification.request, effective: 2004-03-01, actor: {person: susan, as: secretary}, fields: {id: sam, person: sam, role: director, proceeding: "Acme v. Quintus", nature: civil, initiated_by: third_party}}]`)
	adv := `[{kind: indemnification.advance, effective: 2004-03-15, actor: {person: tom, as: treasurer}, fields: {request: sam, amount: "120000"}}]`
	rs := apply(t, svc, adv, acts.Options{})
	if c := checkWith(rs, "VII.6.advancement", journal.Failed, "until an undertaking"); rs[0].Status != acts.Refused || c == nil || !strings.Contains(c.Citation, "Art. VII §6") {
		t.Fatalf("(a) no undertaking: %s %+v", rs[0].Status, rs[0].Checks)
	}
	mustRecord(t, svc, `[{kind: indemnification.undertaking, effective: 2004-03-05, actor: {person: susan, as: secretary}, fields: {request: sam}}]`)
	rs = mustRecord(t, svc, adv)
	if c := checkWith(rs, "VII.6.advancement", journal.Held, "must advance $120,000.00 (mandatory)"); c == nil {
		t.Errorf("(b) with the undertaking: %+v", rs[0].Checks)
	}
	docket, err := svc.IndemnificationDocket(context.Background(), "quintus")
	if err != nil || len(docket) != 1 || len(docket[0].Payments) != 1 || !docket[0].Payments[0].Mandatory || !strings.HasPrefix(docket[0].Advancement, "required") {
		t.Fatalf("docket: %+v %v", docket, err)
	}

	// The indemnity is offset by insurance and other sources: 150,000.00 −
	// 100,000.00 − 20,000.50 = 29,999.50 payable; 120,000 was advanced, so
	// 90,000.50 is repayable under the undertaking.
	rs = mustRecord(t, svc, `[{kind: indemnification.indemnify, effective: 2005-02-01, actor: {as: board}, fields: {request: sam, loss: "150000.00", insurance: "100000.00", other: "20000.50", resolution: r}}]`)
	if c := checkWith(rs, "VII.6.offset", journal.Held, "= $29,999.50 payable; $120,000.00 already advanced, so $90,000.50 advanced is repayable"); c == nil {
		t.Errorf("offset: %+v", rs[0].Checks)
	}
	// Insurance beyond the loss leaves nothing payable, never less.
	rs = apply(t, svc, `[{kind: indemnification.indemnify, effective: 2005-02-01, actor: {as: board}, fields: {request: sam, loss: "1000", insurance: "5000", resolution: r}}]`, acts.Options{DryRun: true})
	if c := checkWith(rs, "VII.6.offset", journal.Held, "= $0.00 payable"); c == nil {
		t.Errorf("offset floor: %+v", rs[0].Checks)
	}
}

// TestIndemnificationClauses: each clause of Art. VII §6 on its own.
func TestIndemnificationClauses(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	mustRecord(t, svc, `
- {kind: indemnification.request, effective: 2004-03-01, actor: {as: secretary}, fields: {id: own, person: ray, role: director, proceeding: "Patel v. Widget Co.", nature: civil, initiated_by: person}}
- {kind: indemnification.request, effective: 2004-03-01, actor: {as: secretary}, fields: {id: suit3, person: tess, role: director, proceeding: "Quintus v. Larsen", nature: civil, initiated_by: corporation, corporation_suit: {approved_by: 3, allegations: [misappropriation]}}}
- {kind: indemnification.request, effective: 2004-03-01, actor: {as: secretary}, fields: {id: suit2, person: quinn, role: director, proceeding: "Quintus v. Ortega", nature: civil, initiated_by: corporation, corporation_suit: {approved_by: 2, allegations: [misappropriation]}}}
- {kind: indemnification.request, effective: 2004-03-01, actor: {as: secretary}, fields: {id: tom, person: tom, role: officer, proceeding: "SEC inquiry", nature: investigative, initiated_by: third_party}}
- {kind: indemnification.undertaking, effective: 2004-03-02, actor: {as: secretary}, fields: {request: suit3}}
- {kind: indemnification.undertaking, effective: 2004-03-02, actor: {as: secretary}, fields: {request: suit2}}
- {kind: indemnification.undertaking, effective: 2004-03-02, actor: {as: secretary}, fields: {request: tom}}
`)
	// A proceeding the director initiated: no indemnity until the board
	// authorizes it.
	ind := `[{kind: indemnification.indemnify, effective: 2004-04-01, actor: {as: board}, fields: {request: own, loss: "10000", resolution: r}}]`
	if rs := apply(t, svc, ind, acts.Options{DryRun: true}); checkWith(rs, "VII.6.self_initiated", journal.Failed, "has not authorized") == nil {
		t.Errorf("self-initiated, unauthorized: %s %+v", rs[0].Status, rs[0].Checks)
	}
	mustRecord(t, svc, `[{kind: indemnification.authorize, effective: 2004-04-01, actor: {as: board}, fields: {request: own, what: proceeding, resolution: r}}]`)
	if rs := apply(t, svc, ind, acts.Options{DryRun: true}); rs[0].Status != acts.Checked {
		t.Errorf("self-initiated, authorized: %s %v", rs[0].Status, failed(rs))
	}
	// A suit by the corporation approved by 3 of the whole board of 5
	// (majority 3) alleging misappropriation: no advance required; the
	// treasurer may not advance on his own, the board may.
	adv := func(req, as string) []acts.Result {
		return apply(t, svc, `[{kind: indemnification.advance, effective: 2004-04-02, actor: {as: `+as+`}, fields: {request: `+req+`, amount: "5000"}}]`, acts.Options{DryRun: true})
	}
	if rs := adv("suit3", "treasurer"); checkWith(rs, "VII.6.advancement", journal.Failed, "only the board") == nil ||
		checkWith(rs, "VII.6.advancement_exception", journal.Held, "approved by 3 directors (a majority of the whole board is 3 of 5)") == nil {
		t.Errorf("exception, by the treasurer: %s %+v", rs[0].Status, rs[0].Checks)
	}
	if rs := adv("suit3", "board"); rs[0].Status != acts.Checked || checkWith(rs, "VII.6.advancement", journal.Held, "not required") == nil {
		t.Errorf("exception, by the board: %s %+v", rs[0].Status, rs[0].Checks)
	}
	// Approved by 2 of 5: the exception does not apply; advance mandatory.
	if rs := adv("suit2", "treasurer"); rs[0].Status != acts.Checked || checkWith(rs, "VII.6.advancement", journal.Held, "(mandatory)") == nil {
		t.Errorf("2 of 5 approvals: %s %+v", rs[0].Status, rs[0].Checks)
	}
	// An officer: at the board's discretion, not the treasurer's.
	if rs := adv("tom", "treasurer"); rs[0].Status != acts.Refused || checkWith(rs, "VII.6.advancement", journal.Failed, "board's discretion") == nil {
		t.Errorf("officer by the treasurer: %s %+v", rs[0].Status, rs[0].Checks)
	}
	// Tom is no director: he cannot claim as one.
	rs := apply(t, svc, `[{kind: indemnification.request, effective: 2004-04-03, actor: {as: secretary}, fields: {id: tom2, person: tom, role: director, proceeding: p, nature: civil, initiated_by: third_party}}]`, acts.Options{DryRun: true})
	if checkWith(rs, "VII.6.indemn_mandatory", journal.Failed, "never held a directorship") == nil {
		t.Errorf("non-director claiming as one: %s %+v", rs[0].Status, rs[0].Checks)
	}
	// ERISA: service to the plan counts as at the corporation's request
	// where the person's duties involve it.
	rs = apply(t, svc, `[{kind: indemnification.request, effective: 2004-04-03, actor: {as: secretary}, fields: {id: plan, person: sam, role: director, by_reason_of: benefit_plan, enterprise: "Quintus 401(k) Plan", plan_duties: true, proceeding: "DOL v. Rivera", nature: civil, initiated_by: third_party}}]`, acts.Options{DryRun: true})
	if rs[0].Status != acts.Checked || checkWith(rs, "VII.6.erisa", journal.Held, "deemed to have requested") == nil {
		t.Errorf("ERISA fiduciary: %s %+v", rs[0].Status, rs[0].Checks)
	}
	rs = apply(t, svc, `[{kind: indemnification.request, effective: 2004-04-03, actor: {as: secretary}, fields: {id: plan, person: sam, role: director, by_reason_of: benefit_plan, enterprise: "Quintus 401(k) Plan", proceeding: "DOL v. Rivera", nature: civil, initiated_by: third_party}}]`, acts.Options{DryRun: true})
	if checkWith(rs, "VII.6.erisa", journal.Warned, "plan_duties: false") == nil {
		t.Errorf("plan service not involved in duties: %+v", rs[0].Checks)
	}
}

// TestTypedResolutions: check signers, fiscal year, seal, salaries, other
// resolutions and the treasurer's bond with its renewal on the calendar.
func TestTypedResolutions(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	ctx := context.Background()
	mustRecord(t, svc, `
- {kind: resolution.check_signers, effective: 2004-01-05, actor: {as: board}, fields: {signers: [ray, tom], resolution: r}}
- {kind: resolution.fiscal_year, effective: 2004-01-05, actor: {as: board}, fields: {fiscal_year_end: "03-31", resolution: r}}
- {kind: resolution.seal, effective: 2004-01-05, actor: {as: board}, fields: {inscription: "QUINTUS CORPORATION 1995 Corporate Seal, Delaware", resolution: r}}
- {kind: resolution.salaries, effective: 2004-01-05, actor: {as: board}, fields: {resolution: r, salaries: [{person: ray, office: president, amount: "180000"}]}}
- {kind: resolution.other, effective: 2004-01-05, actor: {as: board}, fields: {title: Lease, text: "RESOLVED, ...", resolution: r}}
`)
	co, _, err := svc.CorporationOn(ctx, "quintus", mustDate(t, "2004-01-05"))
	if err != nil || co.FiscalYearEnd.String() != "03-31" || co.SealDescription != "QUINTUS CORPORATION 1995 Corporate Seal, Delaware" {
		t.Errorf("corporation after the resolutions: %+v %v", co, err)
	}
	for name, c := range map[string]struct{ src, rule, frag string }{
		"a seal without the year":       {`{kind: resolution.seal, effective: 2004-01-06, actor: {as: board}, fields: {inscription: "QUINTUS CORPORATION, Corporate Seal, Delaware", resolution: r}}`, "VII.5.seal", "the year of organization 1995"},
		"salary fixed by the president": {`{kind: resolution.salaries, effective: 2004-01-06, actor: {person: ray, as: president}, fields: {resolution: r, salaries: [{person: susan, amount: "1"}]}}`, "V.4.salaries", "may not be performed by the president"},
		"salary of a non-officer":       {`{kind: resolution.salaries, effective: 2004-01-06, actor: {as: board}, fields: {resolution: r, salaries: [{person: alice, office: treasurer, amount: "1"}]}}`, "V.4.salaries", "does not hold the office of treasurer"},
		"two signatures of one signer":  {`{kind: resolution.check_signers, effective: 2004-01-06, actor: {as: board}, fields: {signers: [tom], required: 2, resolution: r}}`, "VII.3.checks", "2 signatures required but 1"},
		"a bond of a non-treasurer":     {`{kind: treasurer.bond, effective: 2004-01-06, actor: {as: board}, fields: {treasurer: ray, amount: "1", sureties: [x], resolution: r}}`, "V.15.treasurer_bond", "not the treasurer"},
	} {
		rs := apply(t, svc, "["+c.src+"]", acts.Options{DryRun: true})
		if rs[0].Status != acts.Refused || checkWith(rs, c.rule, journal.Failed, c.frag) == nil {
			t.Errorf("%s: %s %+v", name, rs[0].Status, rs[0].Checks)
		}
	}
	// A bond given 2004-02-29 is renewed by 2010-02-28 (six years; 29
	// February to 28 February); a renewal on 2010-03-15 is 15 days late.
	mustRecord(t, svc, `[{kind: treasurer.bond, effective: 2004-02-29, actor: {as: board}, fields: {treasurer: tom, amount: "250000", sureties: ["F&D Co."], resolution: r}}]`)
	ds, err := svc.Calendar(ctx, "quintus", mustDate(t, "2010-01-01"), mustDate(t, "2010-12-31"))
	if err != nil || len(ds) != 1 || ds[0].Date.String() != "2010-02-28" || ds[0].Rule != "V.15.treasurer_bond" {
		t.Fatalf("calendar: %+v %v", ds, err)
	}
	rs := mustRecord(t, svc, `[{kind: treasurer.bond, effective: 2010-03-15, actor: {as: board}, fields: {treasurer: tom, amount: "300000", sureties: ["F&D Co."], resolution: r}}]`)
	if checkWith(rs, "V.15.treasurer_bond", journal.Warned, "15 days late") == nil {
		t.Errorf("late renewal: %+v", rs[0].Checks)
	}
	if ds, _ := svc.Calendar(ctx, "quintus", mustDate(t, "2010-01-01"), mustDate(t, "2016-12-31")); len(ds) != 1 || ds[0].Date.String() != "2016-03-15" {
		t.Errorf("renewed bond on the calendar: %+v", ds)
	}
	res, err := svc.Resolutions(ctx, "quintus")
	if err != nil || len(res) != 7 || res[0].Kind != "check_signers" || res[6].Kind != "treasurer_bond" {
		t.Errorf("resolutions: %d %+v %v", len(res), res, err)
	}
}

// TestBoardAmendsBylawsS112 works S112: the board amends the bylaws only
// when the certificate confers the power (Art. IX §1; DGCL §109(a)).
func TestBoardAmendsBylawsS112(t *testing.T) {
	t.Parallel()
	svc := fixtureF(t) // ledgerBase's charter does not confer the power
	amend := `[{kind: bylaws.amend, effective: 2004-06-17, actor: {as: board}, fields: {meeting: regular, resolution: "amend Art. III §7", bylaws: {default: true}}}]`
	rs := apply(t, svc, amend, acts.Options{})
	if c := failedCheck(rs, "IX.1.who"); rs[0].Status != acts.Refused || c == nil || !strings.Contains(c.Citation, "Art. IX §1") {
		t.Errorf("(b) power not conferred: %s %+v", rs[0].Status, c)
	}
	if k, _ := acts.LookupKind("bylaws.amend"); k.Power != acts.PowerAmendBylaws {
		t.Errorf("bylaws.amend exercises %q", k.Power)
	}
	mustRecord(t, svc, `[{kind: charter.amend, effective: 2004-06-01, actor: {as: secretary}, fields: {authority: a, charter: {board_may_amend_bylaws: true, classes: [{id: common, name: Common Stock, authorized: "1050000", par: "0.001"}, {id: units, name: Fractional Units, authorized: "1000", votes_per_share: "0", scale: 2}]}}}]`)
	rs = mustRecord(t, svc, amend)
	if checkWith(rs, "IX.1.who", journal.Held, "board_may_amend_bylaws = true") == nil {
		t.Errorf("(a) power conferred: %+v", rs[0].Checks)
	}
}
