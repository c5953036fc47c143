package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestQueriesHaveJSON: every command that answers a question about the
// books offers machine-readable output, and every command has --help.
func TestQueriesHaveJSON(t *testing.T) {
	t.Parallel()
	queries := [][]string{
		{"persons"}, {"corporations"}, {"calendar"}, {"holders"}, {"certificates"},
		{"bylaws", "show"}, {"bylaws", "explain"}, {"journal", "show"}, {"journal", "verify"},
		{"import", "ocf"}, {"stocklist"}, {"officers"}, {"officers", "acting"}, {"instruments"},
		{"board", "meetings"}, {"board", "committees"}, {"board", "court"}, {"minutes"},
		{"dividends"}, {"dividend", "schedule"}, {"indemnification"}, {"resolutions"},
	}
	for _, q := range queries {
		var out bytes.Buffer
		if code := run(append(q, "--help"), nil, &out, &out); code != 0 {
			t.Errorf("%s --help: exit %d\n%s", strings.Join(q, " "), code, out.String())
			continue
		}
		if !strings.Contains(out.String(), "--json") && !strings.Contains(out.String(), "json|csv") {
			t.Errorf("%s has no --json (or --format json):\n%s", strings.Join(q, " "), out.String())
		}
	}
	for _, c := range [][]string{{"apply"}, {"demo"}, {"journal", "checkpoint"}, {"journal", "rebuild-lists"}, {"export", "ocf"}, {"certificate", "pdf"}, {"bylaws", "certify"}} {
		var out bytes.Buffer
		if code := run(append(c, "--help"), nil, &out, &out); code != 0 || !strings.Contains(out.String(), "Usage:") {
			t.Errorf("%s --help: exit %d\n%s", strings.Join(c, " "), code, out.String())
		}
	}
}
