package acts_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/postgres"
	"minutebook/internal/sqlite"
	"minutebook/internal/tables"
	"minutebook/internal/testdb"
)

// slowStore counts write transactions and holds each a little before it
// begins, so that concurrent callers queue behind it and share the next;
// fail, when set, rolls back the next transaction after its acts ran, as
// a failed commit would.
type slowStore struct {
	acts.Store
	updates atomic.Int64
	fail    atomic.Bool
}

var errInjected = errors.New("injected commit failure")

func (s *slowStore) Update(ctx context.Context, corp string, fn func(tables.Tx) error) error {
	s.updates.Add(1)
	time.Sleep(2 * time.Millisecond)
	fail := s.fail.Swap(false)
	return s.Store.Update(ctx, corp, func(tx tables.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		if fail {
			return errInjected
		}
		return nil
	})
}

const (
	groupClients = 16
	groupEach    = 12 // transfers per client
)

// groupSetup records the corporation and, for each client, a holder with
// groupEach certificates of 100 shares (numbered c*groupEach+1 …).
func groupSetup(t testing.TB, svc *acts.Service) { positions(t, svc, groupClients, groupEach) }

// positions records the corporation, groupClients holders, and for each
// of the first clients a holder with per positions of 100 shares
// (numbered c*per+1 …).
func positions(t testing.TB, svc *acts.Service, clients, per int) {
	t.Helper()
	var b strings.Builder
	b.WriteString(createQuintus)
	for c := range groupClients {
		fmt.Fprintf(&b, "- {kind: person.add, effective: 2006-01-02, actor: {as: secretary}, fields: {id: h%02d, name: Holder %02d, kind: natural_person}}\n", c, c)
	}
	for c := range clients {
		for range per {
			fmt.Fprintf(&b, "- {kind: stock.issue, effective: 2006-01-02, actor: {as: secretary}, fields: {class: common, holder: h%02d, shares: \"100\", consideration: \"100\", resolution: r, certificated: false}}\n", c)
		}
	}
	rs, err := svc.Apply(context.Background(), "quintus", decode(t, b.String()), acts.Options{Atomic: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Status != acts.Recorded {
			t.Fatalf("setup: %s %s %+v", r.Kind, r.Status, r.Checks)
		}
	}
}

// transferAct moves certificate n (all of it) from holder from to holder to.
func transferAct(t testing.TB, n, from, to int) *acts.Act {
	return decode(t, fmt.Sprintf("- {kind: stock.transfer, effective: 2006-02-01, actor: {as: secretary}, fields: {from: h%02d, to: h%02d, certificates: [%d], shares: \"100\", evidence: authority, certificated: false}}\n", from, to, n))[0]
}

type submitted struct {
	act *acts.Act
	res acts.Result
}

// TestGroupCommit: 16 clients submit transfers at once; some pairs of
// clients race for the same certificate. Acts share transactions (fewer
// transactions than acts); of each raced certificate exactly one transfer
// is recorded and the other refused; every act acknowledged is in the
// journal with its hash; the journal verifies; and applying the recorded
// acts one by one, in journal order, to a fresh store gives the same head
// hash and the same books. On SQLite and on PostgreSQL.
func TestGroupCommit(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		open func(t *testing.T) acts.Store
	}{
		{"sqlite", func(t *testing.T) acts.Store {
			st, err := sqlite.Open(context.Background(), testdb.SQLitePath(t))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			return st
		}},
		{"postgres", func(t *testing.T) acts.Store {
			st, err := postgres.Open(context.Background(), testdb.Postgres(t))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			return st
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			groupCommit(t, tc.open)
		})
	}
}

