package bylaws

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
)

// The JSON forms (for --json and the HTTP API) use lower_snake_case keys and
// keep parameters, conventions and rules in file order.

// orderedParams marshals parameters as an object in their order.
type orderedParams []Param

// MarshalJSON writes the parameters as one object, in order.
func (ps orderedParams) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(p.Name)
		v, err := json.Marshal(p.Value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// MarshalJSON implements json.Marshaler.
func (r *Rule) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID          string        `json:"id"`
		Summary     string        `json:"summary"`
		Citation    Citation      `json:"citation"`
		Kinds       []string      `json:"kinds"`
		Status      []string      `json:"status,omitempty"`
		Params      orderedParams `json:"params"`
		Notes       string        `json:"notes,omitempty"`
		Ambiguities []string      `json:"ambiguities,omitempty"`
		Conventions []string      `json:"conventions,omitempty"`
	}{r.ID, r.Summary, r.Citation, r.Kinds, r.Status, r.Params, r.Notes, r.Ambiguities, r.Conventions})
}

type optionJSON struct {
	Name string `json:"name"`
	Doc  string `json:"doc"`
}

// MarshalJSON implements json.Marshaler.
func (a *Ambiguity) MarshalJSON() ([]byte, error) {
	opts := make([]optionJSON, len(a.Options))
	for i, o := range a.Options {
		opts[i] = optionJSON(o)
	}
	return json.Marshal(struct {
		Code     string        `json:"code"`
		Where    string        `json:"where,omitempty"`
		Question string        `json:"question,omitempty"`
		Choice   string        `json:"choice"`
		Reading  string        `json:"reading,omitempty"`
		Options  []optionJSON  `json:"options"`
		Params   orderedParams `json:"params,omitempty"`
		Stated   bool          `json:"stated"`
	}{a.Code, a.Where, a.Question, a.Choice, a.Reading, opts, a.Params, a.Stated})
}

type conventionJSON struct {
	Value string `json:"value"`
	Text  string `json:"text,omitempty"`
	Basis string `json:"basis,omitempty"`
}

// MarshalJSON writes the conventions as an object keyed by name, in file
// order.
func (c Conventions) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range c.Entries {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(e.Name)
		v, err := json.Marshal(conventionJSON{e.Value, e.Text, e.Basis})
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// MarshalJSON writes the rulebook without the bylaws text (Explain gives
// a rule's passage); sha256 is the hex of Hash.
func (rb *Rulebook) MarshalJSON() ([]byte, error) {
	h := rb.Hash()
	return json.Marshal(struct {
		Format      string       `json:"format"`
		Title       string       `json:"title"`
		Corporation string       `json:"corporation"`
		Adopted     string       `json:"adopted"`
		AdoptedBy   string       `json:"adopted_by"`
		Effective   string       `json:"effective"`
		SHA256      string       `json:"sha256"`
		HasText     bool         `json:"has_text"`
		Conventions Conventions  `json:"conventions"`
		Rules       []*Rule      `json:"rules"`
		Ambiguities []*Ambiguity `json:"ambiguities"`
	}{rb.Format, rb.Title, rb.Corporation, rb.Adopted.String(), rb.AdoptedBy, rb.Effective.String(), hex.EncodeToString(h[:]), rb.BylawsText != "", rb.Conventions, rb.rules, rb.Ambiguities()})
}

// MarshalJSON implements json.Marshaler. section_text is present only when
// the passage is a part of its section.
func (e *Explanation) MarshalJSON() ([]byte, error) {
	sectionText := e.SectionText
	if sectionText == e.Text {
		sectionText = "" // the passage is the whole section
	}
	convs := map[string]conventionJSON{}
	for _, c := range e.Conventions {
		convs[c.Name] = conventionJSON{c.Value, c.Text, c.Basis}
	}
	return json.Marshal(struct {
		Rule        *Rule                     `json:"rule"`
		Passage     string                    `json:"passage,omitempty"`
		Text        string                    `json:"text,omitempty"`
		SectionText string                    `json:"section_text,omitempty"`
		Ambiguities []*Ambiguity              `json:"ambiguities,omitempty"`
		Conventions map[string]conventionJSON `json:"conventions,omitempty"`
	}{e.Rule, e.Passage, e.Text, sectionText, e.Ambiguities, convs})
}
