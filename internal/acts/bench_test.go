package acts_test

// The act path's speed, each figure beside its bound in the same run
// (docs/benchmarks.md):
//
//	go test ./internal/acts -run '^$' -bench . -benchtime 1x -count 6 | tee bench.txt
//	MB_BENCH_ACTS=100000 MB_BENCH_VERIFY=1000000 go test ./internal/acts -run '^$' -bench . -benchtime 1x -count 6
//
// Set MINUTEBOOK_TEST_POSTGRES for the PostgreSQL figures.

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/postgres"
	"minutebook/internal/sqlite"
	"minutebook/internal/sqlstore"
	"minutebook/internal/testdb"
)

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

type benchStore struct {
	acts.Store
	db *sqlstore.DB
}

// benchStores opens a fresh store of each kind for one benchmark.
func benchStores(b *testing.B, fn func(b *testing.B, open func() benchStore)) {
	b.Run("sqlite", func(b *testing.B) {
		fn(b, func() benchStore {
			st, err := sqlite.Open(context.Background(), testdb.SQLitePath(b))
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { st.Close() })
			return benchStore{st, st.DB}
		})
	})
	b.Run("postgres", func(b *testing.B) {
		fn(b, func() benchStore {
			st, err := postgres.Open(context.Background(), testdb.Postgres(b))
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { st.Close() })
			return benchStore{st, st.DB}
		})
	})
}

// smallActs returns n person.add acts, each a small act with the same
// rows as rawRows writes.
func smallActs(b *testing.B, n int) []*acts.Act {
	var src []byte
	for i := 0; i < n; i++ {
		src = fmt.Appendf(src, "- {kind: person.add, effective: 2000-01-01, actor: {as: secretary}, fields: {id: p%07d, name: Person %07d, kind: natural_person, email: p%07d@example.com}}\n", i, i, i)
	}
	list, err := acts.DecodeFile("bench.yaml", src)
	if err != nil {
		b.Fatal(err)
	}
	return list
}

func setup(b *testing.B, st benchStore) *acts.Service {
	svc := &acts.Service{Store: st, Clock: func() time.Time { return fixed }}
	rs, err := svc.Apply(context.Background(), "quintus", decodeTB(b, createQuintus), acts.Options{})
	if err != nil || rs[1].Status != acts.Recorded {
		b.Fatalf("setup: %v %+v", err, rs)
	}
	return svc
}

func decodeTB(b *testing.B, src string) []*acts.Act {
	list, err := acts.DecodeFile("x.yaml", []byte(src))
	if err != nil {
		b.Fatal(err)
	}
	return list
}

// rawRow is what one person.add writes: a persons row and a journal row.
type rawRow struct {
	id, name, sortKey, email string
	seq                      int64
	enc                      []byte
	hash                     journal.Hash
}

// rawRows builds the rows of n acts, chained, outside the timer.
func rawRows(n int, firstSeq int64) []rawRow {
	rows := make([]rawRow, n)
	prev := journal.Genesis
	for i := range rows {
		id := fmt.Sprintf("r%07d", i)
		e := &journal.Entry{Corp: "quintus", Seq: uint64(firstSeq) + uint64(i), Kind: "person.add", Effective: "2000-01-01",
			RecordedAt: fixed, Actor: journal.Actor{Capacity: "secretary"}, BylawsVersion: "1:" + fmt.Sprint(prev),
			Fields: journal.MapValue([]string{"id", "name", "kind", "email"}, []journal.Value{journal.StringValue(id), journal.StringValue("Raw " + id), journal.StringValue("natural_person"), journal.StringValue(id + "@example.com")}),
			Checks: []journal.Check{{Rule: "MB.person.unique", Citation: "minutebook act path", Message: "person is not yet recorded"}}}
		rec := journal.NewRecord(prev, e)
		prev = rec.Hash
		rows[i] = rawRow{id: id, name: "Raw " + id, sortKey: corp.DefaultSortKey("Raw "+id, corp.NaturalPerson), email: id + "@example.com", seq: int64(e.Seq), enc: rec.Encoding, hash: rec.Hash}
	}
	return rows
}

// emptyAddress is how the act path stores an address not given.
var emptyAddress = func() string { b, _ := json.Marshal(corp.Address{}); return string(b) }()

