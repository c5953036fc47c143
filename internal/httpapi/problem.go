package httpapi

import (
	"encoding/json"
	"errors"
	"net/http"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/strict"
)

// Problem is an RFC 9457 problem detail, with minutebook's extensions: the
// failed rules with their citations (checks), the fields that were wrong
// (errors) and, for acts, every act's result.
type Problem struct {
	Type     string          `json:"type"`
	Title    string          `json:"title"`
	Status   int             `json:"status"`
	Detail   string          `json:"detail,omitempty"`
	Instance string          `json:"instance,omitempty"`
	Checks   []journal.Check `json:"checks,omitempty"`
	Errors   strict.Errors   `json:"errors,omitempty"`
	Results  []acts.Result   `json:"results,omitempty"`
}

// ProblemTypes names each problem type's URI (relative, resolved against
// the API's base; docs/api.md describes each).
var ProblemTypes = map[int]string{
	http.StatusBadRequest:          "/problems/invalid",
	http.StatusUnauthorized:        "/problems/unauthenticated",
	http.StatusForbidden:           "/problems/forbidden",
	http.StatusNotFound:            "/problems/not-found",
	http.StatusConflict:            "/problems/conflict",
	http.StatusUnprocessableEntity: "/problems/refused",
	http.StatusTooManyRequests:     "/problems/rate-limited",
	http.StatusInternalServerError: "/problems/internal",
}

// statusOf maps an error kind to an HTTP status: the one error-kind map of
// the API (STYLE.md).
func statusOf(err error) int {
	var se strict.Errors
	if errors.As(err, &se) {
		return http.StatusBadRequest
	}
	switch corp.KindOf(err) {
	case corp.Invalid:
		return http.StatusBadRequest
	case corp.Refused:
		return http.StatusUnprocessableEntity
	case corp.NotFound:
		return http.StatusNotFound
	case corp.Conflict:
		return http.StatusConflict
	case corp.Unauthenticated:
		return http.StatusUnauthorized
	case corp.Forbidden:
		return http.StatusForbidden
	case corp.RateLimited:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

// fail writes err as a problem. An internal error's cause is logged, not
// shown.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var lr *errListRefused
	if errors.As(err, &lr) {
		p := &Problem{Status: http.StatusForbidden, Title: "the stockholder list is not open to you now", Results: lr.results}
		for _, res := range lr.results {
			for _, ch := range res.Checks {
				if ch.Outcome == journal.Failed {
					p.Checks = append(p.Checks, ch)
					if p.Detail == "" {
						p.Detail = "refused: " + ch.Citation + " — " + ch.Message + " [" + ch.Rule + "]"
					}
				}
			}
		}
		s.problem(w, r, p)
		return
	}
	status := statusOf(err)
	p := &Problem{Status: status, Title: http.StatusText(status), Detail: err.Error()}
	var se strict.Errors
	if errors.As(err, &se) {
		p.Title, p.Errors = "invalid input", se
	}
	if status == http.StatusInternalServerError {
		s.Logger.Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
		p.Detail = "an internal error occurred; it has been logged"
	}
	s.problem(w, r, p)
}

func (s *Server) problem(w http.ResponseWriter, r *http.Request, p *Problem) {
	if p.Type == "" {
		p.Type = ProblemTypes[p.Status]
		if p.Type == "" {
			p.Type = "about:blank"
		}
	}
	if p.Title == "" {
		p.Title = http.StatusText(p.Status)
	}
	p.Instance = r.URL.Path
	b, _ := json.Marshal(p)
	w.Header().Set("Content-Type", "application/problem+json")
	if p.Status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="minutebook"`)
	}
	w.WriteHeader(p.Status)
	w.Write(b)
	w.Write([]byte("\n"))
}
