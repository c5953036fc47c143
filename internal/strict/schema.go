package strict

import (
	"reflect"
)

// Schemer is implemented by scalar types that describe themselves in JSON
// Schema (for example a date with its pattern).
type Schemer interface{ JSONSchema() map[string]any }

// Schema returns the JSON Schema (draft 2020-12) of the documents that
// Decode accepts for values of type t.
func Schema(t reflect.Type) map[string]any {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if s, ok := reflect.New(t).Interface().(Schemer); ok {
		return s.JSONSchema()
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return map[string]any{"type": "string", "description": expectText(t)}
	}
	switch t.Kind() {
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return map[string]any{"type": "integer"}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer", "minimum": 0}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": Schema(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": Schema(t.Elem())}
	case reflect.Struct:
		if t == nodeType {
			return map[string]any{}
		}
		props := map[string]any{}
		var req []string
		for _, f := range orderedFields(t) {
			p := Schema(f.typ)
			if f.doc != "" {
				p["description"] = f.doc
			}
			if len(f.enum) > 0 {
				p["enum"] = f.enum
			}
			props[f.name] = p
			if f.required {
				req = append(req, f.name)
			}
		}
		s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
		if len(req) > 0 {
			s["required"] = req
		}
		return s
	}
	return map[string]any{}
}
