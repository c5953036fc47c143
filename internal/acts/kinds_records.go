package acts

import (
	"fmt"
	"strings"

	"minutebook/internal/corp"
	"minutebook/internal/strict"
	"minutebook/internal/tables"
)

var recorders = []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary, corp.AsTransferAgent}

// AmendCorporationFields are the fields of corporation.amend. Only the
// fields given change.
type AmendCorporationFields struct {
	RegisteredOffice *AddressField `mb:"registered_office" doc:"a new registered office (Art. I §1; DGCL §133)"`
	PrincipalOffice  *AddressField `mb:"principal_office" doc:"a new principal executive office (Art. I §2)"`
	FiscalYearEnd    corp.MonthDay `mb:"fiscal_year_end" doc:"a new fiscal year end, MM-DD (Art. VII §4)"`
	Seal             string        `mb:"seal" doc:"a new seal description (Art. VII §5)"`
	Resolution       string        `mb:"resolution,required" doc:"the board resolution that adopted the change"`
}

// AmendCorporation changes the corporation's particulars by board resolution.
var AmendCorporation = Define(Kind{
	Name:    "corporation.amend",
	Summary: "change the offices, fiscal year or seal by board resolution",
	Doc: "The board changes the registered office (Art. I §1; DGCL §133), the principal executive office " +
		"(Art. I §2), the fiscal year (Art. VII §4) or the seal (Art. VII §5). Moving the registered office " +
		"away from the place Art. I §1 names is recorded with a warning: the bylaw text should be amended too.",
	Actors: []corp.Capacity{corp.AsBoard},
	Power:  PowerOrdinary,
	Example: `kind: corporation.amend
effective: 2001-04-02
actor: {as: board}
fields:
  fiscal_year_end: "12-31"
  resolution: "Board resolution 2001-04-02 #3"
`,
	NeedsBylaws: true, ChangesContext: true,
}, func(e *Env, f *AmendCorporationFields) error {
	if f.RegisteredOffice != nil {
		e.Warn("I.1.registered_office", fmt.Sprintf("the board moves the registered office to %s (DGCL §133); Art. I §1 names the registered office, so amend the bylaw text as well", f.RegisteredOffice.City))
	}
	if f.PrincipalOffice != nil {
		e.Hold("I.2.other_offices", "the board fixes the corporation's offices")
	}
	if f.FiscalYearEnd.Month != 0 {
		e.Hold("VII.4.fiscal_year", "the fiscal year is fixed by board resolution", N("fiscal_year_end", f.FiscalYearEnd))
	}
	if f.Seal != "" {
		e.Hold("VII.5.seal", "the board adopts the seal")
	}
	if f.RegisteredOffice == nil && f.PrincipalOffice == nil && f.FiscalYearEnd.Month == 0 && f.Seal == "" {
		e.Fail("MB.corporation.exists", "corporation.amend changes nothing: give at least one of registered_office, principal_office, fiscal_year_end, seal")
	}
	return nil
}, func(e *Env, f *AmendCorporationFields) error {
	row, ok, err := e.Rows.Get(tables.Corporations)
	if err != nil || !ok {
		return fmt.Errorf("corporation.amend: corporation row: %v", err)
	}
	row = append(tables.Row(nil), row...)
	if f.RegisteredOffice != nil {
		row[4] = marshalText(f.RegisteredOffice.address())
	}
	if f.PrincipalOffice != nil {
		row[5] = marshalText(f.PrincipalOffice.address())
	}
	if f.FiscalYearEnd.Month != 0 {
		row[6] = f.FiscalYearEnd.String()
	}
	if f.Seal != "" {
		row[7] = f.Seal
	}
	return e.Rows.Put(tables.Corporations, row)
})

// AmendCharterFields are the fields of charter.amend: the whole set of
// charter facts in force from the effective date, and the authority.
type AmendCharterFields struct {
	Charter   CharterField `mb:"charter,required" doc:"the charter facts in force from the effective date"`
	Authority string       `mb:"authority,required" doc:"the certificate of amendment (or merger) that changed them, as filed"`
}

