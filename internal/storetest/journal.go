package storetest

import (
	"errors"
	"fmt"
	"math"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// testJournal pins Append, Journal and Head: records read back byte for
// byte from any starting point, and Head follows the last record and the
// newest effective date, which need not be the last record's.
func testJournal(t *testing.T, open Opener) {
	s := open(t)
	const c = "acme"
	checkHead := func(want tables.Head) {
		t.Helper()
		if got := head(t, s, c); got != want {
			t.Errorf("Head() = {%d %s %q}, want {%d %s %q}", got.Seq, got.Hash, got.NewestEffective, want.Seq, want.Hash, want.NewestEffective)
		}
	}
	checkHead(tables.Head{Seq: 0, Hash: journal.Genesis, NewestEffective: ""})
	if got := readJournal(t, s, c); len(got) != 0 {
		t.Errorf("Journal(1) of an empty journal returned %d records", len(got))
	}

	// One entry per Update, effective dates out of order (corrections).
	recs := chain(c, journal.Genesis, 0, "2024-03-01", "2024-01-15", "2024-12-31", "2023-06-30", "2024-12-30")
	for i := range recs {
		appendAll(t, s, c, recs[i:i+1])
	}
	checkHead(tables.Head{Seq: 5, Hash: recs[4].Hash, NewestEffective: "2024-12-31"})

	// Several entries in one Update; the newest date appears twice.
	more := chain(c, recs[4].Hash, 5, "2024-02-02", "2024-12-31", "2024-07-04")
	appendAll(t, s, c, more)
	recs = append(recs, more...)
	checkHead(tables.Head{Seq: 8, Hash: recs[7].Hash, NewestEffective: "2024-12-31"})

	more = chain(c, recs[7].Hash, 8, "2025-01-02")
	appendAll(t, s, c, more)
	recs = append(recs, more...)
	checkHead(tables.Head{Seq: 9, Hash: recs[8].Hash, NewestEffective: "2025-01-02"})

	if err := journal.Verify(c, readJournal(t, s, c)); err != nil {
		t.Errorf("journal.Verify(stored journal) = %v", err)
	}
	for _, from := range []uint64{0, 1, 2, 4, 9, 10, 1000, math.MaxInt64, math.MaxUint64} {
		var want []journal.Record
		for _, r := range recs {
			if r.Seq >= from {
				want = append(want, r)
			}
		}
		var got []journal.Record
		view(t, s, c, func(v tables.View) (err error) {
			got, err = records(v, from)
			return err
		})
		if d := sameRecords(got, want); d != "" {
			t.Errorf("Journal(%d): %s", from, d)
		}
	}

	// The records of one kind: none of a kind never recorded, then ballot
	// entries among others, read from any starting point.
	kinds := chain(c, recs[8].Hash, 9, "2025-01-03", "2025-01-03", "2025-01-04", "2025-01-05", "2025-01-05")
	for i, k := range []string{"ballot.cast", "proxy.grant", "ballot.cast", "ballot.castx", "ballot.cast"} {
		e, err := journal.Decode(kinds[i].Encoding)
		if err != nil {
			t.Fatal(err)
		}
		e.Kind = k
		prev := recs[len(recs)-1].Hash
		kinds[i] = journal.NewRecord(prev, e)
		recs = append(recs, kinds[i])
	}
	appendAll(t, s, c, kinds)
	for _, kind := range []string{"ballot.cast", "proxy.grant", "storetest.entry", "ballot", "none"} {
		for _, from := range []uint64{0, 1, 10, 11, 12, 14, 15, math.MaxUint64} {
			var want []journal.Record
			for _, r := range recs {
				if r.Kind == kind && r.Seq >= from {
					want = append(want, r)
				}
			}
			var got []journal.Record
			view(t, s, c, func(v tables.View) error {
				return v.JournalOf(kind, from, func(r *journal.Record) error {
					cp := *r
					cp.Encoding = append([]byte(nil), r.Encoding...)
					got = append(got, cp)
					return nil
				})
			})
			if d := sameRecords(got, want); d != "" {
				t.Errorf("JournalOf(%q, %d): %s", kind, from, d)
			}
		}
	}

	// An error from fn stops the scan and comes back as is.
	errStop := errors.New("stop")
	calls := 0
	err := s.View(t.Context(), c, func(v tables.View) error {
		return v.Journal(1, func(*journal.Record) error { calls++; return errStop })
	})
	if err != errStop || calls != 1 {
		t.Errorf("Journal with fn failing at once: error %v after %d calls, want %v after 1", err, calls, errStop)
	}
	calls = 0
	err = s.View(t.Context(), c, func(v tables.View) error {
		return v.JournalOf("ballot.cast", 1, func(*journal.Record) error { calls++; return errStop })
	})
	if err != errStop || calls != 1 {
		t.Errorf("JournalOf with fn failing at once: error %v after %d calls, want %v after 1", err, calls, errStop)
	}
}

// testJournalConflict pins the uniqueness of (corporation, seq): a second
// entry with a taken sequence number is a corp.Conflict and changes
// nothing; so is an entry of another corporation.
func testJournalConflict(t *testing.T, open Opener) {
	s := open(t)
	const c = "acme"
	recs := chain(c, journal.Genesis, 0, "2024-01-01", "2024-01-02", "2024-01-03")
	appendAll(t, s, c, recs)

	t.Run("taken seq", func(t *testing.T) {
		forged := chain(c, recs[0].Hash, 1, "2030-01-01") // another entry 2
		var appendErr error
		err := s.Update(t.Context(), c, func(tx tables.Tx) error {
			appendErr = tx.Append(&forged[0])
			return appendErr
		})
		if k := corp.KindOf(appendErr); k != corp.Conflict {
			t.Errorf("Append(seq 2 again) = %v (kind %v), want a conflict", appendErr, k)
		}
		if k := corp.KindOf(err); k != corp.Conflict {
			t.Errorf("Update returning that error = %v (kind %v), want a conflict", err, k)
		}
	})

	t.Run("twice in one transaction", func(t *testing.T) {
		next := chain(c, recs[2].Hash, 3, "2024-01-04")
		twin := chain(c, recs[2].Hash, 3, "2024-01-05")
		var second error
		err := s.Update(t.Context(), c, func(tx tables.Tx) error {
			if err := tx.Append(&next[0]); err != nil {
				return fmt.Errorf("first Append(seq 4) = %w", err)
			}
			second = tx.Append(&twin[0])
			return second
		})
		if k := corp.KindOf(second); k != corp.Conflict {
			t.Errorf("second Append(seq 4) = %v (kind %v), want a conflict", second, k)
		}
		if k := corp.KindOf(err); k != corp.Conflict {
			t.Errorf("Update = %v (kind %v), want a conflict", err, k)
		}
	})

	t.Run("another corporation's entry", func(t *testing.T) {
		other := chain("other", journal.Genesis, 0, "2024-01-01")
		err := s.Update(t.Context(), c, func(tx tables.Tx) error { return tx.Append(&other[0]) })
		if err == nil {
			t.Errorf("Append(entry of %q) in an Update of %q succeeded", "other", c)
		}
		if got := readJournal(t, s, "other"); len(got) != 0 {
			t.Errorf("journal of %q has %d records, want none", "other", len(got))
		}
	})

	if d := sameRecords(readJournal(t, s, c), recs); d != "" {
		t.Errorf("journal after refused appends: %s", d)
	}
	if got := head(t, s, c); got.Seq != 3 || got.Hash != recs[2].Hash {
		t.Errorf("Head() after refused appends = {%d %s}, want {3 %s}", got.Seq, got.Hash, recs[2].Hash)
	}
}

// testCorporations pins Corporations: the corporations with at least one
// committed journal entry, in byte order; rows alone do not count.
func testCorporations(t *testing.T, open Opener) {
	s := open(t)
	got, err := s.Corporations(t.Context())
	if err != nil || len(got) != 0 {
		t.Fatalf("Corporations() of an empty store = %q, %v; want none", got, err)
	}
	for _, c := range []string{"b", "é", "a", "B", "a b"} {
		appendAll(t, s, c, chain(c, journal.Genesis, 0, "2024-01-01", "2024-01-02"))
	}
	update(t, s, "rows only", func(tx tables.Tx) error {
		return tx.Put(tables.Persons, tables.Row{"p1", "n", "s", "person", "", "", int64(1)})
	})
	errBoom := errors.New("boom")
	rec := chain("rolled back", journal.Genesis, 0, "2024-01-01")
	if err := s.Update(t.Context(), "rolled back", func(tx tables.Tx) error {
		if err := tx.Append(&rec[0]); err != nil {
			return err
		}
		return errBoom
	}); !errors.Is(err, errBoom) {
		t.Fatalf("Update failing with %v = %v", errBoom, err)
	}
	got, err = s.Corporations(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if d := gocmp.Diff([]string{"B", "a", "a b", "b", "é"}, got); d != "" {
		t.Errorf("Corporations() (-want +got):\n%s", d)
	}
}

// testIsolation pins that rows and journals are scoped to a corporation:
// the same keys in three corporations hold three different rows, and no
// read, write or delete in one reaches another.
func testIsolation(t *testing.T, open Opener) {
	s := open(t)
	corps := []string{"acme", "Acme", "acme inc"}
	mems := make([]*tables.Memory, len(corps))
	heads := make([]journal.Hash, len(corps))
	journals := make([][]journal.Record, len(corps))
	for i, c := range corps {
		mems[i] = tables.NewMemory()
		for _, tb := range tables.All() {
			putBoth(t, s, mems[i], c, tb, genRows(tb, 12, i))
		}
		// Journals of lengths 3, 2 and 1, each starting at seq 1.
		dates := []string{"2024-01-01", "2024-06-0" + fmt.Sprint(i+1), "2024-02-02"}[:3-i]
		journals[i] = chain(c, journal.Genesis, 0, dates...)
		appendAll(t, s, c, journals[i])
		heads[i] = journals[i][len(journals[i])-1].Hash
	}
	check := func() {
		t.Helper()
		for i, c := range corps {
			for _, tb := range tables.All() {
				compareTable(t, s, mems[i], c, tb)
			}
			if d := sameRecords(readJournal(t, s, c), journals[i]); d != "" {
				t.Errorf("journal of %q: %s", c, d)
			}
			if h := head(t, s, c); h.Seq != uint64(len(journals[i])) || h.Hash != heads[i] {
				t.Errorf("Head() of %q = {%d %s}, want {%d %s}", c, h.Seq, h.Hash, len(journals[i]), heads[i])
			}
		}
	}
	check()

	// Delete every row of the first corporation, key by key.
	for _, tb := range tables.All() {
		var keys [][]any
		mems[0].Scan(tb, nil, func(r tables.Row) error {
			keys = append(keys, append([]any(nil), tb.KeyOf(r)...))
			return nil
		})
		update(t, s, corps[0], func(tx tables.Tx) error {
			for _, k := range keys {
				if err := tx.Delete(tb, k...); err != nil {
					return err
				}
			}
			return nil
		})
		for _, k := range keys {
			mems[0].Delete(tb, k...)
		}
	}
	check()
}
