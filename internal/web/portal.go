package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"minutebook/internal/access"
	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/journal"
)

// portalRoutes registers the stockholder and director portals and the
// inspector's pages. Every page is guarded by a policy of package access
// (a stockholder's pages by ReadHolder on the {person} of the path, so a
// stockholder never sees another holder's page), and every act goes
// through the API's act path (httpapi.Server.Record), so that the access
// decision is recorded with the act in the journal.
func (a *App) portalRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /c/{corp}/portal", a.guard(access.ReadMember, "", a.portalIndex))

	h := "/c/{corp}/portal/holders/{person}"
	mux.HandleFunc("GET "+h, a.guard(access.ReadHolder, "person", a.holderPage))
	mux.HandleFunc("POST "+h+"/proxies", a.guard(access.ReadHolder, "person", a.postProxy))
	mux.HandleFunc("GET "+h+"/meetings/{meeting}", a.guard(access.ReadHolder, "person", a.holderMeeting))
	mux.HandleFunc("POST "+h+"/meetings/{meeting}/ballot", a.guard(access.ReadHolder, "person", a.postBallot))
	mux.HandleFunc("POST "+h+"/meetings/{meeting}/receipt", a.guard(access.ReadHolder, "person", a.postReceipt))
	mux.HandleFunc("POST "+h+"/meetings/{meeting}/list-request", a.guard(access.ReadHolder, "person", a.postListRequest))
	mux.HandleFunc("POST "+h+"/meetings/{meeting}/list", a.guard(access.ReadHolder, "person", a.postListView))

	mux.HandleFunc("GET /c/{corp}/portal/board", a.guard(access.BoardOnly, "", a.boardPortal))
	mux.HandleFunc("POST /c/{corp}/portal/board/consents/{consent}/sign", a.guard(access.BoardOnly, "", a.postConsentSign))
	mux.HandleFunc("GET /c/{corp}/portal/board/meetings/{meeting}", a.guard(access.BoardOnly, "", a.boardMeetingPage))

	mux.HandleFunc("GET /c/{corp}/portal/inspector", a.guard(inspectorPages, "", a.inspectorIndex))
	mux.HandleFunc("GET /c/{corp}/portal/inspector/meetings/{meeting}", a.guard(inspectorPages, "", a.inspectorMeeting))
	mux.HandleFunc("POST /c/{corp}/portal/inspector/meetings/{meeting}/certify", a.guard(inspectorPages, "", a.postCertify))
}

// inspectorPages are the inspector's pages: ballots and proxies of every
// holder, hence closed to stockholders (ReadBallots without Own).
var inspectorPages = access.Policy{Name: "inspector-pages", Roles: access.ReadBallots.Roles}

// portalIndex sends the principal to their page in the corporation: the
// secretary, an officer or the auditor to the secretary's side (/c/{corp});
// a director to the board portal, the inspector to the inspector's pages,
// a stockholder to their holder page, in that order of preference.
func (a *App) portalIndex(q *Request) {
	c := q.Corp
	to := map[access.Role]string{}
	for _, g := range q.Principal.In(c) {
		switch g.Role {
		case access.Secretary, access.Officer, access.Auditor:
			to[g.Role] = "/c/" + c
		case access.Director:
			to[g.Role] = "/c/" + c + "/portal/board"
		case access.Inspector:
			to[g.Role] = "/c/" + c + "/portal/inspector"
		case access.Stockholder:
			if g.Person != "" {
				to[g.Role] = "/c/" + c + "/portal/holders/" + g.Person
			}
		}
	}
	for _, r := range []access.Role{access.Secretary, access.Officer, access.Auditor, access.Director, access.Inspector, access.Stockholder} {
		if u, ok := to[r]; ok {
			http.Redirect(q.W, q.R, u, http.StatusSeeOther)
			return
		}
	}
	http.Redirect(q.W, q.R, "/", http.StatusSeeOther)
}

// actDoc is one act as the portal submits it: the act file's JSON form
// (docs/acts.md).
type actDoc struct {
	Kind      string         `json:"kind"`
	Effective corp.Date      `json:"effective"`
	Actor     actDocActor    `json:"actor"`
	Fields    map[string]any `json:"fields"`
}

