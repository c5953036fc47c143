package acts_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/journal"
	"minutebook/internal/postgres"
	"minutebook/internal/sqlite"
	"minutebook/internal/testdb"
)

// onBothStores runs fn on fixture F with its board, officers and ledger
// (withMeetingsF) on SQLite and on PostgreSQL, each in a store of its own.
func onBothStores(t *testing.T, fn func(t *testing.T, svc *acts.Service)) {
	t.Helper()
	for _, name := range []string{"sqlite", "postgres"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			var st acts.Store
			if name == "sqlite" {
				s, err := sqlite.Open(ctx, testdb.SQLitePath(t))
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { s.Close() })
				st = s
			} else {
				s, err := postgres.Open(ctx, testdb.Postgres(t))
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { s.Close() })
				st = s
			}
			svc := &acts.Service{Store: st, Clock: func() time.Time { return fixed }}
			for _, src := range []string{ledgerBase, boardBase, holdingsF("100000", "40000")} {
				mustApply(t, svc, src)
			}
			fn(t, svc)
			if rep, err := svc.Verify(ctx, "quintus", acts.VerifyOptions{}); err != nil || !rep.OK {
				t.Errorf("journal verify: %+v, %v", rep, err)
			}
		})
	}
}

const ingrid = "{person: ingrid, as: inspector}"

// item is one act as a YAML list item, so that items concatenate.
func item(kind, date, actor, fields string) string {
	return fmt.Sprintf("- {kind: %s, effective: %s, actor: %s, fields: %s}\n", kind, date, actor, fields)
}

// pollsOpen opens the polls of meeting with the question q and, when
// seats > 0, an election of seats among candidates.
func pollsOpen(meeting, extra string, seats int, candidates, incumbents string) string {
	ms := "{id: q, kind: question}"
	if seats > 0 {
		ms += fmt.Sprintf(", {id: dirs, kind: election, seats: %d, candidates: [%s], incumbents: [%s]}", seats, candidates, incumbents)
	}
	return item("polls.open", "2004-06-15", ingrid, fmt.Sprintf("{meeting: %s%s, matters: [%s]}", meeting, extra, ms))
}

func ballot(actor, holder, extra, ballots string) string {
	return item("ballot.cast", "2004-06-15", fmt.Sprintf("{person: %s, as: holder}", actor),
		fmt.Sprintf("{meeting: a, holder: %s%s, ballots: [%s]}", holder, extra, ballots))
}

