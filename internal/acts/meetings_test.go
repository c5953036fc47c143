package acts_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/postgres"
	"minutebook/internal/sqlite"
	"minutebook/internal/tables"
	"minutebook/internal/testdb"
)

// holdingsF is fixture F's ledger on top of the board (examples.md):
// 1,050,000 common issued, 50,000 bought back from Ray into treasury, so
// 1,000,000 outstanding and entitled to vote: Alice 400,000 · Bob 260,000
// · Carol 200,000 · Dan 100,000 · Eve 40,000; each holder with a postal
// address and an e-mail address.
func holdingsF(dan, eve string) string {
	var b strings.Builder
	b.WriteString(holdersF)
	for _, h := range [][2]string{{"alice", "400000"}, {"bob", "260000"}, {"carol", "200000"}, {"dan", dan}, {"eve", eve}, {"ray", "50000"}} {
		b.WriteString("- " + issue("2000-01-10", h[0], h[1], "") + "\n")
	}
	b.WriteString("- {kind: stock.repurchase, effective: 2003-01-10, actor: {as: secretary}, fields: {holder: ray, certificates: [6], shares: \"50000\", price: \"50000\", resolution: r}}\n")
	for _, h := range []string{"alice", "bob", "carol", "dan", "eve"} {
		fmt.Fprintf(&b, "- {kind: person.amend, effective: 2003-01-10, actor: {as: secretary}, fields: {id: %s, address: {lines: [\"1 %s Street\"], city: Fremont, region: CA}, email: %s@example.com}}\n", h, h, h)
	}
	return b.String()
}

// withMeetingsF is fixture F with its board, officers and ledger.
func withMeetingsF(t *testing.T) *acts.Service {
	t.Helper()
	svc := withBoard(t)
	mustApply(t, svc, holdingsF("100000", "40000"))
	return svc
}

// callAnnual is the board's call, on 2004-04-01, of the annual meeting M
// (2004-06-15 10:00 in Fremont), with extra fields.
func callAnnual(id, extra string) string {
	return fmt.Sprintf(`[{kind: meeting.call, effective: 2004-04-01, actor: {as: board}, fields: {id: %s, type: annual, date: 2004-06-15, time: "10:00", place: "Fremont, California"%s}}]`, id, extra)
}

func act(kind, date, actor, fields string) string {
	return fmt.Sprintf(`[{kind: %s, effective: %s, actor: %s, fields: %s}]`, kind, date, actor, fields)
}

const sec = "{person: susan, as: secretary}"

// TestMeetingNoticeWindow works S01 and the edges of Art. II §3: notice by
// mail 10 days before (2004-06-05) is valid, 9 days (06-06) too late, 60
// days (04-16) valid, 61 days (04-15) too early; M − d in calendar days.
// Content missing the purposes of a special meeting is refused.
func TestMeetingNoticeWindow(t *testing.T) {
	t.Parallel()
	svc := withMeetingsF(t)
	mustApply(t, svc, callAnnual("m", ", record_date: 2004-05-14"))
	cases := []struct {
		date, want string
		days       int
	}{{"2004-06-05", "held", 10}, {"2004-06-06", "failed", 9}, {"2004-04-16", "held", 60}, {"2004-04-15", "failed", 61}}
	for _, c := range cases {
		rs := dry(t, svc, act("meeting.notice", c.date, sec, "{meeting: m, method: mail}"))
		if got := outcome(rs, 0, "II.3.annual_notice_window"); (got == "failed") != (c.want == "failed") || !strings.Contains(message(rs, 0, "II.3.annual_notice_window"), fmt.Sprintf("is %d days before", c.days)) {
			t.Errorf("notice on %s: %s (%s), want %s with %d days", c.date, got, message(rs, 0, "II.3.annual_notice_window"), c.want, c.days)
		}
	}
	// Exactly 10 days: valid, flagged under A-DAYS (clear days would refuse).
	rs := dry(t, svc, act("meeting.notice", "2004-06-05", sec, "{meeting: m, method: mail}"))
	if rs[0].Status != acts.Checked || outcome(rs, 0, "II.3.annual_notice_window") != "warned" || !strings.Contains(message(rs, 0, "II.3.annual_notice_window"), "A-DAYS") || outcome(rs, 0, "IV.1.mail_notice") != "held" {
		t.Errorf("S01: %s %v", rs[0].Status, rs[0].Checks)
	}
	// The deposit is recorded, one delivery per holder entitled (5, not Ray's treasury shares).
	mustApply(t, svc, act("meeting.notice", "2004-06-05", sec, "{meeting: m, method: mail}"))
	rec, err := svc.StockholderMeetingRecord(context.Background(), "quintus", "m")
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Deliveries) != 5 || rec.Deliveries[0].Holder != "alice" || rec.Deliveries[0].Address != "1 alice Street, Fremont, CA" || rec.Deliveries[0].Days != 10 || rec.Deliveries[0].Status != "given" {
		t.Errorf("deliveries = %+v", rec.Deliveries)
	}
	// A special meeting without purposes is refused at the call.
	rs = dry(t, svc, `[{kind: meeting.call, effective: 2004-06-06, actor: {person: ray, as: president}, fields: {id: s, type: special, date: 2004-07-15, time: "10:00", place: Fremont}}]`)
	if rs[0].Status != acts.Refused || outcome(rs, 0, "II.6.special_notice") != "failed" {
		t.Errorf("special call without purposes: %s %v", rs[0].Status, rs[0].Checks)
	}
}