// AmendCharter records a change of the charter facts.
var AmendCharter = Define(Kind{
	Name:    "charter.amend",
	Summary: "record amended charter facts, citing the filed certificate",
	Doc: "Records the charter facts in force from the effective date, after a certificate of amendment " +
		"is filed (DGCL §242). The act names the filing; the board and stockholder approvals it needed " +
		"(Art. II §9, statutory override) are recorded by the meeting and board acts of later capabilities.",
	Actors: []corp.Capacity{corp.AsSecretary},
	Power:  PowerAmendCharter,
	Example: `kind: charter.amend
effective: 2000-03-01
actor: {person: susan, as: secretary}
fields:
  authority: "Certificate of Amendment filed with the Delaware Secretary of State, 2000-03-01"
  charter:
    board_may_amend_bylaws: true
    classes:
      - {id: common, name: Common Stock, authorized: "200000000", par: "0.001"}
`,
	NeedsBylaws: true, ChangesContext: true,
}, func(e *Env, f *AmendCharterFields) error {
	checkClasses(e, f.Charter)
	if err := checkIssuedWithin(e, f.Charter.Facts()); err != nil {
		return err
	}
	// strict refuses an empty authority on decode; the check records it.
	e.Hold("II.9.statutory_override", "a charter amendment takes the vote DGCL §242(b) requires; the filed certificate is named",
		N("authority", f.Authority))
	return nil
}, func(e *Env, f *AmendCharterFields) error {
	return e.Rows.Put(tables.CharterVersions, tables.Row{e.Act.Effective.String(), int64(e.Seq), marshalText(f.Charter.Facts()), f.Authority})
})

// AmendBylawsFields are the fields of bylaws.amend.
type AmendBylawsFields struct {
	Bylaws  BylawsField `mb:"bylaws,required" doc:"the whole bylaws as amended"`
	Meeting string      `mb:"meeting,required" enum:"annual,regular,special,written_consent" doc:"where the amendment was adopted (Art. IX §1)"`
	// NoticeIncludedAmendment says the notice of a special meeting contained
	// notice of the amendment (Art. IX §1).
	NoticeIncludedAmendment bool   `mb:"notice_included_amendment" doc:"the notice of the special meeting contained the amendment"`
	Resolution              string `mb:"resolution,required" doc:"the resolution or consent that adopted it"`
}

// Validate parses the new bylaws on decode, so a broken file is bad input.
func (f *AmendBylawsFields) Validate(file, path string) error {
	_, _, err := f.Bylaws.resolve(file, path+".bylaws")
	return err
}

