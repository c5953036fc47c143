package acts_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"minutebook/internal/acts"
	"minutebook/internal/journal"
	"minutebook/internal/sqlite"
	"minutebook/internal/vote"
)

// withMeeting is fixture F (Alice 400,000 · Bob 260,000 · Carol 200,000 ·
// Dan 100,000 · Eve 40,000; 50,000 in treasury) with a board of 3 (Pat,
// Quinn, Ray), the inspector Ingrid, candidates M1–M3, X–Z, and the
// annual meeting of 2004-06-15 (record date 2004-05-14; notice waived in
// writing by every holder) held with all five holders present, the
// motion q and the polls opened with the question q and an election of 3
// directors, cumulative when cum.
func withMeeting(t *testing.T, cum bool) *acts.Service {
	t.Helper()
	return withMeetingAttending(t, cum, "alice bob carol dan eve")
}

// withMeetingAttending is withMeeting with the holders named in attendance
// recorded present in person at meeting.held.
func withMeetingAttending(t *testing.T, cum bool, attendance string) *acts.Service {
	t.Helper()
	svc := fixtureF(t)
	src := `
- {kind: person.add, effective: 2004-01-02, actor: {as: secretary}, fields: {id: ingrid, name: Ingrid Inspector, kind: natural_person}}
`
	for _, p := range []string{"m1", "m2", "m3", "x", "y", "z"} {
		src += fmt.Sprintf("- {kind: person.add, effective: 2004-01-02, actor: {as: secretary}, fields: {id: %s, name: Candidate %s, kind: natural_person}}\n", p, strings.ToUpper(p))
	}
	src += `- {kind: board.size, effective: 2004-01-02, actor: {as: board}, fields: {size: 3, resolution: r}}
- {kind: director.elect, effective: 2004-01-02, actor: {as: stockholders}, fields: {person: pat, how: elected, source: s}}
- {kind: director.elect, effective: 2004-01-02, actor: {as: stockholders}, fields: {person: quinn, how: elected, source: s}}
- {kind: director.elect, effective: 2004-01-02, actor: {as: stockholders}, fields: {person: ray, how: elected, source: s}}
`
	if cum {
		src += `- {kind: charter.amend, effective: 2004-02-01, actor: {as: secretary}, fields: {authority: a, charter: {cumulative_voting: true, classes: [{id: common, name: Common Stock, authorized: "1050000", par: "0.001"}, {id: units, name: Fractional Units, authorized: "1000", votes_per_share: "0", scale: 2}]}}}
`
	}
	src += `- {kind: meeting.call, effective: 2004-04-01, actor: {as: board}, fields: {id: annual, type: annual, date: 2004-06-15, time: "10:00", place: Fremont, record_date: 2004-05-14}}
`
	var present []string
	for _, h := range []string{"alice", "bob", "carol", "dan", "eve"} {
		src += fmt.Sprintf("- {kind: meeting.waiver, effective: 2004-06-01, actor: {as: secretary}, fields: {meeting: annual, holder: %s, form: written}}\n", h)
	}
	for _, h := range strings.Fields(attendance) {
		present = append(present, "{holder: "+h+"}")
	}
	src += fmt.Sprintf("- {kind: meeting.held, effective: 2004-06-15, actor: {as: secretary}, fields: {meeting: annual, list_produced: true, attendance: [%s]}}\n", strings.Join(present, ", "))
	src += `- {kind: meeting.motion, effective: 2004-06-15, actor: {as: secretary}, fields: {meeting: annual, id: q, text: ratify the auditors}}
- kind: polls.open
  effective: 2004-06-15
  actor: {person: ingrid, as: inspector}
  fields:
    meeting: annual
    matters:
      - {id: q, kind: question, text: ratify the auditors}
      - {id: dirs, kind: election, seats: 3, candidates: [m1, m2, m3, x, y, z], incumbents: [pat, quinn, ray]}
`
	mustRecord(t, svc, src)
	return svc
}

