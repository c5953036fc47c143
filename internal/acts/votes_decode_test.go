package acts

import (
	"reflect"
	"testing"

	"pgregory.net/rapid"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
)

// sameAsStrict checks voteActOf against the strict decoder (actOf) on one
// entry: when the strict decoder refuses, voteActOf refuses too; when it
// accepts, voteActOf returns the same act. It reports whether the direct
// decoder answered (rather than falling back to actOf).
func sameAsStrict(t interface {
	Helper()
	Fatalf(string, ...any)
}, en *journal.Entry) bool {
	t.Helper()
	want, werr := actOf(en)
	got, gerr := voteActOf(en)
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("fields %s: voteActOf error %v, actOf error %v", en.Fields, gerr, werr)
	}
	if werr != nil {
		if gerr.Error() != werr.Error() {
			t.Fatalf("fields %s: voteActOf error %q, actOf error %q", en.Fields, gerr, werr)
		}
		return false
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("fields %s:\nvoteActOf %#v\nactOf     %#v", en.Fields, got, want)
	}
	var direct bool
	switch en.Kind {
	case GrantProxy.Name:
		_, direct = directProxy(en.Fields)
	case RevokeProxy.Name:
		_, direct = directRevoke(en.Fields)
	case CastBallot.Name:
		_, direct = directBallot(en.Fields)
	}
	return direct
}

var voteKinds = []string{GrantProxy.Name, RevokeProxy.Name, CastBallot.Name}

// drawText draws text from a small set that covers the edge cases of the
// fields: blank, dates that do and do not exist, decimals, choices.
func drawText(t *rapid.T, label string) string {
	return rapid.SampledFrom([]string{"", " ", "carol", "pat", "annual", "p1", "m1", "for", "against", "abstain", "maybe",
		"2004-06-01", "2005-02-29", "2004-6-1", "1000", "0.25", "-3", "1e3", "5y", "18m", "0y"}).Draw(t, label)
}

// drawValue draws a journal value that may take the place of a field:
// mostly the form the act path writes, sometimes another kind.
func drawValue(t *rapid.T, label string, depth int) journal.Value {
	switch k := rapid.IntRange(0, 9).Draw(t, label+".kind"); {
	case k <= 4:
		return journal.StringValue(drawText(t, label))
	case k == 5:
		return journal.NullValue()
	case k == 6:
		return journal.IntValue(rapid.Int64Range(-2, 2000).Draw(t, label))
	case k == 7:
		return journal.BoolValue(rapid.Bool().Draw(t, label))
	case depth > 2:
		return journal.StringValue(drawText(t, label))
	case k == 8:
		n := rapid.IntRange(0, 3).Draw(t, label+".len")
		items := make([]journal.Value, n)
		for i := range items {
			items[i] = drawValue(t, label, depth+1)
		}
		return journal.ListValue(items...)
	}
	return drawMap(t, label, []string{"candidate", "votes", "matter", "choice", "candidates", "cumulate", "x"}, depth+1)
}

// drawMap draws a map of some of keys.
func drawMap(t *rapid.T, label string, keys []string, depth int) journal.Value {
	var ks []string
	var vs []journal.Value
	for _, k := range keys {
		if rapid.IntRange(0, 3).Draw(t, label+"."+k+".has") > 0 {
			ks = append(ks, k)
			vs = append(vs, drawField(t, label+"."+k, k, depth))
		}
	}
	return journal.MapValue(ks, vs)
}

// drawField draws the value of field k: usually of the right shape.
func drawField(t *rapid.T, label, k string, depth int) journal.Value {
	if rapid.IntRange(0, 7).Draw(t, label+".odd") == 0 || depth > 3 {
		return drawValue(t, label, depth)
	}
	list := func(item func(i int) journal.Value) journal.Value {
		n := rapid.IntRange(0, 3).Draw(t, label+".len")
		items := make([]journal.Value, n)
		for i := range items {
			items[i] = item(i)
		}
		return journal.ListValue(items...)
	}
	switch k {
	case "ballots":
		return list(func(int) journal.Value {
			return drawMap(t, label, []string{"matter", "choice", "candidates", "cumulate", "x"}, depth+1)
		})
	case "candidates":
		return list(func(int) journal.Value { return journal.StringValue(drawText(t, label)) })
	case "cumulate":
		return list(func(int) journal.Value { return drawMap(t, label, []string{"candidate", "votes", "x"}, depth+1) })
	}
	return journal.StringValue(drawText(t, label))
}

