package httpapi_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
)

// TestOpenAPI checks the document served at /api/openapi.json: it is a
// valid OpenAPI 3.1 document (against the specification's schema, with
// libopenapi-validator); its operations are exactly the routes the server
// serves, probed one by one through the real handler; and real responses
// of the API validate against their operations' response schemas.
func TestOpenAPI(t *testing.T) {
	t.Parallel()
	e := newEnv(t, "sqlite")
	r := e.do("", "GET", "/api/openapi.json", "")
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
		t.Fatalf("GET /api/openapi.json = %d %s", r.status, r.header.Get("Content-Type"))
	}
	doc, err := libopenapi.NewDocument(r.body)
	if err != nil {
		t.Fatal(err)
	}
	if v := doc.GetVersion(); v != "3.1.0" {
		t.Errorf("openapi = %q, want 3.1.0", v)
	}
	v, errs := validator.NewValidator(doc)
	if len(errs) > 0 {
		t.Fatalf("NewValidator: %v", errs)
	}
	if ok, verrs := v.ValidateDocument(); !ok {
		for _, ve := range verrs {
			t.Errorf("the document is not valid OpenAPI 3.1: %s: %s", ve.Message, ve.Reason)
			for _, se := range ve.SchemaValidationErrors {
				t.Errorf("  %s at %s", se.Reason, se.FieldPath)
			}
		}
	}

	// The document's operations and the routes, both ways.
	var d struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(r.body, &d); err != nil {
		t.Fatal(err)
	}
	inDoc := map[string]bool{}
	for p, ops := range d.Paths {
		for m := range ops {
			inDoc[strings.ToUpper(m)+" "+p] = true
		}
	}
	routes := map[string]bool{}
	for _, rt := range e.api.Routes() {
		routes[rt.Method+" "+rt.Path] = true
		if !inDoc[rt.Method+" "+rt.Path] {
			t.Errorf("route %s %s is not in the OpenAPI document", rt.Method, rt.Path)
		}
	}
	var ops []string
	for op := range inDoc {
		ops = append(ops, op)
		if !routes[op] {
			t.Errorf("the OpenAPI document has %s, which is not a route", op)
		}
	}
	sort.Strings(ops)
	// Each operation of the document is served by the real handler: without
	// a login it answers from the route (its policy, or a public route's
	// answer), never the "no such route" of a path the API does not have.
	noRoute := e.do("", "GET", "/api/corporations/quintus/no-such-thing", "")
	if noRoute.status != 404 || !strings.Contains(string(noRoute.body), "no such route") {
		t.Fatalf("an unknown path = %d %s", noRoute.status, noRoute.body)
	}
	for _, op := range ops {
		method, path, _ := strings.Cut(op, " ")
		path = param.ReplaceAllStringFunc(path, func(m string) string {
			if m == "{corp}" {
				return "quintus"
			}
			if m == "{person}" {
				return "alice"
			}
			return pathValues[m[1:len(m)-1]]
		})
		body := ""
		if method != "GET" {
			body = "{"
		}
		r := e.do("", method, path, body)
		if r.status == 404 && strings.Contains(string(r.body), "no such route") || r.status == 405 {
			t.Errorf("%s: the handler does not serve it (%d %s)", op, r.status, r.body)
		}
	}

	// Real responses validate against their schemas.
	for _, path := range []string{
		"/api/me", "/api/corporations", "/api/corporations/quintus", "/api/corporations/quintus/persons",
		"/api/corporations/quintus/holders?as_of=2004-06-01", "/api/corporations/quintus/holders/fully-diluted",
		"/api/corporations/quintus/holders/alice", "/api/corporations/quintus/holders/alice/certificates",
		"/api/corporations/quintus/holders/alice/proxies", "/api/corporations/quintus/certificates?limit=2",
		"/api/corporations/quintus/certificates/1", "/api/corporations/quintus/instruments",
		"/api/corporations/quintus/stocklist?record_date=2004-05-14", "/api/corporations/quintus/officers",
		"/api/corporations/quintus/board/directors", "/api/corporations/quintus/board/meetings",
		"/api/corporations/quintus/board/committees", "/api/corporations/quintus/board/court",
		"/api/corporations/quintus/meetings", "/api/corporations/quintus/meetings/m",
		"/api/corporations/quintus/meetings/m/notice-facts", "/api/corporations/quintus/meetings/m/list-log",
		"/api/corporations/quintus/meetings/m/list?limit=1", "/api/corporations/quintus/consents",
		"/api/corporations/quintus/proxies", "/api/corporations/quintus/dividends", "/api/corporations/quintus/resolutions",
		"/api/corporations/quintus/indemnification", "/api/corporations/quintus/bylaws/certificate?on=2004-06-01",
		"/api/corporations/quintus/calendar", "/api/corporations/quintus/journal?limit=3",
		"/api/corporations/quintus/journal/verify", "/api/vote/threshold?shares=1000&seats=3&elect=1",
		"/api/accounts",
	} {
		who := "secretary"
		if path == "/api/accounts" {
			who = "admin"
		}
		req, _ := http.NewRequest("GET", e.srv.URL+path, nil)
		req.Header.Set("Authorization", "Bearer "+e.tokens[who])
		res, err := e.srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Errorf("GET %s = %d: %s", path, res.StatusCode, b)
			continue
		}
		res.Body = io.NopCloser(bytes.NewReader(b))
		if ok, verrs := v.ValidateHttpResponse(req, res); !ok {
			for _, ve := range verrs {
				t.Errorf("GET %s: the response does not validate: %s: %s", path, ve.Message, ve.Reason)
				for _, se := range ve.SchemaValidationErrors {
					t.Errorf("  %s at %s", se.Reason, se.FieldPath)
				}
			}
		}
	}
}
