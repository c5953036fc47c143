package bylaws

import (
	"encoding/json"
	"strings"
)

// Where a rule comes from (Citation.Source).
const (
	SourceBylaws               = ""                      // the bylaws text: article, section, clause
	SourceStatute              = "statute"               // the DGCL alone; the bylaws are silent
	SourceSecretaryCertificate = "secretary_certificate" // the Secretary's certificate of adoption
)

// Citation says where a rule comes from: the article, section and clause of
// the bylaws, and the DGCL section that stands behind it or overrides it.
// Clause is written as the bylaws number it: "(b)", "(f)(1)", or "¶2" for
// the second paragraph of a section.
type Citation struct {
	Article string // Roman numeral, e.g. "VIII"
	Section string // e.g. "1"
	Clause  string // e.g. "(b)", "(f)(1)", "¶2"; "" for the whole section
	DGCL    string // e.g. "§216" or "§222(b); §232(a)"; "" when none applies
	Source  string // SourceBylaws, SourceStatute or SourceSecretaryCertificate
}

// String formats the bylaws citation: "Art. II §8", "Art. VIII §1(b)",
// "Art. II §10 ¶2". A rule the bylaws do not contain cites its statute
// ("DGCL §213(b)") or the Secretary's certificate.
func (c Citation) String() string {
	switch c.Source {
	case SourceStatute:
		if c.DGCL == "" {
			return "statute"
		}
		return "DGCL " + c.DGCL
	case SourceSecretaryCertificate:
		return "Certificate of Secretary"
	}
	s := "Art. " + c.Article
	if c.Section != "" {
		s += " §" + c.Section
	}
	if strings.HasPrefix(c.Clause, "¶") {
		s += " "
	}
	return s + c.Clause
}

// Full adds the DGCL section: "Art. II §8; DGCL §216".
func (c Citation) Full() string {
	if c.DGCL == "" || c.Source == SourceStatute {
		return c.String()
	}
	return c.String() + "; DGCL " + c.DGCL
}

// MarshalJSON writes the parts together with both renderings.
func (c Citation) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Source  string `json:"source,omitempty"`
		Article string `json:"article,omitempty"`
		Section string `json:"section,omitempty"`
		Clause  string `json:"clause,omitempty"`
		DGCL    string `json:"dgcl,omitempty"`
		Text    string `json:"text"`
		Full    string `json:"full"`
	}{c.Source, c.Article, c.Section, c.Clause, c.DGCL, c.String(), c.Full()})
}
