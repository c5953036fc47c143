package acts_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"minutebook/internal/acts"
	"minutebook/internal/bylaws"
	"minutebook/internal/journal"
	"minutebook/internal/sqlite"
	"minutebook/internal/tables"
)

// The tests of this file close the gaps of the issue 4 audit (docs/board.md,
// "Issue 4 coverage").

// boardWithStore is withBoard (fixture F's board and officers) with the
// store, so that a test can read the books directly.
func boardWithStore(t *testing.T) (*acts.Service, *sqlite.Store) {
	t.Helper()
	svc, st := newService(t)
	apply(t, svc, ledgerBase, acts.Options{})
	mustApply(t, svc, boardBase)
	return svc, st
}

// books reads the journal head and every derived table.
func books(t *testing.T, st acts.Store) (tables.Head, *tables.Memory) {
	t.Helper()
	rows := tables.NewMemory()
	var h tables.Head
	err := st.View(context.Background(), "quintus", func(v tables.View) error {
		var err error
		if h, err = v.Head(); err != nil {
			return err
		}
		for _, tb := range tables.All() {
			if err := v.Scan(tb, nil, func(r tables.Row) error { return rows.Put(tb, r) }); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return h, rows
}

// refusedUnchanged applies src for real (not a dry run) and asserts that it
// is refused by a failed check of rule whose citation contains cite and
// whose message contains msg, and that neither the journal nor any table
// changed.
func refusedUnchanged(t *testing.T, svc *acts.Service, st *sqlite.Store, name, src, rule, cite, msg string) {
	t.Helper()
	h0, r0 := books(t, st)
	rs := apply(t, svc, src, acts.Options{})
	c := checkWith(rs, rule, journal.Failed, msg)
	switch {
	case rs[0].Status != acts.Refused:
		t.Errorf("%s: %s, want refused (%+v)", name, rs[0].Status, rs[0].Checks)
	case c == nil:
		t.Errorf("%s: no failed %s with %q: %+v", name, rule, msg, rs[0].Checks)
	case !strings.Contains(c.Citation, cite):
		t.Errorf("%s: %s cites %q, want %q", name, rule, c.Citation, cite)
	}
	h1, r1 := books(t, st)
	if h0 != h1 {
		t.Errorf("%s: the journal head moved from %+v to %+v", name, h0, h1)
	}
	if diff, err := tables.Diff(r0, r1, 5); err != nil || len(diff) > 0 {
		t.Errorf("%s: the tables changed: %v %v", name, diff, err)
	}
}

// TestBoardBadInput is the "Bad input" list of issue 4: each is refused
// with its citation and the books are left unchanged.
func TestBoardBadInput(t *testing.T) {
	t.Parallel()
	svc, st := boardWithStore(t)
	mustApply(t, svc, `
- `+issue("2000-01-10", "alice", "400000", "")+`
- {kind: committee.designate, effective: 2004-06-01, actor: {as: board}, fields: {id: audit, name: Audit Committee, members: [quinn, sam], powers: [ordinary], resolution: r}}
- {kind: board_meeting.schedule, effective: 2004-06-01, actor: {as: board}, fields: {dates: [2004-06-17], time: "09:00", place: Fremont, resolution: r}}
- {kind: board_meeting.call, effective: 2004-06-10, actor: {as: secretary}, fields: {id: reg, type: regular, date: 2004-06-17, time: "09:00", place: Fremont}}
- {kind: board_meeting.call, effective: 2004-06-14, actor: {person: ray, as: president}, fields: {id: bm1, type: special, date: 2004-06-17, time: "10:00", place: Fremont}}
- {kind: board_meeting.notice, effective: 2004-06-15, actor: {as: secretary}, fields: {meeting: bm1, method: mail}}
- {kind: board_meeting.call, effective: 2004-06-17, actor: {person: ray, as: president}, fields: {id: bm2, type: special, date: 2004-06-19, time: "10:00", place: Fremont}}
`)
	mustApply(t, svc, held("reg", "2004-06-17", "pat ray"))           // 2 of 5: no quorum (3 needed)
	mustApply(t, svc, held("bm1", "2004-06-17", "pat quinn ray sam")) // 4 of 5
	elect := func(meeting, votes string) string {
		return `[{kind: officer.elect, effective: 2004-06-17, actor: {as: board}, adoption: {meeting: ` + meeting + `, ` + votes + `}, fields: {office: assistant_treasurer, person: abby, resolution: r}}]`
	}
	for _, c := range []struct{ name, src, rule, cite, msg string }{
		// Without a quorum: 2 present of the whole board of 5; 3 needed.
		{"adopted without a quorum", elect("reg", "for: 2"), "III.8.board_quorum", "Art. III §8", "no quorum was present at meeting reg: 2 of 5, 3 needed"},
		// Too few votes: 2 for of 4 present; a majority of 4 is 3.
		{"too few votes", elect("bm1", "for: 2, against: 2"), "III.8.board_act", "Art. III §8", "2 for, 3 needed of 4 present"},
		// A committee's resolution needs a majority of the whole board: 3 of 5.
		{"designation with too few votes", `[{kind: committee.designate, effective: 2004-06-17, actor: {as: board}, adoption: {meeting: bm1, for: 2, against: 2}, fields: {id: exec, name: Executive, members: [pat, ray], powers: [ordinary], resolution: r}}]`,
			"III.11.committee_designation", "Art. III §11", "2 votes for, but 3 are needed: a majority of the whole board of 5"},
		// The wrong body: the committee's act adopted at the board's meeting.
		{"wrong body: a committee act at a board meeting", `[{kind: resolution.other, effective: 2004-06-17, actor: {person: audit, as: committee}, adoption: {meeting: bm1, for: 4}, fields: {title: t, text: x, resolution: r}}]`,
			"MB.adoption.body", "Art. III §3, §11", "meeting bm1 is a meeting of the board, not of the committee audit"},
		{"wrong body: salaries fixed by the president", `[{kind: resolution.salaries, effective: 2004-06-17, actor: {person: ray, as: president}, fields: {resolution: r, salaries: [{person: susan, office: secretary, amount: "1"}]}}]`,
			"V.4.salaries", "Art. V §4", "may not be performed by the president"},
		{"wrong body: a director removed by the board", `[{kind: director.end, effective: 2004-06-17, actor: {as: board}, fields: {person: tess, why: removal, source: r}}]`,
			"III.14.removal", "Art. III §14", "not by the board"},
		// A committee exceeding its powers.
		{"a committee amends the bylaws", `[{kind: bylaws.amend, effective: 2004-06-17, actor: {person: audit, as: committee}, fields: {meeting: regular, resolution: r, bylaws: {default: true}}}]`,
			"III.11.committee_prohibited", "Art. III §11", "no committee has the power of amending the bylaws"},
		{"a committee declares a dividend without express authority", `[{kind: dividend.declare, effective: 2004-06-17, actor: {person: audit, as: committee}, fields: {id: d1, form: cash, rates: [{class: common, per_share: "0.10"}], record_date: 2004-06-20, payable: 2004-07-20, resolution: r}}]`,
			"III.11.committee_dividend_stock", "Art. III §11", "committee audit has no express authority for declaring a dividend"},
		// Notice too short: mailed 2004-06-18 for 2004-06-19 is 1 day; 2 are needed.
		{"notice too short", `[{kind: board_meeting.notice, effective: 2004-06-18, actor: {as: secretary}, fields: {meeting: bm2, method: mail}}]`,
			"III.7.special_call", "Art. III §7", "only 1 days before the meeting on 2004-06-19: 2 days' notice by mail is required"},
		{"an officer who is not a director elected chairman", `[{kind: officer.elect, effective: 2004-06-17, actor: {as: board}, adoption: {meeting: bm1, for: 4}, fields: {office: chairman, person: susan, resolution: r}}]`,
			"V.1.chair_from_board", "Art. V §1", "the chairman is elected from among the directors; susan holds no directorship on 2004-06-17"},
		// Record date 2004-06-20, payable 2004-08-20: 10 + 31 + 20 = 61 days.
		{"a dividend with a record date 61 days before payment", `[{kind: dividend.declare, effective: 2004-06-17, actor: {as: board}, adoption: {meeting: bm1, for: 4}, fields: {id: d1, form: cash, rates: [{class: common, per_share: "0.10"}], record_date: 2004-06-20, payable: 2004-08-20, resolution: r}}]`,
			"VI.5.record_date_other", "Art. VI §5", "61 days before the payment on 2004-08-20: Art. VI §5 allows not more than 60 (the earliest record date allowed is 2004-06-21)"},
	} {
		refusedUnchanged(t, svc, st, c.name, c.src, c.rule, c.cite, c.msg)
	}
	// The committee amending the bylaws gets the Art. III §11 refusal, not
	// the generic wrong-actor one.
	rs := dry(t, svc, `[{kind: bylaws.amend, effective: 2004-06-17, actor: {person: audit, as: committee}, fields: {meeting: regular, resolution: r, bylaws: {default: true}}}]`)
	if outcome(rs, 0, "MB.actor.capacity") != "none" {
		t.Errorf("a committee amending the bylaws also fails MB.actor.capacity: %v", rs[0].Checks)
	}
}

// TestCommitteeStockDividend: a dividend in shares by a committee needs
// express authority both to declare a dividend and to issue stock (Art.
// III §11; DGCL §141(c)(1)); a cash dividend only the first.
func TestCommitteeStockDividend(t *testing.T) {
	t.Parallel()
	svc := withHolders(t) // 1,000,000 outstanding of 1,050,000 authorized
	mustApply(t, svc, `
- {kind: committee.designate, effective: 2004-06-01, actor: {as: board}, fields: {id: div, name: Dividend Committee, members: [pat, ray], powers: [declare_dividend], resolution: r}}
- {kind: committee.designate, effective: 2004-06-01, actor: {as: board}, fields: {id: both, name: Capital Committee, members: [pat, ray], powers: [declare_dividend, authorize_issuance], resolution: r}}
`)
	declareBy := func(c, form, rate string) string {
		return `[{kind: dividend.declare, effective: 2004-06-02, actor: {person: ` + c + `, as: committee}, fields: {id: d1, form: ` + form + `, rates: [{class: common, per_share: "` + rate + `"}], record_date: 2004-06-15, payable: 2004-07-01, resolution: r}}]`
	}
	// 1% in shares, by hand: Alice 4,000; Bob 200,001 × 0.01 = 2,000.01 →
	// 2,000; Carol 2,000; Dan 1,000; Eve 99,999 × 0.01 = 999.99 → 999.
	// Exact 10,000, paid 9,999, remainder 1; 1,000,000 + 9,999 = 1,009,999
	// issued ≤ 1,050,000 authorized.
	rs := dry(t, svc, declareBy("div", "shares", "0.01"))
	if c := checkWith(rs, "III.11.committee_dividend_stock", journal.Failed, "no express authority for authorizing the issuance of stock"); rs[0].Status != acts.Refused || c == nil || !strings.Contains(c.Citation, "Art. III §11") {
		t.Errorf("stock dividend by a committee with the dividend power only: %s %+v", rs[0].Status, rs[0].Checks)
	}
	if checkWith(rs, "III.11.committee_dividend_stock", journal.Held, "declaring a dividend") == nil {
		t.Errorf("the dividend power itself is held: %+v", rs[0].Checks)
	}
	rs = dry(t, svc, declareBy("both", "shares", "0.01"))
	if rs[0].Status != acts.Checked || checkWith(rs, "III.11.committee_dividend_stock", journal.Held, "authorizing the issuance of stock") == nil ||
		checkWith(rs, "MB.dividend.rounding", journal.Held, "exact total 10000 shares; paid 9999 after rounding each holder down; remainder 1") == nil ||
		checkWith(rs, "MB.stock.authorized", journal.Held, "1,009,999 issued after it, within the 1,050,000 authorized") == nil {
		t.Errorf("stock dividend with both express powers: %s %+v", rs[0].Status, rs[0].Checks)
	}
	if rs := dry(t, svc, declareBy("div", "cash", "0.10")); rs[0].Status != acts.Checked {
		t.Errorf("cash dividend by the dividend committee: %s %v", rs[0].Status, failed(rs))
	}
	if k, _ := acts.LookupKind("dividend.declare"); k.MorePowers == nil || len(k.MorePowers(&acts.DeclareDividendFields{Form: "shares"})) != 1 || len(k.MorePowers(&acts.DeclareDividendFields{Form: "cash"})) != 0 {
		t.Errorf("dividend.declare's further powers")
	}
}

// TestQuorumRecheckedAtAdoption: the quorum of a board meeting is counted
// again when an act names it as adopted there, on the bylaws in force for
// the act (A-BQUORUM), with the reading warned when vacancies make the two
// readings differ. F7: whole board 7, 5 in office; 3 present.
func TestQuorumRecheckedAtAdoption(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	mustApply(t, svc, `[{kind: board.size, effective: 2004-06-01, actor: {as: board}, fields: {size: 7, resolution: r}}]`)
	mustApply(t, svc, callSpecial("bm1", ""))
	mustApply(t, svc, notice("2004-06-15", "", "mail"))
	rs := mustApply(t, svc, held("bm1", "2004-06-17", "pat quinn ray"))
	// Whole board 7: quorum 4; in office 5: quorum 3. 3 present.
	if checkWith(rs, "III.8.board_quorum", journal.Warned, "no quorum: 3 directors present of the whole board (vacancies included) of 7; a quorum is 4") == nil ||
		checkWith(rs, "III.8.board_quorum", journal.Warned, "(A-BQUORUM: whole_board): a quorum is 4 of 7; under the other reading, of the directors in office (5), it would be 3, a different outcome for the 3 present") == nil {
		t.Errorf("held: %+v", rs[0].Checks)
	}
	elect := `[{kind: officer.elect, effective: 2004-06-17, actor: {as: board}, adoption: {meeting: bm1, for: 3}, fields: {office: assistant_treasurer, person: abby, resolution: r}}]`
	rs = dry(t, svc, elect)
	if rs[0].Status != acts.Refused || checkWith(rs, "III.8.board_quorum", journal.Failed, "3 of 7, 4 needed") == nil ||
		checkWith(rs, "III.8.board_quorum", journal.Warned, "a different outcome") == nil {
		t.Errorf("adoption under whole_board: %s %+v", rs[0].Status, rs[0].Checks)
	}
	// The stockholders adopt the in_office reading the same day: the act is
	// checked on the bylaws then in force, not the quorum stored when the
	// meeting was recorded as held.
	src := strings.Replace(string(bylaws.QuintusSource()), "choice: whole_board\n    options: [whole_board, in_office]\n", "choice: in_office\n    options: [whole_board, in_office]\n", 1)
	if src == string(bylaws.QuintusSource()) {
		t.Fatal("A-BQUORUM's choice not found in the Quintus bylaws")
	}
	text, _ := json.Marshal(src)
	mustApply(t, svc, `[{kind: bylaws.amend, effective: 2004-06-17, actor: {as: stockholders}, fields: {meeting: special, notice_included_amendment: true, resolution: r, bylaws: {text: `+string(text)+`}}}]`)
	rs = dry(t, svc, elect)
	if rs[0].Status != acts.Checked || checkWith(rs, "III.8.board_quorum", journal.Held, "a quorum was present: 3 of 5, 3 needed") == nil ||
		checkWith(rs, "III.8.board_quorum", journal.Warned, "(A-BQUORUM: in_office): a quorum is 3 of 5; under the other reading, of the whole board (7), it would be 4") == nil {
		t.Errorf("adoption under in_office: %s %+v", rs[0].Status, rs[0].Checks)
	}
	// Without vacancies the readings agree and nothing is warned.
	svc = withBoard(t)
	mustApply(t, svc, callSpecial("bm1", ""))
	mustApply(t, svc, notice("2004-06-15", "", "mail"))
	mustApply(t, svc, held("bm1", "2004-06-17", "pat quinn ray"))
	if rs := dry(t, svc, elect); rs[0].Status != acts.Checked || checkWith(rs, "III.8.board_quorum", journal.Warned, "A-BQUORUM") != nil {
		t.Errorf("no vacancy: %s %+v", rs[0].Status, rs[0].Checks)
	}
}

// TestCommitteeMeetingNotice: the bylaws prescribe no notice of committee
// meetings; minutebook holds them to the notice of a special meeting of
// the board (Art. III §7), warned, unless the designating resolution
// provides that none is needed (MB.committee.notice).
func TestCommitteeMeetingNotice(t *testing.T) {
	t.Parallel()
	svc, st := boardWithStore(t)
	mustApply(t, svc, `
- {kind: committee.designate, effective: 2004-06-01, actor: {as: board}, fields: {id: audit, name: Audit Committee, members: [quinn, sam], alternates: [tess], powers: [ordinary], resolution: r}}
- {kind: committee.designate, effective: 2004-06-01, actor: {as: board}, fields: {id: exec, name: Executive Committee, members: [pat, ray], powers: [ordinary], notice: none, resolution: r}}
- {kind: board_meeting.call, effective: 2004-06-14, actor: {person: quinn, as: director}, fields: {id: a1, type: special, committee: audit, date: 2004-06-17, time: "14:00", place: Fremont}}
- {kind: board_meeting.call, effective: 2004-06-14, actor: {person: pat, as: director}, fields: {id: x1, type: special, committee: exec, date: 2004-06-17, time: "15:00", place: Fremont}}
`)
	// Mailed 2004-06-16 for 2004-06-17: 1 day, 2 needed.
	refusedUnchanged(t, svc, st, "committee notice too short", `[{kind: board_meeting.notice, effective: 2004-06-16, actor: {as: secretary}, fields: {meeting: a1, method: mail}}]`,
		"III.7.special_call", "Art. III §7", "only 1 days before the meeting on 2004-06-17")
	// Held without notice to Sam, who neither waived it nor attended.
	refusedUnchanged(t, svc, st, "committee meeting without notice", `[{kind: board_meeting.held, effective: 2004-06-17, actor: {as: secretary}, fields: {meeting: a1, present: [{person: quinn}, {person: tess, role: alternate, replaces: sam}]}}]`,
		"MB.committee.notice", "Art. III §7, §11", "sam had no notice of meeting a1 of committee audit")
	rs := mustApply(t, svc, `
- {kind: board_meeting.notice, effective: 2004-06-15, actor: {as: secretary}, fields: {meeting: a1, method: mail}}
- {kind: board_meeting.held, effective: 2004-06-17, actor: {as: secretary}, fields: {meeting: a1, present: [{person: quinn}, {person: tess, role: alternate, replaces: sam}]}}
- {kind: board_meeting.held, effective: 2004-06-17, actor: {as: secretary}, fields: {meeting: x1, present: [{person: pat}]}}
`)
	if outcome(rs, 0, "MB.committee.notice") != "warned" || !strings.Contains(message(rs, 0, "III.7.special_call"), "2 days before the meeting on 2004-06-17: at least 2") {
		t.Errorf("committee notice by mail 2 days before: %v", rs[0].Checks)
	}
	if outcome(rs, 1, "MB.committee.notice") != "held" {
		t.Errorf("committee meeting on due notice: %v", rs[1].Checks)
	}
	if c := checkWith(rs[2:], "MB.committee.notice", journal.Held, "provides that its meetings need no notice"); c == nil {
		t.Errorf("notice: none: %v", rs[2].Checks)
	}
	// The notice went to the members and the alternate.
	_, rows := books(t, st)
	var to []string
	if err := rows.Scan(tables.BoardNotices, []any{"a1"}, func(r tables.Row) error { to = append(to, r[1].(string)); return nil }); err != nil {
		t.Fatal(err)
	}
	if strings.Join(to, ",") != "quinn,sam,tess" {
		t.Errorf("notice of a1 to %v, want quinn, sam, tess", to)
	}
}

// TestDirectorCompensationListed: the compensation the board fixes (Art.
// III §13) is listed with the resolutions, with its body and resolution.
func TestDirectorCompensationListed(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	mustApply(t, svc, `
- {kind: director.compensation, effective: 2004-06-17, actor: {as: board}, fields: {form: fee_per_meeting, amount: "1500.00", committee_members: true, resolution: "Board resolution 2004-06-17 #4"}}
- {kind: director.compensation, effective: 2004-06-18, actor: {as: board}, fields: {form: expenses, directors: [sam], resolution: "#5"}}
`)
	rs, err := svc.Resolutions(context.Background(), "quintus")
	if err != nil || len(rs) != 2 {
		t.Fatalf("resolutions: %+v %v", rs, err)
	}
	if r := rs[0]; r.Kind != "director_compensation" || r.Body != "board" || r.Resolution != "Board resolution 2004-06-17 #4" ||
		string(r.Detail) != `{"amount":"1500","committee_members":true,"directors":[],"form":"fee_per_meeting"}` {
		t.Errorf("fee: %+v %s", r, r.Detail)
	}
	if r := rs[1]; string(r.Detail) != `{"committee_members":false,"directors":["sam"],"form":"expenses"}` {
		t.Errorf("expenses: %s", r.Detail)
	}
}

// TestRequiredOfficesOnCalendar: a vacancy in the office of president,
// treasurer or secretary is on the calendar from the day it opens (Art. V
// §1, §5); an office filled again says when.
func TestRequiredOfficesOnCalendar(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	ctx := context.Background()
	cal := func() []acts.Deadline {
		ds, err := svc.Calendar(ctx, "quintus", mustDate(t, "1999-01-01"), mustDate(t, "2010-12-31"))
		if err != nil {
			t.Fatal(err)
		}
		var out []acts.Deadline
		for _, d := range ds {
			if strings.HasPrefix(d.Rule, "V.1.") || strings.HasPrefix(d.Rule, "V.2.") {
				out = append(out, d)
			}
		}
		return out
	}
	if ds := cal(); len(ds) != 0 {
		t.Errorf("fixture F has every required office filled: %+v", ds)
	}
	mustApply(t, svc, `[{kind: officer.end, effective: 2004-02-01, actor: {as: secretary}, fields: {office: treasurer, person: tom, why: resignation, source: letter}}]`)
	ds := cal()
	if len(ds) != 1 || ds[0].Date.String() != "2004-02-01" || ds[0].Title != "the office of treasurer is vacant: the board fills it" ||
		!strings.Contains(ds[0].Detail, "not yet filled") || !strings.Contains(ds[0].Citation, "Art. V §1") {
		t.Fatalf("treasurer's vacancy: %+v", ds)
	}
	mustApply(t, svc, `[{kind: officer.elect, effective: 2004-03-01, actor: {as: board}, fields: {office: treasurer, person: amy, resolution: r}}]`)
	if ds := cal(); len(ds) != 1 || !strings.Contains(ds[0].Detail, "filled from 2004-03-01") {
		t.Errorf("vacancy filled: %+v", ds)
	}
}

// TestOfficersAtFirstMeeting: at the first meeting of the board after the
// annual meeting the board chooses a president, a treasurer and a secretary
// (Art. V §2): an incumbent may be re-elected there, not elsewhere; a
// first meeting that chooses fewer is flagged on the calendar.
func TestOfficersAtFirstMeeting(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	ctx := context.Background()
	mustApply(t, svc, `[{kind: board_meeting.call, effective: 2004-06-15, actor: {as: secretary}, fields: {id: first, type: first, fixed_by_stockholders: "annual meeting 2004-06-15", date: 2004-06-15, time: "14:00", place: Fremont}}]`)
	mustApply(t, svc, held("first", "2004-06-15", "pat quinn ray sam tess"))
	reelect := func(office, person string) string {
		return `{kind: officer.elect, effective: 2004-06-15, actor: {as: board}, adoption: {meeting: first, for: 5}, fields: {office: ` + office + `, person: ` + person + `, resolution: r}}`
	}
	rs := mustApply(t, svc, "["+reelect("president", "ray")+", "+reelect("secretary", "susan")+"]")
	if checkWith(rs, "V.2.annual_officer_election", journal.Held, "ray is re-elected president at the first meeting of the board after the annual meeting (first)") == nil {
		t.Errorf("re-election: %+v", rs[0].Checks)
	}
	ts, err := svc.OfficersOn(ctx, "quintus", mustDate(t, "2004-06-15"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, x := range ts {
		if x.Office == "president" {
			n++
			if x.Person != "ray" || x.Since.String() != "2004-06-15" {
				t.Errorf("president: %+v", x)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d presidents on 2004-06-15", n)
	}
	// No treasurer was chosen at the first meeting: flagged; Tom holds over.
	ds, err := svc.Calendar(ctx, "quintus", mustDate(t, "2004-06-15"), mustDate(t, "2004-06-15"))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range ds {
		found = found || (d.Rule == "V.2.annual_officer_election" && d.Title == "the first meeting of the board after the annual meeting (first) chose no treasurer")
	}
	if !found {
		t.Errorf("first meeting without a treasurer: %+v", ds)
	}
	// Elsewhere, electing the holder of an office is refused.
	rs = dry(t, svc, `[{kind: officer.elect, effective: 2004-06-16, actor: {as: board}, fields: {office: treasurer, person: tom, resolution: r}}]`)
	if checkWith(rs, "V.5.term", journal.Failed, "tom already holds the office of treasurer") == nil {
		t.Errorf("re-election outside the first meeting: %+v", rs[0].Checks)
	}
	rep, err := svc.Verify(ctx, "quintus", acts.VerifyOptions{})
	if err != nil || !rep.OK {
		t.Errorf("Verify = %+v, %v", rep, err)
	}
}

// TestChairAndFirstMeeting: the chairman presides, else the vice chairman,
// else the president (Art. V §6–8), else the vice-president acting for the
// president (A-PRESIDE, warned); the first meeting of a newly elected board
// needs no notice when the stockholders fixed its time and place, provided
// a quorum is present (Art. III §5), else it is held on all the directors'
// waivers (the fallback).
func TestChairAndFirstMeeting(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	mustApply(t, svc, `[{kind: board_meeting.call, effective: 2004-06-15, actor: {as: secretary}, fields: {id: first, type: first, fixed_by_stockholders: "annual meeting 2004-06-15", date: 2004-06-15, time: "14:00", place: Fremont}}]`)
	for _, c := range []struct{ present, rule, want, msg string }{
		{"quinn ray sam", "V.7.vice_chair_presides", "held", "quinn presides"},
		{"ray sam tess", "V.8.president_ceo", "held", "ray presides"},
		{"quinn sam tess", "V.7.vice_chair_presides", "held", "quinn presides"},
		{"sam tess", "III.5.first_meeting", "failed", "needs no notice only if a quorum is present"},
		{"quinn ray sam", "III.5.first_meeting", "held", "no notice is needed, a quorum being present"},
	} {
		rs := dry(t, svc, held("first", "2004-06-15", c.present))
		if outcome(rs, 0, c.rule) != c.want || !strings.Contains(message(rs, 0, c.rule), c.msg) {
			t.Errorf("first meeting with %s: %s = %s (%s), want %s %q", c.present, c.rule, outcome(rs, 0, c.rule), message(rs, 0, c.rule), c.want, c.msg)
		}
	}
	// Wendy, a vice-president, is no director: a meeting of Sam and Tess
	// alone elects its chair (A-PRESIDE), but has no quorum either; with
	// the chair named, the election is warned.
	mustApply(t, svc, `
- {kind: board_meeting.call, effective: 2004-06-15, actor: {person: ray, as: president}, fields: {id: fb, type: first, date: 2004-06-20, time: "10:00", place: Fremont}}
- {kind: board_meeting.waiver, effective: 2004-06-16, actor: {as: secretary}, fields: {meeting: fb, director: pat, form: written}}
- {kind: board_meeting.waiver, effective: 2004-06-16, actor: {as: secretary}, fields: {meeting: fb, director: quinn, form: written}}
- {kind: board_meeting.waiver, effective: 2004-06-16, actor: {as: secretary}, fields: {meeting: fb, director: ray, form: written}}
`)
	rs := dry(t, svc, `[{kind: board_meeting.held, effective: 2004-06-20, actor: {as: secretary}, fields: {meeting: fb, chair: sam, present: [{person: sam}, {person: tess}, {person: pat}]}}]`)
	if outcome(rs, 0, "V.6.chair_presides") != "failed" || !strings.Contains(message(rs, 0, "V.6.chair_presides"), "pat presides at the meetings of the board") {
		t.Errorf("chair named against Art. V §6: %v", rs[0].Checks)
	}
	rs = dry(t, svc, `[{kind: board_meeting.held, effective: 2004-06-20, actor: {as: secretary}, fields: {meeting: fb, chair: sam, present: [{person: sam}, {person: tess}]}}]`)
	if outcome(rs, 0, "V.8.president_ceo") != "warned" || outcome(rs, 0, "III.5.first_meeting_fallback") != "held" {
		t.Errorf("first meeting on waivers, chair elected: %v", rs[0].Checks)
	}
}

// TestBoardSize: the number of directorships is fixed by the board or by
// the stockholders at the annual meeting, the last determination standing
// (Art. III §1; A-SIZE); the whole board counts vacancies, and reducing it
// removes no sitting director (DGCL §141(b)).
func TestBoardSize(t *testing.T) {
	t.Parallel()
	svc := withHolders(t)
	mustApply(t, svc, `
- {kind: board.size, effective: 2004-06-15, actor: {as: stockholders}, fields: {size: 6, resolution: "annual meeting 2004-06-15"}}
- {kind: director.elect, effective: 2004-06-15, actor: {as: stockholders}, fields: {person: uma, how: elected, source: s}}
- {kind: board.size, effective: 2004-07-01, actor: {as: board}, fields: {size: 5, resolution: r}}
`)
	// Six sit on a board of five: no vacancy for Carol, and none is removed.
	rs := dry(t, svc, `[{kind: director.elect, effective: 2004-07-02, actor: {as: stockholders}, fields: {person: carol, how: elected, source: s}}]`)
	if checkWith(rs, "III.1.board_size", journal.Failed, "no directorship is vacant: 6 of 5 are filled") == nil {
		t.Errorf("electing into a full board: %+v", rs[0].Checks)
	}
	if rs := dry(t, svc, `[{kind: board.size, effective: 2004-07-02, actor: {as: board}, fields: {size: 0, resolution: r}}]`); checkWith(rs, "III.1.board_size", journal.Failed, "at least one director") == nil {
		t.Errorf("a board of none: %+v", rs[0].Checks)
	}
}
