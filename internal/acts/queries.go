package acts

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"minutebook/internal/bylaws"
	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// BylawsInForce is the bylaws version in force on a date.
type BylawsInForce struct {
	Version  bylaws.Version
	Label    string // "<number>:<sha256>"
	Versions int    // how many versions are recorded
}

// BylawsOn returns the version of corp's bylaws in force on d.
func (s *Service) BylawsOn(ctx context.Context, corpID string, d corp.Date) (*BylawsInForce, error) {
	var out *BylawsInForce
	err := s.Store.View(ctx, corpID, func(v View) error {
		cc, err := loadContext(v)
		if err != nil {
			return err
		}
		if cc.corp == nil {
			return corp.E("bylaws", corp.NotFound, "corporation %q is not recorded", corpID)
		}
		ver, ok := cc.bylaws.InForce(d)
		if !ok {
			return corp.E("bylaws", corp.NotFound, "no bylaws of %s are in force on %s (the earliest version takes effect %s)", corpID, d, cc.bylaws[0].Effective)
		}
		out = &BylawsInForce{Version: ver, Label: cc.labels[ver.Number], Versions: len(cc.bylaws)}
		return nil
	})
	return out, err
}

// CorporationOn returns the corporation's record and the charter facts in
// force on d.
func (s *Service) CorporationOn(ctx context.Context, corpID string, d corp.Date) (*corp.Corporation, corp.CharterFacts, error) {
	var c *corp.Corporation
	var f corp.CharterFacts
	err := s.Store.View(ctx, corpID, func(v View) error {
		cc, err := loadContext(v)
		if err != nil {
			return err
		}
		if cc.corp == nil {
			return corp.E("corporation", corp.NotFound, "corporation %q is not recorded", corpID)
		}
		c = cc.corp
		c.ID = corpID
		f, _ = cc.charterOn(d)
		return nil
	})
	return c, f, err
}

// Persons returns every recorded person, in the order of their sort keys.
func (s *Service) Persons(ctx context.Context, corpID string) ([]corp.Person, error) {
	var out []corp.Person
	err := s.Store.View(ctx, corpID, func(v View) error {
		return v.Scan(tables.Persons, nil, func(r tables.Row) error {
			p := corp.Person{ID: r[0].(string), Name: r[1].(string), SortKey: r[2].(string), Kind: corp.PersonKind(r[3].(string)), Email: r[5].(string)}
			if err := json.Unmarshal([]byte(r[4].(string)), &p.Address); err != nil {
				return err
			}
			out = append(out, p)
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].SortKey < out[j].SortKey })
	return out, err
}

// Entries returns corp's journal entries with Seq in [from, to] (to 0 for
// the end), decoded.
func (s *Service) Entries(ctx context.Context, corpID string, from, to uint64) ([]*journal.Entry, []journal.Hash, error) {
	var es []*journal.Entry
	var hs []journal.Hash
	err := s.Store.View(ctx, corpID, func(v View) error {
		return v.Journal(from, func(r *journal.Record) error {
			if to != 0 && r.Seq > to {
				return errStop
			}
			e, err := journal.Decode(r.Encoding)
			if err != nil {
				return fmt.Errorf("entry %d: %w", r.Seq, err)
			}
			es, hs = append(es, e), append(hs, r.Hash)
			return nil
		})
	})
	if err == errStop {
		err = nil
	}
	return es, hs, err
}

var errStop = fmt.Errorf("stop")
