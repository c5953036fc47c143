package acts

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
	"minutebook/internal/vote"
)

// Tabulation is a meeting's tally with its receipts: what the inspector
// of election certifies.
type Tabulation struct {
	Meeting     *votingMeeting
	Result      *vote.Result
	Ballots     []vote.Ballot
	Receipts    []vote.Receipt // of every ballot, in ballot order
	Counted     []vote.Receipt // of the counted ballots, sorted: the tree's leaves
	Root        vote.Root
	InForce     map[string]string // holder → proxy in force when the polls closed
	ProxiesRead int
}

// tallyOptions reads A-ABST from the bylaws.
func tallyOptions(e *Env) vote.Options {
	if e != nil && e.Bylaws != nil && e.Bylaws.Choice("A-ABST") == "votes_cast" {
		return vote.Options{VotesCast: true}
	}
	return vote.Options{}
}

// proxiesInForce reads every proxy recorded before the polls closed (all
// of them while they are open) and returns, for each holder, the proxy in
// force at the meeting: the latest-dated valid one (Art. II §10;
// A-PROXYREV), revocations counted only when recorded before the close.
func proxiesInForce(r tables.Reader, m *votingMeeting, rules vote.ProxyRules) (map[string]string, int, error) {
	before := m.ClosedSeq
	byHolder := map[string][]*vote.Proxy{}
	n := 0
	err := r.Scan(tables.VoteProxies, nil, func(row tables.Row) error {
		if before != 0 && uint64(row[8].(int64)) >= before {
			return nil
		}
		p, err := proxyOf(row, before)
		if err != nil {
			return err
		}
		n++
		byHolder[p.Holder] = append(byHolder[p.Holder], p)
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	inForce := make(map[string]string, len(byHolder))
	for h, ps := range byHolder {
		if p := rules.InForce(ps, m.Sessions, m.Date); p != nil {
			inForce[h] = p.ID
		}
	}
	return inForce, n, nil
}

// tabulate tallies meeting m from the books in one scan of its ballots,
// computing each receipt in the same pass.
func tabulate(r tables.Reader, m *votingMeeting, rules vote.ProxyRules, opt vote.Options) (*Tabulation, error) {
	t, err := readBallots(r, m, rules)
	if err != nil {
		return nil, err
	}
	return t, t.count(opt)
}

// readBallots reads what tabulate counts: the proxies in force and every
// ballot of meeting m with its receipt.
func readBallots(r tables.Reader, m *votingMeeting, rules vote.ProxyRules) (*Tabulation, error) {
	inForce, n, err := proxiesInForce(r, m, rules)
	if err != nil {
		return nil, err
	}
	t := &Tabulation{Meeting: m, InForce: inForce, ProxiesRead: n}
	// About one ballot per holder present and matter: room for them at
	// once, rather than growing (and copying) the arrays as they fill.
	if hint := len(m.Attending) * len(m.Matters); hint > 0 {
		t.Ballots, t.Receipts = make([]vote.Ballot, 0, hint+hint/16), make([]vote.Receipt, 0, hint+hint/16)
	}
	dec := vote.NewDecoder()
	err = r.Scan(tables.VoteBallots, []any{m.ID}, func(row tables.Row) error {
		data := row[4].([]byte)
		t.Ballots = append(t.Ballots, vote.Ballot{})
		if err := dec.DecodeInto(data, &t.Ballots[len(t.Ballots)-1]); err != nil {
			return fmt.Errorf("ballot of entry %d: %w", row[3].(int64), err)
		}
		t.Receipts = append(t.Receipts, vote.ReceiptOf(data))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// count tallies the ballots and builds the receipts root.
func (t *Tabulation) count(opt vote.Options) error {
	if opt.Attending == nil {
		opt.Attending = t.Meeting.Attending // the holders recorded present (votes_meetings.go)
	}
	res, err := vote.Tally(t.Meeting.Matters, t.Ballots, t.InForce, opt)
	if err != nil {
		return err
	}
	t.Result = res
	t.Counted = make([]vote.Receipt, 0, res.NCounted)
	for i, c := range res.Counted {
		if c {
			t.Counted = append(t.Counted, t.Receipts[i])
		}
	}
	vote.SortReceipts(t.Counted)
	t.Root = vote.MerkleRoot(t.Counted)
	return nil
}

// recount tallies meeting m again from the journal alone: the proxy and
// ballot entries recorded before the polls closed, each ballot rebuilt
// from its entry's fields and the votes its checks recorded.
//
// It reads only the entries of those three kinds, through the journal's
// index by kind (tables.View.JournalOf), rather than scanning the whole
// journal or an index of ballot entries kept in a derived table: the
// kind is a column of the journal record itself, written with the entry
// and checked against its encoding by journal verify, so the recount
// stays independent of the derived tables it checks (a ballot deleted
// from vote_ballots, or from a derived index of ballot entries, would be
// missed by both tallies alike). Grants are read before revocations and
// ballots; the order does not matter, since a revocation names a proxy
// recorded before it, and the tally does not depend on the order of
// ballots.
func recount(v tables.View, m *votingMeeting, rules vote.ProxyRules, opt vote.Options) (*Tabulation, error) {
	byHolder := map[string][]*vote.Proxy{}
	byID := map[[2]string]*vote.Proxy{}
	t := &Tabulation{Meeting: m}
	for _, kind := range []string{GrantProxy.Name, RevokeProxy.Name, CastBallot.Name} {
		err := v.JournalOf(kind, 1, func(rec *journal.Record) error {
			if m.ClosedSeq != 0 && rec.Seq >= m.ClosedSeq {
				return errStop
			}
			en, err := journal.DecodeChecks(rec.Encoding, oneShareOneVote) // addFromEntry reads only that check's numbers
			if err != nil {
				return fmt.Errorf("entry %d: %w", rec.Seq, err)
			}
			if en.Kind != kind {
				return fmt.Errorf("entry %d: recorded as %s, encoded as %s", rec.Seq, kind, en.Kind)
			}
			a, err := voteActOf(en) // votes_decode.go
			if err != nil {
				return err
			}
			switch f := a.Fields.(type) {
			case *ProxyFields:
				d := a.Effective
				if f.Date != nil {
					d = *f.Date
				}
				per, _ := vote.ParseDuration(f.Period)
				p := &vote.Proxy{ID: f.ID, Holder: f.Holder, ProxyHolder: f.ProxyHolder, Date: d, Period: per, Meeting: f.Meeting, Seq: en.Seq}
				byHolder[f.Holder] = append(byHolder[f.Holder], p)
				byID[[2]string{f.Holder, f.ID}] = p
			case *RevokeProxyFields:
				if p := byID[[2]string{f.Holder, f.ID}]; p != nil {
					p.Revoked = true
				}
			case *BallotFields:
				if f.Meeting != m.ID {
					return nil
				}
				return t.addFromEntry(en, a, f)
			}
			return nil
		})
		if err != nil && !errors.Is(err, errStop) {
			return nil, err
		}
	}
	t.InForce = map[string]string{}
	for h, ps := range byHolder {
		if p := rules.InForce(ps, m.Sessions, m.Date); p != nil {
			t.InForce[h] = p.ID
		}
	}
	return t, t.count(opt)
}

// oneShareOneVote is the rule of the check in which ballot.cast records
// the votes held and cast.
const oneShareOneVote = "II.10.one_share_one_vote"

// addFromEntry rebuilds the ballots of one ballot.cast entry.
func (t *Tabulation) addFromEntry(en *journal.Entry, a *Act, f *BallotFields) error {
	var held, power int64
	for _, c := range en.Checks {
		if c.Rule != oneShareOneVote {
			continue
		}
		for _, n := range c.Numbers {
			var err error
			switch n.Name {
			case "held_units":
				held, err = unitsOf(n.Value)
			case "power_units":
				power, err = unitsOf(n.Value)
			}
			if err != nil {
				return fmt.Errorf("entry %d: %s: %v", en.Seq, n.Name, err)
			}
		}
	}
	mode := vote.InPerson
	if f.Proxy != "" {
		mode = vote.ByProxy
	}
	for _, bv := range f.Ballots {
		mt := t.Meeting.matter(bv.Matter)
		if mt == nil {
			return fmt.Errorf("entry %d: no matter %q", en.Seq, bv.Matter)
		}
		b := vote.Ballot{Meeting: f.Meeting, Matter: bv.Matter, Holder: f.Holder, Voter: a.Actor.Person, Mode: mode, Proxy: f.Proxy,
			Seq: en.Seq, Held: held, Power: power}
		if mt.Kind == vote.Question {
			c, err := vote.ParseChoice(bv.Choice)
			if err != nil {
				return fmt.Errorf("entry %d: %v", en.Seq, err)
			}
			b.Choice = c
		}
		for _, c := range bv.Candidates {
			b.Votes = append(b.Votes, vote.Allocation{Candidate: c, Votes: power})
		}
		for _, c := range bv.Cumulate {
			u, _ := c.Votes.Units(t.Meeting.Scale)
			b.Votes = append(b.Votes, vote.Allocation{Candidate: c.Candidate, Votes: u})
		}
		slices.SortFunc(b.Votes, func(x, y vote.Allocation) int {
			switch {
			case x.Candidate < y.Candidate:
				return -1
			case x.Candidate > y.Candidate:
				return 1
			}
			return 0
		})
		t.Ballots = append(t.Ballots, b)
		t.Receipts = append(t.Receipts, vote.ReceiptOf(vote.Encode(&b)))
	}
	return nil
}

// unitsOf reads a whole number of units recorded in a check: in the
// canonical form N writes directly, anything else (a sign, a leading
// zero, which fmt reads as octal) as fmt.Sscan reads it, as before.
func unitsOf(s string) (int64, error) {
	if u, err := strconv.ParseInt(s, 10, 64); err == nil && strconv.FormatInt(u, 10) == s {
		return u, nil
	}
	var u int64
	_, err := fmt.Sscan(s, &u)
	return u, err
}

// sameTally reports how two tabulations differ, "" when they agree on
// the root, the presence and every matter's figures.
func sameTally(a, b *Tabulation) string {
	switch {
	case a.Root != b.Root:
		return fmt.Sprintf("receipts root %s ≠ %s", a.Root, b.Root)
	case a.Result.Present != b.Result.Present || a.Result.NCounted != b.Result.NCounted:
		return fmt.Sprintf("present %d/%d, counted %d/%d", a.Result.Present, b.Result.Present, a.Result.NCounted, b.Result.NCounted)
	case fmt.Sprint(a.Result.Matters) != fmt.Sprint(b.Result.Matters):
		return fmt.Sprintf("matters %v ≠ %v", a.Result.Matters, b.Result.Matters)
	}
	return ""
}

// dec formats vote units of m.
func (t *Tabulation) dec(u int64) corp.Decimal { return t.Meeting.units(u) }
