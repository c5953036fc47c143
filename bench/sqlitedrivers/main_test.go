// Package sqlitedrivers measures the SQLite drivers minutebook could use,
// on the operations its store performs: bulk inserts in one transaction,
// durable single-row commits (WAL, synchronous=FULL) and point reads.
// See docs/storage.md. It is its own module so that the main module does
// not depend on the drivers it did not choose.
//
//	go test -bench . -benchtime 2s -count 6 . && go test -tags mattn -bench /mattn ... && go test -tags ncruces -bench /ncruces ...
package sqlitedrivers

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	_ "modernc.org/sqlite"
)

type drvT struct{ name, drv, dsn string }

var drivers = []drvT{
	{"modernc", "sqlite", "file:%s?_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_txlock=immediate"},
}

func open(b *testing.B, drv, dsn string) *sql.DB {
	db, err := sql.Open(drv, fmt.Sprintf(dsn, filepath.Join(b.TempDir(), "x.db")))
	if err != nil {
		b.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE TABLE t(corp TEXT, seq INTEGER, kind TEXT, eff TEXT, enc BLOB, hash BLOB, PRIMARY KEY(corp,seq))`); err != nil {
		b.Fatal(err)
	}
	return db
}

func BenchmarkBulk(b *testing.B) {
	for _, d := range drivers {
		b.Run(d.name, func(b *testing.B) {
			db := open(b, d.drv, d.dsn)
			enc := make([]byte, 200)
			h := make([]byte, 32)
			b.ResetTimer()
			tx, _ := db.Begin()
			st, _ := tx.Prepare(`INSERT INTO t VALUES(?,?,?,?,?,?)`)
			for i := 0; i < b.N; i++ {
				if _, err := st.Exec("quintus", i, "person.add", "2004-06-01", enc, h); err != nil {
					b.Fatal(err)
				}
			}
			tx.Commit()
		})
	}
}

func BenchmarkDurable(b *testing.B) {
	for _, d := range drivers {
		b.Run(d.name, func(b *testing.B) {
			db := open(b, d.drv, d.dsn)
			enc := make([]byte, 200)
			h := make([]byte, 32)
			st, _ := db.Prepare(`INSERT INTO t VALUES(?,?,?,?,?,?)`)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				tx, _ := db.Begin()
				if _, err := tx.Stmt(st).Exec("quintus", i, "person.add", "2004-06-01", enc, h); err != nil {
					b.Fatal(err)
				}
				if err := tx.Commit(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkPointRead(b *testing.B) {
	for _, d := range drivers {
		b.Run(d.name, func(b *testing.B) {
			db := open(b, d.drv, d.dsn)
			tx, _ := db.Begin()
			for i := 0; i < 100000; i++ {
				tx.Exec(`INSERT INTO t VALUES(?,?,?,?,?,?)`, "q", i, "k", "e", []byte("x"), []byte("h"))
			}
			tx.Commit()
			st, _ := db.Prepare(`SELECT kind, enc FROM t WHERE corp=? AND seq=?`)
			b.ResetTimer()
			var k string
			var e []byte
			for i := 0; i < b.N; i++ {
				if err := st.QueryRow("q", i%100000).Scan(&k, &e); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