// TestMeetingRecordDate: the board fixes a record date 10 to 60 days
// before the meeting (Art. VI §5; A-RDCOUNT): 06-05 (10) and 04-16 (60)
// pass, 06-06 (9) and 04-15 (61) are refused, and a record date before the
// resolution is refused (DGCL §213(a)). Without one, notice on 06-05 fixes
// it at 06-04, the day before.
func TestMeetingRecordDate(t *testing.T) {
	t.Parallel()
	svc := withMeetingsF(t)
	mustApply(t, svc, callAnnual("m", ""))
	cases := []struct {
		rd, want string
		days     int
	}{{"2004-06-05", "held", 10}, {"2004-06-06", "failed", 9}, {"2004-04-16", "held", 60}, {"2004-04-15", "failed", 61}}
	for _, c := range cases {
		rs := dry(t, svc, act("meeting.record_date", "2004-04-02", "{as: board}", "{meeting: m, record_date: "+c.rd+"}"))
		msg := message(rs, 0, "VI.5.record_date_meeting")
		if outcome(rs, 0, "VI.5.record_date_meeting") != c.want || !strings.Contains(msg, fmt.Sprintf("is %d days before", c.days)) {
			t.Errorf("record date %s: %s, want %s (%d days)", c.rd, msg, c.want, c.days)
		}
	}
	rs := dry(t, svc, act("meeting.record_date", "2004-05-01", "{as: board}", "{meeting: m, record_date: 2004-04-30}"))
	if c := failedCheck(rs, "VI.5.record_date_meeting"); c == nil || !strings.Contains(c.Message, "precedes the resolution") {
		t.Errorf("record date before the resolution: %+v", rs[0].Checks)
	}
	// Only the board fixes it.
	rs = dry(t, svc, `[{kind: meeting.call, effective: 2004-04-01, actor: {person: ray, as: president}, fields: {id: s, type: special, date: 2004-06-15, time: "10:00", place: F, record_date: 2004-05-01, purposes: [{text: x}]}}]`)
	if failedCheck(rs, "VI.5.record_date_meeting") == nil {
		t.Errorf("record date fixed by the president: %v", rs[0].Checks)
	}
	// The statutory default.
	rs = mustApply(t, svc, act("meeting.notice", "2004-06-05", sec, "{meeting: m, method: mail}"))
	if !strings.Contains(message(rs, 0, "VI.5.record_date_meeting"), "2004-06-04, the day before notice is given") {
		t.Errorf("default record date: %v", rs[0].Checks)
	}
	ms, _ := svc.StockholderMeetings(context.Background(), "quintus")
	if len(ms) != 1 || ms[0].RecordDate != "2004-06-04" || ms[0].RecordDateHow != "default" {
		t.Errorf("meetings = %+v", ms)
	}
}

// TestSpecialMeetingCallS17 works S17: Alice (400,000) and Dan (100,000)
// request a special meeting: 500,000 is not a majority of 1,000,000 (needs
// 500,001), so no duty to call, and the secretary may not call on it; the
// president may still call. With Eve (40,000): 540,000, a duty. The
// chairman as such may not call; the annual meeting is the board's.
func TestSpecialMeetingCallS17(t *testing.T) {
	t.Parallel()
	svc := withMeetingsF(t)
	req := func(id, who string) string {
		var rs []string
		for _, w := range strings.Fields(who) {
			rs = append(rs, fmt.Sprintf("{person: %s, signed: 2004-05-01}", w))
		}
		return act("meeting.request", "2004-05-03", sec, fmt.Sprintf("{id: %s, by: holders, requesters: [%s], purposes: [{text: Remove Tess}]}", id, strings.Join(rs, ", ")))
	}
	rs := mustApply(t, svc, req("r1", "alice dan"))
	msg := message(rs, 0, "II.5.special_call_holder_request")
	if outcome(rs, 0, "II.5.special_call_holder_request") != "warned" || !strings.Contains(msg, "no duty to call: 500,000 of the 1,000,000") || !strings.Contains(msg, "at least 500,001") {
		t.Errorf("(a) 500,000: %s", msg)
	}
	special := func(id, actor, extra string) string {
		return fmt.Sprintf(`[{kind: meeting.call, effective: 2004-05-04, actor: %s, fields: {id: %s, type: special, date: 2004-06-15, time: "10:00", place: Fremont, purposes: [{text: Remove Tess}]%s}}]`, actor, id, extra)
	}
	rs = dry(t, svc, special("s1", sec, ", request: r1"))
	if c := failedCheck(rs, "II.5.special_call_holder_request"); rs[0].Status != acts.Refused || c == nil || !strings.Contains(c.Citation, "Art. II §5") {
		t.Errorf("(a) the secretary calls on r1: %s %v", rs[0].Status, rs[0].Checks)
	}
	if rs = dry(t, svc, special("s1", "{person: ray, as: president}", ", request: r1")); rs[0].Status != acts.Checked {
		t.Errorf("(a) the president calls voluntarily: %s %v", rs[0].Status, rs[0].Checks)
	}
	rs = mustApply(t, svc, req("r2", "alice dan eve"))
	if outcome(rs, 0, "II.5.special_call_holder_request") != "held" || !strings.Contains(message(rs, 0, "II.5.special_call_holder_request"), "holders of 540,000 of the 1,000,000") {
		t.Errorf("(b) 540,000: %v", rs[0].Checks)
	}
	// The duty is an open obligation on the calendar, flagged after 10 days.
	ds, err := svc.Calendar(context.Background(), "quintus", mustDate(t, "2004-05-13"), mustDate(t, "2004-05-13"))
	if err != nil || len(ds) != 1 || !strings.Contains(ds[0].Title, "r2 is not yet called") {
		t.Errorf("calendar 2004-05-13 = %+v, %v", ds, err)
	}
	mustApply(t, svc, special("s2", sec, ", request: r2"))
	if ds, _ := svc.Calendar(context.Background(), "quintus", mustDate(t, "2004-05-13"), mustDate(t, "2004-05-13")); len(ds) != 0 {
		t.Errorf("answered request still on the calendar: %+v", ds)
	}
	// The chairman as such, and the president calling the annual meeting.
	rs = dry(t, svc, special("s3", "{person: pat, as: director}", ""))
	if c := failedCheck(rs, "II.5.special_call_president"); c == nil || !strings.Contains(c.Message, "the chairman, as such, may not") {
		t.Errorf("chairman calls: %v", rs[0].Checks)
	}
	rs = dry(t, svc, `[{kind: meeting.call, effective: 2004-05-04, actor: {person: ray, as: president}, fields: {id: a, type: annual, date: 2004-06-15, time: "10:00", place: F}}]`)
	if failedCheck(rs, "II.2.annual_meeting") == nil {
		t.Errorf("president calls the annual meeting: %v", rs[0].Checks)
	}
	// A director request: 3 of the whole board of 5 is a majority.
	rs = mustApply(t, svc, act("meeting.request", "2004-05-05", sec, "{id: r3, by: directors, requesters: [{person: pat, signed: 2004-05-01}, {person: quinn, signed: 2004-05-01}, {person: sam, signed: 2004-05-01}], purposes: [{text: x}]}"))
	if outcome(rs, 0, "II.5.special_call_board_request") == "failed" || !strings.Contains(message(rs, 0, "II.5.special_call_board_request"), "3 directors, a majority of the whole board (5)") {
		t.Errorf("director request: %v", rs[0].Checks)
	}
}