// AmendBylaws records a new bylaws version, in force from the effective date.
var AmendBylaws = Define(Kind{
	Name:    "bylaws.amend",
	Summary: "adopt a new bylaws version, in force from the effective date",
	Doc: "The stockholders, or the board when the charter confers the power (Art. IX §1; DGCL §109(a)), " +
		"alter, amend or repeal the bylaws, at an annual or regular meeting, or at a special meeting whose " +
		"notice contained the amendment. The act carries the whole amended bylaws file; every act from the " +
		"effective date on is checked against it. The vote itself is recorded by the board and meeting " +
		"acts of later capabilities.",
	Actors: []corp.Capacity{corp.AsBoard, corp.AsStockholders},
	// A committee may never amend the bylaws (Art. III §11); the board
	// only when the charter confers the power (Art. IX §1).
	Power: PowerAmendBylaws,
	Example: `kind: bylaws.amend
effective: 2003-01-15
actor: {as: board}
fields:
  meeting: regular
  resolution: "Board resolution 2003-01-15 #2"
  bylaws: {default: true}
`,
	NeedsBylaws: true, ChangesContext: true,
}, func(e *Env, f *AmendBylawsFields) error {
	src, rb, err := f.Bylaws.resolve("act", "fields.bylaws")
	if err != nil {
		return err // Validate ran on decode; only a replay could get here
	}
	f.Bylaws = BylawsField{Text: string(src)}
	switch e.Act.Actor.Capacity {
	case corp.AsBoard:
		e.Check("IX.1.who", e.Charter.BoardMayAmendBylaws,
			"the certificate confers on the board the power to amend the bylaws: board_may_amend_bylaws = true",
			"the board may amend the bylaws only when the certificate confers the power: board_may_amend_bylaws = false",
			N("board_may_amend_bylaws", e.Charter.BoardMayAmendBylaws))
	default:
		e.Hold("IX.1.who", "the stockholders may always amend the bylaws")
	}
	fromAdoption := false
	if ad := e.Act.Adoption; ad != nil && e.Act.Actor.Capacity == corp.AsBoard {
		where := "written_consent"
		if ad.Meeting != "" {
			m, ok, err := loadMeeting(e.Rows, ad.Meeting)
			if err != nil {
				return err
			}
			where = "regular"
			if ok && (m.Kind == "special" || m.Kind == "first_on_notice") {
				where = "special"
			}
		}
		if where != f.Meeting {
			e.Fail("IX.1.where", fmt.Sprintf("the adoption names a %s meeting or consent, but meeting says %s", strings.ReplaceAll(where, "_", " "), f.Meeting))
		}
		if where == "special" {
			// The adoption check reads the notice of the meeting itself.
			e.requireInNotice("IX.1.where")
			fromAdoption = true
		}
	}
	if ad := e.Act.Adoption; ad != nil && e.Act.Actor.Capacity == corp.AsStockholders {
		where := "written_consent"
		if ad.Meeting != "" {
			w, ok, err := stockholderWhere(e.Rows, ad.Meeting)
			if err != nil {
				return err
			}
			if ok {
				where = w
			}
		}
		if where != f.Meeting {
			e.Fail("IX.1.where", fmt.Sprintf("the adoption names a stockholders' %s, but meeting says %s", strings.ReplaceAll(where, "_", " "), f.Meeting))
		}
		// The adoption check reads the notice of the meeting itself
		// (checkStockholderAdoption).
		fromAdoption = where == "special"
	}
	switch f.Meeting {
	case "special":
		if fromAdoption {
			break
		}
		e.Check("IX.1.where", f.NoticeIncludedAmendment,
			"adopted at a special meeting whose notice contained the amendment",
			"at a special meeting the notice must contain the amendment: notice_included_amendment = false")
	case "annual":
		if e.Act.Actor.Capacity == corp.AsStockholders {
			e.Warn("IX.1.where", "adopted at the annual meeting, read as the \"regular meeting of the stockholders\" (A-REGULAR); no special notice of the amendment was required")
		} else {
			e.Hold("IX.1.where", "adopted at a meeting of the board")
		}
	case "written_consent":
		e.Warn("IX.1.where", "adopted by written consent (II §11 / III §9), which Art. IX does not mention (A-AMENDCONSENT)")
	default:
		e.Hold("IX.1.where", "adopted at a regular meeting")
	}
	newest := e.BylawsHistory[len(e.BylawsHistory)-1].Effective
	msg := fmt.Sprintf("the new version takes effect %s; the newest recorded version takes effect %s", e.Act.Effective, newest)
	e.Check("MB.bylaws.effective", !e.Act.Effective.Before(newest), msg, msg,
		N("effective", e.Act.Effective), N("newest_version_effective", newest))
	e.Hold("MB.bylaws.parse", fmt.Sprintf("bylaws %q parsed: %d rules", rb.Title, len(rb.Rules())))
	return nil
}, func(e *Env, f *AmendBylawsFields) error {
	rb, err := parseBylaws("bylaws", []byte(f.Bylaws.Text))
	if err != nil {
		return err
	}
	return putBylawsVersion(e, len(e.BylawsHistory)+1, e.Act.Effective, string(e.Act.Actor.Capacity), rb, []byte(f.Bylaws.Text))
})

// PersonFields are the fields of person.add.
type PersonFields struct {
	ID      string          `mb:"id,required" doc:"a short identifier, unique in the corporation, e.g. alice"`
	Name    string          `mb:"name,required" doc:"the full name"`
	SortKey string          `mb:"sort_key" doc:"the key of alphabetical lists; default \"SURNAME, GIVEN NAMES\" for a natural person, else the name"`
	Kind    corp.PersonKind `mb:"kind,required"`
	Address AddressField    `mb:"address"`
	Email   string          `mb:"email"`
}

// Validate checks the identifier on decode.
func (f *PersonFields) Validate(file, path string) error {
	if !validID(f.ID) {
		return strict.Errors{{File: file, Field: path + ".id", Problem: fmt.Sprintf("%q is not an identifier (lower-case letters, digits, '.', '-' and '_', starting with a letter, at most 64)", f.ID)}}
	}
	return nil
}

