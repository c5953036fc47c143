package postgres

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// maxQueue is how many writes a transaction queues before it sends them,
// which bounds its memory in a long batch.
const maxQueue = 1000

// rollbackTimeout bounds the ROLLBACK that ends a transaction that did not
// commit; it runs even when the caller's context is done.
const rollbackTimeout = 10 * time.Second

// txn implements tables.Tx on one connection.
//
// A write transaction queues its writes instead of sending them. Reads see
// them all the same: Get answers from the queue (an overlay by table and
// key) when it holds the key, and otherwise sends the queue ahead of its
// query in one pipelined batch; Scan and Journal always send the queue
// ahead of their query. Head is tracked in memory from the head read at
// BEGIN (under the corporation's lock, so no other writer can move it) and
// the records appended since. COMMIT goes out in one batch after the
// writes still queued. The first write that fails aborts the transaction
// (PostgreSQL aborts it anyway): every later call returns its error.
//
// A view sends BEGIN ahead of its first read and reads synchronously.
type txn struct {
	ctx   context.Context
	conn  *pgxpool.Conn
	corp  string
	write bool

	queue []stmt
	// overlay holds, in a write transaction, every row written (queued or
	// sent) and every row Get read, by overlayKey; nil for a row known to be
	// absent. The transaction holds the corporation's lock, so no one else
	// changes them before it ends.
	overlay map[string]tables.Row
	// small holds the whole-table scans of up to smallScan rows made in a
	// write transaction, until the table is next written.
	small map[*tables.Table][]tables.Row

	head    tables.Head // write: the head, appends included; view: as read, once headOK
	headOK  bool
	records bool // write: the journal holds at least one record

	err error // the failure that aborted the transaction
}

// stmt is one queued statement.
type stmt struct {
	sql    string
	args   []any
	op     string // names the operation in errors
	append bool   // a journal insert, of record seq
	seq    uint64
}

// Update implements acts.Store.
func (s *Store) Update(ctx context.Context, corpID string, fn func(tables.Tx) error) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return storageErr("begin", err)
	}
	t := &txn{ctx: ctx, conn: conn, corp: corpID, write: true}
	// On an error or a panic in fn, this rolls back what was sent and
	// drops what was not.
	defer t.end()
	if err := t.begin(); err != nil {
		return err
	}
	if err := fn(t); err != nil {
		return err
	}
	return t.commit()
}

// View implements acts.Store.
func (s *Store) View(ctx context.Context, corpID string, fn func(tables.View) error) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return storageErr("begin", err)
	}
	t := &txn{ctx: ctx, conn: conn, corp: corpID, queue: []stmt{{sql: beginView, op: "begin"}}}
	defer t.end()
	return fn(t)
}

// begin sends BEGIN, takes the corporation's lock and reads the head, in
// one batch.
func (t *txn) begin() error {
	b := &pgx.Batch{}
	b.Queue("BEGIN")
	b.Queue(lockSQL, t.corp)
	b.Queue(headSQL, t.corp)
	br := t.conn.SendBatch(t.ctx, b)
	defer br.Close()
	if _, err := br.Exec(); err != nil {
		return storageErr("begin", err)
	}
	if _, err := br.Exec(); err != nil {
		return storageErr("lock", err)
	}
	h, ok, err := scanHead(br.QueryRow())
	if err != nil {
		return storageErr("head", err)
	}
	if err := br.Close(); err != nil {
		return storageErr("begin", err)
	}
	t.head, t.headOK, t.records = h, true, ok
	return nil
}

// scanHead reads the result of headSQL, and whether the journal has a
// record.
func scanHead(row pgx.Row) (tables.Head, bool, error) {
	h := tables.Head{Hash: journal.Genesis}
	var seq int64
	var hash []byte
	err := row.Scan(&seq, &hash, &h.NewestEffective)
	if errors.Is(err, pgx.ErrNoRows) {
		return h, false, nil
	}
	if err != nil {
		return h, false, err
	}
	h.Seq = uint64(seq)
	copy(h.Hash[:], hash)
	return h, true, nil
}

// commit sends the queued writes and COMMIT in one batch.
func (t *txn) commit() error {
	br, err := t.send("COMMIT")
	if err != nil {
		return err
	}
	tag, err := br.Exec()
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	if err == nil && tag.String() != "COMMIT" {
		err = fmt.Errorf("COMMIT answered %q", tag.String())
	}
	if err != nil {
		if conflict(err) {
			return &corp.Error{Op: "commit", Kind: corp.Conflict, Err: err}
		}
		return storageErr("commit", err)
	}
	return nil
}