// TestPollsNeedTheMeeting: the polls open only at a stockholders' meeting
// on the books (meeting.call), held on that date (meeting.held) with a
// quorum (Art. II §8); they take the meeting's record date (fixed, or
// the DGCL §213(a) default), refusing another; a question must be a
// motion brought before the meeting.
func TestPollsNeedTheMeeting(t *testing.T) {
	t.Parallel()
	onBothStores(t, func(t *testing.T, svc *acts.Service) {
		mustApply(t, svc, act("person.add", "2004-01-02", sec, "{id: ingrid, name: Ingrid Inspector, kind: natural_person}"))
		rs := dry(t, svc, pollsOpen("nowhere", "", 0, "", ""))
		if c := failedCheck(rs, "MB.stockholder_meeting.known"); c == nil || !strings.Contains(c.Message, `no stockholders' meeting "nowhere" is on the books`) {
			t.Errorf("polls of an unknown meeting: %s %v", rs[0].Status, rs[0].Checks)
		}
		mustApply(t, svc, callAnnual("a", ", record_date: 2004-05-14"))
		mustApply(t, svc, callAnnual("b", ", record_date: 2004-05-14"))
		mustApply(t, svc, callAnnual("c", ""))
		for _, id := range []string{"a", "b", "c"} {
			mustApply(t, svc, act("meeting.notice", "2004-06-05", sec, "{meeting: "+id+", method: mail}"))
		}
		rs = dry(t, svc, pollsOpen("b", "", 0, "", ""))
		if c := failedCheck(rs, "MB.stockholder_meeting.known"); c == nil || !strings.Contains(c.Message, "is not recorded as held on 2004-06-15") {
			t.Errorf("polls before the meeting is held: %v", rs[0].Checks)
		}
		// Meeting a: Alice and Eve, 440,000 of 1,000,000: no quorum, no vote.
		mustApply(t, svc, heldSrc("a", "2004-06-15", "alice eve", ""))
		rs = dry(t, svc, pollsOpen("a", "", 0, "", ""))
		if c := failedCheck(rs, "II.8.quorum"); rs[0].Status != acts.Refused || c == nil || !strings.Contains(c.Message, "440,000 of 1,000,000 shares") || !strings.Contains(c.Citation, "Art. II §8") {
			t.Errorf("polls without a quorum: %v", rs[0].Checks)
		}
		// Meeting b: Alice and Bob, 660,000: a quorum; the question must be a motion.
		mustApply(t, svc, heldSrc("b", "2004-06-15", "alice bob", ""))
		rs = dry(t, svc, pollsOpen("b", "", 0, "", ""))
		if c := failedCheck(rs, "MB.vote.motion"); c == nil || !strings.Contains(c.Message, "question q is not a motion brought before meeting b") {
			t.Errorf("a question without a motion: %v", rs[0].Checks)
		}
		mustApply(t, svc, act("meeting.motion", "2004-06-15", sec, "{meeting: b, id: q, text: Ratify the auditors}"))
		rs = dry(t, svc, pollsOpen("b", ", record_date: 2004-05-15", 0, "", ""))
		if c := failedCheck(rs, "VI.5.record_date_meeting"); c == nil || !strings.Contains(c.Message, "the record date of meeting b is 2004-05-14 (fixed by the board, Art. VI §5)") {
			t.Errorf("polls stating another record date: %v", rs[0].Checks)
		}
		rs = mustApply(t, svc, pollsOpen("b", "", 0, "", ""))
		if !strings.Contains(message(rs, 0, "VI.5.record_date_meeting"), "those of record on 2004-05-14, the record date of meeting b") || outcome(rs, 0, "MB.vote.motion") != "held" {
			t.Errorf("polls of b: %v", rs[0].Checks)
		}
		if rs = dry(t, svc, pollsOpen("b", "", 0, "", "")); failedCheck(rs, "MB.vote.meeting") == nil {
			t.Errorf("polls opened twice: %v", rs[0].Checks)
		}
		// Meeting c: no record date fixed; notice on 2004-06-05 fixed it at
		// the close of business on 2004-06-04 (DGCL §213(a)).
		mustApply(t, svc, heldSrc("c", "2004-06-15", "alice bob carol", ""))
		mustApply(t, svc, act("meeting.motion", "2004-06-15", sec, "{meeting: c, id: q, text: Ratify the auditors}"))
		rs = mustApply(t, svc, pollsOpen("c", "", 0, "", ""))
		if msg := message(rs, 0, "VI.5.record_date_meeting"); !strings.Contains(msg, "on 2004-06-04, the record date of meeting c (the DGCL §213(a) default)") {
			t.Errorf("polls of c: %s", msg)
		}
		cr, err := svc.MeetingResult(context.Background(), "quintus", "c")
		if err != nil || cr.RecordDate != "2004-06-04" || cr.MeetingDate != "2004-06-15" || cr.Outstanding != "1000000" {
			t.Errorf("result of c: %+v, %v", cr, err)
		}
	})
}

