package vote_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"minutebook/internal/corp"
	"minutebook/internal/vote"
)

func d(s string) corp.Date { return corp.MustDate(atoi(s[0:4]), atoi(s[5:7]), atoi(s[8:10])) }

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// Fixture F's holders (examples.md): 1,000,000 shares outstanding.
var holdersF = map[string]int64{"alice": 400000, "bob": 260000, "carol": 200000, "dan": 100000, "eve": 40000}

func inPerson(matter, holder string, seq uint64) vote.Ballot {
	h := holdersF[holder]
	return vote.Ballot{Meeting: "m", Matter: matter, Holder: holder, Voter: holder, Mode: vote.InPerson, Seq: seq, Held: h, Power: h}
}

func question(holder string, c vote.Choice, seq uint64) vote.Ballot {
	b := inPerson("q", holder, seq)
	b.Choice = c
	return b
}

func plurality(holder string, seq uint64, cands ...string) vote.Ballot {
	b := inPerson("dirs", holder, seq)
	slices.Sort(cands)
	for _, c := range cands {
		b.Votes = append(b.Votes, vote.Allocation{Candidate: c, Votes: b.Power})
	}
	return b
}

func cumulative(holder string, seq uint64, alloc ...any) vote.Ballot {
	b := inPerson("dirs", holder, seq)
	for i := 0; i < len(alloc); i += 2 {
		b.Votes = append(b.Votes, vote.Allocation{Candidate: alloc[i].(string), Votes: int64(alloc[i+1].(int))})
	}
	slices.SortFunc(b.Votes, func(x, y vote.Allocation) int { return bytes.Compare([]byte(x.Candidate), []byte(y.Candidate)) })
	return b
}

var qMatter = vote.Matter{ID: "q", Kind: vote.Question, Text: "ratify the auditors"}

func election(seats int, cum bool, cands ...string) vote.Matter {
	return vote.Matter{ID: "dirs", Kind: vote.Election, Seats: seats, Candidates: cands, Cumulative: cum, Incumbents: []string{"m1", "m2", "m3"}}
}

func votesOf(mr vote.MatterResult) map[string]int64 {
	out := map[string]int64{}
	for _, c := range mr.Candidates {
		out[c.Candidate] = c.Votes
	}
	return out
}

// TestThreshold works the cumulative-voting formula ⌊S·N/(D+1)⌋ + 1
// (rules.md II.10.cumulative) by hand.
func TestThreshold(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s          int64
		seats, n   int
		want       int64
		electable  int64 // holder's shares for SeatsElectable
		wantElects int
	}{
		// FC, 3 seats, 1,000,000 voting: ⌊1,000,000/4⌋ + 1 = 250,001; Bob's 260,000 elects one.
		{1000000, 3, 1, 250001, 260000, 1},
		// Two of three: ⌊2,000,000/4⌋ + 1 = 500,001; 740,000 elects two, not three (750,001).
		{1000000, 3, 2, 500001, 740000, 2},
		{1000000, 3, 3, 750001, 750001, 3},
		// Exactly S/(D+1) is not enough: 250,000 elects none.
		{1000000, 3, 1, 250001, 250000, 0},
		// 7 seats of 1,000,000: ⌊1,000,000/8⌋ + 1 = 125,001.
		{1000000, 7, 1, 125001, 125001, 1},
		// S·N overflows 64 bits only inside the 128-bit product.
		{1 << 62, 7, 7, (1<<62)*7/8 + 1, 0, 0},
	}
	for _, tt := range tests {
		got, err := vote.Threshold(tt.s, tt.seats, tt.n)
		if err != nil || got != tt.want {
			t.Errorf("Threshold(%d, %d, %d) = %d, %v; want %d", tt.s, tt.seats, tt.n, got, err, tt.want)
		}
		if tt.electable > 0 {
			if got := vote.SeatsElectable(tt.electable, tt.s, tt.seats); got != tt.wantElects {
				t.Errorf("SeatsElectable(%d, %d, %d) = %d, want %d", tt.electable, tt.s, tt.seats, got, tt.wantElects)
			}
		}
	}
	if _, err := vote.Threshold(100, 3, 4); err == nil {
		t.Error("Threshold(100, 3, 4): electing more than the seats is not an error")
	}
	if f := vote.ThresholdFormula(1000000, 3, 1); f != "⌊S × N / (D + 1)⌋ + 1 = ⌊1000000 × 1 / (3 + 1)⌋ + 1 = ⌊1000000 / 4⌋ + 1 = 250001" {
		t.Errorf("ThresholdFormula = %s", f)
	}
}