// end rolls back whatever is still open on the connection and returns it
// to the pool. A connection that cannot be rolled back is left in a
// transaction, and the pool destroys it on release.
func (t *txn) end() {
	pc := t.conn.Conn().PgConn()
	if !pc.IsClosed() && !pc.IsBusy() && pc.TxStatus() != 'I' {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(t.ctx), rollbackTimeout)
		t.conn.Exec(ctx, "ROLLBACK")
		cancel()
	}
	t.queue, t.overlay = nil, nil
	t.conn.Release()
}

// send sends the queued statements, followed by q with args unless q is
// "", in one pipelined batch, and reads the results of the queued ones.
// The caller reads q's result and closes the batch. A queued statement
// that fails aborts the transaction.
func (t *txn) send(q string, args ...any) (pgx.BatchResults, error) {
	if t.err != nil {
		return nil, t.err
	}
	queue := t.queue
	t.queue = nil
	b := &pgx.Batch{QueuedQueries: make([]*pgx.QueuedQuery, 0, len(queue)+1)}
	for _, s := range queue {
		b.Queue(s.sql, s.args...)
	}
	if q != "" {
		b.Queue(q, args...)
	}
	br := t.conn.SendBatch(t.ctx, b)
	for _, s := range queue {
		if _, err := br.Exec(); err != nil {
			br.Close()
			t.err = t.failed(s, err)
			return nil, t.err
		}
	}
	return br, nil
}

// failed returns the error of queued statement s failing with err.
func (t *txn) failed(s stmt, err error) error {
	if s.append && conflict(err) {
		return &corp.Error{Op: "append", Kind: corp.Conflict, Err: fmt.Errorf("journal entry %d of %s already exists: %w", s.seq, t.corp, err)}
	}
	return storageErr(s.op, err)
}

// flush sends the queued statements.
func (t *txn) flush() error {
	if len(t.queue) == 0 {
		return t.err
	}
	br, err := t.send("")
	if err != nil {
		return err
	}
	if err := br.Close(); err != nil {
		t.err = storageErr("flush", err)
	}
	return t.err
}

// enqueue queues s, and sends the queue once it is full.
func (t *txn) enqueue(s stmt) error {
	t.queue = append(t.queue, s)
	if len(t.queue) >= maxQueue {
		return t.flush()
	}
	return nil
}

