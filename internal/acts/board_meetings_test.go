package acts_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/forms"
	"minutebook/internal/journal"
	"minutebook/internal/postgres"
	"minutebook/internal/sqlite"
	"minutebook/internal/tables"
	"minutebook/internal/testdb"
)

// outcome returns the worst outcome of rule's checks in result i (failed,
// then warned, then held), or "none".
func outcome(rs []acts.Result, i int, rule string) string {
	worst := "none"
	for _, c := range rs[i].Checks {
		if c.Rule == rule && (worst == "none" || c.Outcome > outcomeOf(worst)) {
			worst = c.Outcome.String()
		}
	}
	return worst
}

func outcomeOf(s string) journal.Outcome {
	switch s {
	case "failed":
		return journal.Failed
	case "warned":
		return journal.Warned
	}
	return journal.Held
}

// message returns the messages of rule's checks in result i.
func message(rs []acts.Result, i int, rule string) string {
	var out []string
	for _, c := range rs[i].Checks {
		if c.Rule == rule {
			out = append(out, c.Message)
		}
	}
	return strings.Join(out, " | ")
}

func mustApply(t *testing.T, svc *acts.Service, src string) []acts.Result {
	t.Helper()
	rs := apply(t, svc, src, acts.Options{})
	for _, r := range rs {
		if r.Status != acts.Recorded {
			t.Fatalf("%s %s: %s %v", r.Kind, r.Effective, r.Status, r.Checks)
		}
	}
	return rs
}

func dry(t *testing.T, svc *acts.Service, src string) []acts.Result {
	t.Helper()
	return apply(t, svc, src, acts.Options{DryRun: true})
}

// callSpecial is President Ray's call, on 2004-06-14, of special meeting
// id for 2004-06-17 10:00 (S47), with purposes.
func callSpecial(id, purposes string) string {
	return fmt.Sprintf(`[{kind: board_meeting.call, effective: 2004-06-14, actor: {person: ray, as: president}, fields: {id: %s, type: special, date: 2004-06-17, time: "10:00", place: Fremont%s}}]`, id, purposes)
}

func notice(date, time, method string) string {
	t := ""
	if time != "" {
		t = fmt.Sprintf(`, time: "%s"`, time)
	}
	return fmt.Sprintf(`[{kind: board_meeting.notice, effective: %s%s, actor: {person: susan, as: secretary}, fields: {meeting: bm1, method: %s}}]`, date, t, method)
}

func held(meeting, date, present string) string {
	var ps []string
	for _, p := range strings.Fields(present) {
		mode := ""
		if name, m, ok := strings.Cut(p, ":"); ok {
			p, mode = name, ", mode: "+m
		}
		ps = append(ps, fmt.Sprintf("{person: %s%s}", p, mode))
	}
	return fmt.Sprintf(`[{kind: board_meeting.held, effective: %s, actor: {person: susan, as: secretary}, fields: {meeting: %s, present: [%s]}}]`, date, meeting, strings.Join(ps, ", "))
}

// TestBoardNotice works S47 and the edges of Art. III §7: two days by
// mail (calendar days, A-MAIL2D), 48 hours in person (exact elapsed time,
// CONV.hours), across daylight saving time, and e-mail (A-EMAILDIR).
func TestBoardNotice(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	mustApply(t, svc, callSpecial("bm1", ""))
	cases := []struct {
		name, src, rule, want, msg string
	}{
		{"S47 mail on Tuesday for Thursday: 2 days", notice("2004-06-15", "", "mail"), "III.7.special_call", "held", "2 days before"},
		{"mail the day before: 1 day", notice("2004-06-16", "", "mail"), "III.7.special_call", "failed", "only 1 days"},
		{"in person exactly 48 hours before", notice("2004-06-15", "10:00", "personal"), "III.7.special_call", "held", "48h00m"},
		{"in person 47h59m before", notice("2004-06-15", "10:01", "personal"), "III.7.special_call", "failed", "only 47h59m"},
		{"in person without a time", notice("2004-06-15", "", "personal"), "III.7.special_call", "failed", "give the act's time"},
		{"telegram 72 hours before: the overlay warning", notice("2004-06-14", "10:00", "telegram"), "IV.1.telegram_directors", "warned", "obsolete"},
		{"e-mail is not a method of Art. III §7 (A-EMAILDIR)", notice("2004-06-14", "09:00", "email"), "III.7.special_call", "failed", "A-EMAILDIR"},
	}
	for _, c := range cases {
		rs := dry(t, svc, c.src)
		if got := outcome(rs, 0, c.rule); got != c.want || !strings.Contains(message(rs, 0, c.rule), c.msg) {
			t.Errorf("%s: %s = %s (%s), want %s with %q", c.name, c.rule, got, message(rs, 0, c.rule), c.want, c.msg)
		}
		if c.want == "failed" && rs[0].Status != acts.Refused {
			t.Errorf("%s: status %s, want refused", c.name, rs[0].Status)
		}
	}
	// Across the change to daylight saving time (2004-04-04 02:00 Pacific),
	// 10:00 on 04-03 to 10:00 on 04-05 is only 47 hours.
	svc = withBoard(t)
	mustApply(t, svc, `[{kind: board_meeting.call, effective: 2004-04-01, actor: {person: ray, as: president}, fields: {id: dst, type: special, date: 2004-04-05, time: "10:00", place: Fremont}}]`)
	rs := dry(t, svc, `[{kind: board_meeting.notice, effective: 2004-04-03, time: "10:00", actor: {as: secretary}, fields: {meeting: dst, method: personal}}]`)
	if got := message(rs, 0, "III.7.special_call"); rs[0].Status != acts.Refused || !strings.Contains(got, "only 47h00m") {
		t.Errorf("notice across DST: %s %s", rs[0].Status, got)
	}
}

