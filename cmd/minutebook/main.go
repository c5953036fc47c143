// Command minutebook runs a corporation by its bylaws: it keeps the
// journal of corporate acts, checks every act against the bylaws in force
// on its date, and answers questions about the books.
//
// This is the composition root: it reads flags and the environment, picks
// the store (SQLite by default, PostgreSQL for a postgres:// URL), wires
// the clock and runs one subcommand. One file per subcommand.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	_ "time/tzdata" // civil dates need the zone database on any machine

	"github.com/spf13/cobra"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/postgres"
	"minutebook/internal/sqlite"
	"minutebook/internal/strict"
)

// Exit codes.
const (
	exitOK       = 0
	exitRefused  = 1 // an act was refused by a rule
	exitBadInput = 2 // bad input: a file, flag or value is wrong
	exitInternal = 3 // storage or internal error
)

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

// app holds what every subcommand shares.
type app struct {
	dbFlag, corpFlag, keyFlag string
	stdin                     io.Reader
	stdout, stderr            io.Writer
	store                     acts.Store
	svc                       *acts.Service
	exit                      int
}

// exitError carries an exit code out of a subcommand.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func fail(code int, format string, args ...any) error {
	return &exitError{code: code, err: fmt.Errorf(format, args...)}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:   "minutebook",
		Short: "Run a corporation by its bylaws: the journal of corporate acts, checked rule by rule",
		Long: "minutebook keeps a corporation's minute book and stock ledger as a hash-chained journal of\n" +
			"corporate acts. Every act is checked against the bylaws in force on its effective date, and\n" +
			"every refusal cites the article and section that refused it.",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	pf := root.PersistentFlags()
	pf.StringVar(&a.dbFlag, "db", envOr("MINUTEBOOK_DB", "minutebook.db"), "the store: a SQLite file path or a postgres:// URL (env MINUTEBOOK_DB)")
	pf.StringVar(&a.corpFlag, "corp", os.Getenv("MINUTEBOOK_CORP"), "the corporation's id; optional when the store holds one (env MINUTEBOOK_CORP)")
	pf.StringVar(&a.keyFlag, "key", os.Getenv("MINUTEBOOK_KEY"), "the ed25519 key file that signs checkpoints (env MINUTEBOOK_KEY; default: the db path + .key)")
	root.AddCommand(a.applyCmd(), a.voteCmd(), a.proxiesCmd(), a.ballotsCmd(), a.resultCmd(), a.receiptCmd(), a.bylawsCmd(), a.journalCmd(), a.calendarCmd(), a.demoCmd(), a.corporationsCmd(), a.personsCmd(), a.holdersCmd(), a.instrumentsCmd(), a.certificatesCmd(), a.certificateCmd(), a.stocklistCmd(), a.genCmd(), a.officersCmd(), a.boardCmd(), a.minutesCmd(), a.stockholderMeetingsCmd(), a.meetingCmd(),
		a.dividendCmd(), a.dividendsCmd(), a.indemnificationCmd(), a.resolutionsCmd(), a.serveCmd(), a.loadtestCmd(), a.ocfCmds(root))
	defer func() {
		if a.store != nil {
			a.store.Close()
		}
	}()
	err := root.ExecuteContext(context.Background())
	if err == nil {
		return a.exit
	}
	var ee *exitError
	switch {
	case errors.As(err, &ee):
		fmt.Fprintln(stderr, "minutebook:", ee.err)
		return ee.code
	case isUsage(err):
		fmt.Fprintln(stderr, "minutebook:", err)
		return exitBadInput
	}
	fmt.Fprintln(stderr, "minutebook:", err)
	return codeOf(err)
}

// codeOf maps an error kind to an exit code.
func codeOf(err error) int {
	var se strict.Errors
	if errors.As(err, &se) {
		return exitBadInput
	}
	switch corp.KindOf(err) {
	case corp.Invalid, corp.NotFound:
		return exitBadInput
	case corp.Refused:
		return exitRefused
	}
	return exitInternal
}

func isUsage(err error) bool {
	s := err.Error()
	return strings.Contains(s, "unknown command") || strings.Contains(s, "unknown flag") ||
		strings.Contains(s, "flag needs") || strings.Contains(s, "accepts ") || strings.Contains(s, "requires at least") ||
		strings.Contains(s, "invalid argument")
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

// clock returns the time of recording. MINUTEBOOK_CLOCK (RFC 3339) fixes
// it, for reproducible runs and tests.
func clock() (acts.Clock, error) {
	if s := os.Getenv("MINUTEBOOK_CLOCK"); s != "" {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return nil, fail(exitBadInput, "MINUTEBOOK_CLOCK: %v", err)
		}
		return func() time.Time { return t }, nil
	}
	return time.Now, nil
}

// open opens the store named by --db and wires the service.
func (a *app) open(ctx context.Context) error {
	if a.svc != nil {
		return nil
	}
	c, err := clock()
	if err != nil {
		return err
	}
	var st acts.Store
	if strings.HasPrefix(a.dbFlag, "postgres://") || strings.HasPrefix(a.dbFlag, "postgresql://") {
		st, err = postgres.Open(ctx, a.dbFlag)
	} else {
		st, err = sqlite.Open(ctx, a.dbFlag)
	}
	if err != nil {
		return fail(exitInternal, "opening the store %s: %v", redact(a.dbFlag), err)
	}
	a.store = st
	a.svc = &acts.Service{Store: st, Clock: c}
	return nil
}

func redact(dsn string) string {
	if i := strings.Index(dsn, "@"); i > 0 && strings.Contains(dsn, "://") {
		return dsn[:strings.Index(dsn, "://")+3] + "…" + dsn[i:]
	}
	return dsn
}

// corporation opens the store and resolves the corporation to act on:
// --corp, else the only one in the store.
func (a *app) corporation(ctx context.Context) (string, error) {
	if err := a.open(ctx); err != nil {
		return "", err
	}
	if a.corpFlag != "" {
		return a.corpFlag, nil
	}
	cs, err := a.store.Corporations(ctx)
	if err != nil {
		return "", fail(exitInternal, "%v", err)
	}
	switch len(cs) {
	case 0:
		return "", fail(exitBadInput, "the store %s holds no corporation yet: record corporation.create first (or run minutebook demo)", redact(a.dbFlag))
	case 1:
		return cs[0], nil
	}
	return "", fail(exitBadInput, "the store holds %d corporations (%s): choose one with --corp or MINUTEBOOK_CORP", len(cs), strings.Join(cs, ", "))
}

// today is the civil date now in the corporation's time zone.
func (a *app) today(ctx context.Context, corpID string) (corp.Date, error) {
	c, err := clock()
	if err != nil {
		return corp.Date{}, err
	}
	zone := ""
	if corpID != "" && a.svc != nil {
		if co, _, err := a.svc.CorporationOn(ctx, corpID, corp.MustDate(9999, 12, 31)); err == nil {
			zone = co.TimeZone
		}
	}
	return corp.DateIn(c(), zone), nil
}

// dateFlag parses an optional --on/--from/--to flag.
func dateFlag(name, v string) (corp.Date, error) {
	if v == "" {
		return corp.Date{}, nil
	}
	d, err := corp.ParseDate(v)
	if err != nil {
		return d, fail(exitBadInput, "--%s: %v", name, err)
	}
	return d, nil
}