func groupCommit(t *testing.T, open func(t *testing.T) acts.Store) {
	ctx := context.Background()
	st := &slowStore{Store: open(t)}
	svc := &acts.Service{Store: st, Clock: func() time.Time { return fixed }}
	groupSetup(t, svc)
	st.updates.Store(0)

	// Client c transfers its certificates to other holders; every third
	// act of an even client races its odd neighbour for the neighbour's
	// certificate.
	rng := rand.New(rand.NewPCG(7, 11))
	plans := make([][]*acts.Act, groupClients)
	for c := range groupClients {
		for i := range groupEach {
			to := (c + 1 + rng.IntN(groupClients-1)) % groupClients
			from, n := c, c*groupEach+i+1
			if c%2 == 0 && i%3 == 0 {
				from, n = c+1, (c+1)*groupEach+i+1
				if to == from {
					to = c
				}
			}
			plans[c] = append(plans[c], transferAct(t, n, from, to))
		}
	}
	out := make([][]submitted, groupClients)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for c := range groupClients {
		wg.Go(func() {
			<-start
			for _, a := range plans[c] {
				r, err := svc.Submit(ctx, "quintus", a, acts.Options{})
				if err != nil {
					t.Errorf("client %d: Submit: %v", c, err)
					return
				}
				out[c] = append(out[c], submitted{a, r})
			}
		})
	}
	close(start)
	wg.Wait()
	if t.Failed() {
		return
	}

	var recorded []submitted
	byCert := map[int64][]acts.Status{}
	for _, o := range out {
		for _, s := range o {
			n := s.act.Fields.(*acts.TransferFields).Certificates[0]
			byCert[n] = append(byCert[n], s.res.Status)
			switch s.res.Status {
			case acts.Recorded:
				if s.res.Seq == 0 || s.res.Hash == "" {
					t.Errorf("recorded without seq or hash: %+v", s.res)
				}
				recorded = append(recorded, s)
			case acts.Refused:
			default:
				t.Errorf("status %s: %+v", s.res.Status, s.res)
			}
		}
	}
	for n, ss := range byCert {
		slices.Sort(ss)
		if want := []acts.Status{acts.Recorded}; len(ss) == 1 && !slices.Equal(ss, want) {
			t.Errorf("certificate %d: %v, want recorded", n, ss)
		}
		if want := []acts.Status{acts.Recorded, acts.Refused}; len(ss) == 2 && !slices.Equal(ss, want) {
			t.Errorf("certificate %d raced: %v, want one recorded and one refused", n, ss)
		}
	}
	if u, n := st.updates.Load(), int64(groupClients*groupEach); u >= n {
		t.Errorf("%d transactions for %d acts: no group shared a transaction", u, n)
	} else {
		t.Logf("%d acts (%d recorded) in %d transactions", n, len(recorded), u)
	}

	// Every act acknowledged is in the journal, with its hash.
	slices.SortFunc(recorded, func(a, b submitted) int { return int(a.res.Seq) - int(b.res.Seq) })
	first, last := recorded[0].res.Seq, recorded[len(recorded)-1].res.Seq
	if int(last-first)+1 != len(recorded) {
		t.Errorf("recorded seqs %d…%d for %d acts: gaps", first, last, len(recorded))
	}
	_, hashes, err := svc.Entries(ctx, "quintus", first, last)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range recorded {
		if i < len(hashes) && hashes[i].String() != s.res.Hash {
			t.Errorf("seq %d: journal hash %s, acknowledged %s", s.res.Seq, hashes[i], s.res.Hash)
		}
	}
	rep, err := svc.Verify(ctx, "quintus", acts.VerifyOptions{})
	if err != nil || !rep.OK {
		t.Fatalf("Verify = %+v, %v", rep, err)
	}

	// The same acts applied one by one, in journal order, on a fresh store.
	serial := &acts.Service{Store: open(t), Clock: func() time.Time { return fixed }}
	groupSetup(t, serial)
	for _, s := range recorded {
		rs, err := serial.Apply(ctx, "quintus", []*acts.Act{s.act}, acts.Options{})
		if err != nil || rs[0].Status != acts.Recorded || rs[0].Hash != s.res.Hash {
			t.Fatalf("serial seq %d: %+v, %v; want recorded with hash %s", s.res.Seq, rs, err, s.res.Hash)
		}
	}
	h1, r1 := books(t, st.Store)
	h2, r2 := books(t, serial.Store)
	sameBooks(t, h1, r1, h2, r2)

	// A failed commit fails every act of its group and records none of
	// them; the acts of the next transaction are recorded.
	before, _ := books(t, st.Store)
	st.fail.Store(true)
	var failed, ok atomic.Int64
	for c := range groupClients {
		wg.Go(func() {
			a := decode(t, fmt.Sprintf("- {kind: stock.issue, effective: 2006-03-01, actor: {as: secretary}, fields: {class: common, holder: h%02d, shares: \"7\", consideration: \"7\", resolution: r, certificated: false}}\n", c))[0]
			r, err := svc.Submit(ctx, "quintus", a, acts.Options{})
			switch {
			case errors.Is(err, errInjected):
				failed.Add(1)
			case err == nil && r.Status == acts.Recorded:
				ok.Add(1)
			default:
				t.Errorf("issue after an injected failure: %+v, %v", r, err)
			}
		})
	}
	wg.Wait()
	after, _ := books(t, st.Store)
	if failed.Load() == 0 || after.Seq-before.Seq != uint64(ok.Load()) {
		t.Errorf("after an injected commit failure: %d failed, %d recorded, journal grew by %d", failed.Load(), ok.Load(), after.Seq-before.Seq)
	}
	if rep, err := svc.Verify(ctx, "quintus", acts.VerifyOptions{}); err != nil || !rep.OK {
		t.Fatalf("Verify = %+v, %v", rep, err)
	}
}

