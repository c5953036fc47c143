package web

import (
	"bytes"
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"minutebook/internal/access"
	"minutebook/internal/accounts"
	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/httpapi"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// App is the web application.
type App struct {
	API      *httpapi.Server
	Acts     *acts.Service
	Accounts *accounts.Service
	Clock    func() time.Time
	Logger   *slog.Logger

	pages map[string]*template.Template
	// verified keeps the last on-demand verification of each corporation's
	// journal (corp id -> *Verification), in memory: a restart forgets it.
	verified sync.Map
}

// New builds the application on the API server's services.
func New(api *httpapi.Server) (*App, error) {
	a := &App{API: api, Acts: api.Acts, Accounts: api.Accounts, Clock: api.Clock, Logger: api.Logger}
	if err := a.parse(); err != nil {
		return nil, err
	}
	return a, nil
}

// funcs are the templates' helpers.
var funcs = template.FuncMap{
	"date": func(d corp.Date) string { return d.String() },
}

// parse parses each page template with the layout.
func (a *App) parse() error {
	a.pages = map[string]*template.Template{}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return err
	}
	for _, n := range names {
		base := n[len("templates/"):]
		if base == "layout.html" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n)
		if err != nil {
			return err
		}
		a.pages[base] = t
	}
	return nil
}

// Page is what every page template gets: the principal, the corporation
// in view, a title and the page's own data.
type Page struct {
	Title     string
	Principal *access.Principal
	Corp      string
	// Section is the secretary's navigation item the page belongs to
	// (dashboard, captable, holders, meetings, board, journal, act); the
	// corporation's navigation shows when it is set.
	Section string
	// CanRecord is true when the principal may record acts for the
	// corporation (the secretary): pages then offer their forms.
	CanRecord bool
	Flash     string
	Error     string
	Data      any
}

// render writes a page with the layout.
func (a *App) render(w http.ResponseWriter, status int, name string, p *Page) {
	t, ok := a.pages[name]
	if !ok {
		http.Error(w, "no page "+name, http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", p); err != nil {
		a.Logger.Error("render", "page", name, "err", err)
		http.Error(w, "the page could not be rendered; the error has been logged", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	buf.WriteTo(w)
}

// Handler returns the application's handler, for mounting at /.
func (a *App) Handler() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /login", a.getLogin)
	mux.HandleFunc("POST /login", a.postLogin)
	mux.HandleFunc("POST /logout", a.postLogout)
	mux.HandleFunc("GET /{$}", a.home)
	a.accountRoutes(mux)
	a.secretaryRoutes(mux)
	a.portalRoutes(mux)
	return mux
}

// principal returns the request's principal, nil when not logged in.
func (a *App) principal(r *http.Request) *access.Principal {
	p, _, err := a.API.Principal(r)
	if err != nil {
		return nil
	}
	return p
}

func (a *App) getLogin(w http.ResponseWriter, r *http.Request) {
	a.render(w, http.StatusOK, "login.html", &Page{Title: "Log in"})
}

func (a *App) postLogin(w http.ResponseWriter, r *http.Request) {
	token, _, err := a.Accounts.Login(r.Context(), r.PostFormValue("email"), r.PostFormValue("password"), r.PostFormValue("totp"), httpapi.RemoteAddr(r))
	if err != nil {
		status := http.StatusUnauthorized
		if errors.Is(err, accounts.ErrRateLimited) {
			status = http.StatusTooManyRequests
		}
		a.render(w, status, "login.html", &Page{Title: "Log in", Error: err.Error(), Data: map[string]string{"Email": r.PostFormValue("email")}})
		return
	}
	httpapi.SetSessionCookie(w, token)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (a *App) postLogout(w http.ResponseWriter, r *http.Request) {
	if _, token, err := a.API.Principal(r); err == nil && token != "" {
		_ = a.Accounts.Logout(r.Context(), token)
	}
	httpapi.ClearSessionCookie(w)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

func (a *App) home(w http.ResponseWriter, r *http.Request) {
	p := a.principal(r)
	if p == nil {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	a.render(w, http.StatusOK, "home.html", &Page{Title: "Your corporations", Principal: p, Data: p.Corporations()})
}
