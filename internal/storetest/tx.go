package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// state is everything one corporation holds, as text.
type state struct {
	Head    string
	Journal []string
	Rows    map[string][]string
}

// stateOf reads the state of v's corporation.
func stateOf(v tables.View) (state, error) {
	h, err := v.Head()
	if err != nil {
		return state{}, err
	}
	st := state{Head: fmt.Sprintf("%d %s %q", h.Seq, h.Hash, h.NewestEffective), Rows: map[string][]string{}}
	recs, err := records(v, 1)
	if err != nil {
		return state{}, err
	}
	for _, r := range recs {
		st.Journal = append(st.Journal, fmt.Sprintf("%s %d %s %s %x %s", r.Corp, r.Seq, r.Kind, r.Effective, r.Encoding, r.Hash))
	}
	for _, tb := range tables.All() {
		if st.Rows[tb.Name], err = dump(v, tb, nil); err != nil {
			return state{}, err
		}
	}
	return st, nil
}

// readState reads the state of corpID in a View of its own.
func readState(t testing.TB, s Store, corpID string) state {
	t.Helper()
	var st state
	view(t, s, corpID, func(v tables.View) (err error) {
		st, err = stateOf(v)
		return err
	})
	return st
}

// seed gives corpID rows in every table and a journal of two entries, and
// returns them in a Memory and the records.
func seed(t testing.TB, s Store, corpID string) (*tables.Memory, []journal.Record) {
	t.Helper()
	m := tables.NewMemory()
	for _, tb := range tables.All() {
		putBoth(t, s, m, corpID, tb, genRows(tb, 6, 0))
	}
	recs := chain(corpID, journal.Genesis, 0, "2024-01-01", "2024-02-01")
	appendAll(t, s, corpID, recs)
	return m, recs
}

// writeMore puts, replaces and deletes rows in every table and appends
// the entry after prev, in tx.
func writeMore(tx tables.Tx, corpID string, prev journal.Record) error {
	for _, tb := range tables.All() {
		for _, r := range genRows(tb, 9, 3) {
			if err := tx.Put(tb, r); err != nil {
				return err
			}
		}
		if err := tx.Delete(tb, tb.KeyOf(genRows(tb, 1, 0)[0])...); err != nil {
			return err
		}
	}
	next := chain(corpID, prev.Hash, prev.Seq, "2030-12-31")
	return tx.Append(&next[0])
}

