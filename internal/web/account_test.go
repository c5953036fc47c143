package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"minutebook/internal/accounts"
	"minutebook/internal/acts"
	"minutebook/internal/httpapi"
	"minutebook/internal/sqlite"
	"minutebook/internal/testdb"
	"minutebook/internal/web"
)

// TestAccountSecondFactor: an account logs in with its password, sets up a
// TOTP second factor on its account page, and from then on a login without
// the code is refused and one with it succeeds.
func TestAccountSecondFactor(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, testdb.SQLitePath(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	acc := &accounts.Service{Store: st, Clock: clock, Hashing: accounts.TestHashing}
	if _, err := acc.Create(ctx, "ian@quintus.example", "Ian Inspector", "correct horse battery", false); err != nil {
		t.Fatal(err)
	}
	api := httpapi.New(&acts.Service{Store: st, Clock: clock}, acc, clock, nil)
	app, err := web.New(api)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewTLSServer(app.Handler())
	t.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	client := srv.Client()
	client.Jar = jar

	post := func(path string, form url.Values) (int, string) {
		t.Helper()
		resp, err := client.PostForm(srv.URL+path, form)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	login := url.Values{"email": {"ian@quintus.example"}, "password": {"correct horse battery"}}
	if code, body := post("/login", login); code != http.StatusOK || !strings.Contains(body, "Your corporations") {
		t.Fatalf("login: %d\n%s", code, body)
	}
	code, body := post("/account/totp/start", nil)
	m := regexp.MustCompile(`<code id="totp-secret">([A-Z2-7]+)</code>`).FindStringSubmatch(body)
	if code != http.StatusOK || m == nil || !strings.Contains(body, `src="data:image/png;base64,`) {
		t.Fatalf("totp start: %d, secret %v\n%s", code, m, body)
	}
	secret := m[1]
	if code, body := post("/account/totp/confirm", url.Values{"secret": {secret}, "code": {"123456"}}); code != http.StatusUnprocessableEntity || !strings.Contains(body, "wrong or missing") {
		t.Fatalf("confirm with a wrong code: %d\n%s", code, body)
	}
	otp, _ := accounts.TOTPCode(secret, now)
	if code, body := post("/account/totp/confirm", url.Values{"secret": {secret}, "code": {otp}}); code != http.StatusOK || !strings.Contains(body, "The second factor is on") {
		t.Fatalf("confirm: %d\n%s", code, body)
	}
	if code, _ := post("/logout", nil); code != http.StatusOK {
		t.Fatalf("logout: %d", code)
	}
	now = now.Add(time.Minute)
	if code, body := post("/login", login); code != http.StatusUnauthorized || !strings.Contains(body, "wrong or missing") {
		t.Fatalf("login without the code: %d\n%s", code, body)
	}
	otp, _ = accounts.TOTPCode(secret, now)
	login.Set("totp", otp)
	if code, body := post("/login", login); code != http.StatusOK || !strings.Contains(body, "Your corporations") {
		t.Fatalf("login with the code: %d\n%s", code, body)
	}
	// The account page says the factor is on.
	resp, err := client.Get(srv.URL + "/account")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), "A second factor is set up") {
		t.Fatalf("account page:\n%s", b)
	}
}
