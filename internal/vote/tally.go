package vote

import (
	"fmt"
	"slices"
	"strings"
)

// maxSeats bounds the seats of an election (and so power × seats).
const maxSeats = 1000

// CheckMatter reports whether m is well formed: an id; for an election
// 1..1000 seats and distinct candidates.
func CheckMatter(m *Matter) error {
	if m.ID == "" {
		return fmt.Errorf("a matter needs an id")
	}
	switch m.Kind {
	case Question:
		if m.Seats != 0 || len(m.Candidates) != 0 || m.Cumulative {
			return fmt.Errorf("matter %s: a question has no seats or candidates", m.ID)
		}
	case Election:
		if m.Seats < 1 || m.Seats > maxSeats {
			return fmt.Errorf("matter %s: an election fills 1 to %d seats, not %d", m.ID, maxSeats, m.Seats)
		}
		seen := map[string]bool{}
		for _, c := range m.Candidates {
			if c == "" || seen[c] {
				return fmt.Errorf("matter %s: candidate %q is empty or named twice", m.ID, c)
			}
			seen[c] = true
		}
	default:
		return fmt.Errorf("matter %s: kind %q is neither question nor election", m.ID, m.Kind)
	}
	return nil
}

// Options are the readings the tally takes from the bylaws.
type Options struct {
	// VotesCast leaves abstentions (and present shares not voted on the
	// question) out of the denominator: A-ABST votes_cast. The default
	// (false) is in_denominator: a majority of the voting power present.
	VotesCast bool
	// Attending adds holders recorded present (with their voting power at
	// the record date) who cast no counted ballot: present shares count in
	// the denominator of every question (Art. II §9).
	Attending map[string]int64
}

// Result is the tally of one meeting.
type Result struct {
	Present  int64 // voting power present in person or by proxy
	Holders  int   // holders present
	Ballots  int   // ballots given
	Counted  []bool
	Reasons  map[int]string // why a ballot given was not counted, by index
	Matters  []MatterResult
	NCounted int
}

// MatterResult is the tally of one matter.
type MatterResult struct {
	Matter string
	Kind   MatterKind
	// Present is the voting power present (the denominator of a question
	// under A-ABST in_denominator); Denominator is what the majority is of.
	Present, Denominator int64
	For, Against         int64
	Abstain              int64
	NotVoted             int64 // present but not voted on this matter
	Passed               bool  // a question: For > Denominator / 2
	// An election: the votes of each candidate in ballot order, the votes
	// withheld (available but not cast), who was elected, who is tied for
	// the last seats and how many seats the tie leaves undetermined.
	Seats        int
	Cumulative   bool
	Candidates   []CandidateVotes
	Withheld     int64
	Elected      []string
	Tied         []string
	Undetermined int
}

// CandidateVotes is one candidate's total.
type CandidateVotes struct {
	Candidate string
	Votes     int64
}

func addChecked(a *int64, x int64) error {
	*a += x
	if *a < 0 {
		return fmt.Errorf("%w", ErrOverflow)
	}
	return nil
}

// rank orders the ballots for one holder and matter: in person over any
// proxy (voting in person revokes, A-PROXYREV); a proxy ballot counts only
// under the proxy in force (inForce nil: any proxy); then the later entry.
func rank(b *Ballot, inForce map[string]string) int {
	switch {
	case b.Mode == InPerson:
		return 2
	case inForce == nil || inForce[b.Holder] == b.Proxy:
		return 1
	}
	return 0
}