// TestSpecialCallWho: the president calls; the secretary only on the
// written request of two directors; nobody else (Art. III §7).
func TestSpecialCallWho(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	call := func(actor, extra string) string {
		return fmt.Sprintf(`[{kind: board_meeting.call, effective: 2004-06-14, actor: %s, fields: {id: bm1, type: special, date: 2004-06-17, time: "10:00", place: Fremont%s}}]`, actor, extra)
	}
	cases := []struct {
		name, actor, extra, rule, want string
	}{
		{"the president", "{person: ray, as: president}", "", "III.7.special_call", "held"},
		{"the secretary without a request", "{person: susan, as: secretary}", "", "III.7.special_call", "failed"},
		{"the secretary on the request of two directors", "{person: susan, as: secretary}", ", requested_by: [sam, tess]", "III.7.special_call_request", "held"},
		{"the secretary on the request of one director", "{person: susan, as: secretary}", ", requested_by: [sam]", "III.7.special_call_request", "failed"},
		{"a request by a non-director", "{person: susan, as: secretary}", ", requested_by: [sam, alice]", "III.7.special_call_request", "failed"},
		{"the board", "{as: board}", "", "III.7.special_call", "failed"},
		{"the treasurer", "{person: tom, as: treasurer}", "", "III.7.special_call", "failed"},
		{"Tom posing as president", "{person: tom, as: president}", "", "III.7.special_call", "failed"},
	}
	for _, c := range cases {
		rs := dry(t, svc, call(c.actor, c.extra))
		if got := outcome(rs, 0, c.rule); got != c.want {
			t.Errorf("%s: %s = %s, want %s (%v)", c.name, c.rule, got, c.want, rs[0].Checks)
		}
		if (c.want == "failed") != (rs[0].Status == acts.Refused) {
			t.Errorf("%s: status %s", c.name, rs[0].Status)
		}
	}
	// A regular meeting needs the board's schedule (Art. III §6).
	rs := dry(t, svc, `[{kind: board_meeting.call, effective: 2004-06-01, actor: {as: secretary}, fields: {id: r1, type: regular, date: 2004-06-15, time: "09:00", place: Fremont}}]`)
	if outcome(rs, 0, "III.6.regular_meetings") != "failed" {
		t.Errorf("unscheduled regular meeting: %v", rs[0].Checks)
	}
	mustApply(t, svc, `[{kind: board_meeting.schedule, effective: 2004-01-15, actor: {as: board}, fields: {dates: [2004-06-15], time: "09:00", place: Fremont, resolution: r}}]`)
	rs = dry(t, svc, `[{kind: board_meeting.call, effective: 2004-06-01, actor: {as: secretary}, fields: {id: r1, type: regular, date: 2004-06-15, time: "09:00", place: Fremont}}]`)
	if rs[0].Status != acts.Checked {
		t.Errorf("scheduled regular meeting: %s %v", rs[0].Status, rs[0].Checks)
	}
}

// TestMeetingNoticeWaiver: every director needs due notice of a special
// meeting, or a written waiver, or attendance without objection (Art. IV
// §2; DGCL §229).
func TestMeetingNoticeWaiver(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	mustApply(t, svc, callSpecial("bm1", ""))
	mustApply(t, svc, `[{kind: board_meeting.notice, effective: 2004-06-15, actor: {as: secretary}, fields: {meeting: bm1, method: mail, directors: [pat, quinn, ray]}}]`)
	// Sam and Tess had no notice; Sam attends, Tess does not.
	rs := dry(t, svc, held("bm1", "2004-06-17", "pat quinn ray sam"))
	if got := message(rs, 0, "III.7.special_call"); rs[0].Status != acts.Refused || !strings.Contains(got, "tess had no due notice") {
		t.Errorf("Tess without notice: %s %s", rs[0].Status, got)
	}
	// Tess attends only to object: not a waiver.
	rs = dry(t, svc, `[{kind: board_meeting.held, effective: 2004-06-17, actor: {as: secretary}, fields: {meeting: bm1, present: [{person: pat}, {person: tess, objected: true}]}}]`)
	if !strings.Contains(message(rs, 0, "III.7.special_call"), "sam, tess had no due notice") {
		t.Errorf("attending to object: %v", rs[0].Checks)
	}
	mustApply(t, svc, `[{kind: board_meeting.waiver, effective: 2004-06-20, actor: {as: secretary}, fields: {meeting: bm1, director: tess, form: written}}]`)
	rs = dry(t, svc, held("bm1", "2004-06-17", "pat quinn ray sam:video"))
	if rs[0].Status != acts.Refused || outcome(rs, 0, "MB.books.effective_order") != "failed" {
		t.Errorf("held before the waiver on the books: %v", rs[0].Checks)
	}
}

