package acts_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"minutebook/internal/acts"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// ledgerBase is fixture F's people (examples.md) with a small charter:
// 1,050,000 common authorized, and a fractional class.
const ledgerBase = `
- kind: corporation.create
  effective: 1999-09-02
  actor: {as: secretary}
  fields:
    id: quintus
    legal_name: Quintus Corporation
    state: Delaware
    time_zone: America/Los_Angeles
    incorporation_date: 1995-03-14
    registered_office: {city: Dover, region: DE}
    principal_office: {city: Fremont, region: CA}
    charter:
      classes:
        - {id: common, name: Common Stock, authorized: "1050000", par: "0.001"}
        - {id: units, name: Fractional Units, authorized: "1000", votes_per_share: "0", scale: 2}
    bylaws: {default: true}
` + `
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: susan, name: Susan Salvesen, kind: natural_person}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: alice, name: Alice Anders, kind: natural_person}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: bob, name: Bob Brandt, kind: natural_person}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: ray, name: Ray Patel, kind: natural_person}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: pat, name: Pat Morgan, kind: natural_person}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: quinn, name: Quinn Ortega, kind: natural_person}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: wendy, name: Wendy Wu, kind: natural_person}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: victor, name: Victor Vale, kind: natural_person}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: tom, name: Tom Nguyen, kind: natural_person}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: alan, name: Alan Ames, kind: natural_person}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: abby, name: Abby Abel, kind: natural_person}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: amy, name: Amy Ash, kind: natural_person}}
`

func issue(date, holder, shares, extra string) string {
	return fmt.Sprintf(`{kind: stock.issue, effective: %s, actor: {as: secretary}, fields: {class: common, holder: %s, shares: "%s", consideration: "%s", resolution: r, signers: [{person: ray, office: president}, {person: susan, office: secretary}]%s}}`,
		date, holder, shares, shares, extra)
}

func TestIssueAuthorized(t *testing.T) {
	t.Parallel()
	svc, _ := newService(t)
	apply(t, svc, ledgerBase, acts.Options{})
	rs := apply(t, svc, "["+issue("2000-01-10", "alice", "1000000", "")+"]", acts.Options{})
	if rs[0].Status != acts.Recorded {
		t.Fatalf("issue of 1,000,000: %s %+v", rs[0].Status, rs[0].Checks)
	}
	// 1,000,000 issued + 50,001 = 1,050,001 > 1,050,000 authorized.
	rs = apply(t, svc, "["+issue("2000-01-11", "bob", "50001", "")+"]", acts.Options{})
	c := findCheck(rs, "MB.stock.authorized")
	if rs[0].Status != acts.Refused || c == nil || c.Outcome != journal.Failed {
		t.Fatalf("issue beyond authorized: %s %+v", rs[0].Status, c)
	}
	want := []journal.Number{{Name: "authorized", Value: "1050000"}, {Name: "issued", Value: "1000000"}, {Name: "shares", Value: "50001"}, {Name: "issued_after", Value: "1050001"}}
	if fmt.Sprint(c.Numbers) != fmt.Sprint(want) {
		t.Errorf("numbers = %v, want %v", c.Numbers, want)
	}
	if !strings.Contains(c.Citation, "DGCL §161") {
		t.Errorf("citation = %q", c.Citation)
	}
	// Exactly up to the authorized number is allowed.
	rs = apply(t, svc, "["+issue("2000-01-11", "bob", "50000", "")+"]", acts.Options{})
	if rs[0].Status != acts.Recorded {
		t.Fatalf("issue up to authorized: %s %+v", rs[0].Status, rs[0].Checks)
	}
	// From treasury, with nothing in treasury.
	rs = apply(t, svc, "["+issue("2000-01-12", "bob", "1", ", from_treasury: true")+"]", acts.Options{})
	if c := findCheck(rs, "MB.stock.treasury"); rs[0].Status != acts.Refused || c == nil {
		t.Errorf("issue from an empty treasury: %s %+v", rs[0].Status, c)
	}
}

