package ocf

import (
	"archive/zip"
	"context"
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing/fstest"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/journal"
)

// ExportOptions change what Export writes.
type ExportOptions struct {
	// AsOf is the manifest's as_of date and the date of the charter facts
	// exported.
	AsOf corp.Date
	// GeneratedAt is the manifest's generated_at time.
	GeneratedAt time.Time
	// Instruments, when given, is the package the books were imported
	// from: its stock plans and vesting terms, which the books do not hold,
	// are written back with ids mapped, and the options granted under a
	// plan name it. The instruments themselves are written from the books.
	Instruments *Package
}

// Export is an OCF package written from the books: file name -> content,
// and notes on what could not be written.
type Export struct {
	Files map[string][]byte
	Notes []string
}

type exporter struct {
	svc    *acts.Service
	corpID string
	opt    ExportOptions
	out    *Export
	txs    []any
	used   map[int64]bool
	certs  []acts.Certificate
	prefix map[string]string
	// grants are the instruments on the books; planIDs the stock plans
	// written back, by name.
	grants  map[string]*acts.InstrumentOn
	planIDs map[string]string
}

// Export writes corporation corpID as an OCF 1.2.0 package: the manifest
// (issuer from the corporation), stakeholders from the persons, stock
// classes from the charter facts in force on AsOf, and the issuances and
// transfers of the journal with the certificates they made. The package is
// read back and validated against the 1.2.0 schemas before it is returned.
func ExportCorporation(ctx context.Context, svc *acts.Service, corpID string, opt ExportOptions) (*Export, error) {
	co, facts, err := svc.CorporationOn(ctx, corpID, opt.AsOf)
	if err != nil {
		return nil, err
	}
	persons, err := svc.Persons(ctx, corpID)
	if err != nil {
		return nil, err
	}
	certs, err := svc.Certificates(ctx, corpID, "")
	if err != nil {
		return nil, err
	}
	entries, _, err := svc.Entries(ctx, corpID, 0, 0)
	if err != nil {
		return nil, err
	}
	x := &exporter{svc: svc, corpID: corpID, opt: opt, out: &Export{Files: map[string][]byte{}}, used: map[int64]bool{}, certs: certs, prefix: map[string]string{},
		grants: map[string]*acts.InstrumentOn{}, planIDs: map[string]string{}}
	ins, err := svc.Instruments(ctx, corpID, corp.MustDate(9999, 12, 31))
	if err != nil {
		return nil, err
	}
	for i := range ins {
		x.grants[ins[i].ID] = &ins[i]
	}
	// Plans and vesting terms written back.
	var plans, vesting []any
	if opt.Instruments != nil {
		plans, vesting = x.plans(opt.Instruments)
	}
	// Stakeholders.
	var stakeholders []any
	for _, p := range persons {
		s := map[string]any{"object_type": "STAKEHOLDER", "id": p.ID, "name": map[string]any{"legal_name": p.Name}, "stakeholder_type": "INSTITUTION"}
		if p.Kind == corp.NaturalPerson {
			s["stakeholder_type"] = "INDIVIDUAL"
		}
		if a := ocfAddress(p.Address, "CONTACT"); a != nil {
			s["addresses"] = []any{a}
		}
		if p.Email != "" {
			s["contact_info"] = map[string]any{"emails": []any{map[string]any{"email_type": "PERSONAL", "email_address": p.Email}}}
		}
		stakeholders = append(stakeholders, s)
	}
	// Stock classes.
	var classes []any
	for i, c := range facts.Classes {
		x.prefix[c.ID] = strings.ToUpper(c.ID) + "-"
		k := map[string]any{"object_type": "STOCK_CLASS", "id": c.ID, "name": c.Name, "class_type": classType(c),
			"default_id_prefix": x.prefix[c.ID], "initial_shares_authorized": c.Authorized.String(),
			"votes_per_share": c.VotesPerShare.String(), "seniority": fmt.Sprint(i + 1)}
		if c.Par.Sign() > 0 {
			k["par_value"] = money(c.Par)
		}
		classes = append(classes, k)
	}
	// Transactions from the journal.
	for _, e := range entries {
		switch e.Kind {
		case "stock.issue":
			x.issue(e)
		case "stock.transfer":
			x.transfer(e)
		case "instrument.grant", "instrument.exercise", "instrument.convert", "instrument.cancel", "instrument.expire":
			x.instrument(e)
		default:
			if strings.HasPrefix(e.Kind, "stock.") || strings.HasPrefix(e.Kind, "certificate.") || e.Kind == "dividend.pay" {
				x.out.Notes = append(x.out.Notes, fmt.Sprintf("journal entry %d (%s) is not exported: no OCF mapping yet", e.Seq, e.Kind))
			}
		}
	}
	files := []struct {
		key, name, fileType string
		items               []any
	}{
		{"stakeholders_files", "Stakeholders.ocf.json", "OCF_STAKEHOLDERS_FILE", stakeholders},
		{"stock_classes_files", "StockClasses.ocf.json", "OCF_STOCK_CLASSES_FILE", classes},
		{"stock_plans_files", "StockPlans.ocf.json", "OCF_STOCK_PLANS_FILE", plans},
		{"vesting_terms_files", "VestingTerms.ocf.json", "OCF_VESTING_TERMS_FILE", vesting},
		{"transactions_files", "Transactions.ocf.json", "OCF_TRANSACTIONS_FILE", x.txs},
	}
	manifest := map[string]any{
		"ocf_version": ExportVersion, "file_type": "OCF_MANIFEST_FILE",
		"issuer": issuer(co), "as_of": opt.AsOf.String(), "generated_at": opt.GeneratedAt.Format(time.RFC3339),
		"stock_plans_files": []any{}, "stock_legend_templates_files": []any{}, "stock_classes_files": []any{},
		"vesting_terms_files": []any{}, "valuations_files": []any{}, "transactions_files": []any{}, "stakeholders_files": []any{},
		"comments": []any{"Written by minutebook from the journal of corporation " + corpID + "."},
	}
	for _, f := range files {
		if len(f.items) == 0 && f.key != "stakeholders_files" && f.key != "stock_classes_files" && f.key != "transactions_files" {
			continue
		}
		if f.items == nil {
			f.items = []any{}
		}
		data, err := marshal(map[string]any{"file_type": f.fileType, "items": f.items})
		if err != nil {
			return nil, err
		}
		sum := md5.Sum(data)
		x.out.Files[f.name] = data
		manifest[f.key] = []any{map[string]any{"filepath": "./" + f.name, "md5": hex.EncodeToString(sum[:])}}
	}
	data, err := marshal(manifest)
	if err != nil {
		return nil, err
	}
	x.out.Files["Manifest.ocf.json"] = data
	// Read it back: what Export writes must validate against OCF 1.2.0.
	fsys := fstest.MapFS{}
	for k, v := range x.out.Files {
		fsys[k] = &fstest.MapFile{Data: v}
	}
	if _, err := Read(fsys, "export"); err != nil {
		return nil, fmt.Errorf("the exported package does not validate (a bug in the exporter): %w", err)
	}
	return x.out, nil
}

