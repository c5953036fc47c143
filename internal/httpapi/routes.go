package httpapi

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"time"

	"minutebook/internal/access"
	"minutebook/internal/corp"
)

// routes is the API's one route table. Each route names its policy; the
// authorization matrix test (authz_test.go) fails the build for a route
// without one, and checks every route against every role.
func routes() []Route {
	rs := []Route{
		{Method: "GET", Path: "/api/openapi.json", Summary: "this API's OpenAPI 3.1 document", Policy: access.Public, Response: map[string]any{}, Handle: getOpenAPI},
		{Method: "POST", Path: "/api/login", Summary: "log in: start a session (cookie and bearer token)", Policy: access.Public, Body: LoginRequest{}, Response: LoginResponse{}, Handle: postLogin},
		{Method: "POST", Path: "/api/logout", Summary: "end the session", Policy: access.AnyAccount, Write: true, Handle: postLogout},
		{Method: "GET", Path: "/api/me", Summary: "the logged-in account and its roles", Policy: access.AnyAccount, Response: Me{}, Handle: getMe},
		{Method: "POST", Path: actsPath, Status: http.StatusCreated, Summary: "record acts (or check them with ?dry_run=true), each checked against the bylaws in force on its date", Policy: access.SubmitActs, Write: true,
			Query: []Param{{Name: "dry_run", Doc: "true: check every act and record nothing"}, {Name: "atomic", Doc: "true: record all the acts or none"}},
			Body:  map[string]any{}, Response: ActsResponse{}, Handle: postActs},
	}
	rs = append(rs, queryRoutes()...)
	rs = append(rs, documentRoutes()...)
	return append(rs, accountRoutes()...)
}

// actsPath is the route of acts: it keeps its Idempotency-Key in the
// acts' own transaction (postActs).
const actsPath = "/api/corporations/{corp}/acts"

// LoginRequest is the body of POST /api/login.
type LoginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
	TOTP     string `json:"totp,omitempty"`
}

// LoginResponse is the answer to a login: the session's token (also set as
// the session cookie), to send as "Authorization: Bearer <token>".
type LoginResponse struct {
	Token string `json:"token"`
	Me    Me     `json:"me"`
}

// Me is an account and its roles.
type Me struct {
	Account string     `json:"account"`
	Name    string     `json:"name"`
	Admin   bool       `json:"admin,omitempty"`
	MFA     bool       `json:"mfa"`
	Roles   []RoleView `json:"roles"`
}

// RoleView is one role of an account.
type RoleView struct {
	Corporation string `json:"corporation"`
	Role        string `json:"role"`
	Person      string `json:"person,omitempty"`
}

func meOf(p *access.Principal) Me {
	m := Me{Account: p.Account, Name: p.Name, Admin: p.Admin, MFA: p.MFA, Roles: []RoleView{}}
	for _, g := range p.Grants {
		m.Roles = append(m.Roles, RoleView{Corporation: g.Corp, Role: string(g.Role), Person: g.Person})
	}
	return m
}

func postLogin(c *Call) (any, error) {
	var req LoginRequest
	if err := json.NewDecoder(io.LimitReader(c.R.Body, 1<<16)).Decode(&req); err != nil {
		return nil, corp.E("login", corp.Invalid, "body: %v", err)
	}
	token, p, err := c.S.Accounts.Login(c.Ctx(), req.Email, req.Password, req.TOTP, RemoteAddr(c.R))
	if err != nil {
		return nil, err
	}
	SetSessionCookie(c.W, token)
	return LoginResponse{Token: token, Me: meOf(p)}, nil
}

// RemoteAddr is the request's remote IP address, for the login limits.
func RemoteAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// SetSessionCookie sets the session cookie: Secure (browsers treat
// localhost as secure), HttpOnly, SameSite=Lax, for the whole site, ending
// with the browser session (the server ends the session itself on its
// idle and absolute timeouts).
func SetSessionCookie(w http.ResponseWriter, token string) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: token, Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

// ClearSessionCookie removes the session cookie.
func ClearSessionCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: "", Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode, MaxAge: -1, Expires: time.Unix(0, 0)})
}

func postLogout(c *Call) (any, error) {
	if err := c.S.Accounts.Logout(c.Ctx(), c.Token); err != nil {
		return nil, err
	}
	ClearSessionCookie(c.W)
	return nil, nil
}

func getMe(c *Call) (any, error) { return meOf(c.Principal), nil }
