package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"minutebook/internal/access"
	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/journal"
)

// HolderRow is one person on the holders page.
type HolderRow struct {
	Person corp.Person
	Shares []acts.Holding
	Votes  corp.Decimal
}

// HoldersPage lists the persons on the books, holders of record first.
type HoldersPage struct {
	Today   corp.Date
	Holders []HolderRow
	Others  []corp.Person
}

func (a *App) holders(rq *Request) {
	ctx := rq.R.Context()
	today, err := a.today(rq)
	if err != nil {
		a.fail(rq, err)
		return
	}
	ct, err := a.Acts.Holdings(ctx, rq.Corp, today)
	if err != nil {
		a.fail(rq, err)
		return
	}
	ps, err := a.Acts.Persons(ctx, rq.Corp)
	if err != nil {
		a.fail(rq, err)
		return
	}
	p := &HoldersPage{Today: today}
	idx := map[string]int{}
	for _, h := range ct.Holdings {
		i, ok := idx[h.Holder.ID]
		if !ok {
			i = len(p.Holders)
			idx[h.Holder.ID] = i
			p.Holders = append(p.Holders, HolderRow{Person: h.Holder})
		}
		p.Holders[i].Shares = append(p.Holders[i].Shares, h)
		p.Holders[i].Votes = p.Holders[i].Votes.Add(h.Votes)
	}
	for _, x := range ps {
		if _, ok := idx[x.ID]; !ok {
			p.Others = append(p.Others, x)
		}
	}
	a.render(rq.W, http.StatusOK, "sec_holders.html", secPage(rq, "holders", "Holders", p))
}

// HolderPage is one person: holdings today, certificates, proxies.
type HolderPage struct {
	Today        corp.Date
	Person       corp.Person
	Holdings     []acts.Holding
	Certificates []acts.Certificate
	Proxies      []acts.ProxyView
	Names        map[string]string
	CanTransfer  bool
}

func (a *App) holder(rq *Request) {
	ctx := rq.R.Context()
	id := rq.R.PathValue("person")
	today, err := a.today(rq)
	if err != nil {
		a.fail(rq, err)
		return
	}
	ps, err := a.Acts.Persons(ctx, rq.Corp)
	if err != nil {
		a.fail(rq, err)
		return
	}
	names := nameMap(ps)
	i := slices.IndexFunc(ps, func(p corp.Person) bool { return p.ID == id })
	if i < 0 {
		a.fail(rq, corp.E("holder", corp.NotFound, "no person %q is recorded in %s", id, rq.Corp))
		return
	}
	p := &HolderPage{Today: today, Person: ps[i], Names: names}
	ct, err := a.Acts.Holdings(ctx, rq.Corp, today)
	if err != nil {
		a.fail(rq, err)
		return
	}
	for _, h := range ct.Holdings {
		if h.Holder.ID == id {
			p.Holdings = append(p.Holdings, h)
		}
	}
	if p.Certificates, err = a.Acts.Certificates(ctx, rq.Corp, id); err != nil {
		a.fail(rq, err)
		return
	}
	for _, c := range p.Certificates {
		p.CanTransfer = p.CanTransfer || c.Status == acts.CertOutstanding
	}
	pv, err := a.Acts.Proxies(ctx, rq.Corp, today)
	if err != nil {
		a.fail(rq, err)
		return
	}
	for _, x := range pv {
		if x.Holder == id || x.ProxyHolder == id {
			p.Proxies = append(p.Proxies, x)
		}
	}
	a.render(rq.W, http.StatusOK, "sec_holder.html", secPage(rq, "holders", ps[i].Name, p))
}

// CertificatePage is one certificate.
type CertificatePage struct {
	Cert  acts.Certificate
	Names map[string]string
}

func (a *App) certificate(rq *Request) {
	ctx := rq.R.Context()
	n, err := strconv.ParseInt(rq.R.PathValue("number"), 10, 64)
	if err != nil {
		a.fail(rq, corp.E("certificate", corp.Invalid, "%q is not a certificate number", rq.R.PathValue("number")))
		return
	}
	cs, err := a.Acts.Certificates(ctx, rq.Corp, "")
	if err != nil {
		a.fail(rq, err)
		return
	}
	i := slices.IndexFunc(cs, func(c acts.Certificate) bool { return c.Number == n })
	if i < 0 {
		a.fail(rq, corp.E("certificate", corp.NotFound, "certificate %d is not on the books of %s", n, rq.Corp))
		return
	}
	names, err := a.names(ctx, rq.Corp)
	if err != nil {
		a.fail(rq, err)
		return
	}
	a.render(rq.W, http.StatusOK, "sec_certificate.html", secPage(rq, "holders", fmt.Sprintf("Certificate %d", n), &CertificatePage{Cert: cs[i], Names: names}))
}

