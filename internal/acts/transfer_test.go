package acts_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"minutebook/internal/acts"
	"minutebook/internal/journal"
)

func transfer(date, from, to string, certs, shares, extra string) string {
	return fmt.Sprintf(`[{kind: stock.transfer, effective: %s, actor: {as: secretary}, fields: {from: %s, to: %s, certificates: [%s], shares: "%s", evidence: endorsed, signers: [{person: ray, office: president}, {person: susan, office: secretary}]%s}}]`,
		date, from, to, certs, shares, extra)
}

// withLedger applies ledgerBase plus Alice 400,000 (certificate 1) and
// Bob 260,000 (certificate 2), both acquired 2000-01-10, and more acts.
func withLedger(t *testing.T, more string) *acts.Service {
	t.Helper()
	svc, _ := newService(t)
	apply(t, svc, ledgerBase, acts.Options{})
	rs := apply(t, svc, "["+issue("2000-01-10", "alice", "400000", "")+", "+issue("2000-01-10", "bob", "260000", "")+"]", acts.Options{})
	if statuses(rs) != "recorded,recorded" {
		t.Fatalf("issues: %s", statuses(rs))
	}
	if more != "" {
		rs = apply(t, svc, more, acts.Options{})
		for _, r := range rs {
			if r.Status != acts.Recorded {
				t.Fatalf("setup act %s: %s %+v", r.Kind, r.Status, r.Checks)
			}
		}
	}
	return svc
}

func failed(rs []acts.Result) []string {
	var out []string
	for _, c := range rs[0].Checks {
		if c.Outcome == journal.Failed {
			out = append(out, c.Rule)
		}
	}
	return out
}

func TestTransferROFR(t *testing.T) {
	t.Parallel()
	svc := withLedger(t, `
- {kind: person.add, effective: 2000-02-01, actor: {as: secretary}, fields: {id: hal, name: Hal Anders, kind: natural_person}}
- {kind: person.add, effective: 2000-02-01, actor: {as: secretary}, fields: {id: gina, name: Gina Gray, kind: natural_person}}
- {kind: person.add, effective: 2000-02-01, actor: {as: secretary}, fields: {id: fund, name: Fund LP, kind: limited_partnership}}
- {kind: relationship.add, effective: 2000-02-01, actor: {as: secretary}, fields: {from: hal, kind: spouse, to: alice, since: 1990-05-05}}
- {kind: relationship.add, effective: 2000-02-01, actor: {as: secretary}, fields: {from: gina, kind: lineal_descendant, to: hal}}
`)
	cases := []struct {
		name, act, wantFailed, wantHeld string
	}{
		{"to a spouse (f)(1)", transfer("2003-03-01", "alice", "hal", "1", "1000", ""), "", "VIII.1.f.1.family"},
		{"to a stranger: void", transfer("2003-03-01", "alice", "gina", "1", "1000", ""), "VIII.1.h.void", ""},
		{"to an existing holder (f)(2)", transfer("2003-03-01", "alice", "bob", "1", "1000", ""), "", "VIII.1.f.2.existing_holder"},
		{"after the ROFR ends (A-TERMDAY: start of 2005-05-24)", transfer("2005-05-24", "alice", "gina", "1", "1000", ""), "", "VIII.1.i.termination"},
		{"the day before it ends", transfer("2005-05-23", "alice", "gina", "1", "1000", ""), "VIII.1.h.void", ""},
	}
	for _, c := range cases {
		rs := apply(t, svc, c.act, acts.Options{DryRun: true})
		got := strings.Join(failed(rs), ",")
		if got != c.wantFailed {
			t.Errorf("%s: failed checks %q, want %q", c.name, got, c.wantFailed)
		}
		if c.wantHeld != "" {
			if h := findCheck(rs, c.wantHeld); h == nil || h.Outcome != journal.Held {
				t.Errorf("%s: %s = %+v, want held", c.name, c.wantHeld, h)
			}
		}
	}
	// Gina is Hal's descendant, not Alice's: a step-relative is not family (A-FAMILY).
	rs := apply(t, svc, transfer("2003-03-01", "alice", "gina", "1", "10", ""), acts.Options{DryRun: true})
	if c := findCheck(rs, "VIII.1.h.void"); c == nil || !strings.Contains(c.Message, "no exemption of Art. VIII §1(f)") {
		t.Errorf("step-child: %+v", c)
	}
	if w := findCheck(apply(t, svc, transfer("2003-03-01", "alice", "bob", "1", "10", ""), acts.Options{DryRun: true}), "VIII.1.f.2.existing_holder"); w == nil {
		t.Error("no A-LOOPHOLE warning")
	}
}