// AddPerson records a person or organisation.
var AddPerson = Define(Kind{
	Name:    "person.add",
	Summary: "record a person or organisation",
	Doc: "Records a natural person or an organisation (corporation, partnership, LLC, trust, custodian) " +
		"with the name, the sort key of alphabetical lists (Art. II §4), a postal address and e-mail.",
	Actors: recorders,
	Example: `kind: person.add
effective: 2000-01-10
actor: {person: susan, as: secretary}
fields:
  id: alice
  name: Alice Anders
  kind: natural_person
  address: {lines: ["12 Elm Street"], city: Palo Alto, region: CA, postal_code: "94301", country: US}
  email: alice@example.com
`,
}, func(e *Env, f *PersonFields) error {
	exists, err := e.PersonExists(f.ID)
	if err != nil {
		return err
	}
	if exists {
		e.Fail("MB.person.unique", fmt.Sprintf("person %q is already recorded", f.ID))
	} else {
		e.Hold("MB.person.unique", "the id names no recorded person")
	}
	return nil
}, func(e *Env, f *PersonFields) error {
	sk := f.SortKey
	if sk == "" {
		sk = corp.DefaultSortKey(f.Name, f.Kind)
	}
	return putPerson(e, tables.Row{f.ID, f.Name, sk, string(f.Kind), marshalText(f.Address.address()), f.Email, int64(e.Seq)})
})

// putPerson writes a person's record (a Persons row) and its version from
// the act's effective date, which the stockholder list for a later record
// date shows.
func putPerson(e *Env, row tables.Row) error {
	if err := e.Rows.Put(tables.Persons, row); err != nil {
		return err
	}
	return e.Rows.Put(tables.PersonVersions, tables.Row{row[0], e.Act.Effective.String(), int64(e.Seq), row[1], row[2], row[3], row[4], row[5]})
}

// AmendPersonFields are the fields of person.amend; only those given change.
type AmendPersonFields struct {
	ID      string          `mb:"id,required"`
	Name    string          `mb:"name"`
	SortKey string          `mb:"sort_key"`
	Kind    corp.PersonKind `mb:"kind"`
	Address *AddressField   `mb:"address"`
	Email   string          `mb:"email"`
}

// AmendPerson changes a person's name, sort key, kind, address or e-mail.
var AmendPerson = Define(Kind{
	Name:    "person.amend",
	Summary: "change a person's name, address or e-mail",
	Doc:     "Changes the recorded particulars of a person. The journal keeps every earlier value.",
	Actors:  recorders,
	Example: `kind: person.amend
effective: 2002-05-01
actor: {person: susan, as: secretary}
fields:
  id: alice
  address: {lines: ["9 Oak Avenue"], city: Menlo Park, region: CA, postal_code: "94025", country: US}
`,
}, func(e *Env, f *AmendPersonFields) error {
	exists, err := e.PersonExists(f.ID)
	if err != nil {
		return err
	}
	e.Check("MB.person.known", exists, fmt.Sprintf("person %q is recorded", f.ID), fmt.Sprintf("person %q is not recorded", f.ID))
	return nil
}, func(e *Env, f *AmendPersonFields) error {
	row, _, err := e.Rows.Get(tables.Persons, f.ID)
	if err != nil {
		return err
	}
	row = append(tables.Row(nil), row...)
	if f.Name != "" {
		row[1] = f.Name
	}
	if f.Kind != "" {
		row[3] = string(f.Kind)
	}
	switch {
	case f.SortKey != "":
		row[2] = f.SortKey
	case f.Name != "" || f.Kind != "":
		row[2] = corp.DefaultSortKey(row[1].(string), corp.PersonKind(row[3].(string)))
	}
	if f.Address != nil {
		row[4] = marshalText(f.Address.address())
	}
	if f.Email != "" {
		row[5] = f.Email
	}
	return putPerson(e, row)
})

// RelationshipFields are the fields of relationship.add and relationship.end.
type RelationshipFields struct {
	From string                `mb:"from,required" doc:"the person who stands in the relationship"`
	Kind corp.RelationshipKind `mb:"kind,required"`
	To   string                `mb:"to,required" doc:"the person they stand in it to"`
	// Since is when the relationship began (relationship.add) or the date it
	// began that identifies it (relationship.end); default the effective date.
	Since corp.Date `mb:"since" doc:"when it began; default the act's effective date"`
}

