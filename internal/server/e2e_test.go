package server_test

import (
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"minutebook/internal/access"
)

var updateScreenshots = flag.Bool("update-screenshots", false, "write the screenshots of the main pages into docs/screenshots/")

// chromium returns the path of Debian's Chromium; without it the browser
// tests skip, except under CI=true, where they fail (.ci/run installs it).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed: the browser tests must run under CI=true (apt-get install -y chromium)")
	}
	t.Skip("chromium is not installed (apt-get install -y chromium): skipping the browser tests")
	return ""
}

// browser starts headless Chromium with a temporary profile and returns
// the browser's context.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	bctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return bctx
}

// user is one person's browser tab, in a browser context of its own (its
// own cookies), logged in.
type user struct {
	t   *testing.T
	ctx context.Context
	s   *site
}

func (s *site) login(t *testing.T, b context.Context, email string) *user {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("a tab for %s: %v", email, err)
	}
	u := &user{t: t, ctx: ctx, s: s}
	u.run(
		chromedp.Navigate(s.URL+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS(".who")),
	)
	return u
}

// run runs browser actions, failing the test on the first error, each run
// bounded to 30 seconds.
func (u *user) run(actions ...chromedp.Action[chromedp.Void]) {
	u.t.Helper()
	ctx, cancel := context.WithTimeout(u.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		u.t.Fatalf("browser: %v\nserver log:\n%s", err, u.s.Logs.String())
	}
}

// open navigates to path and waits for the element sel.
func (u *user) open(path, sel string) {
	u.t.Helper()
	u.run(chromedp.Navigate(u.s.URL+path), chromedp.WaitVisible(chromedp.CSS(sel)))
}

// text returns the text of the element sel.
func (u *user) text(sel string) string {
	u.t.Helper()
	ctx, cancel := context.WithTimeout(u.ctx, 30*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil {
		u.t.Fatalf("text of %s: %v\nserver log:\n%s", sel, err, u.s.Logs.String())
	}
	return s
}

// click clicks sel, which submits a form or follows a link, and waits for
// the element next on the new page (not on the page clicked: the old
// document is marked, and the wait starts when a document without the mark
// has loaded).
func (u *user) click(sel, next string) {
	u.t.Helper()
	u.run(void(chromedp.Evaluate[int]("window.__mbOld = 1")), chromedp.Click(chromedp.CSS(sel)),
		newPage, chromedp.WaitVisible(chromedp.CSS(next)))
}

// newPage waits until the tab shows a loaded document without the mark
// that click set on the old one. Evaluations fail while the tab navigates;
// it tries again every 50 ms until its context ends.
func newPage(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
	for {
		loaded, err := chromedp.Evaluate[bool]("document.readyState === 'complete' && !window.__mbOld")(ctx, t)
		if err == nil && loaded {
			return chromedp.Void{}, nil
		}
		select {
		case <-ctx.Done():
			return chromedp.Void{}, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// void is an action that discards the value of a.
func void[T any](a chromedp.Action[T]) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := a(ctx, t)
		return chromedp.Void{}, err
	}
}

// wants fails unless the element sel's text contains every fragment.
func (u *user) wants(sel string, fragments ...string) {
	u.t.Helper()
	got := u.text(sel)
	for _, f := range fragments {
		if !strings.Contains(got, f) {
			u.t.Errorf("%s lacks %q:\n%s", sel, f, got)
		}
	}
}

// screenshot saves the visible page as docs/screenshots/name.png with
// -update-screenshots (PNG, under 300 KB).
func (u *user) screenshot(name string) {
	u.t.Helper()
	if !*updateScreenshots {
		return
	}
	ctx, cancel := context.WithTimeout(u.ctx, 30*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		u.t.Fatal(err)
	}
	if len(png) > 300<<10 {
		u.t.Errorf("screenshot %s is %d KB, over 300 KB", name, len(png)>>10)
		return
	}
	if err := os.WriteFile(filepath.Join("..", "..", "docs", "screenshots", name+".png"), png, 0o644); err != nil {
		u.t.Fatal(err)
	}
}

// lastEntry returns the kind of the newest journal entry and the message
// of its access check (rule MB.access.record, the act's first check).
func (s *site) lastEntry(t *testing.T) (kind, decision string) {
	t.Helper()
	es, _, err := s.Svc.Entries(context.Background(), "quintus", 1, 0)
	if err != nil || len(es) == 0 {
		t.Fatalf("journal: %v", err)
	}
	e := es[len(es)-1]
	for _, ch := range e.Checks {
		if ch.Rule == access.Rule {
			return e.Kind, ch.Message
		}
	}
	return e.Kind, ""
}

func chromedpSendKeys(sel, keys string) chromedp.Action[chromedp.Void] {
	return chromedp.SendKeys(chromedp.CSS(sel), keys)
}

func chromedpSetValue(sel, v string) chromedp.Action[chromedp.Void] {
	return chromedp.SetValue(chromedp.CSS(sel), v)
}

func chromedpClick(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Click(chromedp.CSS(sel))
}
