package acts

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"minutebook/internal/bylaws"
	"minutebook/internal/corp"
	"minutebook/internal/strict"
	"minutebook/internal/tables"
)

// AddressField is a postal address in an act file.
type AddressField struct {
	Lines      []string `mb:"lines" doc:"street lines"`
	City       string   `mb:"city"`
	Region     string   `mb:"region" doc:"state, county or province"`
	PostalCode string   `mb:"postal_code"`
	Country    string   `mb:"country"`
}

func (a AddressField) address() corp.Address {
	return corp.Address{Lines: a.Lines, City: a.City, Region: a.Region, PostalCode: a.PostalCode, Country: a.Country}
}

// ClassField is an authorized class or series in an act file.
type ClassField struct {
	ID            string        `mb:"id,required" doc:"a short identifier, e.g. common"`
	Name          string        `mb:"name,required" doc:"e.g. Common Stock"`
	Authorized    corp.Decimal  `mb:"authorized,required" doc:"shares authorized"`
	Par           corp.Decimal  `mb:"par" doc:"par value per share in dollars; 0 for no par"`
	VotesPerShare *corp.Decimal `mb:"votes_per_share" doc:"votes per share (Art. II §10); default 1; 0 for non-voting"`
	Scale         int           `mb:"scale" doc:"fractional digits a share count may have; 0 (default) forbids fractional shares"`
	Rights        string        `mb:"rights" doc:"the rights, preferences and limitations, or the DGCL §202 statement, for certificates (Art. VI §1)"`
}

// CharterField holds the charter facts the bylaws depend on (rules.md §3).
type CharterField struct {
	CumulativeVoting                  bool         `mb:"cumulative_voting" doc:"the certificate provides cumulative voting (Art. II §10 ¶2)"`
	BoardMayAmendBylaws               bool         `mb:"board_may_amend_bylaws" doc:"the certificate confers on the board the power to amend the bylaws (Art. IX §1; DGCL §109(a))"`
	WrittenConsentAllowed             *bool        `mb:"written_consent_allowed" doc:"stockholders may act by written consent (Art. II §11); default true"`
	CommitteeDividendOrStockAuthority bool         `mb:"committee_dividend_or_stock_authority" doc:"the certificate expressly lets committees declare dividends or authorize stock (Art. III §11)"`
	Classes                           []ClassField `mb:"classes" doc:"authorized classes and series"`
}

// Facts converts the field to charter facts.
func (c CharterField) Facts() corp.CharterFacts {
	f := corp.CharterFacts{
		CumulativeVoting: c.CumulativeVoting, BoardMayAmendBylaws: c.BoardMayAmendBylaws,
		WrittenConsentAllowed:             c.WrittenConsentAllowed == nil || *c.WrittenConsentAllowed,
		CommitteeDividendOrStockAuthority: c.CommitteeDividendOrStockAuthority,
	}
	for _, k := range c.Classes {
		v := corp.DecimalFromInt(1)
		if k.VotesPerShare != nil {
			v = *k.VotesPerShare
		}
		f.Classes = append(f.Classes, corp.AuthorizedClass{ID: k.ID, Name: k.Name, Authorized: k.Authorized, Par: k.Par, VotesPerShare: v, Scale: k.Scale, Rights: k.Rights})
	}
	return f
}

// CharterFieldOf is the inverse of Facts.
func CharterFieldOf(f corp.CharterFacts) CharterField {
	wc := f.WrittenConsentAllowed
	c := CharterField{CumulativeVoting: f.CumulativeVoting, BoardMayAmendBylaws: f.BoardMayAmendBylaws,
		WrittenConsentAllowed: &wc, CommitteeDividendOrStockAuthority: f.CommitteeDividendOrStockAuthority}
	for _, k := range f.Classes {
		v := k.VotesPerShare
		c.Classes = append(c.Classes, ClassField{ID: k.ID, Name: k.Name, Authorized: k.Authorized, Par: k.Par, VotesPerShare: &v, Scale: k.Scale, Rights: k.Rights})
	}
	return c
}

