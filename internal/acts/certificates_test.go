package acts_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"minutebook/internal/acts"
	"minutebook/internal/journal"
	"minutebook/internal/postgres"
	"minutebook/internal/sqlite"
	"minutebook/internal/tables"
	"minutebook/internal/testdb"
)

// failedCheck returns the first failed check of rule in rs, or nil.
func failedCheck(rs []acts.Result, rule string) *journal.Check {
	for _, r := range rs {
		for i := range r.Checks {
			if r.Checks[i].Rule == rule && r.Checks[i].Outcome == journal.Failed {
				return &r.Checks[i]
			}
		}
	}
	return nil
}

// mustRecord applies src and fails the test unless every act is recorded.
func mustRecord(t *testing.T, svc *acts.Service, src string) []acts.Result {
	t.Helper()
	rs := apply(t, svc, src, acts.Options{})
	for _, r := range rs {
		if r.Status != acts.Recorded {
			t.Fatalf("%s %s: %s %v", r.Kind, r.Effective, r.Status, r.Checks)
		}
	}
	return rs
}

// certificate returns certificate n.
func certificate(t *testing.T, svc *acts.Service, n int64) acts.Certificate {
	t.Helper()
	cs, err := svc.Certificates(context.Background(), "quintus", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Number == n {
			return c
		}
	}
	t.Fatalf("no certificate %d", n)
	return acts.Certificate{}
}

// eveLedger is the ledger of withLedger plus Eve with 40,000 shares on
// certificate 3 (examples.md S86).
func eveLedger(t *testing.T) (*acts.Service, *sqlite.Store) {
	t.Helper()
	svc, st := newService(t)
	apply(t, svc, ledgerBase, acts.Options{})
	mustRecord(t, svc, `
- {kind: person.add, effective: 2000-01-01, actor: {as: secretary}, fields: {id: eve, name: Eve Evans, kind: natural_person}}
- `+issue("2000-01-10", "alice", "400000", "")+`
- `+issue("2000-01-10", "bob", "260000", "")+`
- `+issue("2000-01-10", "eve", "40000", ""))
	return svc, st
}

const (
	eveAffidavit = `{kind: certificate.lost_affidavit, effective: 2004-03-01, actor: {person: eve, as: holder}, fields: {certificate: 3, claimant: eve, cause: destroyed, circumstances: "destroyed in a house fire on 2004-02-10"}}`
	boardDirects = `{kind: certificate.replace_directed, effective: 2004-03-10, actor: {as: board}, fields: {certificate: 3, resolution: "Board resolution 2004-03-10 #4", bond: "50000"}}`
	replaceEve   = `{kind: certificate.replace, effective: %s, actor: {person: susan, as: secretary}, fields: {certificate: 3, signers: [{person: ray, office: president}, {person: susan, office: secretary}]}}`
)

