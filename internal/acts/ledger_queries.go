package acts

import (
	"context"
	"encoding/json"
	"math/big"

	"minutebook/internal/corp"
	"minutebook/internal/tables"
)

// Holding is one holder's shares of one class on a date, with the share of
// the class and of the voting power it represents.
type Holding struct {
	Holder corp.Person
	Class  string
	Shares corp.Decimal
	Votes  corp.Decimal // shares × votes per share of the class
	// OfClass and OfVotingPower are exact fractions of the class's
	// outstanding shares and of all votes; Percent rounds them for people.
	OfClass, OfVotingPower *big.Rat
}

// ClassTotal is a class's outstanding shares and votes on a date.
type ClassTotal struct {
	Class       corp.AuthorizedClass
	Outstanding corp.Decimal
	Votes       corp.Decimal
}

// CapTable is the holdings of every holder of record on a date.
type CapTable struct {
	On       corp.Date
	Holdings []Holding // in the order of the holders' sort keys, then class
	Classes  []ClassTotal
	Votes    corp.Decimal // all votes outstanding
}

// Percent formats an exact fraction as a percentage with two decimals,
// rounding half away from zero (for display only; checks use the exact
// fraction).
func Percent(r *big.Rat) string {
	if r == nil {
		return "0.00"
	}
	x := new(big.Rat).Mul(r, big.NewRat(10000, 1))
	n := new(big.Int).Quo(x.Num(), x.Denom())
	rem := new(big.Int).Sub(x.Num(), new(big.Int).Mul(n, x.Denom()))
	if new(big.Int).Mul(rem, big.NewInt(2)).CmpAbs(x.Denom()) >= 0 {
		n.Add(n, big.NewInt(int64(x.Sign())))
	}
	return corp.DecimalFromUnits(n.Int64(), 2).StringFixed(2)
}

// Holdings returns the cap table on date d: every holder of record's
// shares of each class at the end of d (Art. VI §5, Art. II §4), read as
// the stockholder list is (from the list checkpoints and the changes
// since), with each holder's record as it stood on d.
func (s *Service) Holdings(ctx context.Context, corpID string, d corp.Date) (*CapTable, error) {
	ct := &CapTable{On: d}
	err := s.Store.View(ctx, corpID, func(v View) error {
		cc, err := loadContext(v)
		if err != nil {
			return err
		}
		if cc.corp == nil {
			return corp.E("holders", corp.NotFound, "corporation %q is not recorded", corpID)
		}
		facts, _ := cc.charterOn(d)
		l := &StockholderList{RecordDate: d}
		if err := l.holders(v, facts); err != nil {
			return err
		}
		ct.Classes, ct.Votes = l.Classes, l.Votes
		for _, lh := range l.Holders {
			for i, cs := range lh.Shares {
				if cs.Shares.Sign() == 0 {
					continue
				}
				h := Holding{Holder: lh.Person, Class: cs.Class, Shares: cs.Shares, Votes: cs.Votes,
					OfClass: new(big.Rat).Quo(cs.Shares.Rat(), l.Classes[i].Outstanding.Rat()), OfVotingPower: new(big.Rat)}
				if l.Votes.Sign() > 0 {
					h.OfVotingPower.Quo(cs.Votes.Rat(), l.Votes.Rat())
				}
				ct.Holdings = append(ct.Holdings, h)
			}
		}
		return nil
	})
	return ct, err
}

// Certificate is one certificate or uncertificated position.
type Certificate struct {
	Number        int64
	Class         string
	Holder        string
	Shares        corp.Decimal
	Issued        corp.Date
	Status        string
	Certificated  bool
	Consideration corp.Decimal
	Paid          corp.Decimal
	Signers       []SignerField
	Legends       []string  // rule ids of the legends it bears
	Origin        string    // issue, treasury, transfer, balance, replacement or repurchase
	Acquired      corp.Date // when the holder acquired the lot (Art. VI §6 cohort)
}

// Certificates returns the certificates of corp (of one holder when
// holder is not empty), by number.
func (s *Service) Certificates(ctx context.Context, corpID, holder string) ([]Certificate, error) {
	var out []Certificate
	err := s.Store.View(ctx, corpID, func(v View) error {
		cc, err := loadContext(v)
		if err != nil {
			return err
		}
		scale := map[string]int{}
		for _, cv := range cc.charter {
			for _, c := range cv.facts.Classes {
				scale[c.ID] = c.Scale
			}
		}
		return v.Scan(tables.Certificates, nil, func(r tables.Row) error {
			if holder != "" && r[2].(string) != holder {
				return nil
			}
			c := Certificate{Number: r[0].(int64), Class: r[1].(string), Holder: r[2].(string),
				Shares: corp.DecimalFromUnits(r[3].(int64), scale[r[1].(string)]), Status: r[5].(string),
				Certificated: r[6].(int64) == 1, Origin: r[11].(string)}
			var err error
			if c.Issued, err = corp.ParseDate(r[4].(string)); err != nil {
				return err
			}
			if c.Acquired, err = corp.ParseDate(r[14].(string)); err != nil {
				return err
			}
			if c.Consideration, err = corp.ParseDecimal(r[7].(string)); err != nil {
				return err
			}
			if c.Paid, err = corp.ParseDecimal(r[8].(string)); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(r[9].(string)), &c.Signers); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(r[10].(string)), &c.Legends); err != nil {
				return err
			}
			out = append(out, c)
			return nil
		})
	})
	return out, err
}
