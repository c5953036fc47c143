package web

// The secretary's side of the web application. Every page is behind guard
// with an access policy: the books (ReadBooks: secretary, directors,
// officers, the inspector, auditors), the board (BoardOnly), the ballots
// (ReadBallots without a person: never a stockholder) and the forms that
// record acts (Records: the secretary). Forms record through
// httpapi.Server.Record, the API's act path, so every act carries the
// access decision as its first check in the journal.
//
// Stable ids and labels for the browser tests (internal/web e2e tests):
//
//	layout      nav#corp-nav with a#nav-dashboard, #nav-captable, #nav-holders,
//	            #nav-meetings, #nav-board, #nav-journal, #nav-act; p.flash, p.error
//	/c/{corp}   table#calendar (tr.deadline, data-rule), section#obligations,
//	            section#verify (#verify-status: "verified" or "broken"),
//	            button#verify-run (POST .../verify), a#ics-link (the API's
//	            iCalendar feed, /api/corporations/{corp}/calendar/ics)
//	captable    form#captable-on (input#on), table#captable-classes,
//	            table#captable-holders (tfoot td.total-shares, td.total-votes),
//	            svg#captable-chart, a#captable-csv, a#captable-pdf
//	holders     table#holders (a.holder per holder, id holder-{id});
//	            holder page: table#holder-certificates, a#transfer-start
//	certificate dl#certificate, a#transfer-certificate
//	transfer    form#transfer: select#tr-from, input.tr-cert (name cert,
//	            id cert-{n}), input#tr-shares, select#tr-to, input#tr-effective,
//	            select#tr-evidence, select#tr-nature, input#tr-price,
//	            select#tr-signer1, select#tr-signer2, input#tr-rofr-notice,
//	            input#tr-rofr-waiver; button#tr-preview (dry run),
//	            button#tr-record; section#tr-windows (ROFR and stand-off
//	            windows), table#checks (tr.check.held/.warned/.failed,
//	            td.citation), p#tr-verdict
//	meetings    table#meetings, form#meeting-call (input#mc-id, select#mc-type,
//	            input#mc-date, #mc-time, #mc-place, #mc-record-date,
//	            textarea#mc-purposes, #mc-effective), button#mc-preview, #mc-record
//	meeting     section#notice (a#notice-preview), form#notice-send
//	            (select#ns-method, input#ns-effective, button#ns-send),
//	            section#list (a#list-link), table#proxies, div#quorum (polled
//	            every 5 s by htmx from .../quorum), table#ballots,
//	            section#tally, section#certification, a.act-step per next act
//	notice      article#notice-text (the notice to one holder), select#nh
//	minutes     article#minutes-text (/c/{corp}/minutes/{meeting})
//	board       table#directors, ul#vacancies, table#committees,
//	            table#officers (td.acting), table#resolutions, table#consents
//	journal     table#journal (tr#act-{seq}), a#journal-next, a#journal-prev,
//	            act page: table#checks, code#act-hash, code#act-prev-hash
//	act editor  form#act (select#act-kind, textarea#act-yaml),
//	            button#act-preview, button#act-record, table#checks
import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"minutebook/internal/access"
	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/httpapi"
	"minutebook/internal/journal"
)