// TestAttendanceProxyChecked: at meeting.held a holder represented by
// proxy counts only under the proxy in force (Art. II §10; DGCL §212(b);
// A-PROXY3Y, A-PROXYREV), else the meeting is refused citing the rule:
// Dan's proxy dated 2001-06-14 lapsed on 2004-06-14 (S31) while Alice's
// dated 2001-06-15 is voted on its last day (S30); Carol's proxy to Pat is
// superseded by her later-dated proxy to Quinn (S33); Eve's was revoked;
// Bob granted none. A refused meeting.held leaves the store unchanged.
func TestAttendanceProxyChecked(t *testing.T) {
	t.Parallel()
	onBothStores(t, func(t *testing.T, svc *acts.Service) {
		noticedAnnual(t, svc, "m", "")
		grant := func(holder, id, to, date string) string {
			return fmt.Sprintf("- {kind: proxy.grant, effective: 2004-06-10, actor: {person: %s, as: holder}, fields: {id: %s, holder: %s, proxy_holder: %s, date: %s}}\n", holder, id, holder, to, date)
		}
		mustApply(t, svc, grant("alice", "a1", "pat", "2001-06-15")+grant("dan", "d1", "ray", "2001-06-14")+
			grant("carol", "c1", "pat", "2004-06-01")+grant("carol", "c2", "quinn", "2004-06-05")+grant("eve", "e1", "ray", "2004-06-01")+
			"- {kind: proxy.revoke, effective: 2004-06-12, actor: {person: eve, as: holder}, fields: {holder: eve, id: e1}}\n")
		cases := []struct {
			attendance, rule, want string
		}{
			{"bob dan:proxy=ray", "II.10.proxy_duration", "dan's proxy d1 to ray, dated 2001-06-14, lapsed: no proxy is voted after three years from its date unless it states a longer period; its last day was 2004-06-14"},
			{"bob carol:proxy=pat", "II.10.proxy_revocation", "carol's proxy c1 to pat, dated 2004-06-01, is superseded by the later-dated proxy c2 to quinn, dated 2004-06-05"},
			{"bob eve:proxy=ray", "II.10.proxy_revocation", "eve's latest-dated proxy e1 to ray was revoked by written notice"},
			{"alice bob:proxy=ray", "MB.vote.proxy", "bob is recorded as represented by ray, but bob granted no proxy bearing on meeting m"},
		}
		for _, c := range cases {
			rs := dry(t, svc, heldSrc("m", "2004-06-15", c.attendance, ""))
			if f := failedCheck(rs, c.rule); rs[0].Status != acts.Refused || f == nil || !strings.Contains(f.Message, c.want) {
				t.Errorf("%s: %s %v", c.attendance, rs[0].Status, rs[0].Checks)
			} else if c.rule != "MB.vote.proxy" && !strings.Contains(f.Citation, "§212") {
				t.Errorf("%s: citation %q", c.attendance, f.Citation)
			}
		}
		// A refusal recorded (not a dry run) leaves the meeting not held.
		if rs := apply(t, svc, heldSrc("m", "2004-06-15", "bob dan:proxy=ray", ""), acts.Options{}); rs[0].Status != acts.Refused {
			t.Fatalf("lapsed proxy recorded: %s", rs[0].Status)
		}
		if ms, _ := svc.StockholderMeetings(context.Background(), "quintus"); len(ms) != 1 || ms[0].Held {
			t.Errorf("after the refusal: %+v", ms)
		}
		// Alice by Pat on the proxy's last day (S30), Carol by Quinn: 600,000, a quorum.
		rs := mustApply(t, svc, heldSrc("m", "2004-06-15", "alice:proxy=pat carol:proxy=quinn", ""))
		if msg := message(rs, 0, "II.10.proxy_duration"); !strings.Contains(msg, "alice is represented by pat under proxy a1 dated 2001-06-15, which may be voted through 2004-06-15") ||
			!strings.Contains(message(rs, 0, "II.8.quorum"), "600,000 shares present") {
			t.Errorf("valid proxies: %v", rs[0].Checks)
		}
	})
}