// TestQuorumAndAdoption: a quorum is a majority of the whole board,
// vacancies included (Art. III §8; A-BQUORUM), and a resolution is the act
// of a majority of those present.
func TestQuorumAndAdoption(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	mustApply(t, svc, callSpecial("bm1", ""))
	mustApply(t, svc, notice("2004-06-15", "", "mail"))
	// Exactly a majority of 5: 3 present, one by conference telephone.
	rs := mustApply(t, svc, held("bm1", "2004-06-17", "quinn ray:conference_phone sam"))
	if c := findCheck(rs, "III.8.board_quorum"); c == nil || c.Outcome != journal.Held || !strings.Contains(c.Message, "3 directors present of the whole board (vacancies included) of 5; a quorum is 3") {
		t.Errorf("quorum: %+v", c)
	}
	if findCheck(rs, "III.10.remote_participation") == nil {
		t.Errorf("remote participation not recorded")
	}
	if c := findCheck(rs, "V.7.vice_chair_presides"); c == nil || !strings.Contains(c.Message, "quinn presides") {
		t.Errorf("chair with Pat absent: %+v", c)
	}
	elect := func(adoption string) string {
		return fmt.Sprintf(`[{kind: officer.elect, effective: 2004-06-17, actor: {as: board}, adoption: %s, fields: {office: assistant_treasurer, person: abby, resolution: r}}]`, adoption)
	}
	cases := []struct {
		name, adoption, rule, want string
	}{
		{"2 for, 1 against of 3 present", "{meeting: bm1, for: 2, against: 1}", "III.8.board_act", "held"},
		{"1 for, 1 against, 1 abstaining", "{meeting: bm1, for: 1, against: 1, abstain: 1}", "III.8.board_act", "failed"},
		{"4 votes, 3 present", "{meeting: bm1, for: 4}", "MB.adoption.votes", "failed"},
		{"a director not present votes", "{meeting: bm1, votes: [{director: pat, vote: for}, {director: ray, vote: for}]}", "MB.adoption.votes", "failed"},
		{"named votes", "{meeting: bm1, votes: [{director: sam, vote: for}, {director: ray, vote: for}]}", "III.8.board_act", "held"},
		{"a meeting not on the books", "{meeting: nope, for: 5}", "MB.adoption.known", "failed"},
		{"a consent not on the books", "{consent: nope}", "MB.adoption.known", "failed"},
	}
	for _, c := range cases {
		rs := dry(t, svc, elect(c.adoption))
		if got := outcome(rs, 0, c.rule); got != c.want {
			t.Errorf("%s: %s = %s, want %s (%v)", c.name, c.rule, got, c.want, rs[0].Checks)
		}
	}
	// Without an adoption: recorded with the warning.
	rs = dry(t, svc, `[{kind: officer.elect, effective: 2004-06-17, actor: {as: board}, fields: {office: assistant_treasurer, person: abby, resolution: r}}]`)
	if rs[0].Status != acts.Checked || outcome(rs, 0, "MB.adoption.unrecorded") != "warned" {
		t.Errorf("no adoption: %s %v", rs[0].Status, rs[0].Checks)
	}
	// An adoption on an act the secretary performs is refused.
	rs = dry(t, svc, `[{kind: person.add, effective: 2004-06-17, actor: {as: secretary}, adoption: {meeting: bm1, for: 3}, fields: {id: x, name: X, kind: natural_person}}]`)
	if outcome(rs, 0, "MB.adoption.body") != "failed" {
		t.Errorf("adoption of a secretary's act: %v", rs[0].Checks)
	}

	// Two present of 5: no quorum; the directors present adjourn.
	mustApply(t, svc, `[{kind: board_meeting.call, effective: 2004-06-20, actor: {person: ray, as: president}, fields: {id: bm2, type: special, date: 2004-06-24, time: "10:00", place: Fremont}}]`)
	mustApply(t, svc, `[{kind: board_meeting.notice, effective: 2004-06-21, actor: {as: secretary}, fields: {meeting: bm2, method: mail}}]`)
	rs = mustApply(t, svc, `[{kind: board_meeting.held, effective: 2004-06-24, actor: {as: secretary}, fields: {meeting: bm2, present: [{person: ray}, {person: sam}], adjourned_to: {id: bm2a, date: 2004-06-25, time: "10:00", place: Fremont}}}]`)
	if outcome(rs, 0, "III.8.board_quorum") != "warned" || outcome(rs, 0, "III.8.board_adjourn") != "held" {
		t.Errorf("adjournment without quorum: %v", rs[0].Checks)
	}
	rs = dry(t, svc, strings.ReplaceAll(strings.ReplaceAll(elect("{meeting: bm2, for: 2}"), "2004-06-17", "2004-06-24"), "abby", "alan"))
	if got := message(rs, 0, "III.8.board_quorum"); rs[0].Status != acts.Refused || !strings.Contains(got, "no quorum was present at meeting bm2: 2 of 5, 3 needed") {
		t.Errorf("resolution without a quorum: %s %s", rs[0].Status, got)
	}
	// The adjourned meeting needs no notice but announcement.
	rs = mustApply(t, svc, held("bm2a", "2004-06-25", "pat ray sam"))
	if outcome(rs, 0, "III.8.board_adjourn") != "held" || findCheck(rs, "V.6.chair_presides") == nil {
		t.Errorf("adjourned meeting: %v", rs[0].Checks)
	}
}

// TestWholeBoardCountsVacancies: F7 (whole board 7, 5 in office): a
// quorum is 4; S68: a committee designated 3 to 2 with all 5 present is
// refused (a majority of the whole board is 4), though 3 of 5 would be an
// ordinary act; officer removal needs 4 too (Art. V §5; A-MAJBOARD).
func TestWholeBoardCountsVacancies(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	mustApply(t, svc, `[{kind: board.size, effective: 2004-06-01, actor: {as: board}, fields: {size: 7, resolution: r}}]`)
	mustApply(t, svc, callSpecial("bm1", ""))
	mustApply(t, svc, notice("2004-06-15", "", "mail"))
	rs := dry(t, svc, held("bm1", "2004-06-17", "pat quinn ray"))
	if got := message(rs, 0, "III.8.board_quorum"); !strings.Contains(got, "no quorum: 3 directors present of the whole board (vacancies included) of 7; a quorum is 4") {
		t.Errorf("3 of 7: %s", got)
	}
	mustApply(t, svc, held("bm1", "2004-06-17", "pat quinn ray sam tess"))
	designate := func(votes string) string {
		return fmt.Sprintf(`[{kind: committee.designate, effective: 2004-06-17, actor: {as: board}, adoption: {meeting: bm1, %s}, fields: {id: audit, name: Audit Committee, members: [quinn, sam], powers: [ordinary], resolution: r}}]`, votes)
	}
	rs = dry(t, svc, designate("for: 3, against: 2"))
	if rs[0].Status != acts.Refused || outcome(rs, 0, "III.11.committee_designation") != "failed" || outcome(rs, 0, "III.8.board_act") != "held" {
		t.Errorf("S68 3 to 2: %s %v", rs[0].Status, rs[0].Checks)
	}
	if got := message(rs, 0, "III.11.committee_designation"); !strings.Contains(got, "3 votes for, but 4 are needed: a majority of the whole board of 7") {
		t.Errorf("S68 message: %s", got)
	}
	if rs := dry(t, svc, designate("for: 4, against: 1")); rs[0].Status != acts.Checked {
		t.Errorf("4 to 1: %s %v", rs[0].Status, rs[0].Checks)
	}
	remove := func(votes string) string {
		return fmt.Sprintf(`[{kind: officer.end, effective: 2004-06-17, actor: {as: board}, adoption: {meeting: bm1, %s}, fields: {office: vice_president, person: victor, why: removal, source: r}}]`, votes)
	}
	if rs := dry(t, svc, remove("for: 3, against: 2")); outcome(rs, 0, "V.5.removal") != "failed" {
		t.Errorf("officer removal 3 of 7: %v", rs[0].Checks)
	}
	if rs := dry(t, svc, remove("for: 4, against: 1")); rs[0].Status != acts.Checked {
		t.Errorf("officer removal 4 of 7: %v", rs[0].Checks)
	}
}