// noticedAnnual calls M with a record date of 2004-05-14 and mails its
// notice on 2004-06-05.
func noticedAnnual(t *testing.T, svc *acts.Service, id, extra string) {
	t.Helper()
	mustApply(t, svc, callAnnual(id, ", record_date: 2004-05-14"+extra))
	mustApply(t, svc, act("meeting.notice", "2004-06-05", sec, "{meeting: "+id+", method: mail}"))
}

func heldSrc(id, date, attendance, extra string) string {
	var as []string
	for _, a := range strings.Fields(attendance) {
		h, mode, _ := strings.Cut(a, ":")
		switch {
		case mode == "":
			as = append(as, fmt.Sprintf("{holder: %s}", h))
		case strings.HasPrefix(mode, "proxy="):
			as = append(as, fmt.Sprintf("{holder: %s, mode: proxy, proxy_holder: %s}", h, strings.TrimPrefix(mode, "proxy=")))
		case mode == "object":
			as = append(as, fmt.Sprintf("{holder: %s, objected: true}", h))
		default:
			as = append(as, fmt.Sprintf("{holder: %s, mode: %s}", h, mode))
		}
	}
	return act("meeting.held", date, sec, fmt.Sprintf("{meeting: %s, officers: [pat, ray, susan], list_produced: true, attendance: [%s]%s}", id, strings.Join(as, ", "), extra))
}

// TestQuorumS21 works S21: Alice (400,000) and Dan (100,000, by proxy)
// attend: 500,000 ≥ 50% × 1,000,000 (treasury excluded), a quorum. Without
// Dan, 400,000 is none, and no business may then be transacted. Pat, the
// chairman, presides (Art. V §6).
func TestQuorumS21(t *testing.T) {
	t.Parallel()
	svc := withMeetingsF(t)
	noticedAnnual(t, svc, "m", "")
	mustApply(t, svc, act("proxy.grant", "2004-06-10", "{person: dan, as: holder}", "{id: d1, holder: dan, proxy_holder: ray, date: 2004-06-01}"))
	rs := dry(t, svc, heldSrc("m", "2004-06-15", "alice dan:proxy=ray", ""))
	msg := message(rs, 0, "II.8.quorum")
	if rs[0].Status != acts.Checked || outcome(rs, 0, "II.8.quorum") != "held" || !strings.Contains(msg, "500,000 shares present in person or by proxy of the 1,000,000") || !strings.Contains(msg, "a quorum is 50%: 500,000") {
		t.Errorf("S21: %s %s", rs[0].Status, msg)
	}
	if outcome(rs, 0, "II.10.proxy_duration") != "held" || !strings.Contains(message(rs, 0, "II.10.proxy_duration"), "proxy d1 dated 2004-06-01, which may be voted through 2007-06-01") || outcome(rs, 0, "V.6.chair_presides") != "held" {
		t.Errorf("proxy hook / chair: %v", rs[0].Checks)
	}
	// The chairman presides when he attends (Art. V §6): Ray may not take the chair.
	rs = dry(t, svc, heldSrc("m", "2004-06-15", "alice dan", ", chair: ray"))
	if c := failedCheck(rs, "V.6.chair_presides"); c == nil || !strings.Contains(c.Message, "pat presides") {
		t.Errorf("ray in the chair while pat attends: %v", rs[0].Checks)
	}
	// 440,000: no quorum; a motion is then refused.
	mustApply(t, svc, heldSrc("m", "2004-06-15", "alice eve", ""))
	rs = dry(t, svc, act("meeting.motion", "2004-06-15", sec, "{meeting: m, id: m1, text: Ratify auditors}"))
	if c := failedCheck(rs, "II.8.quorum"); c == nil || !strings.Contains(c.Message, "440,000 of 1,000,000") {
		t.Errorf("motion without quorum: %v", rs[0].Checks)
	}
	// A non-holder and a treasury holder are not counted.
	svc2 := withMeetingsF(t)
	noticedAnnual(t, svc2, "m", "")
	rs = dry(t, svc2, heldSrc("m", "2004-06-15", "alice ray", ""))
	if c := failedCheck(rs, "MB.stockholder_meeting.attendee"); c == nil || !strings.Contains(c.Message, "ray is not a holder of record entitled to vote") {
		t.Errorf("treasury holder attending: %v", rs[0].Checks)
	}
}

// TestMeetingNoticeOrWaiver: every holder entitled must have notice, a
// written waiver, or attend without objecting (Art. IV §2; DGCL §229).
func TestMeetingNoticeOrWaiver(t *testing.T) {
	t.Parallel()
	svc := withMeetingsF(t)
	mustApply(t, svc, callAnnual("m", ", record_date: 2004-05-14"))
	mustApply(t, svc, act("meeting.notice", "2004-06-01", sec, "{meeting: m, method: mail, holders: [alice, bob, carol]}"))
	rs := dry(t, svc, heldSrc("m", "2004-06-15", "alice bob carol", ""))
	if c := failedCheck(rs, "II.3.annual_notice_recipients"); c == nil || !strings.Contains(c.Message, "dan, eve, of record and entitled to vote on 2004-05-14, had no notice") {
		t.Errorf("dan and eve without notice: %v", rs[0].Checks)
	}
	// Dan attends only to object: still no waiver. Eve waives in writing after.
	mustApply(t, svc, act("meeting.waiver", "2004-06-14", sec, "{meeting: m, holder: eve, form: written}"))
	rs = dry(t, svc, heldSrc("m", "2004-06-15", "alice bob carol dan:object", ""))
	if c := failedCheck(rs, "II.3.annual_notice_recipients"); c == nil || !strings.Contains(c.Message, "dan, of record") {
		t.Errorf("dan attending to object: %v", rs[0].Checks)
	}
	rs = mustApply(t, svc, heldSrc("m", "2004-06-15", "alice bob carol dan", ""))
	if !strings.Contains(message(rs, 0, "IV.2.waiver"), "waived in writing by eve and by attendance by dan") {
		t.Errorf("waivers: %v", rs[0].Checks)
	}
}