func TestIssueQuantities(t *testing.T) {
	t.Parallel()
	svc, _ := newService(t)
	apply(t, svc, ledgerBase, acts.Options{})
	cases := []struct {
		name, act string
		want      acts.Status
		rule      string
	}{
		{"fraction of a whole-share class", issue("2000-01-10", "alice", "10.5", ""), acts.Refused, "MB.stock.quantity"},
		{"zero shares", issue("2000-01-10", "alice", "0", ""), acts.Refused, "MB.stock.quantity"},
		{"negative shares", issue("2000-01-10", "alice", "-5", ""), acts.Refused, "MB.stock.quantity"},
		{"unknown class", strings.Replace(issue("2000-01-10", "alice", "5", ""), "class: common", "class: gold", 1), acts.Refused, "MB.stock.class"},
		{"unknown holder", issue("2000-01-10", "mallory", "5", ""), acts.Refused, "VI.7.registered_holder"},
		{"paid more than the consideration", issue("2000-01-10", "alice", "5", `, paid: "6"`), acts.Refused, "VI.1.partly_paid"},
		{"fraction within scale", `{kind: stock.issue, effective: 2000-01-10, actor: {as: secretary}, fields: {class: units, holder: alice, shares: "2.25", consideration: "0", resolution: r, certificated: false}}`, acts.Recorded, ""},
		{"fraction beyond scale", `{kind: stock.issue, effective: 2000-01-10, actor: {as: secretary}, fields: {class: units, holder: alice, shares: "2.255", consideration: "0", resolution: r, certificated: false}}`, acts.Refused, "MB.stock.quantity"},
		{"signers on an uncertificated position", `{kind: stock.issue, effective: 2000-01-10, actor: {as: secretary}, fields: {class: units, holder: alice, shares: "1", consideration: "0", resolution: r, certificated: false, signers: [{person: ray, office: president}]}}`, acts.Refused, "VI.1.certificate_signers"},
	}
	for _, c := range cases {
		rs := apply(t, svc, "["+c.act+"]", acts.Options{DryRun: true})
		got := rs[0].Status
		if c.want == acts.Recorded && got == acts.Checked {
			continue
		}
		if got != c.want {
			t.Errorf("%s: status %s, want %s (%+v)", c.name, got, c.want, rs[0].Checks)
			continue
		}
		if ch := findCheck(rs, c.rule); ch == nil || ch.Outcome != journal.Failed {
			t.Errorf("%s: check %s = %+v, want failed", c.name, c.rule, ch)
		}
	}
}

// TestCertificateSigners works example S82 of examples.md: the signers of a
// certificate, one of group A and one of group B (Art. VI §1).
func TestCertificateSigners(t *testing.T) {
	t.Parallel()
	svc, _ := newService(t)
	apply(t, svc, ledgerBase, acts.Options{})
	cases := []struct {
		name    string
		signers string
		valid   bool
	}{
		{"(a) President Ray + Secretary Susan", "{person: ray, office: president}, {person: susan, office: secretary}", true},
		{"(b) Chairman Pat + Asst Treasurer Amy", "{person: pat, office: chairman}, {person: amy, office: assistant_treasurer}", true},
		{"(c) President Ray + VP Wendy", "{person: ray, office: president}, {person: wendy, office: vice_president}", false},
		{"(d) Treasurer Tom + Asst Secretary Alan", "{person: tom, office: treasurer}, {person: alan, office: assistant_secretary}", false},
		{"(e) Ray alone", "{person: ray, office: president}", false},
		{"(f) VP Victor + Treasurer Tom", "{person: victor, office: vice_president}, {person: tom, office: treasurer}", true},
		{"(g) Vice Chairman Quinn + Asst Secretary Abby", "{person: quinn, office: vice_chairman}, {person: abby, office: assistant_secretary}", true},
		{"one person in both groups (A-SIGN2: refuse)", "{person: ray, office: president}, {person: ray, office: secretary}", false},
		{"an unrecorded signer", "{person: ray, office: president}, {person: ghost, office: secretary}", false},
		{"facsimile signatures (Art. VI §2)", "{person: ray, office: president, facsimile: true}, {person: susan, office: secretary, facsimile: true}", true},
	}
	for _, c := range cases {
		act := fmt.Sprintf(`[{kind: stock.issue, effective: 2000-01-10, actor: {as: secretary}, fields: {class: common, holder: alice, shares: "100", consideration: "100", resolution: r, signers: [%s]}}]`, c.signers)
		rs := apply(t, svc, act, acts.Options{DryRun: true})
		if got := rs[0].Status == acts.Checked; got != c.valid {
			t.Errorf("%s: valid = %t, want %t (%+v)", c.name, got, c.valid, rs[0].Checks)
		}
	}
}

