package bylaws

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"minutebook/internal/corp"
	"minutebook/internal/strict"
)

func TestQuintusCharter(t *testing.T) {
	t.Parallel()
	facts, inc, err := Charter("quintus/charter.yaml", QuintusCharterSource())
	if err != nil {
		t.Fatal(err)
	}
	// Fixture F of examples.md.
	want := corp.CharterFacts{
		CumulativeVoting:                  false,
		BoardMayAmendBylaws:               true,
		WrittenConsentAllowed:             true,
		CommitteeDividendOrStockAuthority: false,
		Classes: []corp.AuthorizedClass{{
			ID: "common", Name: "Common Stock",
			Authorized: corp.MustDecimal("100000000"), Par: corp.MustDecimal("0.001"), VotesPerShare: corp.MustDecimal("1"),
		}},
	}
	if diff := cmp.Diff(want, facts, cmp.Comparer(func(a, b corp.Decimal) bool { return a.Cmp(b) == 0 })); diff != "" {
		t.Errorf("Quintus charter facts (-want +got):\n%s", diff)
	}
	// Before 1 July 1996, so DGCL §141(c)(1) governs committees (A-141C).
	if inc.IsZero() || !inc.Before(corp.MustDate(1996, 7, 1)) {
		t.Errorf("incorporation = %s, want a date before 1996-07-01", inc)
	}
}

func TestCharterErrors(t *testing.T) {
	t.Parallel()
	base := string(QuintusCharterSource())
	tests := []struct {
		name, old, new string
		field, want    string
	}{
		{"missing flag", "cumulative_voting: false             # Art. II §10 ¶2 has no effect (A-CUMCERT)\n", "", "cumulative_voting", "missing required field"},
		{"unknown key", "state: Delaware\n", "state: Delaware\ncolour: blue\n", "colour", "unknown field"},
		{"not Delaware", "state: Delaware", "state: Nevada", "state", `"Nevada" is not allowed (one of Delaware)`},
		{"null date", "incorporated: 1994-11-01", "incorporated: ~", "incorporated", "a value is required here, found nothing (null)"},
		{"null class name", "name: Common Stock", "name: ~", "classes[0].name", "a value is required here"},
		{"date that does not exist", "incorporated: 1994-11-01", "incorporated: 1995-02-29", "incorporated", "does not exist"},
		{"no shares authorized", `authorized: "100000000"`, `authorized: "0"`, "classes[0].authorized", "greater than 0"},
		{"fractional shares authorized", `authorized: "100000000"`, `authorized: "1.5"`, "classes[0].authorized", "whole number"},
		{"float par", `par: "0.001"`, `par: 0.001`, "classes[0].par", "decimal string in quotes"},
		{"negative votes", `votes_per_share: "1"`, `votes_per_share: "-1"`, "classes[0].votes_per_share", "cannot be negative"},
		{"duplicate class", "    votes_per_share: \"1\"\n", "    votes_per_share: \"1\"\n  - id: common\n    name: Common Stock B\n    authorized: \"5\"\n    par: \"0\"\n    votes_per_share: \"0\"\n", "classes[1].id", "appears twice"},
		{"no classes", "classes:\n", "classes: []\nx:\n", "classes", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if strings.Count(base, tt.old) != 1 {
				t.Fatalf("fixture: %q occurs %d times", tt.old, strings.Count(base, tt.old))
			}
			_, _, err := Charter("charter.yaml", []byte(strings.Replace(base, tt.old, tt.new, 1)))
			var es strict.Errors
			if !errors.As(err, &es) {
				t.Fatalf("Charter = %v, want strict.Errors", err)
			}
			for _, e := range es {
				if e.Field == tt.field && strings.Contains(e.Problem, tt.want) && e.File == "charter.yaml" && e.Line > 0 {
					return
				}
			}
			t.Errorf("Charter problems = %v, want one at %s containing %q", err, tt.field, tt.want)
		})
	}
}
