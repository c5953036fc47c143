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
	holderIdx := make(map[string]int32, len(ballots)/max(M, 1)+1)
	var held []int64
	var best []int32
	for i := range ballots {
		b := &ballots[i]
		mi, ok := mIndex[b.Matter]
		if !ok {
			return nil, fmt.Errorf("ballot %d (entry %d): no matter %q at this meeting", i, b.Seq, b.Matter)
		}
		if err := Check(&matters[mi], b); err != nil {
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
			res.Reasons[i] = reason(b, ballots, best, holderIdx, mIndex, inForce)
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

// reason says why ballot b was not counted.
func reason(b *Ballot, ballots []Ballot, best []int32, holderIdx map[string]int32, mIndex map[string]int, inForce map[string]string) string {
	w := &ballots[best[int(holderIdx[b.Holder])*len(mIndex)+mIndex[b.Matter]]]
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