// ExampleThreshold: a 26% minority (Bob, 260,000 of 1,000,000) at a
// cumulative election of 3 directors.
func ExampleThreshold() {
	t, _ := vote.Threshold(1000000, 3, 1)
	fmt.Println(t, vote.SeatsElectable(260000, 1000000, 3))
	// Output: 250001 1
}

// TestPluralityS35 works S35: three seats, straight plurality. Alice,
// Carol and Dan (700,000) vote M1, M2, M3; Bob and Eve (300,000) vote X, Y,
// Z. M1 = M2 = M3 = 700,000; X = Y = Z = 300,000; M1–M3 elected.
func TestPluralityS35(t *testing.T) {
	t.Parallel()
	m := election(3, false, "m1", "m2", "m3", "x", "y", "z")
	bs := []vote.Ballot{
		plurality("alice", 1, "m1", "m2", "m3"), plurality("carol", 2, "m1", "m2", "m3"), plurality("dan", 3, "m1", "m2", "m3"),
		plurality("bob", 4, "x", "y", "z"), plurality("eve", 5, "x", "y", "z"),
	}
	r, err := vote.Tally([]vote.Matter{m}, bs, nil, vote.Options{})
	if err != nil {
		t.Fatal(err)
	}
	mr := r.Matters[0]
	want := map[string]int64{"m1": 700000, "m2": 700000, "m3": 700000, "x": 300000, "y": 300000, "z": 300000}
	if got := votesOf(mr); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("votes = %v, want %v", got, want)
	}
	if fmt.Sprint(mr.Elected) != "[m1 m2 m3]" || len(mr.Tied) != 0 || r.Present != 1000000 || mr.Withheld != 0 {
		t.Errorf("elected %v tied %v present %d withheld %d; want [m1 m2 m3], none, 1000000, 0", mr.Elected, mr.Tied, r.Present, mr.Withheld)
	}
	// Four marks for three seats is over-voted.
	over := plurality("bob", 6, "x", "y", "z", "m1")
	if err := vote.Check(&m, &over); !errors.Is(err, vote.ErrOverVoted) {
		t.Errorf("four marks for three seats: %v", err)
	}
}

