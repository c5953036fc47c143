package demo_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/demo"
	"minutebook/internal/postgres"
	"minutebook/internal/sqlite"
	"minutebook/internal/testdb"
)

var today = corp.MustDate(2026, 11, 25)

var clock = func() time.Time { return time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC) }

func sqliteService(t testing.TB) *acts.Service {
	t.Helper()
	st, err := sqlite.Open(context.Background(), testdb.SQLitePath(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &acts.Service{Store: st, Clock: clock}
}

func postgresService(t testing.TB) *acts.Service {
	t.Helper()
	st, err := postgres.Open(context.Background(), testdb.Postgres(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &acts.Service{Store: st, Clock: clock}
}

func TestRecordSQLite(t *testing.T) {
	t.Parallel()
	check(t, sqliteService(t))
}

func TestRecordPostgres(t *testing.T) {
	t.Parallel()
	check(t, postgresService(t))
}

// check records the demo and checks it: every act recorded (Record fails
// otherwise), the journal verifies, and figures worked out independently
// of the ledger.
func check(t *testing.T, svc *acts.Service) {
	ctx := context.Background()
	began := time.Now()
	if err := demo.Record(ctx, svc, today); err != nil {
		t.Fatal(err)
	}
	t.Logf("recorded in %v", time.Since(began))
	list, err := demo.Build(today)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := svc.Verify(ctx, demo.Corp, acts.VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK || rep.Entries != uint64(len(list)) {
		t.Errorf("journal verify: ok %v, %d entries (want %d), break %v, diff %v", rep.OK, rep.Entries, len(list), rep.Break, rep.TableDiff)
	}

	// Every demo login but the auditor's acts as a person on the books.
	persons, err := svc.Persons(ctx, demo.Corp)
	if err != nil {
		t.Fatal(err)
	}
	onBooks := map[string]bool{}
	for _, p := range persons {
		onBooks[p.ID] = true
	}
	for _, p := range demo.People {
		if p.ID != "" && !onBooks[p.ID] {
			t.Errorf("demo login %s acts as %q, who is not on the books", p.Email, p.ID)
		}
	}

	// Outstanding: every share issued, from the acts' own fields (no
	// repurchase or retirement in the demo).
	issued := corp.DecimalFromInt(0)
	for _, a := range list {
		switch f := a.Fields.(type) {
		case *acts.IssueFields:
			issued = issued.Add(f.Shares)
		case *acts.ExerciseFields:
			issued = issued.Add(f.Quantity)
		}
	}
	ct, err := svc.Holdings(ctx, demo.Corp, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(ct.Classes) == 0 || ct.Classes[0].Outstanding.Cmp(issued) != 0 {
		t.Errorf("outstanding common on %s = %v, want %s (every share issued)", today, ct.Classes, issued)
	}
	// By hand: Alice 400,000 − 20,000 to Frank (2003, Art. VIII notice) −
	// 30,000 to Olivia (2011 gift) = 350,000; Bob 260,000 − 10,000 to Gwen
	// (2004, waiver) = 250,000 on a replacement certificate; Carol 200,000.
	holders := 0
	for _, h := range ct.Holdings {
		holders++
		want, ok := map[string]string{"alice": "350000", "bob": "250000", "carol": "200000", "olivia": "30000"}[h.Holder.ID]
		if ok && h.Shares.String() != want {
			t.Errorf("%s holds %s, want %s", h.Holder.ID, h.Shares, want)
		}
	}
	if holders < 40 || holders > 200 {
		t.Errorf("%d holders of record, want 40 to 200", holders)
	}
	t.Logf("%d acts, %d holders of record on %s", len(list), holders, today)

	// Business left pending for the dashboard, in the next 60 days.
	cal, err := svc.Calendar(ctx, demo.Corp, today, today.AddDays(60))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range cal {
		got = append(got, d.Date.String()+" "+d.Rule+" "+d.Title)
	}
	t.Logf("calendar:\n%s", strings.Join(got, "\n"))
	for _, want := range []string{"annual-2026", "dividend"} {
		if !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(strings.ToLower(s), want) }) {
			t.Errorf("the calendar from %s holds nothing about %q", today, want)
		}
	}

	// A proxy in force that lapses within a month (the calendar does not
	// list proxy lapses yet).
	proxies, err := svc.Proxies(ctx, demo.Corp, today)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(proxies, func(p acts.ProxyView) bool {
		last, err := corp.ParseDate(p.LastDay)
		return err == nil && p.Status == "in_force" && !last.Before(today) && last.Before(today.AddDays(30))
	}) {
		t.Errorf("no proxy in force on %s lapses within 30 days", today)
	}

	// The contested election of 2012: Frank's voters put him in place of
	// Uma, the slate's last; everyone voted for Pat. So Uma + Frank = Pat,
	// and the slate is elected.
	res, err := svc.MeetingResult(ctx, demo.Corp, "annual-2012")
	if err != nil {
		t.Fatal(err)
	}
	var dirs *acts.MatterReport
	for i := range res.Matters {
		if res.Matters[i].ID == "directors" {
			dirs = &res.Matters[i]
		}
	}
	if dirs == nil {
		t.Fatal("annual-2012: no directors matter")
	}
	votes := map[string]corp.Decimal{}
	for _, c := range dirs.Candidates {
		votes[c.Candidate] = corp.MustDecimal(c.Votes)
	}
	if votes["frank"].Sign() <= 0 || votes["uma"].Add(votes["frank"]).Cmp(votes["pat"]) != 0 {
		t.Errorf("annual-2012: uma %s + frank %s, want pat's %s", votes["uma"], votes["frank"], votes["pat"])
	}
	if slices.Contains(dirs.Elected, "frank") || len(dirs.Elected) != 5 {
		t.Errorf("annual-2012 elected %v, want the five of the slate", dirs.Elected)
	}
	// 2015: Ray stands down, Xavier is elected and becomes president.
	reg, err := svc.Directors(ctx, demo.Corp, today)
	if err != nil {
		t.Fatal(err)
	}
	var in []string
	for _, d := range reg.InOffice {
		in = append(in, d.Person)
	}
	if got := fmt.Sprint(in); got != "[pat quinn sam uma xavier]" {
		t.Errorf("directors in office on %s = %s, want [pat quinn sam uma xavier]", today, got)
	}
}

func BenchmarkBuild(b *testing.B) {
	for b.Loop() {
		list, err := demo.Build(today)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(list)), "acts")
	}
}
