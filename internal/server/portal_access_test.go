package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
)

// client is a logged-in HTTP client of the site (session cookie), for the
// access tests that need no browser.
func (s *site) client(t *testing.T, email string) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	lb, _ := json.Marshal(map[string]string{"email": email, "password": password})
	res, err := c.Post(s.URL+"/api/login", "application/json", bytes.NewReader(lb))
	if err != nil {
		t.Fatal(err)
	}
	var login struct {
		Token string `json:"token"`
	}
	json.NewDecoder(res.Body).Decode(&login)
	res.Body.Close()
	u, _ := url.Parse(s.URL)
	jar.SetCookies(u, []*http.Cookie{{Name: "mb_session", Value: login.Token, Path: "/"}})
	return c
}

func fetch(t *testing.T, c *http.Client, method, u string, form url.Values) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(method, u, nil)
	if form != nil {
		req, _ = http.NewRequest(method, u, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// TestPortalAccess: who sees which portal page, and who may sign, vote or
// certify there; the pages use the same policies as the API, and an act a
// page records is decided by access.MayRecord on the act path, whatever
// the form says.
func TestPortalAccess(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	s.SetDay("2026-05-07")
	s.api(t, "susan.salvesen@quintus.example", annualMeeting)
	s.api(t, "susan.salvesen@quintus.example", consentOut)
	base := s.URL + "/c/quintus/portal"
	clients := map[string]*http.Client{} // one login each: logins are rate-limited
	for _, c := range []struct {
		login, method, path string
		form                url.Values
		status              int
		want                string
	}{
		{"alice@example.com", "GET", "/holders/alice", nil, 200, "400,000"},
		{"alice@example.com", "GET", "/holders/bob", nil, 403, `not &#34;bob&#34;`},
		{"alice@example.com", "GET", "/holders/bob/meetings/annual-2026", nil, 403, `not &#34;bob&#34;`},
		{"alice@example.com", "POST", "/holders/bob/proxies", url.Values{"proxy_holder": {"alice"}}, 403, `not &#34;bob&#34;`},
		{"alice@example.com", "GET", "/board", nil, 403, "requires the role"},
		{"alice@example.com", "GET", "/inspector", nil, 403, "requires the role"},
		{"alice@example.com", "GET", "/inspector/meetings/annual-2026", nil, 403, "requires the role"},
		{"pat@quintus.example", "GET", "/board", nil, 200, "uwc-2026-05-05"},
		{"pat@quintus.example", "GET", "/holders/alice", nil, 200, "400,000"},
		{"pat@quintus.example", "GET", "/inspector", nil, 403, "requires the role"},
		{"ingrid@inspectors.example", "GET", "/inspector/meetings/annual-2026", nil, 200, "Polls: <strong id=\"polls\">not_open"},
		{"ingrid@inspectors.example", "GET", "/board", nil, 403, "requires the role"},
		// The inspector may open the inspector's pages, but not sign a consent.
		{"ingrid@inspectors.example", "POST", "/board/consents/uwc-2026-05-05/sign", url.Values{}, 403, "requires the role"},
		// A secretary may use the board portal, but the act path refuses her
		// signature: she is not a director in office.
		{"susan.salvesen@quintus.example", "POST", "/board/consents/uwc-2026-05-05/sign", url.Values{}, 422, "III.9.unanimous_consent"},
		// Certifying before the polls opened is refused by the bylaws' rules.
		{"ingrid@inspectors.example", "POST", "/inspector/meetings/annual-2026/certify", url.Values{}, 422, "Refused"},
		// Bob's list request outside the window is refused, citing Art. II §4.
		{"bob@example.com", "POST", "/holders/bob/meetings/annual-2026/list-request", url.Values{"purpose": {"to solicit proxies"}}, 422, "II.4.list_open"},
		{"bob@example.com", "POST", "/holders/bob/meetings/annual-2026/list", url.Values{}, 422, "MB.list.request"},
		{"bob@example.com", "GET", "/holders/nobody", nil, 403, `not &#34;nobody&#34;`},
	} {
		if clients[c.login] == nil {
			clients[c.login] = s.client(t, c.login)
		}
		st, body := fetch(t, clients[c.login], c.method, base+c.path, c.form)
		if st != c.status || !strings.Contains(body, c.want) {
			t.Errorf("%s %s %s = %d, want %d with %q", c.login, c.method, c.path, st, c.status, c.want)
		}
	}
	// /c/{corp}/portal (the home page's link) sends each login to its page.
	for login, want := range map[string]string{
		"alice@example.com":              "/c/quintus/portal/holders/alice",
		"pat@quintus.example":            "/c/quintus/portal/board",
		"ingrid@inspectors.example":      "/c/quintus/portal/inspector",
		"susan.salvesen@quintus.example": "/c/quintus",
	} {
		res, err := clients[login].Get(base)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != want {
			t.Errorf("%s: GET /c/quintus/portal = %s → %q, want 303 → %q", login, res.Status, res.Header.Get("Location"), want)
		}
	}
}
