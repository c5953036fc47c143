package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// crashChild is the child process of TestCrash: it applies person.add
// acts one at a time through the CLI, from the index in MB_CRASH_FROM on,
// each its own durable transaction. The CLI prints "recorded #N ..." only
// after the commit returns: that line is the acknowledgement.
func crashChild() {
	from, _ := strconv.Atoi(os.Getenv("MB_CRASH_FROM"))
	for i := from; ; i++ {
		act := fmt.Sprintf("{kind: person.add, effective: 2002-01-01, actor: {as: secretary}, fields: {id: p%d, name: Person %d, kind: natural_person}}\n", i, i)
		if code := run([]string{"apply", "-"}, strings.NewReader(act), os.Stdout, os.Stderr); code != 0 {
			os.Exit(code)
		}
	}
}

var ackLine = regexp.MustCompile(`^recorded #(\d+) person\.add`)

// TestCrash kills a child process that is applying acts with SIGKILL at
// random moments, 300 times. After each kill: no acknowledged act is
// missing, nothing is duplicated, and `journal verify` passes.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "crash.db")
	var out bytes.Buffer
	if code := run([]string{"--db", db, "demo"}, nil, &out, &out); code != 0 {
		t.Fatalf("demo: exit %d\n%s", code, out.String())
	}
	base := countJournal(t, db)
	rng := rand.New(rand.NewPCG(1, 2))
	acked := map[int]bool{} // journal sequence numbers acknowledged
	kills := 300
	for k := 0; k < kills; k++ {
		recorded := countJournal(t, db) - base
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "MB_CRASH_CHILD=1", "MB_CRASH_FROM="+strconv.Itoa(recorded), "MINUTEBOOK_DB="+db, "MINUTEBOOK_CLOCK=2026-11-25T17:00:00Z")
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill at a random moment: a third of the time anywhere from
		// start-up on, otherwise a random delay after a random number of
		// acknowledgements, so kills land mid-commit whatever the speed of
		// the child (a race-detector build starts much more slowly).
		kill := func() { cmd.Process.Signal(syscall.SIGKILL) }
		afterAcks, delay := -1, time.Duration(rng.IntN(40))*time.Millisecond
		if rng.IntN(3) > 0 {
			afterAcks, delay = rng.IntN(4), time.Duration(rng.IntN(3000))*time.Microsecond
		}
		var timer *time.Timer
		if afterAcks < 0 {
			timer = time.AfterFunc(delay, kill)
		}
		acks := 0
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := ackLine.FindStringSubmatch(sc.Text()); m != nil {
				n, _ := strconv.Atoi(m[1])
				if acked[n] {
					t.Fatalf("kill %d: sequence %d acknowledged twice", k, n)
				}
				acked[n] = true
				if acks == afterAcks {
					timer = time.AfterFunc(delay, kill)
				}
				acks++
			}
		}
		if timer == nil {
			t.Fatalf("kill %d: the child stopped before it was killed\n%s", k, stderr.String())
		}
		timer.Stop()
		cmd.Process.Signal(syscall.SIGKILL)
		err = cmd.Wait()
		if err == nil || !strings.Contains(err.Error(), "killed") {
			t.Fatalf("kill %d: the child ended by itself: %v\n%s", k, err, stderr.String())
		}
		checkCrashState(t, db, base, acked, k)
	}
	var verify bytes.Buffer
	if code := run([]string{"--db", db, "journal", "verify"}, nil, &verify, &verify); code != 0 {
		t.Fatalf("journal verify after %d kills: exit %d\n%s", kills, code, verify.String())
	}
	if len(acked) < kills/4 {
		t.Errorf("only %d acts were acknowledged over %d kills: the kills came too early to test much", len(acked), kills)
	}
	t.Logf("%d kills, %d acknowledged acts, %d journal entries; %s", kills, len(acked), countJournal(t, db), strings.TrimSpace(verify.String()))
}

func countJournal(t *testing.T, db string) int {
	t.Helper()
	conn, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRowContext(context.Background(), `SELECT count(*) FROM journal`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// checkCrashState: every acknowledged entry is in the journal; the journal
// is gapless and holds one person per person.add entry (nothing duplicated).
func checkCrashState(t *testing.T, db string, base int, acked map[int]bool, k int) {
	t.Helper()
	conn, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n, maxSeq, persons, addEntries int
	q := `SELECT count(*), coalesce(max(seq), 0), (SELECT count(*) FROM persons), (SELECT count(*) FROM journal WHERE kind = 'person.add') FROM journal`
	if err := conn.QueryRow(q).Scan(&n, &maxSeq, &persons, &addEntries); err != nil {
		t.Fatalf("kill %d: %v", k, err)
	}
	if n != maxSeq {
		t.Fatalf("kill %d: journal has %d entries but its highest sequence is %d", k, n, maxSeq)
	}
	if persons != addEntries {
		t.Fatalf("kill %d: %d persons but %d person.add entries", k, persons, addEntries)
	}
	for seq := range acked {
		if seq > maxSeq {
			t.Fatalf("kill %d: acknowledged entry %d is missing (journal ends at %d)", k, seq, maxSeq)
		}
	}
}
