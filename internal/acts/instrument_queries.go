package acts

import (
	"context"
	"math/big"
	"sort"

	"minutebook/internal/corp"
	"minutebook/internal/tables"
)

// InstrumentChange is one exercise, conversion, cancellation or expiration
// of an instrument.
type InstrumentChange struct {
	Effective   corp.Date
	Seq         uint64
	Event       string       // exercise, convert, cancel, expire
	Taken       corp.Decimal // quantity, or a convertible's principal
	Class       string       // the class of the shares issued, "" for none
	Shares      corp.Decimal // the shares issued (zero for none)
	Certificate int64        // the certificate that holds them, 0 for none
	Reason      string
}

// InstrumentOn is an instrument as it stood on a date: what remained of it,
// its status then, and the changes up to then.
type InstrumentOn struct {
	Instrument
	Changes []InstrumentChange
}

// Instruments returns the instruments granted on or before d, each as it
// stood at the end of d: Remaining and Status are those of that date (an
// instrument past its expiration date with something remaining is
// "lapsed"), and AsConverted is the shares of its class that what remained
// called for. They are in the order of their ids.
func (s *Service) Instruments(ctx context.Context, corpID string, d corp.Date) ([]InstrumentOn, error) {
	var out []InstrumentOn
	err := s.Store.View(ctx, corpID, func(v View) error {
		cc, err := loadContext(v)
		if err != nil {
			return err
		}
		if cc.corp == nil {
			return corp.E("instruments", corp.NotFound, "corporation %q is not recorded", corpID)
		}
		facts, _ := cc.charterOn(d)
		scale := map[string]int{}
		for _, cv := range cc.charter {
			for _, c := range cv.facts.Classes {
				scale[c.ID] = c.Scale
			}
		}
		for _, c := range facts.Classes {
			scale[c.ID] = c.Scale
		}
		on := d.String()
		var ins []*Instrument
		err = v.Scan(tables.Instruments, nil, func(r tables.Row) error {
			in, err := instrumentOf(r)
			if err != nil || in.Granted.After(d) {
				return err
			}
			ins = append(ins, in)
			return nil
		})
		if err != nil {
			return err
		}
		for _, in := range ins {
			x := InstrumentOn{Instrument: *in}
			x.Remaining, x.Status, x.Closed = in.initial(), InstrumentOutstanding, corp.Date{}
			err := v.Scan(tables.InstrumentChanges, []any{in.ID}, func(r tables.Row) error {
				if r[1].(string) > on {
					return nil
				}
				c := InstrumentChange{Seq: uint64(r[2].(int64)), Event: r[3].(string), Class: r[5].(string), Certificate: r[7].(int64), Reason: r[8].(string)}
				var err error
				if c.Effective, err = corp.ParseDate(r[1].(string)); err != nil {
					return err
				}
				if c.Taken, err = corp.ParseDecimal(r[4].(string)); err != nil {
					return err
				}
				if sh, err := optDecimal(r[6].(string)); err != nil {
					return err
				} else if sh != nil {
					c.Shares = *sh
				}
				x.Changes = append(x.Changes, c)
				x.Remaining = x.Remaining.Sub(c.Taken)
				if x.Remaining.Sign() == 0 {
					x.Status, x.Closed = instrumentEvents[c.Event], c.Effective
				}
				return nil
			})
			if err != nil {
				return err
			}
			sort.SliceStable(x.Changes, func(i, j int) bool { return x.Changes[i].Seq < x.Changes[j].Seq })
			if x.Status == InstrumentOutstanding && !x.Expiration.IsZero() && x.Expiration.Before(d) && x.Type != InstrumentConvertible {
				x.Status = InstrumentLapsed
			}
			if x.Status == InstrumentOutstanding {
				x.AsConverted = x.asConverted(x.Remaining, scale[x.Class])
			} else {
				x.AsConverted = nil
			}
			out = append(out, x)
		}
		return nil
	})
	return out, err
}

