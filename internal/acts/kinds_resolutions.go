package acts

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"minutebook/internal/corp"
	"minutebook/internal/tables"
)

// This file holds the board's typed resolutions that the bylaws name
// (Art. V §4, §15, Art. VII §3–5) and the general "other" resolution. The
// votes that adopt them are the board's meeting or consent; these acts
// record what was resolved and check what the bylaws require of it.

func init() {
	addEngineRules(map[string]engineRule{
		"MB.resolution.other": {"Art. III §3", "an other resolution is recorded as the board resolved it; it grants no power that a typed resolution would check"},
	})
	RegisterDeadlines(bondDeadlines)
}

// boardBodies are the bodies that adopt ordinary resolutions: the board,
// or a committee its resolution empowers (Art. III §11).
var boardBodies = []corp.Capacity{corp.AsBoard, corp.AsCommittee}

// putResolution records a typed resolution in the resolutions table.
func putResolution(e *Env, kind, resolution string, detail any) error {
	return e.Rows.Put(tables.Resolutions, tables.Row{int64(e.Seq), kind, e.Act.Effective.String(), string(e.Act.Actor.Capacity), resolution, marshalText(detail)})
}

// CheckSignersFields are the fields of resolution.check_signers.
type CheckSignersFields struct {
	Signers    []string `mb:"signers,required" doc:"the persons (officers or others) designated to sign checks, demands for money and notes"`
	Required   int      `mb:"required" doc:"how many of them must sign each instrument; default 1"`
	Account    string   `mb:"account" doc:"the account or instruments the designation covers; default all"`
	Resolution string   `mb:"resolution,required"`
}