// certifiedMeeting is fixture F with the annual meeting a of 2004-06-15
// (record date 2004-05-14): Eve transfers her 40,000 shares to Dan after
// the record date; Carol's proxy to Quinn; held with Alice in person, Bob by
// remote communication, Carol by proxy and Dan in person (960,000 shares;
// Eve absent); the motion q; the polls with q and an election of two
// directors (Sam and Tess's seats) among Sam, Tess and Uma.
func certifiedMeeting(t *testing.T, svc *acts.Service) {
	t.Helper()
	mustApply(t, svc, `
- {kind: person.add, effective: 2004-01-02, actor: {as: secretary}, fields: {id: ingrid, name: Ingrid Inspector, kind: natural_person}}
- {kind: meeting.call, effective: 2004-04-01, actor: {as: board}, fields: {id: a, type: annual, date: 2004-06-15, time: "10:00", place: Fremont, remote: "https://meet.example/q", record_date: 2004-05-14}}
- {kind: stock.transfer, effective: 2004-05-20, actor: {as: secretary}, fields: {from: eve, to: dan, certificates: [5], shares: "40000", evidence: endorsed, signers: [{person: ray, office: president}, {person: susan, office: secretary}]}}
- {kind: meeting.notice, effective: 2004-06-05, actor: {person: susan, as: secretary}, fields: {meeting: a, method: mail}}
- {kind: proxy.grant, effective: 2004-06-10, actor: {person: carol, as: holder}, fields: {id: c2, holder: carol, proxy_holder: quinn, date: 2004-06-05}}
- {kind: meeting.held, effective: 2004-06-15, actor: {person: susan, as: secretary}, fields: {meeting: a, officers: [pat, susan], list_produced: true, attendance: [{holder: alice}, {holder: bob, mode: remote}, {holder: carol, mode: proxy, proxy_holder: quinn}, {holder: dan}]}}
- {kind: meeting.motion, effective: 2004-06-15, actor: {person: susan, as: secretary}, fields: {meeting: a, id: q, text: Amend Art. III §7, kind: bylaws.amend}}
`)
	mustApply(t, svc, pollsOpen("a", "", 2, "sam, tess, uma", "sam, tess"))
}

