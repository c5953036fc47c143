package bylaws

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"io"
	"strings"

	"minutebook/internal/corp"
)

// WriteShow writes, for people, every rule of rb in force on date on: its
// id, citation, kinds and parameters; then the conventions and the
// ambiguity readings. Rules that have ended by their own terms (the right of
// first refusal after its termination date) are listed as ended. A zero date
// shows the rulebook without regard to date. It is what `minutebook bylaws
// show` prints.
func WriteShow(w io.Writer, rb *Rulebook, on corp.Date) error {
	if !on.IsZero() && on.Before(rb.Effective) {
		return corp.E("bylaws.show", corp.Invalid, "%s take effect on %s, after %s", rb.Title, rb.Effective, on)
	}
	bw := bufio.NewWriter(w)
	h := rb.Hash()
	fmt.Fprintln(bw, rb.Title)
	fmt.Fprintf(bw, "Corporation: %s\n", rb.Corporation)
	fmt.Fprintf(bw, "Adopted %s by the %s; effective %s\n", rb.Adopted, rb.AdoptedBy, rb.Effective)
	fmt.Fprintf(bw, "Format %s; SHA-256 %s\n", rb.Format, hex.EncodeToString(h[:]))
	if !on.IsZero() {
		fmt.Fprintf(bw, "In force on %s\n", on)
	}

	var ended []*Rule
	fmt.Fprintf(bw, "\nRules (%d)\n", len(rb.rules))
	for _, r := range rb.rules {
		if !on.IsZero() && !rb.InForce(r.ID, on) {
			ended = append(ended, r)
			continue
		}
		fmt.Fprintf(bw, "\n%s  %s  [%s]\n", r.ID, r.Citation.Full(), strings.Join(r.Kinds, "+"))
		wrap(bw, r.Summary, "    ", 78)
		writeParams(bw, r.Params, "    · ")
	}
	if len(ended) > 0 {
		end, _ := rb.rofrEnd()
		fmt.Fprintf(bw, "\nEnded before %s (%d): the right of first refusal ended on %s (%s)\n", on, len(ended), end, rb.byID["VIII.1.i.termination"].Citation)
		for _, r := range ended {
			fmt.Fprintf(bw, "  %s  %s\n", r.ID, r.Citation)
		}
	}

	fmt.Fprintln(bw, "\nConventions (rules.md §0.1)")
	width := 0
	for _, c := range rb.Conventions.Entries {
		width = max(width, len(c.Name))
	}
	for _, c := range rb.Conventions.Entries {
		fmt.Fprintf(bw, "  %-*s  %s\n", width, c.Name, c.Value)
	}

	fmt.Fprintln(bw, "\nAmbiguities (rules.md §4): reading in force, options")
	for _, a := range rb.Ambiguities() {
		opts := make([]string, len(a.Options))
		for i, o := range a.Options {
			opts[i] = o.Name
		}
		state := ""
		if !a.Stated {
			state = " (default)"
		}
		fmt.Fprintf(bw, "  %-15s %s%s  [%s]", a.Code, a.Choice, state, strings.Join(opts, " | "))
		for _, p := range a.Params {
			fmt.Fprintf(bw, "  %s=%s", p.Name, FormatValue(p.Value))
		}
		fmt.Fprintln(bw)
	}
	return bw.Flush()
}
