// Package sqlstore is the part of a store that SQLite and PostgreSQL
// share: transactions scoped to one corporation, generic reads and writes
// of the derived tables (package tables), the journal, and numbered
// migrations. Each store package supplies a Dialect, its migrations and
// how to open the database.
//
// It holds no rules (STYLE.md rule 2) and imports neither package acts nor
// a transport.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// Dialect is what differs between the SQL databases.
type Dialect struct {
	Name string
	// Placeholder returns the n-th (1-based) bind parameter.
	Placeholder func(n int) string
	// LockCorp serializes writers of one corporation inside tx (PostgreSQL:
	// an advisory lock). SQLite needs none: it has one writer.
	LockCorp func(ctx context.Context, tx *sql.Tx, corp string) error
	// Conflict reports whether err is a unique-key or serialization conflict.
	Conflict func(err error) bool
}

// DB is a store on a database/sql handle.
type DB struct {
	W, R *sql.DB // writer and reader pools (the same for PostgreSQL)
	D    Dialect

	mu    sync.Mutex
	stmts map[stmtKey]*sql.Stmt // nil once closed
	sqls  sync.Map              // *tables.Table -> *sqlOf
}

// stmtKey names a statement prepared on one pool.
type stmtKey struct {
	pool  *sql.DB
	query string
}

// New wraps open handles.
func New(w, r *sql.DB, d Dialect) *DB {
	return &DB{W: w, R: r, D: d, stmts: map[stmtKey]*sql.Stmt{}}
}

// Close closes both pools.
func (db *DB) Close() error {
	db.mu.Lock()
	for _, s := range db.stmts {
		s.Close()
	}
	db.stmts = nil
	db.mu.Unlock()
	err := db.W.Close()
	if db.R != db.W {
		err = errors.Join(err, db.R.Close())
	}
	return err
}

// pooled returns the statement prepared on pool p for query, or nil.
func (db *DB) pooled(p *sql.DB, query string) *sql.Stmt {
	db.mu.Lock()
	defer db.mu.Unlock()
	return db.stmts[stmtKey{p, query}]
}

// warm prepares on pool p the queries that a finished transaction had to
// prepare on its own connection, so that later transactions find them.
//
// It must run only once the transaction has released its connection:
// preparing on a pool takes a free connection, and the SQLite writer pool
// has exactly one, so preparing from inside a transaction would wait for
// itself forever. A failure is ignored; the next transaction prepares the
// query on its connection again.
func (db *DB) warm(ctx context.Context, p *sql.DB, queries []string) {
	for _, q := range queries {
		if db.pooled(p, q) != nil {
			continue
		}
		s, err := p.PrepareContext(ctx, q)
		if err != nil {
			return
		}
		k := stmtKey{p, q}
		db.mu.Lock()
		if _, dup := db.stmts[k]; dup || db.stmts == nil {
			s.Close()
		} else {
			db.stmts[k] = s
		}
		db.mu.Unlock()
	}
}

func storageErr(op string, err error) error {
	if err == nil {
		return nil
	}
	var ce *corp.Error
	if errors.As(err, &ce) {
		return err
	}
	return &corp.Error{Op: op, Kind: corp.Storage, Err: err}
}

// Update implements acts.Store.
func (db *DB) Update(ctx context.Context, corpID string, fn func(tables.Tx) error) error {
	tx, err := db.W.BeginTx(ctx, nil)
	if err != nil {
		return storageErr("begin", err)
	}
	t := &txn{db: db, ctx: ctx, tx: tx, pool: db.W, corp: corpID, rows: map[*tables.Table]map[string]cachedRow{}}
	defer func() {
		// Rolling back after a commit does nothing; after a panic in fn it
		// returns the connection (SQLite's only writer) to the pool.
		tx.Rollback()
		db.warm(ctx, db.W, t.missed)
	}()
	if db.D.LockCorp != nil {
		if err := db.D.LockCorp(ctx, tx, corpID); err != nil {
			return storageErr("lock", err)
		}
	}
	if err := fn(t); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		if db.D.Conflict != nil && db.D.Conflict(err) {
			return &corp.Error{Op: "commit", Kind: corp.Conflict, Err: err}
		}
		return storageErr("commit", err)
	}
	return nil
}