// TransferForm is the transfer wizard's state: what was chosen, the
// choices, the restrictions' windows and, after a preview or an attempt,
// the checks.
type TransferForm struct {
	From, To     string
	Certs        []int64
	Shares       string
	Effective    string
	Evidence     string
	Nature       string
	Price        string
	Signer1      string
	Signer2      string
	ROFRNotice   string
	ROFRWaiver   string
	Holders      []corp.Person // holders with outstanding certificates
	Persons      []corp.Person
	Certificates []acts.Certificate // the transferor's outstanding ones
	Officers     []acts.Tenure
	Names        map[string]string
	// Windows are the calendar's ROFR and stand-off windows around the
	// transfer's date.
	Windows []acts.Deadline
	Outcome *Outcome
	// Restrictions are the checks of the restriction steps: stop orders
	// and the stand-off (Art. VI §6) and the right of first refusal (Art.
	// VIII), with their citations.
	Restrictions []journal.Check
	Step         int // 1 choose, 2 restrictions, 3 preview, 4 recorded
}

// HasCert reports whether certificate n is chosen.
func (f *TransferForm) HasCert(n int64) bool { return slices.Contains(f.Certs, n) }

// transferForm is step one of the wizard: choose the transferor, the
// certificates, the shares, the transferee and the terms.
func (a *App) transferForm(rq *Request) {
	f := &TransferForm{From: rq.R.FormValue("from"), Evidence: "endorsed", Nature: "sale", Step: 1}
	if n, err := strconv.ParseInt(rq.R.FormValue("cert"), 10, 64); err == nil {
		f.Certs = []int64{n}
	}
	a.transferPage(rq, f, http.StatusOK)
}

// transferPage fills the wizard's choices and renders it.
func (a *App) transferPage(rq *Request, f *TransferForm, status int) {
	ctx := rq.R.Context()
	today, err := a.today(rq)
	if err != nil {
		a.fail(rq, err)
		return
	}
	if f.Effective == "" {
		f.Effective = today.String()
	}
	eff, err := corp.ParseDate(f.Effective)
	if err != nil {
		eff = today
	}
	if f.Persons, err = a.Acts.Persons(ctx, rq.Corp); err != nil {
		a.fail(rq, err)
		return
	}
	f.Names = nameMap(f.Persons)
	all, err := a.Acts.Certificates(ctx, rq.Corp, "")
	if err != nil {
		a.fail(rq, err)
		return
	}
	holds := map[string]bool{}
	for _, c := range all {
		if c.Status != acts.CertOutstanding {
			continue
		}
		holds[c.Holder] = true
		if c.Holder == f.From {
			f.Certificates = append(f.Certificates, c)
		}
	}
	for _, p := range f.Persons {
		if holds[p.ID] {
			f.Holders = append(f.Holders, p)
		}
	}
	if f.Officers, err = a.Acts.OfficersOn(ctx, rq.Corp, eff); err != nil {
		a.fail(rq, err)
		return
	}
	if f.Signer1 == "" && f.Signer2 == "" {
		for _, o := range f.Officers {
			if o.Office == "president" && f.Signer1 == "" {
				f.Signer1 = o.Person + "/" + o.Office
			}
			if o.Office == "secretary" && f.Signer2 == "" {
				f.Signer2 = o.Person + "/" + o.Office
			}
		}
	}
	ds, err := a.Acts.Calendar(ctx, rq.Corp, eff.AddDays(-240), eff.AddDays(240))
	if err != nil {
		a.fail(rq, err)
		return
	}
	for _, d := range ds {
		if strings.HasPrefix(d.Rule, "VIII.") || strings.HasPrefix(d.Rule, "VI.6") {
			f.Windows = append(f.Windows, d)
		}
	}
	a.render(rq.W, status, "sec_transfer.html", secPage(rq, "holders", "Transfer shares", f))
}

