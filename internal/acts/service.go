package acts

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// Clock tells the time of recording. Domain code never reads the system
// clock; the composition root injects one.
type Clock func() time.Time

// Service is the one act path: every change to a corporation, from the CLI,
// the HTTP API or the web, goes through Apply.
type Service struct {
	Store Store
	Clock Clock
	// Checkpoints sets how often the list checkpoints are written (zero:
	// the defaults). Recording and `journal verify` must use the same.
	Checkpoints Cadence

	mu       sync.Mutex
	contexts map[string]cachedContext // by corporation
	groups   map[string]*groupQueue   // acts waiting for a shared transaction (Submit), by corporation
}

// cachedContext is a corporation's context as of a journal head. It is
// reused by a later transaction only when the head is still the same, so
// another writer's acts always cause a reload.
type cachedContext struct {
	head journal.Hash
	cc   *corpContext
}

func (s *Service) cached(corpID string, head journal.Hash) *corpContext {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.contexts[corpID]; ok && c.head == head {
		return c.cc
	}
	return nil
}

func (s *Service) remember(corpID string, r *runner) {
	if r.cc == nil || r.head == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.contexts == nil {
		s.contexts = map[string]cachedContext{}
	}
	s.contexts[corpID] = cachedContext{head: r.head.Hash, cc: r.cc}
}

// Options change how Apply runs.
type Options struct {
	// DryRun performs every check and writes nothing.
	DryRun bool
	// Atomic records all the acts in one transaction, or none of them.
	Atomic bool
	// Progress, when set, is told after each act how many of the total
	// have been checked (for a progress bar on long imports).
	Progress func(done, total int)
	// Authorize, when set, decides whether the requester may record each
	// act (the HTTP layer's access policy, package access). Its check is
	// the act's first: a failed one refuses the act, a held one is
	// recorded in the journal with it.
	Authorize func(a *Act) journal.Check
	// Idempotency, when set, writes the answer to an Idempotency-Key in
	// the transaction that records the acts, so that both commit or
	// neither does; with it Apply runs as if Atomic (idempotency.go).
	Idempotency *Idempotency
}

// Status is what happened to one act.
type Status string

// The statuses of an act.
const (
	Recorded   Status = "recorded"    // written to the journal with its effects
	Refused    Status = "refused"     // a rule failed; nothing written
	Invalid    Status = "invalid"     // the act could not be decoded
	Checked    Status = "checked"     // dry run: every check passed; nothing written
	Skipped    Status = "skipped"     // not attempted, because an earlier act was refused
	RolledBack Status = "rolled_back" // passed, but an atomic batch was refused as a whole
)

// Result is the outcome of one act.
type Result struct {
	Source        string          `json:"source,omitempty"`
	Index         int             `json:"index"`
	Kind          string          `json:"kind"`
	Corporation   string          `json:"corporation"`
	Effective     string          `json:"effective"`
	Status        Status          `json:"status"`
	Seq           uint64          `json:"seq,omitempty"`
	Hash          string          `json:"hash,omitempty"`
	BylawsVersion string          `json:"bylaws_version,omitempty"`
	Checks        []journal.Check `json:"checks"`
	// Conflict is set on a refusal caused by a concurrent change: the act
	// names a state another act has since consumed (FailConflict).
	Conflict bool `json:"conflict,omitempty"`
}

// errRollback unwinds a transaction that must not commit (a refusal in an
// atomic batch, or a dry run); it never reaches a caller.
var errRollback = errors.New("rollback")