// TestLegends: the certificate's legends follow the bylaws on its issue
// date; the ROFR ends at the start of 2005-05-24 (A-TERMDAY).
func TestLegends(t *testing.T) {
	t.Parallel()
	svc, _ := newService(t)
	apply(t, svc, ledgerBase, acts.Options{})
	apply(t, svc, "["+issue("2005-05-23", "alice", "10", "")+", "+issue("2005-05-24", "bob", "10", `, paid: "4"`)+"]", acts.Options{})
	cs, err := svc.Certificates(context.Background(), "quintus", "")
	if err != nil || len(cs) != 2 {
		t.Fatalf("Certificates = %d, %v", len(cs), err)
	}
	if got := strings.Join(cs[0].Legends, ","); got != "VIII.1.j.legend,VI.6.standoff_legend,VI.1.class_rights" {
		t.Errorf("legends on 2005-05-23 = %s", got)
	}
	if got := strings.Join(cs[1].Legends, ","); got != "VI.6.standoff_legend,VI.1.class_rights,VI.1.partly_paid" {
		t.Errorf("legends on 2005-05-24 = %s", got)
	}
	if cs[1].Paid.String() != "4" || cs[1].Consideration.String() != "10" || cs[0].Number != 1 || cs[1].Number != 2 {
		t.Errorf("certificates = %+v", cs)
	}
}