// TestCumulativeMinority works the FC cumulative election of 3 seats:
// Bob (260,000 × 3 = 780,000 votes) cumulates on X. (a) The majority
// (740,000 × 3 = 2,220,000) splits 1,110,000 on M1 and M2: M1, M2, X
// elected. (b) The majority spreads 740,000 on each of M1, M2, M3: X leads
// with 780,000 and M1 = M2 = M3 = 740,000 tie for the two remaining seats:
// both undetermined, the incumbents hold over (A-TIE). (c) Bob casting
// 780,001 is over-voted and returned for correction.
func TestCumulativeMinority(t *testing.T) {
	t.Parallel()
	m := election(3, true, "m1", "m2", "m3", "x")
	bob := cumulative("bob", 9, "x", 780000)
	a := []vote.Ballot{bob,
		cumulative("alice", 1, "m1", 600000, "m2", 600000),
		cumulative("carol", 2, "m1", 300000, "m2", 300000),
		cumulative("dan", 3, "m1", 150000, "m2", 150000),
		cumulative("eve", 4, "m1", 60000, "m2", 60000),
	}
	r, err := vote.Tally([]vote.Matter{m}, a, nil, vote.Options{})
	if err != nil {
		t.Fatal(err)
	}
	mr := r.Matters[0]
	if v := votesOf(mr); v["m1"] != 1110000 || v["m2"] != 1110000 || v["x"] != 780000 || v["m3"] != 0 {
		t.Errorf("(a) votes %v", v)
	}
	if fmt.Sprint(mr.Elected) != "[m1 m2 x]" || mr.Undetermined != 0 || mr.Withheld != 0 {
		t.Errorf("(a) elected %v undetermined %d withheld %d", mr.Elected, mr.Undetermined, mr.Withheld)
	}
	b := []vote.Ballot{bob,
		cumulative("alice", 1, "m1", 400000, "m2", 400000, "m3", 400000),
		cumulative("carol", 2, "m1", 200000, "m2", 200000, "m3", 200000),
		cumulative("dan", 3, "m1", 100000, "m2", 100000, "m3", 100000),
		cumulative("eve", 4, "m1", 40000, "m2", 40000, "m3", 40000),
	}
	r, err = vote.Tally([]vote.Matter{m}, b, nil, vote.Options{})
	if err != nil {
		t.Fatal(err)
	}
	mr = r.Matters[0]
	if fmt.Sprint(mr.Elected) != "[x]" || fmt.Sprint(mr.Tied) != "[m1 m2 m3]" || mr.Undetermined != 2 {
		t.Errorf("(b) elected %v tied %v undetermined %d; want [x], [m1 m2 m3], 2", mr.Elected, mr.Tied, mr.Undetermined)
	}
	over := cumulative("bob", 10, "x", 780001)
	err = vote.Check(&m, &over)
	if !errors.Is(err, vote.ErrOverVoted) || !bytes.Contains([]byte(err.Error()), []byte("780001 votes cast, but 260000 votes × 3 seats allow 780000")) {
		t.Errorf("(c) over-voted: %v", err)
	}
	// Cast in part: 779,999 leaves 1 vote withheld.
	under := cumulative("bob", 10, "x", 779999)
	if r, err := vote.Tally([]vote.Matter{m}, []vote.Ballot{under}, nil, vote.Options{}); err != nil || r.Matters[0].Withheld != 1 {
		t.Errorf("under-voted ballot: %v", err)
	}
}

// TestQuestionMajority: a majority of the voting power present (Art. II
// §9). All 1,000,000 present: 500,000 for is not a majority, 500,001 is.
// 700,000 present (Alice, Carol, Dan) with 350,000 for, 300,000 against
// and 50,000 abstaining: 350,000 is not more than half of 700,000 under
// A-ABST in_denominator, but is more than half of the 650,000 cast under
// votes_cast.
func TestQuestionMajority(t *testing.T) {
	t.Parallel()
	exactlyHalf := []vote.Ballot{question("alice", vote.For, 1), question("dan", vote.For, 2),
		question("bob", vote.Against, 3), question("carol", vote.Against, 4), question("eve", vote.Abstain, 5)}
	r, _ := vote.Tally([]vote.Matter{qMatter}, exactlyHalf, nil, vote.Options{})
	if mr := r.Matters[0]; mr.For != 500000 || mr.Against != 460000 || mr.Abstain != 40000 || mr.Present != 1000000 || mr.Passed {
		t.Errorf("500,000 of 1,000,000: %+v", mr)
	}
	// Dan holds 100,001 and Eve 39,999: 500,001 for passes.
	bs := slices.Clone(exactlyHalf)
	bs[1].Held, bs[1].Power = 100001, 100001
	bs[4].Held, bs[4].Power = 39999, 39999
	r, _ = vote.Tally([]vote.Matter{qMatter}, bs, nil, vote.Options{})
	if mr := r.Matters[0]; mr.For != 500001 || !mr.Passed {
		t.Errorf("500,001 of 1,000,000: %+v", mr)
	}
	// Alice votes 350,000 of her 400,000 for; Carol 200,000 and Dan
	// 100,000 against.
	abst := []vote.Ballot{question("alice", vote.For, 1), question("carol", vote.Against, 2), question("dan", vote.Against, 3)}
	abst[0].Power = 350000
	// 350,000 for; 300,000 against; Alice's 50,000 unvoted shares are present.
	r, _ = vote.Tally([]vote.Matter{qMatter}, abst, nil, vote.Options{})
	if mr := r.Matters[0]; mr.Present != 700000 || mr.For != 350000 || mr.Against != 300000 || mr.NotVoted != 50000 || mr.Passed {
		t.Errorf("in_denominator: %+v", mr)
	}
	r, _ = vote.Tally([]vote.Matter{qMatter}, abst, nil, vote.Options{VotesCast: true})
	if mr := r.Matters[0]; mr.Denominator != 650000 || !mr.Passed {
		t.Errorf("votes_cast: %+v", mr)
	}
}