// TestCertifyCountsTheMeeting: the certified result counts present the
// holders recorded at meeting.held (Dan, present but not voting, adds his
// 100,000 to the denominator: vote.Options.Attending), and Eve, absent but
// voting, is counted by her ballot and flagged (she sold her shares after
// the record date, but votes as the holder of record on it); the quorum is
// the meeting's; Ray, who holds no voting shares, may not vote. The
// question: 660,000 for, 40,000 against, 200,000 abstaining, 100,000 not
// voted, of 1,000,000 present: adopted (500,001 needed). The election:
// Uma 600,000, Tess 500,000, Sam 400,000: Uma and Tess elected; Sam
// leaves the board register, and Uma enters it, on the meeting date
// 2004-06-15 although the inspector certifies on 2004-06-17.
func TestCertifyCountsTheMeeting(t *testing.T) {
	t.Parallel()
	onBothStores(t, func(t *testing.T, svc *acts.Service) {
		certifiedMeeting(t, svc)
		rs := dry(t, svc, ballot("ray", "ray", "", "{matter: q, choice: for}"))
		if c := failedCheck(rs, "II.10.one_share_one_vote"); c == nil || !strings.Contains(c.Message, "ray is not a holder of record of voting shares at the record date 2004-05-14") {
			t.Errorf("ballot of a holder since after the record date: %v", rs[0].Checks)
		}
		mustApply(t, svc, ballot("alice", "alice", "", "{matter: q, choice: for}, {matter: dirs, candidates: [sam, uma]}")+
			ballot("bob", "bob", "", "{matter: q, choice: for}, {matter: dirs, candidates: [tess]}")+
			ballot("quinn", "carol", ", proxy: c2", "{matter: q, choice: abstain}, {matter: dirs, candidates: [tess, uma]}")+
			ballot("eve", "eve", "", "{matter: q, choice: against}, {matter: dirs, candidates: [tess]}")+
			item("polls.close", "2004-06-15", ingrid, "{meeting: a}"))
		rs = mustApply(t, svc, act("result.certify", "2004-06-17", ingrid, "{meeting: a}"))
		if msg := message(rs, 0, "II.8.quorum"); !strings.Contains(msg, "960,000 of the 1,000,000 shares issued, outstanding and entitled to vote on 2004-05-14; 1,000,000 of 1,000,000 votes outstanding present in person or by proxy at the polls (5 holders)") {
			t.Errorf("quorum: %s", msg)
		}
		if c := findCheck(rs, "MB.stockholder_meeting.attendee"); c == nil || !strings.Contains(c.Message, "eve voted but is not recorded present") {
			t.Errorf("eve not flagged: %v", rs[0].Checks)
		}
		if msg := message(rs, 0, "III.1.term"); !strings.Contains(msg, "uma, tess take office in the board register (director.elect) on the meeting date 2004-06-15") {
			t.Errorf("seating: %v", rs[0].Checks)
		}
		cr, err := svc.MeetingResult(context.Background(), "quintus", "a")
		if err != nil {
			t.Fatal(err)
		}
		q := matterReport(t, cr, "q")
		if cr.Present != "1000000" || cr.Holders != 5 || !cr.Quorum || q.For != "660000" || q.Against != "40000" || q.Abstain != "200000" || q.NotVoted != "100000" || q.Adopted == nil || !*q.Adopted {
			t.Errorf("present %s holders %d, question %+v", cr.Present, cr.Holders, q)
		}
		d := matterReport(t, cr, "dirs")
		if fmt.Sprint(d.Elected) != "[uma tess]" || fmt.Sprint(d.Candidates) != "[{sam 400000} {tess 500000} {uma 600000}]" {
			t.Errorf("election %+v", d)
		}
		reg, err := svc.Directors(context.Background(), "quintus", mustDate(t, "2004-06-15"))
		if err != nil {
			t.Fatal(err)
		}
		var in, former []string
		for _, d := range reg.InOffice {
			in = append(in, d.Person+"@"+d.Since)
		}
		for _, d := range reg.Former {
			former = append(former, d.Person+"@"+d.Until+":"+d.EndedHow)
		}
		if reg.WholeBoard != 5 || strings.Join(in, " ") != "pat@1999-09-02 quinn@1999-09-02 ray@1999-09-02 tess@1999-09-02 uma@2004-06-15" || strings.Join(former, " ") != "sam@2004-06-15:term_ended" {
			t.Errorf("board register on 2004-06-15: %d, in %v, former %v", reg.WholeBoard, in, former)
		}
		m, err := svc.Minutes(context.Background(), "quintus", "a")
		if err != nil || m.Result == nil || m.Result.Root != cr.Root || m.Result.Certified != "2004-06-17" {
			t.Errorf("minutes: %+v, %v", m, err)
		}
	})
}

