package acts_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"minutebook/internal/acts"
	"minutebook/internal/journal"
	"minutebook/internal/sqlite"
	"minutebook/internal/tables"
)

// rofrBook is fixture F of examples.md on the ledger: Alice (certificate
// 1), Bob 260,000 (2), Carol (3), Dan 100,000 (4), Eve 40,000 (5), all
// acquired 2000-01-10, plus Frank and Gwen, who hold nothing and are not
// family: a transfer to them needs the ROFR workflow. alice and carol
// give their holdings (F: 400,000 and 200,000).
func rofrBook(t *testing.T, alice, carol string) (*acts.Service, *sqlite.Store) {
	t.Helper()
	svc, st := newService(t)
	apply(t, svc, ledgerBase, acts.Options{})
	src := `
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: carol, name: Carol Chen, kind: natural_person}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: dan, name: Dan Chen, kind: natural_person}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: eve, name: Eve Evans, kind: natural_person}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: frank, name: Frank Fox, kind: natural_person}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: gwen, name: Gwen Gale, kind: natural_person}}
- ` + issue("2000-01-10", "alice", alice, "") + `
- ` + issue("2000-01-10", "bob", "260000", "") + `
- ` + issue("2000-01-10", "carol", carol, "") + `
- ` + issue("2000-01-10", "dan", "100000", "") + `
- ` + issue("2000-01-10", "eve", "40000", "") + `
`
	rofrRecord(t, svc, src)
	return svc, st
}

// rofrRecord applies acts that must all be recorded.
func rofrRecord(t *testing.T, svc *acts.Service, src string) []acts.Result {
	t.Helper()
	rs := apply(t, svc, src, acts.Options{})
	for _, r := range rs {
		if r.Status != acts.Recorded {
			t.Fatalf("act %s %s: %s; failed %v", r.Kind, r.Effective, r.Status, rofrFailed(r))
		}
	}
	return rs
}

func rofrFailed(r acts.Result) []string {
	var out []string
	for _, c := range r.Checks {
		if c.Outcome == journal.Failed {
			out = append(out, c.Rule+": "+c.Message)
		}
	}
	return out
}

// rofrCheck returns the first check of rule with outcome o.
func rofrCheck(rs []acts.Result, rule string, o journal.Outcome) *journal.Check {
	for _, r := range rs {
		for i := range r.Checks {
			if r.Checks[i].Rule == rule && r.Checks[i].Outcome == o {
				return &r.Checks[i]
			}
		}
	}
	return nil
}

func rofrNumbers(c *journal.Check) map[string]string {
	m := map[string]string{}
	if c != nil {
		for _, n := range c.Numbers {
			m[n.Name] = n.Value
		}
	}
	return m
}

func rofrAct(kind, date, actor, fields string) string {
	return fmt.Sprintf("[{kind: %s, effective: %s, actor: %s, fields: {%s}}]", kind, date, actor, fields)
}

const (
	rofrSecretary = "{person: susan, as: secretary}"
	rofrBoard     = "{as: board}"
	rofrSigners   = "signers: [{person: ray, office: president}, {person: susan, office: secretary}]"
)

// rofrDanNotice is S94's notice: Dan offers 60,000 of his 100,000 shares
// (certificate 4) to Frank for $300,000 in cash; the corporation and the
// Secretary receive it on Monday 2003-03-03.
var rofrDanNotice = rofrAct("rofr.notice", "2003-03-03", "{person: dan, as: holder}",
	`holder: dan, transferee: frank, certificates: [4], shares: "60000", price: "300000.00", terms: "closing within 10 days"`)

func rofrSettle(date, payments string) string {
	return rofrAct("rofr.settle", date, rofrSecretary, "notice: 1, payments: ["+payments+"], evidence: endorsed, "+rofrSigners)
}