// Tally counts ballots on the matters of one meeting. For each holder and
// matter one ballot counts: one cast in person if any (voting in person
// revokes a proxy), else one cast under the proxy in force for that holder
// (inForce maps holder to proxy id: the latest-dated valid proxy, from
// ProxyRules.InForce; nil accepts every proxy), the later entry first.
// The result does not depend on the order of ballots. Every ballot must
// pass Check; a ballot that does not is an error.
//
// It groups the ballots by matter and holder by walking them in the order
// (matter id, holder, entry): the order in which a store's ballots table
// returns them, so that a tally from the store sorts nothing; ballots in
// another order are sorted (by index) first. Candidates are found by
// index, never by a linear search, and a ballot allocates nothing. For 1,000,000 ballots it
// takes a few tens of milliseconds (docs/benchmarks.md).
func Tally(matters []Matter, ballots []Ballot, inForce map[string]string, opt Options) (*Result, error) {
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
	cands := make([]map[string]int32, M)
	for i := range matters {
		cands[i] = make(map[string]int32, len(matters[i].Candidates))
		for k, c := range matters[i].Candidates {
			cands[i][c] = int32(k)
		}
	}
	// Each ballot's matter, and the matters' places in id order (the
	// order of the store's key).
	mi := make([]int32, len(ballots))
	packed := make([]uint64, len(ballots)) // candidates found by check, for add
	byID := make([]int32, M)
	for i := range matters {
		for j := range matters {
			if matters[j].ID < matters[i].ID {
				byID[i]++
			}
		}
	}
	last, lastK := "", -1
	for i := range ballots {
		b := &ballots[i]
		k := lastK
		if k < 0 || b.Matter != last {
			var ok bool
			if k, ok = mIndex[b.Matter]; !ok {
				return nil, firstError(ballots[:i], fmt.Errorf("ballot %d (entry %d): no matter %q at this meeting", i, b.Seq, b.Matter))
			}
			last, lastK = b.Matter, k
		}
		pk, err := check(&matters[k], cands[k], b)
		if err != nil {
			return nil, firstError(ballots[:i], fmt.Errorf("ballot %d (entry %d, %s on %s): %w", i, b.Seq, b.Holder, b.Matter, err))
		}
		packed[i] = pk
		mi[i] = int32(k)
	}
	order := groupOrder(ballots, mi, byID)
	at := func(p int) int {
		if order == nil {
			return p
		}
		return int(order[p])
	}
	res := &Result{Ballots: len(ballots), Counted: make([]bool, len(ballots)), Reasons: map[int]string{}}
	res.Matters = make([]MatterResult, M)
	for i := range matters {
		m := &matters[i]
		res.Matters[i] = MatterResult{Matter: m.ID, Kind: m.Kind, Seats: m.Seats, Cumulative: m.Cumulative}
		for _, c := range m.Candidates {
			res.Matters[i].Candidates = append(res.Matters[i].Candidates, CandidateVotes{Candidate: c})
		}
	}
	// Per matter, the holders who voted on it in holder order, when more
	// than one matter needs merging.
	type holding struct {
		holder  string
		held    int64
		present bool
	}
	var lists [][]holding
	if M > 1 {
		lists = make([][]holding, M)
	}
	var presentSet map[string]bool
	if len(opt.Attending) > 0 {
		presentSet = map[string]bool{}
	}
	var sumErr error
	for p := 0; p < len(ballots); {
		// The group of ballots p..q-1: one matter, one holder.
		first := at(p)
		g := &ballots[first]
		k := mi[first]
		w, wr := first, rank(g, inForce)
		q := p + 1
		for ; q < len(ballots); q++ {
			j := at(q)
			b := &ballots[j]
			if mi[j] != k || b.Holder != g.Holder {
				break
			}
			if b.Held != g.Held {
				return nil, firstError(ballots, nil)
			}
			o := &ballots[w]
			if r := rank(b, inForce); r > wr || r == wr && b.Seq > o.Seq {
				w, wr = j, r
			}
		}
		counted := wr > 0
		if counted {
			res.Counted[w] = true
			res.NCounted++
			if sumErr == nil {
				sumErr = add(&res.Matters[k], cands[k], &ballots[w], packed[w])
			}
		}
		if q-p > 1 || !counted {
			wb := &ballots[w]
			for r := p; r < q; r++ {
				if j := at(r); j != w || !counted {
					res.Reasons[j] = reason(&ballots[j], wb, inForce)
				}
			}
		}
		if M > 1 {
			lists[k] = append(lists[k], holding{g.Holder, g.Held, counted})
		} else if counted {
			res.Holders++
			if err := addChecked(&res.Present, g.Held); err != nil {
				return nil, err
			}
			if presentSet != nil {
				presentSet[g.Holder] = true
			}
		}
		p = q
	}
	// Merge the matters' holders: a holder is present when a ballot of
	// theirs counts on any matter, and holds the same on every ballot.
	if M > 1 {
		heads := make([]int, M)
		for {
			lo := -1
			for k := range lists {
				if heads[k] < len(lists[k]) && (lo < 0 || lists[k][heads[k]].holder < lists[lo][heads[lo]].holder) {
					lo = k
				}
			}
			if lo < 0 {
				break
			}
			h := lists[lo][heads[lo]]
			present := false
			for k := range lists {
				if heads[k] < len(lists[k]) && lists[k][heads[k]].holder == h.holder {
					if lists[k][heads[k]].held != h.held {
						return nil, firstError(ballots, nil)
					}
					present = present || lists[k][heads[k]].present
					heads[k]++
				}
			}
			if present {
				res.Holders++
				if err := addChecked(&res.Present, h.held); err != nil {
					return nil, err
				}
				if presentSet != nil {
					presentSet[h.holder] = true
				}
			}
		}
	}
	for holder, units := range opt.Attending {
		if !presentSet[holder] {
			res.Holders++
			if err := addChecked(&res.Present, units); err != nil {
				return nil, err
			}
		}
	}
	if sumErr != nil {
		return nil, sumErr
	}
	for i := range res.Matters {
		mr := &res.Matters[i]
		mr.Present = res.Present
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

// add adds a counted ballot to its matter's figures, with the indices of
// its candidates that check packed. Every addend is
// positive, so a sum overflows (and is caught) whatever the order of the
// ballots.
func add(mr *MatterResult, cands map[string]int32, b *Ballot, packed uint64) error {
	switch b.Choice {
	case For:
		return addChecked(&mr.For, b.Power)
	case Against:
		return addChecked(&mr.Against, b.Power)
	case Abstain:
		return addChecked(&mr.Abstain, b.Power)
	}
	avail := b.Power * int64(mr.Seats)
	for i, a := range b.Votes {
		k := int32(packed>>(8*i)&0xff) - 1
		if i >= 8 || k < 0 {
			k = cands[a.Candidate]
		}
		if err := addChecked(&mr.Candidates[k].Votes, a.Votes); err != nil {
			return err
		}
		avail -= a.Votes
	}
	return addChecked(&mr.Withheld, avail)
}

// groupOrder returns the ballots' indices in the order (matter id,
// holder, entry, index), or nil when the ballots are in that order already
// (as a store returns them).
func groupOrder(ballots []Ballot, mi, byID []int32) []int32 {
	cmp := func(i, j int) int {
		a, b := &ballots[i], &ballots[j]
		if x, y := byID[mi[i]], byID[mi[j]]; x != y {
			return int(x - y)
		}
		if c := strings.Compare(a.Holder, b.Holder); c != 0 {
			return c
		}
		switch {
		case a.Seq < b.Seq:
			return -1
		case a.Seq > b.Seq:
			return 1
		}
		return i - j
	}
	sorted := true
	for i := 1; i < len(ballots) && sorted; i++ {
		sorted = cmp(i-1, i) < 0
	}
	if sorted {
		return nil
	}
	order := make([]int32, len(ballots))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int { return cmp(int(i), int(j)) })
	return order
}

// firstError returns the error Tally reports for ballots that end with a
// bad one (err): the first ballot, in the order given, whose holder is
// said to hold other vote units than on an earlier ballot, if any comes
// before it; else err. With err nil, such a ballot must exist.
func firstError(ballots []Ballot, err error) error {
	held := make(map[string]int64, len(ballots))
	for i := range ballots {
		b := &ballots[i]
		h, ok := held[b.Holder]
		if !ok {
			held[b.Holder] = b.Held
		} else if h != b.Held {
			return fmt.Errorf("ballot %d (entry %d): %s holds %d vote units on one ballot and %d on another", i, b.Seq, b.Holder, b.Held, h)
		}
	}
	if err == nil {
		panic("vote: no holder holds two amounts")
	}
	return err
}

// reason says why ballot b was not counted, w being the ballot that
// counts for its holder and matter, or b itself when none does.
func reason(b, w *Ballot, inForce map[string]string) string {
	switch {
	case w.Mode == InPerson && b.Mode == ByProxy:
		return "the holder voted in person, which revokes the proxy (A-PROXYREV)"
	case b.Mode == ByProxy && rank(b, inForce) == 0:
		return "the proxy is not the one in force when the polls closed: revoked, lapsed or superseded by a later-dated proxy (Art. II §10; A-PROXYREV)"
	}
	return fmt.Sprintf("superseded by the later ballot of entry %d", w.Seq)
}

// decide elects the candidates with the most votes to the seats (Art. II
// §2; under cumulative voting ranked by total votes, A-CUMPLUR). When
// candidates tie for the last seats, none of them is elected to those
// seats: they stay undetermined (A-TIE), the incumbent holding over. A
// candidate with no votes is not elected.
func decide(mr *MatterResult) {
	ranked := slices.Clone(mr.Candidates)
	slices.SortStableFunc(ranked, func(a, b CandidateVotes) int {
		if a.Votes != b.Votes {
			if a.Votes > b.Votes {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Candidate, b.Candidate)
	})
	n := 0
	for n < len(ranked) && ranked[n].Votes > 0 {
		n++
	}
	ranked = ranked[:n]
	if len(ranked) <= mr.Seats {
		for _, c := range ranked {
			mr.Elected = append(mr.Elected, c.Candidate)
		}
		mr.Undetermined = mr.Seats - len(ranked)
		return
	}
	last := ranked[mr.Seats-1].Votes
	for _, c := range ranked {
		switch {
		case c.Votes > last:
			mr.Elected = append(mr.Elected, c.Candidate)
		case c.Votes == last && ranked[mr.Seats].Votes == last:
			mr.Tied = append(mr.Tied, c.Candidate)
		case c.Votes == last:
			mr.Elected = append(mr.Elected, c.Candidate)
		}
	}
	mr.Undetermined = mr.Seats - len(mr.Elected)
}