// TestProxyLapse: S30 (dated 2001-06-15, voted 2004-06-15: valid), S31
// (voted 2004-06-16: lapsed), a stated longer period (5 years: valid on
// 2004-06-16), 29 February (dated 2000-02-29: last day 2003-02-28 under
// feb28, 2003-03-01 under mar1) and before_anniversary.
func TestProxyLapse(t *testing.T) {
	t.Parallel()
	std := vote.ProxyRules{Feb29: corp.Feb29ToFeb28}
	p := &vote.Proxy{ID: "p", Holder: "carol", ProxyHolder: "pat", Date: d("2001-06-15")}
	for _, tt := range []struct {
		rules  vote.ProxyRules
		period string
		date   string
		on     string
		lapsed bool
	}{
		{std, "", "2001-06-15", "2004-06-15", false},
		{std, "", "2001-06-15", "2004-06-16", true},
		{std, "5y", "2001-06-15", "2004-06-16", false},
		{std, "5y", "2001-06-15", "2006-06-16", true},
		{std, "18m", "2001-06-15", "2002-12-15", false},
		{std, "18m", "2001-06-15", "2002-12-16", true},
		{std, "", "2000-02-29", "2003-02-28", false},
		{std, "", "2000-02-29", "2003-03-01", true},
		{vote.ProxyRules{Feb29: corp.Feb29ToMar1}, "", "2000-02-29", "2003-03-01", false},
		{vote.ProxyRules{Feb29: corp.Feb29ToMar1}, "", "2000-02-29", "2003-03-02", true},
		{std, "4y", "2000-02-29", "2004-02-29", false},
		{vote.ProxyRules{Feb29: corp.Feb29ToFeb28, BeforeAnniversary: true}, "", "2001-06-15", "2004-06-15", true},
		{vote.ProxyRules{Feb29: corp.Feb29ToFeb28, BeforeAnniversary: true}, "", "2001-06-15", "2004-06-14", false},
	} {
		per, err := vote.ParseDuration(tt.period)
		if err != nil {
			t.Fatal(err)
		}
		q := *p
		q.Date, q.Period = d(tt.date), per
		if got := tt.rules.Lapsed(&q, d(tt.on)); got != tt.lapsed {
			t.Errorf("proxy dated %s for %q voted %s (%+v): lapsed = %v, want %v (last day %s)", tt.date, tt.period, tt.on, tt.rules, got, tt.lapsed, vote.Lapse(q.Date, per, tt.rules.Feb29))
		}
	}
}