// DilutedHolding is one person's shares of one class on a date, fully
// diluted: the shares they hold of record plus the shares their
// outstanding instruments call for, as converted. It carries no votes.
type DilutedHolding struct {
	Holder       corp.Person
	Class        string
	Shares       corp.Decimal // held of record
	Instruments  corp.Decimal // called for by outstanding instruments
	FullyDiluted corp.Decimal
	// OfClass is the exact fraction of the class's fully diluted total.
	OfClass *big.Rat
}

// DilutedClass is a class's outstanding shares, the shares outstanding
// instruments call for, and their sum.
type DilutedClass struct {
	Class        string
	Outstanding  corp.Decimal
	Instruments  corp.Decimal
	FullyDiluted corp.Decimal
}

// Diluted is the fully diluted view of the cap table on a date. It is kept
// apart from the holdings of record: instruments carry no votes and never
// change the voting power.
type Diluted struct {
	On       corp.Date
	Holdings []DilutedHolding // by the holders' sort keys, then class
	Classes  []DilutedClass
	// Undetermined are the outstanding instruments whose shares cannot be
	// counted yet (a convertible into a future round, or without a share
	// count or conversion price).
	Undetermined []InstrumentOn
}

// FullyDiluted returns the fully diluted view on d: the holdings of record
// of ct (the cap table on d) and, beside them, the shares that the
// instruments outstanding on d call for, as converted.
func (s *Service) FullyDiluted(ctx context.Context, corpID string, ct *CapTable) (*Diluted, error) {
	ins, err := s.Instruments(ctx, corpID, ct.On)
	if err != nil {
		return nil, err
	}
	persons, err := s.Persons(ctx, corpID)
	if err != nil {
		return nil, err
	}
	byID := map[string]corp.Person{}
	for _, p := range persons {
		byID[p.ID] = p
	}
	type key struct{ holder, class string }
	rows := map[key]*DilutedHolding{}
	get := func(p corp.Person, class string) *DilutedHolding {
		k := key{p.ID, class}
		if rows[k] == nil {
			rows[k] = &DilutedHolding{Holder: p, Class: class}
		}
		return rows[k]
	}
	for _, h := range ct.Holdings {
		get(h.Holder, h.Class).Shares = h.Shares
	}
	dl := &Diluted{On: ct.On}
	extra := map[string]corp.Decimal{}
	for _, in := range ins {
		if in.Status != InstrumentOutstanding {
			continue
		}
		if in.AsConverted == nil {
			dl.Undetermined = append(dl.Undetermined, in)
			continue
		}
		h := get(byID[in.Holder], in.Class)
		h.Instruments = h.Instruments.Add(*in.AsConverted)
		extra[in.Class] = extra[in.Class].Add(*in.AsConverted)
	}
	total := map[string]corp.Decimal{}
	for _, c := range ct.Classes {
		fd := c.Outstanding.Add(extra[c.Class.ID])
		total[c.Class.ID] = fd
		dl.Classes = append(dl.Classes, DilutedClass{Class: c.Class.ID, Outstanding: c.Outstanding, Instruments: extra[c.Class.ID], FullyDiluted: fd})
	}
	for _, h := range rows {
		h.FullyDiluted = h.Shares.Add(h.Instruments)
		h.OfClass = new(big.Rat)
		if t := total[h.Class]; t.Sign() > 0 {
			h.OfClass.Quo(h.FullyDiluted.Rat(), t.Rat())
		}
		dl.Holdings = append(dl.Holdings, *h)
	}
	sort.Slice(dl.Holdings, func(i, j int) bool {
		a, b := dl.Holdings[i], dl.Holdings[j]
		if a.Holder.SortKey != b.Holder.SortKey {
			return a.Holder.SortKey < b.Holder.SortKey
		}
		if a.Holder.ID != b.Holder.ID {
			return a.Holder.ID < b.Holder.ID
		}
		return a.Class < b.Class
	})
	return dl, nil
}