// BenchmarkSubmitTransfers: 1 or 16 goroutines record transfers through
// Submit (the group commit), each moving its own positions, on SQLite and
// PostgreSQL; it reports transfers/s, the process's CPU per transfer and
// the acts per shared transaction. One goroutine is the serial baseline:
// one durable transaction per act.
func BenchmarkSubmitTransfers(b *testing.B) {
	for _, store := range []string{"sqlite", "postgres"} {
		for _, clients := range []int{1, groupClients} {
			b.Run(fmt.Sprintf("%s/clients=%d", store, clients), func(b *testing.B) {
				var inner acts.Store
				var err error
				if store == "sqlite" {
					inner, err = sqlite.Open(context.Background(), testdb.SQLitePath(b))
				} else {
					inner, err = postgres.Open(context.Background(), testdb.Postgres(b))
				}
				if err != nil {
					b.Fatal(err)
				}
				defer inner.Close()
				st := &countingStore{Store: inner}
				svc := &acts.Service{Store: st, Clock: func() time.Time { return fixed }}
				per := b.N/clients + 1
				positions(b, svc, clients, per)
				plans := make([][]*acts.Act, clients)
				for c := range clients {
					for i := range per {
						plans[c] = append(plans[c], transferAct(b, c*per+i+1, c, (c+1+i%(groupClients-1))%groupClients))
					}
				}
				st.updates.Store(0)
				b.ResetTimer()
				cpu0, began := cpuNow(), time.Now()
				var wg sync.WaitGroup
				for c := range clients {
					wg.Go(func() {
						for _, a := range plans[c] {
							if r, err := svc.Submit(context.Background(), "quintus", a, acts.Options{}); err != nil || r.Status != acts.Recorded {
								b.Errorf("%+v, %v", r, err)
								return
							}
						}
					})
				}
				wg.Wait()
				n := float64(clients * per)
				b.ReportMetric(n/time.Since(began).Seconds(), "transfers/s")
				b.ReportMetric(float64(cpuNow()-cpu0)/float64(time.Millisecond)/n, "cpu-ms/transfer")
				b.ReportMetric(n/float64(st.updates.Load()), "acts/tx")
			})
		}
	}
}

// countingStore counts write transactions.
type countingStore struct {
	acts.Store
	updates atomic.Int64
}

func (s *countingStore) Update(ctx context.Context, corp string, fn func(tables.Tx) error) error {
	s.updates.Add(1)
	return s.Store.Update(ctx, corp, fn)
}