// TestCommittees: forbidden powers are refused (S69), dividends and stock
// issuance need express authority (S70, S71), and committee meetings count
// alternates and unanimously appointed substitutes (Art. III §11).
func TestCommittees(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	rs := dry(t, svc, `[{kind: committee.designate, effective: 2004-06-01, actor: {as: board}, fields: {id: exec, name: Executive Committee, members: [pat, ray], powers: [ordinary, amend_bylaws], resolution: r}}]`)
	if outcome(rs, 0, "III.11.committee_prohibited") != "failed" {
		t.Errorf("granting amend_bylaws: %v", rs[0].Checks)
	}
	rs = dry(t, svc, `[{kind: committee.designate, effective: 2004-06-01, actor: {as: board}, fields: {id: exec, name: Executive Committee, members: [pat, susan], powers: [ordinary], resolution: r}}]`)
	if outcome(rs, 0, "III.11.committee_designation") != "failed" {
		t.Errorf("a non-director member: %v", rs[0].Checks)
	}
	mustApply(t, svc, `
- {kind: committee.designate, effective: 2004-06-01, actor: {as: board}, fields: {id: audit, name: Audit Committee, members: [quinn, sam], alternates: [tess], powers: [ordinary], resolution: r}}
- {kind: committee.designate, effective: 2004-06-01, actor: {as: board}, fields: {id: finance, name: Finance Committee, members: [pat, ray, sam], powers: [ordinary, authorize_issuance], resolution: r}}
- {kind: committee.designate, effective: 2004-06-01, actor: {as: board}, fields: {id: general, name: General Committee, members: [pat, ray], powers: [all], resolution: r}}
`)
	// S69: a committee amending the bylaws.
	rs = dry(t, svc, `[{kind: bylaws.amend, effective: 2004-06-02, actor: {person: audit, as: committee}, fields: {meeting: regular, resolution: r, bylaws: {default: true}}}]`)
	if got := message(rs, 0, "III.11.committee_prohibited"); rs[0].Status != acts.Refused || !strings.Contains(got, "amending the bylaws") {
		t.Errorf("S69: %s %v", rs[0].Status, rs[0].Checks)
	}
	// Charter amendment: forbidden, though the board itself does not perform it.
	rs = dry(t, svc, `[{kind: charter.amend, effective: 2004-06-02, actor: {person: audit, as: committee}, fields: {authority: a, charter: {}}}]`)
	if outcome(rs, 0, "III.11.committee_prohibited") != "failed" || outcome(rs, 0, "MB.actor.capacity") != "none" {
		t.Errorf("committee amending the charter: %v", rs[0].Checks)
	}
	issueBy := func(c string) string {
		return strings.Replace("["+issue("2004-06-02", "alice", "1000", "")+"]", "{as: secretary}", "{person: "+c+", as: committee}", 1)
	}
	// S70: issuance without express authority; a general grant is not express (A-EXPRESS).
	for _, c := range []string{"audit", "general"} {
		rs = dry(t, svc, issueBy(c))
		if outcome(rs, 0, "III.11.committee_dividend_stock") != "failed" || rs[0].Status != acts.Refused {
			t.Errorf("S70 %s issuing stock: %v", c, rs[0].Checks)
		}
	}
	// S71: with express authority in the resolution.
	rs = dry(t, svc, issueBy("finance"))
	if rs[0].Status != acts.Checked || outcome(rs, 0, "III.11.committee_dividend_stock") != "held" || outcome(rs, 0, "MB.adoption.unrecorded") != "warned" {
		t.Errorf("S71 finance issuing stock: %s %v", rs[0].Status, rs[0].Checks)
	}
	// An ordinary act of a committee; an unknown committee.
	if rs := dry(t, svc, `[{kind: director.compensation, effective: 2004-06-02, actor: {person: audit, as: committee}, fields: {form: fee_per_meeting, amount: "500", resolution: r}}]`); rs[0].Status != acts.Checked {
		t.Errorf("committee fixing fees: %v", rs[0].Checks)
	}
	if rs := dry(t, svc, `[{kind: director.compensation, effective: 2004-06-02, actor: {person: nope, as: committee}, fields: {form: salary, amount: "500", resolution: r}}]`); outcome(rs, 0, "MB.committee.known") != "failed" {
		t.Errorf("unknown committee: %v", rs[0].Checks)
	}
	// A committee meeting: Quinn present, Sam absent and replaced by alternate Tess: 2 of 2.
	mustApply(t, svc, `[{kind: board_meeting.call, effective: 2004-06-03, actor: {person: quinn, as: director}, fields: {id: audit1, type: special, committee: audit, date: 2004-06-10, time: "14:00", place: Fremont}}]`)
	// The bylaws prescribe no notice of committee meetings: by default, as
	// for a special meeting of the board (MB.committee.notice); here by mail
	// to the members and the alternate, 7 days before.
	if rs := mustApply(t, svc, `[{kind: board_meeting.notice, effective: 2004-06-03, actor: {as: secretary}, fields: {meeting: audit1, method: mail}}]`); outcome(rs, 0, "MB.committee.notice") != "warned" || outcome(rs, 0, "III.7.special_call") != "held" {
		t.Errorf("notice of a committee meeting: %v", rs[0].Checks)
	}
	rs = dry(t, svc, `[{kind: board_meeting.held, effective: 2004-06-10, actor: {as: secretary}, fields: {meeting: audit1, present: [{person: quinn}, {person: tess, role: alternate, replaces: sam}]}}]`)
	if rs[0].Status != acts.Checked || !strings.Contains(message(rs, 0, "III.11.committee_powers"), "quorum present: 2 present of the 2 members of committee audit; a quorum is 2") {
		t.Errorf("alternate: %v", rs[0].Checks)
	}
	// A substitute must be appointed unanimously by the members present.
	rs = dry(t, svc, `[{kind: board_meeting.held, effective: 2004-06-10, actor: {as: secretary}, fields: {meeting: audit1, present: [{person: quinn}, {person: ray, role: substitute, replaces: sam, appointed_by: []}]}}]`)
	if outcome(rs, 0, "III.11.substitute_member") != "failed" {
		t.Errorf("substitute not appointed: %v", rs[0].Checks)
	}
	rs = mustApply(t, svc, `[{kind: board_meeting.held, effective: 2004-06-10, actor: {as: secretary}, fields: {meeting: audit1, present: [{person: quinn}, {person: ray, role: substitute, replaces: sam, appointed_by: [quinn]}]}}]`)
	if outcome(rs, 0, "III.11.substitute_member") != "held" {
		t.Errorf("substitute: %v", rs[0].Checks)
	}
	// The committee's act adopted at its meeting; the board's meeting is the wrong body.
	rs = dry(t, svc, `[{kind: director.compensation, effective: 2004-06-10, actor: {person: audit, as: committee}, adoption: {meeting: audit1, for: 2}, fields: {form: expenses, resolution: r}}]`)
	if rs[0].Status != acts.Checked || outcome(rs, 0, "III.11.committee_powers") != "held" {
		t.Errorf("committee act at its meeting: %v", rs[0].Checks)
	}
	rs = dry(t, svc, `[{kind: director.compensation, effective: 2004-06-10, actor: {as: board}, adoption: {meeting: audit1, for: 2}, fields: {form: expenses, resolution: r}}]`)
	if outcome(rs, 0, "MB.adoption.body") != "failed" {
		t.Errorf("board act at a committee meeting: %v", rs[0].Checks)
	}
	// Dissolved, the committee can no longer act.
	mustApply(t, svc, `[{kind: committee.dissolve, effective: 2004-06-11, actor: {as: board}, fields: {committee: audit, resolution: r}}]`)
	if rs := dry(t, svc, `[{kind: director.compensation, effective: 2004-06-12, actor: {person: audit, as: committee}, fields: {form: expenses, resolution: r}}]`); outcome(rs, 0, "MB.committee.known") != "failed" {
		t.Errorf("dissolved committee: %v", rs[0].Checks)
	}
}

