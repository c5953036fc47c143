package vote

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// referenceTally is Tally as first written (a map of holders, a linear
// lookup of candidates), kept to check that the faster Tally gives the
// same results. It counts ballots on the matters of one meeting. For each holder and
// matter one ballot counts: one cast in person if any (voting in person
// revokes a proxy), else one cast under the proxy in force for that holder
// (inForce maps holder to proxy id: the latest-dated valid proxy, from
// ProxyRules.InForce; nil accepts every proxy), the later entry first.
// The result does not depend on the order of ballots. Every ballot must
// pass Check; a ballot that does not is an error.
func referenceTally(matters []Matter, ballots []Ballot, inForce map[string]string, opt Options) (*Result, error) {
	mIndex := make(map[string]int, len(matters))
	for i := range matters {
		if err := CheckMatter(&matters[i]); err != nil {
			return nil, err
		}
		if _, dup := mIndex[matters[i].ID]; dup {
			return nil, fmt.Errorf("matter %s is listed twice", matters[i].ID)
		}
		mIndex[matters[i].ID] = i
	}
	M := len(matters)
	holderIdx := make(map[string]int32, len(ballots)/max(M, 1)+1)
	var held []int64
	var best []int32
	for i := range ballots {
		b := &ballots[i]
		mi, ok := mIndex[b.Matter]
		if !ok {
			return nil, fmt.Errorf("ballot %d (entry %d): no matter %q at this meeting", i, b.Seq, b.Matter)
		}
		if err := referenceCheck(&matters[mi], b); err != nil {
			return nil, fmt.Errorf("ballot %d (entry %d, %s on %s): %w", i, b.Seq, b.Holder, b.Matter, err)
		}
		h, ok := holderIdx[b.Holder]
		if !ok {
			h = int32(len(held))
			holderIdx[b.Holder] = h
			held = append(held, b.Held)
			for range M {
				best = append(best, -1)
			}
		} else if held[h] != b.Held {
			return nil, fmt.Errorf("ballot %d (entry %d): %s holds %d vote units on one ballot and %d on another", i, b.Seq, b.Holder, b.Held, held[h])
		}
		slot := int(h)*M + mi
		j := best[slot]
		if j < 0 {
			best[slot] = int32(i)
			continue
		}
		o := &ballots[j]
		if ri, rj := rank(b, inForce), rank(o, inForce); ri > rj || ri == rj && b.Seq > o.Seq {
			best[slot] = int32(i)
		}
	}
	res := &Result{Ballots: len(ballots), Counted: make([]bool, len(ballots)), Reasons: map[int]string{}}
	present := make([]bool, len(held))
	for slot, j := range best {
		if j >= 0 && rank(&ballots[j], inForce) > 0 {
			res.Counted[j] = true
			res.NCounted++
			present[slot/max(M, 1)] = true
		}
	}
	for h, p := range present {
		if p {
			res.Holders++
			if err := addChecked(&res.Present, held[h]); err != nil {
				return nil, err
			}
		}
	}
	for holder, units := range opt.Attending {
		if h, ok := holderIdx[holder]; !ok || !present[h] {
			res.Holders++
			if err := addChecked(&res.Present, units); err != nil {
				return nil, err
			}
		}
	}
	res.Matters = make([]MatterResult, M)
	cand := make([]map[string]int, M)
	for i := range matters {
		m := &matters[i]
		res.Matters[i] = MatterResult{Matter: m.ID, Kind: m.Kind, Present: res.Present, Seats: m.Seats, Cumulative: m.Cumulative}
		cand[i] = make(map[string]int, len(m.Candidates))
		for k, c := range m.Candidates {
			cand[i][c] = k
			res.Matters[i].Candidates = append(res.Matters[i].Candidates, CandidateVotes{Candidate: c})
		}
	}
	for i := range ballots {
		b := &ballots[i]
		if !res.Counted[i] {
			res.Reasons[i] = referenceReason(b, ballots, best, holderIdx, mIndex, inForce)
			continue
		}
		mi := mIndex[b.Matter]
		mr := &res.Matters[mi]
		var err error
		switch b.Choice {
		case For:
			err = addChecked(&mr.For, b.Power)
		case Against:
			err = addChecked(&mr.Against, b.Power)
		case Abstain:
			err = addChecked(&mr.Abstain, b.Power)
		default:
			avail := b.Power * int64(mr.Seats)
			for _, a := range b.Votes {
				if err = addChecked(&mr.Candidates[cand[mi][a.Candidate]].Votes, a.Votes); err != nil {
					break
				}
				avail -= a.Votes
			}
			if err == nil {
				err = addChecked(&mr.Withheld, avail)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	for i := range res.Matters {
		mr := &res.Matters[i]
		if mr.Kind == Question {
			mr.NotVoted = mr.Present - mr.For - mr.Against - mr.Abstain
			mr.Denominator = mr.Present
			if opt.VotesCast {
				mr.Denominator = mr.For + mr.Against
			}
			mr.Passed = mr.Denominator > 0 && 2*mr.For > mr.Denominator
			continue
		}
		decide(mr)
	}
	return res, nil
}

// referenceReason says why ballot b was not counted.
func referenceReason(b *Ballot, ballots []Ballot, best []int32, holderIdx map[string]int32, mIndex map[string]int, inForce map[string]string) string {
	w := &ballots[best[int(holderIdx[b.Holder])*len(mIndex)+mIndex[b.Matter]]]
	switch {
	case w.Mode == InPerson && b.Mode == ByProxy:
		return "the holder voted in person, which revokes the proxy (A-PROXYREV)"
	case b.Mode == ByProxy && rank(b, inForce) == 0:
		return "the proxy is not the one in force when the polls closed: revoked, lapsed or superseded by a later-dated proxy (Art. II §10; A-PROXYREV)"
	}
	return fmt.Sprintf("superseded by the later ballot of entry %d", w.Seq)
}

// referenceCheck is Check as first written. It reports whether b is a well-formed ballot on m: within the holder's
// power, a known choice or known candidates once each, at most Seats
// candidates under plurality (each given the ballot's power), and under
// cumulative voting at most Power × Seats votes in all (an over-voted
// ballot is refused for correction: A-CUMPLUR reject_ballot).
func referenceCheck(m *Matter, b *Ballot) error {
	if b.Power <= 0 || b.Held <= 0 || b.Power > b.Held || b.Held > maxUnits {
		return fmt.Errorf("%w: the ballot casts %d of %d vote units held", ErrBadBallot, b.Power, b.Held)
	}
	if b.Mode != InPerson && b.Mode != ByProxy || (b.Mode == ByProxy) != (b.Proxy != "") {
		return fmt.Errorf("%w: mode and proxy disagree", ErrBadBallot)
	}
	switch m.Kind {
	case Question:
		if len(b.Votes) != 0 || (b.Choice != For && b.Choice != Against && b.Choice != Abstain) {
			return fmt.Errorf("%w: a question takes one choice: for, against or abstain", ErrBadBallot)
		}
		return nil
	case Election:
	default:
		return fmt.Errorf("%w: unknown matter kind %q", ErrBadBallot, m.Kind)
	}
	if b.Choice != 0 {
		return fmt.Errorf("%w: an election takes candidates, not a choice", ErrBadBallot)
	}
	var total int64
	for i, a := range b.Votes {
		if i > 0 && b.Votes[i-1].Candidate >= a.Candidate {
			return fmt.Errorf("%w: candidates must be named once each, in order", ErrBadBallot)
		}
		if !slices.Contains(m.Candidates, a.Candidate) {
			return fmt.Errorf("%w: %q is not a candidate (%s)", ErrBadBallot, a.Candidate, strings.Join(m.Candidates, ", "))
		}
		if a.Votes <= 0 {
			return fmt.Errorf("%w: %q is given %d votes", ErrBadBallot, a.Candidate, a.Votes)
		}
		if !m.Cumulative && a.Votes != b.Power {
			return fmt.Errorf("%w: without cumulative voting each candidate marked receives the ballot's %d votes, not %d", ErrBadBallot, b.Power, a.Votes)
		}
		total += a.Votes
		if total > maxUnits*64 {
			return fmt.Errorf("%w: %d", ErrOverflow, total)
		}
	}
	if !m.Cumulative {
		if len(b.Votes) > m.Seats {
			return fmt.Errorf("%w: %d candidates marked for %d seats (plurality: at most one vote per share for each seat)", ErrOverVoted, len(b.Votes), m.Seats)
		}
		return nil
	}
	if limit := b.Power * int64(m.Seats); total > limit {
		return fmt.Errorf("%w: %d votes cast, but %d votes × %d seats allow %d (shares × seats); the ballot is returned for correction", ErrOverVoted, total, b.Power, m.Seats, limit)
	}
	return nil
}

// TestTallyMatchesReference: on drawn meetings — questions and plurality
// and cumulative elections, holders voting twice, in person and by
// proxies in force or not, ballots in any order or in the store's key
// order, holders attending without a ballot, now and then a ballot that
// fails Check or names another amount held — Tally returns exactly what
// referenceTally returns: the same result, field by field, or the same
// error.
func TestTallyMatchesReference(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		cands := []string{"a", "b", "c", "d", "e"}
		ms := []Matter{{ID: "q", Kind: Question}}
		nm := rapid.IntRange(0, 3).Draw(t, "elections")
		for k := range nm {
			ms = append(ms, Matter{ID: fmt.Sprintf("e%d", k), Kind: Election, Seats: rapid.IntRange(1, 3).Draw(t, "seats"),
				Candidates: cands[:rapid.IntRange(1, 5).Draw(t, "ncands")], Cumulative: rapid.Bool().Draw(t, "cum")})
		}
		if rapid.Bool().Draw(t, "reverse") {
			slices.Reverse(ms)
		}
		var inForce map[string]string
		if rapid.Bool().Draw(t, "inforce") {
			inForce = map[string]string{}
		}
		held := map[string]int64{}
		var bs []Ballot
		n := rapid.IntRange(0, 60).Draw(t, "n")
		for range n {
			h := fmt.Sprintf("h%d", rapid.IntRange(0, 12).Draw(t, "holder"))
			if _, ok := held[h]; !ok {
				held[h] = rapid.Int64Range(1, 1000).Draw(t, "held")
				if inForce != nil && rapid.Bool().Draw(t, "hasproxy") {
					inForce[h] = "p" + h
				}
			}
			m := &ms[rapid.IntRange(0, len(ms)-1).Draw(t, "matter")]
			b := Ballot{Meeting: "m", Matter: m.ID, Holder: h, Voter: h, Mode: InPerson, Seq: uint64(rapid.IntRange(1, 20).Draw(t, "seq")), Held: held[h]}
			if rapid.IntRange(0, 30).Draw(t, "otherheld") == 0 {
				b.Held++
			}
			b.Power = rapid.Int64Range(1, b.Held).Draw(t, "power")
			if rapid.Bool().Draw(t, "proxy") {
				b.Mode, b.Voter, b.Proxy = ByProxy, "v", rapid.SampledFrom([]string{"p" + h, "old"}).Draw(t, "pid")
			}
			if m.Kind == Question {
				b.Choice = rapid.SampledFrom([]Choice{For, Against, Abstain}).Draw(t, "choice")
			} else {
				budget := b.Power * int64(m.Seats)
				for _, c := range m.Candidates {
					if !rapid.Bool().Draw(t, "mark") {
						continue
					}
					switch {
					case !m.Cumulative && len(b.Votes) < m.Seats:
						b.Votes = append(b.Votes, Allocation{Candidate: c, Votes: b.Power})
					case m.Cumulative && budget > 0:
						v := rapid.Int64Range(1, budget).Draw(t, "votes")
						budget -= v
						b.Votes = append(b.Votes, Allocation{Candidate: c, Votes: v})
					}
				}
				if rapid.IntRange(0, 40).Draw(t, "badcand") == 0 {
					b.Votes = append(b.Votes, Allocation{Candidate: "zz", Votes: 1})
				}
			}
			bs = append(bs, b)
		}
		if rapid.Bool().Draw(t, "keyorder") {
			slices.SortStableFunc(bs, func(x, y Ballot) int {
				return cmp.Or(strings.Compare(x.Matter, y.Matter), strings.Compare(x.Holder, y.Holder), cmp.Compare(x.Seq, y.Seq))
			})
		}
		opt := Options{VotesCast: rapid.Bool().Draw(t, "votescast")}
		if rapid.Bool().Draw(t, "attending") {
			opt.Attending = map[string]int64{"h1": held["h1"] + 1, "h20": 7}
		}
		want, werr := referenceTally(ms, bs, inForce, opt)
		got, gerr := Tally(ms, bs, inForce, opt)
		if fmt.Sprint(werr) != fmt.Sprint(gerr) {
			t.Fatalf("error %v, reference %v", gerr, werr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Tally differs from the reference:\n got %+v\nwant %+v", got, want)
		}
	})
}