// TestTransferStandoff works S108: the registration statement became
// effective 2004-11-15, the underwriter requested the stand-off; the
// window is 2004-11-16 … 2005-05-14 (A-STANDDAY: day 0).
func TestTransferStandoff(t *testing.T) {
	t.Parallel()
	svc := withLedger(t, `
- {kind: registration.effective, effective: 2004-11-15, actor: {as: secretary}, fields: {id: "333-00001", standoff_requested: true, requested_by: underwriter, requested_on: 2004-11-10}}
`)
	// After 2005-05-24 the ROFR has ended; the stand-off alone decides. Use bob (already a holder) before then.
	cases := []struct {
		date   string
		refuse bool
	}{{"2004-11-15", false}, {"2004-11-16", true}, {"2005-05-14", true}, {"2005-05-15", false}}
	for _, c := range cases {
		rs := apply(t, svc, transfer(c.date, "alice", "bob", "1", "50000", ""), acts.Options{DryRun: true})
		sf := findCheck(rs, "VI.6.market_standoff")
		got := rs[0].Status == acts.Refused
		if got != c.refuse {
			t.Errorf("sale on %s: refused = %t, want %t (%v)", c.date, got, c.refuse, failed(rs))
		}
		if c.refuse && (sf == nil || sf.Outcome != journal.Failed || !strings.Contains(sf.Message, "2004-11-16 to 2005-05-14")) {
			t.Errorf("sale on %s: stand-off check %+v", c.date, sf)
		}
	}
	rs := apply(t, svc, transfer("2005-05-15", "alice", "bob", "1", "50000", ""), acts.Options{DryRun: true})
	var warned bool
	for _, c := range rs[0].Checks {
		warned = warned || (c.Rule == "VI.6.market_standoff" && c.Outcome == journal.Warned)
	}
	if !warned {
		t.Error("no A-STANDDAY flag on the first day after the window")
	}
	// The window is on the calendar: 2004-11-16 and 2005-05-14, citing Art. VI §6.
	cal, err := svc.Calendar(context.Background(), "quintus", mustDate(t, "2004-11-01"), mustDate(t, "2005-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range cal {
		if d.Rule == "VI.6.market_standoff" {
			got = append(got, d.Date.String()+" "+d.Citation)
		}
	}
	if len(got) != 2 || !strings.HasPrefix(got[0], "2004-11-16 Art. VI §6") || !strings.HasPrefix(got[1], "2005-05-14 Art. VI §6") {
		t.Errorf("stand-off on the calendar: %q", got)
	}
}

func TestTransferCertificates(t *testing.T) {
	t.Parallel()
	svc := withLedger(t, "")
	cases := []struct {
		name, act, rule string
	}{
		{"more than the certificate", transfer("2003-03-01", "alice", "bob", "1", "400001", ""), "VI.4.transfer"},
		{"not the transferor's", transfer("2003-03-01", "alice", "bob", "2", "10", ""), "VI.7.registered_holder"},
		{"no such certificate", transfer("2003-03-01", "alice", "bob", "9", "10", ""), "VI.4.transfer"},
		{"fraction of a whole-share class", transfer("2003-03-01", "alice", "bob", "1", "0.5", ""), "MB.stock.quantity"},
		{"unknown transferee", transfer("2003-03-01", "alice", "nobody", "1", "10", ""), "VI.7.registered_holder"},
	}
	for _, c := range cases {
		rs := apply(t, svc, c.act, acts.Options{DryRun: true})
		if ch := findCheck(rs, c.rule); rs[0].Status != acts.Refused || ch == nil || ch.Outcome != journal.Failed {
			t.Errorf("%s: %s, %s = %+v", c.name, rs[0].Status, c.rule, ch)
		}
	}
	// A valid transfer: certificate 1 cancelled, 3 to Bob, balance 4 to Alice.
	rs := apply(t, svc, transfer("2003-03-01", "alice", "bob", "1", "150000", ""), acts.Options{})
	if rs[0].Status != acts.Recorded {
		t.Fatalf("transfer: %s %v", rs[0].Status, failed(rs))
	}
	cs, err := svc.Certificates(context.Background(), "quintus", "")
	if err != nil {
		t.Fatal(err)
	}
	got := ""
	for _, c := range cs {
		got += fmt.Sprintf("%d:%s:%s:%s:%s:%s ", c.Number, c.Holder, c.Shares, c.Status, c.Origin, c.Acquired)
	}
	want := "1:alice:400000:cancelled:issue:2000-01-10 2:bob:260000:outstanding:issue:2000-01-10 3:bob:150000:outstanding:transfer:2003-03-01 4:alice:250000:outstanding:balance:2000-01-10 "
	if got != want {
		t.Errorf("certificates:\n got %s\nwant %s", got, want)
	}
	// The cancelled certificate cannot be transferred again.
	rs = apply(t, svc, transfer("2003-03-02", "alice", "bob", "1", "10", ""), acts.Options{DryRun: true})
	if c := findCheck(rs, "VI.4.transfer"); c == nil || !strings.Contains(c.Message, "cancelled, not outstanding") {
		t.Errorf("cancelled certificate: %+v", c)
	}
	// Holdings before and after the transfer date.
	for _, c := range []struct{ on, alice, bob string }{{"2003-02-28", "400000", "260000"}, {"2003-03-01", "250000", "410000"}} {
		ct, err := svc.Holdings(context.Background(), "quintus", mustDate(t, c.on))
		if err != nil {
			t.Fatal(err)
		}
		have := map[string]string{}
		for _, h := range ct.Holdings {
			have[h.Holder.ID] = h.Shares.String()
		}
		if have["alice"] != c.alice || have["bob"] != c.bob {
			t.Errorf("holdings on %s = %v, want alice %s bob %s", c.on, have, c.alice, c.bob)
		}
	}
	rep, err := svc.Verify(context.Background(), "quintus", acts.VerifyOptions{})
	if err != nil || !rep.OK {
		t.Fatalf("verify: %+v %v", rep, err)
	}
}

func TestStopTransfer(t *testing.T) {
	t.Parallel()
	svc := withLedger(t, `
- {kind: stop_transfer.impose, effective: 2003-01-01, actor: {as: secretary}, fields: {holder: alice, reason: "court order"}}
`)
	rs := apply(t, svc, transfer("2003-03-01", "alice", "bob", "1", "10", ""), acts.Options{DryRun: true})
	if c := findCheck(rs, "VI.6.stop_transfer"); c == nil || c.Outcome != journal.Failed || !strings.Contains(c.Message, "court order") {
		t.Fatalf("stop order: %+v", c)
	}
	apply(t, svc, `[{kind: stop_transfer.lift, effective: 2003-02-01, actor: {as: secretary}, fields: {order: 1}}]`, acts.Options{})
	rs = apply(t, svc, transfer("2003-03-01", "alice", "bob", "1", "10", ""), acts.Options{DryRun: true})
	if rs[0].Status != acts.Checked {
		t.Errorf("after the order is lifted: %s %v", rs[0].Status, failed(rs))
	}
}

// TestPublicOfferingEndsROFR: a first public offering ends Art. VIII
// (§1(i)(2)); under A-IPODATE the later of the effective and first-offer
// dates counts.
func TestPublicOfferingEndsROFR(t *testing.T) {
	t.Parallel()
	svc := withLedger(t, `
- {kind: person.add, effective: 2000-02-01, actor: {as: secretary}, fields: {id: gina, name: Gina Gray, kind: natural_person}}
- {kind: registration.effective, effective: 2001-06-01, actor: {as: secretary}, fields: {id: "333-86919", public_offering: true, first_offered: 2001-06-02}}
`)
	for _, c := range []struct {
		date string
		void bool
	}{{"2001-06-01", true}, {"2001-06-02", false}} {
		rs := apply(t, svc, transfer(c.date, "alice", "gina", "1", "10", ""), acts.Options{DryRun: true})
		if got := findCheck(rs, "VIII.1.h.void") != nil; got != c.void {
			t.Errorf("transfer to a stranger on %s: void = %t, want %t (%v)", c.date, got, c.void, failed(rs))
		}
	}
}

// TestTransferConsideration: a partly paid certificate passes whole, with
// its consideration and amount paid; fully paid certificates split the
// consideration pro rata (rounded half up to the cent), summing exactly.
func TestTransferConsideration(t *testing.T) {
	t.Parallel()
	svc := withLedger(t, "["+issue("2000-02-01", "ray", "1000", `, paid: "250"`)+"]")
	rs := apply(t, svc, transfer("2003-03-01", "ray", "bob", "3", "400", ""), acts.Options{DryRun: true})
	if c := findCheck(rs, "VI.1.partly_paid"); c == nil || c.Outcome != journal.Failed {
		t.Errorf("part of a partly paid certificate: %+v", c)
	}
	rs = apply(t, svc, transfer("2003-03-01", "ray", "bob", "3", "1000", ""), acts.Options{})
	if rs[0].Status != acts.Recorded {
		t.Fatalf("whole partly paid certificate: %s %v", rs[0].Status, failed(rs))
	}
	// Alice's certificate 1: 400,000 shares for $400,000; transfer 1/3.
	rs = apply(t, svc, strings.Replace(transfer("2003-03-02", "alice", "bob", "1", "133333", ""), `consideration: "400000"`, "", 1), acts.Options{})
	if rs[0].Status != acts.Recorded {
		t.Fatalf("fully paid split: %s %v", rs[0].Status, failed(rs))
	}
	cs, err := svc.Certificates(context.Background(), "quintus", "")
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64]string{}
	for _, c := range cs {
		got[c.Number] = c.Consideration.String() + "/" + c.Paid.String()
	}
	// 400000 × 133333 / 400000 = 133333.00; the balance 266667.
	want := map[int64]string{4: "1000/250", 5: "133333/133333", 6: "266667/266667"}
	for n, w := range want {
		if got[n] != w {
			t.Errorf("certificate %d consideration/paid = %s, want %s", n, got[n], w)
		}
	}
}
