package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/mattn/go-sqlite3"
	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	if os.Getenv("MB_CRASH_CHILD") != "" {
		crashChild()
		return
	}
	testscript.Main(m, map[string]func(){
		"minutebook": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI stories in testdata/script, one user story per
// file, with the binary run in process.
func TestScripts(t *testing.T) {
	t.Parallel()
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("MINUTEBOOK_CLOCK", "2026-11-25T17:00:00Z")
			env.Setenv("MINUTEBOOK_DB", env.WorkDir+"/minutebook.db")
			docs, err := filepath.Abs(filepath.Join("..", "..", "docs"))
			env.Setenv("DOCS", docs)
			return err
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// sqlexec DB SQL runs raw SQL on a SQLite store: the stories use
			// it to tamper with the books behind minutebook's back.
			"sqlexec": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: sqlexec DB SQL")
				}
				db, err := sql.Open("sqlite3", ts.MkAbs(args[0]))
				if err != nil {
					ts.Fatalf("open: %v", err)
				}
				defer db.Close()
				_, err = db.Exec(args[1])
				if neg {
					if err == nil {
						ts.Fatalf("sqlexec succeeded unexpectedly")
					}
					ts.Logf("sqlexec failed as expected: %v", err)
					return
				}
				if err != nil {
					ts.Fatalf("sqlexec: %v", err)
				}
			},
		},
	})
}
