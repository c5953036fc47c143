package acts_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/journal"
)

const signed = `, signers: [{person: ray, office: president}, {person: susan, office: secretary}]`

func grant(date, id, typ, holder, extra string) string {
	return fmt.Sprintf(`{kind: instrument.grant, effective: %s, actor: {as: secretary}, fields: {id: %s, type: %s, holder: %s, resolution: "Board resolution %s"%s}}`,
		date, id, typ, holder, date, extra)
}

func exercise(date, id, qty, extra string) string {
	return fmt.Sprintf(`{kind: instrument.exercise, effective: %s, actor: {as: secretary}, fields: {instrument: %s, quantity: "%s"%s}}`, date, id, qty, extra)
}

func want(t *testing.T, rs []acts.Result, status acts.Status, rule string, outcome journal.Outcome) *journal.Check {
	t.Helper()
	c := findCheck(rs, rule)
	if len(rs) != 1 || rs[0].Status != status || c == nil || c.Outcome != outcome {
		t.Fatalf("got %s with %s = %+v; want %s with %s %s\nchecks: %+v", statuses(rs), rule, c, status, rule, outcome, rs[0].Checks)
	}
	return c
}

func nums(c *journal.Check) string {
	var s []string
	for _, n := range c.Numbers {
		s = append(s, n.Name+"="+n.Value)
	}
	return strings.Join(s, " ")
}