// TestLostCertificateS86 works example S86 of examples.md: Eve says her
// 40,000-share certificate was destroyed in a fire (Art. VI §3; DGCL §167).
func TestLostCertificateS86(t *testing.T) {
	t.Parallel()
	svc, _ := eveLedger(t)

	// (a) A replacement without an affidavit is refused, whether the board
	// is asked to direct one or the secretary to issue one.
	for name, act := range map[string]string{
		"direction": boardDirects,
		"issue":     fmt.Sprintf(replaceEve, "2004-03-10"),
	} {
		rs := apply(t, svc, "["+act+"]", acts.Options{DryRun: true})
		c := failedCheck(rs, "VI.3.lost_certificate")
		if rs[0].Status != acts.Refused || c == nil || !strings.Contains(c.Message, "affidavit") || !strings.Contains(c.Citation, "Art. VI §3") {
			t.Errorf("(a) %s without an affidavit: %s %+v", name, rs[0].Status, c)
		}
	}

	// (b) Eve gives an affidavit; the certificate is lost from then on.
	mustRecord(t, svc, "["+eveAffidavit+"]")
	if c := certificate(t, svc, 3); c.Status != acts.CertLost {
		t.Fatalf("after the affidavit: certificate 3 is %s, want lost", c.Status)
	}

	// (c) Treasurer Tom directs the replacement on his own: refused under
	// Art. VI §3, only the board may (and so in every other capacity).
	for _, as := range []string{"treasurer", "president", "secretary", "assistant_secretary", "director", "transfer_agent", "holder"} {
		act := strings.Replace(boardDirects, "actor: {as: board}", "actor: {person: tom, as: "+as+"}", 1)
		rs := apply(t, svc, "["+act+"]", acts.Options{DryRun: true})
		c := failedCheck(rs, "VI.3.lost_certificate")
		if rs[0].Status != acts.Refused || c == nil || !strings.Contains(c.Message, "allowed: board") {
			t.Errorf("(c) Tom as %s directs: %s %+v", as, rs[0].Status, c)
		}
	}

	// (b) The board directs issuance on condition of a $50,000 bond.
	mustRecord(t, svc, "["+boardDirects+"]")
	// No bond yet: PENDING, the replacement is refused.
	rs := apply(t, svc, fmt.Sprintf("["+replaceEve+"]", "2004-03-15"), acts.Options{DryRun: true})
	c := failedCheck(rs, "VI.3.lost_certificate")
	if rs[0].Status != acts.Refused || c == nil || !strings.HasPrefix(c.Message, "pending: ") || !strings.Contains(c.Message, "$50,000") {
		t.Fatalf("(b) before the bond: %s %+v", rs[0].Status, c)
	}
	if fmt.Sprint(c.Numbers) != fmt.Sprint([]journal.Number{{Name: "bond_required", Value: "50000"}, {Name: "bond_delivered", Value: "none"}}) {
		t.Errorf("(b) numbers = %v", c.Numbers)
	}
	// A smaller bond does not meet the condition.
	rs = apply(t, svc, `[{kind: certificate.bond_posted, effective: 2004-03-20, actor: {person: susan, as: secretary}, fields: {certificate: 3, amount: "49999.99"}}]`, acts.Options{})
	if c := failedCheck(rs, "VI.3.lost_certificate"); rs[0].Status != acts.Refused || c == nil || !strings.Contains(c.Message, "less than the $50,000") {
		t.Errorf("a $49,999.99 bond: %s %+v", rs[0].Status, c)
	}
	mustRecord(t, svc, `[{kind: certificate.bond_posted, effective: 2004-03-20, actor: {person: susan, as: secretary}, fields: {certificate: 3, amount: "50000", surety: "Fidelity Surety Co."}}]`)
	// Then ALLOWED.
	rs = mustRecord(t, svc, fmt.Sprintf("["+replaceEve+"]", "2004-03-21"))
	if h := findCheck(rs, "VI.3.lost_certificate"); h == nil || h.Outcome != journal.Held || !strings.Contains(h.Message, "bond of $50,000 delivered 2004-03-20") {
		t.Errorf("(b) after the bond: %+v", h)
	}
	old, repl := certificate(t, svc, 3), certificate(t, svc, 4)
	if old.Status != acts.CertReplaced {
		t.Errorf("old certificate: %s, want replaced", old.Status)
	}
	if repl.Status != acts.CertOutstanding || repl.Holder != "eve" || repl.Class != "common" || repl.Shares.String() != "40000" ||
		repl.Origin != acts.OriginReplacement || repl.Acquired != old.Acquired || repl.Issued.String() != "2004-03-21" || len(repl.Signers) != 2 {
		t.Errorf("replacement = %+v", repl)
	}
	// Eve's holding is unchanged.
	ct, err := svc.Holdings(context.Background(), "quintus", mustDate(t, "2004-03-21"))
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range ct.Holdings {
		if h.Holder.ID == "eve" && h.Shares.String() != "40000" {
			t.Errorf("Eve holds %s after the replacement", h.Shares)
		}
	}
	// A second replacement is refused.
	rs = apply(t, svc, fmt.Sprintf("["+replaceEve+"]", "2004-03-22"), acts.Options{DryRun: true})
	if c := failedCheck(rs, "VI.3.lost_certificate"); c == nil || !strings.Contains(c.Message, "already replaced by certificate 4") {
		t.Errorf("second replacement: %+v", c)
	}
	// The old certificate presented later is refused: for transfer, and for
	// repurchase (flagged under Art. VI §3).
	rs = apply(t, svc, transfer("2004-06-01", "eve", "bob", "3", "100", ""), acts.Options{DryRun: true})
	if rs[0].Status != acts.Refused {
		t.Errorf("transfer of the replaced certificate: %s", rs[0].Status)
	}
	rs = apply(t, svc, repurchase("2004-06-01", "eve", "3", "100", ""), acts.Options{DryRun: true})
	if c := failedCheck(rs, "VI.3.lost_certificate"); rs[0].Status != acts.Refused || c == nil || !strings.Contains(c.Message, "flag its presentation") {
		t.Errorf("repurchase of the replaced certificate: %s %+v", rs[0].Status, c)
	}
	// The replacement transfers normally.
	if rs := apply(t, svc, transfer("2004-06-01", "eve", "bob", "4", "100", ""), acts.Options{DryRun: true}); rs[0].Status != acts.Checked {
		t.Errorf("transfer of the replacement: %s %v", rs[0].Status, failed(rs))
	}
	rep, err := svc.Verify(context.Background(), "quintus", acts.VerifyOptions{})
	if err != nil || !rep.OK {
		t.Fatalf("verify: %+v %v", rep, err)
	}
}

