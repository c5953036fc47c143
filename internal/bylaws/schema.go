package bylaws

import (
	"encoding/json"
	"reflect"
	"slices"

	"minutebook/internal/corp"
	"minutebook/internal/strict"
)

// Schema returns the JSON Schema (draft 2020-12) of the bylaws file format,
// derived from the same structs and catalogue that Parse uses: the rule ids
// are the catalogue's, each with its own parameters, and the ambiguity codes
// and conventions offer exactly the catalogue's options. docs/bylaws.schema.json
// is this output (schema_test.go keeps it current).
func Schema() []byte {
	s := strict.Schema(reflect.TypeFor[fileDoc]())
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["$id"] = "urn:minutebook:bylaws:v1"
	s["title"] = "minutebook bylaws file (" + Format + ")"
	s["description"] = "A corporation's bylaws as a rulebook: rules with citations and typed parameters, engine conventions, and ambiguity readings. See docs/bylaws.md."
	props := s["properties"].(map[string]any)
	props["conventions"] = conventionsSchema(props["conventions"].(map[string]any)["description"])
	props["rules"] = rulesSchema(props["rules"].(map[string]any)["description"])
	s["$defs"] = map[string]any{
		"citation": strict.Schema(reflect.TypeFor[citationDoc]()),
		"kinds":    map[string]any{"type": "array", "items": map[string]any{"type": "string", "enum": kindCodes}, "minItems": 1, "uniqueItems": true, "description": "kind codes of rules.md §0"},
		"status":   map[string]any{"type": "array", "items": map[string]any{"type": "string", "enum": statusCodes}, "uniqueItems": true, "description": "how the rule stands against today's DGCL"},
		"fraction": fractionSchema(),
	}
	for _, v := range vocabularies {
		s["$defs"].(map[string]any)[v.name] = map[string]any{"type": "string", "enum": v.options}
	}
	props["ambiguities"] = ambiguitiesSchema(props["ambiguities"].(map[string]any)["description"])
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

func conventionsSchema(desc any) map[string]any {
	props := map[string]any{}
	var names []string
	for _, c := range conventionSpecs {
		value := map[string]any{"type": "string", "enum": c.optionNames(), "description": optionDocs(c.Options)}
		props[c.Name] = object(map[string]any{
			"value": value,
			"text":  map[string]any{"type": "string"},
			"basis": map[string]any{"type": "string"},
		}, []string{"value"}, "")
		names = append(names, c.Name)
	}
	return object(props, names, desc)
}

func rulesSchema(desc any) map[string]any {
	citation := map[string]any{"$ref": "#/$defs/citation"}
	kinds := map[string]any{"$ref": "#/$defs/kinds"}
	status := map[string]any{"$ref": "#/$defs/status"}
	props := map[string]any{}
	for i := range ruleSpecs {
		spec := &ruleSpecs[i]
		rp := map[string]any{
			"citation": citation,
			"kinds":    kinds,
			"status":   status,
			"summary":  map[string]any{"type": "string", "minLength": 1},
			"notes":    map[string]any{"type": "string"},
		}
		req := []string{"citation", "kinds", "summary"}
		pp, preq := map[string]any{}, []string{}
		for _, p := range spec.Params {
			pp[p.Name] = paramSchema(p)
			if !p.Optional {
				preq = append(preq, p.Name)
			}
		}
		rp["params"] = object(pp, preq, "")
		if len(preq) > 0 {
			req = append(req, "params")
		}
		d := "rule " + spec.ID
		if spec.Mandatory {
			d += " (mandatory)"
		}
		props[spec.ID] = object(rp, req, d)
	}
	return object(props, MandatoryRules(), desc)
}

func ambiguitiesSchema(desc any) map[string]any {
	props := map[string]any{}
	for _, a := range ambiguitySpecs {
		names := a.optionNames()
		pp := map[string]any{}
		for _, p := range a.Params {
			s := paramSchema(p)
			s["default"] = p.Default
			pp[p.Name] = s
		}
		props[a.Code] = object(map[string]any{
			"where":    map[string]any{"type": "string"},
			"question": map[string]any{"type": "string"},
			"choice":   map[string]any{"type": "string", "enum": names, "default": a.Default, "description": optionDocs(a.Options)},
			"options":  map[string]any{"type": "array", "items": map[string]any{"type": "string", "enum": names}, "uniqueItems": true, "minItems": len(names), "maxItems": len(names)},
			"reading":  map[string]any{"type": "string"},
			"params":   object(pp, nil, ""),
		}, []string{"question", "choice"}, a.Code+" ("+a.Where+")")
	}
	return object(props, nil, desc)
}

func object(props map[string]any, required []string, desc any) map[string]any {
	o := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		o["required"] = slices.Clone(required)
	}
	if d, ok := desc.(string); ok && d != "" {
		o["description"] = d
	}
	return o
}

func optionDocs(opts []Option) string {
	s := ""
	for i, o := range opts {
		if i > 0 {
			s += "; "
		}
		s += o.Name + ": " + o.Doc
	}
	return s
}

func paramSchema(p ParamSpec) map[string]any {
	var s map[string]any
	switch p.Type {
	case TypeInt, TypeDays, TypeHours, TypeYears, TypeMonths:
		s = map[string]any{"type": "integer", "minimum": p.Min, "maximum": p.Max}
	case TypeFraction:
		s = map[string]any{"$ref": "#/$defs/fraction"}
	case TypeBool:
		s = map[string]any{"type": "boolean"}
	case TypeDate:
		s = (*corp.Date)(nil).JSONSchema()
	case TypeText:
		s = map[string]any{"type": "string", "minLength": 1}
	case TypeTexts:
		s = map[string]any{"type": "array", "items": map[string]any{"type": "string"}}
	case TypeEnum:
		s = enumSchema(p.Options)
	case TypeEnums:
		s = map[string]any{"type": "array", "items": enumSchema(p.Options), "uniqueItems": true}
	case TypeDecimal:
		s = (*corp.Decimal)(nil).JSONSchema()
	}
	s["description"] = string(p.Type) + ": " + p.Doc
	return s
}

// fractionSchema describes a fraction: text ("50%", "1/2", "0.5") or the
// integer 0 or 1. That a ratio is at most 1 is checked by the parser.
func fractionSchema() map[string]any {
	return map[string]any{
		"description": `a fraction from 0 to 1: "50%", "1/2", "0.5", or 0 or 1; never a floating-point number`,
		"oneOf": []any{
			map[string]any{"type": "string", "pattern": `^(100(\.0+)?%|[0-9]{1,2}(\.[0-9]+)?%|[0-9]+/[0-9]+|0(\.[0-9]+)?|1(\.0+)?)$`},
			map[string]any{"type": "integer", "enum": []int{0, 1}},
		},
	}
}

// vocabularies are the option lists many parameters share; the schema
// defines each once.
var vocabularies = []struct {
	name    string
	options []string
}{
	{"actor", actorOptions},
	{"office", officeOptions},
	{"base", baseOptions},
	{"comparison", comparisonOptions},
	{"relationship", relationOptions},
	{"person_kind", personKindOptions},
	{"committee_matter", matterOptions},
	{"notice_field", noticeFieldOptions},
	{"succession_order", successionOrderOptions},
	{"notice_method", noticeMethodOptions},
}

func enumSchema(options []string) map[string]any {
	for _, v := range vocabularies {
		if slices.Equal(v.options, options) {
			return map[string]any{"$ref": "#/$defs/" + v.name}
		}
	}
	return map[string]any{"type": "string", "enum": options}
}