// query runs q after the queued statements, in one batch, and returns its
// rows and a function that closes them (and the batch).
func (t *txn) query(q string, args ...any) (pgx.Rows, func() error, error) {
	if t.err != nil {
		return nil, nil, t.err
	}
	if len(t.queue) == 0 {
		rows, err := t.conn.Query(t.ctx, q, args...)
		if err != nil {
			return nil, nil, err
		}
		return rows, func() error { rows.Close(); return rows.Err() }, nil
	}
	br, err := t.send(q, args...)
	if err != nil {
		return nil, nil, err
	}
	rows, err := br.Query()
	if err != nil {
		br.Close()
		return nil, nil, err
	}
	return rows, func() error {
		rows.Close()
		err := rows.Err()
		if cerr := br.Close(); err == nil {
			err = cerr
		}
		return err
	}, nil
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

// args returns the bind arguments: the corporation, then vals. A nil
// []byte is an empty Blob (as in tables.Memory); pgx would bind it as
// NULL, which the NOT NULL columns refuse. Blobs are copied, so that a
// queued statement does not see the caller change them.
func args(corpID string, vals []any) []any {
	a := make([]any, 0, len(vals)+1)
	a = append(a, corpID)
	for _, v := range vals {
		if b, ok := v.([]byte); ok {
			if b == nil {
				v = []byte{}
			} else {
				v = bytes.Clone(b)
			}
		}
		a = append(a, v)
	}
	return a
}

// overlayKey returns the overlay's key of the row of tb with key values
// key, and false when a value is not of its column's type (such a key is
// never looked up in the overlay).
func overlayKey(tb *tables.Table, key []any) (string, bool) {
	b := make([]byte, 0, 64)
	b = append(b, tb.Name...)
	b = append(b, 0)
	for i, v := range key {
		switch tb.Columns[i].Type {
		case tables.Int:
			n, ok := v.(int64)
			if !ok {
				return "", false
			}
			b = binary.BigEndian.AppendUint64(b, uint64(n))
		case tables.Text:
			s, ok := v.(string)
			if !ok {
				return "", false
			}
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		case tables.Blob:
			s, ok := v.([]byte)
			if !ok {
				return "", false
			}
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		default:
			return "", false
		}
	}
	return string(b), true
}

// copyRow returns a copy of r that shares nothing with it.
func copyRow(r tables.Row) tables.Row {
	c := make(tables.Row, len(r))
	for i, v := range r {
		if b, ok := v.([]byte); ok {
			v = bytes.Clone(b)
			if v.([]byte) == nil {
				v = []byte{}
			}
		}
		c[i] = v
	}
	return c
}

// Get implements tables.Reader.
func (t *txn) Get(tb *tables.Table, key ...any) (tables.Row, bool, error) {
	if len(key) != tb.Key {
		return nil, false, fmt.Errorf("get %s: %d key values, want %d", tb.Name, len(key), tb.Key)
	}
	if t.overlay != nil {
		if k, ok := overlayKey(tb, key); ok {
			if r, queued := t.overlay[k]; queued {
				if r == nil {
					return nil, false, nil
				}
				return copyRow(r), true, nil
			}
		}
	}
	st := statementsOf(tb)
	rows, done, err := t.query(st.get, args(t.corp, key)...)
	if err != nil {
		return nil, false, storageErr(st.getOp, err)
	}
	var r tables.Row
	if rows.Next() {
		r, err = tables.ScanRow(tb, rows)
	}
	if cerr := done(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, false, storageErr(st.getOp, err)
	}
	if t.write {
		if k, ok := overlayKey(tb, key); ok {
			if t.overlay == nil {
				t.overlay = map[string]tables.Row{}
			}
			var c tables.Row // nil: known to be absent
			if r != nil {
				c = copyRow(r)
			}
			t.overlay[k] = c
		}
	}
	return r, r != nil, nil
}

// Scan implements tables.Reader.
func (t *txn) Scan(tb *tables.Table, prefix []any, fn func(tables.Row) error) (err error) {
	if len(prefix) > tb.Key {
		return fmt.Errorf("scan %s: prefix longer than the key", tb.Name)
	}
	caching := len(prefix) == 0 && t.write
	if rs, ok := t.small[tb]; ok && caching {
		for _, r := range rs {
			if err := fn(copyRow(r)); err != nil {
				return err
			}
		}
		return nil
	}
	if caching {
		var keep []tables.Row
		inner := fn
		fn = func(r tables.Row) error {
			if caching {
				if len(keep) < smallScan {
					keep = append(keep, copyRow(r))
				} else {
					caching, keep = false, nil
				}
			}
			return inner(r)
		}
		defer func() {
			if err == nil && caching {
				if t.small == nil {
					t.small = map[*tables.Table][]tables.Row{}
				}
				t.small[tb] = keep
			}
		}()
	}
	st := statementsOf(tb)
	return t.scanRows(tb, st.scanOp, st.scan[len(prefix)], args(t.corp, prefix), fn)
}

// scanRows runs query and calls fn with each row of tb it returns.
func (t *txn) scanRows(tb *tables.Table, op, query string, args []any, fn func(tables.Row) error) (err error) {
	rows, done, err := t.query(query, args...)
	if err != nil {
		return storageErr(op, err)
	}
	defer func() {
		if cerr := done(); err == nil {
			err = storageErr(op, cerr)
		}
	}()
	rs := tables.NewRowScanner(tb)
	for rows.Next() {
		r, err := rs.Scan(rows)
		if err != nil {
			return storageErr(op, err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// ScanBetween implements tables.Reader.
func (t *txn) ScanBetween(tb *tables.Table, lo, hi string, fn func(tables.Row) error) error {
	st := statementsOf(tb)
	if st.between == "" {
		return fmt.Errorf("scan %s: the table has no Between column", tb.Name)
	}
	return t.scanRows(tb, st.scanOp, st.between, []any{t.corp, lo, hi}, fn)
}

// Head implements tables.View.
func (t *txn) Head() (tables.Head, error) {
	if t.headOK {
		return t.head, nil
	}
	rows, done, err := t.query(headSQL, t.corp)
	if err != nil {
		return tables.Head{Hash: journal.Genesis}, storageErr("head", err)
	}
	h, _, err := scanHead(firstRow{rows})
	if cerr := done(); err == nil {
		err = cerr
	}
	if err != nil {
		return tables.Head{Hash: journal.Genesis}, storageErr("head", err)
	}
	// A view reads one snapshot: its head does not change.
	t.head, t.headOK = h, true
	return h, nil
}

// firstRow is the first row of rows, as a pgx.Row that leaves closing the
// rows to their owner.
type firstRow struct{ rows pgx.Rows }

// Scan implements pgx.Row.
func (r firstRow) Scan(dst ...any) error {
	if !r.rows.Next() {
		if err := r.rows.Err(); err != nil {
			return err
		}
		return pgx.ErrNoRows
	}
	return r.rows.Scan(dst...)
}

// Journal implements tables.View.
func (t *txn) Journal(from uint64, fn func(*journal.Record) error) error {
	if from > math.MaxInt64 {
		return nil // no sequence number is that large; as int64 it would be negative and match every record
	}
	return t.journal(fn, journalSQL, t.corp, int64(from))
}

// JournalOf implements tables.View.
func (t *txn) JournalOf(kind string, from uint64, fn func(*journal.Record) error) error {
	if from > math.MaxInt64 {
		return nil
	}
	return t.journal(fn, journalOfSQL, t.corp, kind, int64(from))
}

// journal runs a journal query and calls fn for each record.
func (t *txn) journal(fn func(*journal.Record) error, q string, args ...any) (err error) {
	rows, done, err := t.query(q, args...)
	if err != nil {
		return storageErr("journal", err)
	}
	defer func() {
		if cerr := done(); err == nil {
			err = storageErr("journal", cerr)
		}
	}()
	r := journal.Record{Corp: t.corp}
	var seq int64
	var enc, hash pgtype.DriverBytes // valid until the next row: fn must not retain them
	for rows.Next() {
		if err := rows.Scan(&seq, &r.Kind, &r.Effective, &enc, &hash); err != nil {
			return storageErr("journal", err)
		}
		r.Seq = uint64(seq)
		r.Encoding = enc
		r.Hash = journal.Hash{}
		copy(r.Hash[:], hash)
		if err := fn(&r); err != nil {
			return err
		}
	}
	return nil
}

// smallScan is the most rows a write transaction keeps of a whole-table
// scan: the small registers every transfer consults (stop-transfer orders,
// registration statements) are read once per transaction, not per act.
const smallScan = 64

// errReadOnly is the error of a write in a view.
var errReadOnly = errors.New("a view is read-only")

// Put implements tables.Writer.
func (t *txn) Put(tb *tables.Table, r tables.Row) error {
	if err := tb.Check(r); err != nil {
		return err
	}
	st := statementsOf(tb)
	if !t.write {
		return storageErr(st.putOp, errReadOnly)
	}
	if t.err != nil {
		return t.err
	}
	a := args(t.corp, r)
	k, _ := overlayKey(tb, a[1:1+tb.Key]) // Check passed: every value is of its type
	if t.overlay == nil {
		t.overlay = map[string]tables.Row{}
	}
	t.overlay[k] = tables.Row(a[1:])
	delete(t.small, tb)
	return t.enqueue(stmt{sql: st.put, args: a, op: st.putOp})
}

// Delete implements tables.Writer.
func (t *txn) Delete(tb *tables.Table, key ...any) error {
	if len(key) != tb.Key {
		// A shorter key would delete every row under it as a prefix, where
		// tables.Memory (the journal replay) deletes none.
		return fmt.Errorf("delete %s: %d key values, want %d", tb.Name, len(key), tb.Key)
	}
	st := statementsOf(tb)
	if !t.write {
		return storageErr(st.delOp, errReadOnly)
	}
	if t.err != nil {
		return t.err
	}
	if err := t.enqueue(stmt{sql: st.del, args: args(t.corp, key), op: st.delOp}); err != nil {
		return err
	}
	delete(t.small, tb)
	k, ok := overlayKey(tb, key)
	if !ok {
		// The overlay cannot tell which row this removes: send it.
		return t.flush()
	}
	if t.overlay == nil {
		t.overlay = map[string]tables.Row{}
	}
	t.overlay[k] = nil
	return nil
}

// Append implements tables.Tx.
func (t *txn) Append(r *journal.Record) error {
	if r.Corp != t.corp {
		return fmt.Errorf("append: record of %q in a transaction of %q", r.Corp, t.corp)
	}
	if !t.write {
		return storageErr("append", errReadOnly)
	}
	if t.err != nil {
		return t.err
	}
	hash := r.Hash
	s := stmt{
		sql:    appendSQL,
		args:   []any{r.Corp, int64(r.Seq), r.Kind, r.Effective, bytes.Clone(r.Encoding), hash[:]},
		op:     "append",
		append: true,
		seq:    r.Seq,
	}
	if t.records && r.Seq <= t.head.Seq {
		// The number may be taken: let the database say so now.
		t.queue = append(t.queue, s)
		if err := t.flush(); err != nil {
			return err
		}
	} else if err := t.enqueue(s); err != nil {
		return err
	}
	if !t.records || r.Seq > t.head.Seq {
		t.head.Seq, t.head.Hash = r.Seq, r.Hash
	}
	if !t.records || r.Effective > t.head.NewestEffective {
		t.head.NewestEffective = r.Effective
	}
	t.records = true
	return nil
}
