package httpapi

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"minutebook/internal/access"
	"minutebook/internal/accounts"
	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/journal"
)

// SessionCookie is the name of the session cookie the web application sets
// and the API accepts beside a bearer token.
const SessionCookie = "mb_session"

// Server serves the JSON API under /api/. Every route is in one table
// (Routes), each with its access policy; the OpenAPI document and the
// authorization matrix test are made from the same table.
type Server struct {
	Acts     *acts.Service
	Accounts *accounts.Service
	Clock    func() time.Time
	Logger   *slog.Logger
	// CheckpointKey signs the journal's checkpoints (GET .../journal/checkpoint);
	// nil when the deployment has none.
	CheckpointKey ed25519.PrivateKey

	routes []Route
	keys   keyLocks // one request at a time per account and Idempotency-Key
}

// Route is one route of the API.
type Route struct {
	Method  string // GET, POST, ...
	Path    string // a net/http pattern path: /api/corporations/{corp}/holders/{person}
	Summary string
	// Policy decides who may call it (package access); every route has one.
	Policy access.Policy
	// Person names the path value that is the person the resource belongs
	// to ("person" for /holders/{person}), for policies with Own roles.
	Person string
	// Query documents the query parameters.
	Query []Param
	// Body is a value of the request body's type (nil for none), for the
	// OpenAPI document.
	Body any
	// Response is a value of the response's type (nil: see Produces).
	Response any
	// Produces is the media type of a non-JSON response (application/pdf,
	// text/csv, text/calendar); "" for JSON.
	Produces string
	// Write marks a write: it takes an Idempotency-Key (the server keeps
	// the first answer to each key of an account; the acts route keeps it
	// in the acts' own transaction).
	Write bool
	// Status is the status of success when it is not 200 (201 for a route
	// that creates).
	Status int
	// Handle serves the call. It returns the value to write as JSON, or a
	// *Document, or an error (written as problem+json).
	Handle func(c *Call) (any, error)
}

// Param is a documented query parameter.
type Param struct {
	Name, Doc string
	Required  bool
}

// Call is one request to a route, authorized.
type Call struct {
	W         http.ResponseWriter
	R         *http.Request
	S         *Server
	Principal *access.Principal // nil on a public route without a session
	Corp      string            // the {corp} path value, "" when none
	Decision  access.Decision
	Token     string // the session token the request came with
	Route     *Route
}

// Ctx returns the request's context.
func (c *Call) Ctx() context.Context { return c.R.Context() }

// Path returns a path value.
func (c *Call) Path(name string) string { return c.R.PathValue(name) }

// Query returns a query parameter.
func (c *Call) Query(name string) string { return c.R.URL.Query().Get(name) }

// Date returns a date query parameter, or def when absent.
func (c *Call) Date(name string, def corp.Date) (corp.Date, error) {
	s := c.Query(name)
	if s == "" {
		return def, nil
	}
	d, err := corp.ParseDate(s)
	if err != nil {
		return corp.Date{}, corp.E("query", corp.Invalid, "%s: %v", name, err)
	}
	return d, nil
}

// Today is the civil date now in the corporation's time zone.
func (c *Call) Today() (corp.Date, error) {
	return c.S.today(c.Ctx(), c.Corp)
}

// Document is a non-JSON response: a PDF, a CSV, an iCalendar feed.
type Document struct {
	MediaType string
	Filename  string // for Content-Disposition; "" to show inline
	Body      []byte
}

// Page is a paginated list: the items of this page and the cursor of the
// next ("" on the last page).
type Page[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next,omitempty"`
	Total int    `json:"total"`
}

// Paginate returns the page of items that the call's ?limit and ?cursor
// select. The cursor is the offset of the page's first item, as text; the
// default limit is 100, the largest 1,000.
func Paginate[T any](c *Call, items []T) (Page[T], error) {
	limit, off := 100, 0
	if s := c.Query("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 1000 {
			return Page[T]{}, corp.E("query", corp.Invalid, "limit: %q is not a number from 1 to 1000", s)
		}
		limit = n
	}
	if s := c.Query("cursor"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return Page[T]{}, corp.E("query", corp.Invalid, "cursor: %q is not a cursor this API gave", s)
		}
		off = n
	}
	p := Page[T]{Total: len(items), Items: []T{}}
	if off < len(items) {
		end := min(off+limit, len(items))
		p.Items = items[off:end]
		if end < len(items) {
			p.Next = strconv.Itoa(end)
		}
	}
	return p, nil
}

// PageParams are the query parameters of a paginated route.
var PageParams = []Param{
	{Name: "limit", Doc: "items per page, 1 to 1000 (default 100)"},
	{Name: "cursor", Doc: "the next cursor of the previous page"},
}

// New builds the server with every route of the API.
func New(a *acts.Service, acc *accounts.Service, clock func() time.Time, logger *slog.Logger) *Server {
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s := &Server{Acts: a, Accounts: acc, Clock: clock, Logger: logger}
	s.routes = routes()
	return s
}

// Routes returns the route table.
func (s *Server) Routes() []Route { return s.routes }

