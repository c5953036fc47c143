package acts

import (
	"context"
	"sync"

	"minutebook/internal/corp"
)

// A group commit: concurrent callers recording acts for the same
// corporation share one write transaction, and so one durable commit (one
// fsync on SQLite, one WAL flush on PostgreSQL), instead of each waiting
// for its own. One caller leads: it takes every act waiting, checks and
// records them in the order they arrived, each against the books as the
// acts before it left them, exactly as Apply does the acts of a batch;
// commits; answers them all; and hands the lead to the first caller that
// arrived meanwhile. Because a check never writes (checkGuard), a refused
// act leaves the shared transaction as if it had never been attempted, and
// the acts after it go on.

// maxGroup bounds the acts of one shared transaction.
const maxGroup = 256

// groupQueue is one corporation's acts waiting for a shared transaction.
type groupQueue struct {
	mu      sync.Mutex
	waiting []*groupReq
	leading bool // a caller is leading: the others wait to be woken
}

// groupReq is one caller's act and, once woken, its answer.
type groupReq struct {
	act  *Act
	opt  Options // Authorize and Idempotency
	res  Result
	err  error
	wake chan struct{} // closed when answered, or when given the lead
	lead bool          // set (before wake is closed) when the caller leads
}

func (s *Service) groupQueue(corpID string) *groupQueue {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.groups == nil {
		s.groups = map[string]*groupQueue{}
	}
	q := s.groups[corpID]
	if q == nil {
		q = &groupQueue{}
		s.groups[corpID] = q
	}
	return q
}

// Submit records one act durably, sharing the transaction with the acts
// that concurrent callers submit for the same corporation (a group
// commit). The act is checked against the books as the acts committed
// before it left them, as if applied alone with Apply: its Result is the
// one Apply would give it then. A refused act writes nothing and does not
// affect the others. Submit returns only once the shared transaction is
// durable; if the commit fails, every act in it gets the error and none is
// recorded. An error that arises while one act is checked or written
// (not a refusal) is that act's alone: the transaction is rolled back and
// the others are recorded again without it.
//
// opt.Authorize and opt.Idempotency apply to the act as in Apply (the
// answer to an Idempotency-Key is written in the shared transaction; a
// key answered meanwhile fails this act alone with ErrAnswered). With
// opt.DryRun the act is checked by Apply and nothing is shared.
//
// Cancelling ctx does not withdraw an act already waiting: the caller
// still waits for its answer, because the act may be in a transaction
// being committed.
func (s *Service) Submit(ctx context.Context, corpID string, a *Act, opt Options) (Result, error) {
	if opt.DryRun {
		rs, err := s.Apply(ctx, corpID, []*Act{a}, opt)
		if err != nil {
			return Result{}, err
		}
		return rs[0], nil
	}
	if corpID == "" {
		return Result{}, corp.E("submit", corp.Invalid, "no corporation selected")
	}
	q := s.groupQueue(corpID)
	req := &groupReq{act: a, opt: opt, wake: make(chan struct{})}
	q.mu.Lock()
	q.waiting = append(q.waiting, req)
	first := !q.leading
	if first {
		q.leading, req.lead = true, true
	}
	q.mu.Unlock()
	if !first {
		// req.lead is written by the leader before it closes wake: read
		// it only after.
		<-req.wake
	}
	if req.lead {
		s.lead(context.WithoutCancel(ctx), corpID, q, req)
	}
	return req.res, req.err
}

// lead records the acts waiting (req first among them) in one shared
// transaction, answers their callers, and passes the lead on. Should the
// transaction panic, the group's callers get an error and the lead still
// passes on, so that no later caller waits forever; the panic goes on in
// the leader's goroutine.
func (s *Service) lead(ctx context.Context, corpID string, q *groupQueue, req *groupReq) {
	q.mu.Lock()
	n := min(len(q.waiting), maxGroup)
	group := q.waiting[:n:n]
	q.waiting = q.waiting[n:]
	q.mu.Unlock()

	done := false
	defer func() {
		if !done {
			for _, g := range group {
				g.res.Status, g.res.Seq, g.res.Hash = Skipped, 0, ""
				g.err = corp.E("submit", corp.Other, "the shared transaction failed: nothing in it was recorded")
			}
		}
		q.mu.Lock()
		if len(q.waiting) > 0 {
			next := q.waiting[0]
			next.lead = true
			close(next.wake)
		} else {
			q.leading = false
		}
		q.mu.Unlock()
		for _, r := range group {
			if r != req {
				close(r.wake)
			}
		}
	}()
	s.commitGroup(ctx, corpID, group)
	done = true
}

// commitGroup checks and records the group's acts in one transaction.
func (s *Service) commitGroup(ctx context.Context, corpID string, group []*groupReq) {
	for len(group) > 0 {
		var r *runner
		failed := -1
		err := s.Store.Update(ctx, corpID, func(tx Tx) error {
			r = &runner{tx: tx, corpID: corpID, clock: s.Clock, svc: s}
			for i, g := range group {
				a := g.act
				g.res = Result{Source: a.Source, Index: a.Index, Kind: a.Kind.Name, Corporation: corpID, Effective: a.Effective.String(), Status: Skipped}
				ok, err := r.one(a, &g.res, Options{Authorize: g.opt.Authorize})
				if err == nil && ok && g.opt.Idempotency != nil {
					err = g.opt.Idempotency.remember(tx, []Result{g.res}, s.Clock)
				}
				if err != nil {
					failed = i
					return err
				}
			}
			return nil
		})
		if err == nil {
			s.remember(corpID, r)
			return
		}
		for _, g := range group {
			if g.res.Status == Recorded {
				g.res.Status, g.res.Seq, g.res.Hash = Skipped, 0, ""
			}
		}
		if failed < 0 || len(group) == 1 {
			// The commit itself failed: nothing in the group is recorded.
			for _, g := range group {
				g.err = err
			}
			return
		}
		// One act failed (not a refusal): it alone gets the error; the
		// others are checked and recorded again without it.
		group[failed].err = err
		group = append(group[:failed:failed], group[failed+1:]...)
	}
}
