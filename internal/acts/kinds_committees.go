package acts

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"minutebook/internal/corp"
	"minutebook/internal/strict"
	"minutebook/internal/tables"
)

// This file keeps the committees of the board (Art. III §11–12) and the
// board's resolutions fixing directors' compensation (Art. III §13).

func init() {
	addEngineRules(map[string]engineRule{
		"MB.committee.unique": {"Art. III §11", "a committee id names one committee"},
		"MB.committee.notice": {"Art. III §7, §11; Art. IV §2; DGCL §141(c), §229", "the bylaws prescribe no notice of committee meetings: minutebook reads Art. III §7 as applying to them (each member has the notice of a special meeting of the board, or waives it in writing or by attending) unless the designating resolution provides that they need none"},
	})
}

// committee is a row of committees.
type committee struct {
	ID, Name              string
	Designated, Dissolved string
	Members, Alternates   []string
	Powers                []string
	Quorum                int
	Notice                string // "" (as for a special meeting of the board) or "none"
}

// committeeOn returns committee id if it is designated and not dissolved on d.
func committeeOn(r tables.Reader, id string, d corp.Date) (*committee, bool, error) {
	row, ok, err := r.Get(tables.Committees, id)
	if err != nil || !ok {
		return nil, false, err
	}
	c := &committee{ID: row[0].(string), Name: row[1].(string), Designated: row[2].(string), Dissolved: row[3].(string), Quorum: int(row[7].(int64)), Notice: row[10].(string)}
	for i, p := range []*[]string{&c.Members, &c.Alternates, &c.Powers} {
		if err := json.Unmarshal([]byte(row[4+i].(string)), p); err != nil {
			return nil, false, err
		}
	}
	return c, inTenure(c.Designated, c.Dissolved, d), nil
}

// committeePowerOptions are the powers a designating resolution may grant:
// "ordinary" (the board's powers in the management of the business),
// "all" (a general grant of all the board's powers), and express grants.
// The forbidden powers are accepted on decode so that they are refused
// with their citation.
var committeePowerOptions = []string{PowerOrdinary, "all", PowerDividend, PowerIssue, PowerAmendCharter, PowerMerger, PowerSellAssets, PowerDissolve, PowerAmendBylaws}

// DesignateFields are the fields of committee.designate.
type DesignateFields struct {
	ID         string   `mb:"id,required" doc:"the committee's id, e.g. audit"`
	Name       string   `mb:"name,required" doc:"its name, set by the board's resolution (Art. III §11)"`
	Members    []string `mb:"members,required" doc:"the directors on it (one or more)"`
	Alternates []string `mb:"alternates" doc:"directors designated as alternate members"`
	Powers     []string `mb:"powers,required" doc:"the powers granted: ordinary, all, declare_dividend, authorize_issuance (the last two need express grant); amend_charter, adopt_merger, recommend_sale, recommend_dissolution and amend_bylaws are refused"`
	Quorum     int      `mb:"quorum" doc:"the committee's quorum; 0 (default): a majority of its members (DGCL §141(c)(4))"`
	// Notice is the notice the committee's meetings need: the bylaws are
	// silent (MB.committee.notice).
	Notice     string `mb:"notice" enum:"special,none" doc:"the notice its meetings need, which the bylaws do not prescribe: special (default) as for a special meeting of the board (Art. III §7), or none when the resolution dispenses with it"`
	Resolution string `mb:"resolution,required" doc:"the board resolution designating it"`
}

// Validate checks the id and powers on decode.
func (f *DesignateFields) Validate(file, path string) error {
	if !validID(f.ID) {
		return strict.Errors{{File: file, Field: path + ".id", Problem: fmt.Sprintf("%q is not an identifier", f.ID)}}
	}
	for i, p := range f.Powers {
		if !slices.Contains(committeePowerOptions, p) {
			return strict.Errors{{File: file, Field: fmt.Sprintf("%s.powers[%d]", path, i), Problem: fmt.Sprintf("%q is not a power (one of %s)", p, strings.Join(committeePowerOptions, ", "))}}
		}
	}
	return nil
}

