package httpapi_test

import (
	"bytes"
	"context"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"minutebook/internal/access"
	"minutebook/internal/accounts"
	"minutebook/internal/acts"
	"minutebook/internal/httpapi"
	"minutebook/internal/journal"
	"minutebook/internal/postgres"
	"minutebook/internal/sqlite"
	"minutebook/internal/testdb"
)

// now is the server's clock in every test: 2004-06-08, noon in Fremont,
// inside the Art. II §4 window of meeting m (2004-06-15; list open
// 2004-06-05 … 2004-06-14).
var now = time.Date(2004, 6, 8, 19, 0, 0, 0, time.UTC)

const password = "correct horse battery staple"

// env is one API server on a real store with the demo corporation
// (quintus), a second corporation (beta) and a login for every role.
type env struct {
	t      testing.TB
	store  string
	srv    *httptest.Server
	api    *httpapi.Server
	svc    *acts.Service
	acc    *accounts.Service
	tokens map[string]string // principal name -> session token
}

// principal is a login of the tests: its grants, by name.
type principal struct {
	name, email string
	admin       bool
	corp        string
	role        access.Role
	person      string
}

// principals are the logins every test has: one per role in quintus (as
// the persons of the demo), the secretary of beta and the deployment
// administrator.
var principals = []principal{
	{name: "secretary", email: "susan@quintus.example", corp: "quintus", role: access.Secretary, person: "susan"},
	{name: "director", email: "pat@quintus.example", corp: "quintus", role: access.Director, person: "pat"},
	{name: "officer", email: "ray@quintus.example", corp: "quintus", role: access.Officer, person: "ray"},
	{name: "stockholder", email: "alice@example.com", corp: "quintus", role: access.Stockholder, person: "alice"},
	{name: "bob", email: "bob@example.com", corp: "quintus", role: access.Stockholder, person: "bob"},
	{name: "inspector", email: "tom@quintus.example", corp: "quintus", role: access.Inspector, person: "tom"},
	{name: "auditor", email: "auditor@quintus.example", corp: "quintus", role: access.Auditor},
	{name: "beta-secretary", email: "sec@beta.example", corp: "beta", role: access.Secretary, person: "bsec"},
	{name: "admin", email: "admin@minutebook.example", admin: true},
}

// fixture is what every env records after the demo: beta; a stockholders'
// meeting m on 2004-06-15 with record date 2004-05-14, noticed and its list
// prepared; Bob's and Alice's requests to examine the list.
const fixture = `
- {kind: corporation.create, effective: 2000-01-03, actor: {as: secretary}, fields: {id: beta, legal_name: Beta Inc., state: Delaware, time_zone: America/New_York, incorporation_date: 2000-01-03,
   registered_office: {lines: ["1 Main St"], city: Dover, region: DE, postal_code: "19901", country: US}, principal_office: {lines: ["1 Main St"], city: Dover, region: DE, postal_code: "19901", country: US},
   fiscal_year_end: "12-31", charter: {classes: [{id: common, name: Common Stock, authorized: "1000000", par: "0.01", votes_per_share: "1"}]}, bylaws: {default: true}}}
`

const quintusFixture = `
- {kind: officer.elect, effective: 2002-01-07, actor: {as: board}, fields: {office: secretary, person: susan, resolution: "Board resolution 2002-01-07 #1"}}
- {kind: officer.elect, effective: 2002-01-07, actor: {as: board}, fields: {office: president, person: ray, resolution: "Board resolution 2002-01-07 #2"}}
- {kind: meeting.call, effective: 2004-04-01, actor: {as: board}, fields: {id: m, type: annual, date: 2004-06-15, time: "10:00", place: "Fremont, California", record_date: 2004-05-14}}
- {kind: meeting.notice, effective: 2004-06-01, actor: {person: susan, as: secretary}, fields: {meeting: m, method: mail}}
- {kind: list.prepare, effective: 2004-06-05, actor: {person: susan, as: secretary}, fields: {meeting: m}}
- {kind: list.request, effective: 2004-06-07, actor: {person: bob, as: holder}, fields: {meeting: m, holder: bob, purpose: "to solicit proxies for the election of directors"}}
- {kind: list.request, effective: 2004-06-07, actor: {person: alice, as: holder}, fields: {meeting: m, holder: alice, purpose: "to communicate with other stockholders"}}
`

type chacha struct{ r *rand.ChaCha8 }

func (c chacha) Read(p []byte) (int, error) { return c.r.Read(p) }

