package acts

import (
	"bytes"
	"context"
	"encoding/hex"
	"slices"

	"minutebook/internal/corp"
	"minutebook/internal/tables"
	"minutebook/internal/vote"
)

// ProxyView is one recorded proxy and its standing on a date.
type ProxyView struct {
	Holder      string `json:"holder"`
	ID          string `json:"id"`
	ProxyHolder string `json:"proxy_holder"`
	Date        string `json:"date"`
	Period      string `json:"period,omitempty"`
	Meeting     string `json:"meeting,omitempty"`
	LastDay     string `json:"last_day"`
	Revoked     string `json:"revoked,omitempty"`
	// Status on the date asked: in_force, lapsed, revoked, superseded
	// (by a later-dated proxy) or not_yet (dated after it).
	Status string `json:"status"`
}

// Proxies lists every proxy recorded, by holder and id, with its standing
// on date on (for general proxies; a meeting proxy is judged for its own
// meeting).
func (s *Service) Proxies(ctx context.Context, corpID string, on corp.Date) ([]ProxyView, error) {
	var out []ProxyView
	err := s.Store.View(ctx, corpID, func(v View) error {
		cc, err := loadContext(v)
		if err != nil {
			return err
		}
		e := &Env{}
		if bv, ok := cc.bylaws.InForce(on); ok {
			e.Bylaws = bv.Rulebook
		}
		rules := proxyRules(e)
		byHolder := map[string][]*vote.Proxy{}
		var all []*vote.Proxy
		var revoked []string
		if err := v.Scan(tables.VoteProxies, nil, func(row tables.Row) error {
			p, err := proxyOf(row, 0)
			if err != nil {
				return err
			}
			byHolder[p.Holder] = append(byHolder[p.Holder], p)
			all = append(all, p)
			revoked = append(revoked, row[6].(string))
			return nil
		}); err != nil {
			return err
		}
		sessions := map[string]vote.Sessions{}
		for i, p := range all {
			if _, ok := sessions[p.Meeting]; !ok {
				if sessions[p.Meeting], err = sessionsOf(v, p.Meeting); err != nil {
					return err
				}
			}
			pv := ProxyView{Holder: p.Holder, ID: p.ID, ProxyHolder: p.ProxyHolder, Date: p.Date.String(), Period: p.Period.String(),
				Meeting: p.Meeting, LastDay: vote.Lapse(p.Date, p.Period, rules.Feb29).String(), Revoked: revoked[i]}
			switch f := rules.InForce(byHolder[p.Holder], sessions[p.Meeting], on); {
			case on.Before(p.Date):
				pv.Status = "not_yet"
			case f == p:
				pv.Status = "in_force"
			case p.Revoked:
				pv.Status = "revoked"
			case rules.Lapsed(p, on):
				pv.Status = "lapsed"
			default:
				pv.Status = "superseded"
			}
			out = append(out, pv)
		}
		return nil
	})
	return out, err
}

// BallotView is one ballot of a meeting, with its receipt and whether it
// was counted.
type BallotView struct {
	Matter  string            `json:"matter"`
	Holder  string            `json:"holder"`
	Voter   string            `json:"voter"`
	Mode    string            `json:"mode"`
	Proxy   string            `json:"proxy,omitempty"`
	Seq     uint64            `json:"seq"`
	Votes   string            `json:"votes"`
	Choice  string            `json:"choice,omitempty"`
	Alloc   []CandidateReport `json:"candidates,omitempty"`
	Receipt string            `json:"receipt"`
	Counted bool              `json:"counted"`
	Reason  string            `json:"reason,omitempty"`
}

// MeetingBallots lists the ballots of meeting in key order (matter,
// holder, entry), each with its receipt and whether it is counted.
func (s *Service) MeetingBallots(ctx context.Context, corpID, meeting string) ([]BallotView, error) {
	var out []BallotView
	err := s.Store.View(ctx, corpID, func(v View) error {
		t, err := s.tabulation(v, meeting)
		if err != nil {
			return err
		}
		for i, b := range t.Ballots {
			bv := BallotView{Matter: b.Matter, Holder: b.Holder, Voter: b.Voter, Mode: b.Mode.String(), Proxy: b.Proxy, Seq: b.Seq,
				Votes: t.dec(b.Power).String(), Receipt: t.Receipts[i].String(), Counted: t.Result.Counted[i], Reason: t.Result.Reasons[i]}
			if b.Choice != 0 {
				bv.Choice = b.Choice.String()
			}
			for _, a := range b.Votes {
				bv.Alloc = append(bv.Alloc, CandidateReport{a.Candidate, t.dec(a.Votes).String()})
			}
			out = append(out, bv)
		}
		return nil
	})
	return out, err
}

// ReceiptCheck is the answer to "was my ballot counted?".
type ReceiptCheck struct {
	Meeting   string   `json:"meeting"`
	Receipt   string   `json:"receipt"`
	Found     bool     `json:"found"`
	Counted   bool     `json:"counted"`
	Reason    string   `json:"reason,omitempty"`
	Index     int      `json:"index"`
	Size      int      `json:"size"`
	Proof     []string `json:"proof"`
	Root      string   `json:"root"`      // the root of the counted receipts now
	Certified string   `json:"certified"` // the certified root, "" before certification
	Verified  bool     `json:"verified"`  // the proof leads from the receipt to the certified (or current) root
}

// VerifyReceipt looks a receipt up among meeting's ballots and, when the
// ballot was counted, returns its inclusion proof in the receipts root,
// checked against the certified root.
func (s *Service) VerifyReceipt(ctx context.Context, corpID, meeting string, r vote.Receipt) (*ReceiptCheck, error) {
	rc := &ReceiptCheck{Meeting: meeting, Receipt: r.String(), Proof: []string{}}
	err := s.Store.View(ctx, corpID, func(v View) error {
		t, err := s.tabulation(v, meeting)
		if err != nil {
			return err
		}
		rc.Root, rc.Size = t.Root.String(), len(t.Counted)
		if row, ok, err := v.Get(tables.VoteResults, meeting); err != nil {
			return err
		} else if ok {
			rc.Certified = row[2].(string)
		}
		for i := range t.Receipts {
			if t.Receipts[i] == r {
				rc.Found, rc.Counted, rc.Reason = true, t.Result.Counted[i], t.Result.Reasons[i]
			}
		}
		if !rc.Counted {
			return nil
		}
		idx, _ := slices.BinarySearchFunc(t.Counted, r, func(a, b vote.Receipt) int { return bytes.Compare(a[:], b[:]) })
		p, err := vote.Prove(t.Counted, idx)
		if err != nil {
			return err
		}
		rc.Index = idx
		for _, h := range p.Path {
			rc.Proof = append(rc.Proof, hex.EncodeToString(h[:]))
		}
		root := t.Root
		if rc.Certified != "" {
			if root, err = vote.ParseRoot(rc.Certified); err != nil {
				return err
			}
		}
		rc.Verified = p.Verify(r, root)
		return nil
	})
	return rc, err
}