// View implements acts.Store.
func (db *DB) View(ctx context.Context, corpID string, fn func(tables.View) error) error {
	tx, err := db.R.BeginTx(ctx, &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead})
	if err != nil {
		tx, err = db.R.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return storageErr("begin", err)
		}
	}
	t := &txn{db: db, ctx: ctx, tx: tx, pool: db.R, corp: corpID}
	defer func() {
		tx.Rollback()
		db.warm(ctx, db.R, t.missed)
	}()
	return fn(t)
}

// Corporations implements acts.Store.
func (db *DB) Corporations(ctx context.Context) ([]string, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT DISTINCT corp FROM journal ORDER BY corp`)
	if err != nil {
		return nil, storageErr("corporations", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, storageErr("corporations", err)
		}
		out = append(out, s)
	}
	return out, storageErr("corporations", rows.Err())
}

// sqlOf is the text of one table's statements in one dialect, built once.
type sqlOf struct {
	get, put, del, between string
	scan                   []string // by prefix length
}

// statements returns tb's statement texts, building them on first use.
func (db *DB) statements(tb *tables.Table) *sqlOf {
	if s, ok := db.sqls.Load(tb); ok {
		return s.(*sqlOf)
	}
	ph := db.D.Placeholder
	where := func(n int) string {
		var b strings.Builder
		b.WriteString("corp = " + ph(1))
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, " AND %s = %s", tb.Columns[i].Name, ph(i+2))
		}
		return b.String()
	}
	st := &sqlOf{
		get: fmt.Sprintf("SELECT %s FROM %s WHERE %s", columns(tb), tb.Name, where(tb.Key)),
		del: fmt.Sprintf("DELETE FROM %s WHERE %s", tb.Name, where(tb.Key)),
	}
	for n := 0; n <= tb.Key; n++ {
		st.scan = append(st.scan, fmt.Sprintf("SELECT %s FROM %s WHERE %s%s", columns(tb), tb.Name, where(n), orderBy(tb)))
	}
	if tb.BetweenColumn() >= 0 {
		order := tb.Between
		if tb.Key > 0 {
			order += ", " + strings.TrimPrefix(orderBy(tb), " ORDER BY ")
		}
		st.between = fmt.Sprintf("SELECT %s FROM %s WHERE corp = %s AND %s >= %s AND %s < %s ORDER BY %s",
			columns(tb), tb.Name, ph(1), tb.Between, ph(2), tb.Between, ph(3), order)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "INSERT INTO %s (corp, %s) VALUES (%s", tb.Name, columns(tb), ph(1))
	for i := range tb.Columns {
		b.WriteString(", " + ph(i+2))
	}
	b.WriteString(") ON CONFLICT (corp")
	for i := 0; i < tb.Key; i++ {
		b.WriteString(", " + tb.Columns[i].Name)
	}
	if tb.Key == len(tb.Columns) {
		b.WriteString(") DO NOTHING")
	} else {
		b.WriteString(") DO UPDATE SET ")
		for i := tb.Key; i < len(tb.Columns); i++ {
			if i > tb.Key {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s = excluded.%s", tb.Columns[i].Name, tb.Columns[i].Name)
		}
	}
	st.put = b.String()
	v, _ := db.sqls.LoadOrStore(tb, st)
	return v.(*sqlOf)
}

// cachedRow is a row a write transaction has read or written, or its
// absence.
type cachedRow struct {
	row tables.Row
	ok  bool
}

// txn implements tables.Tx on one transaction.
type txn struct {
	db   *DB
	ctx  context.Context
	tx   *sql.Tx
	pool *sql.DB
	corp string

	stmts  map[string]*sql.Stmt // this transaction's statements, closed with it
	missed []string             // queries the pool had not prepared yet
	// rows caches, in a write transaction, every row read by Get or
	// written by Put or Delete, by table and encoded key: the transaction
	// holds the corporation's only writer, so no one else changes them
	// before it ends. Scans read the database, which holds every write.
	rows map[*tables.Table]map[string]cachedRow
	// small holds the whole-table scans of up to smallScan rows made in a
	// write transaction, until the table is next written.
	small map[*tables.Table][]tables.Row
}

// cached returns the cache entry of tb's key, if any.
func (t *txn) cached(tb *tables.Table, key []any) (cachedRow, string, bool) {
	if t.rows == nil {
		return cachedRow{}, "", false
	}
	k := string(tables.EncodeKey(key))
	c, ok := t.rows[tb][k]
	return c, k, ok
}

func (t *txn) remember(tb *tables.Table, k string, c cachedRow) {
	if t.rows == nil {
		return
	}
	delete(t.small, tb)
	m := t.rows[tb]
	if m == nil {
		m = map[string]cachedRow{}
		t.rows[tb] = m
	}
	m[k] = c
}

// q returns the statement for query bound to this transaction: the pool's
// prepared statement when there is one, else one prepared on this
// transaction's own connection (never on the pool: see DB.warm). Each
// query is bound once per transaction, so a long transaction does not
// collect a statement per call.
func (t *txn) q(query string) (*sql.Stmt, error) {
	if s, ok := t.stmts[query]; ok {
		return s, nil
	}
	var s *sql.Stmt
	if p := t.db.pooled(t.pool, query); p != nil {
		s = t.tx.StmtContext(t.ctx, p)
	} else {
		var err error
		if s, err = t.tx.PrepareContext(t.ctx, query); err != nil {
			return nil, err
		}
		t.missed = append(t.missed, query)
	}
	if t.stmts == nil {
		t.stmts = map[string]*sql.Stmt{}
	}
	t.stmts[query] = s
	return s, nil
}

func (t *txn) ph(n int) string { return t.db.D.Placeholder(n) }

func columns(tb *tables.Table) string {
	s := make([]string, len(tb.Columns))
	for i, c := range tb.Columns {
		s[i] = c.Name
	}
	return strings.Join(s, ", ")
}

func orderBy(tb *tables.Table) string {
	if tb.Key == 0 {
		return ""
	}
	s := make([]string, tb.Key)
	for i := 0; i < tb.Key; i++ {
		s[i] = tb.Columns[i].Name
	}
	return " ORDER BY " + strings.Join(s, ", ")
}

// args returns the bind arguments: the corporation, then vals. A nil
// []byte is an empty Blob (as in tables.Memory); the drivers would bind it
// as NULL, which the NOT NULL columns refuse.
func args(corpID string, vals []any) []any {
	a := make([]any, 0, len(vals)+1)
	a = append(a, corpID)
	for _, v := range vals {
		if b, ok := v.([]byte); ok && b == nil {
			v = []byte{}
		}
		a = append(a, v)
	}
	return a
}

// Get implements tables.Reader.
func (t *txn) Get(tb *tables.Table, key ...any) (tables.Row, bool, error) {
	if len(key) != tb.Key {
		return nil, false, fmt.Errorf("get %s: %d key values, want %d", tb.Name, len(key), tb.Key)
	}
	c, k, hit := t.cached(tb, key)
	if hit {
		return append(tables.Row(nil), c.row...), c.ok, nil
	}
	s, err := t.q(t.db.statements(tb).get)
	if err != nil {
		return nil, false, storageErr("get "+tb.Name, err)
	}
	r, err := tables.ScanRow(tb, s.QueryRowContext(t.ctx, args(t.corp, key)...))
	if errors.Is(err, sql.ErrNoRows) {
		t.remember(tb, k, cachedRow{})
		return nil, false, nil
	}
	if err != nil {
		return nil, false, storageErr("get "+tb.Name, err)
	}
	t.remember(tb, k, cachedRow{append(tables.Row(nil), r...), true})
	return r, true, nil
}

// smallScan is the most rows a write transaction keeps of a whole-table
// scan: the small registers every transfer consults (stop-transfer orders,
// registration statements) are read once per transaction, not per act.
const smallScan = 64

// Scan implements tables.Reader.
func (t *txn) Scan(tb *tables.Table, prefix []any, fn func(tables.Row) error) error {
	if len(prefix) > tb.Key {
		return fmt.Errorf("scan %s: prefix longer than the key", tb.Name)
	}
	caching := len(prefix) == 0 && t.rows != nil
	if rs, ok := t.small[tb]; ok && caching {
		for _, r := range rs {
			if err := fn(append(tables.Row(nil), r...)); err != nil {
				return err
			}
		}
		return nil
	}
	var keep []tables.Row
	err := t.scanRows(tb, t.db.statements(tb).scan[len(prefix)], args(t.corp, prefix), func(r tables.Row) error {
		if caching {
			if len(keep) < smallScan {
				keep = append(keep, append(tables.Row(nil), r...))
			} else {
				caching, keep = false, nil
			}
		}
		return fn(r)
	})
	if err == nil && caching {
		if t.small == nil {
			t.small = map[*tables.Table][]tables.Row{}
		}
		t.small[tb] = keep
	}
	return err
}

// scanRows runs query and calls fn with each row of tb it returns.
func (t *txn) scanRows(tb *tables.Table, query string, args []any, fn func(tables.Row) error) error {
	s, err := t.q(query)
	if err != nil {
		return storageErr("scan "+tb.Name, err)
	}
	rows, err := s.QueryContext(t.ctx, args...)
	if err != nil {
		return storageErr("scan "+tb.Name, err)
	}
	defer rows.Close()
	rs := tables.NewRowScanner(tb)
	for rows.Next() {
		r, err := rs.Scan(rows)
		if err != nil {
			return storageErr("scan "+tb.Name, err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return storageErr("scan "+tb.Name, rows.Err())
}

// ScanBetween implements tables.Reader.
func (t *txn) ScanBetween(tb *tables.Table, lo, hi string, fn func(tables.Row) error) error {
	if tb.BetweenColumn() < 0 {
		return fmt.Errorf("scan %s: the table has no Between column", tb.Name)
	}
	return t.scanRows(tb, t.db.statements(tb).between, []any{t.corp, lo, hi}, fn)
}

// Put implements tables.Writer.
func (t *txn) Put(tb *tables.Table, r tables.Row) error {
	if err := tb.Check(r); err != nil {
		return err
	}
	s, err := t.q(t.db.statements(tb).put)
	if err != nil {
		return storageErr("put "+tb.Name, err)
	}
	if _, err = s.ExecContext(t.ctx, args(t.corp, r)...); err != nil {
		return storageErr("put "+tb.Name, err)
	}
	if t.rows != nil {
		// The stored row is now r (an upsert; DO NOTHING only when every
		// column is key, so the stored row equals r).
		t.remember(tb, string(tables.EncodeKey(tb.KeyOf(r))), cachedRow{append(tables.Row(nil), r...), true})
	}
	return nil
}

// Delete implements tables.Writer.
func (t *txn) Delete(tb *tables.Table, key ...any) error {
	if len(key) != tb.Key {
		// A shorter key would delete every row under it as a prefix, where
		// tables.Memory (the journal replay) deletes none.
		return fmt.Errorf("delete %s: %d key values, want %d", tb.Name, len(key), tb.Key)
	}
	s, err := t.q(t.db.statements(tb).del)
	if err != nil {
		return storageErr("delete "+tb.Name, err)
	}
	if _, err = s.ExecContext(t.ctx, args(t.corp, key)...); err != nil {
		return storageErr("delete "+tb.Name, err)
	}
	t.remember(tb, string(tables.EncodeKey(key)), cachedRow{})
	return nil
}

// Head implements tables.View.
func (t *txn) Head() (tables.Head, error) {
	h := tables.Head{Hash: journal.Genesis}
	// One statement, one round trip: the last entry and the newest
	// effective date (both served by indexes).
	s, err := t.q(fmt.Sprintf("SELECT seq, hash, (SELECT effective FROM journal WHERE corp = %s ORDER BY effective DESC LIMIT 1) "+
		"FROM journal WHERE corp = %s ORDER BY seq DESC LIMIT 1", t.ph(1), t.ph(2)))
	if err != nil {
		return h, storageErr("head", err)
	}
	var hash []byte
	err = s.QueryRowContext(t.ctx, t.corp, t.corp).Scan(&h.Seq, &hash, &h.NewestEffective)
	if errors.Is(err, sql.ErrNoRows) {
		return h, nil
	}
	if err != nil {
		return h, storageErr("head", err)
	}
	copy(h.Hash[:], hash)
	return h, nil
}

// Journal implements tables.View.
func (t *txn) Journal(from uint64, fn func(*journal.Record) error) error {
	return t.journal(fmt.Sprintf("SELECT seq, kind, effective, encoding, hash FROM journal WHERE corp = %s AND seq >= %s ORDER BY seq", t.ph(1), t.ph(2)),
		fn, t.corp, from)
}

// JournalOf implements tables.View (served by the journal_kind index).
func (t *txn) JournalOf(kind string, from uint64, fn func(*journal.Record) error) error {
	return t.journal(fmt.Sprintf("SELECT seq, kind, effective, encoding, hash FROM journal WHERE corp = %s AND kind = %s AND seq >= %s ORDER BY seq", t.ph(1), t.ph(2), t.ph(3)),
		fn, t.corp, kind, from)
}

// journal runs a journal query whose last argument is the first sequence
// number wanted and calls fn for each record.
func (t *txn) journal(q string, fn func(*journal.Record) error, args ...any) error {
	from := args[len(args)-1].(uint64)
	if from > math.MaxInt64 {
		return nil // no sequence number is that large; as int64 it would be negative and match every record
	}
	args[len(args)-1] = int64(from)
	s, err := t.q(q)
	if err != nil {
		return storageErr("journal", err)
	}
	rows, err := s.QueryContext(t.ctx, args...)
	if err != nil {
		return storageErr("journal", err)
	}
	defer rows.Close()
	r := journal.Record{Corp: t.corp}
	var hash sql.RawBytes
	var enc sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&r.Seq, &r.Kind, &r.Effective, &enc, &hash); err != nil {
			return storageErr("journal", err)
		}
		r.Encoding = enc
		r.Hash = journal.Hash{}
		copy(r.Hash[:], hash)
		if err := fn(&r); err != nil {
			return err
		}
	}
	return storageErr("journal", rows.Err())
}

// Append implements tables.Tx.
func (t *txn) Append(r *journal.Record) error {
	if r.Corp != t.corp {
		return fmt.Errorf("append: record of %q in a transaction of %q", r.Corp, t.corp)
	}
	s, err := t.q(fmt.Sprintf("INSERT INTO journal (corp, seq, kind, effective, encoding, hash) VALUES (%s, %s, %s, %s, %s, %s)",
		t.ph(1), t.ph(2), t.ph(3), t.ph(4), t.ph(5), t.ph(6)))
	if err != nil {
		return storageErr("append", err)
	}
	_, err = s.ExecContext(t.ctx, r.Corp, int64(r.Seq), r.Kind, r.Effective, r.Encoding, r.Hash[:])
	if err != nil && t.db.D.Conflict != nil && t.db.D.Conflict(err) {
		return &corp.Error{Op: "append", Kind: corp.Conflict, Err: fmt.Errorf("journal entry %d of %s already exists: %w", r.Seq, r.Corp, err)}
	}
	return storageErr("append", err)
}