func ph(db *sqlstore.DB, n int) string { return db.D.Placeholder(n) }

// journalInsert is the raw bound's one-row journal INSERT.
func journalInsert(db *sqlstore.DB) string {
	return `INSERT INTO journal (corp, seq, kind, effective, encoding, hash) VALUES (` +
		ph(db, 1) + `, ` + ph(db, 2) + `, ` + ph(db, 3) + `, ` + ph(db, 4) + `, ` + ph(db, 5) + `, ` + ph(db, 6) + `)`
}

func rawInsert(tx *sql.Tx, db *sqlstore.DB, rows []rawRow) error {
	p := ph(db, 1) + ", " + ph(db, 2) + ", " + ph(db, 3) + ", " + ph(db, 4) + ", " + ph(db, 5) + ", " + ph(db, 6)
	person, err := tx.Prepare(`INSERT INTO persons (corp, id, name, sort_key, kind, address, email, seq) VALUES (` + p + `, ` + ph(db, 7) + `, ` + ph(db, 8) + `)`)
	if err != nil {
		return err
	}
	version, err := tx.Prepare(`INSERT INTO person_versions (corp, person, effective, seq, name, sort_key, kind, address, email) VALUES (` + p + `, ` + ph(db, 7) + `, ` + ph(db, 8) + `, ` + ph(db, 9) + `)`)
	if err != nil {
		return err
	}
	entry, err := tx.Prepare(journalInsert(db))
	if err != nil {
		return err
	}
	for _, r := range rows {
		if _, err := person.Exec("quintus", r.id, r.name, r.sortKey, "natural_person", emptyAddress, r.email, r.seq); err != nil {
			return err
		}
		if _, err := version.Exec("quintus", r.id, "2000-01-01", r.seq, r.name, r.sortKey, "natural_person", emptyAddress, r.email); err != nil {
			return err
		}
		if _, err := entry.Exec("quintus", r.seq, "person.add", "2000-01-01", r.enc, r.hash[:]); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkApplyBatch: n small acts in one transaction through the act
// path, beside raw inserts of the same rows into the same store.
func BenchmarkApplyBatch(b *testing.B) {
	n := envInt("MB_BENCH_ACTS", 20000)
	benchStores(b, func(b *testing.B, open func() benchStore) {
		b.Run("raw-bound", func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				st := open()
				rows := rawRows(n, 1000)
				b.StartTimer()
				tx, err := st.db.W.Begin()
				if err != nil {
					b.Fatal(err)
				}
				if err := rawInsert(tx, st.db, rows); err != nil {
					b.Fatal(err)
				}
				if err := tx.Commit(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "acts/s")
		})
		b.Run("act-path", func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				svc := setup(b, open())
				list := smallActs(b, n)
				b.StartTimer()
				rs, err := svc.Apply(context.Background(), "quintus", list, acts.Options{Atomic: true})
				if err != nil || rs[n-1].Status != acts.Recorded {
					b.Fatalf("%v %+v", err, rs[n-1])
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "acts/s")
		})
	})
}

// BenchmarkApplyDurable: acts one per durable transaction, beside bare
// commits of one journal row each with the same durability settings.
func BenchmarkApplyDurable(b *testing.B) {
	n := envInt("MB_BENCH_DURABLE", 1000)
	benchStores(b, func(b *testing.B, open func() benchStore) {
		b.Run("raw-bound", func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				st := open()
				rows := rawRows(n, 1000)
				b.StartTimer()
				for _, r := range rows {
					tx, err := st.db.W.Begin()
					if err != nil {
						b.Fatal(err)
					}
					if _, err := tx.Exec(journalInsert(st.db), "quintus", r.seq, "person.add", "2000-01-01", r.enc, r.hash[:]); err != nil {
						b.Fatal(err)
					}
					if err := tx.Commit(); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "acts/s")
		})
		b.Run("act-path", func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				svc := setup(b, open())
				list := smallActs(b, n)
				b.StartTimer()
				for i := range list {
					rs, err := svc.Apply(context.Background(), "quintus", list[i:i+1], acts.Options{})
					if err != nil || rs[0].Status != acts.Recorded {
						b.Fatalf("%v %+v", err, rs)
					}
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "acts/s")
		})
	})
}