// TestProxyInForce: the latest-dated valid proxy controls (S33); a later
// one revokes an earlier one, which does not revive when the later lapses
// or is revoked; a proxy for another meeting does not bear.
func TestProxyInForce(t *testing.T) {
	t.Parallel()
	r := vote.ProxyRules{Feb29: corp.Feb29ToFeb28}
	p1 := &vote.Proxy{ID: "p1", Holder: "carol", ProxyHolder: "pat", Date: d("2004-05-10"), Seq: 20}
	p2 := &vote.Proxy{ID: "p2", Holder: "carol", ProxyHolder: "quinn", Date: d("2004-05-01"), Seq: 30}
	other := &vote.Proxy{ID: "p3", Holder: "carol", ProxyHolder: "ray", Date: d("2004-06-01"), Seq: 40, Meeting: "special"}
	on := d("2004-06-15")
	if got := r.InForce([]*vote.Proxy{p2, other, p1}, vote.Sessions{"annual"}, on); got != p1 {
		t.Errorf("latest dated: %v, want p1 (dated 2004-05-10, recorded first)", got)
	}
	if got := (vote.ProxyRules{LatestReceived: true}).InForce([]*vote.Proxy{p1, p2}, vote.Sessions{"annual"}, on); got != p2 {
		t.Errorf("latest received: %v, want p2", got)
	}
	if got := r.InForce([]*vote.Proxy{p1, p2, other}, vote.Sessions{"special"}, on); got != other {
		t.Errorf("for the special meeting: %v, want p3", got)
	}
	rev := *p1
	rev.Revoked = true
	if got := r.InForce([]*vote.Proxy{&rev, p2}, vote.Sessions{"annual"}, on); got != nil {
		t.Errorf("the latest revoked: %v, want none (p2 does not revive)", got)
	}
	if got := r.InForce([]*vote.Proxy{p1}, vote.Sessions{"annual"}, d("2004-05-09")); got != nil {
		t.Errorf("before its date: %v", got)
	}
}