func cast(holder, actor, extra, ballots string) string {
	return fmt.Sprintf("- {kind: ballot.cast, effective: 2004-06-15, actor: {person: %s, as: holder}, fields: {meeting: annual, holder: %s%s, ballots: [%s]}}\n", actor, holder, extra, ballots)
}

const closeAndCertify = `
- {kind: polls.close, effective: 2004-06-15, actor: {person: ingrid, as: inspector}, fields: {meeting: annual}}
- {kind: result.certify, effective: 2004-06-15, actor: {person: ingrid, as: inspector}, fields: {meeting: annual}}
`

func matterReport(t *testing.T, cr *acts.CertifiedResult, id string) acts.MatterReport {
	t.Helper()
	for _, m := range cr.Matters {
		if m.ID == id {
			return m
		}
	}
	t.Fatalf("no matter %s in %+v", id, cr)
	return acts.MatterReport{}
}

// TestVoteS35 works S35 on the act path: straight plurality, Alice, Carol
// and Dan (700,000) for M1–M3, Bob and Eve (300,000) for X–Z. M1 = M2 = M3
// = 700,000 elected; the question passes 700,000 to 300,000 of 1,000,000
// present; the incumbents leave the board register and M1–M3 take office.
func TestVoteS35(t *testing.T) {
	t.Parallel()
	svc := withMeeting(t, false)
	var src string
	for _, h := range []string{"alice", "carol", "dan"} {
		src += cast(h, h, "", "{matter: q, choice: for}, {matter: dirs, candidates: [m1, m2, m3]}")
	}
	for _, h := range []string{"bob", "eve"} {
		src += cast(h, h, "", "{matter: q, choice: against}, {matter: dirs, candidates: [x, y, z]}")
	}
	mustRecord(t, svc, src+closeAndCertify)
	cr, err := svc.MeetingResult(context.Background(), "quintus", "annual")
	if err != nil {
		t.Fatal(err)
	}
	if cr.Outstanding != "1000000" || cr.Present != "1000000" || !cr.Quorum || cr.Certified != "2004-06-15" || cr.Ballots != 10 || cr.Counted != 10 {
		t.Errorf("result %+v", cr)
	}
	q := matterReport(t, cr, "q")
	if q.For != "700000" || q.Against != "300000" || q.Adopted == nil || !*q.Adopted {
		t.Errorf("question %+v", q)
	}
	d := matterReport(t, cr, "dirs")
	if fmt.Sprint(d.Elected) != "[m1 m2 m3]" || fmt.Sprint(d.Candidates) != "[{m1 700000} {m2 700000} {m3 700000} {x 300000} {y 300000} {z 300000}]" {
		t.Errorf("election %+v", d)
	}
	// The board register: M1–M3 in office from the meeting; Pat, Quinn, Ray out.
	rs := apply(t, svc, `[{kind: director.elect, effective: 2004-06-16, actor: {as: stockholders}, fields: {person: m1, how: elected, source: s}}, {kind: director.elect, effective: 2004-06-16, actor: {as: stockholders}, fields: {person: pat, how: elected, source: s}}]`, acts.Options{DryRun: true})
	if c := findCheck(rs[:1], "III.1.term"); c == nil || c.Outcome != journal.Failed {
		t.Errorf("m1 should already be a director: %+v", rs[0].Checks)
	}
	// A receipt verifies against the certified root.
	bs, err := svc.MeetingBallots(context.Background(), "quintus", "annual")
	if err != nil || len(bs) != 10 {
		t.Fatalf("ballots: %d, %v", len(bs), err)
	}
	r, _ := vote.ParseReceipt(bs[3].Receipt)
	rc, err := svc.VerifyReceipt(context.Background(), "quintus", "annual", r)
	if err != nil || !rc.Found || !rc.Counted || !rc.Verified || rc.Certified != cr.Root || rc.Size != 10 {
		t.Errorf("receipt check %+v, %v", rc, err)
	}
	r[0] ^= 1
	if rc, _ := svc.VerifyReceipt(context.Background(), "quintus", "annual", r); rc.Found || rc.Verified {
		t.Errorf("a made-up receipt: %+v", rc)
	}
}