// checkClasses checks that authorized classes are well formed.
func checkClasses(e *Env, c CharterField) {
	seen := map[string]bool{}
	for i, k := range c.Classes {
		bad := ""
		switch {
		case k.ID == "":
			bad = "has no id"
		case seen[k.ID]:
			bad = "repeats the id " + k.ID
		case k.Authorized.Sign() < 0:
			bad = "authorizes a negative number of shares"
		case k.Par.Sign() < 0:
			bad = "has a negative par value"
		case k.VotesPerShare != nil && k.VotesPerShare.Sign() < 0:
			bad = "has negative votes per share"
		case k.Scale < 0 || k.Scale > 12:
			bad = "has a scale outside 0–12 fractional digits"
		default:
			if _, ok := k.Authorized.Units(k.Scale); !ok {
				bad = fmt.Sprintf("authorizes %s shares, which is not a whole number of units at scale %d", k.Authorized, k.Scale)
			}
		}
		seen[k.ID] = true
		if bad != "" {
			e.Fail("MB.charter.classes", fmt.Sprintf("charter.classes[%d] %s", i, bad))
		}
	}
}

// BylawsField carries a bylaws file in an act: the embedded default, or
// the whole text of the corporation's own file. The journal always records
// the text itself, so that a replay rebuilds the same version.
type BylawsField struct {
	Default bool   `mb:"default" doc:"true to adopt the bylaws minutebook ships (Quintus Corporation, 1999)"`
	Text    string `mb:"text" doc:"the whole bylaws file (format minutebook.bylaws/v1)"`
}

// resolve returns the source and parsed rulebook of the field.
func (b *BylawsField) resolve(file, path string) ([]byte, *bylaws.Rulebook, error) {
	switch {
	case b.Default && b.Text != "":
		return nil, nil, strict.Errors{{File: file, Field: path, Problem: "give either default: true or text, not both"}}
	case b.Default:
		return bylaws.QuintusSource(), bylaws.Quintus(), nil
	case b.Text == "":
		return nil, nil, strict.Errors{{File: file, Field: path, Problem: "missing the bylaws: give default: true or the file's text"}}
	}
	rb, err := parseBylaws(file+": "+path+".text", []byte(b.Text))
	return []byte(b.Text), rb, err
}

// CreateCorporationFields are the fields of corporation.create.
type CreateCorporationFields struct {
	ID                string        `mb:"id,required" doc:"a short identifier for the corporation, e.g. quintus"`
	LegalName         string        `mb:"legal_name,required"`
	State             string        `mb:"state,required" doc:"state of incorporation"`
	TimeZone          string        `mb:"time_zone,required" doc:"IANA time zone of the principal office, e.g. America/Los_Angeles"`
	IncorporationDate corp.Date     `mb:"incorporation_date,required"`
	RegisteredOffice  AddressField  `mb:"registered_office,required"`
	PrincipalOffice   AddressField  `mb:"principal_office,required" doc:"principal executive office"`
	FiscalYearEnd     corp.MonthDay `mb:"fiscal_year_end" doc:"MM-DD"`
	Seal              string        `mb:"seal" doc:"description of the corporate seal"`
	Charter           CharterField  `mb:"charter,required"`
	Bylaws            BylawsField   `mb:"bylaws,required"`
	// BylawsEffective is when the first bylaws version takes effect;
	// default: the adoption date the bylaws file states.
	BylawsEffective corp.Date `mb:"bylaws_effective" doc:"when the bylaws take effect; default: their stated adoption date"`
}

// Validate checks what can be checked without the store; called on decode.
func (f *CreateCorporationFields) Validate(file, path string) error {
	if !validID(f.ID) {
		return strict.Errors{{File: file, Field: path + ".id", Problem: fmt.Sprintf("%q is not an identifier (lower-case letters, digits, - and _, starting with a letter, at most 64)", f.ID)}}
	}
	_, _, err := f.Bylaws.resolve(file, path+".bylaws")
	return err
}