// TestProxyAdjournedSession: a proxy given for a meeting bears on the
// session it is adjourned to (Sessions lists the adjourned session, then
// the original), not the other way round, and not on another meeting.
func TestProxyAdjournedSession(t *testing.T) {
	t.Parallel()
	r := vote.ProxyRules{Feb29: corp.Feb29ToFeb28}
	forAnnual := &vote.Proxy{ID: "p1", Holder: "carol", ProxyHolder: "pat", Date: d("2004-06-01"), Seq: 20, Meeting: "annual"}
	forAdjourned := &vote.Proxy{ID: "p2", Holder: "carol", ProxyHolder: "quinn", Date: d("2004-06-20"), Seq: 30, Meeting: "annual-2"}
	forSpecial := &vote.Proxy{ID: "p3", Holder: "carol", ProxyHolder: "ray", Date: d("2004-06-21"), Seq: 40, Meeting: "special"}
	adjourned := vote.Sessions{"annual-2", "annual"}
	for _, c := range []struct {
		name string
		ps   []*vote.Proxy
		at   vote.Sessions
		on   string
		want *vote.Proxy
	}{
		{"the original's proxy at the adjourned session", []*vote.Proxy{forAnnual, forSpecial}, adjourned, "2004-07-15", forAnnual},
		{"a later proxy for the adjourned session controls", []*vote.Proxy{forAnnual, forAdjourned}, adjourned, "2004-07-15", forAdjourned},
		{"the adjourned session's proxy does not bear on the original", []*vote.Proxy{forAdjourned}, vote.Sessions{"annual"}, "2004-07-15", nil},
		{"the original's proxy at the original", []*vote.Proxy{forAnnual, forAdjourned}, vote.Sessions{"annual"}, "2004-06-15", forAnnual},
		{"another meeting", []*vote.Proxy{forSpecial}, adjourned, "2004-07-15", nil},
		{"a general meeting id bears on none", []*vote.Proxy{forAnnual}, vote.Sessions{""}, "2004-07-15", nil},
	} {
		if got := r.InForce(c.ps, c.at, d(c.on)); got != c.want {
			t.Errorf("%s: InForce = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestProxyResolution: voting in person revokes a proxy (S34), and a proxy
// ballot counts only under the proxy in force.
func TestProxyResolution(t *testing.T) {
	t.Parallel()
	byProxy := func(holder, voter, proxy string, seq uint64, c vote.Choice) vote.Ballot {
		b := question(holder, c, seq)
		b.Voter, b.Mode, b.Proxy = voter, vote.ByProxy, proxy
		return b
	}
	bs := []vote.Ballot{
		byProxy("carol", "pat", "p1", 10, vote.For),
		question("carol", vote.Against, 11), // Carol in person: revokes
		byProxy("dan", "pat", "p2", 12, vote.For),
		byProxy("dan", "quinn", "p3", 13, vote.Against), // p3 is superseded
		byProxy("eve", "ray", "p4", 14, vote.For),       // p4 lapsed: not in force
	}
	inForce := map[string]string{"carol": "p1", "dan": "p2"}
	r, err := vote.Tally([]vote.Matter{qMatter}, bs, inForce, vote.Options{})
	if err != nil {
		t.Fatal(err)
	}
	mr := r.Matters[0]
	if mr.For != 100000 || mr.Against != 200000 || r.Present != 300000 || r.NCounted != 2 {
		t.Errorf("for %d against %d present %d counted %d; want 100000, 200000, 300000, 2", mr.For, mr.Against, r.Present, r.NCounted)
	}
	if !r.Counted[1] || !r.Counted[2] || r.Counted[0] || r.Counted[3] || r.Counted[4] {
		t.Errorf("counted %v", r.Counted)
	}
	if len(r.Reasons) != 3 || !bytes.Contains([]byte(r.Reasons[0]), []byte("in person")) {
		t.Errorf("reasons %v", r.Reasons)
	}
}

// TestEncodingGolden pins the ballot encoding and the receipt (STYLE.md:
// hash over one canonical encoding, pinned by golden vectors).
func TestEncodingGolden(t *testing.T) {
	t.Parallel()
	b := cumulative("bob", 9, "x", 780000)
	enc := vote.Encode(&b)
	// Worked by hand: Held 260,000 zigzags to 520,000 = c0 de 1f; 780,000
	// votes zigzag to 1,560,000 = c0 9b 5f.
	const want = "6d626231 016d 0464697273 03626f62 03626f62 70 00 09 c0de1f c0de1f 65 01 0178 c09b5f"
	if got := fmt.Sprintf("%x", enc); got != stripSpaces(want) {
		t.Errorf("Encode = %s, want %s", got, stripSpaces(want))
	}
	const receipt = "f048b7307b670c08dfd71ff7605ba6365044109a48f5f3c250102422b33c883b" // python3 hashlib, independently
	if got := vote.ReceiptOf(enc).String(); got != receipt {
		t.Errorf("ReceiptOf = %s, want %s", got, receipt)
	}
	back, err := vote.Decode(enc)
	if err != nil || fmt.Sprint(*back) != fmt.Sprint(b) {
		t.Errorf("Decode(Encode(b)) = %+v, %v", back, err)
	}
}

func stripSpaces(s string) string { return string(bytes.ReplaceAll([]byte(s), []byte(" "), nil)) }

// TestMerkle pins the root of one, two and three receipts by hand
// (leaf = H(0 ‖ r), node = H(1 ‖ l ‖ r), the odd node carried up) and
// checks every inclusion proof of trees of 1..33 leaves.
func TestMerkle(t *testing.T) {
	t.Parallel()
	var rs []vote.Receipt
	for i := range 33 {
		rs = append(rs, vote.ReceiptOf([]byte{byte(i)}))
	}
	vote.SortReceipts(rs)
	for n := 1; n <= len(rs); n++ {
		root := vote.MerkleRoot(rs[:n])
		for i := range n {
			p, err := vote.Prove(rs[:n], i)
			if err != nil || !p.Verify(rs[i], root) {
				t.Fatalf("n=%d i=%d: proof does not verify: %v", n, i, err)
			}
			if n > 1 && p.Verify(rs[(i+1)%n], root) {
				t.Fatalf("n=%d i=%d: proof verifies another receipt", n, i)
			}
			bad := p
			bad.Size++
			if len(p.Path) > 0 && bad.Verify(rs[i], root) && n&(n-1) == 0 {
				t.Fatalf("n=%d i=%d: proof verifies with a wrong size", n, i)
			}
		}
	}
	// Three receipts SHA-256("a"), ("b"), ("c"), sorted: root =
	// H(1 ‖ H(1 ‖ L0 ‖ L1) ‖ L2), computed independently with python3.
	var abc []vote.Receipt
	for _, s := range []string{"a", "b", "c"} {
		abc = append(abc, sha256.Sum256([]byte(s)))
	}
	vote.SortReceipts(abc)
	if got := vote.MerkleRoot(abc).String(); got != "dd67a4e94fcb4fff954bcb093257364a5b5d0832bda9ffb7a5b6340e45ca647b" {
		t.Errorf("root of a, b, c = %s", got)
	}
	if got := vote.MerkleRoot(nil).String(); got != "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" {
		t.Errorf("empty root = %s", got)
	}
}

// FuzzDecode: Decode never panics and accepts only canonical encodings.
func FuzzDecode(f *testing.F) {
	b := cumulative("bob", 9, "x", 780000)
	f.Add(vote.Encode(&b))
	q := question("alice", vote.For, 3)
	f.Add(vote.Encode(&q))
	f.Add([]byte("mbb1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := vote.Decode(data)
		if err != nil {
			return
		}
		if again := vote.Encode(b); !bytes.Equal(again, data) {
			t.Fatalf("Decode accepted a non-canonical encoding:\n%x\n%x", data, again)
		}
	})
}

// FuzzParseDuration: ParseDuration never panics and round-trips.
func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"", "3y", "18m", "2y6m", "0y", "2y12m", "100y", "101y", "1y1y", "y", "05y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := vote.ParseDuration(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDuration(%q) = %+v, which prints %q", s, d, d.String())
		}
		_ = vote.Lapse(corp.MustDate(2000, 2, 29), d, corp.Feb29ToFeb28)
	})
}