// TestAdjournment works Art. II §8: without a quorum the holders present
// adjourn by announcement; for 30 days no notice is needed, for 31 days
// notice goes to every holder of record; a new record date also needs it.
func TestAdjournment(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		to          string
		needsNotice bool
	}{{"2004-07-15", false}, {"2004-07-16", true}} {
		svc := withMeetingsF(t)
		noticedAnnual(t, svc, "m", "")
		rs := mustApply(t, svc, heldSrc("m", "2004-06-15", "alice", fmt.Sprintf(", adjourned_to: {id: m2, date: %s, time: \"10:00\", place: Fremont}", c.to)))
		days := 30
		if c.needsNotice {
			days = 31
		}
		if !strings.Contains(message(rs, 0, "II.8.adjourn_notice"), fmt.Sprintf("adjourned for %d days", days)) || outcome(rs, 0, "II.8.quorum") != "warned" {
			t.Errorf("%s: %v", c.to, rs[0].Checks)
		}
		ms, _ := svc.StockholderMeetings(context.Background(), "quintus")
		if len(ms) != 2 || ms[1].ID != "m2" || ms[1].NeedsNotice != c.needsNotice || ms[1].RecordDate != "2004-05-14" || ms[1].AdjournedFrom != "m" {
			t.Errorf("%s: meetings %+v", c.to, ms)
		}
		rs = dry(t, svc, heldSrc("m2", c.to, "alice bob", ""))
		if c.needsNotice {
			if f := failedCheck(rs, "II.8.adjourn_notice"); f == nil || !strings.Contains(f.Message, "had no notice of the adjourned annual meeting m2") {
				t.Errorf("%s held without notice: %v", c.to, rs[0].Checks)
			}
			// Notice 10 days before the adjourned meeting, to every holder.
			mustApply(t, svc, act("meeting.notice", "2004-07-06", sec, "{meeting: m2, method: mail}"))
			rs = dry(t, svc, heldSrc("m2", c.to, "alice bob", ""))
		}
		if rs[0].Status != acts.Checked || outcome(rs, 0, "II.8.quorum") != "held" || outcome(rs, 0, "VI.5.adjournment") != "held" {
			t.Errorf("%s adjourned meeting held: %s %v", c.to, rs[0].Status, rs[0].Checks)
		}
	}
	// A new record date for the adjourned meeting needs notice.
	svc := withMeetingsF(t)
	noticedAnnual(t, svc, "m", "")
	mustApply(t, svc, heldSrc("m", "2004-06-15", "alice", ", adjourned_to: {id: m2, date: 2004-06-29, time: \"10:00\", place: Fremont}"))
	mustApply(t, svc, act("meeting.record_date", "2004-06-16", "{as: board}", "{meeting: m2, record_date: 2004-06-18}"))
	if rs := dry(t, svc, heldSrc("m2", "2004-06-29", "alice bob", "")); failedCheck(rs, "II.8.adjourn_notice") == nil {
		t.Errorf("new record date without notice: %v", rs[0].Checks)
	}
}

// TestSpecialBusinessS63 works the special meeting of S63 noticed for
// "removal of Tess" and Art. II §7 and Art. IX: a motion outside the
// noticed purposes is refused; a bylaw amendment at a special meeting
// needs its notice to contain it; at the annual meeting it needs none
// (A-REGULAR, warned). The amendment creates a new bylaws version.
func TestSpecialBusinessS63(t *testing.T) {
	t.Parallel()
	svc := withMeetingsF(t)
	mustApply(t, svc, `[{kind: meeting.call, effective: 2004-05-04, actor: {person: ray, as: president}, fields: {id: s, type: special, date: 2004-06-15, time: "10:00", place: Fremont, purposes: [{text: "Removal of Tess as a director", kind: director.end}]}}]`)
	if rs := dry(t, svc, act("meeting.record_date", "2004-05-05", "{as: board}", "{meeting: s, record_date: 2004-05-14}")); rs[0].Status != acts.Checked {
		t.Errorf("board fixes the record date of the president's meeting: %v", rs[0].Checks)
	}
	mustApply(t, svc, act("meeting.record_date", "2004-05-05", "{as: board}", "{meeting: s, record_date: 2004-05-14}"))
	mustApply(t, svc, act("meeting.notice", "2004-06-01", sec, "{meeting: s, method: mail}"))
	mustApply(t, svc, heldSrc("s", "2004-06-15", "alice bob carol", ""))
	rs := dry(t, svc, act("meeting.motion", "2004-06-15", sec, "{meeting: s, id: m1, text: Ratify auditors}"))
	if c := failedCheck(rs, "II.7.special_business_limited"); rs[0].Status != acts.Refused || c == nil || !strings.Contains(c.Citation, "Art. II §7") || !strings.Contains(c.Message, "(1) Removal of Tess") {
		t.Errorf("motion outside the purposes: %v", rs[0].Checks)
	}
	if rs = mustApply(t, svc, act("meeting.motion", "2004-06-15", sec, "{meeting: s, id: m2, text: Remove Tess, purpose: 1}")); outcome(rs, 0, "II.7.special_business_limited") != "held" {
		t.Errorf("motion within the purposes: %v", rs[0].Checks)
	}
	amend := `[{kind: bylaws.amend, effective: 2004-06-15, actor: {as: stockholders}, adoption: {meeting: %s, for: %d, against: %d}, fields: {meeting: %s, resolution: r, bylaws: {default: true}}}]`
	rs = dry(t, svc, fmt.Sprintf(amend, "s", 600000, 260000, "special"))
	if c := failedCheck(rs, "IX.1.where"); c == nil || !strings.Contains(c.Message, "the notice of s did not") || failedCheck(rs, "II.7.special_business_limited") == nil {
		t.Errorf("bylaw amendment not in the notice: %v", rs[0].Checks)
	}
	// The annual meeting: a majority of 860,000 present is 430,001.
	svc2 := withMeetingsF(t)
	noticedAnnual(t, svc2, "a", "")
	mustApply(t, svc2, heldSrc("a", "2004-06-15", "alice bob carol", ""))
	rs = dry(t, svc2, fmt.Sprintf(amend, "a", 430000, 430000, "annual"))
	if c := failedCheck(rs, "II.9.vote_standard"); c == nil || !strings.Contains(c.Message, "430000 votes for is not a majority of the 860,000 shares present") || !strings.Contains(c.Message, "at least 430,001") {
		t.Errorf("430,000 of 860,000: %v", rs[0].Checks)
	}
	rs = mustApply(t, svc2, fmt.Sprintf(amend, "a", 600000, 260000, "annual"))
	if outcome(rs, 0, "IX.1.where") != "warned" || outcome(rs, 0, "II.9.vote_standard") != "held" || outcome(rs, 0, "II.2.other_business") != "warned" {
		t.Errorf("annual amendment: %v", rs[0].Checks)
	}
	bl, err := svc2.BylawsOn(context.Background(), "quintus", mustDate(t, "2004-06-15"))
	if err != nil || bl.Version.Number != 2 {
		t.Errorf("bylaws in force after the amendment: %+v, %v", bl, err)
	}
	// A special meeting whose notice contained the amendment.
	svc3 := withMeetingsF(t)
	mustApply(t, svc3, `[{kind: meeting.call, effective: 2004-05-04, actor: {person: ray, as: president}, fields: {id: s, type: special, date: 2004-06-15, time: "10:00", place: Fremont, purposes: [{text: "Amend Art. III §7", kind: bylaws.amend}]}}]`)
	mustApply(t, svc3, act("meeting.notice", "2004-06-01", sec, "{meeting: s, method: mail}"))
	mustApply(t, svc3, heldSrc("s", "2004-06-15", "alice bob", ""))
	if rs = mustApply(t, svc3, fmt.Sprintf(amend, "s", 660000, 0, "special")); outcome(rs, 0, "IX.1.where") != "held" {
		t.Errorf("amendment noticed at a special meeting: %v", rs[0].Checks)
	}
	m, err := svc3.Minutes(context.Background(), "quintus", "s")
	if err != nil || m.Stockholders == nil || len(m.Items) != 1 || m.Items[0].Entry.Kind != "bylaws.amend" || m.Items[0].For != 660000 {
		t.Fatalf("minutes: %+v, %v", m, err)
	}
}