// TestVoteCumulativeTie: FC, cumulative voting for 3 seats. Bob cumulates
// 780,000 on X; the majority spreads 740,000 on each of M1–M3. X elected;
// M1–M3 tie for the other two seats: undetermined, flagged (A-TIE), and
// two incumbents (Pat, Quinn) hold over while Ray leaves. Bob's first
// ballot of 780,001 is refused for correction.
func TestVoteCumulativeTie(t *testing.T) {
	t.Parallel()
	svc := withMeeting(t, true)
	rs := apply(t, svc, cast("bob", "bob", "", "{matter: dirs, cumulate: [{candidate: x, votes: \"780001\"}]}"), acts.Options{})
	if c := findCheck(rs, "II.10.cumulative"); rs[0].Status != acts.Refused || c == nil || !strings.Contains(c.Message, "780000") {
		t.Fatalf("over-voted ballot: %s %+v", rs[0].Status, rs[0].Checks)
	}
	src := cast("bob", "bob", "", "{matter: dirs, cumulate: [{candidate: x, votes: \"780000\"}]}")
	for _, h := range [][2]string{{"alice", "400000"}, {"carol", "200000"}, {"dan", "100000"}, {"eve", "40000"}} {
		src += cast(h[0], h[0], "", fmt.Sprintf("{matter: dirs, cumulate: [{candidate: m1, votes: %q}, {candidate: m2, votes: %q}, {candidate: m3, votes: %q}]}", h[1], h[1], h[1]))
	}
	rs = mustRecord(t, svc, src+closeAndCertify)
	if c := findCheck(rs, "II.2.plurality"); c == nil {
		t.Fatal("no plurality check")
	}
	var warned bool
	for _, c := range rs[len(rs)-1].Checks {
		warned = warned || c.Outcome == journal.Warned && strings.Contains(c.Message, "A-TIE")
	}
	if !warned {
		t.Errorf("tie not flagged: %+v", rs[len(rs)-1].Checks)
	}
	cr, _ := svc.MeetingResult(context.Background(), "quintus", "annual")
	d := matterReport(t, cr, "dirs")
	if fmt.Sprint(d.Elected) != "[x]" || fmt.Sprint(d.Tied) != "[m1 m2 m3]" || d.Undetermined != 2 || fmt.Sprint(d.HoldOver) != "[pat quinn]" {
		t.Errorf("election %+v", d)
	}
	if d.Threshold == nil || d.Threshold.OneSeat != 250001 {
		t.Errorf("threshold %+v", d.Threshold)
	}
}