// Handler returns the API's handler, for mounting at /api/.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	for i := range s.routes {
		r := &s.routes[i]
		mux.HandleFunc(r.Method+" "+r.Path, func(w http.ResponseWriter, req *http.Request) { s.serve(w, req, r) })
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, req *http.Request) {
		s.problem(w, req, &Problem{Status: http.StatusNotFound, Title: "no such route", Detail: req.Method + " " + req.URL.Path + " is not a route of this API (see /api/openapi.json)"})
	})
	return mux
}

// Principal returns the principal of the request's session cookie or
// bearer token, the token, and nil without one.
func (s *Server) Principal(r *http.Request) (*access.Principal, string, error) {
	token := ""
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		token = strings.TrimSpace(strings.TrimPrefix(h, "Bearer "))
	} else if ck, err := r.Cookie(SessionCookie); err == nil {
		token = ck.Value
	}
	if token == "" {
		return nil, "", nil
	}
	p, err := s.Accounts.Session(r.Context(), token)
	if err != nil {
		return nil, "", err
	}
	return p, token, nil
}

// Authorize decides whether the request may use route rt: it finds the
// principal, the target (corporation and person) and the corporation's
// second-factor setting, and asks the route's policy.
func (s *Server) Authorize(r *http.Request, rt *Route) (*Call, error) {
	p, token, err := s.Principal(r)
	if err != nil && !errors.Is(err, accounts.ErrSession) {
		return nil, err
	}
	c := &Call{R: r, S: s, Principal: p, Token: token, Corp: r.PathValue("corp"), Route: rt}
	t := access.Target{Corp: c.Corp}
	if rt.Person != "" {
		t.Person = r.PathValue(rt.Person)
	}
	if c.Corp != "" && p != nil {
		if t.MFARequired, err = s.Accounts.MFARequired(r.Context(), c.Corp); err != nil {
			return nil, err
		}
	}
	c.Decision = rt.Policy.Decide(p, t)
	if !c.Decision.Allowed {
		if p == nil {
			return c, corp.E("authorize", corp.Unauthenticated, "%s", c.Decision.Reason)
		}
		return c, corp.E("authorize", corp.Forbidden, "%s", c.Decision.Reason)
	}
	return c, nil
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request, rt *Route) {
	c, err := s.Authorize(r, rt)
	if err != nil {
		if c == nil || (corp.KindOf(err) != corp.Forbidden && corp.KindOf(err) != corp.Unauthenticated) {
			s.fail(w, r, err)
			return
		}
		if c.Principal != nil && c.Corp != "" {
			s.Logger.Info("access refused", "account", c.Principal.Account, "route", rt.Method+" "+rt.Path, "corp", c.Corp, "reason", c.Decision.Reason)
		}
		// The refusal cites the access policy like any failed rule.
		status := statusOf(err)
		s.problem(w, r, &Problem{Status: status, Detail: c.Decision.Reason + " (policy " + c.Decision.Policy + ")",
			Checks: []journal.Check{{Rule: access.Rule, Citation: access.Citation, Outcome: journal.Failed, Message: c.Decision.Reason,
				Numbers: []journal.Number{{Name: "policy", Value: c.Decision.Policy}}}}})
		return
	}
	c.W = w
	if rt.Write && rt.Path != actsPath && c.Principal != nil && r.Header.Get("Idempotency-Key") != "" {
		s.serveOnce(c)
		return
	}
	s.answer(c)
}

// answer runs the route's handler and writes its answer to c.W.
func (s *Server) answer(c *Call) {
	v, err := c.Route.Handle(c)
	if err != nil {
		s.fail(c.W, c.R, err)
		return
	}
	status := http.StatusOK
	if c.Route.Status != 0 {
		status = c.Route.Status
	}
	s.write(c.W, c.R, status, v)
}

// write writes a handler's value: a *Document as is, a *Response with its
// status, anything else as JSON.
func (s *Server) write(w http.ResponseWriter, r *http.Request, status int, v any) {
	switch x := v.(type) {
	case nil:
		w.WriteHeader(http.StatusNoContent)
	case *streamed:
	case *Document:
		w.Header().Set("Content-Type", x.MediaType)
		if x.Filename != "" {
			w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", x.Filename))
		}
		w.WriteHeader(status)
		w.Write(x.Body)
	case *rawAnswer:
		for k, vs := range x.header {
			w.Header()[k] = vs
		}
		if x.status >= 400 {
			w.Header().Set("Content-Type", "application/problem+json")
		} else {
			w.Header().Set("Content-Type", "application/json")
		}
		w.WriteHeader(x.status)
		w.Write(x.body)
	case *Response:
		for k, vs := range x.Header {
			w.Header()[k] = vs
		}
		if x.Problem != nil {
			s.problem(w, r, x.Problem)
			return
		}
		s.write(w, r, x.Status, x.Body)
	default:
		b, err := json.Marshal(v)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write(b)
		w.Write([]byte("\n"))
	}
}

// Response is a handler's value with a status other than 200, or headers.
type Response struct {
	Status  int
	Header  http.Header
	Body    any
	Problem *Problem // written instead of Body when set
}

func (s *Server) today(ctx context.Context, corpID string) (corp.Date, error) {
	now := s.Clock()
	co, _, err := s.Acts.CorporationOn(ctx, corpID, corp.MustDate(9999, 12, 31))
	if err != nil {
		return corp.Date{}, err
	}
	return corp.DateIn(now, co.TimeZone), nil
}