// TestAdoptionByCertifiedResult: an act of the stockholders adopted at the
// meeting takes its votes from the certified question it names (Art. II
// §9): 660,000 of 1,000,000 present; counts stated that differ are
// refused; a question not in the result is refused; counts stated without
// a certified result are recorded with a warning citing that none backs
// them. The minutes record the certified counts.
func TestAdoptionByCertifiedResult(t *testing.T) {
	t.Parallel()
	onBothStores(t, func(t *testing.T, svc *acts.Service) {
		certifiedMeeting(t, svc)
		amend := func(adoption string) string {
			return fmt.Sprintf(`[{kind: bylaws.amend, effective: 2004-06-15, actor: {as: stockholders}, adoption: {meeting: a, %s}, fields: {meeting: annual, resolution: q, bylaws: {default: true}}}]`, adoption)
		}
		// Before certification: nothing backs the question.
		rs := dry(t, svc, amend("question: q"))
		if c := failedCheck(rs, "MB.adoption.certified"); c == nil || !strings.Contains(c.Message, "no result of meeting a is certified") {
			t.Errorf("before certification: %v", rs[0].Checks)
		}
		rs = dry(t, svc, amend("for: 660000, against: 40000, abstain: 200000"))
		if c := findCheck(rs, "MB.adoption.certified"); rs[0].Status != acts.Checked || c == nil || c.Outcome.String() != "warned" || !strings.Contains(c.Message, "no certified result of the inspector of election (result.certify) backs them") {
			t.Errorf("envelope counts: %s %v", rs[0].Status, rs[0].Checks)
		}
		mustApply(t, svc, ballot("alice", "alice", "", "{matter: q, choice: for}")+
			ballot("bob", "bob", "", "{matter: q, choice: for}")+
			ballot("quinn", "carol", ", proxy: c2", "{matter: q, choice: abstain}")+
			ballot("eve", "eve", "", "{matter: q, choice: against}")+
			item("polls.close", "2004-06-15", ingrid, "{meeting: a}")+
			item("result.certify", "2004-06-15", ingrid, "{meeting: a}"))
		rs = dry(t, svc, amend("question: q, for: 600000, against: 40000, abstain: 200000"))
		if c := failedCheck(rs, "MB.adoption.votes"); c == nil || !strings.Contains(c.Message, "differ from the certified result of question q of meeting a (660000 for, 40000 against, 200000 abstaining)") {
			t.Errorf("mismatched counts: %v", rs[0].Checks)
		}
		if rs = dry(t, svc, amend("question: dirs")); failedCheck(rs, "MB.adoption.certified") == nil {
			t.Errorf("an election named as the question: %v", rs[0].Checks)
		}
		if rs = dry(t, svc, amend("question: nope")); failedCheck(rs, "MB.adoption.certified") == nil {
			t.Errorf("an unknown question: %v", rs[0].Checks)
		}
		rs = mustApply(t, svc, amend("question: q"))
		if msg := message(rs, 0, "II.9.vote_standard"); outcome(rs, 0, "MB.adoption.certified") != "held" || !strings.Contains(msg, "660,000 votes for, a majority of the 1,000,000 votes present in person or by proxy as certified (at least 500,001") {
			t.Errorf("certified adoption: %v", rs[0].Checks)
		}
		m, err := svc.Minutes(context.Background(), "quintus", "a")
		if err != nil || len(m.Items) != 1 || m.Items[0].For != 660000 || m.Items[0].Against != 40000 || m.Items[0].Abstain != 200000 {
			t.Errorf("minutes: %+v, %v", m, err)
		}
	})
}

// TestRemovalByCertifiedResult works S63 through the polls: at a special
// meeting noticed for the removal of Tess, 660,000 shares vote for
// removal (of 1,000,000 entitled: 500,001 needed, Art. III §14); the
// removal names the certified question, whose votes it takes; shares
// stated that differ are refused.
func TestRemovalByCertifiedResult(t *testing.T) {
	t.Parallel()
	onBothStores(t, func(t *testing.T, svc *acts.Service) {
		mustApply(t, svc, `
- {kind: person.add, effective: 2004-01-02, actor: {as: secretary}, fields: {id: ingrid, name: Ingrid Inspector, kind: natural_person}}
- {kind: meeting.call, effective: 2004-05-04, actor: {person: ray, as: president}, fields: {id: a, type: special, date: 2004-06-15, time: "10:00", place: Fremont, purposes: [{text: "Removal of Tess as a director", kind: director.end}]}}
- {kind: meeting.record_date, effective: 2004-05-05, actor: {as: board}, fields: {meeting: a, record_date: 2004-05-14}}
- {kind: meeting.notice, effective: 2004-06-01, actor: {person: susan, as: secretary}, fields: {meeting: a, method: mail}}
- {kind: meeting.held, effective: 2004-06-15, actor: {person: susan, as: secretary}, fields: {meeting: a, officers: [pat, susan], list_produced: true, attendance: [{holder: alice}, {holder: bob}, {holder: carol}]}}
- {kind: meeting.motion, effective: 2004-06-15, actor: {person: susan, as: secretary}, fields: {meeting: a, id: q, text: Remove Tess, purpose: 1}}
`)
		mustApply(t, svc, pollsOpen("a", "", 0, "", "")+
			ballot("alice", "alice", "", "{matter: q, choice: for}")+
			ballot("bob", "bob", "", "{matter: q, choice: for}")+
			ballot("carol", "carol", "", "{matter: q, choice: against}")+
			item("polls.close", "2004-06-15", ingrid, "{meeting: a}")+
			item("result.certify", "2004-06-15", ingrid, "{meeting: a}"))
		if cr, err := svc.MeetingResult(context.Background(), "quintus", "a"); err != nil || cr.Certified == "" {
			t.Fatalf("result of a: %+v, %v", cr, err)
		}
		remove := `[{kind: director.end, effective: 2004-06-15, actor: {as: stockholders}, adoption: {meeting: a, question: q}, fields: {person: tess, why: removal, source: "certified result of a"%s}}]`
		rs := dry(t, svc, fmt.Sprintf(remove, `, shares_for: "450000"`))
		if c := failedCheck(rs, "MB.adoption.votes"); c == nil || !strings.Contains(c.Message, "the shares stated (450000 for, none against) differ from the certified result of question q of meeting a (660000 for, 200000 against)") {
			t.Errorf("stated shares differ: %v", rs[0].Checks)
		}
		rs = mustApply(t, svc, fmt.Sprintf(remove, ""))
		if msg := message(rs, 0, "III.14.removal"); !strings.Contains(msg, "660,000 shares for removal: more than half of the 1,000,000 shares entitled to vote at an election of directors (500,001 needed)") {
			t.Errorf("removal: %v", rs[0].Checks)
		}
		reg, _ := svc.Directors(context.Background(), "quintus", mustDate(t, "2004-06-15"))
		if len(reg.InOffice) != 4 || len(reg.Former) != 1 || reg.Former[0].Person != "tess" || reg.Former[0].EndedHow != "removal" {
			t.Errorf("register: %+v", reg)
		}
	})
}

