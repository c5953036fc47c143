package acts_test

import (
	"context"
	"strings"
	"testing"

	"minutebook/internal/acts"
	"minutebook/internal/journal"
)

// boardBase is fixture F's board and officers (examples.md): whole board
// 5 (Pat chairman, Quinn vice chairman, Ray, Sam, Tess); President Ray;
// VPs Wendy (2000-01-05) and Victor (2000-01-10); Secretary Susan;
// Assistant Secretaries Alan (2000-01-05) and Abby (2000-01-07); Treasurer
// Tom; Assistant Treasurer Amy.
const boardBase = `
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: sam, name: Sam Rivera, kind: natural_person}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: tess, name: Tess Larsen, kind: natural_person}}
- {kind: board.size, effective: 1999-09-02, actor: {as: board}, fields: {size: 5, resolution: r}}
- {kind: director.elect, effective: 1999-09-02, actor: {as: stockholders}, fields: {person: pat, how: elected, source: s}}
- {kind: director.elect, effective: 1999-09-02, actor: {as: stockholders}, fields: {person: quinn, how: elected, source: s}}
- {kind: director.elect, effective: 1999-09-02, actor: {as: stockholders}, fields: {person: ray, how: elected, source: s}}
- {kind: director.elect, effective: 1999-09-02, actor: {as: stockholders}, fields: {person: sam, how: elected, source: s}}
- {kind: director.elect, effective: 1999-09-02, actor: {as: stockholders}, fields: {person: tess, how: elected, source: s}}
- {kind: officer.elect, effective: 1999-09-02, actor: {as: board}, fields: {office: chairman, person: pat, resolution: r}}
- {kind: officer.elect, effective: 1999-09-02, actor: {as: board}, fields: {office: vice_chairman, person: quinn, resolution: r}}
- {kind: officer.elect, effective: 1999-09-02, actor: {as: board}, fields: {office: president, person: ray, resolution: r}}
- {kind: officer.elect, effective: 1999-09-02, actor: {as: board}, fields: {office: secretary, person: susan, resolution: r}}
- {kind: officer.elect, effective: 1999-09-02, actor: {as: board}, fields: {office: treasurer, person: tom, resolution: r}}
- {kind: officer.elect, effective: 1999-09-02, actor: {as: board}, fields: {office: assistant_treasurer, person: amy, resolution: r}}
- {kind: officer.elect, effective: 2000-01-05, actor: {as: board}, fields: {office: vice_president, person: wendy, resolution: r}}
- {kind: officer.elect, effective: 2000-01-05, actor: {as: board}, fields: {office: assistant_secretary, person: alan, resolution: r}}
- {kind: officer.elect, effective: 2000-01-07, actor: {as: board}, fields: {office: assistant_secretary, person: abby, resolution: r}}
- {kind: officer.elect, effective: 2000-01-10, actor: {as: board}, fields: {office: vice_president, person: victor, resolution: r}}
`

func withBoard(t *testing.T) *acts.Service {
	t.Helper()
	svc, _ := newService(t)
	apply(t, svc, ledgerBase, acts.Options{})
	for _, r := range apply(t, svc, boardBase, acts.Options{}) {
		if r.Status != acts.Recorded {
			t.Fatalf("board set-up: %s %s %+v", r.Kind, r.Status, r.Checks)
		}
	}
	return svc
}

// TestActingOfficer works S73: President Ray is absent; (a) with no
// designation Wendy acts (elected 2000-01-05, before Victor); (b) with the
// board's order "Victor, then Wendy", Victor acts.
func TestActingOfficer(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	ctx := context.Background()
	on := mustDate(t, "2004-06-15")
	who, rule, err := svc.Acting(ctx, "quintus", "president", on, []string{"ray"})
	if err != nil || who != "wendy" || rule != "V.10.vp_succession" {
		t.Errorf("(a) acting president = %s (%s), %v; want wendy", who, rule, err)
	}
	if who, _, _ := svc.Acting(ctx, "quintus", "president", on, nil); who != "ray" {
		t.Errorf("with Ray present: %s", who)
	}
	if who, _, _ := svc.Acting(ctx, "quintus", "secretary", on, []string{"susan"}); who != "alan" {
		t.Errorf("acting secretary = %s, want alan (elected 2000-01-05)", who)
	}
	if who, _, _ := svc.Acting(ctx, "quintus", "president", on, []string{"ray", "wendy"}); who != "victor" {
		t.Errorf("Ray and Wendy absent: %s, want victor", who)
	}
	// (b) The board designates the order Victor, then Wendy.
	apply(t, svc, `
- {kind: officer.end, effective: 2004-06-01, actor: {as: board}, fields: {office: vice_president, person: victor, why: removal, source: r}}
- {kind: officer.end, effective: 2004-06-01, actor: {as: board}, fields: {office: vice_president, person: wendy, why: removal, source: r}}
- {kind: officer.elect, effective: 2004-06-01, actor: {as: board}, fields: {office: vice_president, person: victor, rank: 1, resolution: r}}
- {kind: officer.elect, effective: 2004-06-01, actor: {as: board}, fields: {office: vice_president, person: wendy, rank: 2, resolution: r}}
`, acts.Options{})
	if who, _, _ := svc.Acting(ctx, "quintus", "president", on, []string{"ray"}); who != "victor" {
		t.Errorf("(b) acting president = %s, want victor", who)
	}
}