// cpuNow is the process's CPU time (user and system).
func cpuNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestSubmitIdempotency: the answer to an Idempotency-Key is written in
// the shared transaction with the act; an act whose key was answered
// meanwhile fails alone with ErrAnswered and is not recorded, while the
// acts sharing its transaction are recorded without it.
func TestSubmitIdempotency(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	inner, err := sqlite.Open(ctx, testdb.SQLitePath(t))
	if err != nil {
		t.Fatal(err)
	}
	defer inner.Close()
	st := &slowStore{Store: inner}
	svc := &acts.Service{Store: st, Clock: func() time.Time { return fixed }}
	groupSetup(t, svc)
	key := func(k string) acts.Options {
		return acts.Options{Idempotency: &acts.Idempotency{Account: "acct", Key: k, RequestHash: "hash-" + k,
			Answer: func(rs []acts.Result) (int, []byte, error) { return 201, []byte(rs[0].Hash), nil }}}
	}
	r, err := svc.Submit(ctx, "quintus", transferAct(t, 1, 0, 1), key("k1"))
	if err != nil || r.Status != acts.Recorded {
		t.Fatalf("first: %+v, %v", r, err)
	}
	a, err := svc.Answered(ctx, "quintus", "acct", "k1")
	if err != nil || a == nil || a.Status != 201 || string(a.Body) != r.Hash {
		t.Fatalf("Answered(k1) = %+v, %v; want 201 with the hash %s", a, err, r.Hash)
	}
	before, _ := books(t, inner)
	type out struct {
		res acts.Result
		err error
	}
	outs := make([]out, 3)
	var wg sync.WaitGroup
	for i, k := range []string{"k2", "k1", "k3"} {
		wg.Go(func() {
			r, err := svc.Submit(ctx, "quintus", transferAct(t, 2+i, 0, 1), key(k))
			outs[i] = out{r, err}
		})
	}
	wg.Wait()
	if !errors.Is(outs[1].err, acts.ErrAnswered) {
		t.Errorf("k1 again: %+v, %v; want ErrAnswered", outs[1].res, outs[1].err)
	}
	for _, i := range []int{0, 2} {
		if outs[i].err != nil || outs[i].res.Status != acts.Recorded {
			t.Errorf("act %d: %+v, %v; want recorded", i, outs[i].res, outs[i].err)
		}
	}
	after, _ := books(t, inner)
	if after.Seq != before.Seq+2 {
		t.Errorf("the journal grew by %d, want 2", after.Seq-before.Seq)
	}
}

// panicStore panics in the next write transaction once armed, after a
// pause that lets other callers queue.
type panicStore struct {
	acts.Store
	armed atomic.Bool
}

func (s *panicStore) Update(ctx context.Context, corp string, fn func(tables.Tx) error) error {
	if s.armed.Swap(false) {
		time.Sleep(20 * time.Millisecond)
		panic("injected")
	}
	return s.Store.Update(ctx, corp, fn)
}

// TestSubmitPanic: a panic in the shared transaction reaches the leader,
// every other caller of the group gets an error (or, arriving later, is
// recorded), and later acts are recorded: no caller waits forever.
func TestSubmitPanic(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	inner, err := sqlite.Open(ctx, testdb.SQLitePath(t))
	if err != nil {
		t.Fatal(err)
	}
	defer inner.Close()
	st := &panicStore{Store: inner}
	svc := &acts.Service{Store: st, Clock: func() time.Time { return fixed }}
	groupSetup(t, svc)
	st.armed.Store(true)
	var panics, failed, recorded atomic.Int64
	var wg sync.WaitGroup
	for c := range 4 {
		wg.Go(func() {
			defer func() {
				if recover() != nil {
					panics.Add(1)
				}
			}()
			r, err := svc.Submit(ctx, "quintus", transferAct(t, c*groupEach+1, c, c+1), acts.Options{})
			switch {
			case err != nil:
				failed.Add(1)
			case r.Status == acts.Recorded:
				recorded.Add(1)
			}
		})
	}
	wg.Wait()
	if panics.Load() != 1 || panics.Load()+failed.Load()+recorded.Load() != 4 {
		t.Errorf("%d panicked, %d failed, %d recorded; want one panic and every caller answered", panics.Load(), failed.Load(), recorded.Load())
	}
	r, err := svc.Submit(ctx, "quintus", transferAct(t, 5*groupEach+1, 5, 6), acts.Options{})
	if err != nil || r.Status != acts.Recorded {
		t.Errorf("after the panic: %+v, %v; want recorded", r, err)
	}
}
