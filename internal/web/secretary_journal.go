package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/journal"
)

// journalPageSize is the number of acts on a page of the journal browser.
const journalPageSize = 50

// JournalRow is one act of the journal browser.
type JournalRow struct {
	Entry                *journal.Entry
	Hash                 string
	Prev                 string // the previous entry's hash ("" for the first)
	Held, Warned, Failed int
	Fields               string
}

// JournalPage is a page of the journal, newest first.
type JournalPage struct {
	Head       uint64
	Page, Last int
	Rows       []JournalRow
	Verify     *Verification
}

// headSeq finds the journal's last entry by probing single entries:
// doubling, then halving (2·log₂ n tiny reads, never the whole journal).
func (a *App) headSeq(rq *Request) (uint64, error) {
	ctx := rq.R.Context()
	exists := func(seq uint64) (bool, error) {
		es, _, err := a.Acts.Entries(ctx, rq.Corp, seq, seq)
		return len(es) > 0, err
	}
	hi := uint64(1)
	for {
		ok, err := exists(hi)
		if err != nil {
			return 0, err
		}
		if !ok {
			break
		}
		hi *= 2
	}
	lo := hi / 2 // exists (or 0)
	for lo+1 < hi {
		mid := lo + (hi-lo)/2
		ok, err := exists(mid)
		if err != nil {
			return 0, err
		}
		if ok {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo, nil
}

// journal shows a page of the journal, newest first (?page=1 is the
// newest), with verification on demand.
func (a *App) journal(rq *Request) {
	if s := rq.R.FormValue("seq"); s != "" {
		http.Redirect(rq.W, rq.R, "/c/"+url.PathEscape(rq.Corp)+"/journal/"+url.PathEscape(s), http.StatusSeeOther)
		return
	}
	head, err := a.headSeq(rq)
	if err != nil {
		a.fail(rq, err)
		return
	}
	p := &JournalPage{Head: head, Page: 1, Last: max(1, int((head+journalPageSize-1)/journalPageSize))}
	if s := rq.R.FormValue("page"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > p.Last {
			a.fail(rq, corp.E("journal", corp.Invalid, "page: %q is not a page from 1 to %d", s, p.Last))
			return
		}
		p.Page = n
	}
	if head > 0 {
		top := head - uint64(p.Page-1)*journalPageSize
		bottom := uint64(1)
		if top > journalPageSize {
			bottom = top - journalPageSize + 1
		}
		rows, err := a.journalRows(rq, bottom, top)
		if err != nil {
			a.fail(rq, err)
			return
		}
		for i := len(rows) - 1; i >= 0; i-- {
			p.Rows = append(p.Rows, rows[i])
		}
	}
	if v, ok := a.verified.Load(rq.Corp); ok {
		p.Verify = v.(*Verification)
	}
	a.render(rq.W, http.StatusOK, "sec_journal.html", secPage(rq, "journal", "Journal", p))
}

// journalRows reads entries [from, to] with each one's hash and the hash
// before it.
func (a *App) journalRows(rq *Request, from, to uint64) ([]JournalRow, error) {
	start := from
	if start > 1 {
		start--
	}
	es, hs, err := a.Acts.Entries(rq.R.Context(), rq.Corp, start, to)
	if err != nil {
		return nil, err
	}
	var out []JournalRow
	for i, e := range es {
		if e.Seq < from {
			continue
		}
		r := JournalRow{Entry: e, Hash: hs[i].String(), Fields: valueText(e.Fields, "")}
		if i > 0 {
			r.Prev = hs[i-1].String()
		}
		for _, c := range e.Checks {
			switch c.Outcome {
			case journal.Held:
				r.Held++
			case journal.Warned:
				r.Warned++
			case journal.Failed:
				r.Failed++
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// journalEntry shows one act: its dates, actor, fields, checks with their
// citations, and its hash chained to the one before.
func (a *App) journalEntry(rq *Request) {
	seq, err := strconv.ParseUint(rq.R.PathValue("seq"), 10, 64)
	if err != nil || seq == 0 {
		a.fail(rq, corp.E("journal", corp.Invalid, "%q is not an entry number", rq.R.PathValue("seq")))
		return
	}
	rows, err := a.journalRows(rq, seq, seq)
	if err != nil {
		a.fail(rq, err)
		return
	}
	if len(rows) == 0 {
		a.fail(rq, corp.E("journal", corp.NotFound, "entry %d is not in the journal of %s", seq, rq.Corp))
		return
	}
	pg := secPage(rq, "journal", fmt.Sprintf("Act #%d %s", seq, rows[0].Entry.Kind), &rows[0])
	if rq.R.FormValue("recorded") == "1" {
		pg.Flash = fmt.Sprintf("Recorded as act #%d.", seq)
	}
	a.render(rq.W, http.StatusOK, "sec_entry.html", pg)
}

// valueText renders an act's fields as indented YAML-like text.
func valueText(v journal.Value, indent string) string {
	switch v.Kind {
	case journal.Map:
		var b strings.Builder
		for i, k := range v.Keys {
			x := v.Vals[i]
			if (x.Kind == journal.Map && len(x.Keys) > 0) || (x.Kind == journal.List && len(x.Items) > 0) {
				fmt.Fprintf(&b, "%s%s:\n%s", indent, k, valueText(x, indent+"  "))
			} else {
				fmt.Fprintf(&b, "%s%s: %s\n", indent, k, valueText(x, ""))
			}
		}
		return b.String()
	case journal.List:
		var b strings.Builder
		for _, x := range v.Items {
			if x.Kind == journal.Map && len(x.Keys) > 0 {
				s := valueText(x, indent+"  ")
				fmt.Fprintf(&b, "%s- %s", indent, strings.TrimPrefix(s, indent+"  "))
			} else {
				fmt.Fprintf(&b, "%s- %s\n", indent, valueText(x, ""))
			}
		}
		return b.String()
	case journal.String:
		return v.S
	}
	return v.String()
}

// ActForm is the act editor: a kind, its documentation and an act file.
type ActForm struct {
	Kinds   []*acts.Kind
	Kind    *acts.Kind
	Source  string
	Outcome *Outcome
	Error   string
}

// actForm opens the act editor on ?kind, with the kind's example as the
// starting text (dated today, recorded by the secretary), or with ?src.
func (a *App) actForm(rq *Request) {
	f := &ActForm{Kinds: acts.Kinds(), Source: rq.R.FormValue("src")}
	if k, ok := acts.LookupKind(rq.R.FormValue("kind")); ok {
		f.Kind = k
		if f.Source == "" {
			today, err := a.today(rq)
			if err != nil {
				a.fail(rq, err)
				return
			}
			f.Source = exampleToday(k.Example, today)
		}
	}
	a.render(rq.W, http.StatusOK, "sec_act.html", secPage(rq, "act", "Record an act", f))
}

// exampleToday is a kind's example with its effective date set to today.
func exampleToday(ex string, today corp.Date) string {
	var out []string
	for _, l := range strings.Split(ex, "\n") {
		if strings.HasPrefix(l, "effective: ") {
			l = "effective: " + today.String()
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// postAct previews (action=preview) or records (action=record) the act
// file in the editor through the act path.
func (a *App) postAct(rq *Request) {
	f := &ActForm{Kinds: acts.Kinds(), Source: rq.R.FormValue("src")}
	if k, ok := acts.LookupKind(rq.R.FormValue("kind")); ok {
		f.Kind = k
	}
	dry := rq.R.FormValue("action") != "record"
	o, err := a.record(rq, []byte(f.Source), dry)
	status := http.StatusOK
	switch {
	case err != nil:
		f.Error, status = err.Error(), http.StatusBadRequest
	case o.OK && !dry:
		recorded(rq, o)
		return
	case !o.OK:
		status = http.StatusUnprocessableEntity
	}
	f.Outcome = o
	a.render(rq.W, status, "sec_act.html", secPage(rq, "act", "Record an act", f))
}