func TestChairMustBeDirector(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	rs := apply(t, svc, `[{kind: officer.elect, effective: 2004-06-01, actor: {as: board}, fields: {office: chairman, person: susan, resolution: r}}]`, acts.Options{DryRun: true})
	if c := findCheck(rs, "V.1.chair_from_board"); rs[0].Status != acts.Refused || c == nil || c.Outcome != journal.Failed {
		t.Errorf("a non-director elected chairman: %s %+v", rs[0].Status, c)
	}
	// A chairman who stops being a director loses the chair (A-CHAIR).
	rs = apply(t, svc, `[{kind: director.end, effective: 2004-06-01, actor: {as: secretary}, fields: {person: pat, why: resignation, source: letter}}]`, acts.Options{})
	if c := findCheck(rs, "V.1.chair_from_board"); c == nil || c.Outcome != journal.Warned {
		t.Errorf("A-CHAIR flag: %+v", c)
	}
	ts, err := svc.OfficersOn(context.Background(), "quintus", mustDate(t, "2004-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range ts {
		if x.Office == "chairman" {
			t.Errorf("chairman on 2004-06-01: %s", x.Person)
		}
	}
	// No vacancy: a sixth director is refused; an organisation cannot be a director.
	rs = apply(t, svc, `[{kind: director.elect, effective: 2004-06-02, actor: {as: stockholders}, fields: {person: pat, how: elected, source: s}}, {kind: director.elect, effective: 2004-06-02, actor: {as: stockholders}, fields: {person: susan, how: elected, source: s}}]`, acts.Options{})
	if rs[0].Status != acts.Recorded || rs[1].Status != acts.Refused || findCheck(rs[1:], "III.1.board_size") == nil {
		t.Errorf("refilling then overfilling the board: %s, %s", rs[0].Status, rs[1].Status)
	}
}

// TestSignersAgainstRegister: once officers are recorded, a certificate's
// signers must hold the offices they sign in (S82 with the register).
func TestSignersAgainstRegister(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	ok := `[{kind: stock.issue, effective: 2004-06-15, actor: {as: secretary}, fields: {class: common, holder: alice, shares: "1", consideration: "1", resolution: r, signers: [{person: ray, office: president}, {person: susan, office: secretary}]}}]`
	if rs := apply(t, svc, ok, acts.Options{DryRun: true}); rs[0].Status != acts.Checked {
		t.Errorf("Ray (president) and Susan (secretary): %s %v", rs[0].Status, failed(rs))
	}
	wrong := strings.Replace(ok, "{person: ray, office: president}", "{person: tom, office: president}", 1)
	rs := apply(t, svc, wrong, acts.Options{DryRun: true})
	found := false
	for _, c := range rs[0].Checks {
		found = found || (c.Rule == "VI.1.certificate_signers" && c.Outcome == journal.Failed && strings.Contains(c.Message, "tom does not hold the office of president on 2004-06-15"))
	}
	if rs[0].Status != acts.Refused || !found {
		t.Errorf("Tom signing as president: %s %+v", rs[0].Status, rs[0].Checks)
	}
}

// TestOfficerExemption: a transfer to an officer or director is exempt from
// the ROFR (Art. VIII §1(f)(3)).
func TestOfficerExemption(t *testing.T) {
	t.Parallel()
	svc := withBoard(t)
	apply(t, svc, "["+issue("2004-06-15", "alice", "1000", "")+"]", acts.Options{})
	rs := apply(t, svc, transfer("2004-07-01", "alice", "tom", "1", "10", ""), acts.Options{DryRun: true})
	if c := findCheck(rs, "VIII.1.f.3.officer_director"); rs[0].Status != acts.Checked || c == nil {
		t.Errorf("transfer to the treasurer: %s %v", rs[0].Status, failed(rs))
	}
}