// TestLedgerInvariants is a property test over random issuances: issued
// never exceeds authorized, no holding is negative, holdings sum to the
// issued shares less treasury, every share is on exactly one live
// certificate or position, and the holdings on any date equal a replay of
// the journal up to that date.
func TestLedgerInvariants(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(rt *rapid.T) {
		svc, st := newService(t)
		apply(t, svc, ledgerBase, acts.Options{})
		holders := []string{"alice", "bob", "ray", "pat"}
		var acts1 []string
		day := 0
		for i := rapid.IntRange(1, 12).Draw(rt, "n"); i > 0; i-- {
			day += rapid.IntRange(0, 40).Draw(rt, "gap")
			date := fmt.Sprintf("2000-%02d-%02d", 1+day/28%12, 1+day%28)
			shares := rapid.SampledFrom([]string{"1", "100", "250000", "500000", "1050000"}).Draw(rt, "shares")
			acts1 = append(acts1, issue(date, rapid.SampledFrom(holders).Draw(rt, "holder"), shares, ""))
		}
		var recorded int64
		for _, a := range acts1 {
			rs := apply(t, svc, "["+a+"]", acts.Options{})
			if rs[0].Status == acts.Recorded {
				var n int64
				fmt.Sscanf(a[strings.Index(a, `shares: "`)+9:], "%d", &n)
				recorded += n
			}
		}
		// Transfers after the ROFR has ended conserve shares.
		for i, n := 1, rapid.IntRange(0, 8).Draw(rt, "transfers"); i <= n; i++ {
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
				break
			}
			c := rapid.SampledFrom(live).Draw(rt, "cert")
			n, _ := c.Shares.Int64()
			shares := rapid.Int64Range(1, n+1).Draw(rt, "tshares") // n+1 must be refused
			to := rapid.SampledFrom(holders).Draw(rt, "to")
			rs := apply(t, svc, transfer(fmt.Sprintf("2006-01-%02d", 1+i), c.Holder, to, fmt.Sprint(c.Number), fmt.Sprint(shares), ""), acts.Options{})
			if want := shares <= n && to != c.Holder; (rs[0].Status == acts.Recorded) != want {
				rt.Fatalf("transfer of %d from certificate %d (%d shares) to %s: %s %v", shares, c.Number, n, to, rs[0].Status, failed(rs))
			}
		}
		var issued, treasury, sumHoldings, sumCerts int64
		err := st.View(context.Background(), "quintus", func(v tables.View) error {
			row, ok, err := v.Get(tables.ClassTotals, "common")
			if ok {
				issued, treasury = row[1].(int64), row[2].(int64)
			}
			if err != nil {
				return err
			}
			if err := v.Scan(tables.Holdings, nil, func(r tables.Row) error {
				if r[2].(int64) < 0 {
					rt.Fatalf("negative holding %v", r)
				}
				if r[1].(string) == "common" {
					sumHoldings += r[2].(int64)
				}
				return nil
			}); err != nil {
				return err
			}
			return v.Scan(tables.Certificates, nil, func(r tables.Row) error {
				if r[5].(string) == acts.CertOutstanding && r[1].(string) == "common" {
					sumCerts += r[3].(int64)
				}
				return nil
			})
		})
		if err != nil {
			rt.Fatal(err)
		}
		if issued != recorded || issued > 1050000 || sumHoldings != issued-treasury || sumCerts != sumHoldings {
			rt.Fatalf("issued %d (recorded %d, authorized 1050000), treasury %d, holdings %d, live certificates %d", issued, recorded, treasury, sumHoldings, sumCerts)
		}
		rep, err := svc.Verify(context.Background(), "quintus", acts.VerifyOptions{})
		if err != nil || !rep.OK {
			rt.Fatalf("verify: %+v %v", rep, err)
		}
		// Holdings on the last date equal the live certificates, per holder.
		ct, err := svc.Holdings(context.Background(), "quintus", mustDate(t, "2006-12-31"))
		if err != nil {
			rt.Fatal(err)
		}
		var total int64
		for _, h := range ct.Holdings {
			n, _ := h.Shares.Int64()
			total += n
		}
		if total != sumHoldings {
			rt.Fatalf("cap table total %d, holdings %d", total, sumHoldings)
		}
	})
}

// TestCharterAmendBelowIssued: a charter amendment may not authorize fewer
// shares than are issued, nor drop a class with shares issued.
func TestCharterAmendBelowIssued(t *testing.T) {
	t.Parallel()
	svc, _ := newService(t)
	apply(t, svc, ledgerBase, acts.Options{})
	apply(t, svc, "["+issue("2000-01-10", "alice", "400000", "")+"]", acts.Options{})
	amend := func(common string) []acts.Result {
		return apply(t, svc, `[{kind: charter.amend, effective: 2000-03-01, actor: {as: secretary}, fields: {authority: "Certificate of Amendment", charter: {classes: [`+common+`]}}}]`, acts.Options{DryRun: true})
	}
	if rs := amend(`{id: common, name: Common Stock, authorized: "399999"}`); rs[0].Status != acts.Refused {
		t.Errorf("authorized 399,999 < 400,000 issued: %s", rs[0].Status)
	}
	if rs := amend(`{id: common, name: Common Stock, authorized: "400000"}`); rs[0].Status != acts.Checked {
		t.Errorf("authorized exactly the issued: %s %v", rs[0].Status, failed(rs))
	}
	if rs := amend(`{id: preferred, name: Preferred, authorized: "10"}`); rs[0].Status != acts.Refused {
		t.Errorf("dropping common with shares issued: %s", rs[0].Status)
	}
}
