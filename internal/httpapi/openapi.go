package httpapi

import (
	"encoding"
	"encoding/json"
	"net/http"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/invopop/jsonschema"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/journal"
)

// OpenAPI builds the API's OpenAPI 3.1 document from the route table: every
// route with its parameters, request and response schemas (reflected from
// the Go types it names), its access policy (x-policy) and its problems.
func (s *Server) OpenAPI() map[string]any {
	paths := map[string]any{}
	for _, rt := range s.routes {
		item, _ := paths[rt.Path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[rt.Path] = item
		}
		item[strings.ToLower(rt.Method)] = operation(rt)
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":       "minutebook API",
			"version":     "1",
			"description": "Every act and query of minutebook over JSON, through the one act path. Errors are RFC 9457 problem details (application/problem+json) carrying the failed rules with their citations. See docs/api.md.",
		},
		"paths": paths,
		"components": map[string]any{
			"securitySchemes": map[string]any{
				"bearer":  map[string]any{"type": "http", "scheme": "bearer", "description": "the token POST /api/login returns"},
				"session": map[string]any{"type": "apiKey", "in": "cookie", "name": SessionCookie},
			},
			"schemas": map[string]any{"Problem": schemaOf(Problem{})},
			"responses": map[string]any{
				"Problem": map[string]any{
					"description": "an RFC 9457 problem: " + strings.Join(problemList(), ", "),
					"content":     map[string]any{"application/problem+json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Problem"}}},
				},
			},
		},
	}
}

var pathParam = regexp.MustCompile(`\{([a-z_]+)\}`)

func operation(rt Route) map[string]any {
	op := map[string]any{
		"summary":     rt.Summary,
		"operationId": operationID(rt),
		"x-policy":    rt.Policy.Name,
	}
	var params []any
	for _, m := range pathParam.FindAllStringSubmatch(rt.Path, -1) {
		params = append(params, map[string]any{"name": m[1], "in": "path", "required": true, "schema": map[string]any{"type": "string"}})
	}
	for _, q := range rt.Query {
		params = append(params, map[string]any{"name": q.Name, "in": "query", "required": q.Required, "description": q.Doc, "schema": map[string]any{"type": "string"}})
	}
	if rt.Write {
		params = append(params, map[string]any{"name": "Idempotency-Key", "in": "header", "description": "the same key with the same request returns the first answer; with another request, 422", "schema": map[string]any{"type": "string", "maxLength": 255}})
	}
	if params != nil {
		op["parameters"] = params
	}
	if rt.Body != nil {
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{"schema": schemaOf(rt.Body)}}}
	}
	ok := map[string]any{"description": "OK"}
	switch {
	case rt.Produces != "":
		ok["content"] = map[string]any{rt.Produces: map[string]any{"schema": map[string]any{"type": "string", "format": "binary"}}}
	case rt.Response != nil:
		ok["content"] = map[string]any{"application/json": map[string]any{"schema": schemaOf(rt.Response)}}
	}
	status := "200"
	switch {
	case rt.Status != 0:
		status = strconv.Itoa(rt.Status)
	case rt.Response == nil && rt.Produces == "":
		status, ok = "204", map[string]any{"description": "done"}
	}
	problem := map[string]any{"$ref": "#/components/responses/Problem"}
	resp := map[string]any{status: ok, "default": problem}
	if rt.Path == actsPath {
		resp["200"] = map[string]any{"description": "dry run: every check passed", "content": ok["content"]}
	}
	op["responses"] = resp
	if !rt.Policy.Public {
		op["security"] = []any{map[string]any{"bearer": []any{}}, map[string]any{"session": []any{}}}
	}
	return op
}

func operationID(rt Route) string {
	p := strings.TrimPrefix(rt.Path, "/api/")
	p = pathParam.ReplaceAllString(p, "by_$1")
	p = strings.NewReplacer("/", "_", ".", "_", "-", "_").Replace(p)
	return strings.ToLower(rt.Method) + "_" + p
}

var (
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
	schemaMu      sync.Mutex
	schemaCache   = map[reflect.Type]*jsonschema.Schema{}
)

// schemaOf reflects a Go value's type into a JSON Schema (2020-12, which
// OpenAPI 3.1 uses), inline. Types that marshal as text (dates, decimals,
// outcomes) are strings.
func schemaOf(v any) *jsonschema.Schema {
	t := reflect.TypeOf(v)
	schemaMu.Lock()
	defer schemaMu.Unlock()
	if s, ok := schemaCache[t]; ok {
		return s
	}
	r := &jsonschema.Reflector{Anonymous: true, DoNotReference: true, AllowAdditionalProperties: true, Mapper: mapType}
	s := r.ReflectFromType(t)
	s.Version = ""
	schemaCache[t] = s
	return s
}

func mapType(t reflect.Type) *jsonschema.Schema {
	switch t {
	case reflect.TypeFor[json.RawMessage]():
		return &jsonschema.Schema{Description: "a JSON value, as documented for the CLI's --json"}
	case reflect.TypeFor[corp.Date]():
		return &jsonschema.Schema{Type: "string", Format: "date", Description: "a civil date in the corporation's time zone"}
	case reflect.TypeFor[corp.Decimal]():
		return &jsonschema.Schema{Type: "string", Pattern: `^-?[0-9]+(\.[0-9]+)?$`, Description: "an exact decimal"}
	case reflect.TypeFor[journal.Outcome]():
		return &jsonschema.Schema{Type: "string", Enum: []any{"held", "warned", "failed"}}
	case reflect.TypeFor[acts.Status]():
		return &jsonschema.Schema{Type: "string", Enum: []any{string(acts.Recorded), string(acts.Refused), string(acts.Invalid), string(acts.Checked), string(acts.Skipped), string(acts.RolledBack)}}
	}
	if t.Kind() != reflect.Interface && (t.Implements(textMarshaler) || reflect.PointerTo(t).Implements(textMarshaler)) {
		return &jsonschema.Schema{Type: "string"}
	}
	return nil
}

func getOpenAPI(c *Call) (any, error) { return c.S.OpenAPI(), nil }

func problemList() []string {
	var out []string
	for _, st := range []int{400, 401, 403, 404, 409, 422, 429, 500} {
		out = append(out, http.StatusText(st)+" ("+ProblemTypes[st]+")")
	}
	return out
}