// TestLostCertificateConditions: the affidavit's claimant, the lost
// certificate refused in transfer, and an advertisement as a condition.
func TestLostCertificateConditions(t *testing.T) {
	t.Parallel()
	svc, _ := eveLedger(t)
	mustRecord(t, svc, `[{kind: stock.issue, effective: 2000-01-10, actor: {as: secretary}, fields: {class: units, holder: alice, shares: "2", consideration: "0", resolution: r, certificated: false}}]`)
	cases := []struct {
		name, fields string
		rule         string
		outcome      journal.Outcome
	}{
		{"a stranger's affidavit", `{certificate: 3, claimant: bob, cause: lost, circumstances: "mislaid"}`, "VI.7.registered_holder", journal.Failed},
		{"a legal representative", `{certificate: 3, claimant: bob, legal_representative: true, cause: lost, circumstances: "mislaid by the estate"}`, "VI.3.lost_certificate", journal.Warned},
		{"no such certificate", `{certificate: 99, claimant: eve, cause: lost, circumstances: "mislaid"}`, "VI.3.lost_certificate", journal.Failed},
		{"an uncertificated position", `{certificate: 4, claimant: alice, cause: lost, circumstances: "mislaid"}`, "VI.3.lost_certificate", journal.Failed},
	}
	for _, c := range cases {
		rs := apply(t, svc, `[{kind: certificate.lost_affidavit, effective: 2004-03-01, actor: {person: susan, as: secretary}, fields: `+c.fields+`}]`, acts.Options{DryRun: true})
		found := false
		for _, ch := range rs[0].Checks {
			found = found || (ch.Rule == c.rule && ch.Outcome == c.outcome)
		}
		if !found {
			t.Errorf("%s: no %s check %s in %+v", c.name, c.outcome, c.rule, rs[0].Checks)
		}
	}
	// Eve may swear only her own affidavit when she acts as holder.
	rs := apply(t, svc, `[{kind: certificate.lost_affidavit, effective: 2004-03-01, actor: {person: bob, as: holder}, fields: {certificate: 3, claimant: eve, cause: lost, circumstances: "x"}}]`, acts.Options{DryRun: true})
	if c := failedCheck(rs, "VI.3.lost_certificate"); c == nil || !strings.Contains(c.Message, "made by the person claiming the loss") {
		t.Errorf("affidavit acted by another holder: %+v", c)
	}

	mustRecord(t, svc, "["+eveAffidavit+"]")
	// A lost certificate is refused in transfer, under Art. VI §3.
	rs = apply(t, svc, transfer("2004-03-05", "eve", "bob", "3", "100", ""), acts.Options{DryRun: true})
	if c := failedCheck(rs, "VI.3.lost_certificate"); rs[0].Status != acts.Refused || c == nil {
		t.Errorf("transfer of a lost certificate: %s %v", rs[0].Status, failed(rs))
	}
	// A second affidavit is refused.
	if rs := apply(t, svc, "["+strings.Replace(eveAffidavit, "2004-03-01", "2004-03-05", 1)+"]", acts.Options{DryRun: true}); failedCheck(rs, "VI.3.lost_certificate") == nil {
		t.Error("second affidavit recorded")
	}
	// Direction with an advertisement and no bond: pending until advertised.
	mustRecord(t, svc, `[{kind: certificate.replace_directed, effective: 2004-03-10, actor: {as: board}, fields: {certificate: 3, resolution: r, advertisement: "twice in a Fremont newspaper"}}]`)
	if rs := apply(t, svc, `[{kind: certificate.bond_posted, effective: 2004-03-11, actor: {as: secretary}, fields: {certificate: 3, amount: "1"}}]`, acts.Options{DryRun: true}); failedCheck(rs, "VI.3.lost_certificate") == nil {
		t.Error("a bond no direction required was recorded")
	}
	if rs := apply(t, svc, "["+strings.Replace(boardDirects, "2004-03-10", "2004-03-11", 1)+"]", acts.Options{DryRun: true}); failedCheck(rs, "VI.3.lost_certificate") == nil {
		t.Error("a second direction was recorded")
	}
	rs = apply(t, svc, fmt.Sprintf("["+replaceEve+"]", "2004-03-12"), acts.Options{DryRun: true})
	if c := failedCheck(rs, "VI.3.lost_certificate"); c == nil || !strings.Contains(c.Message, "pending: ") || !strings.Contains(c.Message, "advertisement") {
		t.Errorf("replacement before the advertisement: %+v", c)
	}
	mustRecord(t, svc, `[{kind: certificate.advertised, effective: 2004-03-25, actor: {as: secretary}, fields: {certificate: 3, publication: "The Argus, 2004-03-18 and 2004-03-25"}}]`)
	// Signers still follow Art. VI §1.
	bad := strings.Replace(fmt.Sprintf(replaceEve, "2004-03-26"), "office: secretary", "office: vice_president", 1)
	if rs := apply(t, svc, "["+bad+"]", acts.Options{DryRun: true}); failedCheck(rs, "VI.1.certificate_signers") == nil {
		t.Errorf("replacement signed by two group-A officers: %s", rs[0].Status)
	}
	mustRecord(t, svc, fmt.Sprintf("["+replaceEve+"]", "2004-03-26"))
}