// stores are the stores every scenario runs on.
var stores = []string{"sqlite", "postgres"}

// eachStore runs fn on a fresh env on each store, in parallel.
func eachStore(t *testing.T, fn func(t *testing.T, e *env)) {
	for _, s := range stores {
		t.Run(s, func(t *testing.T) {
			t.Parallel()
			fn(t, newEnv(t, s))
		})
	}
}

func newEnv(t testing.TB, kind string) *env {
	t.Helper()
	ctx := context.Background()
	var st acts.Store
	var err error
	switch kind {
	case "sqlite":
		st, err = sqlite.Open(ctx, testdb.SQLitePath(t))
	default:
		st, err = postgres.Open(ctx, testdb.Postgres(t))
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clk := func() time.Time { return now }
	svc := &acts.Service{Store: st, Clock: clk}
	acc := &accounts.Service{Store: st, Clock: clk, Random: chacha{rand.NewChaCha8([32]byte{6})}, Hashing: accounts.TestHashing}
	demo, err := os.ReadFile("../demo/quintus.yaml")
	if err != nil {
		t.Fatal(err)
	}
	mustRecord(t, svc, "quintus", string(demo))
	mustRecord(t, svc, "quintus", quintusFixture)
	mustRecord(t, svc, "beta", fixture)
	mustRecord(t, svc, "beta", `[{kind: person.add, effective: 2000-01-03, actor: {as: secretary}, fields: {id: bsec, name: Beth Second, kind: natural_person}}]`)
	api := httpapi.New(svc, acc, clk, nil)
	e := &env{t: t, store: kind, api: api, svc: svc, acc: acc, tokens: map[string]string{}}
	for _, p := range principals {
		id, err := acc.Create(ctx, p.email, p.name, password, p.admin)
		if err != nil {
			t.Fatal(err)
		}
		if p.corp != "" {
			if err := acc.Grant(ctx, id, p.corp, p.role, p.person); err != nil {
				t.Fatal(err)
			}
		}
		e.tokens[p.name] = e.login(p.name)
	}
	e.srv = httptest.NewServer(api.Handler())
	t.Cleanup(e.srv.Close)
	return e
}

// login starts a new session of a principal (each from its own address,
// so that the tests stay under the login limits).
func (e *env) login(name string) string {
	e.t.Helper()
	for _, p := range principals {
		if p.name == name {
			tok, _, err := e.acc.Login(context.Background(), p.email, password, "", "test-"+name+"-"+time.Now().String())
			if err != nil {
				e.t.Fatalf("login %s: %v", name, err)
			}
			return tok
		}
	}
	e.t.Fatalf("no principal %s", name)
	return ""
}

func mustRecord(t testing.TB, svc *acts.Service, corpID, src string) []acts.Result {
	t.Helper()
	list, err := acts.DecodeFile("fixture", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	rs, err := svc.Apply(context.Background(), corpID, list, acts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Status != acts.Recorded {
			t.Fatalf("fixture %s %s %s: %+v", corpID, r.Kind, r.Status, r.Checks)
		}
	}
	return rs
}

// response is an answer of the API.
type response struct {
	status int
	header http.Header
	body   []byte
}

// do sends a request as principal who ("" for none) with headers h.
func (e *env) do(who, method, path, body string, h ...string) response {
	e.t.Helper()
	return e.doBytes(who, method, path, []byte(body), h...)
}

// doBytes is do with a body of bytes.
func (e *env) doBytes(who, method, path string, body []byte, h ...string) response {
	e.t.Helper()
	var rd io.Reader
	if len(body) > 0 {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, e.srv.URL+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	if len(body) > 0 {
		req.Header.Set("Content-Type", "application/json")
	}
	if who != "" {
		req.Header.Set("Authorization", "Bearer "+e.tokens[who])
	}
	for i := 0; i+1 < len(h); i += 2 {
		req.Header.Set(h[i], h[i+1])
	}
	res, err := e.srv.Client().Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{res.StatusCode, res.Header, b}
}

// entries returns the corporation's journal entries from seq on.
func (e *env) entries(corpID string, from uint64) []*journal.Entry {
	e.t.Helper()
	es, _, err := e.svc.Entries(context.Background(), corpID, from, 0)
	if err != nil {
		e.t.Fatal(err)
	}
	return es
}

func (e *env) head(corpID string) uint64 {
	es := e.entries(corpID, 1)
	return es[len(es)-1].Seq
}
