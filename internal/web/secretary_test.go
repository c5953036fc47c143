package web_test

import (
	"context"
	_ "embed"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"minutebook/internal/access"
	"minutebook/internal/accounts"
	"minutebook/internal/acts"
	"minutebook/internal/httpapi"
	"minutebook/internal/journal"
	"minutebook/internal/postgres"
	"minutebook/internal/sqlite"
	"minutebook/internal/tables"
	"minutebook/internal/testdb"
	"minutebook/internal/web"
)

//go:embed testdata/quintus.yaml
var quintusYAML []byte

//go:embed testdata/history.yaml
var historyYAML []byte

// now is the tests' clock: 2004-05-20 noon in Fremont, between the call of
// the annual meeting of 2004 and the meeting.
var now = time.Date(2004, 5, 20, 19, 0, 0, 0, time.UTC)

// site is a running web application on a real store with the demo
// corporation and its history recorded, and a logged-in client per role.
type site struct {
	t    *testing.T
	srv  *httptest.Server
	svc  *acts.Service
	acc  *accounts.Service
	user map[string]*http.Client
}

type storeKind int

const (
	onSQLite storeKind = iota
	onPostgres
)

type store interface {
	acts.Store
	tables.Store
	Close() error
}

func newSite(t *testing.T, kind storeKind) *site {
	t.Helper()
	ctx := context.Background()
	var st store
	var err error
	switch kind {
	case onSQLite:
		st, err = sqlite.Open(ctx, testdb.SQLitePath(t))
	case onPostgres:
		st, err = postgres.Open(ctx, testdb.Postgres(t))
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clock := func() time.Time { return now }
	svc := &acts.Service{Store: st, Clock: clock}
	for _, src := range [][]byte{quintusYAML, historyYAML} {
		list, err := acts.DecodeFile("fixture", src)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := svc.Apply(ctx, "quintus", list, acts.Options{Atomic: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			if r.Status == acts.Refused || r.Status == acts.Invalid {
				t.Fatalf("fixture act %d %s: %s %+v", r.Index, r.Kind, r.Status, failedChecks(r))
			}
		}
	}
	acc := &accounts.Service{Store: st, Clock: clock, Hashing: accounts.TestHashing}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	api := httpapi.New(svc, acc, clock, logger)
	app, err := web.New(api)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", api.Handler())
	mux.Handle("/", app.Handler())
	s := &site{t: t, srv: httptest.NewServer(http.NewCrossOriginProtection().Handler(mux)), svc: svc, acc: acc, user: map[string]*http.Client{}}
	t.Cleanup(s.srv.Close)
	for _, u := range []struct {
		email  string
		role   access.Role
		person string
	}{
		{"susan@example.com", access.Secretary, "susan"},
		{"alice@example.com", access.Stockholder, "alice"},
		{"pat@example.com", access.Director, "pat"},
		{"avery@example.com", access.Auditor, ""},
	} {
		id, err := acc.Create(ctx, u.email, u.email, "password-1234", false)
		if err != nil {
			t.Fatal(err)
		}
		if err := acc.Grant(ctx, id, "quintus", u.role, u.person); err != nil {
			t.Fatal(err)
		}
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := c.PostForm(s.srv.URL+"/login", url.Values{"email": {u.email}, "password": {"password-1234"}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("login %s: %s", u.email, resp.Status)
		}
		s.user[string(u.role)] = c
	}
	return s
}

// get fetches path as role and returns the status and body.
func (s *site) get(role, path string) (int, string) {
	s.t.Helper()
	resp, err := s.user[role].Get(s.srv.URL + path)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// post posts a form as role and returns the status, the Location and the body.
func (s *site) post(role, path string, form url.Values) (int, string, string) {
	s.t.Helper()
	resp, err := s.user[role].PostForm(s.srv.URL+path, form)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(b)
}

func failedChecks(r acts.Result) []string {
	var out []string
	for _, c := range r.Checks {
		if c.Outcome == journal.Failed {
			out = append(out, c.Citation+" — "+c.Message)
		}
	}
	return out
}