// secretaryRoutes registers the pages of the secretary's side: the
// dashboard, the cap table, holders and certificates, meetings, the board
// and the journal browser.
func (a *App) secretaryRoutes(mux *http.ServeMux) {
	books, board, rec := access.ReadBooks, access.BoardOnly, access.Records
	mux.HandleFunc("GET /c/{corp}", a.guard(books, "", a.dashboard))
	mux.HandleFunc("POST /c/{corp}/verify", a.guard(books, "", a.postVerify))

	mux.HandleFunc("GET /c/{corp}/captable", a.guard(books, "", a.capTable))
	mux.HandleFunc("GET /c/{corp}/captable.csv", a.guard(books, "", a.capTableCSV))
	mux.HandleFunc("GET /c/{corp}/captable.pdf", a.guard(books, "", a.capTablePDF))

	mux.HandleFunc("GET /c/{corp}/holders", a.guard(books, "", a.holders))
	mux.HandleFunc("GET /c/{corp}/holders/{person}", a.guard(books, "", a.holder))
	mux.HandleFunc("GET /c/{corp}/certificates/{number}", a.guard(books, "", a.certificate))
	mux.HandleFunc("GET /c/{corp}/transfer", a.guard(rec, "", a.transferForm))
	mux.HandleFunc("POST /c/{corp}/transfer", a.guard(rec, "", a.postTransfer))

	mux.HandleFunc("GET /c/{corp}/meetings", a.guard(books, "", a.meetings))
	mux.HandleFunc("POST /c/{corp}/meetings", a.guard(rec, "", a.postMeetingCall))
	mux.HandleFunc("GET /c/{corp}/meetings/{meeting}", a.guard(books, "", a.meeting))
	mux.HandleFunc("GET /c/{corp}/meetings/{meeting}/quorum", a.guard(books, "", a.meetingQuorum))
	mux.HandleFunc("GET /c/{corp}/meetings/{meeting}/notice", a.guard(books, "", a.meetingNotice))
	mux.HandleFunc("POST /c/{corp}/meetings/{meeting}/notice", a.guard(rec, "", a.postMeetingNotice))
	mux.HandleFunc("GET /c/{corp}/meetings/{meeting}/ballots", a.guard(access.ReadBallots, "", a.meetingBallots))

	mux.HandleFunc("GET /c/{corp}/board", a.guard(board, "", a.board))
	mux.HandleFunc("GET /c/{corp}/minutes/{meeting}", a.guard(board, "", a.minutes))

	mux.HandleFunc("GET /c/{corp}/journal", a.guard(books, "", a.journal))
	mux.HandleFunc("GET /c/{corp}/journal/{seq}", a.guard(books, "", a.journalEntry))

	mux.HandleFunc("GET /c/{corp}/act", a.guard(rec, "", a.actForm))
	mux.HandleFunc("POST /c/{corp}/act", a.guard(rec, "", a.postAct))
}

// secPage makes the page of a secretary's view: its title, section of the
// navigation and data.
func secPage(rq *Request, section, title string, data any) *Page {
	return &Page{Title: title, Principal: rq.Principal, Corp: rq.Corp, Section: section, Data: data,
		CanRecord: access.Records.Decide(rq.Principal, access.Target{Corp: rq.Corp}).Allowed}
}

// fail shows err on an error page with the status of its kind (the API's
// one map); an internal error's cause is logged, not shown.
func (a *App) fail(rq *Request, err error) {
	status := httpapi.StatusOf(err)
	msg := err.Error()
	if status == http.StatusInternalServerError {
		a.Logger.Error("page", "path", rq.R.URL.Path, "err", err)
		msg = "an internal error occurred; it has been logged"
	}
	a.render(rq.W, status, "sec_error.html", &Page{Title: http.StatusText(status), Principal: rq.Principal, Corp: rq.Corp, Section: "error", Error: msg})
}

// today is the civil date now in the corporation's time zone.
func (a *App) today(rq *Request) (corp.Date, error) {
	return a.API.Today(rq.R.Context(), rq.Corp)
}

// dateParam reads a date from the query or form; def when absent.
func dateParam(r *http.Request, name string, def corp.Date) (corp.Date, error) {
	s := strings.TrimSpace(r.FormValue(name))
	if s == "" {
		return def, nil
	}
	d, err := corp.ParseDate(s)
	if err != nil {
		return corp.Date{}, corp.E("page", corp.Invalid, "%s: %v", name, err)
	}
	return d, nil
}

// names maps each recorded person's id to their name.
func (a *App) names(ctx context.Context, corpID string) (map[string]string, error) {
	ps, err := a.Acts.Persons(ctx, corpID)
	if err != nil {
		return nil, err
	}
	return nameMap(ps), nil
}

// nameMap maps each person's id to their name.
func nameMap(ps []corp.Person) map[string]string {
	m := make(map[string]string, len(ps))
	for _, p := range ps {
		m[p.ID] = p.Name
	}
	return m
}