// TestProxyCoversAdjournment: a proxy given for a meeting covers the
// session it is adjourned to (Art. II §10; DGCL §212(b), §222(c): the
// adjourned meeting is the same meeting continued, under its own id on the
// books). Dan's proxy to Ray for meeting m, adjourned for want of a
// quorum to m2: at m2 Ray represents Dan at meeting.held and votes his
// shares, and the ballot is counted. A proxy for m2 does not reach back to
// m, and a proxy for another meeting bears on neither.
func TestProxyCoversAdjournment(t *testing.T) {
	t.Parallel()
	onBothStores(t, func(t *testing.T, svc *acts.Service) {
		noticedAnnual(t, svc, "m", "")
		mustApply(t, svc, item("person.add", "2004-06-06", "{as: secretary}", "{id: ingrid, name: Ingrid Inspector, kind: natural_person}")+
			item("proxy.grant", "2004-06-10", "{person: dan, as: holder}", "{id: d1, holder: dan, proxy_holder: ray, date: 2004-06-01, meeting: m}")+
			item("proxy.grant", "2004-06-10", "{person: eve, as: holder}", "{id: e1, holder: eve, proxy_holder: ray, date: 2004-06-01, meeting: other}"))
		// Alice alone: no quorum; adjourned by announcement to 2004-06-29.
		mustApply(t, svc, heldSrc("m", "2004-06-15", "alice", `, adjourned_to: {id: m2, date: 2004-06-29, time: "10:00", place: Fremont}`))
		if rs := dry(t, svc, heldSrc("m2", "2004-06-29", "alice bob eve:proxy=ray", "")); failedCheck(rs, "MB.vote.proxy") == nil ||
			!strings.Contains(failedCheck(rs, "MB.vote.proxy").Message, "eve granted no proxy bearing on meeting m2") {
			t.Errorf("a proxy for another meeting at m2: %s %v", rs[0].Status, rs[0].Checks)
		}
		rs := mustApply(t, svc, heldSrc("m2", "2004-06-29", "alice bob dan:proxy=ray", ""))
		if c := checkWith(rs, "II.10.proxy_duration", journal.Held, "dan is represented by ray under proxy d1 dated 2004-06-01"); c == nil || !strings.Contains(c.Citation, "Art. II §10") ||
			!strings.Contains(message(rs, 0, "II.8.quorum"), "760,000 shares present") {
			t.Errorf("m2 held with Dan by proxy: %v", rs[0].Checks)
		}
		mustApply(t, svc, item("meeting.motion", "2004-06-29", sec, "{meeting: m2, id: q, text: Ratify auditors}")+
			item("polls.open", "2004-06-29", ingrid, "{meeting: m2, matters: [{id: q, kind: question}]}")+
			item("ballot.cast", "2004-06-29", "{person: alice, as: holder}", "{meeting: m2, holder: alice, ballots: [{matter: q, choice: for}]}")+
			item("ballot.cast", "2004-06-29", "{person: ray, as: holder}", "{meeting: m2, holder: dan, proxy: d1, ballots: [{matter: q, choice: against}]}")+
			item("polls.close", "2004-06-29", ingrid, "{meeting: m2}"))
		rs = mustApply(t, svc, act("result.certify", "2004-06-30", ingrid, "{meeting: m2}"))
		if f := failedCheck(rs, "MB.vote.recount"); f != nil {
			t.Errorf("recount: %v", f)
		}
		bs, err := svc.MeetingBallots(context.Background(), "quintus", "m2")
		if err != nil || len(bs) != 2 || bs[1].Holder != "dan" || bs[1].Proxy != "d1" || !bs[1].Counted {
			t.Errorf("ballots at m2: %+v, %v", bs, err)
		}
		cr, err := svc.MeetingResult(context.Background(), "quintus", "m2")
		if err != nil || len(cr.Matters) != 1 || cr.Matters[0].Against != "100000" || cr.Matters[0].For != "400000" {
			t.Errorf("result of m2: %+v, %v", cr, err)
		}
		// Proxies lists d1 in force at m's adjourned session.
		ps, err := svc.Proxies(context.Background(), "quintus", mustDate(t, "2004-06-29"))
		if err != nil || len(ps) != 2 || ps[0].ID != "d1" || ps[0].Status != "in_force" {
			t.Errorf("proxies: %+v, %v", ps, err)
		}
	})
}