// DesignateCommittee records the board's designation of a committee.
var DesignateCommittee = Define(Kind{
	Name:    "committee.designate",
	Summary: "designate a committee of directors, with its members, alternates and powers",
	Doc: "The board designates a committee of one or more directors by a resolution passed by a majority of " +
		"the whole board (Art. III §11; vacancies count in the whole board), naming its members, any alternate " +
		"members and the powers it grants. No committee may amend the certificate of incorporation, adopt a " +
		"merger, recommend a sale of all or substantially all assets or a dissolution, or amend the bylaws: a " +
		"grant of those is refused. Declaring a dividend and authorizing the issuance of stock need an express " +
		"grant (A-EXPRESS). The committee's quorum is a majority of its members unless the resolution sets " +
		"another, not below one third (DGCL §141(c)(4)). A committee then acts as {person: ID, as: committee}.",
	Actors: []corp.Capacity{corp.AsBoard},
	Power:  PowerOrdinary,
	Example: `kind: committee.designate
effective: 2004-06-17
actor: {as: board}
adoption: {meeting: bm-2004-06-17, for: 4, against: 0}
fields:
  id: audit
  name: Audit Committee
  members: [quinn, sam]
  alternates: [tess]
  powers: [ordinary]
  resolution: "Board resolution 2004-06-17 #2"
`,
	NeedsBylaws: true,
}, func(e *Env, f *DesignateFields) error {
	d := e.Act.Effective
	_, exists, err := e.Rows.Get(tables.Committees, f.ID)
	if err != nil {
		return err
	}
	e.Check("MB.committee.unique", !exists, fmt.Sprintf("committee %s is not yet on the books", f.ID), fmt.Sprintf("committee %s is already on the books", f.ID))
	whole, err := wholeBoard(e.Rows, d)
	if err != nil {
		return err
	}
	need := countNeeded(e.Bylaws, "III.11.committee_designation", whole)
	e.requireVotes("III.11.committee_designation", "a majority of the whole board", whole, need, false)
	in, err := directorsOn(e.Rows, d)
	if err != nil {
		return err
	}
	min, _ := e.Bylaws.Int("III.11.committee_designation", "min_members")
	var notDirectors []string
	for _, m := range f.Members {
		if !slices.Contains(in, m) {
			notDirectors = append(notDirectors, m)
		}
	}
	e.Check("III.11.committee_designation", len(f.Members) >= min && len(notDirectors) == 0,
		fmt.Sprintf("%d directors on committee %s (%s)", len(f.Members), f.ID, strings.Join(f.Members, ", ")),
		fmt.Sprintf("a committee consists of at least %d directors; not directors on %s: %s", min, d, listOrNone(notDirectors)),
		N("members", len(f.Members)))
	for _, a := range f.Alternates {
		e.Check("III.11.alternates", slices.Contains(in, a) && !slices.Contains(f.Members, a),
			fmt.Sprintf("%s is a director designated as an alternate member", a),
			fmt.Sprintf("an alternate member is a director who is not already a member; %s is not", a))
	}
	for _, p := range f.Powers {
		switch {
		case isForbiddenPower(p):
			e.Fail("III.11.committee_prohibited", fmt.Sprintf("no committee may have the power of %s (Art. III §11): the grant of %s is refused", powerWords[p], p), N("power", p))
		case p == PowerDividend || p == PowerIssue:
			e.Hold("III.11.committee_dividend_stock", fmt.Sprintf("the resolution expressly grants the power of %s", powerWords[p]), N("power", p))
		case p == "all":
			e.Hold("III.11.committee_powers", "a grant of all the board's powers in the management of the business (not, under A-EXPRESS must_name, dividends or issuance of stock)")
		default:
			e.Hold("III.11.committee_powers", "the board's powers in the management of the business, to the extent the resolution provides")
		}
	}
	if f.Quorum != 0 {
		floor := (len(f.Members) + 2) / 3 // ⌈members / 3⌉
		e.Check("III.11.committee_powers", f.Quorum >= floor && f.Quorum <= len(f.Members),
			fmt.Sprintf("quorum %d of %d members, as the resolution provides (not below one third: DGCL §141(c)(4))", f.Quorum, len(f.Members)),
			fmt.Sprintf("a committee's quorum must be between one third of its members (%d) and all %d", floor, len(f.Members)),
			N("quorum", f.Quorum), N("members", len(f.Members)))
	}
	e.Hold("III.11.committee_name", fmt.Sprintf("named %q by the board's resolution", f.Name))
	if f.Notice == "none" {
		e.Hold("MB.committee.notice", fmt.Sprintf("the resolution provides that the meetings of committee %s need no notice", f.ID))
	} else {
		e.Warn("MB.committee.notice", fmt.Sprintf("the bylaws prescribe no notice of committee meetings: the meetings of committee %s need the notice of a special meeting of the board (Art. III §7), or each member's waiver, since the resolution does not provide otherwise (notice: none)", f.ID))
	}
	return nil
}, func(e *Env, f *DesignateFields) error {
	alt := f.Alternates
	if alt == nil {
		alt = []string{}
	}
	return e.Rows.Put(tables.Committees, tables.Row{f.ID, f.Name, e.Act.Effective.String(), "", marshalText(f.Members), marshalText(alt),
		marshalText(f.Powers), int64(f.Quorum), f.Resolution, int64(e.Seq), committeeNotice(f.Notice)})
})