// TestEmailNoticeS122 works S122: meeting 2024-06-18; Bob objected to
// e-mail notice in 2023. E-mail to all on 2024-05-20 (29 days before) is
// refused for Bob; to the others it is valid (warned: neither consent nor
// objection, DGCL §232(a)); Bob's notice by mail by 2024-06-08 is valid,
// 2024-06-09 too late.
func TestEmailNoticeS122(t *testing.T) {
	t.Parallel()
	svc := withMeetingsF(t)
	mustApply(t, svc, act("holder.electronic_notice", "2023-03-01", "{person: bob, as: holder}", "{holder: bob, electronic: objected}"))
	mustApply(t, svc, act("holder.electronic_notice", "2023-03-01", sec, "{holder: carol, electronic: consented}"))
	mustApply(t, svc, `[{kind: meeting.call, effective: 2024-04-01, actor: {as: board}, fields: {id: m24, type: annual, date: 2024-06-18, time: "10:00", place: Fremont, record_date: 2024-05-01}}]`)
	rs := dry(t, svc, act("meeting.notice", "2024-05-20", sec, "{meeting: m24, method: email, legend: true}"))
	if c := failedCheck(rs, "IV.1.mail_notice"); rs[0].Status != acts.Refused || c == nil || !strings.Contains(c.Message, "bob objected to notice by e-mail") || !strings.Contains(c.Message, "by 2024-06-08") {
		t.Errorf("e-mail to bob: %v", rs[0].Checks)
	}
	rs = mustApply(t, svc, act("meeting.notice", "2024-05-20", sec, "{meeting: m24, method: email, legend: true, holders: [alice, carol, dan, eve]}"))
	if !strings.Contains(message(rs, 0, "II.3.annual_notice_window"), "29 days before") || !strings.Contains(message(rs, 0, "IV.1.mail_notice"), "carol consented") || outcome(rs, 0, "IV.1.mail_notice") != "warned" {
		t.Errorf("e-mail to the others: %v", rs[0].Checks)
	}
	if rs = dry(t, svc, act("meeting.notice", "2024-05-20", sec, "{meeting: m24, method: email, holders: [alice]}")); failedCheck(rs, "IV.1.mail_notice") == nil {
		t.Errorf("e-mail without the legend: %v", rs[0].Checks)
	}
	if rs = dry(t, svc, act("meeting.notice", "2024-06-09", sec, "{meeting: m24, method: mail, holders: [bob]}")); failedCheck(rs, "II.3.annual_notice_window") == nil {
		t.Errorf("bob mailed 9 days before: %v", rs[0].Checks)
	}
	mustApply(t, svc, act("meeting.notice", "2024-06-08", sec, "{meeting: m24, method: mail, holders: [bob]}"))
	if rs = dry(t, svc, heldSrc("m24", "2024-06-18", "alice bob", "")); rs[0].Status != acts.Checked {
		t.Errorf("held after e-mail and mail notice: %v", rs[0].Checks)
	}
	// A failed delivery is logged, and is not notice.
	svc2 := withMeetingsF(t)
	mustApply(t, svc2, `[{kind: meeting.call, effective: 2024-04-01, actor: {as: board}, fields: {id: m24, type: annual, date: 2024-06-18, time: "10:00", place: Fremont, record_date: 2024-05-01}}]`)
	rs = mustApply(t, svc2, act("meeting.notice", "2024-05-20", sec, `{meeting: m24, method: email, legend: true, deliveries: [{holder: alice, address: alice@example.com, status: sent, detail: "250 ok"}, {holder: dan, address: dan@example.com, status: failed, detail: "550 no such user"}]}`))
	if !strings.Contains(message(rs, 0, "IV.1.mail_notice"), "the e-mail to dan (dan@example.com) was not accepted (550 no such user)") {
		t.Errorf("failed delivery: %v", rs[0].Checks)
	}
	rec, _ := svc2.StockholderMeetingRecord(context.Background(), "quintus", "m24")
	if len(rec.Deliveries) != 2 || rec.Deliveries[1].Status != "failed" || rec.Deliveries[0].Detail != "250 ok" {
		t.Errorf("delivery log = %+v", rec.Deliveries)
	}
}