// DesignateCheckSigners records who signs the corporation's checks.
var DesignateCheckSigners = Define(Kind{
	Name:    "resolution.check_signers",
	Summary: "designate who signs checks, demands for money and notes",
	Doc: "All checks or demands for money and notes of the corporation are signed by the officers or other " +
		"persons the board designates from time to time (Art. VII §3). A later designation for the same account " +
		"replaces the earlier one. `minutebook resolutions` lists them.",
	Actors: boardBodies,
	Power:  PowerOrdinary,
	Example: `kind: resolution.check_signers
effective: 2000-01-05
actor: {as: board}
fields: {signers: [ray, tom], required: 1, resolution: "Board resolution 2000-01-05 #5"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *CheckSignersFields) error {
	req := max(f.Required, 1)
	for _, p := range f.Signers {
		ok, err := e.PersonExists(p)
		if err != nil {
			return err
		}
		e.Check("MB.person.known", ok, fmt.Sprintf("signer %q is recorded", p), fmt.Sprintf("signer %q is not a recorded person", p))
	}
	e.Check("VII.3.checks", len(f.Signers) >= req && f.Required >= 0,
		fmt.Sprintf("the %s designates %s to sign checks and notes, %d signature(s) each", e.Act.Actor.Capacity, joinStrings(f.Signers), req),
		fmt.Sprintf("%d signatures required but %d signers designated", req, len(f.Signers)),
		N("signers", len(f.Signers)), N("required", req))
	return nil
}, func(e *Env, f *CheckSignersFields) error {
	return putResolution(e, "check_signers", f.Resolution, map[string]any{"signers": f.Signers, "required": max(f.Required, 1), "account": f.Account})
})

// FiscalYearFields are the fields of resolution.fiscal_year.
type FiscalYearFields struct {
	FiscalYearEnd corp.MonthDay `mb:"fiscal_year_end,required" doc:"the last day of the fiscal year, MM-DD"`
	Resolution    string        `mb:"resolution,required"`
}

// FixFiscalYear records the board's resolution fixing the fiscal year.
var FixFiscalYear = Define(Kind{
	Name:    "resolution.fiscal_year",
	Summary: "fix the fiscal year by resolution of the board",
	Doc: "The fiscal year is fixed by resolution of the board (Art. VII §4). The corporation's record takes the " +
		"new fiscal year end from the effective date.",
	Actors: boardBodies,
	Power:  PowerOrdinary,
	Example: `kind: resolution.fiscal_year
effective: 1999-09-02
actor: {as: board}
fields: {fiscal_year_end: "03-31", resolution: "Board resolution 1999-09-02 #4"}
`,
	NeedsBylaws: true, ChangesContext: true,
}, func(e *Env, f *FiscalYearFields) error {
	prev := "none"
	if e.Corp != nil && e.Corp.FiscalYearEnd.Month != 0 {
		prev = e.Corp.FiscalYearEnd.String()
	}
	e.Hold("VII.4.fiscal_year", fmt.Sprintf("the fiscal year is fixed by resolution of the %s to end on %s (before: %s)", e.Act.Actor.Capacity, f.FiscalYearEnd, prev),
		N("fiscal_year_end", f.FiscalYearEnd))
	return nil
}, func(e *Env, f *FiscalYearFields) error {
	if err := amendCorporationRow(e, func(row tables.Row) { row[6] = f.FiscalYearEnd.String() }); err != nil {
		return err
	}
	return putResolution(e, "fiscal_year", f.Resolution, map[string]any{"fiscal_year_end": f.FiscalYearEnd.String()})
})

// amendCorporationRow changes the corporation's row.
func amendCorporationRow(e *Env, change func(tables.Row)) error {
	row, ok, err := e.Rows.Get(tables.Corporations)
	if err != nil || !ok {
		return fmt.Errorf("%s: corporation row: %v", e.Act.Kind.Name, err)
	}
	row = append(tables.Row(nil), row...)
	change(row)
	return e.Rows.Put(tables.Corporations, row)
}

// SealFields are the fields of resolution.seal.
type SealFields struct {
	Inscription string `mb:"inscription,required" doc:"what the seal bears: the corporation's name, the year of its organization and the words \"Corporate Seal, Delaware\""`
	Resolution  string `mb:"resolution,required"`
}

// AdoptSeal records the board's adoption of the corporate seal.
var AdoptSeal = Define(Kind{
	Name:    "resolution.seal",
	Summary: "adopt the corporate seal",
	Doc: "The board may adopt a corporate seal inscribed with the corporation's name, the year of its organization " +
		"and the words \"Corporate Seal, Delaware\" (Art. VII §5); it may be impressed, affixed, reproduced or used " +
		"in facsimile. The inscription is checked for all three. The secretary keeps it (Art. V §11).",
	Actors: boardBodies,
	Power:  PowerOrdinary,
	Example: `kind: resolution.seal
effective: 1999-09-02
actor: {as: board}
fields: {inscription: "QUINTUS CORPORATION, 1995, Corporate Seal, Delaware", resolution: "Board resolution 1999-09-02 #5"}
`,
	NeedsBylaws: true, ChangesContext: true,
}, func(e *Env, f *SealFields) error {
	words, _ := e.Bylaws.Text("VII.5.seal", "inscription")
	var missing []string
	up := strings.ToUpper(f.Inscription)
	if e.Corp != nil && !strings.Contains(up, strings.ToUpper(e.Corp.LegalName)) {
		missing = append(missing, fmt.Sprintf("the name %q", e.Corp.LegalName))
	}
	if e.Corp != nil && !e.Corp.IncorporationDate.IsZero() {
		y, _, _ := e.Corp.IncorporationDate.YMD()
		if !strings.Contains(up, strconv.Itoa(y)) {
			missing = append(missing, fmt.Sprintf("the year of organization %d", y))
		}
	}
	if words != "" && !strings.Contains(up, strings.ToUpper(words)) {
		missing = append(missing, fmt.Sprintf("the words %q", words))
	}
	e.Check("VII.5.seal", len(missing) == 0,
		fmt.Sprintf("the %s adopts the seal %q, with the name, the year of organization and %q", e.Act.Actor.Capacity, f.Inscription, words),
		fmt.Sprintf("the seal %q lacks %s (Art. VII §5)", f.Inscription, strings.Join(missing, " and ")),
		N("inscription", f.Inscription))
	return nil
}, func(e *Env, f *SealFields) error {
	if err := amendCorporationRow(e, func(row tables.Row) { row[7] = f.Inscription }); err != nil {
		return err
	}
	return putResolution(e, "seal", f.Resolution, map[string]any{"inscription": f.Inscription})
})

// SalaryField is one officer's or agent's salary.
type SalaryField struct {
	Person string       `mb:"person,required"`
	Office string       `mb:"office" enum:"chairman,vice_chairman,president,vice_president,secretary,assistant_secretary,treasurer,assistant_treasurer,agent" doc:"the office, or agent"`
	Amount corp.Decimal `mb:"amount,required" doc:"in dollars"`
	Per    string       `mb:"per" enum:"year,month,week" doc:"the period; default year"`
}

// SalariesFields are the fields of resolution.salaries.
type SalariesFields struct {
	Salaries   []SalaryField `mb:"salaries,required"`
	Resolution string        `mb:"resolution,required"`
}

// FixSalaries records the salaries the board fixes for officers and agents.
var FixSalaries = Define(Kind{
	Name:    "resolution.salaries",
	Summary: "fix the salaries of officers and agents",
	Doc: "The salaries of all officers and agents are fixed by the board (Art. V §4): an officer fixing a salary " +
		"is refused. Each officer named must hold the office on the effective date once the officers register exists.",
	Actors:    boardBodies,
	ActorRule: "V.4.salaries",
	Power:     PowerOrdinary,
	Example: `kind: resolution.salaries
effective: 2000-01-05
actor: {as: board}
fields:
  resolution: "Board resolution 2000-01-05 #6"
  salaries:
    - {person: ray, office: president, amount: "180000", per: year}
    - {person: susan, office: secretary, amount: "95000"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *SalariesFields) error {
	register, err := officersRecorded(e.Rows)
	if err != nil {
		return err
	}
	for _, s := range f.Salaries {
		ok, err := e.PersonExists(s.Person)
		if err != nil {
			return err
		}
		if !ok {
			e.Fail("MB.person.known", fmt.Sprintf("person %q is not recorded", s.Person))
			continue
		}
		if s.Amount.Sign() < 0 {
			e.Fail("V.4.salaries", fmt.Sprintf("%s: a salary may not be negative", s.Person), N("amount", s.Amount))
		}
		if register && s.Office != "" && s.Office != "agent" {
			holds, err := holdsOffice(e.Rows, s.Office, s.Person, e.Act.Effective)
			if err != nil {
				return err
			}
			e.Check("V.4.salaries", holds, fmt.Sprintf("%s holds the office of %s", s.Person, s.Office),
				fmt.Sprintf("%s does not hold the office of %s on %s (officers register)", s.Person, s.Office, e.Act.Effective))
		}
	}
	e.Hold("V.4.salaries", fmt.Sprintf("the %s fixes %d salaries", e.Act.Actor.Capacity, len(f.Salaries)), N("salaries", len(f.Salaries)))
	return nil
}, func(e *Env, f *SalariesFields) error {
	return putResolution(e, "salaries", f.Resolution, f.Salaries)
})

// OtherResolutionFields are the fields of resolution.other.
type OtherResolutionFields struct {
	Title      string `mb:"title,required" doc:"a short title"`
	Text       string `mb:"text,required" doc:"the text of the resolution, as adopted"`
	Resolution string `mb:"resolution,required" doc:"its reference in the minutes"`
}

// OtherResolution records a resolution that no typed act covers.
var OtherResolution = Define(Kind{
	Name:    "resolution.other",
	Summary: "record another resolution of the board, as free text that grants no powers",
	Doc: "Records a resolution of the board or a committee that no typed act covers, with its text, as the board " +
		"manages the business (Art. III §3). It grants no power that a typed resolution would check: no act cites it " +
		"as authority for a dividend, an issuance, an amendment or anything else the bylaws check.",
	Actors: boardBodies,
	Power:  PowerOrdinary,
	Example: `kind: resolution.other
effective: 2004-06-01
actor: {as: board}
fields: {title: "Office lease", text: "RESOLVED, that the President is authorized to renew the Fremont office lease.", resolution: "Board resolution 2004-06-01 #7"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *OtherResolutionFields) error {
	e.Hold("MB.resolution.other", fmt.Sprintf("%q is recorded as resolved by the %s; it grants no power that a typed resolution would check", f.Title, e.Act.Actor.Capacity))
	return nil
}, func(e *Env, f *OtherResolutionFields) error {
	return putResolution(e, "other", f.Resolution, map[string]any{"title": f.Title, "text": f.Text})
})

// BondFields are the fields of treasurer.bond.
type BondFields struct {
	Treasurer  string       `mb:"treasurer,required" doc:"the treasurer giving the bond"`
	Amount     corp.Decimal `mb:"amount,required" doc:"the sum of the bond, in dollars, satisfactory to the board"`
	Sureties   []string     `mb:"sureties,required" doc:"the surety or sureties, satisfactory to the board"`
	Given      corp.Date    `mb:"given" doc:"when the bond was given; default the effective date"`
	Resolution string       `mb:"resolution,required" doc:"the board resolution that required the bond and found it satisfactory"`
}

// TreasurerBond records the bond the board requires of the treasurer.
var TreasurerBond = Define(Kind{
	Name:    "treasurer.bond",
	Summary: "record the treasurer's bond the board requires, with its renewal six years on",
	Doc: "If the board requires it, the treasurer gives a bond, renewed every six years, in a sum and with " +
		"sureties satisfactory to the board, for the faithful performance of the office and the restoration of " +
		"the corporation's property (Art. V §15). The renewal date (six years after the bond is given; 29 " +
		"February to 28 February) is on the calendar until a new bond is recorded. A renewal given after the " +
		"date is recorded with a warning.",
	Actors: boardBodies,
	Power:  PowerOrdinary,
	Example: `kind: treasurer.bond
effective: 2000-02-01
actor: {as: board}
fields: {treasurer: tom, amount: "250000", sureties: ["Fidelity & Deposit Company of Maryland"], resolution: "Board resolution 2000-01-05 #7"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *BondFields) error {
	const rule = "V.15.treasurer_bond"
	given := f.Given
	if given.IsZero() {
		given = e.Act.Effective
	}
	ok, err := e.PersonExists(f.Treasurer)
	if err != nil {
		return err
	}
	e.Check("MB.person.known", ok, fmt.Sprintf("person %q is recorded", f.Treasurer), fmt.Sprintf("person %q is not recorded", f.Treasurer))
	register, err := officersRecorded(e.Rows)
	if err != nil {
		return err
	}
	if register {
		holds, err := holdsOffice(e.Rows, "treasurer", f.Treasurer, e.Act.Effective)
		if err != nil {
			return err
		}
		e.Check(rule, holds, fmt.Sprintf("%s is the treasurer on %s", f.Treasurer, e.Act.Effective),
			fmt.Sprintf("%s is not the treasurer on %s (officers register): Art. V §15 bonds the treasurer", f.Treasurer, e.Act.Effective))
	}
	years, _ := e.Bylaws.Int(rule, "renewal_years")
	renew := given.AddYears(years, corp.Feb29ToFeb28)
	e.Check(rule, f.Amount.Sign() > 0 && len(f.Sureties) > 0,
		fmt.Sprintf("a bond of %s with %s as surety, satisfactory to the board; to be renewed by %s (%d years)", money(f.Amount), joinStrings(f.Sureties), renew, years),
		"a bond has a positive sum and at least one surety", N("amount", f.Amount), N("sureties", len(f.Sureties)), N("given", given), N("renew_by", renew))
	if prev, ok, err := latestBond(e.Rows); err != nil {
		return err
	} else if ok && given.After(prev.RenewBy) {
		e.Warn(rule, fmt.Sprintf("the previous bond was due for renewal by %s; this one is given %s, %d days late", prev.RenewBy, given, prev.RenewBy.DaysUntil(given)),
			N("renew_by", prev.RenewBy), N("given", given))
	}
	return nil
}, func(e *Env, f *BondFields) error {
	given := f.Given
	if given.IsZero() {
		given = e.Act.Effective
	}
	years, _ := e.Bylaws.Int("V.15.treasurer_bond", "renewal_years")
	return e.Rows.Put(tables.TreasurerBonds, tables.Row{int64(e.Seq), f.Treasurer, f.Amount.String(), marshalText(f.Sureties),
		given.String(), given.AddYears(years, corp.Feb29ToFeb28).String(), f.Resolution})
})

// Bond is a treasurer's bond.
type Bond struct {
	Seq        uint64
	Treasurer  string
	Amount     corp.Decimal
	Sureties   []string
	Given      corp.Date
	RenewBy    corp.Date
	Resolution string
}

func bondOf(r tables.Row) (Bond, error) {
	b := Bond{Seq: uint64(r[0].(int64)), Treasurer: r[1].(string), Resolution: r[6].(string)}
	var err error
	if b.Amount, err = corp.ParseDecimal(r[2].(string)); err != nil {
		return b, err
	}
	if err := json.Unmarshal([]byte(r[3].(string)), &b.Sureties); err != nil {
		return b, err
	}
	if b.Given, err = corp.ParseDate(r[4].(string)); err != nil {
		return b, err
	}
	b.RenewBy, err = corp.ParseDate(r[5].(string))
	return b, err
}

// latestBond returns the bond given last.
func latestBond(r tables.Reader) (Bond, bool, error) {
	var out Bond
	found := false
	err := r.Scan(tables.TreasurerBonds, nil, func(row tables.Row) error {
		b, err := bondOf(row)
		if err == nil {
			out, found = b, true // rows come in sequence order
		}
		return err
	})
	return out, found, err
}

// bondDeadlines puts the renewal of the latest treasurer's bond on the
// calendar (Art. V §15).
func bondDeadlines(q *CalendarQuery) ([]Deadline, error) {
	b, ok, err := latestBond(q.View)
	if err != nil || !ok {
		return nil, err
	}
	return []Deadline{{Date: b.RenewBy, Rule: "V.15.treasurer_bond", Citation: q.Cite("V.15.treasurer_bond", b.RenewBy),
		Title:  "the treasurer's bond is due for renewal",
		Detail: fmt.Sprintf("%s's bond of %s given %s (%s); renewed every six years", b.Treasurer, money(b.Amount), b.Given, joinStrings(b.Sureties)),
		Source: b.Seq}}, nil
}

// Resolution is a typed resolution of the board or a committee.
type Resolution struct {
	Seq        uint64          `json:"seq"`
	Kind       string          `json:"kind"`
	Effective  string          `json:"effective"`
	Body       string          `json:"body"`
	Resolution string          `json:"resolution"`
	Detail     json.RawMessage `json:"detail"`
}

// Resolutions returns corp's typed resolutions (check signers, fiscal
// year, seal, salaries, other), its reserves, the compensation of its
// directors (Art. III §13) and its treasurer's bonds, in journal order.
func (s *Service) Resolutions(ctx context.Context, corpID string) ([]Resolution, error) {
	var out []Resolution
	err := s.Store.View(ctx, corpID, func(v View) error {
		if err := v.Scan(tables.Resolutions, nil, func(r tables.Row) error {
			out = append(out, Resolution{Seq: uint64(r[0].(int64)), Kind: r[1].(string), Effective: r[2].(string), Body: r[3].(string),
				Resolution: r[4].(string), Detail: json.RawMessage(r[5].(string))})
			return nil
		}); err != nil {
			return err
		}
		if err := v.Scan(tables.Reserves, nil, func(r tables.Row) error {
			d := marshalText(map[string]any{"id": r[0], "purpose": r[1], "amount": r[2], "manner": r[5], "modified": r[7], "abolished": r[8]})
			out = append(out, Resolution{Seq: uint64(r[9].(int64)), Kind: "reserve", Effective: r[3].(string), Body: r[4].(string),
				Resolution: r[6].(string), Detail: json.RawMessage(d)})
			return nil
		}); err != nil {
			return err
		}
		if err := v.Scan(tables.DirectorCompensation, nil, func(r tables.Row) error {
			var ds []string
			if err := json.Unmarshal([]byte(r[4].(string)), &ds); err != nil {
				return err
			}
			d := map[string]any{"form": r[2], "directors": ds, "committee_members": r[5].(int64) == 1}
			if r[2].(string) != "expenses" {
				d["amount"] = r[3]
			}
			out = append(out, Resolution{Seq: uint64(r[1].(int64)), Kind: "director_compensation", Effective: r[0].(string), Body: r[6].(string),
				Resolution: r[7].(string), Detail: json.RawMessage(marshalText(d))})
			return nil
		}); err != nil {
			return err
		}
		return v.Scan(tables.TreasurerBonds, nil, func(r tables.Row) error {
			b, err := bondOf(r)
			if err != nil {
				return err
			}
			d := marshalText(map[string]any{"treasurer": b.Treasurer, "amount": b.Amount.String(), "sureties": b.Sureties, "given": b.Given.String(), "renew_by": b.RenewBy.String()})
			out = append(out, Resolution{Seq: b.Seq, Kind: "treasurer_bond", Effective: b.Given.String(), Body: "board", Resolution: b.Resolution, Detail: json.RawMessage(d)})
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	return out, err
}
