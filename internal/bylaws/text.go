package bylaws

import (
	"regexp"
	"strconv"
	"strings"
)

// textIndex locates the sections of a bylaws text. It reads the layout of a
// typed or EDGAR exhibit: "ARTICLE <roman>" headings, paragraphs that open
// with "Section <n>.", clauses that open with "(a)" or "(1)", centred
// all-capital subheadings, and page numbers standing alone on a line. Page
// numbers are removed, and a paragraph that a page break interrupted (its
// continuation starts at the left margin) is joined up again.
type textIndex struct {
	sections    map[string]*textSection // by "ARTICLE/SECTION", e.g. "VIII/1"
	order       []string
	certificate []string // paragraphs of the Secretary's certificate, if any
}

type textSection struct {
	article, number string
	paragraphs      []string // reflowed: one line per paragraph
}

var (
	articleRE   = regexp.MustCompile(`(?i)^ARTICLE\s+([IVXLC]+)\.?$`)
	sectionRE   = regexp.MustCompile(`^(?:Section|SECTION|Sec\.)\s+(\d+)\.`)
	letterRE    = regexp.MustCompile(`^\(([a-z])\)\s`)
	clausePartE = regexp.MustCompile(`\(([a-z0-9]+)\)`)
)

func isPageNumber(line string) bool {
	t := strings.TrimSpace(line)
	if t == "" || len(t) > 4 {
		return false
	}
	for _, c := range t {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func isBlank(line string) bool { return strings.TrimSpace(line) == "" }

// cleanLines removes page numbers and rejoins paragraphs split by a page
// break. Blank lines separate paragraphs in the result; runs of blank lines
// become one.
func cleanLines(raw string) []string {
	lines := strings.Split(strings.ReplaceAll(raw, "\r\n", "\n"), "\n")
	var out []string
	for i := 0; i < len(lines); {
		if !isBlank(lines[i]) && !isPageNumber(lines[i]) {
			out = append(out, strings.TrimRight(lines[i], " \t"))
			i++
			continue
		}
		j, pageBreak := i, false
		for j < len(lines) && (isBlank(lines[j]) || isPageNumber(lines[j])) {
			pageBreak = pageBreak || isPageNumber(lines[j])
			j++
		}
		if j == len(lines) {
			break
		}
		continuation := pageBreak && lines[j][0] != ' ' && lines[j][0] != '\t'
		if len(out) > 0 && !continuation {
			out = append(out, "")
		}
		i = j
	}
	return out
}

func indentOf(line string) int { return len(line) - len(strings.TrimLeft(line, " \t")) }

// isHeading reports whether a paragraph is a centred subheading: indented
// by 20 or more and with no lower-case letter.
func isHeading(lines []string) bool {
	if indentOf(lines[0]) < 20 {
		return false
	}
	letters := false
	for _, l := range lines {
		for _, c := range l {
			if c >= 'a' && c <= 'z' {
				return false
			}
			if c >= 'A' && c <= 'Z' {
				letters = true
			}
		}
	}
	return letters
}

func reflow(lines []string) string {
	var words []string
	for _, l := range lines {
		words = append(words, strings.Fields(l)...)
	}
	return strings.Join(words, " ")
}

func indexText(raw string) *textIndex {
	ix := &textIndex{sections: map[string]*textSection{}}
	var paras [][]string
	var cur []string
	for _, l := range append(cleanLines(raw), "") {
		if l == "" {
			if cur != nil {
				paras = append(paras, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	article := ""
	var sec *textSection
	inCertificate := false
	for _, p := range paras {
		text := reflow(p)
		if m := articleRE.FindStringSubmatch(text); m != nil {
			article, sec, inCertificate = strings.ToUpper(m[1]), nil, false
			continue
		}
		if isHeading(p) {
			if strings.HasPrefix(text, "CERTIFICATE OF SECRETARY") {
				inCertificate, sec = true, nil
			} else if !inCertificate {
				sec = nil
			}
			continue
		}
		if inCertificate {
			ix.certificate = append(ix.certificate, text)
			continue
		}
		if m := sectionRE.FindStringSubmatch(text); m != nil && article != "" {
			key := article + "/" + m[1]
			if _, dup := ix.sections[key]; !dup {
				sec = &textSection{article: article, number: m[1]}
				ix.sections[key] = sec
				ix.order = append(ix.order, key)
				sec.paragraphs = append(sec.paragraphs, text)
				continue
			}
		}
		if sec != nil {
			sec.paragraphs = append(sec.paragraphs, text)
		}
	}
	return ix
}

// section returns the paragraphs of article §section.
func (ix *textIndex) section(article, section string) []string {
	if s := ix.sections[article+"/"+section]; s != nil {
		return s.paragraphs
	}
	return nil
}

// passage returns the paragraphs a citation points at, and those of the
// whole section. ok is false when the text has no such passage.
func (ix *textIndex) passage(c Citation) (passage, section []string, ok bool) {
	switch c.Source {
	case SourceStatute:
		return nil, nil, false
	case SourceSecretaryCertificate:
		return ix.certificate, ix.certificate, len(ix.certificate) > 0
	}
	section = ix.section(c.Article, c.Section)
	if section == nil {
		return nil, nil, false
	}
	if c.Clause == "" {
		return section, section, true
	}
	if n, found := strings.CutPrefix(c.Clause, "¶"); found {
		i, err := strconv.Atoi(n)
		if err != nil || i < 1 || i > len(section) {
			return nil, section, false
		}
		return section[i-1 : i], section, true
	}
	parts := clausePartE.FindAllStringSubmatch(c.Clause, -1)
	if len(parts) == 0 {
		return nil, section, false
	}
	// The first part is a lettered clause running to the next letter.
	block := letterBlock(section, parts[0][1])
	// Each further part is one numbered (or lettered) paragraph inside it.
	for _, part := range parts[1:] {
		block = subParagraph(block, part[1])
	}
	return block, section, len(block) > 0
}

func letterBlock(paras []string, letter string) []string {
	start := -1
	for i, p := range paras {
		if strings.HasPrefix(p, "("+letter+") ") {
			start = i
			break
		}
	}
	if start < 0 {
		return nil
	}
	end := start + 1
	for end < len(paras) && !letterRE.MatchString(paras[end]) {
		end++
	}
	return paras[start:end]
}

func subParagraph(paras []string, label string) []string {
	for i, p := range paras {
		if i > 0 && strings.HasPrefix(p, "("+label+") ") {
			return paras[i : i+1]
		}
	}
	return nil
}

// sectionKeys lists the sections found, as "Art. II §8", in text order.
func (ix *textIndex) sectionKeys() []string {
	out := make([]string, len(ix.order))
	for i, k := range ix.order {
		a, s, _ := strings.Cut(k, "/")
		out[i] = "Art. " + a + " §" + s
	}
	return out
}