// TestStockholderListS14 works S14: the list prepared on 2004-06-05 (M−10)
// is on time; it is open from 06-05 through 06-14 and at the meeting;
// requests outside, or by a non-holder, are refused; an access needs a
// recorded request.
func TestStockholderListS14(t *testing.T) {
	t.Parallel()
	svc := withMeetingsF(t)
	mustApply(t, svc, callAnnual("m", ", record_date: 2004-05-14"))
	mustApply(t, svc, act("meeting.notice", "2004-06-01", sec, "{meeting: m, method: mail}"))
	if rs := dry(t, svc, act("list.request", "2004-06-04", "{person: bob, as: holder}", "{meeting: m, holder: bob, purpose: p}")); failedCheck(rs, "II.4.list_open") == nil ||
		!strings.Contains(failedCheck(rs, "II.4.list_open").Message, "the 10 days before the meeting on 2004-06-15 (2004-06-05 … 2004-06-14)") {
		t.Errorf("request on 06-04: %v", rs[0].Checks)
	}
	if rs := dry(t, svc, act("list.prepare", "2004-06-06", sec, "{meeting: m}")); outcome(rs, 0, "II.4.list_prepare") != "warned" {
		t.Errorf("list prepared on 06-06 (M-9): %v", rs[0].Checks)
	}
	rs := mustApply(t, svc, act("list.prepare", "2004-06-05", sec, "{meeting: m}"))
	if outcome(rs, 0, "II.4.list_prepare") != "held" || !strings.Contains(message(rs, 0, "II.4.list_prepare"), "the 5 holders entitled to vote on 2004-05-14 (1,000,000 shares)") ||
		!strings.Contains(message(rs, 0, "II.4.list_open"), "from 2004-06-05 through 2004-06-14") {
		t.Errorf("S14 prepared: %v", rs[0].Checks)
	}
	req := func(date, holder string) string {
		return act("list.request", date, fmt.Sprintf("{person: %s, as: holder}", holder), fmt.Sprintf("{meeting: m, holder: %s, purpose: solicit proxies}", holder))
	}
	for _, c := range []struct{ date, holder, rule, want string }{
		{"2004-06-05", "bob", "II.4.list_open", "held"},
		{"2004-06-14", "bob", "II.4.list_open", "held"},
		{"2004-06-15", "bob", "II.4.list_at_meeting", "held"},
		{"2004-06-16", "bob", "II.4.list_open", "failed"},
		{"2004-06-10", "susan", "II.4.list_open", "failed"},
	} {
		rs := dry(t, svc, req(c.date, c.holder))
		if got := outcome(rs, 0, c.rule); got != c.want {
			t.Errorf("request %s by %s: %s = %s (%s), want %s", c.date, c.holder, c.rule, got, message(rs, 0, c.rule), c.want)
		}
	}
	if rs := dry(t, svc, act("list.access", "2004-06-08", sec, "{meeting: m, holder: bob}")); failedCheck(rs, "MB.list.request") == nil {
		t.Errorf("access without a request: %v", rs[0].Checks)
	}
	mustApply(t, svc, req("2004-06-07", "bob"))
	mustApply(t, svc, act("list.access", "2004-06-08", sec, "{meeting: m, holder: bob}"))
	rec, _ := svc.StockholderMeetingRecord(context.Background(), "quintus", "m")
	if len(rec.Inspections) != 2 || rec.Inspections[0].Purpose != "solicit proxies" || rec.Inspections[1].What != "access" || rec.Inspections[1].Request != rec.Inspections[0].Seq {
		t.Errorf("list log = %+v", rec.Inspections)
	}
}