func rofrTotals(t *testing.T, st *sqlite.Store) (issued, treasury int64) {
	t.Helper()
	err := st.View(context.Background(), "quintus", func(v tables.View) error {
		r, _, err := v.Get(tables.ClassTotals, "common")
		issued, treasury = r[1].(int64), r[2].(int64)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return issued, treasury
}

func rofrCerts(t *testing.T, svc *acts.Service) string {
	t.Helper()
	cs, err := svc.Certificates(context.Background(), "quintus", "")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, c := range cs {
		if c.Number > 3 {
			fmt.Fprintf(&b, "%d:%s:%s:%s:%s ", c.Number, c.Holder, c.Shares, c.Status, c.Origin)
		}
	}
	return b.String()
}

func rofrVerify(t *testing.T, svc *acts.Service) {
	t.Helper()
	rep, err := svc.Verify(context.Background(), "quintus", acts.VerifyOptions{})
	if err != nil || !rep.OK {
		t.Fatalf("verify: %+v %v", rep, err)
	}
}

// TestROFRS94 works S94: notice received 2003-03-03 by the corporation and
// the Secretary; option window 2003-03-04 … 2003-04-02 (R+1 … R+30);
// election on Thursday 2003-03-20 valid, on 2003-04-03 refused; settlement
// $300,000 in cash by 2003-04-02 (R_sec + 30); the shares go to treasury.
func TestROFRS94(t *testing.T) {
	t.Parallel()
	svc, st := rofrBook(t, "400000", "200000")
	rs := rofrRecord(t, svc, rofrDanNotice)
	opt := rofrNumbers(rofrCheck(rs, "VIII.1.b.option", journal.Held))
	if opt["option_first_day"] != "2003-03-04" || opt["option_last_day"] != "2003-04-02" {
		t.Errorf("option window = %v, want 2003-03-04 … 2003-04-02", opt)
	}
	if s := rofrNumbers(rofrCheck(rs, "VIII.1.d.settlement", journal.Held)); s["settle_by"] != "2003-04-02" {
		t.Errorf("settlement deadline = %v, want 2003-04-02", s)
	}
	// 2003-04-02 + 1 = 2003-04-03; + 60 = 2003-06-01 (28 days left in April, 31 in May, 1 in June).
	if w := rofrNumbers(rofrCheck(rs, "VIII.1.e.free_window", journal.Held)); w["free_first_day"] != "2003-04-03" || w["free_last_day"] != "2003-06-01" {
		t.Errorf("free window = %v, want 2003-04-03 … 2003-06-01", w)
	}

	late := apply(t, svc, rofrAct("rofr.elect", "2003-04-03", rofrSecretary, "notice: 1"), acts.Options{DryRun: true})
	if c := rofrCheck(late, "VIII.1.b.election_notice", journal.Failed); late[0].Status != acts.Refused || c == nil || !strings.Contains(c.Message, "expired at the end of 2003-04-02") {
		t.Errorf("election on 2003-04-03: %s %+v", late[0].Status, c)
	}

	rs = rofrRecord(t, svc, rofrAct("rofr.elect", "2003-03-20", rofrSecretary, "notice: 1"))
	if c := rofrCheck(rs, "VIII.1.b.option", journal.Held); c == nil || rofrNumbers(c)["elected_total"] != "60000" || rofrNumbers(c)["price"] != "300000" {
		t.Errorf("election: %+v", c)
	}
	if c := rofrCheck(rs, "VIII.1.d.settlement", journal.Held); c == nil || !strings.Contains(c.Message, "pays $300,000 in cash for 60,000 shares by 2003-04-02") {
		t.Errorf("settlement notice: %+v", c)
	}

	cases := []struct {
		name, src, rule string
	}{
		{"settled a day late", rofrSettle("2003-04-03", `{purchaser: corporation, amount: "300000"}`), "VIII.1.d.settlement"},
		{"a cent short", rofrSettle("2003-04-02", `{purchaser: corporation, amount: "299999.99"}`), "VIII.1.d.settlement"},
		{"a payment by a non-purchaser", rofrSettle("2003-04-02", `{purchaser: corporation, amount: "300000"}, {purchaser: bob, amount: "1"}`), "VIII.1.d.settlement"},
	}
	for _, c := range cases {
		rs := apply(t, svc, c.src, acts.Options{DryRun: true})
		if rs[0].Status != acts.Refused || rofrCheck(rs, c.rule, journal.Failed) == nil {
			t.Errorf("%s: %s, failed %v", c.name, rs[0].Status, rofrFailed(rs[0]))
		}
	}
	rofrRecord(t, svc, rofrSettle("2003-04-02", `{purchaser: corporation, amount: "300000.00"}`))
	// Certificate 4 cancelled; Dan's balance 40,000 on 6; no new certificate for the treasury.
	if got, want := rofrCerts(t, svc), "4:dan:100000:cancelled:issue 5:eve:40000:outstanding:issue 6:dan:40000:outstanding:balance "; got != want {
		t.Errorf("certificates:\n got %s\nwant %s", got, want)
	}
	if issued, treasury := rofrTotals(t, st); issued != 1000000 || treasury != 60000 {
		t.Errorf("class totals = issued %d treasury %d, want 1000000 and 60000", issued, treasury)
	}
	ct, err := svc.Holdings(context.Background(), "quintus", mustDate(t, "2003-04-02"))
	if err != nil {
		t.Fatal(err)
	}
	if ct.Votes.String() != "940000" {
		t.Errorf("votes outstanding after settlement = %s, want 940000 (treasury shares do not vote)", ct.Votes)
	}
	again := apply(t, svc, rofrSettle("2003-04-02", `{purchaser: corporation, amount: "300000.00"}`), acts.Options{DryRun: true})
	if rofrCheck(again, "MB.rofr.notice", journal.Failed) == nil {
		t.Errorf("a second settlement: %v", rofrFailed(again[0]))
	}
	ds, err := svc.Calendar(context.Background(), "quintus", mustDate(t, "2003-01-01"), mustDate(t, "2004-01-01"))
	if err != nil || len(ds) != 0 {
		t.Errorf("calendar after settlement = %+v %v, want no deadlines", ds, err)
	}
	rofrVerify(t, svc)
}

// TestROFRElectionWindow: for a notice received 2003-03-03, day 30 is
// 2003-04-02 and day 31 is 2003-04-03 (CONV.within_after).
func TestROFRElectionWindow(t *testing.T) {
	t.Parallel()
	svc, _ := rofrBook(t, "400000", "200000")
	rofrRecord(t, svc, rofrDanNotice)
	cases := []struct {
		date    string
		status  acts.Status
		outcome journal.Outcome // of VIII.1.b.election_notice
		msg     string
	}{
		{"2003-03-03", acts.Checked, journal.Warned, "on the day of receipt"},
		{"2003-03-04", acts.Checked, journal.Held, "within the option window 2003-03-04 … 2003-04-02"},
		{"2003-04-02", acts.Checked, journal.Warned, "last day of the option"},
		{"2003-04-03", acts.Refused, journal.Failed, "too late to elect on 2003-04-03"},
	}
	for _, c := range cases {
		t.Run(c.date, func(t *testing.T) {
			t.Parallel()
			rs := apply(t, svc, rofrAct("rofr.elect", c.date, rofrBoard, "notice: 1"), acts.Options{DryRun: true})
			ch := rofrCheck(rs, "VIII.1.b.election_notice", c.outcome)
			if rs[0].Status != c.status || ch == nil || !strings.Contains(ch.Message, c.msg) {
				t.Errorf("election on %s = %s %+v, want %s with %s %q", c.date, rs[0].Status, rs[0].Checks, c.status, c.outcome, c.msg)
			}
		})
	}
}

// TestROFRDeadlineSplit: A-ROFRDEADLINE. The CEO receives the notice on
// 2003-03-03, the Secretary on 2003-03-07: the option ends 2003-04-02
// (3-03 + 30), settlement is due 2003-04-06 (3-07 + 30).
func TestROFRDeadlineSplit(t *testing.T) {
	t.Parallel()
	svc, _ := rofrBook(t, "400000", "200000")
	rs := rofrRecord(t, svc, rofrAct("rofr.notice", "2003-03-07", rofrSecretary,
		`holder: dan, transferee: frank, certificates: [4], shares: "60000", price: "300000", terms: none, received: 2003-03-03, secretary_received: 2003-03-07`))
	if w := rofrCheck(rs, "VIII.1.d.settlement", journal.Warned); w == nil || !strings.Contains(w.Message, "the option ends 2003-04-02 but settlement is due 2003-04-06") {
		t.Errorf("A-ROFRDEADLINE flag: %+v", w)
	}
	ds, err := svc.Calendar(context.Background(), "quintus", mustDate(t, "2003-03-01"), mustDate(t, "2003-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range ds {
		got = append(got, d.Date.String()+" "+d.Rule)
	}
	want := "2003-04-02 VIII.1.b.option,2003-04-03 VIII.1.e.free_window,2003-04-06 VIII.1.d.settlement,2003-06-01 VIII.1.e.free_window"
	if strings.Join(got, ",") != want {
		t.Errorf("calendar = %s, want %s", strings.Join(got, ","), want)
	}
	for _, c := range []struct {
		date   string
		status acts.Status
	}{{"2003-04-02", acts.Checked}, {"2003-04-03", acts.Refused}} {
		if rs := apply(t, svc, rofrAct("rofr.elect", c.date, rofrBoard, "notice: 1"), acts.Options{DryRun: true}); rs[0].Status != c.status {
			t.Errorf("election on %s: %s, want %s", c.date, rs[0].Status, c.status)
		}
	}
	rofrRecord(t, svc, rofrAct("rofr.elect", "2003-04-02", rofrBoard, "notice: 1"))
	for _, c := range []struct {
		date   string
		status acts.Status
	}{{"2003-04-06", acts.Checked}, {"2003-04-07", acts.Refused}} {
		if rs := apply(t, svc, rofrSettle(c.date, `{purchaser: corporation, amount: "300000"}`), acts.Options{DryRun: true}); rs[0].Status != c.status {
			t.Errorf("settlement on %s: %s, want %s (%v)", c.date, rs[0].Status, c.status, rofrFailed(rs[0]))
		}
	}
}

// TestROFRPartialAssignment: A-ASSIGN. The rofrBoard assigns 20,000 of the
// 60,000 to Bob; the corporation keeps 40,000. Elections must total
// 60,000; at $300,000 the corporation pays 300,000 × 40/60 = 200,000 and
// Bob 300,000 × 20/60 = 100,000.
func TestROFRPartialAssignment(t *testing.T) {
	t.Parallel()
	svc, st := rofrBook(t, "400000", "200000")
	rofrRecord(t, svc, rofrDanNotice)
	rs := rofrRecord(t, svc, rofrAct("rofr.assign", "2003-03-05", rofrBoard, `notice: 1, assignee: bob, shares: "20000", resolution: "r1"`))
	if rofrCheck(rs, "VIII.1.c.assignment", journal.Warned) == nil {
		t.Error("no A-ASSIGN flag on a partial assignment")
	}
	refused := []struct {
		name, src, rule string
	}{
		{"corporation beyond its 40,000", rofrAct("rofr.elect", "2003-03-10", rofrBoard, `notice: 1, shares: "40001"`), "VIII.1.b.option"},
		{"Bob beyond his 20,000", rofrAct("rofr.elect", "2003-03-10", "{person: bob, as: holder}", `notice: 1, purchaser: bob, shares: "20001"`), "VIII.1.b.option"},
		{"Gwen holds no assignment", rofrAct("rofr.elect", "2003-03-10", rofrSecretary, `notice: 1, purchaser: gwen`), "VIII.1.c.assignment"},
		{"Bob electing in Gwen's name", rofrAct("rofr.elect", "2003-03-10", "{person: bob, as: holder}", `notice: 1, purchaser: gwen`), "MB.rofr.actor"},
		{"assigning more than the corporation keeps", rofrAct("rofr.assign", "2003-03-10", rofrBoard, `notice: 1, assignee: gwen, shares: "40001", resolution: r2`), "VIII.1.c.assignment"},
		{"assigning after the option expired", rofrAct("rofr.assign", "2003-04-03", rofrBoard, `notice: 1, assignee: gwen, shares: "1", resolution: r2`), "VIII.1.c.assignment"},
	}
	for _, c := range refused {
		rs := apply(t, svc, c.src, acts.Options{DryRun: true})
		if rs[0].Status != acts.Refused || rofrCheck(rs, c.rule, journal.Failed) == nil {
			t.Errorf("%s: %s, failed %v, want %s", c.name, rs[0].Status, rofrFailed(rs[0]), c.rule)
		}
	}
	rs = rofrRecord(t, svc, rofrAct("rofr.elect", "2003-03-10", rofrBoard, "notice: 1"))
	if w := rofrCheck(rs, "VIII.1.b.option", journal.Warned); w == nil || !strings.Contains(w.Message, "40,000 of the 60,000") {
		t.Errorf("a short election is flagged: %+v", w)
	}
	if rs := apply(t, svc, rofrSettle("2003-03-11", `{purchaser: corporation, amount: "200000"}`), acts.Options{DryRun: true}); rofrCheck(rs, "VIII.1.b.option", journal.Failed) == nil {
		t.Errorf("settling 40,000 of 60,000: %v", rofrFailed(rs[0]))
	}
	rs = rofrRecord(t, svc, rofrAct("rofr.elect", "2003-03-12", "{person: bob, as: holder}", "notice: 1, purchaser: bob"))
	if c := rofrCheck(rs, "VIII.1.b.option", journal.Held); c == nil || rofrNumbers(c)["elected_total"] != "60000" {
		t.Errorf("Bob's election completes the option: %+v", c)
	}
	if rs := apply(t, svc, rofrSettle("2003-03-20", `{purchaser: corporation, amount: "200000"}`), acts.Options{DryRun: true}); rofrCheck(rs, "VIII.1.d.settlement", journal.Failed) == nil {
		t.Errorf("a settlement without Bob's payment: %v", rofrFailed(rs[0]))
	}
	rofrRecord(t, svc, rofrSettle("2003-03-20", `{purchaser: corporation, amount: "200000.00"}, {purchaser: bob, amount: "100000.00"}`))
	if got, want := rofrCerts(t, svc), "4:dan:100000:cancelled:issue 5:eve:40000:outstanding:issue 6:bob:20000:outstanding:rofr 7:dan:40000:outstanding:balance "; got != want {
		t.Errorf("certificates:\n got %s\nwant %s", got, want)
	}
	if _, treasury := rofrTotals(t, st); treasury != 40000 {
		t.Errorf("treasury = %d, want 40000", treasury)
	}
	rofrVerify(t, svc)
}

// TestROFRFreeWindow: the option on S94's notice lapses unexercised on
// 2003-04-02; Dan may sell to Frank 2003-04-03 … 2003-06-01 as the notice
// specifies, at no less than $300,000 (A-ASSPEC).
func TestROFRFreeWindow(t *testing.T) {
	t.Parallel()
	svc, _ := rofrBook(t, "400000", "200000")
	rofrRecord(t, svc, rofrDanNotice)
	cases := []struct {
		name, date, to, shares, extra string
		ok                            bool
		why                           string
	}{
		{"day 30: the option still runs", "2003-04-02", "frank", "60000", `, price: "300000"`, false, "outside the free window 2003-04-03 … 2003-06-01"},
		{"first day", "2003-04-03", "frank", "60000", `, price: "300000"`, true, ""},
		{"last day (day 60)", "2003-06-01", "frank", "60000", `, price: "300000"`, true, ""},
		{"day 61", "2003-06-02", "frank", "60000", `, price: "300000"`, false, "outside the free window"},
		{"a cent lower", "2003-05-01", "frank", "60000", `, price: "299999.99"`, false, "lower than the notice's $300,000"},
		{"no price", "2003-05-01", "frank", "60000", ``, false, "lower than the notice's"},
		{"another transferee", "2003-05-01", "gwen", "60000", `, price: "300000"`, false, "to gwen, but the notice named frank"},
		{"fewer shares", "2003-05-01", "frank", "50000", `, price: "300000"`, false, "of 50,000 shares, but the notice specified 60,000"},
		{"a gift instead of the sale", "2003-05-01", "frank", "60000", `, price: "300000", nature: gift`, false, "a gift, but the notice specified a sale"},
		{"a higher price", "2003-05-01", "frank", "60000", `, price: "310000"`, true, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			rs := apply(t, svc, transfer(c.date, "dan", c.to, "4", c.shares, c.extra+", rofr_notice: 1"), acts.Options{DryRun: true})
			if got := rs[0].Status == acts.Checked; got != c.ok {
				t.Fatalf("%s: %s, failed %v", c.name, rs[0].Status, rofrFailed(rs[0]))
			}
			if c.ok {
				if rofrCheck(rs, "VIII.1.e.free_window", journal.Held) == nil || rofrCheck(rs, "VIII.1.f.tail", journal.Held) == nil {
					t.Errorf("%s: checks %+v", c.name, rs[0].Checks)
				}
				return
			}
			v := rofrCheck(rs, "VIII.1.h.void", journal.Failed)
			if v == nil || !strings.Contains(v.Message, c.why) || !strings.Contains(v.Message, "2003-04-03 … 2003-06-01") {
				t.Errorf("%s: void check %+v, want it to name the window and %q", c.name, v, c.why)
			}
		})
	}
}

// TestROFRLapsedAfterPartialElection: the corporation elects 40,000 and
// its assignee Bob nothing: all-but-not-less-than-all fails, the option
// lapses, and the free window opens on day 31.
func TestROFRLapsedAfterPartialElection(t *testing.T) {
	t.Parallel()
	svc, _ := rofrBook(t, "400000", "200000")
	rofrRecord(t, svc, rofrDanNotice)
	rofrRecord(t, svc, rofrAct("rofr.assign", "2003-03-05", rofrBoard, `notice: 1, assignee: bob, shares: "20000", resolution: r1`))
	rofrRecord(t, svc, rofrAct("rofr.elect", "2003-03-10", rofrBoard, "notice: 1"))
	rs := rofrRecord(t, svc, transfer("2003-04-03", "dan", "frank", "4", "60000", `, price: "300000", rofr_notice: 1`))
	if c := rofrCheck(rs, "VIII.1.e.free_window", journal.Held); c == nil || !strings.Contains(c.Message, "elections reached only 40,000 of 60,000") {
		t.Errorf("free-window transfer: %+v", c)
	}
	// The notice's certificate is surrendered: a second transfer under it fails.
	rs = apply(t, svc, transfer("2003-04-04", "dan", "frank", "4", "60000", `, price: "300000", rofr_notice: 1`), acts.Options{DryRun: true})
	if rs[0].Status != acts.Refused {
		t.Errorf("second transfer under the notice: %s", rs[0].Status)
	}
	rofrVerify(t, svc)
}

// TestROFREarlyDecline: A-EARLYDECLINE. The corporation declines on
// 2003-03-10; the free window still opens on 2003-04-03 (literal reading).
func TestROFREarlyDecline(t *testing.T) {
	t.Parallel()
	svc, _ := rofrBook(t, "400000", "200000")
	rofrRecord(t, svc, rofrDanNotice)
	rs := rofrRecord(t, svc, rofrAct("rofr.decline", "2003-03-10", rofrBoard, `notice: 1, resolution: r`))
	if w := rofrCheck(rs, "VIII.1.e.free_window", journal.Warned); w == nil || !strings.Contains(w.Message, "still runs 2003-04-03 … 2003-06-01") {
		t.Errorf("decline: %+v", w)
	}
	rs = apply(t, svc, transfer("2003-03-15", "dan", "frank", "4", "60000", `, price: "300000", rofr_notice: 1`), acts.Options{DryRun: true})
	if v := rofrCheck(rs, "VIII.1.h.void", journal.Failed); v == nil || !strings.Contains(v.Message, "A-EARLYDECLINE") {
		t.Errorf("transfer after the decline, before expiry: %+v", v)
	}
	if rs := apply(t, svc, rofrAct("rofr.elect", "2003-03-20", rofrBoard, "notice: 1"), acts.Options{DryRun: true}); rs[0].Status != acts.Refused {
		t.Errorf("the corporation elects after declining: %s", rs[0].Status)
	}
	if rs := apply(t, svc, transfer("2003-04-03", "dan", "frank", "4", "60000", `, price: "300000", rofr_notice: 1`), acts.Options{DryRun: true}); rs[0].Status != acts.Checked {
		t.Errorf("transfer on 2003-04-03: %s %v", rs[0].Status, rofrFailed(rs[0]))
	}
}

// TestROFRGiftFMV: for a gift the option price is the rofrBoard's fair market
// value (§1(b)); no one may elect before it is fixed, nor the rofrBoard fix a
// value for a full-price sale.
func TestROFRGiftFMV(t *testing.T) {
	t.Parallel()
	svc, _ := rofrBook(t, "400000", "200000")
	rofrRecord(t, svc, rofrAct("rofr.notice", "2003-03-03", rofrSecretary, `holder: dan, transferee: frank, certificates: [4], shares: "60000", nature: gift, terms: none`))
	rs := apply(t, svc, rofrAct("rofr.elect", "2003-03-04", rofrBoard, "notice: 1"), acts.Options{DryRun: true})
	if rofrCheck(rs, "VIII.1.b.fmv", journal.Failed) == nil {
		t.Errorf("election before the value: %v", rofrFailed(rs[0]))
	}
	rofrRecord(t, svc, rofrAct("rofr.fmv", "2003-03-05", rofrBoard, `notice: 1, value: "330000", resolution: r`))
	rofrRecord(t, svc, rofrAct("rofr.elect", "2003-03-06", rofrBoard, "notice: 1"))
	if rs := apply(t, svc, rofrAct("rofr.fmv", "2003-03-07", rofrBoard, `notice: 1, value: "1", resolution: r`), acts.Options{DryRun: true}); rs[0].Status != acts.Refused {
		t.Errorf("changing the value after an election: %s", rs[0].Status)
	}
	if rs := apply(t, svc, rofrSettle("2003-03-20", `{purchaser: corporation, amount: "300000"}`), acts.Options{DryRun: true}); rs[0].Status != acts.Refused {
		t.Errorf("paying the gift's (absent) price instead of the value: %s", rs[0].Status)
	}
	rofrRecord(t, svc, rofrSettle("2003-03-20", `{purchaser: corporation, amount: "330000"}`))

	sale, _ := rofrBook(t, "400000", "200000")
	rofrRecord(t, sale, rofrDanNotice)
	for _, c := range []struct {
		value string
		ok    bool
	}{{"300000", false}, {"290000", false}, {"300000.01", true}} {
		rs := apply(t, sale, rofrAct("rofr.fmv", "2003-03-05", rofrBoard, `notice: 1, value: "`+c.value+`", resolution: r`), acts.Options{DryRun: true})
		if got := rs[0].Status == acts.Checked; got != c.ok {
			t.Errorf("value %s for a $300,000 sale: %s, want ok = %t", c.value, rs[0].Status, c.ok)
		}
	}
}

// TestROFRPledge: A-PLEDGE. A pledge is a transfer: without notice it is
// void; its notice is flagged, and the option takes the loan terms.
func TestROFRPledge(t *testing.T) {
	t.Parallel()
	svc, _ := rofrBook(t, "400000", "200000")
	rs := apply(t, svc, transfer("2003-03-01", "dan", "frank", "4", "60000", `, nature: pledge`), acts.Options{DryRun: true})
	if v := rofrCheck(rs, "VIII.1.h.void", journal.Failed); v == nil || !strings.Contains(v.Message, "A-PLEDGE") {
		t.Errorf("pledge without notice: %+v", v)
	}
	rs = rofrRecord(t, svc, rofrAct("rofr.notice", "2003-03-03", rofrSecretary,
		`holder: dan, transferee: frank, certificates: [4], shares: "60000", nature: pledge, price: "100000", consideration: "secures a loan of $100,000", terms: "loan due 2005-03-03"`))
	if w := rofrCheck(rs, "VIII.1.prohibition", journal.Warned); w == nil || !strings.Contains(w.Message, "A-PLEDGE") {
		t.Errorf("pledge notice: %+v", w)
	}
	if rs := apply(t, svc, transfer("2003-04-03", "dan", "frank", "4", "60000", `, nature: pledge, price: "100000", rofr_notice: 1`), acts.Options{DryRun: true}); rs[0].Status != acts.Checked {
		t.Errorf("pledge in the free window: %s %v", rs[0].Status, rofrFailed(rs[0]))
	}
}

// TestROFRNoticeChecks: the notice's required content (§1(a)) and who
// may give it.
func TestROFRNoticeChecks(t *testing.T) {
	t.Parallel()
	svc, _ := rofrBook(t, "400000", "200000")
	base := `holder: dan, transferee: frank, certificates: [4], shares: "60000", price: "300000", terms: none`
	cases := []struct {
		name, actor, fields, rule string
	}{
		{"no other terms", rofrSecretary, `holder: dan, transferee: frank, certificates: [4], shares: "60000", price: "300000"`, "VIII.1.a.notice"},
		{"no consideration", rofrSecretary, `holder: dan, transferee: frank, certificates: [4], shares: "60000", terms: none`, "VIII.1.a.notice"},
		{"more shares than the certificate", rofrSecretary, strings.Replace(base, `"60000"`, `"100001"`, 1), "VIII.1.a.notice"},
		{"someone else's certificate", rofrSecretary, strings.Replace(base, "[4]", "[1]", 1), "VI.7.registered_holder"},
		{"unknown transferee", rofrSecretary, strings.Replace(base, "frank", "zed", 1), "VIII.1.a.notice"},
		{"a holder giving another's notice", "{person: alice, as: holder}", base, "MB.rofr.actor"},
		{"the Secretary before the corporation", rofrSecretary, base + ", received: 2003-03-02, secretary_received: 2003-03-01", "VIII.1.a.notice"},
		{"after the ROFR ended (A-TERMDAY)", rofrSecretary, base, "VIII.1.i.termination"},
	}
	for _, c := range cases {
		date := "2003-03-03"
		if strings.Contains(c.name, "ROFR ended") {
			date = "2005-05-24"
		}
		rs := apply(t, svc, rofrAct("rofr.notice", date, c.actor, c.fields), acts.Options{DryRun: true})
		if rs[0].Status != acts.Refused || rofrCheck(rs, c.rule, journal.Failed) == nil {
			t.Errorf("%s: %s, failed %v, want %s", c.name, rs[0].Status, rofrFailed(rs[0]), c.rule)
		}
	}
	rofrRecord(t, svc, rofrDanNotice)
	rs := apply(t, svc, rofrAct("rofr.notice", "2003-03-10", rofrSecretary, base), acts.Options{DryRun: true})
	if c := rofrCheck(rs, "VIII.1.a.notice", journal.Failed); c == nil || !strings.Contains(c.Message, "its option runs until 2003-04-02") {
		t.Errorf("a second notice while the first option runs: %+v", c)
	}
}

// TestROFRWaiverByConsent: A-WAIVEEXCL. Dan transfers 60,000 of his
// 100,000 shares; only those 60,000 votes are excluded, so his other
// 40,000 count. With Alice at 430,000 the voting power is 1,000,000, the
// base 940,000 and a majority 470,001: Alice and Dan's 430,000 + 40,000 =
// 470,000 is exactly half, one vote short. With Alice at 430,001 the
// power is 1,000,001, the base 940,001, a majority 470,001 (⌊940,001/2⌋+1),
// and Alice and Dan's 470,001 is exactly it.
func TestROFRWaiverByConsent(t *testing.T) {
	t.Parallel()
	waive := rofrAct("rofr.waive", "2003-05-01", "{as: stockholders}",
		`holder: dan, transferee: frank, certificates: [4], shares: "60000", consents: [{holder: alice, signed: 2003-04-28}, {holder: dan, signed: 2003-04-30}]`)
	cases := []struct {
		name, alice, carol string
		ok                 bool
		want               map[string]string
	}{
		{"one vote short", "430000", "170000", false, map[string]string{"total_votes": "1000000", "excluded_votes": "60000", "base_votes": "940000", "consent_votes": "470000", "needed": "470001"}},
		{"exactly the majority", "430001", "170000", true, map[string]string{"total_votes": "1000001", "excluded_votes": "60000", "base_votes": "940001", "consent_votes": "470001", "needed": "470001"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			svc, _ := rofrBook(t, c.alice, c.carol)
			rs := apply(t, svc, waive, acts.Options{})
			o := journal.Failed
			if c.ok {
				o = journal.Held
			}
			ch := rofrCheck(rs, "VIII.1.g.waiver", o)
			if ch == nil {
				t.Fatalf("waiver: %s %+v", rs[0].Status, rs[0].Checks)
			}
			got := rofrNumbers(ch)
			for k, v := range c.want {
				if got[k] != v {
					t.Errorf("%s = %s, want %s", k, got[k], v)
				}
			}
			if !c.ok {
				return
			}
			rs = apply(t, svc, transfer("2003-05-02", "dan", "gwen", "4", "60000", `, price: "1", rofr_waiver: 1`), acts.Options{DryRun: true})
			if v := rofrCheck(rs, "VIII.1.h.void", journal.Failed); v == nil || !strings.Contains(v.Message, "to gwen, not frank") {
				t.Errorf("a transfer the waiver does not cover: %+v", v)
			}
			rs = rofrRecord(t, svc, transfer("2003-05-02", "dan", "frank", "4", "60000", `, price: "1", rofr_waiver: 1`))
			if h := rofrCheck(rs, "VIII.1.g.waiver", journal.Held); h == nil || !strings.Contains(h.Message, "470,001 of 940,001 votes") {
				t.Errorf("transfer under the waiver: %+v", h)
			}
			rofrVerify(t, svc)
		})
	}
	// The transferor's own consent alone, or Alice's alone, falls short.
	svc, _ := rofrBook(t, "430001", "170000")
	rs := apply(t, svc, strings.Replace(waive, `, {holder: dan, signed: 2003-04-30}`, "", 1), acts.Options{DryRun: true})
	if c := rofrCheck(rs, "VIII.1.g.waiver", journal.Failed); c == nil || rofrNumbers(c)["consent_votes"] != "430001" {
		t.Errorf("Alice alone: %+v", c)
	}
}

// TestROFRWaiverByBoard: the rofrBoard waives for a particular transfer.
func TestROFRWaiverByBoard(t *testing.T) {
	t.Parallel()
	svc, _ := rofrBook(t, "400000", "200000")
	cases := []struct {
		name, fields string
		ok           bool
	}{
		{"with a resolution", `resolution: "Board resolution 2003-05-01 #4"`, true},
		{"without one", ``, false},
	}
	for _, c := range cases {
		rs := apply(t, svc, rofrAct("rofr.waive", "2003-05-01", rofrBoard, `holder: dan, transferee: frank, certificates: [4], shares: "60000", `+c.fields), acts.Options{DryRun: true})
		if got := rs[0].Status == acts.Checked; got != c.ok {
			t.Errorf("%s: %s %v", c.name, rs[0].Status, rofrFailed(rs[0]))
		}
	}
	rofrRecord(t, svc, rofrAct("rofr.waive", "2003-05-01", rofrBoard, `holder: dan, transferee: frank, certificates: [4], shares: "60000", resolution: r`))
	if rs := apply(t, svc, transfer("2003-05-02", "dan", "frank", "4", "60000", `, rofr_waiver: 1`), acts.Options{DryRun: true}); rs[0].Status != acts.Checked {
		t.Errorf("transfer under the board's waiver: %s %v", rs[0].Status, rofrFailed(rs[0]))
	}
	if rs := apply(t, svc, transfer("2003-05-02", "dan", "frank", "4", "60000", `, rofr_waiver: 2`), acts.Options{DryRun: true}); rofrCheck(rs, "MB.rofr.waiver", journal.Failed) == nil {
		t.Errorf("an unknown waiver: %v", rofrFailed(rs[0]))
	}
}
