package web

import (
	"net/http"

	"minutebook/internal/access"
)

// Request is one authorized page request: the principal, the corporation
// in view ({corp}) and the access decision.
type Request struct {
	W         http.ResponseWriter
	R         *http.Request
	Principal *access.Principal
	Corp      string
	Decision  access.Decision
}

// guard wraps a page handler with an access policy, as the API's routes
// are: not logged in goes to the login page; refused gets 403 with the
// reason. person names the path value that is the person the page belongs
// to ("" for none), for policies with Own roles.
func (a *App) guard(pol access.Policy, person string, h func(*Request)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p := a.principal(r)
		t := access.Target{Corp: r.PathValue("corp")}
		if person != "" {
			t.Person = r.PathValue(person)
		}
		if p != nil && t.Corp != "" {
			on, err := a.Accounts.MFARequired(r.Context(), t.Corp)
			if err != nil {
				a.Logger.Error("mfa setting", "err", err)
			}
			t.MFARequired = on
		}
		d := pol.Decide(p, t)
		if !d.Allowed {
			if p == nil {
				http.Redirect(w, r, "/login?next="+r.URL.Path, http.StatusSeeOther)
				return
			}
			a.Logger.Info("page refused", "account", p.Account, "path", r.URL.Path, "reason", d.Reason)
			a.render(w, http.StatusForbidden, "forbidden.html", &Page{Title: "Not allowed", Principal: p, Corp: t.Corp, Error: d.Reason})
			return
		}
		h(&Request{W: w, R: r, Principal: p, Corp: t.Corp, Decision: d})
	}
}