// TestWrittenConsentS42 works S42: with Dan 100,001 and Eve 39,999, Alice
// (400,000) and Dan deliver on the same day: 500,001 = a majority of
// 1,000,000, effective. In F (Dan 100,000): 500,000, not effective. The
// 60-day window from the first delivery (day 60 passes, day 61 refused),
// a signer not of record on the record date, and the prompt notice flagged
// after 10 days (A-PROMPT).
func TestWrittenConsentS42(t *testing.T) {
	t.Parallel()
	deliver := func(date, holder, extra string) string {
		return act("stockholder_consent.deliver", date, sec, fmt.Sprintf(`{consent: wc, action: "Fix the board at 7", kind: board.size, holder: %s, signed: %s%s}`, holder, date, extra))
	}
	svc := withBoard(t)
	mustApply(t, svc, holdingsF("100001", "39999"))
	mustApply(t, svc, deliver("2004-07-06", "alice", ""))
	rs := mustApply(t, svc, deliver("2004-07-06", "dan", ""))
	if msg := message(rs, 0, "II.11.written_consent"); !strings.Contains(msg, "EFFECTIVE on 2004-07-06: consents of 500,001 votes, at least the 500,001 needed of the 1,000,000 votes outstanding") {
		t.Errorf("(a) 500,001: %s", msg)
	}
	cs, _ := svc.StockholderConsents(context.Background(), "quintus")
	if len(cs) != 1 || cs[0].Effective != "2004-07-06" || cs[0].RecordDate != "2004-07-06" || cs[0].Unanimous {
		t.Errorf("consents = %+v", cs)
	}
	if rs = mustApply(t, svc, `[{kind: board.size, effective: 2004-07-06, actor: {as: stockholders}, adoption: {consent: wc}, fields: {size: 7, resolution: wc}}]`); outcome(rs, 0, "II.11.written_consent") != "held" {
		t.Errorf("act adopted by the consent: %v", rs[0].Checks)
	}
	// Prompt notice: on the calendar at +10; given on day 11, flagged.
	ds, _ := svc.Calendar(context.Background(), "quintus", mustDate(t, "2004-07-16"), mustDate(t, "2004-07-16"))
	if len(ds) != 1 || ds[0].Rule != "II.11.prompt_notice" {
		t.Errorf("calendar = %+v", ds)
	}
	rs = mustApply(t, svc, act("stockholder_consent.notice", "2004-07-17", sec, "{consent: wc, method: mail}"))
	if outcome(rs, 0, "II.11.prompt_notice") != "warned" || !strings.Contains(message(rs, 0, "II.11.prompt_notice"), "3 holders who did not consent (bob, carol, eve), 11 days after it") {
		t.Errorf("prompt notice: %v", rs[0].Checks)
	}

	svc = withMeetingsF(t)
	mustApply(t, svc, deliver("2004-07-06", "alice", ""))
	rs = mustApply(t, svc, deliver("2004-07-06", "dan", ""))
	if msg := message(rs, 0, "II.11.written_consent"); !strings.Contains(msg, "not yet effective: consents of 500,000 votes of the 500,001 needed") {
		t.Errorf("(b) 500,000: %s", msg)
	}
	// 2004-07-06 + 60 = 2004-09-04 (day 60); 2004-09-05 is day 61.
	if rs = dry(t, svc, deliver("2004-09-04", "eve", "")); rs[0].Status != acts.Checked || !strings.Contains(message(rs, 0, "II.11.written_consent"), "EFFECTIVE on 2004-09-04") {
		t.Errorf("day 60: %v", rs[0].Checks)
	}
	if rs = dry(t, svc, deliver("2004-09-05", "eve", "")); rs[0].Status != acts.Refused || !strings.Contains(failedCheck(rs, "II.11.written_consent").Message, "61 days after the first consent was delivered on 2004-07-06") {
		t.Errorf("day 61: %v", rs[0].Checks)
	}
	if rs = dry(t, svc, deliver("2004-07-07", "susan", "")); failedCheck(rs, "II.11.written_consent") == nil {
		t.Errorf("non-holder consents: %v", rs[0].Checks)
	}
	// On the calendar: the last day to deliver.
	ds, _ = svc.Calendar(context.Background(), "quintus", mustDate(t, "2004-09-04"), mustDate(t, "2004-09-04"))
	if len(ds) != 1 || ds[0].Rule != "II.11.written_consent" {
		t.Errorf("calendar 2004-09-04 = %+v", ds)
	}
	// The board fixes a consent record date: at most 10 days after.
	if rs = dry(t, svc, act("stockholder_consent.record_date", "2004-07-10", "{as: board}", "{consent: wc2, action: x, record_date: 2004-07-21}")); failedCheck(rs, "II.11.consent_record_date") == nil {
		t.Errorf("record date 11 days after: %v", rs[0].Checks)
	}
	if rs = dry(t, svc, act("stockholder_consent.record_date", "2004-07-10", "{as: board}", "{consent: wc2, action: x, record_date: 2004-07-20}")); rs[0].Status != acts.Checked {
		t.Errorf("record date 10 days after: %v", rs[0].Checks)
	}
}

// TestROFRWaiverConsent: a consent of kind rofr.waive counts as rofr.waive
// does (Art. VIII §1(g), A-WAIVEEXCL): Dan transfers 60,000 of his 100,000
// to Frank; the base is 1,000,000 − 60,000 = 940,000, a majority 470,001.
// Alice (400,000) and Eve (40,000): 440,000, not effective; with Dan's
// remaining 40,000: 480,000, effective.
func TestROFRWaiverConsent(t *testing.T) {
	t.Parallel()
	svc := withMeetingsF(t)
	mustApply(t, svc, `[{kind: person.add, effective: 2004-07-01, actor: {as: secretary}, fields: {id: frank, name: Frank Fox, kind: natural_person}}]`)
	deliver := func(holder string) string {
		return act("stockholder_consent.deliver", "2004-07-06", sec, fmt.Sprintf(`{consent: w, action: "Waive Art. VIII for Dan's transfer to Frank", kind: rofr.waive, transfer: {holder: dan, transferee: frank, certificates: [4], shares: "60000"}, holder: %s, signed: 2004-07-05}`, holder))
	}
	mustApply(t, svc, deliver("alice"))
	rs := mustApply(t, svc, deliver("eve"))
	if msg := message(rs, 0, "VIII.1.g.waiver"); !strings.Contains(msg, "not yet effective: consents of 440,000 votes of the 470,001 needed of the voting power of 1,000,000 less the 60,000 votes") {
		t.Errorf("alice and eve: %s", msg)
	}
	rs = mustApply(t, svc, deliver("dan"))
	if msg := message(rs, 0, "VIII.1.g.waiver"); !strings.Contains(msg, "EFFECTIVE on 2004-07-06: consents of 480,000 votes, at least the 470,001 needed") {
		t.Errorf("with dan: %s", msg)
	}
}

// TestCalendarS124 works S124 and the meeting deadlines: an annual meeting
// designated for 2004-05-20 and not held: the 30 days after it run through
// 2004-06-19, so a stockholder may apply to the Court from 2004-06-20.
// Variant: the last annual meeting held 2003-05-20 and none designated:
// 13 months run through 2004-06-20; eligible from 2004-06-21.
func TestCalendarS124(t *testing.T) {
	t.Parallel()
	svc := withMeetingsF(t)
	mustApply(t, svc, `[{kind: meeting.call, effective: 2003-03-01, actor: {as: board}, fields: {id: a03, type: annual, date: 2003-05-20, time: "10:00", place: Fremont, record_date: 2003-04-15}}]`)
	mustApply(t, svc, act("meeting.notice", "2003-05-01", sec, "{meeting: a03, method: mail}"))
	mustApply(t, svc, heldSrc("a03", "2003-05-20", "alice bob", ""))
	ctx := context.Background()
	court := func() []acts.Deadline {
		ds, err := svc.Calendar(ctx, "quintus", corp.Date{}, corp.Date{})
		if err != nil {
			t.Fatal(err)
		}
		var out []acts.Deadline
		for _, d := range ds {
			if d.Rule == "II.2.annual_meeting" {
				out = append(out, d)
			}
		}
		return out
	}
	if ds := court(); len(ds) != 1 || ds[0].Date.String() != "2004-06-21" || !strings.Contains(ds[0].Detail, "through 2004-06-20") {
		t.Errorf("13 months: %+v", ds)
	}
	mustApply(t, svc, `[{kind: meeting.call, effective: 2004-03-01, actor: {as: board}, fields: {id: a04, type: annual, date: 2004-05-20, time: "10:00", place: Fremont}}]`)
	if ds := court(); len(ds) != 1 || ds[0].Date.String() != "2004-06-20" || !strings.Contains(ds[0].Citation, "Art. II §2") {
		t.Errorf("designated 2004-05-20: %+v", ds)
	}
	// The meeting's own deadlines.
	ds, _ := svc.Calendar(ctx, "quintus", mustDate(t, "2004-03-21"), mustDate(t, "2004-05-19"))
	var got []string
	for _, d := range ds {
		got = append(got, d.Date.String()+" "+d.Rule)
	}
	want := []string{"2004-03-21 II.3.annual_notice_window", "2004-03-21 VI.5.record_date_meeting", "2004-05-10 II.3.annual_notice_window", "2004-05-10 VI.5.record_date_meeting",
		"2004-05-10 II.4.list_prepare", "2004-05-10 II.4.list_open", "2004-05-19 II.4.list_open"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("deadlines:\n got %s\nwant %s", strings.Join(got, "; "), strings.Join(want, "; "))
	}
}

