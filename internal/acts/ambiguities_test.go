package acts_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"minutebook/internal/acts"
	"minutebook/internal/bylaws"
	"minutebook/internal/journal"
)

// withChoices records, on 2004-03-01, the Quintus bylaws with the given
// replacements of their text (an ambiguity's choice and the parameters
// that must agree with it), adopted by the stockholders.
func withChoices(t *testing.T, svc *acts.Service, replace ...string) {
	t.Helper()
	src := string(bylaws.QuintusSource())
	for i := 0; i+1 < len(replace); i += 2 {
		if !strings.Contains(src, replace[i]) {
			t.Fatalf("%q not found in the Quintus bylaws", replace[i])
		}
		src = strings.Replace(src, replace[i], replace[i+1], 1)
	}
	text, _ := json.Marshal(src)
	mustApply(t, svc, `[{kind: bylaws.amend, effective: 2004-03-01, actor: {as: stockholders}, fields: {meeting: special, notice_included_amendment: true, resolution: r, bylaws: {text: `+string(text)+`}}}]`)
	bl, err := svc.BylawsOn(context.Background(), "quintus", mustDate(t, "2004-06-15"))
	if err != nil || bl.Version.Number != 2 {
		t.Fatalf("bylaws in force: %+v, %v", bl, err)
	}
}

// cited returns the check of rule with outcome o whose message contains
// every fragment, nil when there is none; the citation must name where.
func cited(t *testing.T, rs []acts.Result, rule string, o journal.Outcome, where string, frags ...string) *journal.Check {
	t.Helper()
	for _, r := range rs {
	next:
		for i, c := range r.Checks {
			if c.Rule != rule || c.Outcome != o {
				continue
			}
			for _, f := range frags {
				if !strings.Contains(c.Message, f) {
					continue next
				}
			}
			if !strings.Contains(c.Citation, where) {
				t.Errorf("%s: citation %q does not name %s", rule, c.Citation, where)
			}
			return &r.Checks[i]
		}
	}
	return nil
}

// TestQuorumExactlyHalfA50: "fifty percent of the stock" (Art. II §8).
// Under the default reading (A-50 at_least_half) exactly 500,000 of
// 1,000,000 is a quorum (TestQuorumS21); under more_than_half it is not
// (500,001 needed), the quorum check says so and a warning names the
// reading that would decide otherwise. 500,001 present is a quorum under
// both readings.
func TestQuorumExactlyHalfA50(t *testing.T) {
	t.Parallel()
	svc := withMeetingsF(t)
	withChoices(t, svc,
		"choice: at_least_half\n", "choice: more_than_half\n",
		"exactly_half_suffices: true", "exactly_half_suffices: false")
	noticedAnnual(t, svc, "m", "")
	mustApply(t, svc, act("proxy.grant", "2004-06-10", "{person: dan, as: holder}", "{id: d1, holder: dan, proxy_holder: ray, date: 2004-06-01}"))
	rs := dry(t, svc, heldSrc("m", "2004-06-15", "alice dan:proxy=ray", ""))
	if cited(t, rs, "II.8.quorum", journal.Warned, "Art. II §8", "no quorum: 500,000 shares present", "a quorum is more than 50% (A-50: more_than_half): 500,001") == nil ||
		cited(t, rs, "II.8.quorum", journal.Warned, "Art. II §8", "exactly the quorum fraction (500,000 of 1,000,000)", "at_least_half") == nil ||
		outcome(rs, 0, "II.8.quorum") != "warned" {
		t.Errorf("exactly half under more_than_half: %+v", rs[0].Checks)
	}
	// No business without a quorum.
	mustApply(t, svc, heldSrc("m", "2004-06-15", "alice dan:proxy=ray", ""))
	rs = dry(t, svc, act("meeting.motion", "2004-06-15", sec, "{meeting: m, id: m1, text: Ratify auditors}"))
	if c := failedCheck(rs, "II.8.quorum"); rs[0].Status != acts.Refused || c == nil || !strings.Contains(c.Citation, "Art. II §8") {
		t.Errorf("motion at a meeting without a quorum under A-50 more_than_half: %s %+v", rs[0].Status, rs[0].Checks)
	}
	// One share more is a quorum under either reading.
	svc = withBoard(t)
	mustApply(t, svc, holdingsF("100001", "39999")) // Dan one share more, Eve one less
	withChoices(t, svc,
		"choice: at_least_half\n", "choice: more_than_half\n",
		"exactly_half_suffices: true", "exactly_half_suffices: false")
	noticedAnnual(t, svc, "m", "")
	mustApply(t, svc, act("proxy.grant", "2004-06-10", "{person: dan, as: holder}", "{id: d1, holder: dan, proxy_holder: ray, date: 2004-06-01}"))
	rs = dry(t, svc, heldSrc("m", "2004-06-15", "alice dan:proxy=ray", ""))
	if rs[0].Status != acts.Checked || cited(t, rs, "II.8.quorum", journal.Held, "Art. II §8", "quorum present: 500,001 shares present", "of the 1,000,000", "A-50: more_than_half") == nil {
		t.Errorf("500,000 of 1,000,001: %s %+v", rs[0].Status, rs[0].Checks)
	}
}

