package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"minutebook/internal/access"
	"minutebook/internal/accounts"
	"minutebook/internal/acts"
	"minutebook/internal/server"
	"minutebook/internal/sqlite"
)

// password is every test login's password.
const password = "quintus-e2e-2026"

// logins are the test's accounts: e-mail, name, role, person.
var logins = []struct {
	Email, Name string
	Role        access.Role
	Person      string
}{
	{"susan.salvesen@quintus.example", "Susan Salvesen", access.Secretary, "susan"},
	{"pat@quintus.example", "Pat Morgan", access.Director, "pat"},
	{"alice@example.com", "Alice Anders", access.Stockholder, "alice"},
	{"bob@example.com", "Bob Brandt", access.Stockholder, "bob"},
	{"ingrid@inspectors.example", "Ingrid Inspector", access.Inspector, "ingrid"},
}

// site is the real server started in process on 127.0.0.1:0 on a SQLite
// store: the demo's base corporation and testdata/e2e.yaml, the logins,
// and a clock the test moves from day to day (the acts' clock; sessions
// keep the real time).
type site struct {
	URL  string
	Svc  *acts.Service
	Acc  *accounts.Service
	Logs bytes.Buffer

	mu  sync.Mutex
	now time.Time
}

// SetDay sets the corporation's today (noon in Fremont).
func (s *site) SetDay(day string) {
	t, err := time.Parse(time.DateOnly+" 15:04 MST", day+" 12:00 PDT")
	if err != nil {
		panic(err)
	}
	s.mu.Lock()
	s.now = t
	s.mu.Unlock()
}

func (s *site) clock() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.now
}

func startSite(t *testing.T) *site {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "mb.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s := &site{}
	s.SetDay("2026-05-25")
	s.Svc = &acts.Service{Store: st, Clock: s.clock}
	s.Acc = &accounts.Service{Store: st, Clock: time.Now, Hashing: accounts.Hashing{Time: 1, Memory: 8 * 1024, Threads: 1}}
	for _, f := range []string{"../demo/quintus.yaml", "testdata/e2e.yaml"} {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		list, err := acts.DecodeFile(f, src)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := s.Svc.Apply(ctx, "quintus", list, acts.Options{Atomic: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			if r.Status != acts.Recorded {
				t.Fatalf("%s: %s %s %+v", f, r.Kind, r.Status, r.Checks)
			}
		}
	}
	for _, l := range logins {
		id, err := s.Acc.Create(ctx, l.Email, l.Name, password, false)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Acc.Grant(ctx, id, "quintus", l.Role, l.Person); err != nil {
			t.Fatal(err)
		}
	}
	logger := slog.New(slog.NewTextHandler(&s.Logs, nil))
	h, err := server.Handler(s.Svc, s.Acc, s.clock, logger, nil)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("serve: %v", err)
		}
	}()
	t.Cleanup(func() { srv.Close() })
	s.URL = "http://" + ln.Addr().String()
	return s
}

// api records acts through the JSON API as the login email (the same act
// path as the pages), failing the test unless every act is recorded.
func (s *site) api(t *testing.T, email, body string) {
	t.Helper()
	lb, _ := json.Marshal(map[string]string{"email": email, "password": password})
	res, err := http.Post(s.URL+"/api/login", "application/json", bytes.NewReader(lb))
	if err != nil {
		t.Fatal(err)
	}
	var login struct {
		Token string `json:"token"`
	}
	err = json.NewDecoder(res.Body).Decode(&login)
	res.Body.Close()
	if err != nil || login.Token == "" {
		t.Fatalf("login %s: %s %v", email, res.Status, err)
	}
	req, _ := http.NewRequest("POST", s.URL+"/api/corporations/quintus/acts?atomic=true", bytes.NewReader([]byte(body)))
	req.Header.Set("Authorization", "Bearer "+login.Token)
	req.Header.Set("Content-Type", "application/yaml")
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("POST acts as %s: %s\n%s", email, res.Status, b)
	}
}

// TestSiteStarts: the site answers its login page and refuses a page
// without a session (the browser tests' harness, without a browser).
func TestSiteStarts(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	res, err := http.Get(s.URL + "/login")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("GET /login = %s, CSP %q", res.Status, res.Header.Get("Content-Security-Policy"))
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err = c.Get(s.URL + "/c/quintus/portal/holders/alice")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/login?next=/c/quintus/portal/holders/alice" {
		t.Errorf("portal without a session = %s → %s", res.Status, res.Header.Get("Location"))
	}
}

// routeExists reports whether the site has a page at path: without a
// session a page redirects to the login page; an unknown path is 404.
func (s *site) routeExists(t *testing.T, path string) bool {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Get(s.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode != http.StatusNotFound
}