func validID(s string) bool {
	if s == "" || len(s) > 64 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// CreateCorporation records a corporation: its particulars, its charter
// facts and its first bylaws version.
var CreateCorporation = Define(Kind{
	Name:    "corporation.create",
	Summary: "record a corporation, its charter facts and its first bylaws",
	Doc: "The first act of every corporation's journal. It records the legal name, state, time zone, " +
		"incorporation date, offices, fiscal year and seal, the charter facts the bylaws depend on " +
		"(rules.md §3) and the first bylaws version. The bylaws are the embedded default (default: true) " +
		"or the text of the corporation's own bylaws file; the journal keeps the text.",
	Actors: []corp.Capacity{corp.AsIncorporator, corp.AsSecretary},
	Example: `kind: corporation.create
effective: 1999-09-02
actor: {as: secretary}
fields:
  id: quintus
  legal_name: Quintus Corporation
  state: Delaware
  time_zone: America/Los_Angeles
  incorporation_date: 1995-03-14
  registered_office: {lines: ["1013 Centre Road"], city: Dover, region: DE, postal_code: "19901", country: US}
  principal_office: {lines: ["47212 Mission Falls Court"], city: Fremont, region: CA, postal_code: "94539", country: US}
  fiscal_year_end: "03-31"
  seal: "QUINTUS CORPORATION, 1995, Corporate Seal, Delaware"
  charter:
    board_may_amend_bylaws: true
    classes:
      - {id: common, name: Common Stock, authorized: "100000000", par: "0.001"}
  bylaws: {default: true}
`,
	ChangesContext: true,
}, func(e *Env, f *CreateCorporationFields) error {
	ok := e.Corp == nil
	e.Check("MB.corporation.unique", ok, fmt.Sprintf("corporation %q is not yet recorded", f.ID), fmt.Sprintf("corporation %q is already recorded", f.ID))
	idOK := f.ID == e.CorpID
	e.Check("MB.corporation.unique", idOK, fmt.Sprintf("the act creates the corporation selected, %q", f.ID), fmt.Sprintf("the act creates %q but the corporation selected is %q", f.ID, e.CorpID))
	_, err := time.LoadLocation(f.TimeZone)
	e.Check("MB.time_zone", err == nil && f.TimeZone != "" && f.TimeZone != "Local", fmt.Sprintf("time zone %q is a known IANA zone", f.TimeZone), fmt.Sprintf("time zone %q: must be an IANA zone such as America/Los_Angeles", f.TimeZone))
	checkClasses(e, f.Charter)
	src, rb, err := f.Bylaws.resolve("act", "fields.bylaws")
	if err != nil {
		e.Fail("MB.bylaws.parse", err.Error())
		return nil
	}
	// The journal keeps the text, never a reference to the embedded default.
	f.Bylaws = BylawsField{Text: string(src)}
	if f.BylawsEffective.IsZero() {
		f.BylawsEffective = rb.Adopted
	}
	e.Hold("MB.bylaws.parse", fmt.Sprintf("bylaws %q parsed: %d rules, effective %s", rb.Title, len(rb.Rules()), f.BylawsEffective))
	return nil
}, func(e *Env, f *CreateCorporationFields) error {
	if err := e.Rows.Put(tables.Corporations, tables.Row{
		f.LegalName, f.State, f.TimeZone, f.IncorporationDate.String(),
		marshalText(f.RegisteredOffice.address()), marshalText(f.PrincipalOffice.address()),
		fyString(f.FiscalYearEnd), f.Seal, int64(e.Seq),
	}); err != nil {
		return err
	}
	if err := e.Rows.Put(tables.CharterVersions, tables.Row{e.Act.Effective.String(), int64(e.Seq), marshalText(f.Charter.Facts()), "certificate of incorporation"}); err != nil {
		return err
	}
	rb, err := parseBylaws("bylaws", []byte(f.Bylaws.Text))
	if err != nil {
		return err
	}
	eff := f.BylawsEffective
	if eff.IsZero() {
		eff = rb.Adopted
	}
	return putBylawsVersion(e, 1, eff, "board", rb, []byte(f.Bylaws.Text))
})

func fyString(md corp.MonthDay) string {
	if md.Month == 0 {
		return ""
	}
	return md.String()
}

func putBylawsVersion(e *Env, n int, eff corp.Date, by string, rb *bylaws.Rulebook, src []byte) error {
	sum := sha256.Sum256(src)
	return e.Rows.Put(tables.BylawsVersions, tables.Row{int64(n), eff.String(), int64(e.Seq), hex.EncodeToString(sum[:]), by, rb.Title, src})
}