// postTransfer previews (action=preview: a dry run with every check and
// citation) or records (action=record) the transfer through the act path.
func (a *App) postTransfer(rq *Request) {
	r := rq.R
	if err := r.ParseForm(); err != nil {
		a.fail(rq, corp.E("transfer", corp.Invalid, "the form: %v", err))
		return
	}
	f := &TransferForm{From: r.FormValue("from"), To: r.FormValue("to"), Shares: strings.TrimSpace(r.FormValue("shares")),
		Effective: strings.TrimSpace(r.FormValue("effective")), Evidence: r.FormValue("evidence"), Nature: r.FormValue("nature"),
		Price: strings.TrimSpace(r.FormValue("price")), Signer1: r.FormValue("signer1"), Signer2: r.FormValue("signer2"),
		ROFRNotice: strings.TrimSpace(r.FormValue("rofr_notice")), ROFRWaiver: strings.TrimSpace(r.FormValue("rofr_waiver")), Step: 3}
	for _, s := range r.Form["cert"] {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			f.Certs = append(f.Certs, n)
		}
	}
	if f.From == "" || f.To == "" || len(f.Certs) == 0 || f.Shares == "" {
		f.Step = 1
		p := "choose the transferor, at least one certificate, the shares and the transferee"
		a.transferWithError(rq, f, p)
		return
	}
	dry := r.FormValue("action") != "record"
	o, err := a.record(rq, []byte(transferAct(rq, f)), dry)
	if err != nil {
		a.transferWithError(rq, f, err.Error())
		return
	}
	if o.OK && !dry {
		recorded(rq, o)
		return
	}
	f.Outcome = o
	for _, res := range o.Results {
		for _, ch := range res.Checks {
			if strings.HasPrefix(ch.Rule, "VIII.") || strings.HasPrefix(ch.Rule, "VI.6") {
				f.Restrictions = append(f.Restrictions, ch)
			}
		}
	}
	status := http.StatusOK
	if !o.OK {
		status = http.StatusUnprocessableEntity
	}
	a.transferPage(rq, f, status)
}

// transferWithError shows the wizard again with what was wrong.
func (a *App) transferWithError(rq *Request, f *TransferForm, msg string) {
	f.Outcome = &Outcome{Refusal: msg}
	a.transferPage(rq, f, http.StatusBadRequest)
}

// transferAct writes the wizard's choices as a stock.transfer act file,
// every value quoted (yamlQuote).
func transferAct(rq *Request, f *TransferForm) string {
	var b strings.Builder
	fmt.Fprintf(&b, "kind: stock.transfer\neffective: %s\nactor: %s\nfields:\n", yamlQuote(f.Effective), secretaryActor(rq))
	fmt.Fprintf(&b, "  from: %s\n  to: %s\n  shares: %s\n  evidence: %s\n", yamlQuote(f.From), yamlQuote(f.To), yamlQuote(f.Shares), yamlQuote(f.Evidence))
	var certs []string
	for _, n := range f.Certs {
		certs = append(certs, strconv.FormatInt(n, 10))
	}
	fmt.Fprintf(&b, "  certificates: [%s]\n", strings.Join(certs, ", "))
	if f.Nature != "" {
		fmt.Fprintf(&b, "  nature: %s\n", yamlQuote(f.Nature))
	}
	if f.Price != "" {
		fmt.Fprintf(&b, "  price: %s\n", yamlQuote(f.Price))
	}
	if f.ROFRNotice != "" {
		fmt.Fprintf(&b, "  rofr_notice: %s\n", yamlQuote(f.ROFRNotice))
	}
	if f.ROFRWaiver != "" {
		fmt.Fprintf(&b, "  rofr_waiver: %s\n", yamlQuote(f.ROFRWaiver))
	}
	var signers []string
	for _, s := range []string{f.Signer1, f.Signer2} {
		if person, office, ok := strings.Cut(s, "/"); ok {
			signers = append(signers, fmt.Sprintf("{person: %s, office: %s}", yamlQuote(person), yamlQuote(office)))
		}
	}
	if len(signers) > 0 {
		fmt.Fprintf(&b, "  signers: [%s]\n", strings.Join(signers, ", "))
	}
	return b.String()
}

// secretaryActor is the actor of an act the logged-in secretary records:
// the person their grant names, as secretary (the office alone when the
// grant names no person).
func secretaryActor(rq *Request) string {
	for _, g := range rq.Principal.In(rq.Corp) {
		if g.Role == access.Secretary && g.Person != "" {
			return "{person: " + yamlQuote(g.Person) + ", as: secretary}"
		}
	}
	return "{as: secretary}"
}