// TestUnanimousConsent: every director in office must sign (Art. III §9).
func TestUnanimousConsent(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	consent := func(signers string) string {
		var ss []string
		for _, s := range strings.Fields(signers) {
			ss = append(ss, fmt.Sprintf("{director: %s, signed: 2004-06-30}", s))
		}
		return fmt.Sprintf(`[{kind: board.consent, effective: 2004-07-01, actor: {as: secretary}, fields: {id: uwc1, signers: [%s], resolutions: ["RESOLVED, ..."]}}]`, strings.Join(ss, ", "))
	}
	rs := dry(t, svc, consent("pat quinn ray sam"))
	if got := message(rs, 0, "III.9.unanimous_consent"); rs[0].Status != acts.Refused || !strings.Contains(got, "tess did not sign") {
		t.Errorf("without Tess: %s %s", rs[0].Status, got)
	}
	if rs := dry(t, svc, consent("pat quinn ray sam tess susan")); outcome(rs, 0, "III.9.unanimous_consent") != "failed" {
		t.Errorf("a non-director signing: %v", rs[0].Checks)
	}
	mustApply(t, svc, consent("pat quinn ray sam tess"))
	rs = mustApply(t, svc, `[{kind: corporation.amend, effective: 2004-07-01, actor: {as: board}, adoption: {consent: uwc1}, fields: {fiscal_year_end: "12-31", resolution: r}}]`)
	if outcome(rs, 0, "III.9.unanimous_consent") != "held" || outcome(rs, 0, "MB.adoption.unrecorded") != "none" {
		t.Errorf("act adopted by consent: %v", rs[0].Checks)
	}
}

// TestBylawsAmendByBoard works S112 with the adoption: at a regular
// meeting with 4 present, 3 to 1 is the board's act; at a special meeting
// the notice must name the amendment (Art. IX §1).
func TestBylawsAmendByBoard(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	mustApply(t, svc, `
- {kind: charter.amend, effective: 2004-01-01, actor: {as: secretary}, fields: {authority: a, charter: {board_may_amend_bylaws: true, classes: [{id: common, name: Common Stock, authorized: "1050000", par: "0.001"}]}}}
- {kind: board_meeting.schedule, effective: 2004-01-15, actor: {as: board}, fields: {dates: [2004-06-15], time: "09:00", place: Fremont, resolution: r}}
- {kind: board_meeting.call, effective: 2004-06-01, actor: {as: secretary}, fields: {id: reg, type: regular, date: 2004-06-15, time: "09:00", place: Fremont}}
`)
	mustApply(t, svc, held("reg", "2004-06-15", "pat quinn ray sam"))
	amend := func(meeting, where, votes string) string {
		return fmt.Sprintf(`[{kind: bylaws.amend, effective: %s, actor: {as: board}, adoption: {meeting: %s, %s}, fields: {meeting: %s, resolution: r, bylaws: {default: true}}}]`, "DATE", meeting, votes, where)
	}
	rs := dry(t, svc, strings.ReplaceAll(amend("reg", "regular", "for: 3, against: 1"), "DATE", "2004-06-15"))
	if rs[0].Status != acts.Checked || outcome(rs, 0, "III.8.board_act") != "held" {
		t.Errorf("S112(a): %s %v", rs[0].Status, rs[0].Checks)
	}
	if rs := dry(t, svc, strings.ReplaceAll(amend("reg", "special", "for: 3, against: 1"), "DATE", "2004-06-15")); outcome(rs, 0, "IX.1.where") != "failed" {
		t.Errorf("meeting field disagreeing with the adoption: %v", rs[0].Checks)
	}
	for _, c := range []struct{ id, called, date, purposes, want string }{
		{"sp1", "2004-06-16", "2004-06-18", "", "failed"},
		{"sp2", "2004-06-18", "2004-06-20", `, purposes: [{text: "Amend Art. III §7", kind: bylaws.amend}]`, "held"},
	} {
		mustApply(t, svc, strings.ReplaceAll(strings.ReplaceAll(callSpecial(c.id, c.purposes), "2004-06-14", c.called), "2004-06-17", c.date))
		mustApply(t, svc, `[{kind: board_meeting.notice, effective: `+c.called+`, actor: {as: secretary}, fields: {meeting: `+c.id+`, method: mail}}]`)
		mustApply(t, svc, held(c.id, c.date, "pat quinn ray sam"))
		rs := dry(t, svc, strings.ReplaceAll(amend(c.id, "special", "for: 3, against: 1"), "DATE", c.date))
		if got := outcome(rs, 0, "IX.1.where"); got != c.want {
			t.Errorf("special meeting %s: IX.1.where %s, want %s (%v)", c.id, got, c.want, rs[0].Checks)
		}
	}
	// (b) Without the charter power: refused.
	mustApply(t, svc, `[{kind: charter.amend, effective: 2004-06-21, actor: {as: secretary}, fields: {authority: a, charter: {board_may_amend_bylaws: false, classes: [{id: common, name: Common Stock, authorized: "1050000", par: "0.001"}]}}}]`)
	if rs := dry(t, svc, strings.ReplaceAll(amend("reg", "regular", "for: 3, against: 1"), "DATE", "2004-06-21")); outcome(rs, 0, "IX.1.who") != "failed" {
		t.Errorf("S112(b): %v", rs[0].Checks)
	}
}