// BenchmarkVerify: journal verify of n entries, beside a bare scan of the
// journal rows plus SHA-256 over the same bytes.
func BenchmarkVerify(b *testing.B) {
	n := envInt("MB_BENCH_VERIFY", 100000)
	benchStores(b, func(b *testing.B, open func() benchStore) {
		st := open()
		svc := setup(b, st)
		// A valid journal of n person.add entries, loaded with bulk inserts.
		var prev journal.Hash
		err := st.View(context.Background(), "quintus", func(v acts.View) error {
			h, err := v.Head()
			prev = h.Hash
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		rows := rawRows(n, 3)
		rows = rechain(rows, prev)
		if err := bulkLoad(st.db, rows); err != nil {
			b.Fatal(err)
		}
		b.Run("raw-bound", func(b *testing.B) {
			for b.Loop() {
				r, err := st.db.R.Query(`SELECT seq, kind, effective, encoding, hash FROM journal WHERE corp = `+ph(st.db, 1)+` ORDER BY seq`, "quintus")
				if err != nil {
					b.Fatal(err)
				}
				var seq int64
				var kind, eff string
				var enc, hash sql.RawBytes
				count := 0
				for r.Next() {
					if err := r.Scan(&seq, &kind, &eff, &enc, &hash); err != nil {
						b.Fatal(err)
					}
					prev = journal.Link(prev, enc)
					count++
				}
				r.Close()
				if count != n+2 {
					b.Fatalf("scanned %d rows, want %d", count, n+2)
				}
			}
			b.ReportMetric(float64((n+2)*b.N)/b.Elapsed().Seconds(), "entries/s")
		})
		b.Run("verify-chain", func(b *testing.B) {
			for b.Loop() {
				rep, err := svc.Verify(context.Background(), "quintus", acts.VerifyOptions{ChainOnly: true})
				if err != nil || !rep.OK || rep.Entries != uint64(n+2) {
					b.Fatalf("%v %+v", err, rep)
				}
			}
			b.ReportMetric(float64((n+2)*b.N)/b.Elapsed().Seconds(), "entries/s")
		})
		b.Run("verify-full", func(b *testing.B) {
			for b.Loop() {
				rep, err := svc.Verify(context.Background(), "quintus", acts.VerifyOptions{})
				if err != nil || !rep.OK || rep.Entries != uint64(n+2) {
					b.Fatalf("%v %+v", err, rep)
				}
			}
			b.ReportMetric(float64((n+2)*b.N)/b.Elapsed().Seconds(), "entries/s")
		})
	})
}

// bulkLoad writes rows with multi-row INSERTs (set-up only, not measured).
func bulkLoad(db *sqlstore.DB, rows []rawRow) error {
	tx, err := db.W.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	const chunk = 500
	for i := 0; i < len(rows); i += chunk {
		part := rows[i:min(i+chunk, len(rows))]
		var pq, jq []string
		var pa, ja []any
		for _, r := range part {
			n := len(pa)
			pq = append(pq, "("+ph(db, n+1)+", "+ph(db, n+2)+", "+ph(db, n+3)+", "+ph(db, n+4)+", "+ph(db, n+5)+", "+ph(db, n+6)+", "+ph(db, n+7)+", "+ph(db, n+8)+")")
			pa = append(pa, "quintus", r.id, r.name, r.sortKey, "natural_person", emptyAddress, r.email, r.seq)
			m := len(ja)
			jq = append(jq, "("+ph(db, m+1)+", "+ph(db, m+2)+", "+ph(db, m+3)+", "+ph(db, m+4)+", "+ph(db, m+5)+", "+ph(db, m+6)+")")
			ja = append(ja, "quintus", r.seq, "person.add", "2000-01-01", r.enc, r.hash[:])
		}
		if _, err := tx.Exec(`INSERT INTO persons (corp, id, name, sort_key, kind, address, email, seq) VALUES `+strings.Join(pq, ", "), pa...); err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT INTO journal (corp, seq, kind, effective, encoding, hash) VALUES `+strings.Join(jq, ", "), ja...); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// rechain links rows after prev (their Seq must already follow it).
func rechain(rows []rawRow, prev journal.Hash) []rawRow {
	for i := range rows {
		rows[i].hash = journal.Link(prev, rows[i].enc)
		prev = rows[i].hash
	}
	return rows
}