// TestVoteProxies: S30/S31 (a proxy dated 2001-06-15 is voted on
// 2004-06-15, its last day; one dated 2001-06-14 has lapsed), S33 (the
// later-dated proxy controls), S34 (voting in person revokes), a
// non-holder's ballot and proxy, more votes than held, and a ballot after
// the polls close.
func TestVoteProxies(t *testing.T) {
	t.Parallel()
	svc := withMeetingAttending(t, false, "alice bob eve")
	// Carol's proxy dated exactly three years before, recorded in 2001.
	mustRecord(t, svc, `
- {kind: proxy.grant, effective: 2004-06-15, actor: {person: dan, as: holder}, fields: {id: d1, holder: dan, proxy_holder: pat, date: 2004-05-01}}
- {kind: proxy.grant, effective: 2004-06-15, actor: {person: dan, as: holder}, fields: {id: d2, holder: dan, proxy_holder: quinn, date: 2004-05-20}}
- {kind: proxy.grant, effective: 2004-06-15, actor: {person: eve, as: holder}, fields: {id: e1, holder: eve, proxy_holder: ray, date: 2004-06-03}}
`)
	// A proxy from a non-holder (Pat holds nothing) is refused.
	rs := apply(t, svc, `[{kind: proxy.grant, effective: 2004-06-15, actor: {person: pat, as: holder}, fields: {id: p1, holder: pat, proxy_holder: ray, date: 2004-06-04}}]`, acts.Options{})
	if c := failedCheck(rs, "VI.7.registered_holder"); c == nil {
		t.Errorf("proxy from a non-holder: %s %+v", rs[0].Status, rs[0].Checks)
	}
	// Pat under d1 is superseded by d2 (dated later).
	rs = apply(t, svc, cast("dan", "pat", ", proxy: d1", "{matter: q, choice: for}"), acts.Options{})
	if c := failedCheck(rs, "II.10.proxy_revocation"); c == nil {
		t.Errorf("superseded proxy voted: %s %+v", rs[0].Status, rs[0].Checks)
	}
	// Bob (not Alice's proxy) may not vote Alice's shares; Pat holds nothing.
	rs = apply(t, svc, cast("alice", "bob", "", "{matter: q, choice: for}"), acts.Options{})
	if c := failedCheck(rs, "II.10.one_share_one_vote"); c == nil {
		t.Errorf("vote without a proxy: %+v", rs[0].Checks)
	}
	rs = apply(t, svc, cast("pat", "pat", "", "{matter: q, choice: for}"), acts.Options{})
	if c := failedCheck(rs, "II.10.one_share_one_vote"); c == nil {
		t.Errorf("ballot from a non-holder: %+v", rs[0].Checks)
	}
	rs = apply(t, svc, cast("eve", "eve", `, votes: "40001"`, "{matter: q, choice: for}"), acts.Options{})
	if c := failedCheck(rs, "II.10.one_share_one_vote"); c == nil {
		t.Errorf("more votes than held: %+v", rs[0].Checks)
	}
	mustRecord(t, svc, cast("dan", "quinn", ", proxy: d2", "{matter: q, choice: against}")+
		cast("eve", "ray", ", proxy: e1", "{matter: q, choice: against}")+
		cast("eve", "eve", "", "{matter: q, choice: for}")+ // in person: revokes e1
		cast("alice", "alice", `, votes: "250000"`, "{matter: q, choice: for}")+
		cast("bob", "bob", "", "{matter: q, choice: abstain}"))
	rs = apply(t, svc, cast("eve", "ray", ", proxy: e1", "{matter: q, choice: against}"), acts.Options{})
	if c := failedCheck(rs, "II.10.proxy_revocation"); c == nil {
		t.Errorf("proxy after the holder voted in person: %+v", rs[0].Checks)
	}
	mustRecord(t, svc, closeAndCertify)
	rs = apply(t, svc, cast("carol", "carol", "", "{matter: q, choice: for}"), acts.Options{})
	if c := failedCheck(rs, "MB.vote.polls"); c == nil {
		t.Errorf("ballot after the polls closed: %+v", rs[0].Checks)
	}
	// Present: Alice 400,000 (voting 250,000), Bob 260,000, Dan 100,000,
	// Eve 40,000 = 800,000. For 250,000 + 40,000 = 290,000; against
	// 100,000; abstain 260,000; not voted 150,000. 290,000 is not more than
	// half of 800,000: not adopted.
	cr, _ := svc.MeetingResult(context.Background(), "quintus", "annual")
	q := matterReport(t, cr, "q")
	if cr.Present != "800000" || q.For != "290000" || q.Against != "100000" || q.Abstain != "260000" || q.NotVoted != "150000" || *q.Adopted {
		t.Errorf("present %s, question %+v", cr.Present, q)
	}
	// The journal replays to the same tables (ballots, proxies, result).
	if rep, err := svc.Verify(context.Background(), "quintus", acts.VerifyOptions{}); err != nil || !rep.OK {
		t.Errorf("journal verify: %+v, %v", rep, err)
	}
	if cr.Ballots != 5 || cr.Counted != 4 {
		t.Errorf("ballots %d counted %d, want 5 and 4 (Ray's ballot for Eve is revoked)", cr.Ballots, cr.Counted)
	}
}

