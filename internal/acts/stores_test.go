package acts_test

import (
	"context"
	"testing"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/journal"
	"minutebook/internal/postgres"
	"minutebook/internal/sqlite"
	"minutebook/internal/tables"
	"minutebook/internal/testdb"
)

// story is a run of acts with refusals and corrections, applied the same
// way to every store.
var story = []struct {
	src  string
	opt  acts.Options
	want string
}{
	{createQuintus, acts.Options{}, "recorded,recorded"},
	{`
- {kind: person.add, effective: 2000-01-01, actor: {as: secretary}, fields: {id: carol, name: Carol Chen, kind: natural_person, address: {lines: ["88 Sand Hill Road"], city: Portola Valley}}}
- {kind: person.add, effective: 2000-01-01, actor: {as: secretary}, fields: {id: dan, name: Dan Chen, kind: natural_person, email: dan@example.com}}
- {kind: person.add, effective: 2000-01-01, actor: {as: secretary}, fields: {id: carol, name: Zoë Ærø, kind: trust}}
`, acts.Options{}, "recorded,recorded,refused"},
	{`
- {kind: person.add, effective: 2000-01-01, actor: {as: secretary}, fields: {id: eve-lp, name: "Eve Ventures II, L.P.", kind: limited_partnership}}
- {kind: relationship.add, effective: 2000-01-02, actor: {as: secretary}, fields: {from: carol, kind: spouse, to: dan}}
- {kind: relationship.add, effective: 2000-01-02, actor: {as: secretary}, fields: {from: carol, kind: partner_of, to: eve-lp}}
- {kind: relationship.add, effective: 2000-01-02, actor: {as: secretary}, fields: {from: carol, kind: spouse, to: dan}}
`, acts.Options{Atomic: true}, "rolled_back,rolled_back,rolled_back,refused"},
	{`
- {kind: person.add, effective: 2000-01-01, actor: {as: secretary}, fields: {id: eve-lp, name: "Eve Ventures II, L.P.", kind: limited_partnership}}
- {kind: relationship.add, effective: 2000-01-02, actor: {as: secretary}, fields: {from: carol, kind: spouse, to: dan}}
- {kind: bylaws.amend, effective: 2003-01-15, actor: {as: board}, fields: {meeting: regular, resolution: r, bylaws: {default: true}}}
- {kind: person.add, effective: 2002-06-01, actor: {as: secretary}, fields: {id: late, name: Late Comer, kind: llc}}
`, acts.Options{}, "recorded,recorded,recorded,refused"},
	{`
- {kind: person.add, effective: 2002-06-01, correction: true, actor: {as: secretary}, fields: {id: late, name: Late Comer, kind: llc}}
- {kind: relationship.end, effective: 2004-01-02, actor: {as: secretary}, fields: {from: carol, kind: spouse, to: dan}}
- {kind: charter.amend, effective: 2004-03-01, actor: {as: secretary}, fields: {authority: "Certificate of Amendment", charter: {cumulative_voting: true, board_may_amend_bylaws: false}}}
- {kind: bylaws.amend, effective: 2004-04-01, actor: {as: board}, fields: {meeting: regular, resolution: r, bylaws: {default: true}}}
`, acts.Options{}, "recorded,recorded,recorded,refused"},
}

func runStory(t *testing.T, st acts.Store) (head tables.Head, rows *tables.Memory) {
	t.Helper()
	svc := &acts.Service{Store: st, Clock: func() time.Time { return fixed }}
	ctx := context.Background()
	for i, s := range story {
		rs, err := svc.Apply(ctx, "quintus", decode(t, s.src), s.opt)
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if got := statuses(rs); got != s.want {
			t.Fatalf("step %d: statuses %s, want %s", i, got, s.want)
		}
	}
	rep, err := svc.Verify(ctx, "quintus", acts.VerifyOptions{})
	if err != nil || !rep.OK {
		t.Fatalf("Verify = %+v, %v", rep, err)
	}
	return books(t, st)
}

// TestSameOnBothStores: the same acts with the same clock give the same
// results, byte-identical journals (hence the same head hash) and the same
// derived tables on SQLite and on PostgreSQL.
func TestSameOnBothStores(t *testing.T) {
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
	h1, r1 := runStory(t, lite)
	h2, r2 := runStory(t, pg)
	sameBooks(t, h1, r1, h2, r2)
	if h1.Seq != 10 || h1.NewestEffective != "2004-03-01" || h1.Hash == journal.Genesis {
		t.Errorf("head = %+v, want 10 entries, newest 2004-03-01", h1)
	}
}

// sameBooks asserts that two stores' books are the same: the journal head
// (hence, by the chain, every entry) and every derived table.
func sameBooks(t *testing.T, h1 tables.Head, r1 *tables.Memory, h2 tables.Head, r2 *tables.Memory) {
	t.Helper()
	if h1 != h2 {
		t.Errorf("heads differ: sqlite %+v, postgres %+v", h1, h2)
	}
	diff, err := tables.Diff(r1, r2, 20)
	if err != nil {
		t.Fatal(err)
	}
	if len(diff) > 0 {
		t.Errorf("derived tables differ between sqlite (-) and postgres (+):\n%v", diff)
	}
}