func marshal(v any) ([]byte, error) {
	data, err := json.MarshalIndent(v, "", "  ")
	return append(data, '\n'), err
}

func classType(c corp.AuthorizedClass) string {
	if strings.Contains(strings.ToLower(c.Name+" "+c.ID), "preferred") {
		return "PREFERRED"
	}
	return "COMMON"
}

func money(d corp.Decimal) map[string]any {
	return map[string]any{"amount": d.String(), "currency": "USD"}
}

func issuer(co *corp.Corporation) map[string]any {
	is := map[string]any{"object_type": "ISSUER", "id": co.ID, "legal_name": co.LegalName,
		"formation_date": co.IncorporationDate.String(), "country_of_formation": "US"}
	if code, ok := stateCode(co.State); ok {
		is["country_subdivision_of_formation"] = code
	}
	if a := ocfAddress(co.RegisteredOffice, "LEGAL"); a != nil {
		is["address"] = a
	}
	return is
}

func ocfAddress(a corp.Address, kind string) map[string]any {
	if len(a.Country) != 2 || strings.ToUpper(a.Country) != a.Country {
		return nil
	}
	out := map[string]any{"address_type": kind, "country": a.Country}
	if len(a.Lines) > 0 {
		out["street_suite"] = strings.Join(a.Lines, "\n")
	}
	if a.City != "" {
		out["city"] = a.City
	}
	if a.Region != "" {
		out["country_subdivision"] = a.Region
	}
	if a.PostalCode != "" {
		out["postal_code"] = a.PostalCode
	}
	return out
}

func str(v journal.Value, k string) string {
	x, _ := v.Get(k)
	return x.S
}