// testRollback pins atomicity: when fn fails, none of its writes to rows
// or journal remain, and Update returns fn's error.
func testRollback(t *testing.T, open Opener) {
	s := open(t)
	errBoom := errors.New("boom")

	t.Run("over committed state", func(t *testing.T) {
		m, recs := seed(t, s, "acme")
		before := readState(t, s, "acme")
		err := s.Update(t.Context(), "acme", func(tx tables.Tx) error {
			if err := writeMore(tx, "acme", recs[len(recs)-1]); err != nil {
				return err
			}
			return errBoom
		})
		if !errors.Is(err, errBoom) {
			t.Fatalf("Update with fn failing with %v = %v", errBoom, err)
		}
		if d := gocmp.Diff(before, readState(t, s, "acme")); d != "" {
			t.Errorf("state after a rolled-back Update (-before +after):\n%s", d)
		}
		for _, tb := range tables.All() {
			compareTable(t, s, m, "acme", tb)
		}
	})

	t.Run("first writes", func(t *testing.T) {
		err := s.Update(t.Context(), "fresh", func(tx tables.Tx) error {
			if err := writeMore(tx, "fresh", journal.Record{Hash: journal.Genesis}); err != nil {
				return err
			}
			return errBoom
		})
		if !errors.Is(err, errBoom) {
			t.Fatalf("Update with fn failing with %v = %v", errBoom, err)
		}
		if d := gocmp.Diff(readState(t, s, "never written"), readState(t, s, "fresh")); d != "" {
			t.Errorf("state of a corporation whose only Update rolled back (-empty +got):\n%s", d)
		}
		corps, err := s.Corporations(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range corps {
			if c == "fresh" {
				t.Errorf("Corporations() = %q lists a corporation whose only Update rolled back", corps)
			}
		}
	})
}

// testPanic pins that a panic in fn leaves no writes and does not wedge
// the store: the next Update of the same corporation commits.
func testPanic(t *testing.T, open Opener) {
	s := open(t)
	recs := chain("acme", journal.Genesis, 0, "2024-01-01")
	func() {
		defer func() {
			if r := recover(); r != "storetest: fn panics" {
				t.Errorf("Update with fn panicking: recovered %v, want the panic to pass through", r)
			}
		}()
		s.Update(t.Context(), "acme", func(tx tables.Tx) error {
			if err := writeMore(tx, "acme", journal.Record{Hash: journal.Genesis}); err != nil {
				return err
			}
			panic("storetest: fn panics")
		})
	}()
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	if err := s.Update(ctx, "acme", func(tx tables.Tx) error { return tx.Append(&recs[0]) }); err != nil {
		t.Fatalf("Update after an Update whose fn panicked = %v", err)
	}
	st := readState(t, s, "acme")
	for name, rows := range st.Rows {
		if len(rows) != 0 {
			t.Errorf("table %s holds %d rows written before the panic", name, len(rows))
		}
	}
	if d := sameRecords(readJournal(t, s, "acme"), recs); d != "" {
		t.Errorf("journal after the panic: %s", d)
	}
}

// testOwnWrites pins that a transaction reads its own writes, and that no
// View sees them before the commit.
func testOwnWrites(t *testing.T, open Opener) {
	s := open(t)
	const c = "acme"
	_, recs := seed(t, s, c)
	committed := readState(t, s, c)
	row := tables.Row{"p-new", "New Person", "person, new", "person", "1 Main St", "new@example.com", int64(3)}
	next := chain(c, recs[1].Hash, 2, "2024-03-01")
	update(t, s, c, func(tx tables.Tx) error {
		if err := tx.Put(tables.Persons, row); err != nil {
			return err
		}
		got, ok, err := tx.Get(tables.Persons, "p-new")
		if err != nil || !ok || tables.FormatRow(tables.Persons, got) != tables.FormatRow(tables.Persons, row) {
			t.Errorf("Get after Put in the same transaction = %v, %v, %v", got, ok, err)
		}
		if err := tx.Append(&next[0]); err != nil {
			return err
		}
		h, err := tx.Head()
		if err != nil {
			return err
		}
		if h.Seq != 3 || h.Hash != next[0].Hash || h.NewestEffective != "2024-03-01" {
			t.Errorf("Head after Append in the same transaction = {%d %s %q}, want {3 %s %q}", h.Seq, h.Hash, h.NewestEffective, next[0].Hash, "2024-03-01")
		}
		all, err := records(tx, 1)
		if err != nil {
			return err
		}
		if d := sameRecords(all, append(recs[:2:2], next[0])); d != "" {
			t.Errorf("Journal in the transaction that appended: %s", d)
		}

		// Not committed yet: invisible to a View.
		if d := gocmp.Diff(committed, readState(t, s, c)); d != "" {
			t.Errorf("a View saw uncommitted writes (-committed +seen):\n%s", d)
		}

		if err := tx.Delete(tables.Persons, "p-new"); err != nil {
			return err
		}
		if _, ok, err := tx.Get(tables.Persons, "p-new"); ok || err != nil {
			t.Errorf("Get after Delete in the same transaction = %v, %v; want not found", ok, err)
		}
		return tx.Put(tables.Persons, row)
	})
	var got tables.Row
	var ok bool
	view(t, s, c, func(v tables.View) (err error) {
		got, ok, err = v.Get(tables.Persons, "p-new")
		return err
	})
	if !ok || tables.FormatRow(tables.Persons, got) != tables.FormatRow(tables.Persons, row) {
		t.Errorf("Get after commit = %v, %v; want %s", got, ok, tables.FormatRow(tables.Persons, row))
	}
	if h := head(t, s, c); h.Seq != 3 {
		t.Errorf("Head().Seq after commit = %d, want 3", h.Seq)
	}
}

// testReadsAfterWrites pins, inside one write transaction, that every read
// after a write sees it, whatever a store caches: a whole-table Scan, a
// prefix Scan and a Get, before and after Put, upsert and Delete, and a
// missing key read before it is written.
func testReadsAfterWrites(t *testing.T, open Opener) {
	s := open(t)
	tb := tables.StopOrders
	row := func(n int64, reason string) tables.Row {
		return tables.Row{n, "h", "common", int64(0), reason, "2024-01-01", "", int64(1)}
	}
	scan := func(tx tables.Tx, prefix ...any) string {
		var out []string
		if err := tx.Scan(tb, prefix, func(r tables.Row) error {
			out = append(out, fmt.Sprint(r[0], ":", r[4]))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return strings.Join(out, ",")
	}
	get := func(tx tables.Tx, n int64) string {
		r, ok, err := tx.Get(tb, n)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return "none"
		}
		return fmt.Sprint(r[4])
	}
	update(t, s, "cache", func(tx tables.Tx) error {
		steps := []struct {
			write          func() error
			all, one, got1 string
		}{
			{nil, "", "", "none"},
			{func() error { return tx.Put(tb, row(1, "a")) }, "1:a", "1:a", "a"},
			{func() error { return tx.Put(tb, row(2, "b")) }, "1:a,2:b", "1:a", "a"},
			{func() error { return tx.Put(tb, row(1, "c")) }, "1:c,2:b", "1:c", "c"},
			{func() error { return tx.Delete(tb, int64(1)) }, "2:b", "", "none"},
			{func() error { return tx.Put(tb, row(1, "d")) }, "1:d,2:b", "1:d", "d"},
		}
		for i, st := range steps {
			if st.write != nil {
				if err := st.write(); err != nil {
					return err
				}
			}
			for range 2 { // twice: the second read may come from a cache
				if got := scan(tx); got != st.all {
					t.Errorf("step %d: Scan(all) = %q, want %q", i, got, st.all)
				}
				if got := scan(tx, int64(1)); got != st.one {
					t.Errorf("step %d: Scan(1) = %q, want %q", i, got, st.one)
				}
				if got := get(tx, 1); got != st.got1 {
					t.Errorf("step %d: Get(1) = %q, want %q", i, got, st.got1)
				}
			}
		}
		return nil
	})
}

// testSnapshot pins that a View reads one snapshot: a commit made after
// its first read stays invisible to it until it ends.
func testSnapshot(t *testing.T, open Opener) {
	s := open(t)
	const c = "acme"
	_, recs := seed(t, s, c)
	view(t, s, c, func(v tables.View) error {
		before, err := stateOf(v)
		if err != nil {
			return err
		}
		update(t, s, c, func(tx tables.Tx) error { return writeMore(tx, c, recs[1]) })
		during, err := stateOf(v)
		if err != nil {
			return err
		}
		if d := gocmp.Diff(before, during); d != "" {
			t.Errorf("a View saw a commit made after its first read (-first read +later read):\n%s", d)
		}
		return nil
	})
	if h := head(t, s, c); h.Seq != 3 {
		t.Errorf("a new View reads Head().Seq = %d, want 3", h.Seq)
	}
}

// testConcurrent pins that writers of one corporation are serialized: many
// goroutines each read Head and append the next entry, and the journal
// ends with every entry exactly once, in a chain that verifies. Readers
// meanwhile always see a consistent prefix, and a second corporation's
// writers run alongside.
func testConcurrent(t *testing.T, open Opener) {
	s := open(t)
	const (
		workers = 8
		each    = 8
		other   = 2 // workers on a second corporation
	)
	write := func(c string) error {
		return s.Update(t.Context(), c, func(tx tables.Tx) error {
			h, err := tx.Head()
			if err != nil {
				return err
			}
			seq := h.Seq + 1
			eff := fmt.Sprintf("2024-%02d-%02d", 1+seq%12, 1+seq%28)
			rec := journal.NewRecord(h.Hash, newEntry(c, seq, eff))
			row := tables.Row{fmt.Sprintf("p%04d", seq), "Person", "person", "person", "", "", int64(seq)}
			if err := tx.Put(tables.Persons, row); err != nil {
				return err
			}
			return tx.Append(&rec)
		})
	}
	check := func(v tables.View, c string, final bool, want int) error {
		h, err := v.Head()
		if err != nil {
			return err
		}
		recs, err := records(v, 1)
		if err != nil {
			return err
		}
		persons, err := dump(v, tables.Persons, nil)
		if err != nil {
			return err
		}
		if len(recs) != int(h.Seq) || len(persons) != int(h.Seq) {
			return fmt.Errorf("%s: Head().Seq %d, %d records, %d persons: not one snapshot", c, h.Seq, len(recs), len(persons))
		}
		if len(recs) > 0 && recs[len(recs)-1].Hash != h.Hash {
			return fmt.Errorf("%s: Head().Hash %s is not the last record's %s", c, h.Hash, recs[len(recs)-1].Hash)
		}
		if err := journal.Verify(c, recs); err != nil {
			return fmt.Errorf("%s: journal.Verify = %v", c, err)
		}
		if final && len(recs) != want {
			return fmt.Errorf("%s: %d entries, want %d (lost or duplicated)", c, len(recs), want)
		}
		return nil
	}

	done := make(chan struct{})
	var readers sync.WaitGroup
	readers.Go(func() {
		for {
			select {
			case <-done:
				return
			default:
			}
			if err := s.View(t.Context(), "acme", func(v tables.View) error { return check(v, "acme", false, 0) }); err != nil {
				t.Errorf("reader: %v", err)
				return
			}
		}
	})
	var writers sync.WaitGroup
	for w := range workers + other {
		c := "acme"
		if w >= workers {
			c = "other"
		}
		writers.Go(func() {
			for range each {
				if err := write(c); err != nil {
					t.Errorf("writer of %s: %v", c, err)
					return
				}
			}
		})
	}
	writers.Wait()
	close(done)
	readers.Wait()
	for c, n := range map[string]int{"acme": workers * each, "other": other * each} {
		view(t, s, c, func(v tables.View) error { return check(v, c, true, n) })
	}
}