// TestInstruments follows options, a SAFE and their exercise, conversion,
// cancellation and expiration through the books, with numbers worked by
// hand: common has 1,050,000 authorized (ledgerBase).
func TestInstruments(t *testing.T) {
	t.Parallel()
	svc, _ := newService(t)
	ctx := context.Background()
	apply(t, svc, ledgerBase, acts.Options{})
	one := func(src string) []acts.Result { return apply(t, svc, "["+src+"]", acts.Options{}) }
	if rs := one(issue("2000-01-10", "alice", "1000000", "")); rs[0].Status != acts.Recorded {
		t.Fatal(rs[0].Checks)
	}
	// 1,000,000 issued + 40,000 under option = 1,040,000 ≤ 1,050,000.
	c := want(t, one(grant("2000-02-01", "opt-bob", "option", "bob", `, class: common, quantity: "40000", price: "0.25", expiration: 2005-06-30, subtype: ISO`)),
		acts.Recorded, "MB.instrument.reserve", journal.Held)
	if got := nums(c); got != "authorized=1050000 issued=1000000 instruments=40000 total=1040000" {
		t.Errorf("reserve numbers = %s", got)
	}
	// + 20,000 more = 1,060,000 > 1,050,000: recorded, with a warning.
	c = want(t, one(grant("2000-02-01", "opt-amy", "option", "amy", `, class: common, quantity: "20000", price: "0.10", expiration: 2001-01-31`)),
		acts.Recorded, "MB.instrument.reserve", journal.Warned)
	if got := nums(c); got != "authorized=1050000 issued=1000000 instruments=60000 total=1060000" {
		t.Errorf("reserve numbers = %s", got)
	}
	// A SAFE converting into a future round: no class yet.
	want(t, one(grant("2000-02-01", "safe-wendy", "convertible", "wendy", `, principal: "50000", subtype: SAFE`)), acts.Recorded, "MB.instrument.class", journal.Held)
	// Refusals at grant.
	want(t, one(grant("2000-02-01", "opt-bob", "option", "bob", `, class: common, quantity: "1"`)), acts.Refused, "MB.instrument.unique", journal.Failed)
	want(t, one(grant("2000-02-01", "opt-x", "option", "bob", `, quantity: "1"`)), acts.Refused, "MB.instrument.class", journal.Failed)
	want(t, one(grant("2000-02-01", "opt-x", "option", "bob", `, class: preferred, quantity: "1"`)), acts.Refused, "MB.instrument.class", journal.Failed)
	want(t, one(grant("2000-02-01", "opt-x", "option", "bob", `, class: common, quantity: "0"`)), acts.Refused, "MB.instrument.quantity", journal.Failed)
	want(t, one(grant("2000-02-01", "opt-x", "option", "bob", `, class: common, quantity: "1.5"`)), acts.Refused, "MB.instrument.quantity", journal.Failed)
	want(t, one(grant("2000-02-01", "opt-x", "option", "nobody", `, class: common, quantity: "1"`)), acts.Refused, "MB.person.known", journal.Failed)
	want(t, one(grant("2000-02-01", "opt-x", "option", "bob", `, class: common, quantity: "1", expiration: 2000-02-01`)), acts.Refused, "MB.instrument.expiration", journal.Failed)
	want(t, one(grant("2000-02-01", "note-x", "convertible", "bob", ``)), acts.Refused, "MB.instrument.quantity", journal.Failed)

	// Instruments never vote and are never on the stockholder list.
	list, err := svc.StockholderList(ctx, "quintus", corp.MustDate(2000, 2, 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Holders) != 1 || list.Holders[0].Person.ID != "alice" || list.Votes.String() != "1000000" {
		t.Errorf("stockholder list on 2000-02-01 = %d holders, %s votes; want alice alone with 1000000", len(list.Holders), list.Votes)
	}

	// Exercise 10,000 of bob's 40,000 at $0.25: $2,500.00 for certificate 2.
	rs := one(exercise("2000-03-01", "opt-bob", "10000", signed))
	want(t, rs, acts.Recorded, "MB.stock.authorized", journal.Held)
	if got := nums(findCheck(rs, "MB.instrument.exercise")); got != "remaining=40000 exercise=10000 remaining_after=30000" {
		t.Errorf("exercise numbers = %s", got)
	}
	certs, _ := svc.Certificates(ctx, "quintus", "bob")
	if len(certs) != 1 || certs[0].Number != 2 || certs[0].Shares.String() != "10000" || certs[0].Consideration.String() != "2500" || !certs[0].Certificated {
		t.Errorf("bob's certificates = %+v, want certificate 2 for 10000 shares, $2500", certs)
	}
	// 30,001 more is beyond the 30,000 remaining.
	c = want(t, one(exercise("2000-03-01", "opt-bob", "30001", signed)), acts.Refused, "MB.instrument.exercise", journal.Failed)
	if got := nums(c); got != "remaining=30000 exercise=30001 remaining_after=-1" {
		t.Errorf("numbers = %s", got)
	}
	// A convertible converts; an option is exercised.
	want(t, one(exercise("2000-03-01", "safe-wendy", "1", "")), acts.Refused, "MB.instrument.exercise", journal.Failed)
	// 1,010,000 + 35,000 = 1,045,000 issued; amy's 20,000 would make
	// 1,065,000 > 1,050,000: the exercise is refused by stock.issue's check.
	one(issue("2000-03-15", "alice", "35000", ""))
	c = want(t, one(exercise("2000-04-01", "opt-amy", "20000", signed)), acts.Refused, "MB.stock.authorized", journal.Failed)
	if got := nums(c); got != "authorized=1050000 issued=1045000 shares=20000 issued_after=1065000" {
		t.Errorf("numbers = %s", got)
	}
	want(t, one(exercise("2000-04-01", "opt-amy", "5000", `, certificated: false`)), acts.Recorded, "MB.stock.authorized", journal.Held)
	// The SAFE converts into 500.25 units (the only class with room left).
	conv := `{kind: instrument.convert, effective: 2000-05-01, actor: {as: secretary}, fields: {instrument: safe-wendy, shares: "500.25", certificated: false%s}}`
	want(t, one(fmt.Sprintf(conv, "")), acts.Refused, "MB.instrument.class", journal.Failed)
	rs = want2(t, one(fmt.Sprintf(conv, ", class: units")), acts.Recorded)
	if got := nums(findCheck(rs, "MB.instrument.exercise")); got != "remaining=50000 convert=50000 remaining_after=0" {
		t.Errorf("conversion numbers = %s", got)
	}
	// Amy's option expires on 2001-01-31: not exercisable after, not
	// expired before.
	expire := `{kind: instrument.expire, effective: %s, actor: {as: secretary}, fields: {instrument: opt-amy}}`
	want(t, one(fmt.Sprintf(expire, "2001-01-30")), acts.Refused, "MB.instrument.expiration", journal.Failed)
	want(t, one(exercise("2001-02-01", "opt-amy", "1", `, certificated: false`)), acts.Refused, "MB.instrument.expiration", journal.Failed)
	ins, err := svc.Instruments(ctx, "quintus", corp.MustDate(2001, 2, 1))
	if err != nil {
		t.Fatal(err)
	}
	if got := statusOf(ins); got != "opt-amy:lapsed:15000 opt-bob:outstanding:30000 safe-wendy:converted:0" {
		t.Errorf("instruments on 2001-02-01 = %s", got)
	}
	want2(t, one(fmt.Sprintf(expire, "2001-02-01")), acts.Recorded)
	want2(t, one(`{kind: instrument.cancel, effective: 2001-03-01, actor: {as: secretary}, fields: {instrument: opt-bob, quantity: "5000", reason: forfeited}}`), acts.Recorded)
	want(t, one(fmt.Sprintf(expire, "2001-03-01")), acts.Refused, "MB.instrument.known", journal.Failed)

	// As of dates: before the exercise, and at the end.
	ins, _ = svc.Instruments(ctx, "quintus", corp.MustDate(2000, 2, 15))
	if got := statusOf(ins); got != "opt-amy:outstanding:20000 opt-bob:outstanding:40000 safe-wendy:outstanding:50000" {
		t.Errorf("instruments on 2000-02-15 = %s", got)
	}
	ins, _ = svc.Instruments(ctx, "quintus", corp.MustDate(2001, 3, 1))
	if got := statusOf(ins); got != "opt-amy:expired:0 opt-bob:outstanding:25000 safe-wendy:converted:0" {
		t.Errorf("instruments on 2001-03-01 = %s", got)
	}
	// Holdings of record: alice 1,035,000, bob 10,000, amy 5,000 common and
	// wendy 500.25 units; votes 1,050,000 (units carry none). Fully
	// diluted common: 1,050,000 + bob's 25,000 = 1,075,000; bob 35,000 of
	// it = 7/215.
	ct, err := svc.Holdings(ctx, "quintus", corp.MustDate(2001, 3, 1))
	if err != nil {
		t.Fatal(err)
	}
	var hs []string
	for _, h := range ct.Holdings {
		hs = append(hs, h.Holder.ID+"/"+h.Class+"="+h.Shares.String())
	}
	if got := strings.Join(hs, " "); got != "alice/common=1035000 amy/common=5000 bob/common=10000 wendy/units=500.25" || ct.Votes.String() != "1050000" {
		t.Errorf("holdings = %s, votes %s", got, ct.Votes)
	}
	dl, err := svc.FullyDiluted(ctx, "quintus", ct)
	if err != nil {
		t.Fatal(err)
	}
	if c := dl.Classes[0]; c.Class != "common" || c.Outstanding.String() != "1050000" || c.Instruments.String() != "25000" || c.FullyDiluted.String() != "1075000" {
		t.Errorf("fully diluted common = %+v", c)
	}
	for _, h := range dl.Holdings {
		if h.Holder.ID == "bob" && (h.FullyDiluted.String() != "35000" || h.OfClass.RatString() != "7/215") {
			t.Errorf("bob fully diluted = %s (%s), want 35000 (7/215)", h.FullyDiluted, h.OfClass.RatString())
		}
	}
	rep, err := svc.Verify(ctx, "quintus", acts.VerifyOptions{})
	if err != nil || !rep.OK {
		t.Errorf("verify: %v %+v", err, rep)
	}
}

func want2(t *testing.T, rs []acts.Result, status acts.Status) []acts.Result {
	t.Helper()
	if len(rs) != 1 || rs[0].Status != status {
		t.Fatalf("got %s, want %s: %+v", statuses(rs), status, rs[0].Checks)
	}
	return rs
}

func statusOf(ins []acts.InstrumentOn) string {
	var s []string
	for _, in := range ins {
		s = append(s, in.ID+":"+in.Status+":"+in.Remaining.String())
	}
	return strings.Join(s, " ")
}

// TestInstrumentInvariants: over random grants, exercises and
// cancellations, no instrument ever gives more than it was granted (what
// remains is the grant less what was taken, never negative), the shares
// exercised never exceed the quantity granted, issued shares never exceed
// the authorized shares, and a replay of the journal gives the same tables.
func TestInstrumentInvariants(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(rt *rapid.T) {
		svc, _ := newService(t)
		ctx := context.Background()
		apply(t, svc, ledgerBase, acts.Options{})
		holders := []string{"alice", "bob", "amy"}
		granted := map[string]int64{}
		var ids []string
		day := 0
		date := func() string {
			day += rapid.IntRange(0, 20).Draw(rt, "gap")
			return corp.MustDate(2000, 1, 1).AddDays(day).String()
		}
		var src []string
		for i, n := 0, rapid.IntRange(1, 4).Draw(rt, "grants"); i < n; i++ {
			id := fmt.Sprintf("opt-%d", i)
			q := rapid.Int64Range(1, 600000).Draw(rt, "quantity")
			granted[id] = q
			ids = append(ids, id)
			src = append(src, grant(date(), id, "option", rapid.SampledFrom(holders).Draw(rt, "holder"), fmt.Sprintf(`, class: common, quantity: "%d", price: "0.01"`, q)))
		}
		apply(t, svc, "["+strings.Join(src, ",")+"]", acts.Options{})
		for i, n := 0, rapid.IntRange(1, 12).Draw(rt, "events"); i < n; i++ {
			id := rapid.SampledFrom(ids).Draw(rt, "instrument")
			q := rapid.Int64Range(1, granted[id]+1).Draw(rt, "taken")
			if rapid.Bool().Draw(rt, "cancel") {
				apply(t, svc, fmt.Sprintf(`[{kind: instrument.cancel, effective: %s, actor: {as: secretary}, fields: {instrument: %s, quantity: "%d", reason: r}}]`, date(), id, q), acts.Options{})
			} else {
				apply(t, svc, "["+exercise(date(), id, fmt.Sprint(q), `, certificated: false`)+"]", acts.Options{})
			}
		}
		ins, err := svc.Instruments(ctx, "quintus", corp.MustDate(2030, 1, 1))
		if err != nil {
			rt.Fatal(err)
		}
		issued := corp.Decimal{}
		for _, in := range ins {
			taken, exercised := corp.Decimal{}, corp.Decimal{}
			for _, c := range in.Changes {
				taken = taken.Add(c.Taken)
				exercised = exercised.Add(c.Shares)
			}
			g := corp.DecimalFromInt(granted[in.ID])
			if in.Remaining.Sign() < 0 || in.Remaining.Cmp(g.Sub(taken)) != 0 || exercised.Cmp(g) > 0 {
				rt.Fatalf("%s: granted %s, taken %s, exercised %s, remaining %s", in.ID, g, taken, exercised, in.Remaining)
			}
			issued = issued.Add(exercised)
		}
		ct, err := svc.Holdings(ctx, "quintus", corp.MustDate(2030, 1, 1))
		if err != nil {
			rt.Fatal(err)
		}
		out := ct.Classes[0].Outstanding
		if out.Cmp(issued) != 0 || out.Cmp(corp.MustDecimal("1050000")) > 0 {
			rt.Fatalf("outstanding %s, exercised %s, authorized 1050000", out, issued)
		}
		rep, err := svc.Verify(ctx, "quintus", acts.VerifyOptions{})
		if err != nil || !rep.OK {
			rt.Fatalf("verify: %v %+v", err, rep.TableDiff)
		}
	})
}