func repurchase(date, holder, certs, shares, extra string) string {
	return fmt.Sprintf(`[{kind: stock.repurchase, effective: %s, actor: {as: secretary}, fields: {holder: %s, certificates: [%s], shares: "%s", price: "1000", resolution: r, signers: [{person: ray, office: president}, {person: susan, office: secretary}]%s}}]`,
		date, holder, certs, shares, extra)
}

// ledgerTotals reads a class's issued and treasury units, the sum of the
// holdings and of the live certificates.
func ledgerTotals(t interface {
	Helper()
	Fatal(...any)
}, st *sqlite.Store, class string) (issued, treasury, holdings, live int64) {
	t.Helper()
	err := st.View(context.Background(), "quintus", func(v tables.View) error {
		if row, ok, err := v.Get(tables.ClassTotals, class); err != nil {
			return err
		} else if ok {
			issued, treasury = row[1].(int64), row[2].(int64)
		}
		if err := v.Scan(tables.Holdings, nil, func(r tables.Row) error {
			if r[1].(string) == class {
				holdings += r[2].(int64)
			}
			return nil
		}); err != nil {
			return err
		}
		return v.Scan(tables.Certificates, nil, func(r tables.Row) error {
			if r[1].(string) == class && r[5].(string) == acts.CertOutstanding {
				live += r[3].(int64)
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return
}

// TestRepurchaseRetire: repurchased shares go to treasury, where they are
// issued but not outstanding and never vote; retirement cancels them.
func TestRepurchaseRetire(t *testing.T) {
	t.Parallel()
	svc, st := eveLedger(t) // alice 400,000 (1), bob 260,000 (2), eve 40,000 (3); issued 700,000
	check := func(when string, wantIssued, wantTreasury int64) {
		t.Helper()
		issued, treasury, holdings, live := ledgerTotals(t, st, "common")
		if issued != wantIssued || treasury != wantTreasury || holdings+treasury != issued || live != holdings || issued > 1050000 {
			t.Errorf("%s: issued %d (want %d), treasury %d (want %d), holdings %d, live certificates %d", when, issued, wantIssued, treasury, wantTreasury, holdings, live)
		}
	}
	check("start", 700000, 0)

	for _, c := range []struct{ name, act, rule string }{
		{"more than the certificates", repurchase("2004-09-01", "alice", "1", "400001", ""), "MB.stock.repurchase"},
		{"another holder's certificate", repurchase("2004-09-01", "alice", "2", "10", ""), "VI.7.registered_holder"},
		{"no such certificate", repurchase("2004-09-01", "alice", "9", "10", ""), "MB.stock.repurchase"},
		{"zero shares", repurchase("2004-09-01", "alice", "1", "0", ""), "MB.stock.quantity"},
		{"a certificate twice", repurchase("2004-09-01", "alice", "1, 1", "10", ""), "MB.stock.repurchase"},
	} {
		rs := apply(t, svc, c.act, acts.Options{DryRun: true})
		if rs[0].Status != acts.Refused || failedCheck(rs, c.rule) == nil {
			t.Errorf("%s: %s %v, want %s failed", c.name, rs[0].Status, failed(rs), c.rule)
		}
	}

	rs := mustRecord(t, svc, repurchase("2004-09-01", "alice", "1", "100000", ""))
	h := findCheck(rs, "MB.stock.repurchase")
	want := []journal.Number{{Name: "issued", Value: "700000"}, {Name: "outstanding_after", Value: "600000"}, {Name: "treasury_after", Value: "100000"}, {Name: "price", Value: "1000"}}
	if h == nil || fmt.Sprint(h.Numbers) != fmt.Sprint(want) || !strings.Contains(h.Citation, "DGCL §160") {
		t.Errorf("repurchase check = %+v", h)
	}
	check("after the repurchase", 700000, 100000)
	if c := certificate(t, svc, 1); c.Status != acts.CertCancelled {
		t.Errorf("certificate 1 is %s", c.Status)
	}
	if c := certificate(t, svc, 4); c.Holder != "alice" || c.Shares.String() != "300000" || c.Origin != acts.OriginRepurchase || c.Acquired.String() != "2000-01-10" {
		t.Errorf("balance certificate = %+v", c)
	}
	// Treasury shares are not outstanding and never vote.
	ct, err := svc.Holdings(context.Background(), "quintus", mustDate(t, "2004-09-01"))
	if err != nil {
		t.Fatal(err)
	}
	if ct.Classes[0].Outstanding.String() != "600000" || ct.Votes.String() != "600000" {
		t.Errorf("cap table: outstanding %s, votes %s; want 600000 (treasury excluded)", ct.Classes[0].Outstanding, ct.Votes)
	}
	// The day before, the shares were still Alice's.
	if ct, _ := svc.Holdings(context.Background(), "quintus", mustDate(t, "2004-08-31")); ct.Classes[0].Outstanding.String() != "700000" {
		t.Errorf("outstanding on 2004-08-31 = %s", ct.Classes[0].Outstanding)
	}

	// The whole of a certificate: no balance certificate, no signers needed.
	mustRecord(t, svc, `[{kind: stock.repurchase, effective: 2004-09-02, actor: {as: secretary}, fields: {holder: eve, certificates: [3], shares: "40000", price: "0", resolution: r}}]`)
	check("after Eve's", 700000, 140000)

	// Retire: at most the treasury.
	rs = apply(t, svc, `[{kind: stock.retire, effective: 2004-12-01, actor: {as: board}, fields: {class: common, shares: "140001", resolution: r}}]`, acts.Options{DryRun: true})
	if c := failedCheck(rs, "MB.stock.retire"); c == nil || !strings.Contains(c.Message, "only 140,000 common shares are held in treasury") {
		t.Errorf("retire beyond treasury: %+v", c)
	}
	mustRecord(t, svc, `[{kind: stock.retire, effective: 2004-12-01, actor: {as: board}, fields: {class: common, shares: "60000", resolution: r}}]`)
	check("after retiring 60,000", 640000, 80000)
	// Reissue from treasury, then issue up to the authorized shares again.
	mustRecord(t, svc, "["+issue("2004-12-02", "bob", "80000", ", from_treasury: true")+"]")
	check("after reissue", 640000, 0)
	mustRecord(t, svc, "["+issue("2004-12-03", "bob", "410000", "")+"]")
	check("up to authorized", 1050000, 0)
	if rs := apply(t, svc, "["+issue("2004-12-04", "bob", "1", "")+"]", acts.Options{DryRun: true}); failedCheck(rs, "MB.stock.authorized") == nil {
		t.Error("issue beyond authorized after retirement")
	}
	rep, err := svc.Verify(context.Background(), "quintus", acts.VerifyOptions{})
	if err != nil || !rep.OK {
		t.Fatalf("verify: %+v %v", rep, err)
	}
}

// TestTreasuryInvariants is a property test over random issues,
// repurchases, retirements and reissues from treasury: outstanding +
// treasury = issued ≤ authorized, the live certificates hold the
// outstanding shares, the cap table's outstanding excludes treasury, and
// the journal replays to the same tables.
func TestTreasuryInvariants(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(rt *rapid.T) {
		svc, st := newService(t)
		apply(t, svc, ledgerBase, acts.Options{})
		holders := []string{"alice", "bob", "ray"}
		n := rapid.IntRange(1, 14).Draw(rt, "n")
		for i := 1; i <= n; i++ {
			date := fmt.Sprintf("2006-%02d-%02d", 1+i/28, 1+i%28)
			var act string
			switch rapid.IntRange(0, 3).Draw(rt, "op") {
			case 0:
				act = "[" + issue(date, rapid.SampledFrom(holders).Draw(rt, "holder"), rapid.SampledFrom([]string{"1", "1000", "300000", "800000"}).Draw(rt, "shares"), "") + "]"
			case 1:
				act = "[" + issue(date, rapid.SampledFrom(holders).Draw(rt, "holder"), rapid.SampledFrom([]string{"1", "500", "100000"}).Draw(rt, "shares"), ", from_treasury: true") + "]"
			case 2:
				cs, err := svc.Certificates(context.Background(), "quintus", "")
				if err != nil {
					rt.Fatal(err)
				}
				var live []acts.Certificate
				for _, c := range cs {
					if c.Status == acts.CertOutstanding {
						live = append(live, c)
					}
				}
				if len(live) == 0 {
					continue
				}
				c := rapid.SampledFrom(live).Draw(rt, "cert")
				n, _ := c.Shares.Int64()
				act = repurchase(date, c.Holder, fmt.Sprint(c.Number), fmt.Sprint(rapid.Int64Range(1, n+1).Draw(rt, "rshares")), "")
			case 3:
				act = fmt.Sprintf(`[{kind: stock.retire, effective: %s, actor: {as: board}, fields: {class: common, shares: "%s", resolution: r}}]`, date,
					rapid.SampledFrom([]string{"1", "500", "100000"}).Draw(rt, "retire"))
			}
			apply(t, svc, act, acts.Options{})
			issued, treasury, holdings, live := ledgerTotals(rt, st, "common")
			if holdings+treasury != issued || live != holdings || issued > 1050000 || treasury < 0 {
				rt.Fatalf("after %s: issued %d, treasury %d, holdings %d, live %d", act, issued, treasury, holdings, live)
			}
			ct, err := svc.Holdings(context.Background(), "quintus", mustDate(t, date))
			if err != nil {
				rt.Fatal(err)
			}
			if out, _ := ct.Classes[0].Outstanding.Int64(); out != issued-treasury {
				rt.Fatalf("cap table outstanding %d, issued %d − treasury %d", out, issued, treasury)
			}
		}
		rep, err := svc.Verify(context.Background(), "quintus", acts.VerifyOptions{})
		if err != nil || !rep.OK {
			rt.Fatalf("verify: %+v %v", rep, err)
		}
	})
}

// TestCallsAndPayments: calls on partly paid shares and payments against
// them (Art. VI §1, §7; DGCL §156, §163).
func TestCallsAndPayments(t *testing.T) {
	t.Parallel()
	svc, _ := eveLedger(t)
	// Certificate 4: 1,000 shares to Alice for $10,000, $4,000 paid.
	mustRecord(t, svc, "["+strings.Replace(issue("2004-01-05", "alice", "1000", `, paid: "4000"`), `consideration: "1000"`, `consideration: "10000"`, 1)+"]")
	call := func(date, items, due string) string {
		return fmt.Sprintf(`[{kind: stock.call, effective: %s, actor: {as: board}, fields: {calls: [%s], due: %s, resolution: r}}]`, date, items, due)
	}
	pay := func(date, cert, amount, extra string) string {
		return fmt.Sprintf(`[{kind: stock.payment, effective: %s, actor: {as: secretary}, fields: {certificate: %s, amount: "%s"%s}}]`, date, cert, amount, extra)
	}
	refused := []struct{ name, act, rule, msg string }{
		{"a call on fully paid shares", call("2004-02-01", "{certificate: 1}", "2004-03-01"), "MB.stock.call", "fully paid"},
		{"a call beyond the unpaid consideration", call("2004-02-01", `{certificate: 4, amount: "6000.01"}`, "2004-03-01"), "MB.stock.call", "exceeds its unpaid consideration not yet called, $6,000"},
		{"due before the call", call("2004-02-01", "{certificate: 4}", "2004-01-31"), "MB.stock.call", "before the call"},
		{"a negative call", call("2004-02-01", `{certificate: 4, amount: "-1"}`, "2004-03-01"), "MB.stock.call", "must be positive"},
		{"by the secretary", strings.Replace(call("2004-02-01", "{certificate: 4}", "2004-03-01"), "{as: board}", "{as: secretary}", 1), "MB.actor.capacity", "allowed: board"},
		{"an overpayment", pay("2004-02-01", "4", "6000.01", ""), "VI.1.partly_paid", "more than its total consideration of $10,000; at most $6,000 is payable"},
		{"a payment on fully paid shares", pay("2004-02-01", "1", "1", ""), "VI.1.partly_paid", "fully paid"},
		{"a zero payment", pay("2004-02-01", "4", "0", ""), "MB.stock.payment", "must be positive"},
	}
	for _, c := range refused {
		rs := apply(t, svc, c.act, acts.Options{DryRun: true})
		if ch := failedCheck(rs, c.rule); rs[0].Status != acts.Refused || ch == nil || !strings.Contains(ch.Message, c.msg) {
			t.Errorf("%s: %s %+v, want %s failed with %q", c.name, rs[0].Status, ch, c.rule, c.msg)
		}
	}
	// A call of $3,000 due 2004-03-01 falls on the registered holder.
	rs := mustRecord(t, svc, call("2004-02-01", `{certificate: 4, amount: "3000"}`, "2004-03-01"))
	if h := findCheck(rs, "VI.7.registered_holder"); h == nil || !strings.Contains(h.Message, "alice, the registered holder of certificate 4") {
		t.Errorf("call's holder check: %+v", h)
	}
	// The rest, $3,000, may still be called; no more.
	rs = apply(t, svc, call("2004-02-02", `{certificate: 4, amount: "3000.01"}`, "2004-03-01"), acts.Options{DryRun: true})
	if c := failedCheck(rs, "MB.stock.call"); c == nil || !strings.Contains(c.Message, "$3,000 (consideration $10,000, paid $4,000, called and unpaid $3,000)") {
		t.Errorf("second call beyond the rest: %+v", c)
	}
	mustRecord(t, svc, call("2004-02-02", "{certificate: 4}", "2004-04-01")) // the rest: $3,000
	if rs := apply(t, svc, call("2004-02-03", "{certificate: 4}", "2004-04-01"), acts.Options{DryRun: true}); failedCheck(rs, "MB.stock.call") == nil {
		t.Error("a call on shares already called in full")
	}
	// Both calls are on the calendar.
	ds, err := svc.Calendar(context.Background(), "quintus", mustDate(t, "2004-03-01"), mustDate(t, "2004-04-01"))
	if err != nil {
		t.Fatal(err)
	}
	var due []string
	for _, d := range ds {
		if strings.Contains(d.Title, "falls due") {
			due = append(due, d.Date.String()+" "+d.Detail)
		}
	}
	if got := strings.Join(due, "; "); got != "2004-03-01 $3,000 of $3,000 unpaid, payable by alice, the registered holder; 2004-04-01 $3,000 of $3,000 unpaid, payable by alice, the registered holder" {
		t.Errorf("calendar = %s", got)
	}
	// A payment by someone else is credited, with a warning (Art. VI §7).
	rs = mustRecord(t, svc, pay("2004-02-20", "4", "3500", ", payer: bob"))
	if w := findCheck(rs, "VI.7.registered_holder"); w == nil || w.Outcome != journal.Warned {
		t.Errorf("payment by another: %+v", w)
	}
	ds, _ = svc.Calendar(context.Background(), "quintus", mustDate(t, "2004-03-01"), mustDate(t, "2004-04-01"))
	due = nil
	for _, d := range ds {
		if strings.Contains(d.Title, "falls due") {
			due = append(due, d.Date.String()+" "+d.Detail)
		}
	}
	if got := strings.Join(due, "; "); got != "2004-04-01 $2,500 of $3,000 unpaid, payable by alice, the registered holder" {
		t.Errorf("calendar after $3,500 = %s", got)
	}
	// Exactly paid up: $2,500 more is allowed, and the certificate is fully paid.
	rs = mustRecord(t, svc, pay("2004-03-15", "4", "2500", ""))
	if h := findCheck(rs, "VI.1.partly_paid"); h == nil || h.Outcome != journal.Held || !strings.Contains(h.Message, "now fully paid: $10,000 of $10,000") {
		t.Errorf("paid up: %+v", h)
	}
	if c := certificate(t, svc, 4); c.Paid.String() != "10000" || c.Consideration.String() != "10000" {
		t.Errorf("certificate 4 paid %s of %s", c.Paid, c.Consideration)
	}
	if rs := apply(t, svc, pay("2004-03-16", "4", "0.01", ""), acts.Options{DryRun: true}); failedCheck(rs, "VI.1.partly_paid") == nil {
		t.Error("a payment beyond the consideration was allowed")
	}
	rep, err := svc.Verify(context.Background(), "quintus", acts.VerifyOptions{})
	if err != nil || !rep.OK {
		t.Fatalf("verify: %+v %v", rep, err)
	}
}

// certificatesStory exercises every table of this capability: a lost
// certificate replaced, a call paid in part, a repurchase and a retirement.
const certificatesStory = `
- {kind: certificate.lost_affidavit, effective: 2004-03-01, actor: {person: bob, as: holder}, fields: {certificate: 2, claimant: bob, cause: stolen, circumstances: "stolen from a car"}}
- {kind: certificate.replace_directed, effective: 2004-03-10, actor: {as: board}, fields: {certificate: 2, resolution: r, bond: "2600.50", advertisement: "once in a newspaper"}}
- {kind: certificate.bond_posted, effective: 2004-03-11, actor: {as: secretary}, fields: {certificate: 2, amount: "2600.50", surety: "S Co."}}
- {kind: certificate.advertised, effective: 2004-03-12, actor: {as: secretary}, fields: {certificate: 2, publication: "The Argus, 2004-03-12"}}
- {kind: certificate.replace, effective: 2004-03-13, actor: {as: secretary}, fields: {certificate: 2, signers: [{person: ray, office: president}, {person: susan, office: secretary}]}}
- {kind: stock.call, effective: 2004-04-01, actor: {as: board}, fields: {calls: [{certificate: 3, amount: "500"}], due: 2004-05-01, resolution: r}}
- {kind: stock.payment, effective: 2004-04-02, actor: {as: secretary}, fields: {certificate: 3, amount: "250.25", payer: alice}}
- {kind: stock.repurchase, effective: 2004-05-01, actor: {as: secretary}, fields: {holder: alice, certificates: [1], shares: "100", price: "100", resolution: r, signers: [{person: ray, office: president}, {person: susan, office: secretary}]}}
- {kind: stock.retire, effective: 2004-06-01, actor: {as: board}, fields: {class: common, shares: "40", resolution: r}}
`

// TestCertificatesOnBothStores: the same acts give the same journal, the
// same derived tables and the same stockholder list on SQLite and on
// PostgreSQL.
func TestCertificatesOnBothStores(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pgDSN := testdb.Postgres(t)
	lite, err := sqlite.Open(ctx, testdb.SQLitePath(t))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	pg, err := postgres.Open(ctx, pgDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	run := func(st acts.Store) (tables.Head, *tables.Memory, string) {
		svc := &acts.Service{Store: st, Clock: func() time.Time { return fixed }}
		for _, src := range []string{ledgerBase, "[" + issue("2000-01-10", "alice", "400", "") + ", " + issue("2000-01-10", "bob", "260", "") +
			", " + strings.Replace(issue("2000-01-10", "alice", "10", `, paid: "1"`), `consideration: "10"`, `consideration: "1000"`, 1) + "]", certificatesStory} {
			mustRecord(t, svc, src)
		}
		head, rows := books(t, st)
		rep, err := svc.Verify(ctx, "quintus", acts.VerifyOptions{})
		if err != nil || !rep.OK {
			t.Fatalf("verify: %+v %v", rep, err)
		}
		return head, rows, listCSV(t, stocklist(t, svc, "2004-06-01"))
	}
	h1, r1, l1 := run(lite)
	h2, r2, l2 := run(pg)
	if h1 != h2 || l1 != l2 {
		t.Errorf("sqlite head %+v, list\n%s\npostgres head %+v, list\n%s", h1, l1, h2, l2)
	}
	diff, err := tables.Diff(r1, r2, 20)
	if err != nil {
		t.Fatal(err)
	}
	if len(diff) > 0 {
		t.Errorf("derived tables differ between sqlite (-) and postgres (+):\n%v", diff)
	}
	for _, tb := range []*tables.Table{tables.LostCertificates, tables.StockCalls, tables.StockPayments} {
		n := 0
		_ = r1.Scan(tb, nil, func(tables.Row) error { n++; return nil })
		if n == 0 {
			t.Errorf("table %s is empty: the story does not exercise it", tb.Name)
		}
	}
}

// TestCallsFollowReplacement: a call open on a lost certificate falls on
// its replacement; a certificate with a call unpaid is not repurchased.
func TestCallsFollowReplacement(t *testing.T) {
	t.Parallel()
	svc, _ := eveLedger(t)
	// Certificate 4: 100 shares to Eve for $1,000, nothing paid; $600 called.
	mustRecord(t, svc, "["+strings.Replace(issue("2004-01-05", "eve", "100", `, paid: "0"`), `consideration: "100"`, `consideration: "1000"`, 1)+"]")
	mustRecord(t, svc, `[{kind: stock.call, effective: 2004-02-01, actor: {as: board}, fields: {calls: [{certificate: 4, amount: "600"}], due: 2004-03-01, resolution: r}}]`)
	rs := apply(t, svc, repurchase("2004-02-02", "eve", "4", "100", ""), acts.Options{DryRun: true})
	if c := failedCheck(rs, "MB.stock.repurchase"); c == nil || !strings.Contains(c.Message, "$600 called and unpaid") {
		t.Errorf("repurchase with a call unpaid: %s %+v", rs[0].Status, c)
	}
	mustRecord(t, svc, `
- {kind: certificate.lost_affidavit, effective: 2004-02-03, actor: {as: secretary}, fields: {certificate: 4, claimant: eve, cause: lost, circumstances: "lost in a move"}}
- {kind: certificate.replace_directed, effective: 2004-02-04, actor: {as: board}, fields: {certificate: 4, resolution: r}}
- {kind: certificate.replace, effective: 2004-02-05, actor: {as: secretary}, fields: {certificate: 4, signers: [{person: ray, office: president}, {person: susan, office: secretary}]}}
`)
	c := certificate(t, svc, 5)
	if c.Paid.String() != "0" || c.Consideration.String() != "1000" || !strings.Contains(strings.Join(c.Legends, ","), "VI.1.partly_paid") {
		t.Errorf("replacement of a partly paid certificate = %+v", c)
	}
	// No new call may exceed what is left; the open $600 is now on certificate 5.
	rs = apply(t, svc, `[{kind: stock.call, effective: 2004-02-06, actor: {as: board}, fields: {calls: [{certificate: 5, amount: "400.01"}], due: 2004-03-01, resolution: r}}]`, acts.Options{DryRun: true})
	if c := failedCheck(rs, "MB.stock.call"); c == nil || !strings.Contains(c.Message, "called and unpaid $600") {
		t.Errorf("call on the replacement: %+v", c)
	}
	mustRecord(t, svc, `[{kind: stock.payment, effective: 2004-02-07, actor: {as: secretary}, fields: {certificate: 5, amount: "600"}}]`)
	ds, err := svc.Calendar(context.Background(), "quintus", mustDate(t, "2004-03-01"), mustDate(t, "2004-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if strings.Contains(d.Title, "falls due") {
			t.Errorf("a paid call is still on the calendar: %+v", d)
		}
	}
	mustRecord(t, svc, repurchase("2004-02-08", "eve", "5", "100", ""))
}