// FuzzParseReceipt: ParseReceipt never panics; what it accepts prints back
// in lower case.
func FuzzParseReceipt(f *testing.F) {
	f.Add("bc34a7d2b2b3f4b2b81dfdc0fa2b4f54a72e1c6f8640f62c1e69d91e0cd88a3f")
	f.Add("xyz")
	f.Fuzz(func(t *testing.T, s string) {
		r, err := vote.ParseReceipt(s)
		if err == nil && !bytes.EqualFold([]byte(r.String()), []byte(s)) {
			t.Fatalf("ParseReceipt(%q) = %s", s, r)
		}
	})
}

// genBallots draws a meeting: one question and one cumulative election,
// holders with proxies in force or not, some holders voting twice.
func genBallots(t *rapid.T) ([]vote.Matter, []vote.Ballot, map[string]string) {
	seats := rapid.IntRange(1, 4).Draw(t, "seats")
	cands := []string{"a", "b", "c", "d", "e"}
	cum := rapid.Bool().Draw(t, "cumulative")
	ms := []vote.Matter{qMatter, {ID: "dirs", Kind: vote.Election, Seats: seats, Candidates: cands, Cumulative: cum}}
	n := rapid.IntRange(0, 40).Draw(t, "n")
	inForce := map[string]string{}
	var bs []vote.Ballot
	held := map[string]int64{}
	for i := range n {
		h := fmt.Sprintf("h%d", rapid.IntRange(0, 15).Draw(t, "holder"))
		if _, ok := held[h]; !ok {
			held[h] = rapid.Int64Range(1, 1000).Draw(t, "held")
			if rapid.Bool().Draw(t, "hasproxy") {
				inForce[h] = "p" + h
			}
		}
		b := vote.Ballot{Meeting: "m", Holder: h, Voter: h, Mode: vote.InPerson, Seq: uint64(i + 1), Held: held[h]}
		b.Power = rapid.Int64Range(1, b.Held).Draw(t, "power")
		if rapid.Bool().Draw(t, "proxy") {
			b.Mode, b.Voter = vote.ByProxy, "v"
			b.Proxy = rapid.SampledFrom([]string{"p" + h, "old"}).Draw(t, "pid")
		}
		if rapid.Bool().Draw(t, "question") {
			b.Matter = "q"
			b.Choice = rapid.SampledFrom([]vote.Choice{vote.For, vote.Against, vote.Abstain}).Draw(t, "choice")
		} else {
			b.Matter = "dirs"
			budget := b.Power * int64(seats)
			for _, c := range cands {
				if !rapid.Bool().Draw(t, "mark") {
					continue
				}
				if !cum {
					if len(b.Votes) < seats {
						b.Votes = append(b.Votes, vote.Allocation{Candidate: c, Votes: b.Power})
					}
					continue
				}
				if budget == 0 {
					break
				}
				v := rapid.Int64Range(1, budget).Draw(t, "votes")
				budget -= v
				b.Votes = append(b.Votes, vote.Allocation{Candidate: c, Votes: v})
			}
		}
		bs = append(bs, b)
	}
	return ms, bs, inForce
}