// committeeNotice is the stored notice policy: "" as for a special
// meeting of the board, or "none".
func committeeNotice(n string) string {
	if n == "none" {
		return n
	}
	return ""
}

// DissolveFields are the fields of committee.dissolve.
type DissolveFields struct {
	Committee  string `mb:"committee,required"`
	Resolution string `mb:"resolution,required"`
}

// DissolveCommittee records the board's dissolution of a committee.
var DissolveCommittee = Define(Kind{
	Name:    "committee.dissolve",
	Summary: "dissolve a committee of the board",
	Doc:     "The board dissolves a committee it designated (Art. III §11); from the effective date the committee can no longer act.",
	Actors:  []corp.Capacity{corp.AsBoard},
	Power:   PowerOrdinary,
	Example: `kind: committee.dissolve
effective: 2005-01-15
actor: {as: board}
fields: {committee: audit, resolution: "Board resolution 2005-01-15 #1"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *DissolveFields) error {
	_, ok, err := committeeOn(e.Rows, f.Committee, e.Act.Effective)
	if err != nil {
		return err
	}
	e.Check("MB.committee.known", ok, fmt.Sprintf("committee %s is dissolved from %s", f.Committee, e.Act.Effective),
		fmt.Sprintf("no committee %q is designated and not dissolved on %s", f.Committee, e.Act.Effective))
	return nil
}, func(e *Env, f *DissolveFields) error {
	row, _, err := e.Rows.Get(tables.Committees, f.Committee)
	if err != nil {
		return err
	}
	row = append(tables.Row(nil), row...)
	row[3] = e.Act.Effective.String()
	return e.Rows.Put(tables.Committees, row)
})

// ReportFields are the fields of committee.report.
type ReportFields struct {
	Meeting    string `mb:"meeting,required" doc:"the committee meeting whose minutes are reported"`
	ReportedTo string `mb:"reported_to,required" doc:"the board meeting they are reported to"`
}

// ReportMinutes records a committee's report of its minutes to the board.
var ReportMinutes = Define(Kind{
	Name:    "committee.report",
	Summary: "report a committee meeting's minutes to the board",
	Doc: "Each committee keeps regular minutes of its meetings and reports them to the board when required " +
		"(Art. III §12). The report is recorded at the board meeting it was made to, and appears in that " +
		"meeting's minutes.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary},
	Example: `kind: committee.report
effective: 2004-09-21
actor: {person: susan, as: secretary}
fields: {meeting: audit-2004-08-10, reported_to: bm-2004-09-21}
`,
	NeedsBylaws: true,
}, func(e *Env, f *ReportFields) error {
	cm, ok, err := loadMeeting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	bm, ok2, err := loadMeeting(e.Rows, f.ReportedTo)
	if err != nil {
		return err
	}
	switch {
	case !ok || !cm.Held || cm.Body == "board":
		e.Fail("MB.meeting.known", fmt.Sprintf("%q is not a committee meeting held on the books", f.Meeting))
	case !ok2 || !bm.Held || bm.Body != "board" || bm.Date != e.Act.Effective:
		e.Fail("MB.meeting.known", fmt.Sprintf("%q is not a board meeting held on %s", f.ReportedTo, e.Act.Effective))
	default:
		e.Hold("III.12.committee_minutes", fmt.Sprintf("the minutes of committee %s's meeting of %s are reported to the board at its meeting of %s", cm.Body, cm.Date, bm.Date))
	}
	return nil
}, func(e *Env, f *ReportFields) error {
	cm, _, err := loadMeeting(e.Rows, f.Meeting)
	if err != nil {
		return err
	}
	return e.Rows.Put(tables.BoardResolutions, tables.Row{f.ReportedTo, int64(e.Seq), e.Act.Kind.Name, cm.Body, e.Act.Effective.String(), int64(0), int64(0), int64(0), "[]"})
})

// CompensationFields are the fields of director.compensation.
type CompensationFields struct {
	Form             string       `mb:"form,required" enum:"expenses,fee_per_meeting,salary" doc:"expenses of attendance, a fixed sum per meeting, or a stated salary (Art. III §13)"`
	Amount           corp.Decimal `mb:"amount" doc:"the sum in dollars (for a fee or salary); omit for expenses"`
	Directors        []string     `mb:"directors" doc:"the directors it applies to; default all"`
	CommitteeMembers bool         `mb:"committee_members" doc:"committee members receive like compensation for committee meetings"`
	Resolution       string       `mb:"resolution,required"`
}

// FixCompensation records the board's resolution on directors' pay.
var FixCompensation = Define(Kind{
	Name:    "director.compensation",
	Summary: "fix directors' compensation: expenses, a fee per meeting or a salary",
	Doc: "The board fixes the compensation of directors: their expenses of attendance, a fixed sum for each " +
		"meeting, or a stated salary; committee members may be allowed like compensation (Art. III §13; DGCL " +
		"§141(h)). Serving in another capacity for pay is not precluded. `minutebook resolutions` lists it " +
		"(kind director_compensation).",
	Actors: []corp.Capacity{corp.AsBoard},
	Power:  PowerOrdinary,
	Example: `kind: director.compensation
effective: 2004-06-17
actor: {as: board}
fields: {form: fee_per_meeting, amount: "1500.00", committee_members: true, resolution: "Board resolution 2004-06-17 #4"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *CompensationFields) error {
	forms, _ := e.Bylaws.Texts("III.13.director_comp", "forms")
	e.Check("III.13.director_comp", slices.Contains(forms, f.Form) && f.Amount.Sign() >= 0,
		fmt.Sprintf("the board fixes directors' compensation: %s %s", strings.ReplaceAll(f.Form, "_", " "), f.Amount),
		fmt.Sprintf("compensation of the form %s and amount %s is not one the bylaws provide (forms: %s; amounts not negative)", f.Form, f.Amount, strings.Join(forms, ", ")),
		N("amount", f.Amount))
	in, err := directorsOn(e.Rows, e.Act.Effective)
	if err != nil {
		return err
	}
	for _, d := range f.Directors {
		if !slices.Contains(in, d) {
			e.Fail("MB.meeting.attendee", fmt.Sprintf("%s is not a director on %s", d, e.Act.Effective))
		}
	}
	return nil
}, func(e *Env, f *CompensationFields) error {
	ds := f.Directors
	if ds == nil {
		ds = []string{}
	}
	return e.Rows.Put(tables.DirectorCompensation, tables.Row{e.Act.Effective.String(), int64(e.Seq), f.Form, f.Amount.String(), marshalText(ds), b2i(f.CommitteeMembers),
		bodyWords(actingBody(e.Act)), f.Resolution})
})