// cert finds the lowest-numbered certificate not yet exported that an act
// of date d made for holder: of origin in origins, class and shares.
func (x *exporter) cert(origins []string, holder, class, date string, shares corp.Decimal, number int64) *acts.Certificate {
	for i := range x.certs {
		c := &x.certs[i]
		if x.used[c.Number] || (number != 0 && c.Number != number) {
			continue
		}
		ok := false
		for _, o := range origins {
			ok = ok || c.Origin == o
		}
		if ok && c.Holder == holder && c.Class == class && c.Issued.String() == date && (shares.Sign() == 0 || c.Shares.Cmp(shares) == 0) {
			x.used[c.Number] = true
			return c
		}
	}
	return nil
}

func secID(n int64) string { return fmt.Sprintf("cert-%d", n) }

func (x *exporter) customID(c *acts.Certificate) string {
	if c.Certificated {
		return fmt.Sprintf("%s%d", x.prefix[c.Class], c.Number)
	}
	return fmt.Sprintf("U-%d", c.Number)
}

func (x *exporter) issuance(id string, c *acts.Certificate, price corp.Decimal, comment string) map[string]any {
	tx := map[string]any{"object_type": "TX_STOCK_ISSUANCE", "id": id, "security_id": secID(c.Number), "date": c.Issued.String(),
		"custom_id": x.customID(c), "stakeholder_id": c.Holder, "stock_class_id": c.Class, "quantity": c.Shares.String(),
		"share_price": money(price), "stock_legend_ids": []any{}, "security_law_exemptions": []any{}}
	if comment != "" {
		tx["comments"] = []any{comment}
	}
	return tx
}

// perShare returns total / shares to at most 10 fractional digits (OCF
// Numeric), rounded down.
func perShare(total, shares corp.Decimal) corp.Decimal {
	if shares.Sign() == 0 {
		return corp.Decimal{}
	}
	r := total.Rat()
	r.Quo(r, shares.Rat())
	d, err := corp.ParseDecimal(r.FloatString(10))
	if err != nil {
		return corp.Decimal{}
	}
	return d
}

func (x *exporter) issue(e *journal.Entry) {
	shares, _ := corp.ParseDecimal(str(e.Fields, "shares"))
	cons, _ := corp.ParseDecimal(str(e.Fields, "consideration"))
	num, _ := e.Fields.Get("number")
	c := x.cert([]string{"issue", "treasury"}, str(e.Fields, "holder"), str(e.Fields, "class"), e.Effective, shares, num.I)
	if c == nil {
		x.out.Notes = append(x.out.Notes, fmt.Sprintf("journal entry %d (stock.issue): no matching certificate; not exported", e.Seq))
		return
	}
	tx := x.issuance(fmt.Sprintf("entry-%d", e.Seq), c, perShare(cons, shares), "")
	tx["consideration_text"] = fmt.Sprintf("%s USD; resolution: %s", cons.StringFixed(2), str(e.Fields, "resolution"))
	x.txs = append(x.txs, tx)
}

func (x *exporter) transfer(e *journal.Entry) {
	from, to, date := str(e.Fields, "from"), str(e.Fields, "to"), e.Effective
	units, _ := corp.ParseDecimal(str(e.Fields, "shares"))
	price := corp.Decimal{}
	if v, ok := e.Fields.Get("price"); ok && v.Kind == journal.String {
		price, _ = corp.ParseDecimal(v.S)
	}
	certsV, _ := e.Fields.Get("certificates")
	var surrendered []*acts.Certificate
	for _, n := range certsV.Items {
		for i := range x.certs {
			if x.certs[i].Number == n.I {
				surrendered = append(surrendered, &x.certs[i])
			}
		}
	}
	if len(surrendered) == 0 {
		x.out.Notes = append(x.out.Notes, fmt.Sprintf("journal entry %d (stock.transfer): surrendered certificates not found; not exported", e.Seq))
		return
	}
	class := surrendered[0].Class
	got := x.cert([]string{"transfer"}, to, class, date, units, 0)
	if got == nil {
		x.out.Notes = append(x.out.Notes, fmt.Sprintf("journal entry %d (stock.transfer): no transferee certificate; not exported", e.Seq))
		return
	}
	bal := x.cert([]string{"balance"}, from, class, date, corp.Decimal{}, got.Number+1)
	// One OCF transfer per surrendered certificate, the shares taken from
	// them in order; the last one used carries the balance.
	remaining := units
	pps := perShare(price, units)
	for i, s := range surrendered {
		if remaining.Sign() == 0 {
			x.out.Notes = append(x.out.Notes, fmt.Sprintf("journal entry %d: certificate %d surrendered without shares taken from it; its shares are on balance certificate %d", e.Seq, s.Number, bal.Number))
			continue
		}
		part := s.Shares
		if part.Cmp(remaining) > 0 {
			part = remaining
		}
		remaining = remaining.Sub(part)
		last := remaining.Sign() == 0
		res := *got
		res.Shares = part
		rid := secID(got.Number)
		if !last {
			rid = fmt.Sprintf("cert-%d-part-%d", got.Number, i+1)
		}
		resTx := x.issuance(fmt.Sprintf("entry-%d-to-%d", e.Seq, i+1), &res, pps, fmt.Sprintf("resulting security of transfer entry-%d-%d", e.Seq, i+1))
		resTx["security_id"] = rid
		tx := map[string]any{"object_type": "TX_STOCK_TRANSFER", "id": fmt.Sprintf("entry-%d-%d", e.Seq, i+1), "security_id": secID(s.Number),
			"date": date, "quantity": part.String(), "resulting_security_ids": []any{rid}}
		x.txs = append(x.txs, resTx)
		if rest := s.Shares.Sub(part); rest.Sign() > 0 {
			b := acts.Certificate{Number: s.Number, Class: class, Holder: from, Shares: rest, Issued: got.Issued, Certificated: s.Certificated}
			bid := fmt.Sprintf("cert-%d-balance", s.Number)
			if bal != nil && last {
				b.Number = bal.Number
				bid = secID(bal.Number)
			}
			balTx := x.issuance(fmt.Sprintf("entry-%d-balance-%d", e.Seq, i+1), &b, corp.Decimal{}, "balance security of transfer "+tx["id"].(string))
			balTx["security_id"] = bid
			tx["balance_security_id"] = bid
			x.txs = append(x.txs, balTx)
		}
		x.txs = append(x.txs, tx)
	}
}

