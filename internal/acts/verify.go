package acts

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"fmt"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// VerifyReport is the outcome of verifying one corporation's journal.
type VerifyReport struct {
	Corporation string `json:"corporation"`
	Entries     uint64 `json:"entries"`
	Head        string `json:"head_hash"`
	// Break is the first place the chain does not verify, nil if none.
	Break *journal.BreakError `json:"break,omitempty"`
	// TableDiff lists derived rows that differ from a replay of the journal
	// ("- stored", "+ replayed"); empty when they agree.
	TableDiff []string `json:"table_diff,omitempty"`
	// Checkpoint is the outcome of checking a signed checkpoint, if given.
	Checkpoint string `json:"checkpoint,omitempty"`
	OK         bool   `json:"ok"`
}

// VerifyOptions change what Verify checks.
type VerifyOptions struct {
	// Checkpoint, when set, must match the journal: its entry must exist
	// with the same hash, and its signature must be good.
	Checkpoint *journal.Checkpoint
	// TrustedKey, when set, is the only key a checkpoint may be signed with.
	TrustedKey ed25519.PublicKey
	// ChainOnly skips the replay of the derived tables.
	ChainOnly bool
}

// Verify re-hashes corp's whole journal in one consistent snapshot,
// replays it into memory and compares the result with the stored derived
// tables, and checks a checkpoint when one is given.
func (s *Service) Verify(ctx context.Context, corpID string, opt VerifyOptions) (*VerifyReport, error) {
	rep := &VerifyReport{Corporation: corpID}
	err := s.Store.View(ctx, corpID, func(v View) error {
		ver := journal.NewVerifier(corpID)
		rp := newReplayer(corpID, s.Checkpoints)
		var cpHash *journal.Hash
		err := v.Journal(1, func(r *journal.Record) error {
			if err := ver.Next(r); err != nil {
				return err
			}
			if opt.Checkpoint != nil && r.Seq == opt.Checkpoint.Seq {
				h := r.Hash
				cpHash = &h
			}
			if opt.ChainOnly {
				return nil
			}
			return rp.apply(r)
		})
		var be *journal.BreakError
		switch {
		case asBreak(err, &be):
			rep.Break = be
		case err != nil:
			return err
		}
		n, h := ver.Head()
		rep.Entries, rep.Head = n, h.String()
		if head, err := v.Head(); err != nil {
			return err
		} else if rep.Break == nil && head.Seq != n {
			rep.Break = &journal.BreakError{Corp: corpID, Seq: n + 1, Reason: fmt.Sprintf("the store's head is %d but the chain ends at %d", head.Seq, n)}
		}
		if opt.Checkpoint != nil {
			rep.Checkpoint = checkCheckpoint(opt, corpID, n, cpHash)
		}
		if rep.Break == nil && !opt.ChainOnly {
			diff, err := tables.Diff(v, rp.mem, 20)
			if err != nil {
				return err
			}
			rep.TableDiff = diff
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	rep.OK = rep.Break == nil && len(rep.TableDiff) == 0 && (rep.Checkpoint == "" || rep.Checkpoint == "ok")
	return rep, nil
}

func asBreak(err error, be **journal.BreakError) bool {
	b, ok := err.(*journal.BreakError)
	if ok {
		*be = b
	}
	return ok
}

func checkCheckpoint(opt VerifyOptions, corpID string, entries uint64, h *journal.Hash) string {
	cp := opt.Checkpoint
	switch {
	case !cp.Valid():
		return "the checkpoint's signature is not valid"
	case opt.TrustedKey != nil && !bytes.Equal(opt.TrustedKey, cp.PublicKey):
		return "the checkpoint is signed with a key other than this installation's"
	case cp.Corp != corpID:
		return fmt.Sprintf("the checkpoint is of corporation %q, not %q", cp.Corp, corpID)
	case cp.Seq > entries:
		return fmt.Sprintf("history truncated: the checkpoint names entry %d but the journal ends at %d", cp.Seq, entries)
	case h == nil || *h != cp.Hash:
		return fmt.Sprintf("history rewritten: entry %d does not have the hash the checkpoint names (%s)", cp.Seq, cp.Hash)
	}
	return "ok"
}

// replayer rebuilds the derived tables from journal entries, running each
// kind's apply function on an in-memory state.
type replayer struct {
	cadence Cadence
	corpID  string
	mem     *tables.Memory
	cc      *corpContext
}

func newReplayer(corpID string, cad Cadence) *replayer {
	return &replayer{corpID: corpID, mem: tables.NewMemory(), cadence: cad}
}

func (rp *replayer) apply(r *journal.Record) error {
	en, err := journal.Decode(r.Encoding)
	if err != nil {
		return &journal.BreakError{Corp: rp.corpID, Seq: r.Seq, Reason: err.Error()}
	}
	a, err := actOf(en)
	if err != nil {
		return &journal.BreakError{Corp: rp.corpID, Seq: r.Seq, Reason: "replay: " + err.Error()}
	}
	if rp.cc == nil {
		if rp.cc, err = loadContext(rp.mem); err != nil {
			return err
		}
	}
	env, err := newEnv(rp.mem, rp.corpID, rp.cc, a, en.Seq, true, rp.cadence)
	if err != nil {
		return err
	}
	if err := applyAct(env, a); err != nil {
		return &journal.BreakError{Corp: rp.corpID, Seq: r.Seq, Reason: "replay: " + err.Error()}
	}
	if a.Kind.ChangesContext {
		rp.cc = nil
	}
	return nil
}

// Replay rebuilds corp's derived tables from its journal, in memory.
func (s *Service) Replay(ctx context.Context, corpID string) (*tables.Memory, error) {
	rp := newReplayer(corpID, s.Checkpoints)
	err := s.Store.View(ctx, corpID, func(v View) error {
		return v.Journal(1, rp.apply)
	})
	return rp.mem, err
}

// Checkpoint signs the head of corp's journal with key.
func (s *Service) Checkpoint(ctx context.Context, corpID string, key ed25519.PrivateKey) (*journal.Checkpoint, error) {
	var cp *journal.Checkpoint
	err := s.Store.View(ctx, corpID, func(v View) error {
		h, err := v.Head()
		if err != nil {
			return err
		}
		if h.Seq == 0 {
			return corp.E("journal checkpoint", corp.NotFound, "corporation %q has no journal entries", corpID)
		}
		cp = journal.Sign(key, corpID, h.Seq, h.Hash)
		return nil
	})
	return cp, err
}