type actDocActor struct {
	Person string        `json:"person,omitempty"`
	As     corp.Capacity `json:"as"`
}

// portalOutcome is the outcome of an act submitted from a page: the result, and
// the refusal in words (with the rules' citations) when it was refused.
type portalOutcome struct {
	Result  acts.Result
	Refusal string
	Failed  []journal.Check
}

// OK reports whether the act was recorded.
func (r *portalOutcome) OK() bool { return r.Result.Status == acts.Recorded }

// portalRecord submits one act through the API's act path as the request's
// principal, dated today in the corporation's time zone. The access
// decision (access.MayRecord) is the act's first check and is recorded
// with it in the journal; a refusal names every failed rule.
func (a *App) portalRecord(q *Request, kind string, actor actDocActor, fields map[string]any) (*portalOutcome, error) {
	today, err := a.API.Today(q.R.Context(), q.Corp)
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(actDoc{Kind: kind, Effective: today, Actor: actor, Fields: fields})
	if err != nil {
		return nil, err
	}
	list, err := acts.DecodeFile("form", b)
	if err != nil {
		return nil, err
	}
	rs, err := a.API.Record(q.R.Context(), q.Principal, q.Corp, list, acts.Options{})
	if err != nil {
		return nil, err
	}
	out := &portalOutcome{Result: rs[0]}
	if out.OK() {
		return out, nil
	}
	var why []string
	for _, ch := range rs[0].Checks {
		if ch.Outcome == journal.Failed {
			out.Failed = append(out.Failed, ch)
			why = append(why, fmt.Sprintf("%s — %s [%s]", ch.Citation, ch.Message, ch.Rule))
		}
	}
	out.Refusal = "Refused: " + strings.Join(why, "; ")
	return out, nil
}

// recordOrShow records one act through portalRecord; when it is refused
// or fails, it shows the refusal with show (403, 409 or 422 as the API
// answers) and returns false.
func (a *App) recordOrShow(q *Request, kind string, actor actDocActor, fields map[string]any, show func(status int, flash, refusal string)) (*portalOutcome, bool) {
	r, err := a.portalRecord(q, kind, actor, fields)
	switch {
	case err != nil:
		show(httpStatus(err), "", err.Error())
		return nil, false
	case !r.OK():
		show(refusedStatus(r), "", r.Refusal)
		return nil, false
	}
	return r, true
}

// showPage renders the page tmpl of the view that build makes, titled by
// title, or the error page when build fails.
func showPage[V any](a *App, q *Request, status int, tmpl, flash, refusal string, build func(*Request) (V, error), title func(V) string) {
	v, err := build(q)
	if err != nil {
		a.portalFail(q, err)
		return
	}
	a.render(q.W, status, tmpl, &Page{Title: title(v), Principal: q.Principal, Corp: q.Corp, Flash: flash, Error: refusal, Data: v})
}

// portalFail shows an error page for err: its kind decides the status; its
// message is shown when it is the user's (not found, invalid), else logged.
func (a *App) portalFail(q *Request, err error) {
	status := httpStatus(err)
	msg := err.Error()
	if status >= 500 {
		a.Logger.Error("portal", "path", q.R.URL.Path, "err", err)
		msg = "the page could not be shown; the error has been logged"
	}
	a.render(q.W, status, "forbidden.html", &Page{Title: http.StatusText(status), Principal: q.Principal, Corp: q.Corp, Error: msg})
}

// personName returns the name of a person of the corporation, or the id.
func personNames(ps []corp.Person) map[string]string {
	m := map[string]string{}
	for _, p := range ps {
		m[p.ID] = p.Name
	}
	return m
}

func itoa(n uint64) string { return strconv.FormatUint(n, 10) }

// withSeparators writes a decimal with thousands separators ("400,000"), or s
// as it is when it is not a decimal.
func withSeparators(s string) string {
	d, err := corp.ParseDecimal(s)
	if err != nil {
		return s
	}
	return d.Grouped()
}