// holdersF issues fixture F's outstanding 1,000,000 shares, except that
// Bob holds 200,001 and Eve 99,999, so that holders of exactly 10% (Dan)
// and just below it (Eve) can be told apart (S58).
const holdersF = `
- {kind: person.add, effective: 2000-01-10, actor: {as: secretary}, fields: {id: carol, name: Carol Chen, kind: natural_person}}
- {kind: person.add, effective: 2000-01-10, actor: {as: secretary}, fields: {id: dan, name: Dan Chen, kind: natural_person}}
- {kind: person.add, effective: 2000-01-10, actor: {as: secretary}, fields: {id: eve, name: Eve Evans, kind: natural_person}}
- {kind: person.add, effective: 2000-01-10, actor: {as: secretary}, fields: {id: uma, name: Uma Iyer, kind: natural_person}}
`

func withHolders(t *testing.T) *acts.Service {
	t.Helper()
	svc := withBoard(t)
	mustApply(t, svc, holdersF)
	for _, h := range [][2]string{{"alice", "400000"}, {"bob", "200001"}, {"carol", "200000"}, {"dan", "100000"}, {"eve", "99999"}} {
		mustApply(t, svc, "["+issue("2000-01-10", h[0], h[1], "")+"]")
	}
	return svc
}

// TestVacancyAndCourtTrigger works S58: F7 with only Pat, Ray and Sam in
// office. Pat and Ray appoint Uma (Sam votes no): valid, a majority of the
// 3 in office though less than a quorum; the Court trigger is flagged (3 <
// 4) and holders of at least 10% (100,000 shares) may apply.
func TestVacancyAndCourtTrigger(t *testing.T) {
	t.Parallel()
	svc := withHolders(t)
	mustApply(t, svc, `
- {kind: board.size, effective: 2004-06-01, actor: {as: board}, fields: {size: 7, resolution: r}}
- {kind: director.end, effective: 2004-06-01, actor: {as: secretary}, fields: {person: quinn, why: resignation, source: letter}}
- {kind: director.end, effective: 2004-06-01, actor: {as: secretary}, fields: {person: tess, why: resignation, source: letter}}
`)
	mustApply(t, svc, callSpecial("bm1", ""))
	mustApply(t, svc, notice("2004-06-15", "", "mail"))
	rs := mustApply(t, svc, held("bm1", "2004-06-17", "pat ray sam"))
	if outcome(rs, 0, "III.8.board_quorum") != "warned" {
		t.Errorf("3 of 7 is no quorum: %v", rs[0].Checks)
	}
	appoint := func(votes string) string {
		return fmt.Sprintf(`[{kind: director.elect, effective: 2004-06-17, actor: {as: board}, adoption: {meeting: bm1, votes: [%s]}, fields: {person: uma, how: appointed_to_vacancy, source: r}}]`, votes)
	}
	if rs := dry(t, svc, appoint("{director: pat, vote: for}, {director: ray, vote: against}, {director: sam, vote: against}")); outcome(rs, 0, "III.2.vacancy_fill") != "failed" {
		t.Errorf("1 of 3 in office: %v", rs[0].Checks)
	}
	rs = mustApply(t, svc, appoint("{director: pat, vote: for}, {director: ray, vote: for}, {director: sam, vote: against}"))
	if got := message(rs, 0, "III.2.vacancy_fill"); !strings.Contains(got, "2 votes for, 2 needed: a majority of the directors then in office (though less than a quorum) of 3") {
		t.Errorf("S58 appointment: %s", got)
	}
	if c := findCheck(rs, "III.2.court_election"); c == nil || c.Outcome != journal.Warned || !strings.Contains(c.Message, "(3) are less than a majority of the whole board (4 of 7)") {
		t.Errorf("S58 trigger: %+v", c)
	}
	ce, err := svc.CourtElection(context.Background(), "quintus", mustDate(t, "2004-06-17"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ce.Triggers) != 1 || ce.Triggers[0].InOffice != 3 || ce.Triggers[0].WholeBoard != 7 || ce.Threshold.String() != "100000" {
		t.Errorf("court election: %+v", ce)
	}
	var eligible []string
	for _, h := range ce.Eligible {
		eligible = append(eligible, h.Holder.ID+"="+h.Shares.String())
	}
	// Alice 400,000, Bob 200,001, Carol 200,000 (b), Dan exactly 100,000 (c); not Eve 99,999 (d).
	if got := strings.Join(eligible, ","); got != "alice=400000,bob=200001,carol=200000,dan=100000" {
		t.Errorf("eligible applicants = %s", got)
	}
	cal, err := svc.Calendar(context.Background(), "quintus", mustDate(t, "2004-06-17"), mustDate(t, "2004-06-17"))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range cal {
		found = found || d.Rule == "III.2.court_election"
	}
	if !found {
		t.Errorf("no calendar entry for the Court trigger: %+v", cal)
	}
	// The sole remaining director fills a vacancy alone.
	mustApply(t, svc, `
- {kind: director.end, effective: 2004-06-20, actor: {as: secretary}, fields: {person: pat, why: resignation, source: letter}}
- {kind: director.end, effective: 2004-06-20, actor: {as: secretary}, fields: {person: ray, why: resignation, source: letter}}
- {kind: director.end, effective: 2004-06-20, actor: {as: secretary}, fields: {person: uma, why: resignation, source: letter}}
- {kind: board.size, effective: 2004-06-20, actor: {as: board}, fields: {size: 2, resolution: r}}
- {kind: board_meeting.call, effective: 2004-06-20, actor: {person: ray, as: president}, fields: {id: bm2, type: special, date: 2004-06-22, time: "10:00", place: Fremont}}
- {kind: board_meeting.notice, effective: 2004-06-20, actor: {as: secretary}, fields: {meeting: bm2, method: mail}}
`)
	mustApply(t, svc, held("bm2", "2004-06-22", "sam"))
	rs = mustApply(t, svc, `[{kind: director.elect, effective: 2004-06-22, actor: {as: board}, adoption: {meeting: bm2, for: 1}, fields: {person: tess, how: appointed_to_vacancy, source: r}}]`)
	if outcome(rs, 0, "III.2.vacancy_fill") != "held" {
		t.Errorf("sole remaining director: %v", rs[0].Checks)
	}
	rep, err := svc.Verify(context.Background(), "quintus", acts.VerifyOptions{})
	if err != nil || !rep.OK {
		t.Errorf("Verify = %+v, %v", rep, err)
	}
}

// TestRemoval works S63: removal needs a majority of the shares entitled
// to vote (500,001 of 1,000,000), not of those present; and the DGCL
// §141(k)(2) protection under cumulative voting (FC).
func TestRemoval(t *testing.T) {
	t.Parallel()
	svc := withHolders(t)
	remove := func(actor, extra string) string {
		return fmt.Sprintf(`[{kind: director.end, effective: 2004-06-15, actor: %s, fields: {person: tess, why: removal, source: "special meeting"%s}}]`, actor, extra)
	}
	cases := []struct {
		name, actor, extra, want string
	}{
		{"(a) 450,000 for of 700,000 present", "{as: stockholders}", `, shares_for: "450000", shares_against: "250000"`, "failed"},
		{"(b) 500,001 for", "{as: stockholders}", `, shares_for: "500001", shares_against: "199999"`, "held"},
		{"exactly 500,000", "{as: stockholders}", `, shares_for: "500000"`, "failed"},
		{"by the board", "{as: board}", "", "failed"},
		{"vote not recorded", "{as: stockholders}", "", "warned"},
	}
	for _, c := range cases {
		rs := dry(t, svc, remove(c.actor, c.extra))
		if got := outcome(rs, 0, "III.14.removal"); got != c.want {
			t.Errorf("%s: III.14.removal %s, want %s (%v)", c.name, got, c.want, rs[0].Checks)
		}
	}
	if got := message(dry(t, svc, remove("{as: stockholders}", `, shares_for: "450000"`)), 0, "III.14.removal"); !strings.Contains(got, "a majority of the 1,000,000 shares entitled to vote at an election of directors is needed: 500,001") {
		t.Errorf("S63(a) message: %s", got)
	}
	// FC: cumulative voting. Board of 5; 700,000 voted (A-REMOVALS votes_cast):
	// ⌊700,000/6⌋+1 = 116,667 against protects the director.
	mustApply(t, svc, `[{kind: charter.amend, effective: 2004-06-01, actor: {as: secretary}, fields: {authority: a, charter: {cumulative_voting: true, board_may_amend_bylaws: true, classes: [{id: common, name: Common Stock, authorized: "1050000", par: "0.001"}, {id: units, name: Fractional Units, authorized: "1000", votes_per_share: "0", scale: 2}]}}}]`)
	rs := dry(t, svc, remove("{as: stockholders}", `, shares_for: "550000", shares_against: "150000"`))
	if got := message(rs, 0, "III.14.removal"); rs[0].Status != acts.Refused || !strings.Contains(got, "116,667 needed of 700,000") {
		t.Errorf("FC protected: %s %s", rs[0].Status, got)
	}
	// Under the other reading (S = 1,000,000: 166,667) it would not be: flagged.
	if c := findCheck(rs, "III.14.removal"); c == nil || !strings.Contains(message(rs, 0, "III.14.removal"), "A-REMOVALS") {
		t.Errorf("A-REMOVALS flag missing: %v", rs[0].Checks)
	}
	if rs := dry(t, svc, remove("{as: stockholders}", `, shares_for: "600000", shares_against: "100000"`)); rs[0].Status != acts.Checked {
		t.Errorf("FC 100,000 against of 700,000: %s %v", rs[0].Status, rs[0].Checks)
	}
	if rs := dry(t, svc, remove("{as: stockholders}", `, shares_for: "550000", shares_against: "150000", cause: true`)); rs[0].Status != acts.Checked {
		t.Errorf("FC for cause: %s %v", rs[0].Status, rs[0].Checks)
	}
}

// boardStory is a special meeting from call to resolutions, a committee,
// a consent and a vacancy, applied the same way to every store.
const boardStory = `
- {kind: board_meeting.call, effective: 2004-06-14, actor: {person: ray, as: president}, fields: {id: bm1, type: special, date: 2004-06-17, time: "10:00", place: Fremont, purposes: [{text: "Amend the bylaws", kind: bylaws.amend}]}}
- {kind: board_meeting.notice, effective: 2004-06-15, actor: {as: secretary}, fields: {meeting: bm1, method: mail, directors: [pat, quinn, ray, sam]}}
- {kind: board_meeting.waiver, effective: 2004-06-16, actor: {as: secretary}, fields: {meeting: bm1, director: tess, form: written}}
- {kind: board_meeting.held, effective: 2004-06-17, actor: {person: susan, as: secretary}, fields: {meeting: bm1, present: [{person: pat}, {person: quinn}, {person: ray, mode: video}], adjourned_to: {id: bm1a, date: 2004-06-18, time: "10:00", place: Fremont}}}
- {kind: officer.elect, effective: 2004-06-17, actor: {as: board}, adoption: {meeting: bm1, votes: [{director: pat, vote: for}, {director: quinn, vote: for}, {director: ray, vote: abstain}]}, fields: {office: assistant_treasurer, person: abby, resolution: r}}
- {kind: committee.designate, effective: 2004-06-17, actor: {as: board}, adoption: {meeting: bm1, for: 3}, fields: {id: audit, name: Audit Committee, members: [quinn, sam], alternates: [tess], powers: [ordinary, declare_dividend], quorum: 1, resolution: r}}
- {kind: board.consent, effective: 2004-06-20, actor: {as: secretary}, fields: {id: uwc1, signers: [{director: pat, signed: 2004-06-19}, {director: quinn, signed: 2004-06-19}, {director: ray, signed: 2004-06-20}, {director: sam, signed: 2004-06-20}, {director: tess, signed: 2004-06-20}], resolutions: ["RESOLVED, directors' fees"]}}
- {kind: director.compensation, effective: 2004-06-20, actor: {as: board}, adoption: {consent: uwc1}, fields: {form: fee_per_meeting, amount: "1500.00", committee_members: true, resolution: r}}
- {kind: board_meeting.call, effective: 2004-06-21, actor: {person: quinn, as: director}, fields: {id: audit1, type: special, committee: audit, date: 2004-06-22, time: "14:00", place: Fremont}}
- {kind: board_meeting.waiver, effective: 2004-06-21, actor: {as: secretary}, fields: {meeting: audit1, director: sam, form: written}}
- {kind: board_meeting.held, effective: 2004-06-22, actor: {as: secretary}, fields: {meeting: audit1, present: [{person: quinn}, {person: tess, role: alternate, replaces: sam}]}}
- {kind: director.end, effective: 2004-06-23, actor: {as: secretary}, fields: {person: tess, why: resignation, source: letter}}
- {kind: board.size, effective: 2004-06-23, actor: {as: board}, fields: {size: 9, resolution: r}}
- {kind: board_meeting.schedule, effective: 2004-06-23, actor: {as: board}, fields: {dates: [2004-06-24], time: "09:00", place: Fremont, resolution: r}}
- {kind: board_meeting.call, effective: 2004-06-23, actor: {as: secretary}, fields: {id: reg1, type: regular, date: 2004-06-24, time: "09:00", place: Fremont}}
- {kind: board_meeting.held, effective: 2004-06-24, actor: {as: secretary}, fields: {meeting: reg1, present: [{person: pat}, {person: quinn}, {person: ray}]}}
- {kind: director.elect, effective: 2004-06-24, actor: {as: board}, adoption: {meeting: reg1, for: 3}, fields: {person: uma, how: appointed_to_vacancy, source: r}}
- {kind: committee.report, effective: 2004-06-24, actor: {as: secretary}, fields: {meeting: audit1, reported_to: reg1}}
`

// TestBoardSameOnBothStores: the board story gives the same journal and
// the same derived tables on SQLite and PostgreSQL, and replays.
func TestBoardSameOnBothStores(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	lite, err := sqlite.Open(ctx, testdb.SQLitePath(t))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	pg, err := postgres.Open(ctx, testdb.Postgres(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	run := func(st acts.Store) (tables.Head, *tables.Memory) {
		svc := &acts.Service{Store: st, Clock: func() time.Time { return fixed }}
		for _, src := range []string{ledgerBase, boardBase, holdersF, boardStory} {
			rs, err := svc.Apply(ctx, "quintus", decode(t, src), acts.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rs {
				if r.Status != acts.Recorded {
					t.Fatalf("%s %s: %s %v", r.Kind, r.Effective, r.Status, r.Checks)
				}
			}
		}
		rep, err := svc.Verify(ctx, "quintus", acts.VerifyOptions{})
		if err != nil || !rep.OK {
			t.Fatalf("Verify = %+v, %v", rep, err)
		}
		return books(t, st)
	}
	h1, r1 := run(lite)
	h2, r2 := run(pg)
	sameBooks(t, h1, r1, h2, r2)
	n := 0
	for _, tb := range []*tables.Table{tables.BoardMeetings, tables.BoardNotices, tables.BoardWaivers, tables.BoardAttendance, tables.BoardResolutions, tables.BoardConsents, tables.Committees, tables.BoardSchedules, tables.DirectorCompensation} {
		if err := r1.Scan(tb, nil, func(tables.Row) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
	}
	// 4 meetings (bm1, bm1a, audit1, reg1), 4 notices, 2 waivers (Tess for
	// bm1, Sam for audit1), 3+2+3 present, 4 resolutions (+1 report), 1
	// consent, 1 committee, 1 schedule, 1 fee.
	if n != 4+4+2+8+5+1+1+1+1 {
		t.Errorf("board rows = %d, want 27", n)
	}
}

// TestMinutes: the minutes of a meeting list the notices, the waiver, who
// was present and how, and each act adopted with its vote and citations.
func TestMinutes(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	mustApply(t, svc, holdersF)
	mustApply(t, svc, boardStory)
	m, err := svc.Minutes(context.Background(), "quintus", "bm1")
	if err != nil {
		t.Fatal(err)
	}
	if m.Meeting.Present != 3 || m.Meeting.Quorum != 3 || m.Meeting.Chair != "pat" || len(m.Notices) != 4 || len(m.Waivers) != 1 || len(m.Items) != 2 {
		t.Fatalf("minutes of bm1: %+v", m)
	}
	if got := strings.Join(m.Absent, ","); got != "sam,tess" {
		t.Errorf("absent = %s", got)
	}
	if it := m.Items[0]; it.Entry.Kind != "officer.elect" || it.For != 2 || it.Abstain != 1 || len(it.Votes) != 3 {
		t.Errorf("item 1 = %+v", it)
	}
	text := forms.Minutes(m).Text()
	for _, want := range []string{
		"# Minutes of a Special Meeting of the Board of Directors",
		"Notice: to Pat Morgan by mail, given 2004-06-15 (2 days before)",
		"Waiver of notice: Tess Larsen, written, signed 2004-06-16 (Art. IV §2)",
		"Ray Patel (by video (Art. III §10))",
		"Quorum: 3 present of 5; 3 needed: a quorum was present",
		"Vote: 2 for, 0 against, 1 abstaining. Pat Morgan for; Quinn Ortega for; Ray Patel abstain.",
		"| III.8.board_act | Art. III §8; DGCL §141(b) | held | the act of a majority of the directors present: 2 for, 2 needed of 3 present |",
		"| III.11.committee_dividend_stock | Art. III §11; DGCL §141(c)(1) | held |",
		"adjourned the meeting, by announcement, to the meeting bm1a",
		"signed: Susan Salvesen, Secretary",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("minutes lack %q:\n%s", want, text)
		}
	}
	c, err := svc.Minutes(context.Background(), "quintus", "uwc1")
	if err != nil || c.Consent == nil || len(c.Items) != 1 || c.Items[0].Entry.Kind != "director.compensation" {
		t.Fatalf("minutes of the consent: %+v %v", c, err)
	}
	if text := forms.Minutes(c).Text(); !strings.Contains(text, "Unanimous Written Consent of the Board of Directors") || !strings.Contains(text, "RESOLVED, directors' fees") {
		t.Errorf("consent minutes:\n%s", text)
	}
	r, err := svc.Minutes(context.Background(), "quintus", "reg1")
	if err != nil || len(r.Items) != 2 || r.Items[1].Entry.Kind != "committee.report" {
		t.Fatalf("minutes of reg1: %+v %v", r, err)
	}
	if _, err := svc.Minutes(context.Background(), "quintus", "nope"); err == nil {
		t.Errorf("minutes of an unknown meeting: no error")
	}
}
