package acts

import (
	"reflect"

	"minutebook/internal/strict"
)

// FileSchema returns the JSON Schema (draft 2020-12) of act files: a
// mapping with a list under "acts", a bare list, or a single act, where an
// act's fields follow its kind. Later capabilities' kinds appear in it as
// soon as they are defined.
func FileSchema() map[string]any {
	env := strict.Schema(reflect.TypeFor[envelope]())
	var variants []any
	for _, k := range Kinds() {
		fields := strict.Schema(k.FieldsType())
		fields["description"] = k.Summary
		variants = append(variants, map[string]any{
			"if":   map[string]any{"properties": map[string]any{"kind": map[string]any{"const": k.Name}}, "required": []string{"kind"}},
			"then": map[string]any{"properties": map[string]any{"fields": fields}},
		})
	}
	props := env["properties"].(map[string]any)
	kind := props["kind"].(map[string]any)
	kind["enum"] = kindNames()
	act := map[string]any{
		"type": "object", "properties": props, "required": env["required"], "additionalProperties": false,
		"allOf": variants,
	}
	return map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         "https://minutebook.example/schemas/acts.schema.json",
		"title":       "minutebook act file",
		"description": "Corporate acts for 'minutebook apply'. See docs/acts.md.",
		"$defs":       map[string]any{"act": act},
		"oneOf": []any{
			map[string]any{"type": "object", "properties": map[string]any{"acts": map[string]any{"type": "array", "items": map[string]any{"$ref": "#/$defs/act"}}}, "required": []string{"acts"}, "additionalProperties": false},
			map[string]any{"type": "array", "items": map[string]any{"$ref": "#/$defs/act"}},
			map[string]any{"$ref": "#/$defs/act"},
		},
	}
}
