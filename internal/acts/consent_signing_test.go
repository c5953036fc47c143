package acts_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/postgres"
	"minutebook/internal/sqlite"
	"minutebook/internal/tables"
	"minutebook/internal/testdb"
)

// consentSigning works a consent out for signature on one store: the
// refusals of a circulation that leaves a director out or asks a stranger,
// of a signature by a non-director, twice, early or after the consent took
// effect; the consent takes effect with the last signature, and an act
// adopted by it is then accepted (Art. III §9; DGCL §141(f)).
func consentSigning(t *testing.T, st acts.Store) {
	t.Helper()
	ctx := context.Background()
	svc := &acts.Service{Store: st, Clock: func() time.Time { return fixed }}
	for _, src := range []string{ledgerBase, boardBase} {
		for _, r := range apply(t, svc, src, acts.Options{}) {
			if r.Status != acts.Recorded {
				t.Fatalf("set-up: %s %s %v", r.Kind, r.Status, r.Checks)
			}
		}
	}
	circulate := func(directors string) string {
		d := ""
		if directors != "" {
			d = ", directors: [" + strings.ReplaceAll(directors, " ", ", ") + "]"
		}
		return `[{kind: board.consent_circulate, effective: 2004-06-28, actor: {person: susan, as: secretary}, fields: {id: uwc2, resolutions: ["RESOLVED, that the fiscal year end on December 31."]` + d + `}}]`
	}
	sign := func(who, eff, signed string) string {
		s := ""
		if signed != "" {
			s = ", signed: " + signed
		}
		return `[{kind: board.consent_sign, effective: ` + eff + `, actor: {person: ` + who + `, as: director}, fields: {consent: uwc2` + s + `}}]`
	}
	adopt := `[{kind: corporation.amend, effective: 2004-07-02, actor: {as: board}, adoption: {consent: uwc2}, fields: {fiscal_year_end: "12-31", resolution: r}}]`

	rs := dry(t, svc, circulate("pat quinn ray sam"))
	if got := message(rs, 0, "III.9.unanimous_consent"); rs[0].Status != acts.Refused || !strings.Contains(got, "ask tess too") {
		t.Errorf("circulated without Tess: %s %s", rs[0].Status, got)
	}
	rs = dry(t, svc, circulate("pat quinn ray sam tess susan"))
	if got := message(rs, 0, "III.9.unanimous_consent"); rs[0].Status != acts.Refused || !strings.Contains(got, "susan: not a member of the board in office") {
		t.Errorf("circulated to Susan: %s %s", rs[0].Status, got)
	}
	if rs := dry(t, svc, sign("pat", "2004-06-29", "")); outcome(rs, 0, "MB.consent.circulated") != "failed" {
		t.Errorf("signing a consent not circulated: %v", rs[0].Checks)
	}
	mustApply(t, svc, circulate(""))
	if rs := dry(t, svc, circulate("")); outcome(rs, 0, "MB.consent.unique") != "failed" {
		t.Errorf("circulating uwc2 twice: %v", rs[0].Checks)
	}
	rs = mustApply(t, svc, sign("pat", "2004-06-29", ""))
	if got := message(rs, 0, "III.9.unanimous_consent"); !strings.Contains(got, "1 of 5 members in office have signed; the consent takes effect when quinn, ray, sam, tess sign") {
		t.Errorf("Pat's signature: %s", got)
	}
	for _, c := range []struct{ name, src, rule string }{
		{"Pat again", sign("pat", "2004-06-30", ""), "MB.consent.sign_once"},
		{"Susan, no director", sign("susan", "2004-06-30", ""), "III.9.unanimous_consent"},
		{"dated before the circulation", sign("quinn", "2004-06-30", "2004-06-27"), "MB.consent.sign_once"},
		{"dated after the act", sign("quinn", "2004-06-30", "2004-07-01"), "MB.consent.sign_once"},
		{"adopted before the last signature", adopt, "MB.adoption.known"},
	} {
		if rs := dry(t, svc, c.src); rs[0].Status != acts.Refused || outcome(rs, 0, c.rule) != "failed" {
			t.Errorf("%s: %s, %s = %s; want refused by it", c.name, rs[0].Status, c.rule, outcome(rs, 0, c.rule))
		}
	}
	mustApply(t, svc, sign("quinn", "2004-06-30", "2004-06-29"))
	mustApply(t, svc, sign("ray", "2004-06-30", ""))
	mustApply(t, svc, sign("sam", "2004-07-01", ""))
	out, err := svc.ConsentsOut(ctx, "quintus")
	if err != nil || len(out) != 1 || !out[0].Effective.IsZero() || strings.Join(out[0].Missing(), ",") != "tess" {
		t.Fatalf("ConsentsOut before the last signature = %+v, %v", out, err)
	}
	rs = mustApply(t, svc, sign("tess", "2004-07-02", ""))
	if got := message(rs, 0, "III.9.unanimous_consent"); !strings.Contains(got, "the last signature: all 5 members of the board in office consented in writing; consent uwc2 takes effect 2004-07-02") {
		t.Errorf("Tess's signature: %s", got)
	}
	if rs := dry(t, svc, sign("tess", "2004-07-03", "")); outcome(rs, 0, "MB.consent.circulated") != "failed" {
		t.Errorf("a signature after the consent took effect: %v", rs[0].Checks)
	}
	if rs := dry(t, svc, `[{kind: board.consent, effective: 2004-07-03, actor: {as: secretary}, fields: {id: uwc2, signers: [{director: pat, signed: 2004-07-03}], resolutions: [r]}}]`); outcome(rs, 0, "MB.consent.unique") != "failed" {
		t.Errorf("board.consent reusing the id of a circulated consent: %v", rs[0].Checks)
	}
	rs = mustApply(t, svc, adopt)
	if got := message(rs, 0, "III.9.unanimous_consent"); !strings.Contains(got, "unanimous written consent uwc2 of the 5 members in office") {
		t.Errorf("adoption by the signed consent: %s", got)
	}
	out, err = svc.ConsentsOut(ctx, "quintus")
	if err != nil || len(out) != 1 || out[0].Effective.String() != "2004-07-02" || len(out[0].Signatures) != 5 || !out[0].Signed("ray") {
		t.Fatalf("ConsentsOut after = %+v, %v", out, err)
	}
	m, err := svc.Minutes(ctx, "quintus", "uwc2")
	if err != nil || m.Consent == nil || len(m.Items) != 1 {
		t.Fatalf("minutes of the signed consent: %+v, %v", m, err)
	}
	if rep, err := svc.Verify(ctx, "quintus", acts.VerifyOptions{}); err != nil || !rep.OK {
		t.Fatalf("Verify = %+v, %v", rep, err)
	}
}

// TestConsentSigningSameOnBothStores: the consent out for signature gives
// the same results, journal and tables on SQLite and PostgreSQL, and the
// journal replays to the stored tables.
func TestConsentSigningSameOnBothStores(t *testing.T) {
	t.Parallel()
	lite, pg := bothStores(t)
	consentSigning(t, lite)
	consentSigning(t, pg)
	h1, r1 := books(t, lite)
	h2, r2 := books(t, pg)
	sameBooks(t, h1, r1, h2, r2)
	n := 0
	if err := r1.Scan(tables.BoardConsentCirculations, nil, func(tables.Row) error { n++; return nil }); err != nil || n != 1 {
		t.Errorf("circulations = %d, %v; want 1", n, err)
	}
}

// bothStores opens a fresh SQLite store and a fresh PostgreSQL database,
// closed when the test ends.
func bothStores(t *testing.T) (acts.Store, acts.Store) {
	t.Helper()
	ctx := context.Background()
	lite, err := sqlite.Open(ctx, testdb.SQLitePath(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lite.Close() })
	pg, err := postgres.Open(ctx, testdb.Postgres(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pg.Close() })
	return lite, pg
}
