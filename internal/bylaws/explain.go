package bylaws

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"minutebook/internal/corp"
)

// Explanation is what `minutebook bylaws explain RULE-ID` shows: the rule
// with its parameters and citation, the bylaws text it comes from, and the
// readings in force for the ambiguities that bear on it.
type Explanation struct {
	Rule *Rule
	// Passage names the text quoted in Text, e.g. "Art. VIII §1(b)"; "" when
	// the bylaws text does not contain the rule (a statutory rule, or a file
	// without text).
	Passage     string
	Text        string // the clause or section, page-break artefacts removed; paragraphs separated by blank lines
	SectionText string // the whole section the passage belongs to
	Ambiguities []*Ambiguity
	Conventions []Convention
}

// Explain returns the explanation of rule id. An id these bylaws do not
// contain is a corp.NotFound error that names the closest ids.
func (rb *Rulebook) Explain(id string) (*Explanation, error) {
	r := rb.byID[id]
	if r == nil {
		if _, known := ruleIndex[id]; known {
			return nil, corp.E("bylaws.explain", corp.NotFound, "%s has no rule %s (the rule is in the catalogue, but these bylaws do not contain it)", rb.Title, id)
		}
		ids := make([]string, len(rb.rules))
		for i, r := range rb.rules {
			ids[i] = r.ID
		}
		return nil, corp.E("bylaws.explain", corp.NotFound, "no rule %q in %s%s; `minutebook bylaws show` lists the rules", id, rb.Title, suggestion(id, ids))
	}
	e := &Explanation{Rule: r}
	if rb.text != nil {
		if passage, section, ok := rb.text.passage(r.Citation); ok {
			e.Passage = r.Citation.String()
			e.Text = strings.Join(passage, "\n\n")
			e.SectionText = strings.Join(section, "\n\n")
		}
	}
	for _, code := range r.Ambiguities {
		if a := rb.ambiguities[code]; a != nil {
			e.Ambiguities = append(e.Ambiguities, a)
		}
	}
	for _, name := range r.Conventions {
		for _, c := range rb.Conventions.Entries {
			if c.Name == name {
				e.Conventions = append(e.Conventions, c)
			}
		}
	}
	return e, nil
}

// WriteExplain writes an explanation for people, as `minutebook bylaws
// explain RULE-ID` prints it.
func WriteExplain(w io.Writer, e *Explanation) error {
	bw := bufio.NewWriter(w)
	r := e.Rule
	fmt.Fprintf(bw, "%s — %s\n", r.ID, r.Citation.Full())
	fmt.Fprintf(bw, "Kinds: %s", strings.Join(r.Kinds, ", "))
	if len(r.Status) > 0 {
		fmt.Fprintf(bw, "   Status against today's DGCL: %s", strings.Join(r.Status, ", "))
	}
	fmt.Fprintln(bw)
	fmt.Fprintln(bw)
	wrap(bw, r.Summary, "", 78)
	if len(r.Params) > 0 {
		fmt.Fprintln(bw, "\nParameters:")
		writeParams(bw, r.Params, "  ")
	}
	if r.Notes != "" {
		fmt.Fprintln(bw, "\nNotes:")
		wrap(bw, r.Notes, "  ", 78)
	}
	if len(e.Ambiguities) > 0 {
		fmt.Fprintln(bw, "\nAmbiguities (rules.md §4), reading in force:")
		for _, a := range e.Ambiguities {
			writeAmbiguity(bw, a)
		}
	}
	if len(e.Conventions) > 0 {
		fmt.Fprintln(bw, "\nConventions (rules.md §0.1):")
		for _, c := range e.Conventions {
			fmt.Fprintf(bw, "  %s = %s\n", c.Name, c.Value)
			if c.Text != "" {
				wrap(bw, c.Text, "      ", 78)
			}
		}
	}
	switch {
	case e.Passage != "":
		fmt.Fprintf(bw, "\nBylaws text (%s):\n", e.Passage)
		for i, para := range strings.Split(e.Text, "\n\n") {
			if i > 0 {
				fmt.Fprintln(bw)
			}
			wrap(bw, para, "  ", 78)
		}
	case r.Citation.Source == SourceStatute:
		fmt.Fprintf(bw, "\nThe bylaws are silent; the rule is the statute's (%s).\n", r.Citation)
	default:
		fmt.Fprintln(bw, "\nThe bylaws file carries no text for this rule.")
	}
	return bw.Flush()
}

func writeParams(w io.Writer, ps []Param, indent string) {
	width := 0
	for _, p := range ps {
		width = max(width, len(p.Name))
	}
	for _, p := range ps {
		v := FormatValue(p.Value)
		if utf8.RuneCountInString(v) <= 56 {
			fmt.Fprintf(w, "%s%-*s  %s\n", indent, width, p.Name, v)
			continue
		}
		// A long value (a legend) goes on its own lines, wrapped.
		fmt.Fprintf(w, "%s%s\n", indent, p.Name)
		wrap(w, v, strings.Repeat(" ", utf8.RuneCountInString(indent)+4), 78)
	}
}

func writeAmbiguity(w io.Writer, a *Ambiguity) {
	state := ""
	if !a.Stated {
		state = " (catalogue default; the file does not address it)"
	}
	fmt.Fprintf(w, "  %s = %s%s\n", a.Code, a.Choice, state)
	if a.Question != "" {
		wrap(w, a.Question, "      ", 78)
	}
	for _, o := range a.Options {
		mark := " "
		if o.Name == a.Choice {
			mark = "*"
		}
		wrap(w, fmt.Sprintf("%s %s: %s", mark, o.Name, o.Doc), "      ", 78)
	}
	for _, p := range a.Params {
		fmt.Fprintf(w, "      %s = %s\n", p.Name, FormatValue(p.Value))
	}
}

// FormatValue formats a parameter value for people: lists joined by commas,
// fractions and dates in their canonical form.
func FormatValue(v any) string {
	switch v := v.(type) {
	case []string:
		return strings.Join(v, ", ")
	case string:
		return v
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprint(v)
}

// wrap writes s word-wrapped at width columns, each line prefixed.
func wrap(w io.Writer, s, prefix string, width int) {
	line := prefix
	for _, word := range strings.Fields(s) {
		if len(line) > len(prefix) && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width {
			fmt.Fprintln(w, line)
			line = prefix
		}
		if len(line) > len(prefix) {
			line += " "
		}
		line += word
	}
	if len(line) > len(prefix) {
		fmt.Fprintln(w, line)
	}
}