// plans returns the stock plans and vesting terms of the imported package,
// with stock class ids mapped as the import mapped them. Objects that do
// not validate against OCF 1.2.0 are left out with a note.
func (x *exporter) plans(pkg *Package) (plans, vesting []any) {
	p := &planner{pkg: pkg, rep: &Report{}, classes: map[string]string{}}
	for _, o := range pkg.Of("STOCK_CLASS") {
		p.classes[o.ID] = p.uniqueClassID(o)
	}
	sch, _ := SchemasFor(ExportVersion)
	for _, o := range pkg.Objects {
		if o.Type != "STOCK_PLAN" && o.Type != "VESTING_TERMS" {
			continue
		}
		var m map[string]any
		_ = json.Unmarshal(o.Raw, &m)
		if v, ok := m["stock_class_id"].(string); ok && p.classes[v] != "" {
			m["stock_class_id"] = p.classes[v]
		}
		if ids, ok := m["stock_class_ids"].([]any); ok {
			for i, v := range ids {
				if s, ok := v.(string); ok && p.classes[s] != "" {
					ids[i] = p.classes[s]
				}
			}
		}
		data, _ := json.Marshal(m)
		if v, err := decodeJSON(data); err == nil {
			if os := sch.objects[o.Type]; os == nil || len(validate(os, v, o.File, o.Pointer)) > 0 {
				x.out.Notes = append(x.out.Notes, fmt.Sprintf("%s %s (%s#%s) does not validate against OCF %s; not written back", o.Type, o.ID, o.File, o.Pointer, ExportVersion))
				continue
			}
		}
		if o.Type == "STOCK_PLAN" {
			x.planIDs[o.Str("plan_name")] = o.ID
			plans = append(plans, m)
		} else {
			vesting = append(vesting, m)
		}
	}
	return plans, vesting
}

// WriteTo writes the package to path: a .zip file when path ends in .zip,
// else a folder (created if needed).
func (x *Export) WriteTo(path string) error {
	names := x.names()
	if strings.HasSuffix(strings.ToLower(path), ".zip") {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		if err := x.writeZip(f, names); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	if err := os.MkdirAll(path, 0o755); err != nil {
		return err
	}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(path, n), x.Files[n], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// WriteZip writes the package as a zip archive to w.
func (x *Export) WriteZip(w io.Writer) error { return x.writeZip(w, x.names()) }

func (x *Export) names() []string {
	names := make([]string, 0, len(x.Files))
	for k := range x.Files {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

func (x *Export) writeZip(w io.Writer, names []string) error {
	zw := zip.NewWriter(w)
	for _, n := range names {
		fw, err := zw.Create(n)
		if err != nil {
			return err
		}
		if _, err := fw.Write(x.Files[n]); err != nil {
			return err
		}
	}
	return zw.Close()
}