// Outcome is what a form's acts came to, for the checks table: the
// results with their checks, whether it was a dry run, and the verdict.
type Outcome struct {
	DryRun  bool
	Results []acts.Result
	// OK is true when every act passed (recorded, or checked on a dry run).
	OK bool
	// Refusal is the first failed check's citation and message.
	Refusal string
}

// record checks (dry) or records the acts of an act file (YAML or JSON)
// through the API's act path, as the request's principal.
func (a *App) record(rq *Request, src []byte, dry bool) (*Outcome, error) {
	list, err := acts.DecodeFile("form", src)
	if err != nil {
		return nil, err
	}
	for _, x := range list {
		if x.Corp != "" && x.Corp != rq.Corp {
			return nil, corp.E("act", corp.Invalid, "the act names corporation %q, but this is %q", x.Corp, rq.Corp)
		}
	}
	rs, err := a.API.Record(rq.R.Context(), rq.Principal, rq.Corp, list, acts.Options{DryRun: dry, Atomic: true})
	if err != nil {
		return nil, err
	}
	o := &Outcome{DryRun: dry, Results: rs, OK: true}
	for _, r := range rs {
		if r.Status != acts.Recorded && r.Status != acts.Checked {
			o.OK = false
		}
		for _, ch := range r.Checks {
			if ch.Outcome == journal.Failed && o.Refusal == "" {
				o.Refusal = ch.Citation + " — " + ch.Message + " [" + ch.Rule + "]"
			}
		}
	}
	return o, nil
}

// recorded sends the browser to the journal page of the last act recorded,
// with a note (Post/Redirect/Get).
func recorded(rq *Request, o *Outcome) {
	var seq uint64
	for _, r := range o.Results {
		seq = max(seq, r.Seq)
	}
	http.Redirect(rq.W, rq.R, fmt.Sprintf("/c/%s/journal/%d?recorded=1", url.PathEscape(rq.Corp), seq), http.StatusSeeOther)
}

// yamlQuote quotes a form value for an act file: a JSON string is a YAML
// flow scalar, so nothing a user types can change the act's structure.
func yamlQuote(s string) string {
	b, _ := json.Marshal(strings.TrimSpace(s))
	return string(b)
}

// partial writes one named template of a page without the layout, for an
// htmx swap.
func (a *App) partial(w http.ResponseWriter, page, name string, p *Page) {
	var buf bytes.Buffer
	if err := a.pages[page].ExecuteTemplate(&buf, name, p); err != nil {
		a.Logger.Error("render", "page", page, "partial", name, "err", err)
		http.Error(w, "the page could not be rendered; the error has been logged", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	buf.WriteTo(w)
}

// The secretary's pages' template helpers, added to the layout's.
func init() {
	funcs["pct"] = acts.Percent
	funcs["grouped"] = func(d corp.Decimal) string { return d.Grouped() }
	funcs["num"] = func(s string) string {
		if d, err := corp.ParseDecimal(s); err == nil {
			return d.Grouped()
		}
		return s
	}
	funcs["money"] = func(d corp.Decimal) string {
		whole, cents, _ := strings.Cut(d.StringFixed(2), ".")
		if x, err := corp.ParseDecimal(whole); err == nil {
			return x.Grouped() + "." + cents
		}
		return d.StringFixed(2)
	}
	funcs["neg"] = func(n int) int { return -n }
	funcs["name"] = func(names map[string]string, id string) string {
		if n, ok := names[id]; ok {
			return n
		}
		return id
	}
	funcs["join"] = strings.Join
	funcs["deref"] = func(b *bool) bool { return b != nil && *b }
	funcs["add"] = func(a, b int) int { return a + b }
	funcs["sub"] = func(a, b int) int { return a - b }
	funcs["add64"] = func(a uint64, b int) uint64 { return a + uint64(b) }
	funcs["sub64"] = func(a uint64, b int) uint64 { return a - uint64(b) }
	funcs["list"] = func(s ...string) []string { return s }
	funcs["short"] = func(s string) string {
		if len(s) > 12 {
			return s[:12] + "…"
		}
		return s
	}
}