// TestAttendanceVotesRecorded: meeting.held records each attendee's votes
// at the record date (stockholder_attendance.votes, migration 0018) and
// the tally reads them (Dan, present without voting, adds his 100,000):
// a row changed behind the act path's back changes the tally. Rows
// recorded before 0018 (votes "") are read from the ledger: the same
// result.
func TestAttendanceVotesRecorded(t *testing.T) {
	t.Parallel()
	svc := withMeetingsF(t)
	certifiedMeeting(t, svc)
	mustApply(t, svc, ballot("alice", "alice", "", "{matter: q, choice: for}, {matter: dirs, candidates: [sam, uma]}")+
		ballot("bob", "bob", "", "{matter: q, choice: for}, {matter: dirs, candidates: [tess]}")+
		item("polls.close", "2004-06-15", ingrid, "{meeting: a}"))
	ctx := context.Background()
	want, err := svc.TallyMeeting(ctx, "quintus", "a")
	if err != nil || want.Present != "960000" {
		t.Fatalf("tally: %+v, %v; want 960,000 present", want, err)
	}
	st := svc.Store.(*sqlite.Store)
	var votes string
	if err := st.DB.W.QueryRow(`SELECT votes FROM stockholder_attendance WHERE meeting = 'a' AND holder = 'dan'`).Scan(&votes); err != nil || votes != "100000" {
		t.Fatalf("dan's recorded votes: %q, %v", votes, err)
	}
	if _, err := st.DB.W.Exec(`UPDATE stockholder_attendance SET votes = '1' WHERE holder = 'dan'`); err != nil {
		t.Fatal(err)
	}
	if got, err := svc.TallyMeeting(ctx, "quintus", "a"); err != nil || got.Present != "860001" {
		t.Errorf("with dan's votes changed to 1: %+v, %v; want 860,001 present", got, err)
	}
	if _, err := st.DB.W.Exec(`UPDATE stockholder_attendance SET votes = ''`); err != nil {
		t.Fatal(err)
	}
	got, err := svc.TallyMeeting(ctx, "quintus", "a")
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("from the ledger (votes \"\"):\n%+v, %v\nwant %+v", got, err, want)
	}
}
