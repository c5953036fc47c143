package postgres

import (
	"fmt"
	"strings"
	"sync"

	"minutebook/internal/tables"
)

// The statements on the journal.
const (
	// lockSQL serializes the writers of one corporation until the end of
	// the transaction.
	lockSQL = `SELECT pg_advisory_xact_lock(hashtextextended($1, 7242))`
	// headSQL reads the last entry and the newest effective date in one
	// statement (both served by indexes).
	headSQL = `SELECT seq, hash, (SELECT effective FROM journal WHERE corp = $1 ORDER BY effective DESC LIMIT 1) ` +
		`FROM journal WHERE corp = $1 ORDER BY seq DESC LIMIT 1`
	journalSQL = `SELECT seq, kind, effective, encoding, hash FROM journal WHERE corp = $1 AND seq >= $2 ORDER BY seq`
	// journalOfSQL is served by the journal_kind index (migration 0015).
	journalOfSQL = `SELECT seq, kind, effective, encoding, hash FROM journal WHERE corp = $1 AND kind = $2 AND seq >= $3 ORDER BY seq`
	appendSQL    = `INSERT INTO journal (corp, seq, kind, effective, encoding, hash) VALUES ($1, $2, $3, $4, $5, $6)`
	beginView    = `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`
)

// statements holds the SQL of one table's reads and writes, and the names
// of those operations in errors.
type statements struct {
	get, put, del               string
	scan                        []string // by prefix length
	between                     string   // "" when the table has no Between column
	getOp, putOp, delOp, scanOp string
}

// byTable caches statements by table.
var byTable sync.Map // *tables.Table -> *statements

// statementsOf returns the statements of tb.
func statementsOf(tb *tables.Table) *statements {
	if s, ok := byTable.Load(tb); ok {
		return s.(*statements)
	}
	s, _ := byTable.LoadOrStore(tb, newStatements(tb))
	return s.(*statements)
}

func newStatements(tb *tables.Table) *statements {
	names := make([]string, len(tb.Columns))
	for i, c := range tb.Columns {
		names[i] = c.Name
	}
	cols := strings.Join(names, ", ")
	// where returns "corp = $1 AND k1 = $2 ..." for the first n key columns.
	where := func(n int) string {
		var b strings.Builder
		b.WriteString("corp = $1")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, " AND %s = $%d", names[i], i+2)
		}
		return b.String()
	}
	orderBy := ""
	if tb.Key > 0 {
		orderBy = " ORDER BY " + strings.Join(names[:tb.Key], ", ")
	}

	s := &statements{
		get:    fmt.Sprintf("SELECT %s FROM %s WHERE %s", cols, tb.Name, where(tb.Key)),
		del:    fmt.Sprintf("DELETE FROM %s WHERE %s", tb.Name, where(tb.Key)),
		getOp:  "get " + tb.Name,
		putOp:  "put " + tb.Name,
		delOp:  "delete " + tb.Name,
		scanOp: "scan " + tb.Name,
	}
	for n := 0; n <= tb.Key; n++ {
		s.scan = append(s.scan, fmt.Sprintf("SELECT %s FROM %s WHERE %s%s", cols, tb.Name, where(n), orderBy))
	}
	if tb.BetweenColumn() >= 0 {
		order := tb.Between
		if tb.Key > 0 {
			order += ", " + strings.Join(names[:tb.Key], ", ")
		}
		s.between = fmt.Sprintf("SELECT %s FROM %s WHERE corp = $1 AND %s >= $2 AND %s < $3 ORDER BY %s",
			cols, tb.Name, tb.Between, tb.Between, order)
	}

	var b strings.Builder
	fmt.Fprintf(&b, "INSERT INTO %s (corp, %s) VALUES ($1", tb.Name, cols)
	for i := range tb.Columns {
		fmt.Fprintf(&b, ", $%d", i+2)
	}
	b.WriteString(") ON CONFLICT (corp")
	for i := 0; i < tb.Key; i++ {
		b.WriteString(", " + names[i])
	}
	if tb.Key == len(tb.Columns) {
		b.WriteString(") DO NOTHING")
	} else {
		b.WriteString(") DO UPDATE SET ")
		for i := tb.Key; i < len(tb.Columns); i++ {
			if i > tb.Key {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s = excluded.%s", names[i], names[i])
		}
	}
	s.put = b.String()
	return s
}
