package bylaws

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

const schemaPath = "../../docs/bylaws.schema.json"

// TestSchemaGolden keeps docs/bylaws.schema.json equal to Schema(); run
// go test ./internal/bylaws -run Schema -update after changing the format
// or the catalogue.
func TestSchemaGolden(t *testing.T) {
	t.Parallel()
	golden(t, schemaPath, Schema())
}

func TestSchemaCoversCatalogue(t *testing.T) {
	t.Parallel()
	var s struct {
		Properties struct {
			Rules struct {
				Properties map[string]struct {
					Properties struct {
						Params struct {
							Properties map[string]any `json:"properties"`
							Required   []string       `json:"required"`
						} `json:"params"`
					} `json:"properties"`
				} `json:"properties"`
				Required             []string `json:"required"`
				AdditionalProperties bool     `json:"additionalProperties"`
			} `json:"rules"`
			Ambiguities struct {
				Properties map[string]struct {
					Properties struct {
						Choice struct {
							Enum []string `json:"enum"`
						} `json:"choice"`
					} `json:"properties"`
				} `json:"properties"`
			} `json:"ambiguities"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(Schema(), &s); err != nil {
		t.Fatal(err)
	}
	rules := s.Properties.Rules
	if rules.AdditionalProperties || !slices.Equal(rules.Required, MandatoryRules()) {
		t.Errorf("rules: additionalProperties %v, required %v; want false and the mandatory rules", rules.AdditionalProperties, rules.Required)
	}
	for _, spec := range Catalogue() {
		r, ok := rules.Properties[spec.ID]
		if !ok {
			t.Errorf("the schema lacks rule %s", spec.ID)
			continue
		}
		for _, p := range spec.Params {
			if _, ok := r.Properties.Params.Properties[p.Name]; !ok {
				t.Errorf("the schema lacks %s.params.%s", spec.ID, p.Name)
			}
		}
	}
	for _, a := range AmbiguityCatalogue() {
		got := s.Properties.Ambiguities.Properties[a.Code].Properties.Choice.Enum
		if !slices.Equal(got, a.optionNames()) {
			t.Errorf("the schema offers %v for %s, want %v", got, a.Code, a.optionNames())
		}
	}
}

// TestDocsListMandatoryRules keeps the list in docs/bylaws.md current.
func TestDocsListMandatoryRules(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile("../../docs/bylaws.md")
	if err != nil {
		t.Fatal(err)
	}
	_, list, ok := strings.Cut(string(doc), "## Mandatory rules")
	if !ok {
		t.Fatal("docs/bylaws.md has no section \"## Mandatory rules\"")
	}
	list, _, _ = strings.Cut(list, "\n## ")
	for _, id := range MandatoryRules() {
		if !strings.Contains(list, "`"+id+"`") {
			t.Errorf("docs/bylaws.md does not list the mandatory rule %s", id)
		}
	}
	for _, spec := range Catalogue() {
		if !spec.Mandatory && strings.Contains(list, "`"+spec.ID+"`") {
			t.Errorf("docs/bylaws.md lists %s as mandatory; the catalogue does not", spec.ID)
		}
	}
	// The appendix lists every rule id with its parameters.
	_, appendix, ok := strings.Cut(string(doc), "## Appendix: rule ids and parameters")
	if !ok {
		t.Fatal("docs/bylaws.md has no appendix of rule ids")
	}
	for _, spec := range Catalogue() {
		line := ""
		for _, l := range strings.Split(appendix, "\n") {
			if strings.HasPrefix(l, "| `"+spec.ID+"`") {
				line = l
			}
		}
		if line == "" {
			t.Errorf("the appendix of docs/bylaws.md lacks %s", spec.ID)
			continue
		}
		for _, p := range spec.Params {
			if !strings.Contains(line, "`"+p.Name+"` ("+string(p.Type)+")") {
				t.Errorf("the appendix of docs/bylaws.md lacks %s's parameter %s (%s)", spec.ID, p.Name, p.Type)
			}
		}
	}
}