// TestTallyInvariants: votes never exceed the voting power present
// (questions) or power × seats (elections); winners never exceed seats;
// a recount equals the tally; permuting the ballots changes nothing; the
// receipts root does not depend on ballot order.
func TestTallyInvariants(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		ms, bs, inForce := genBallots(t)
		r, err := vote.Tally(ms, bs, inForce, vote.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, mr := range r.Matters {
			if mr.Kind == vote.Question {
				if mr.For+mr.Against+mr.Abstain > mr.Present || mr.NotVoted < 0 {
					t.Fatalf("%s: %d+%d+%d > present %d", mr.Matter, mr.For, mr.Against, mr.Abstain, mr.Present)
				}
				continue
			}
			var sum int64
			for _, c := range mr.Candidates {
				sum += c.Votes
				if !mr.Cumulative && c.Votes > mr.Present {
					t.Fatalf("plurality: %s has %d > present %d", c.Candidate, c.Votes, mr.Present)
				}
			}
			if sum+mr.Withheld > mr.Present*int64(mr.Seats) {
				t.Fatalf("votes %d + withheld %d > present %d × seats %d", sum, mr.Withheld, mr.Present, mr.Seats)
			}
			if len(mr.Elected)+mr.Undetermined != mr.Seats || len(mr.Elected) > mr.Seats {
				t.Fatalf("elected %v undetermined %d of %d seats", mr.Elected, mr.Undetermined, mr.Seats)
			}
		}
		again, _ := vote.Tally(ms, slices.Clone(bs), inForce, vote.Options{})
		if fmt.Sprint(again.Matters) != fmt.Sprint(r.Matters) {
			t.Fatalf("recount differs")
		}
		perm := rapid.Permutation(bs).Draw(t, "perm")
		p, err := vote.Tally(ms, perm, inForce, vote.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(p.Matters) != fmt.Sprint(r.Matters) || p.Present != r.Present || p.NCounted != r.NCounted {
			t.Fatalf("permuted ballots tally differently:\n%+v\n%+v", p.Matters, r.Matters)
		}
		root := func(bs []vote.Ballot, res *vote.Result) vote.Root {
			var rs []vote.Receipt
			for i := range bs {
				if res.Counted[i] {
					rs = append(rs, vote.ReceiptOf(vote.Encode(&bs[i])))
				}
			}
			vote.SortReceipts(rs)
			return vote.MerkleRoot(rs)
		}
		if root(bs, r) != root(perm, p) {
			t.Fatalf("the receipts root depends on the order of ballots")
		}
	})
}

// TestSortReceiptsLarge: above 4,096 receipts SortReceipts sorts by
// buckets of the first two bytes; the order must be bytes.Compare's, for
// hashes spread evenly and for receipts crowded into a few buckets, with
// duplicates.
func TestSortReceiptsLarge(t *testing.T) {
	t.Parallel()
	for _, crowd := range []bool{false, true} {
		var rs []vote.Receipt
		for i := range 20000 {
			r := vote.ReceiptOf([]byte(fmt.Sprint(i % 19000)))
			if crowd {
				r[0], r[1] = byte(i%3), 0
				r[2] = byte(i % 5)
			}
			rs = append(rs, r)
		}
		want := slices.Clone(rs)
		slices.SortFunc(want, func(a, b vote.Receipt) int { return bytes.Compare(a[:], b[:]) })
		vote.SortReceipts(rs)
		if !slices.Equal(rs, want) {
			t.Errorf("crowded %t: SortReceipts differs from bytes.Compare order", crowd)
		}
	}
}