// drawEntry draws a proxy.grant, proxy.revoke or ballot.cast entry.
func drawEntry(t *rapid.T) *journal.Entry {
	kind := rapid.SampledFrom(voteKinds).Draw(t, "kind")
	keys := map[string][]string{
		GrantProxy.Name:  {"date", "holder", "id", "meeting", "period", "proxy_holder"},
		RevokeProxy.Name: {"holder", "id"},
		CastBallot.Name:  {"ballots", "holder", "meeting", "proxy", "votes"},
	}[kind]
	if rapid.IntRange(0, 9).Draw(t, "extra") == 0 {
		keys = append(keys, rapid.SampledFrom([]string{"x", adoptionKey}).Draw(t, "extra.key"))
	}
	eff := rapid.SampledFrom([]string{"2004-06-01", "2004-06-31"}).Draw(t, "effective")
	return &journal.Entry{Corp: "c", Seq: 7, Kind: kind, Effective: eff, Actor: journal.Actor{Person: "carol", Capacity: "holder"},
		Fields: drawMap(t, "fields", keys, 0)}
}

// TestVoteActOfMatchesStrict: on drawn field maps of the three kinds —
// mostly well formed, some with a field of the wrong kind, a blank or
// missing required field, an unknown key, a bad date, decimal or choice
// — the direct decoder agrees with the strict decoder, and it answers
// (without falling back) for a good share of them.
func TestVoteActOfMatchesStrict(t *testing.T) {
	t.Parallel()
	direct, total := 0, 0
	rapid.Check(t, func(t *rapid.T) {
		en := drawEntry(t)
		total++
		if sameAsStrict(t, en) {
			direct++
		}
	})
	if direct == 0 || direct == total {
		t.Fatalf("the direct decoder answered %d of %d drawn entries: the draws do not exercise both paths", direct, total)
	}
}

// TestVoteActOfRecorded: the fields the act path writes (toValue) are
// decoded directly, to the same act.
func TestVoteActOfRecorded(t *testing.T) {
	t.Parallel()
	d := corp.MustDate(2004, 6, 1)
	v := corp.MustDecimal("12.5")
	for name, tc := range map[string]struct {
		kind   string
		fields any
	}{
		"grant":         {GrantProxy.Name, &ProxyFields{ID: "p1", Holder: "carol", ProxyHolder: "pat", Date: &d, Period: "5y", Meeting: "annual"}},
		"grant undated": {GrantProxy.Name, &ProxyFields{ID: "p1", Holder: "carol", ProxyHolder: "pat"}},
		"revoke":        {RevokeProxy.Name, &RevokeProxyFields{Holder: "carol", ID: "p1"}},
		"ballot": {CastBallot.Name, &BallotFields{Meeting: "annual", Holder: "carol", Proxy: "p1", Votes: &v, Ballots: []BallotVoteField{
			{Matter: "q", Choice: "against"},
			{Matter: "e", Candidates: []string{"ann", "bob"}},
			{Matter: "c", Cumulate: []CumulateField{{Candidate: "ann", Votes: corp.MustDecimal("3")}, {Candidate: "bob", Votes: corp.MustDecimal("9.5")}}},
		}}},
	} {
		en := &journal.Entry{Corp: "c", Seq: 3, Kind: tc.kind, Effective: "2004-06-02", Actor: journal.Actor{Person: "pat", Capacity: "holder"}, Fields: toValue(tc.fields)}
		if !sameAsStrict(t, en) {
			t.Errorf("%s: the direct decoder fell back to the strict decoder on fields the act path writes: %s", name, en.Fields)
		}
	}
}

// FuzzVoteActOf: on any journal entry, the direct decoder agrees with the
// strict decoder (the entry's kind is forced to one of the three).
func FuzzVoteActOf(f *testing.F) {
	d := corp.MustDate(2004, 6, 1)
	for i, fv := range []any{
		&ProxyFields{ID: "p1", Holder: "carol", ProxyHolder: "pat", Date: &d, Period: "5y", Meeting: "annual"},
		&RevokeProxyFields{Holder: "carol", ID: "p1"},
		&BallotFields{Meeting: "annual", Holder: "carol", Ballots: []BallotVoteField{{Matter: "q", Choice: "for"},
			{Matter: "c", Cumulate: []CumulateField{{Candidate: "ann", Votes: corp.MustDecimal("3")}}}}},
	} {
		f.Add(journal.Encode(&journal.Entry{Corp: "c", Seq: 1, Kind: voteKinds[i], Effective: "2004-06-01", Fields: toValue(fv)}), uint8(i))
	}
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		en, err := journal.Decode(data)
		if err != nil {
			return
		}
		en.Kind = voteKinds[int(kind)%len(voteKinds)]
		sameAsStrict(t, en)
	})
}