// Apply checks and records acts for one corporation, in order. Without
// Atomic each act is its own durable transaction and the first refusal
// stops the rest (they are Skipped). With Atomic the acts commit together
// or not at all. A returned error is a storage or internal failure; rule
// failures are Results with status Refused.
func (s *Service) Apply(ctx context.Context, corpID string, list []*Act, opt Options) ([]Result, error) {
	if corpID == "" {
		return nil, corp.E("apply", corp.Invalid, "no corporation selected (use --corp, or name it in the act)")
	}
	results := make([]Result, len(list))
	for i, a := range list {
		results[i] = Result{Source: a.Source, Index: a.Index, Kind: a.Kind.Name, Corporation: corpID, Effective: a.Effective.String(), Status: Skipped}
	}
	run := func(from, to int) (refused bool, err error) {
		var r *runner
		err = s.Store.Update(ctx, corpID, func(tx Tx) error {
			r = &runner{tx: tx, corpID: corpID, clock: s.Clock, svc: s}
			for i := from; i < to; i++ {
				ok, err := r.one(list[i], &results[i], opt)
				if err != nil {
					return err
				}
				if opt.Progress != nil {
					opt.Progress(i+1, len(list))
				}
				if !ok {
					refused = true
					return errRollback
				}
			}
			if opt.DryRun {
				return errRollback
			}
			if opt.Idempotency != nil {
				return opt.Idempotency.remember(tx, results[from:to], s.Clock)
			}
			return nil
		})
		switch {
		case errors.Is(err, errRollback):
			err = nil
		case err == nil:
			s.remember(corpID, r)
		default:
			// The transaction did not commit: nothing it held is recorded.
			for i := from; i < to; i++ {
				if results[i].Status == Recorded || results[i].Status == Checked {
					results[i].Status, results[i].Seq, results[i].Hash = Skipped, 0, ""
				}
			}
		}
		return refused, err
	}
	if opt.Atomic || opt.DryRun || opt.Idempotency != nil {
		refused, err := run(0, len(list))
		if err != nil {
			return nil, err
		}
		if refused && !opt.DryRun {
			for i := range results {
				if results[i].Status == Recorded {
					results[i].Status, results[i].Seq, results[i].Hash = RolledBack, 0, ""
				}
			}
		}
		return results, nil
	}
	for i := range list {
		refused, err := run(i, i+1)
		if err != nil {
			return results, err
		}
		if refused {
			break
		}
	}
	return results, nil
}

// runner applies acts inside one transaction, keeping the journal head
// and the corporation's context in memory between acts.
type runner struct {
	tx     Tx
	corpID string
	clock  Clock
	svc    *Service
	head   *Head
	cc     *corpContext
}

func (r *runner) context() (*corpContext, error) {
	if r.cc == nil {
		cc, err := loadContext(r.tx)
		if err != nil {
			return nil, err
		}
		r.cc = cc
	}
	return r.cc, nil
}

// one checks act a and, when every check holds, records it. It returns
// false when the act was refused.
func (r *runner) one(a *Act, res *Result, opt Options) (bool, error) {
	if r.head == nil {
		h, err := r.tx.Head()
		if err != nil {
			return false, err
		}
		r.head = &h
		r.cc = r.svc.cached(r.corpID, h.Hash)
	}
	cc, err := r.context()
	if err != nil {
		return false, err
	}
	rows := &checkGuard{Tx: r.tx, checking: true}
	env, err := newEnv(rows, r.corpID, cc, a, r.head.Seq+1, false, r.svc.Checkpoints)
	if err != nil {
		return false, err
	}
	if opt.Authorize != nil {
		c := opt.Authorize(a)
		env.checks = append(env.checks, c)
	}
	if err := preChecks(env, a, r.head); err != nil {
		return false, err
	}
	if !env.Failed() {
		if err := a.Kind.check(env, a.Fields); err != nil {
			return false, err
		}
		if err := checkAdoption(env); err != nil {
			return false, err
		}
	}
	res.Checks, res.BylawsVersion = env.checks, env.BylawsVersion
	if env.Failed() {
		res.Status, res.Conflict = Refused, env.conflict
		return false, nil
	}
	rows.checking = false
	if err := applyAct(env, a); err != nil {
		return false, err
	}
	e := a.entry(r.corpID, env.Seq, env)
	e.RecordedAt = r.clock().UTC()
	rec := journal.NewRecord(r.head.Hash, e)
	if err := r.tx.Append(&rec); err != nil {
		return false, err
	}
	r.head.Seq, r.head.Hash = rec.Seq, rec.Hash
	if eff := a.Effective.String(); eff > r.head.NewestEffective {
		r.head.NewestEffective = eff
	}
	if a.Kind.ChangesContext {
		r.cc = nil
	}
	res.Status, res.Seq, res.Hash = Recorded, rec.Seq, rec.Hash.String()
	if opt.DryRun {
		res.Status, res.Hash = Checked, ""
	}
	return true, nil
}

// checkGuard lets the checks of an act read the books and refuses their
// writes: a refused act must write nothing, so that the acts after it in
// the same transaction (an atomic batch, a dry run, a group commit) see
// the books as if it had never been attempted. The act's effects are
// written once every check holds (checking is then false).
type checkGuard struct {
	Tx
	checking bool
}

func (g *checkGuard) Put(t *tables.Table, r tables.Row) error {
	if g.checking {
		return fmt.Errorf("acts: a check wrote to %s: checks must not write", t.Name)
	}
	return g.Tx.Put(t, r)
}

