package acts

import (
	"context"
	"fmt"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// RebuildListCheckpoints removes corp's list checkpoints and writes them
// again, in one transaction, as the act path would have written them with
// the service's Cadence: after every Cadence.Every-th act, from the
// holding changes and person versions recorded up to that act (their
// rows are never rewritten and carry the act's sequence number), with the
// checkpoints a correction removed removed at that correction. It returns
// the number of checkpoints written.
//
// It is for books recorded with another cadence or checkpoint encoding:
// `journal verify` compares the stored checkpoints with a replay of the
// journal, so books rebuilt with the cadence the replay uses verify.
func (s *Service) RebuildListCheckpoints(ctx context.Context, corpID string) (int, error) {
	cad := s.Checkpoints.orDefaults()
	written := 0
	err := s.Store.Update(ctx, corpID, func(tx Tx) error {
		if err := dropCheckpoints(tx, ""); err != nil {
			return err
		}
		type correction struct {
			seq uint64
			eff string
		}
		var cs []correction
		if err := tx.Scan(tables.Corrections, nil, func(r tables.Row) error {
			cs = append(cs, correction{uint64(r[0].(int64)), r[1].(string)})
			return nil
		}); err != nil {
			return err
		}
		head, err := tx.Head()
		if err != nil {
			return err
		}
		for seq := cad.Every; ; seq += cad.Every {
			// The corrections up to this act, in journal order.
			for len(cs) > 0 && cs[0].seq <= min(seq, head.Seq) {
				if err := dropCheckpoints(tx, cs[0].eff); err != nil {
					return err
				}
				cs = cs[1:]
			}
			if seq > head.Seq {
				return nil
			}
			var eff string
			var correcting bool
			if err := tx.Journal(seq, func(r *journal.Record) error {
				eff = r.Effective
				return errStop
			}); err != nil && err != errStop {
				return err
			}
			if err := tx.Scan(tables.Corrections, []any{int64(seq)}, func(tables.Row) error {
				correcting = true
				return nil
			}); err != nil {
				return err
			}
			if correcting {
				continue // a correction removes checkpoints; it writes none
			}
			d, err := corp.ParseDate(eff)
			if err != nil {
				return fmt.Errorf("journal entry %d: %v", seq, err)
			}
			before, err := readCheckpoints(tx)
			if err != nil {
				return err
			}
			if err := checkpointAt(asOf{tx, seq}, cad, seq, d); err != nil {
				return err
			}
			after, err := readCheckpoints(tx)
			if err != nil {
				return err
			}
			written += len(after) - len(before)
		}
	})
	return written, err
}

// asOf reads the books as they stood after act seq: the holding changes
// and person versions of later acts are left out. (Only a correction
// records changes dated on or before a checkpoint's day after it, and it
// removes that checkpoint, so this is a safeguard rather than a
// difference the property test can see.) The other tables are read as
// they are (the list checkpoints being rebuilt among them).
type asOf struct {
	tables.ReadWriter
	seq uint64
}

// seqColumn returns the column of tb holding the sequence number of the
// act that wrote a row, for the tables whose rows are never rewritten.
func seqColumn(tb *tables.Table) int {
	switch tb {
	case tables.HoldingChanges:
		return 3
	case tables.PersonVersions:
		return 2
	}
	return -1
}

func (a asOf) filter(tb *tables.Table, fn func(tables.Row) error) func(tables.Row) error {
	c := seqColumn(tb)
	if c < 0 {
		return fn
	}
	return func(r tables.Row) error {
		if uint64(r[c].(int64)) > a.seq {
			return nil
		}
		return fn(r)
	}
}

func (a asOf) Scan(tb *tables.Table, prefix []any, fn func(tables.Row) error) error {
	return a.ReadWriter.Scan(tb, prefix, a.filter(tb, fn))
}

func (a asOf) ScanBetween(tb *tables.Table, lo, hi string, fn func(tables.Row) error) error {
	return a.ReadWriter.ScanBetween(tb, lo, hi, a.filter(tb, fn))
}

func (a asOf) Get(tb *tables.Table, key ...any) (tables.Row, bool, error) {
	r, ok, err := a.ReadWriter.Get(tb, key...)
	if ok && seqColumn(tb) >= 0 && uint64(r[seqColumn(tb)].(int64)) > a.seq {
		return nil, false, nil
	}
	return r, ok, err
}