// TestOtherBusinessA_PROPER: "other business properly brought before the
// meeting" (Art. II §2). Under the default reading (A-PROPER
// chair_accepts) business not stated in the notice is taken with a
// warning (TestSpecialBusinessS63); under notice_only it is refused, citing
// Art. II §2 and the reading, while a purpose stated in the notice is
// carried out.
func TestOtherBusinessA_PROPER(t *testing.T) {
	t.Parallel()
	svc := withMeetingsF(t)
	withChoices(t, svc, "choice: chair_accepts\n", "choice: notice_only\n")
	noticedAnnual(t, svc, "m", `, purposes: [{text: "Ratify the appointment of the auditors"}]`)
	mustApply(t, svc, heldSrc("m", "2004-06-15", "alice bob carol", ""))
	rs := dry(t, svc, act("meeting.motion", "2004-06-15", sec, "{meeting: m, id: m1, text: Change the fiscal year}"))
	if rs[0].Status != acts.Refused || cited(t, rs, "II.2.other_business", journal.Failed, "Art. II §2", "is not stated in the notice of the annual meeting (A-PROPER: notice_only)", "(1) Ratify the appointment of the auditors") == nil {
		t.Errorf("other business under notice_only: %s %+v", rs[0].Status, rs[0].Checks)
	}
	rs = dry(t, svc, act("meeting.motion", "2004-06-15", sec, "{meeting: m, id: m2, text: Ratify auditors, purpose: 1}"))
	if rs[0].Status != acts.Checked || cited(t, rs, "II.2.other_business", journal.Held, "Art. II §2", "carries out purpose (1)") == nil {
		t.Errorf("noticed business under notice_only: %s %+v", rs[0].Status, rs[0].Checks)
	}
	// The default, for contrast: the same motion is taken, warned.
	svc = withMeetingsF(t)
	noticedAnnual(t, svc, "m", `, purposes: [{text: "Ratify the appointment of the auditors"}]`)
	mustApply(t, svc, heldSrc("m", "2004-06-15", "alice bob carol", ""))
	rs = dry(t, svc, act("meeting.motion", "2004-06-15", sec, "{meeting: m, id: m1, text: Change the fiscal year}"))
	if rs[0].Status != acts.Checked || cited(t, rs, "II.2.other_business", journal.Warned, "Art. II §2", "A-PROPER: chair_accepts") == nil {
		t.Errorf("other business under chair_accepts: %s %+v", rs[0].Status, rs[0].Checks)
	}
}

// TestAdjournmentWithQuorumA_ADJQ: the fresh-notice rule for adjournments
// of more than 30 days sits in the no-quorum paragraph of Art. II §8.
// Under the default reading (A-ADJQ all_adjournments, DGCL §222(c)) a
// meeting held with a quorum and adjourned for 31 days needs notice of
// the adjourned meeting; under no_quorum_only it does not, warned with
// the default's outcome, and the adjourned meeting is held without it.
// Without a quorum both readings need notice.
func TestAdjournmentWithQuorumA_ADJQ(t *testing.T) {
	t.Parallel()
	adjourn := func(svc *acts.Service, attendance string) []acts.Result {
		noticedAnnual(t, svc, "m", "")
		return mustApply(t, svc, heldSrc("m", "2004-06-15", attendance, `, adjourned_to: {id: m2, date: 2004-07-16, time: "10:00", place: Fremont}`))
	}
	needsNotice := func(svc *acts.Service) bool {
		ms, err := svc.StockholderMeetings(context.Background(), "quintus")
		if err != nil || len(ms) != 2 || ms[1].ID != "m2" {
			t.Fatalf("meetings %+v, %v", ms, err)
		}
		return ms[1].NeedsNotice
	}
	// The default.
	svc := withMeetingsF(t)
	rs := adjourn(svc, "alice bob carol")
	if cited(t, rs, "II.8.adjourn_notice", journal.Held, "Art. II §8", "adjourned for 31 days, more than 30: notice of the adjourned meeting must be given") == nil || !needsNotice(svc) {
		t.Errorf("all_adjournments, with a quorum: %+v", rs[0].Checks)
	}
	if f := failedCheck(dry(t, svc, heldSrc("m2", "2004-07-16", "alice bob", "")), "II.8.adjourn_notice"); f == nil {
		t.Errorf("all_adjournments: the adjourned meeting held without notice was not refused")
	}
	// no_quorum_only, with a quorum.
	svc = withMeetingsF(t)
	withChoices(t, svc, "choice: all_adjournments\n", "choice: no_quorum_only\n")
	rs = adjourn(svc, "alice bob carol")
	if cited(t, rs, "II.8.adjourn_notice", journal.Warned, "Art. II §8", "under A-ADJQ (no_quorum_only) the notice rule of Art. II §8 applies only to adjournments for want of a quorum",
		"adjourned for 31 days, more than 30: under the default reading (all_adjournments, DGCL §222(c)) notice of the adjourned meeting would be required") == nil || needsNotice(svc) {
		t.Errorf("no_quorum_only, with a quorum: %+v", rs[0].Checks)
	}
	if rs := dry(t, svc, heldSrc("m2", "2004-07-16", "alice bob", "")); rs[0].Status != acts.Checked || failedCheck(rs, "II.8.adjourn_notice") != nil {
		t.Errorf("no_quorum_only: the adjourned meeting without notice: %s %+v", rs[0].Status, rs[0].Checks)
	}
	// no_quorum_only, without a quorum: notice as under the default.
	svc = withMeetingsF(t)
	withChoices(t, svc, "choice: all_adjournments\n", "choice: no_quorum_only\n")
	rs = adjourn(svc, "alice")
	if cited(t, rs, "II.8.adjourn_notice", journal.Held, "Art. II §8", "adjourned for 31 days, more than 30: notice") == nil || !needsNotice(svc) {
		t.Errorf("no_quorum_only, without a quorum: %+v", rs[0].Checks)
	}
}