func (g *checkGuard) Delete(t *tables.Table, key ...any) error {
	if g.checking {
		return fmt.Errorf("acts: a check deleted from %s: checks must not write", t.Name)
	}
	return g.Tx.Delete(t, key...)
}

func (g *checkGuard) Append(r *journal.Record) error {
	if g.checking {
		return fmt.Errorf("acts: a check appended to the journal: checks must not write")
	}
	return g.Tx.Append(r)
}

// newEnv builds the environment of act a from the corporation's context.
func newEnv(rows tables.ReadWriter, corpID string, cc *corpContext, a *Act, seq uint64, replay bool, cad Cadence) (*Env, error) {
	e := &Env{Act: a, Rows: rows, CorpID: corpID, Corp: cc.corp, BylawsHistory: cc.bylaws, Seq: seq, Replay: replay, cadence: cad.orDefaults(), cc: cc}
	if e.Corp != nil {
		e.Corp.ID = corpID
	}
	e.Charter, _ = cc.charterOn(a.Effective)
	if v, ok := cc.bylaws.InForce(a.Effective); ok {
		e.Bylaws, e.BylawsVersion = v.Rulebook, cc.labels[v.Number]
	}
	return e, nil
}

// preChecks are the act path's own checks, made before the kind's: the
// corporation exists, the actor may act, the act is in date order and a
// bylaws version is in force.
func preChecks(e *Env, a *Act, h *Head) error {
	if a.Kind.Name != CreateCorporation.Name && e.Corp == nil {
		e.Fail("MB.corporation.exists", fmt.Sprintf("corporation %q is not recorded: record corporation.create first", e.CorpID))
		return nil
	}
	committee := a.Actor.Capacity == corp.AsCommittee && committeeMayAct(a.Kind)
	if committee && e.Corp != nil && e.Bylaws != nil {
		if err := committeePowers(e); err != nil {
			return err
		}
	}
	if !committee && !a.Kind.mayAct(a.Actor.Capacity) {
		rule := a.Kind.ActorRule
		if rule == "" {
			rule = "MB.actor.capacity"
		}
		e.Fail(rule, fmt.Sprintf("%s may not be performed by the %s (allowed: %s)", a.Kind.Name, a.Actor.Capacity, capacityList(a.Kind.Actors)))
	}
	if a.Actor.Person != "" && e.Corp != nil && a.Actor.Capacity != corp.AsCommittee {
		ok, err := e.PersonExists(a.Actor.Person)
		if err != nil {
			return err
		}
		if !ok {
			e.Fail("MB.actor.person", fmt.Sprintf("actor %q is not a recorded person", a.Actor.Person))
		}
	}
	if eff := a.Effective.String(); h.NewestEffective != "" && eff < h.NewestEffective {
		if a.Correction {
			e.Warn("MB.books.effective_order", fmt.Sprintf("recorded as a correction: dated %s, before the newest act on the books (%s); lists for dates from %s on may change", eff, h.NewestEffective, eff),
				N("effective", eff), N("newest_on_books", h.NewestEffective))
		} else {
			e.Fail("MB.books.effective_order", fmt.Sprintf("dated %s, before the newest act on the books (%s): mark it correction: true to record it as a correction", eff, h.NewestEffective),
				N("effective", eff), N("newest_on_books", h.NewestEffective))
		}
	}
	if a.Kind.NeedsBylaws && e.Bylaws == nil {
		msg := fmt.Sprintf("no bylaws version is in force on %s", a.Effective)
		if len(e.BylawsHistory) > 0 {
			msg += fmt.Sprintf(": the earliest takes effect %s; record the bylaws then in force first", e.BylawsHistory[0].Effective)
		}
		e.Fail("MB.bylaws.in_force", msg, N("effective", a.Effective))
	}
	return nil
}

// applyAct writes an act's effects: its kind's, and the act path's own
// index of corrections and list checkpoints. Recording and the journal replay both call it, so
// they write the same rows.
func applyAct(e *Env, a *Act) error {
	if err := a.Kind.apply(e, a.Fields); err != nil {
		return err
	}
	if err := recordResolution(e, a); err != nil {
		return err
	}
	if a.Correction {
		if err := e.Rows.Put(tables.Corrections, tables.Row{int64(e.Seq), a.Effective.String()}); err != nil {
			return err
		}
	}
	return maintainCheckpoints(e, a)
}