// AddRelationship records a relationship between two persons.
var AddRelationship = Define(Kind{
	Name:    "relationship.add",
	Summary: "record a relationship the ROFR exemptions need",
	Doc: "Records that one person is the spouse, lineal descendant, parent, sibling, trustee or custodian " +
		"for, partner or former partner of, or stockholder of another, from a date (Art. VIII §1(f)). " +
		"Symmetric relationships (spouse, sibling) hold both ways.",
	Actors: recorders,
	Example: `kind: relationship.add
effective: 2000-02-01
actor: {person: susan, as: secretary}
fields: {from: carol, kind: spouse, to: dan, since: 1988-06-11}
`,
}, func(e *Env, f *RelationshipFields) error {
	for _, id := range []string{f.From, f.To} {
		ok, err := e.PersonExists(id)
		if err != nil {
			return err
		}
		e.Check("MB.person.known", ok, fmt.Sprintf("person %q is recorded", id), fmt.Sprintf("person %q is not recorded", id))
	}
	e.Check("MB.person.known", f.From != f.To, "the relationship joins two different persons", "a relationship needs two different persons")
	open := false
	err := e.Rows.Scan(tables.Relationships, []any{f.From, string(f.Kind), f.To}, func(r tables.Row) error {
		if r[4].(string) == "" {
			open = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	e.Check("MB.relationship.unique", !open, fmt.Sprintf("no open relationship %s %s %s is recorded", f.From, f.Kind, f.To), fmt.Sprintf("%s is already recorded as %s %s", f.From, f.Kind, f.To))
	return nil
}, func(e *Env, f *RelationshipFields) error {
	since := f.Since
	if since.IsZero() {
		since = e.Act.Effective
	}
	return e.Rows.Put(tables.Relationships, tables.Row{f.From, string(f.Kind), f.To, since.String(), "", int64(e.Seq)})
})

// EndRelationship records that a relationship ended on the effective date.
var EndRelationship = Define(Kind{
	Name:    "relationship.end",
	Summary: "record that a relationship ended",
	Doc:     "Records that a relationship ended on the act's effective date (a divorce, a trustee's removal).",
	Actors:  recorders,
	Example: `kind: relationship.end
effective: 2003-09-30
actor: {person: susan, as: secretary}
fields: {from: carol, kind: spouse, to: dan}
`,
}, func(e *Env, f *RelationshipFields) error {
	row, err := openRelationship(e.Rows, f)
	if err != nil {
		return err
	}
	e.Check("MB.relationship.known", row != nil, fmt.Sprintf("the open relationship %s %s %s is recorded", f.From, f.Kind, f.To), fmt.Sprintf("no open relationship %s %s %s is recorded", f.From, f.Kind, f.To))
	return nil
}, func(e *Env, f *RelationshipFields) error {
	row, err := openRelationship(e.Rows, f)
	if err != nil || row == nil {
		return fmt.Errorf("relationship.end: no open relationship: %v", err)
	}
	row[4] = e.Act.Effective.String()
	return e.Rows.Put(tables.Relationships, row)
})

// openRelationship returns the open relationship f names (the latest,
// or the one that began on f.Since), or nil.
func openRelationship(r tables.Reader, f *RelationshipFields) (tables.Row, error) {
	var found tables.Row
	err := r.Scan(tables.Relationships, []any{f.From, string(f.Kind), f.To}, func(row tables.Row) error {
		if row[4].(string) == "" && (f.Since.IsZero() || row[3].(string) == f.Since.String()) {
			found = append(tables.Row(nil), row...)
		}
		return nil
	})
	return found, err
}

// checkIssuedWithin refuses charter facts that would leave a class with
// more shares issued than authorized, or drop a class with shares issued
// (DGCL §161: issued never exceeds authorized).
func checkIssuedWithin(e *Env, f corp.CharterFacts) error {
	classes := map[string]corp.AuthorizedClass{}
	for _, c := range f.Classes {
		classes[c.ID] = c
	}
	return e.Rows.Scan(tables.ClassTotals, nil, func(r tables.Row) error {
		id, issued := r[0].(string), r[1].(int64)
		if issued == 0 {
			return nil
		}
		old, _ := e.class(id)
		c, ok := classes[id]
		if !ok {
			e.Fail("MB.stock.authorized", fmt.Sprintf("class %s has %s shares issued and cannot leave the charter", id, corp.DecimalFromUnits(issued, old.Scale).Grouped()))
			return nil
		}
		auth, ok := c.Authorized.Units(c.Scale)
		if c.Scale != old.Scale {
			e.Fail("MB.charter.classes", fmt.Sprintf("class %s has shares issued: its scale stays %d", id, old.Scale))
			return nil
		}
		e.Check("MB.stock.authorized", ok && issued <= auth,
			fmt.Sprintf("class %s: %s issued, within the %s authorized", id, corp.DecimalFromUnits(issued, c.Scale).Grouped(), c.Authorized.Grouped()),
			fmt.Sprintf("class %s has %s shares issued, more than the %s the amended charter would authorize", id, corp.DecimalFromUnits(issued, c.Scale).Grouped(), c.Authorized.Grouped()),
			N("issued", corp.DecimalFromUnits(issued, c.Scale)), N("authorized", c.Authorized))
		return nil
	})
}
