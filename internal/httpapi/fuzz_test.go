package httpapi_test

import (
	"testing"
)

// FuzzActsBody posts arbitrary bytes as acts (dry runs and real ones, with
// and without an Idempotency-Key) and arbitrary login bodies: the API
// answers 2xx or 4xx with a JSON body, never a 5xx.
func FuzzActsBody(f *testing.F) {
	for _, s := range []string{
		transferAlice1, `[]`, `{}`, `{"acts": []}`, `{"acts": [` + transferAlice1 + `]}`, `[` + transferAlice1 + `,` + transferAlice1 + `]`,
		`{"kind": "proxy.grant"}`, `{"kind": "stock.issue", "effective": "2004-99-01"}`, `null`, `"x"`, `{"kind": 7}`, "kind: stock.transfer\n",
		`{"kind": "stock.transfer", "effective": "2004-06-08", "actor": {"person": "susan", "as": "secretary"}, "fields": {"certificate": -1, "to": "", "shares": "1e9"}}`,
	} {
		f.Add([]byte(s), false, "")
	}
	f.Add([]byte(transferAlice1), true, "key")
	e := newEnv(f, "sqlite")
	f.Fuzz(func(t *testing.T, body []byte, dry bool, key string) {
		e.t = t // the targets run one at a time in a process
		path := "/api/corporations/quintus/acts"
		if dry {
			path += "?dry_run=true"
		}
		var h []string
		if key != "" {
			h = []string{"Idempotency-Key", key}
		}
		r := e.doBytes("secretary", "POST", path, body, h...)
		if r.status >= 500 || r.status < 200 {
			t.Fatalf("acts %q: %d %s", body, r.status, r.body)
		}
		if r.header.Get("Content-Type") != "application/json" && r.header.Get("Content-Type") != "application/problem+json" {
			t.Fatalf("acts %q: Content-Type %q", body, r.header.Get("Content-Type"))
		}
	})
}

// FuzzLoginBody posts arbitrary login bodies: 2xx or 4xx, never a 5xx.
func FuzzLoginBody(f *testing.F) {
	for _, s := range []string{`{"email": "bob@example.com", "password": "` + password + `"}`, `{}`, `{"email": 1}`, `[`, `{"email": "x", "password": "", "totp": "000000"}`, ""} {
		f.Add([]byte(s))
	}
	e := newEnv(f, "sqlite")
	f.Fuzz(func(t *testing.T, body []byte) {
		e.t = t
		r := e.doBytes("", "POST", "/api/login", body)
		if r.status >= 500 || r.status < 200 {
			t.Fatalf("login %q: %d %s", body, r.status, r.body)
		}
	})
}