// TestProxyLapseOnActPath: S30 and S31 through ballot.cast, and 29
// February through proxy.grant.
func TestProxyLapseOnActPath(t *testing.T) {
	t.Parallel()
	svc := withMeetingAttending(t, false, "alice bob")
	// Carol and Dan held their shares since 2000-01-10.
	rs := apply(t, svc, `
- {kind: proxy.grant, effective: 2004-06-15, actor: {as: secretary}, fields: {id: c1, holder: carol, proxy_holder: pat, date: 2001-06-15}}
- {kind: proxy.grant, effective: 2004-06-15, actor: {as: secretary}, fields: {id: d1, holder: dan, proxy_holder: pat, date: 2001-06-14}}
`, acts.Options{})
	if rs[0].Status != acts.Recorded || rs[1].Status != acts.Refused || failedCheck(rs, "II.10.proxy_duration") == nil {
		t.Errorf("grant: %s %s %+v", rs[0].Status, rs[1].Status, rs[1].Checks)
	}
	rs = mustRecord(t, svc, cast("carol", "pat", ", proxy: c1", "{matter: q, choice: for}"))
	if c := findCheck(rs, "II.10.proxy_duration"); c == nil || !strings.Contains(c.Message, "through 2004-06-15") {
		t.Errorf("S30: %+v", rs[0].Checks)
	}
	// 29 February 2000: lapses after 28 February 2003 (feb28).
	rs = apply(t, svc, `[{kind: proxy.grant, effective: 2004-06-15, actor: {as: secretary}, fields: {id: e1, holder: eve, proxy_holder: pat, date: 2000-02-29, period: 4y}}]`, acts.Options{DryRun: true})
	if rs[0].Status != acts.Refused {
		t.Errorf("a proxy dated 2000-02-29 for 4 years recorded 2004-06-01: %s", rs[0].Status)
	}
}

// TestRecountFromJournal: result.certify recounts from the journal's
// proxy and ballot entries alone (read by kind), so a ballot row removed
// from the derived table behind the act path's back is caught: the tally
// of the books (4 ballots, 740,000 for; every holder is present, recorded
// at meeting.held) differs from the recount (5 ballots, 1,000,000 for),
// and the certificate is refused under MB.vote.recount. The
// recount itself, through Service.RecountMeeting, still counts Bob.
func TestRecountFromJournal(t *testing.T) {
	t.Parallel()
	svc := withMeeting(t, false)
	var src string
	for _, h := range []string{"alice", "bob", "carol", "dan", "eve"} {
		src += cast(h, h, "", "{matter: q, choice: for}")
	}
	mustRecord(t, svc, src+"- {kind: polls.close, effective: 2004-06-15, actor: {person: ingrid, as: inspector}, fields: {meeting: annual}}\n")
	st := svc.Store.(*sqlite.Store)
	if _, err := st.DB.W.Exec(`DELETE FROM vote_ballots WHERE holder = 'bob'`); err != nil {
		t.Fatal(err)
	}
	rc, err := svc.RecountMeeting(context.Background(), "quintus", "annual")
	if err != nil || rc.Ballots != 5 || rc.Present != "1000000" {
		t.Fatalf("recount: %+v, %v; want 5 ballots, 1000000 present", rc, err)
	}
	books, err := svc.TallyMeeting(context.Background(), "quintus", "annual")
	if err != nil || books.Ballots != 4 || books.Present != "1000000" || len(books.Matters) == 0 || fmt.Sprint(books.Matters[0].For) != "740000" {
		t.Fatalf("tally of the books: %+v, %v; want 4 ballots, 1000000 present, 740000 for", books, err)
	}
	rs := apply(t, svc, "- {kind: result.certify, effective: 2004-06-15, actor: {person: ingrid, as: inspector}, fields: {meeting: annual}}\n", acts.Options{})
	if c := findCheck(rs, "MB.vote.recount"); rs[0].Status != acts.Refused || c == nil || c.Outcome != journal.Failed {
		t.Fatalf("certify after tampering: %s %+v", rs[0].Status, rs[0].Checks)
	}
}