// meetingStory is a meeting from call to adjournment and to the adjourned
// meeting held, with list inspections, a bylaw amendment, an action by
// written consent and its prompt notice.
const meetingStory = `
- {kind: meeting.request, effective: 2004-04-01, actor: {person: susan, as: secretary}, fields: {id: r1, by: holders, requesters: [{person: alice, signed: 2004-04-01}, {person: bob, signed: 2004-04-01}], purposes: [{text: "Amend the bylaws", kind: bylaws.amend}]}}
- {kind: meeting.call, effective: 2004-04-02, actor: {person: susan, as: secretary}, fields: {id: s, type: special, date: 2004-06-15, time: "10:00", place: Fremont, request: r1, remote: "https://meet.example/quintus", purposes: [{text: "Amend the bylaws", kind: bylaws.amend}]}}
- {kind: meeting.record_date, effective: 2004-04-05, actor: {as: board}, fields: {meeting: s, record_date: 2004-05-14}}
- {kind: holder.electronic_notice, effective: 2004-05-01, actor: {person: carol, as: holder}, fields: {holder: carol, electronic: consented}}
- {kind: meeting.notice, effective: 2004-05-20, actor: {person: susan, as: secretary}, fields: {meeting: s, method: mail, holders: [alice, bob, dan]}}
- {kind: meeting.notice, effective: 2004-05-20, actor: {person: susan, as: secretary}, fields: {meeting: s, method: email, legend: true, deliveries: [{holder: carol, address: carol@example.com, status: sent, detail: "250 queued"}]}}
- {kind: meeting.waiver, effective: 2004-06-01, actor: {person: eve, as: holder}, fields: {meeting: s, holder: eve, form: written}}
- {kind: list.prepare, effective: 2004-06-05, actor: {person: susan, as: secretary}, fields: {meeting: s}}
- {kind: list.request, effective: 2004-06-07, actor: {person: bob, as: holder}, fields: {meeting: s, holder: bob, purpose: "communicate with other holders about the amendment"}}
- {kind: list.access, effective: 2004-06-08, actor: {person: susan, as: secretary}, fields: {meeting: s, holder: bob}}
- {kind: meeting.held, effective: 2004-06-15, actor: {person: susan, as: secretary}, fields: {meeting: s, officers: [quinn, susan], list_produced: true, attendance: [{holder: alice}, {holder: eve, mode: remote}], adjourned_to: {id: s2, date: 2004-06-22, time: "10:00", place: Fremont}}}
- {kind: proxy.grant, effective: 2004-06-20, actor: {person: bob, as: holder}, fields: {id: b1, holder: bob, proxy_holder: ray, date: 2004-06-20}}
- {kind: meeting.held, effective: 2004-06-22, actor: {person: susan, as: secretary}, fields: {meeting: s2, officers: [pat, susan], list_produced: true, attendance: [{holder: alice}, {holder: bob, mode: proxy, proxy_holder: ray}, {holder: dan}]}}
- {kind: meeting.motion, effective: 2004-06-22, actor: {person: susan, as: secretary}, fields: {meeting: s2, id: m1, text: "Amend Art. III §7", kind: bylaws.amend}}
- {kind: bylaws.amend, effective: 2004-06-22, actor: {as: stockholders}, adoption: {meeting: s2, for: 660000, against: 100000}, fields: {meeting: special, resolution: m1, bylaws: {default: true}}}
- {kind: stockholder_consent.deliver, effective: 2004-07-06, actor: {person: susan, as: secretary}, fields: {consent: wc, action: "Fix the board at 7", kind: board.size, holder: alice, signed: 2004-07-05}}
- {kind: stockholder_consent.deliver, effective: 2004-07-07, actor: {person: susan, as: secretary}, fields: {consent: wc, holder: bob, signed: 2004-07-06}}
- {kind: board.size, effective: 2004-07-07, actor: {as: stockholders}, adoption: {consent: wc}, fields: {size: 7, resolution: wc}}
- {kind: stockholder_consent.notice, effective: 2004-07-09, actor: {person: susan, as: secretary}, fields: {consent: wc, method: mail}}
`

// TestMeetingsSameOnBothStores: the meeting story gives the same journal
// and the same derived tables on SQLite and PostgreSQL, and replays.
func TestMeetingsSameOnBothStores(t *testing.T) {
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
		for _, src := range []string{ledgerBase, boardBase, holdingsF("100000", "40000"), meetingStory} {
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
		m, err := svc.Minutes(ctx, "quintus", "s2")
		if err != nil || len(m.Items) != 1 || len(m.Record.Attendance) != 3 || m.Stockholders.Chair != "pat" {
			t.Fatalf("minutes of s2: %+v, %v", m, err)
		}
		return books(t, st)
	}
	h1, r1 := run(lite)
	h2, r2 := run(pg)
	sameBooks(t, h1, r1, h2, r2)
	for _, tb := range []*tables.Table{tables.StockholderMeetings, tables.StockholderNotices, tables.StockholderAttendance, tables.ListInspections, tables.StockholderMotions, tables.ConsentDeliveries} {
		n := 0
		_ = r1.Scan(tb, nil, func(tables.Row) error { n++; return nil })
		if n == 0 {
			t.Errorf("table %s is empty after the story", tb.Name)
		}
	}
}
