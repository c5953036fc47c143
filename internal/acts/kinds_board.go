package acts

import (
	"context"
	"fmt"
	"sort"

	"minutebook/internal/corp"
	"minutebook/internal/tables"
)

// This file keeps the registers of directors and officers (Art. III §1,
// Art. V): who holds a directorship or an office on any date. The votes
// that elect and remove them are recorded by the meeting and resolution
// acts of the board and stockholder capabilities; these acts record the
// result and check what the bylaws require of the person.

func init() {
	addEngineRules(map[string]engineRule{
		"MB.director.in_office": {"Art. III §1", "a director who leaves office holds it at the time"},
		"MB.officer.in_office":  {"Art. V §5", "an officer who leaves office holds it at the time"},
	})
}

// officeNames lists the offices of Art. V in a stable order.
var officeNames = []string{"chairman", "vice_chairman", "president", "vice_president", "secretary", "assistant_secretary", "treasurer", "assistant_treasurer"}

// inTenure reports whether a tenure [since, until) covers d ("" until: open).
func inTenure(since, until string, d corp.Date) bool {
	s := d.String()
	return since <= s && (until == "" || s < until)
}

// isDirector reports whether person holds a directorship on d.
func isDirector(r tables.Reader, person string, d corp.Date) (bool, error) {
	found := false
	err := r.Scan(tables.Directors, []any{person}, func(row tables.Row) error {
		found = found || inTenure(row[1].(string), row[2].(string), d)
		return nil
	})
	return found, err
}

// holdsOffice reports whether person holds office on d.
func holdsOffice(r tables.Reader, office, person string, d corp.Date) (bool, error) {
	found := false
	err := r.Scan(tables.Officers, []any{office, person}, func(row tables.Row) error {
		found = found || inTenure(row[2].(string), row[3].(string), d)
		return nil
	})
	return found, err
}

// officersRecorded reports whether the officers register has any entry
// (once it does, certificate signers are checked against it).
func officersRecorded(r tables.Reader) (bool, error) {
	found := false
	err := r.Scan(tables.Officers, nil, func(tables.Row) error { found = true; return errStop })
	if err == errStop {
		err = nil
	}
	return found, err
}

// BoardSizeFields are the fields of board.size.
type BoardSizeFields struct {
	Size       int    `mb:"size,required" doc:"the number of directorships (the whole board, vacancies included)"`
	Resolution string `mb:"resolution,required" doc:"the board resolution, or the stockholders' vote at the annual meeting, that fixed it"`
}

// FixBoardSize records the number of directorships (Art. III §1).
var FixBoardSize = Define(Kind{
	Name:    "board.size",
	Summary: "fix the number of directorships (the whole board)",
	Doc: "The number of directors is fixed by resolution of the board or by the stockholders at the " +
		"annual meeting (Art. III §1). The whole board counts vacancies. The last valid determination " +
		"stands (A-SIZE). Reducing the number removes no sitting director (DGCL §141(b)).",
	Actors: []corp.Capacity{corp.AsBoard, corp.AsStockholders},
	Power:  PowerOrdinary,
	Example: `kind: board.size
effective: 1999-09-02
actor: {as: board}
fields: {size: 5, resolution: "Board resolution 1999-09-02 #1"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *BoardSizeFields) error {
	e.Check("III.1.board_size", f.Size >= 1, fmt.Sprintf("the whole board is fixed at %d directorships", f.Size),
		"a board has at least one director (DGCL §141(b))", N("size", f.Size))
	return nil
}, func(e *Env, f *BoardSizeFields) error {
	return e.Rows.Put(tables.BoardSizes, tables.Row{e.Act.Effective.String(), int64(e.Seq), int64(f.Size), string(e.Act.Actor.Capacity)})
})

// wholeBoard returns the number of directorships fixed on d (0 if none).
func wholeBoard(r tables.Reader, d corp.Date) (int, error) {
	size := 0
	err := r.Scan(tables.BoardSizes, nil, func(row tables.Row) error {
		if row[0].(string) <= d.String() {
			size = int(row[2].(int64))
		}
		return nil
	})
	return size, err
}

// directorsOn returns the persons holding a directorship on d.
func directorsOn(r tables.Reader, d corp.Date) ([]string, error) {
	var out []string
	err := r.Scan(tables.Directors, nil, func(row tables.Row) error {
		if inTenure(row[1].(string), row[2].(string), d) {
			out = append(out, row[0].(string))
		}
		return nil
	})
	return out, err
}

// DirectorFields are the fields of director.elect.
type DirectorFields struct {
	Person string `mb:"person,required" doc:"the director"`
	How    string `mb:"how,required" enum:"elected,appointed_to_vacancy" doc:"elected by the stockholders, or appointed to a vacancy or new directorship (Art. III §2)"`
	Source string `mb:"source,required" doc:"the certified election result or the board resolution"`
}

// ElectDirector records a director taking office.
var ElectDirector = Define(Kind{
	Name:    "director.elect",
	Summary: "record a director taking office, elected or appointed to a vacancy",
	Doc: "Records that a natural person (DGCL §141(b)) takes a directorship, elected by the stockholders " +
		"or appointed to a vacancy (Art. III §2), citing the certified result or the resolution. There must " +
		"be a vacant directorship in the whole board fixed under Art. III §1. Directors need not be " +
		"stockholders (Art. III §1).",
	Actors: []corp.Capacity{corp.AsStockholders, corp.AsBoard, corp.AsSecretary},
	Power:  PowerOrdinary,
	Example: `kind: director.elect
effective: 1999-09-02
actor: {as: stockholders}
fields: {person: pat, how: elected, source: "Inspector's certificate, annual meeting 1999-09-02"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *DirectorFields) error {
	row, ok, err := e.Rows.Get(tables.Persons, f.Person)
	if err != nil {
		return err
	}
	if !ok {
		e.Fail("MB.person.known", fmt.Sprintf("person %q is not recorded", f.Person))
		return nil
	}
	e.Check("III.1.no_share_qual", corp.PersonKind(row[3].(string)) == corp.NaturalPerson,
		fmt.Sprintf("%s is a natural person; directors need not be stockholders", f.Person),
		fmt.Sprintf("%s is a %s: a director must be a natural person (DGCL §141(b))", f.Person, row[3]))
	d := e.Act.Effective
	already, err := isDirector(e.Rows, f.Person, d)
	if err != nil {
		return err
	}
	if already {
		e.Fail("III.1.term", fmt.Sprintf("%s already holds a directorship on %s", f.Person, d))
	}
	size, err := wholeBoard(e.Rows, d)
	if err != nil {
		return err
	}
	in, err := directorsOn(e.Rows, d)
	if err != nil {
		return err
	}
	e.Check("III.1.board_size", size > 0 && len(in) < size,
		fmt.Sprintf("%d of %d directorships are filled before this act", len(in), size),
		fmt.Sprintf("no directorship is vacant: %d of %d are filled (fix the number with board.size)", len(in), size),
		N("whole_board", size), N("in_office", len(in)))
	if f.How == "appointed_to_vacancy" {
		return checkVacancyFill(e, size, len(in))
	}
	return nil
}, func(e *Env, f *DirectorFields) error {
	if f.How == "appointed_to_vacancy" && e.Act.Actor.Capacity != corp.AsStockholders {
		size, err := wholeBoard(e.Rows, e.Act.Effective)
		if err != nil {
			return err
		}
		in, err := directorsOn(e.Rows, e.Act.Effective)
		if err != nil {
			return err
		}
		if count, need := courtCount(e, len(in)), courtNeed(e, size); count < need {
			if err := e.Rows.Put(tables.CourtTriggers, tables.Row{int64(e.Seq), e.Act.Effective.String(), int64(count), int64(size), f.Person}); err != nil {
				return err
			}
		}
	}
	return e.Rows.Put(tables.Directors, tables.Row{f.Person, e.Act.Effective.String(), "", f.How, "", int64(e.Seq)})
})

// checkVacancyFill checks the filling of a vacancy or a new directorship
// (Art. III §2): by a majority of the directors then in office, though
// less than a quorum, or by a sole remaining director; and flags when the
// directors then in office are less than a majority of the whole board, so
// that holders of 10% of the voting shares may apply to the Court of
// Chancery for an election (DGCL §223(c)).
func checkVacancyFill(e *Env, whole, inOffice int) error {
	if e.Act.Actor.Capacity == corp.AsStockholders {
		e.Hold("III.2.vacancy_fill", "the stockholders may also fill a vacancy (A-VACSH: statutory default)")
		return nil
	}
	if inOffice == 0 {
		e.Fail("III.2.no_directors", "no directors are in office: an election of directors is held in the manner provided by statute (DGCL §211, §223), not by appointment")
		return nil
	}
	need := inOffice/2 + 1 // a majority of those in office; the sole remaining director alone
	e.requireVotes("III.2.vacancy_fill", "a majority of the directors then in office (though less than a quorum)", inOffice, need, true)
	e.Hold("III.2.vacancy_fill", fmt.Sprintf("filled by the directors then in office: %d votes of the %d in office are needed (a sole remaining director suffices)", need, inOffice),
		N("in_office", inOffice), N("needed", need))
	count, trigger := courtCount(e, inOffice), courtNeed(e, whole)
	if count < trigger {
		e.Warn("III.2.court_election", fmt.Sprintf("the directors then in office (%d) are less than a majority of the whole board (%d of %d): holders of at least 10%% of the outstanding voting shares may apply to the Court of Chancery for an election (A-VACCOUNT: %s); `minutebook board court` lists them",
			count, trigger, whole, e.Bylaws.Choice("A-VACCOUNT")),
			N("in_office", count), N("majority_of_whole_board", trigger), N("whole_board", whole))
	} else {
		e.Hold("III.2.court_election", fmt.Sprintf("the directors then in office (%d) are a majority of the whole board of %d", count, whole), N("in_office", count), N("whole_board", whole))
	}
	return nil
}

// courtCount counts the directors in office for the Court trigger of Art.
// III §2: those in office before the filling act (A-VACCOUNT before_filling)
// or after it.
func courtCount(e *Env, inOffice int) int {
	if e.Bylaws.Choice("A-VACCOUNT") == "after_filling" {
		return inOffice + 1
	}
	return inOffice
}

// courtNeed is a majority of the whole board for the Court trigger.
func courtNeed(e *Env, whole int) int {
	f, _ := e.Bylaws.Fraction("III.2.court_election", "in_office_fraction")
	return int(f.MoreThanCount(int64(whole)))
}

// EndDirectorFields are the fields of director.end.
type EndDirectorFields struct {
	Person string `mb:"person,required"`
	Why    string `mb:"why,required" enum:"resignation,death,removal,term_ended" doc:"why the directorship ended"`
	Source string `mb:"source,required" doc:"the resignation letter, the certified removal vote, ..."`
	// The stockholders' vote on a removal (Art. III §14; DGCL §141(k)).
	SharesFor     *corp.Decimal `mb:"shares_for" doc:"for a removal: the shares voted for removal"`
	SharesAgainst *corp.Decimal `mb:"shares_against" doc:"for a removal: the shares voted against"`
	Cause         bool          `mb:"cause" doc:"the removal is for cause, as the stockholders determined (A-CAUSE)"`
	EntireBoard   bool          `mb:"entire_board" doc:"the entire board is removed at once"`
}

// EndDirector records that a director left office on the effective date.
var EndDirector = Define(Kind{
	Name:    "director.end",
	Summary: "record that a director left office",
	Doc: "Records a resignation, death, removal (Art. III §14) or the end of a term, from the effective " +
		"date. A chairman or vice chairman who stops being a director loses the chair too (A-CHAIR: " +
		"qualification lost; flagged).",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsStockholders, corp.AsBoard},
	Power:  PowerOrdinary,
	Example: `kind: director.end
effective: 2003-05-01
actor: {person: susan, as: secretary}
fields: {person: tess, why: resignation, source: "Letter of resignation dated 2003-04-28"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *EndDirectorFields) error {
	in, err := isDirector(e.Rows, f.Person, e.Act.Effective)
	if err != nil {
		return err
	}
	e.Check("MB.director.in_office", in, fmt.Sprintf("%s holds a directorship until %s", f.Person, e.Act.Effective),
		fmt.Sprintf("%s holds no directorship on %s", f.Person, e.Act.Effective))
	if f.Why == "removal" {
		if err := checkRemoval(e, f); err != nil {
			return err
		}
	}
	for _, office := range []string{"chairman", "vice_chairman"} {
		holds, err := holdsOffice(e.Rows, office, f.Person, e.Act.Effective)
		if err != nil {
			return err
		}
		if holds {
			e.Warn("V.1.chair_from_board", fmt.Sprintf("%s was %s: the office ends with the directorship (A-CHAIR, qualification lost)", f.Person, office))
		}
	}
	return nil
}, func(e *Env, f *EndDirectorFields) error {
	d := e.Act.Effective
	var rows []tables.Row
	if err := e.Rows.Scan(tables.Directors, []any{f.Person}, func(row tables.Row) error {
		if inTenure(row[1].(string), row[2].(string), d) {
			rows = append(rows, append(tables.Row(nil), row...))
		}
		return nil
	}); err != nil {
		return err
	}
	for _, row := range rows {
		row[2], row[4] = d.String(), f.Why
		if err := e.Rows.Put(tables.Directors, row); err != nil {
			return err
		}
	}
	for _, office := range []string{"chairman", "vice_chairman"} {
		if err := closeOffice(e, office, f.Person); err != nil {
			return err
		}
	}
	return nil
})

// closeOffice ends person's open tenure of office on the act's date.
func closeOffice(e *Env, office, person string) error {
	d := e.Act.Effective
	var rows []tables.Row
	if err := e.Rows.Scan(tables.Officers, []any{office, person}, func(row tables.Row) error {
		if inTenure(row[2].(string), row[3].(string), d) {
			rows = append(rows, append(tables.Row(nil), row...))
		}
		return nil
	}); err != nil {
		return err
	}
	for _, row := range rows {
		row[3] = d.String()
		if err := e.Rows.Put(tables.Officers, row); err != nil {
			return err
		}
	}
	return nil
}

// OfficerFields are the fields of officer.elect.
type OfficerFields struct {
	Office     string `mb:"office,required" enum:"chairman,vice_chairman,president,vice_president,secretary,assistant_secretary,treasurer,assistant_treasurer" doc:"the office (Art. V §1)"`
	Person     string `mb:"person,required"`
	Rank       int    `mb:"rank" doc:"the order the board designated among vice-presidents or assistants (1 first); 0 for none: then the order of election (Art. V §10, §12, §16)"`
	Resolution string `mb:"resolution,required" doc:"the board resolution that elected the officer"`
}

// ElectOfficer records the board's election of an officer.
var ElectOfficer = Define(Kind{
	Name:    "officer.elect",
	Summary: "record the board's election of an officer",
	Doc: "The board chooses the officers (Art. V §1–2); one person may hold several offices. The " +
		"chairman and vice chairman must be directors. At the first meeting of the board after each annual " +
		"meeting (board_meeting.call type first) the board chooses a president, a treasurer and a secretary " +
		"(Art. V §2): an incumbent may then be re-elected, starting a new term; elsewhere electing the holder " +
		"of an office is refused. The calendar flags a first meeting held without choosing all three, and any " +
		"vacancy in a required office (Art. V §1, §5). Vice-presidents and assistants may be ranked; " +
		"otherwise they act in the order of their election (Art. V §10, §12, §16). Once any officer is " +
		"recorded, the signers of certificates are checked against this register (Art. VI §1).",
	Actors: []corp.Capacity{corp.AsBoard},
	Power:  PowerOrdinary,
	Example: `kind: officer.elect
effective: 2000-01-05
actor: {as: board}
fields: {office: vice_president, person: wendy, resolution: "Board resolution 2000-01-05 #3"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *OfficerFields) error {
	ok, err := e.PersonExists(f.Person)
	if err != nil {
		return err
	}
	e.Check("MB.person.known", ok, fmt.Sprintf("person %q is recorded", f.Person), fmt.Sprintf("person %q is not recorded", f.Person))
	if f.Office == "chairman" || f.Office == "vice_chairman" {
		dir, err := isDirector(e.Rows, f.Person, e.Act.Effective)
		if err != nil {
			return err
		}
		e.Check("V.1.chair_from_board", dir, fmt.Sprintf("%s is a director, as the %s must be", f.Person, f.Office),
			fmt.Sprintf("the %s is elected from among the directors; %s holds no directorship on %s", f.Office, f.Person, e.Act.Effective))
	}
	holds, err := holdsOffice(e.Rows, f.Office, f.Person, e.Act.Effective)
	if err != nil {
		return err
	}
	first, err := atFirstMeeting(e)
	if err != nil {
		return err
	}
	switch {
	case first != "" && holds:
		e.Hold("V.2.annual_officer_election", fmt.Sprintf("%s is re-elected %s at the first meeting of the board after the annual meeting (%s); the new term runs from %s", f.Person, f.Office, first, e.Act.Effective))
	case first != "":
		e.Hold("V.2.annual_officer_election", fmt.Sprintf("the %s is chosen at the first meeting of the board after the annual meeting (%s)", f.Office, first))
	case holds:
		e.Fail("V.5.term", fmt.Sprintf("%s already holds the office of %s (officers hold office until their successors are chosen; an incumbent is re-elected at the first meeting of the board after the annual meeting, Art. V §2)", f.Person, f.Office))
	}
	e.Hold("V.1.multiple_offices", "one person may hold any number of offices")
	return nil
}, func(e *Env, f *OfficerFields) error {
	if err := closeOffice(e, f.Office, f.Person); err != nil { // a re-election at the first meeting
		return err
	}
	return e.Rows.Put(tables.Officers, tables.Row{f.Office, f.Person, e.Act.Effective.String(), "", int64(f.Rank), int64(e.Seq)})
})

// atFirstMeeting returns the id of the first meeting of the board after
// the annual meeting (board_meeting.call type first) that adopted the act,
// "" when it was adopted elsewhere or its adoption is not recorded.
func atFirstMeeting(e *Env) (string, error) {
	ad := e.Act.Adoption
	if ad == nil || ad.Meeting == "" || e.Act.Actor.Capacity != corp.AsBoard {
		return "", nil
	}
	m, ok, err := loadMeeting(e.Rows, ad.Meeting)
	if err != nil || !ok || m.Body != "board" {
		return "", err
	}
	if m.Kind == "first" || m.Kind == "first_on_notice" {
		return m.ID, nil
	}
	return "", nil
}

// EndOfficerFields are the fields of officer.end.
type EndOfficerFields struct {
	Office string `mb:"office,required" enum:"chairman,vice_chairman,president,vice_president,secretary,assistant_secretary,treasurer,assistant_treasurer"`
	Person string `mb:"person,required"`
	Why    string `mb:"why,required" enum:"resignation,death,removal" doc:"removal is by the board (Art. V §5)"`
	Source string `mb:"source,required"`
}

// EndOfficer records that an officer left office.
var EndOfficer = Define(Kind{
	Name:    "officer.end",
	Summary: "record that an officer left office (resignation, death or removal by the board)",
	Doc:     "Officers hold office until their successors are chosen, unless they resign, die or are removed by the board (Art. V §5). A removal is the board's act.",
	Actors:  []corp.Capacity{corp.AsBoard, corp.AsSecretary},
	Power:   PowerOrdinary,
	Example: `kind: officer.end
effective: 2004-02-01
actor: {person: susan, as: secretary}
fields: {office: vice_president, person: victor, why: resignation, source: "Letter of 2004-01-25"}
`,
	NeedsBylaws: true,
}, func(e *Env, f *EndOfficerFields) error {
	holds, err := holdsOffice(e.Rows, f.Office, f.Person, e.Act.Effective)
	if err != nil {
		return err
	}
	e.Check("MB.officer.in_office", holds, fmt.Sprintf("%s holds the office of %s until %s", f.Person, f.Office, e.Act.Effective),
		fmt.Sprintf("%s does not hold the office of %s on %s", f.Person, f.Office, e.Act.Effective))
	if f.Why == "removal" {
		e.Check("V.5.removal", e.Act.Actor.Capacity == corp.AsBoard || e.Act.Actor.Capacity == corp.AsCommittee, "removed by the board",
			"an officer is removed only by the board (Art. V §5)")
		if e.Act.Actor.Capacity == corp.AsBoard {
			if err := requireBoardMajority(e, "V.5.removal"); err != nil {
				return err
			}
		}
	}
	return nil
}, func(e *Env, f *EndOfficerFields) error {
	return closeOffice(e, f.Office, f.Person)
})

// Tenure is one person's holding of an office.
type Tenure struct {
	Office string
	Person string
	Since  corp.Date
	Rank   int
	Seq    uint64
}

// OfficersOn returns the officers in office on d, by office then rank
// and order of election.
func (s *Service) OfficersOn(ctx context.Context, corpID string, d corp.Date) ([]Tenure, error) {
	var out []Tenure
	err := s.Store.View(ctx, corpID, func(v View) error {
		return v.Scan(tables.Officers, nil, func(row tables.Row) error {
			if !inTenure(row[2].(string), row[3].(string), d) {
				return nil
			}
			since, err := corp.ParseDate(row[2].(string))
			if err != nil {
				return err
			}
			out = append(out, Tenure{Office: row[0].(string), Person: row[1].(string), Since: since, Rank: int(row[4].(int64)), Seq: uint64(row[5].(int64))})
			return nil
		})
	})
	order := map[string]int{}
	for i, o := range officeNames {
		order[o] = i
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Office != b.Office {
			return order[a.Office] < order[b.Office]
		}
		return succeeds(a, b)
	})
	return out, err
}

// succeeds orders deputies: a board-designated rank first (1 before 2),
// then the order of election (earlier date, then earlier act: A-ORDER).
func succeeds(a, b Tenure) bool {
	switch {
	case a.Rank != 0 && b.Rank != 0 && a.Rank != b.Rank:
		return a.Rank < b.Rank
	case (a.Rank != 0) != (b.Rank != 0):
		return a.Rank != 0
	case a.Since != b.Since:
		return a.Since.Before(b.Since)
	}
	return a.Seq < b.Seq
}

// deputies names the office whose holders act for each office (Art. V §10,
// §12, §16).
var deputies = map[string]string{"president": "vice_president", "secretary": "assistant_secretary", "treasurer": "assistant_treasurer"}

// Acting answers who performs office's duties on d when the persons in
// absent are absent or unable to act: the holder, else the deputies in the
// board's order, else in the order of their election (Art. V §10, §12,
// §16). It returns the person and the rule that decided.
func (s *Service) Acting(ctx context.Context, corpID, office string, d corp.Date, absent []string) (string, string, error) {
	ts, err := s.OfficersOn(ctx, corpID, d)
	if err != nil {
		return "", "", err
	}
	out := map[string]bool{}
	for _, p := range absent {
		out[p] = true
	}
	for _, t := range ts {
		if t.Office == office && !out[t.Person] {
			return t.Person, "", nil
		}
	}
	rules := map[string]string{"president": "V.10.vp_succession", "secretary": "V.12.asst_secretary_succession", "treasurer": "V.16.asst_treasurer_succession"}
	dep, ok := deputies[office]
	if !ok {
		return "", "", corp.E("officers acting", corp.NotFound, "no one holds the office of %s on %s, and the bylaws name no deputy for it", office, d)
	}
	for _, t := range ts { // already in succession order
		if t.Office == dep && !out[t.Person] {
			return t.Person, rules[office], nil
		}
	}
	return "", "", corp.E("officers acting", corp.NotFound, "no one can act as %s on %s: the holder and every %s are absent or the offices vacant", office, d, dep)
}

// requireBoardMajority asks that the act be adopted by "a majority of the
// Board of Directors" read by A-MAJBOARD: of the whole board (default), of
// the directors in office, or of those present (the ordinary act).
func requireBoardMajority(e *Env, rule string) error {
	d := e.Act.Effective
	switch e.Bylaws.Choice("A-MAJBOARD") {
	case "present":
		return nil
	case "in_office":
		in, err := directorsOn(e.Rows, d)
		if err != nil {
			return err
		}
		e.requireVotes(rule, "a majority of the directors in office (A-MAJBOARD: in_office)", len(in), countNeeded(e.Bylaws, rule, len(in)), false)
	default:
		whole, err := wholeBoard(e.Rows, d)
		if err != nil {
			return err
		}
		e.requireVotes(rule, "a majority of the whole board (A-MAJBOARD)", whole, countNeeded(e.Bylaws, rule, whole), false)
	}
	return nil
}

// checkRemoval checks the removal of a director (Art. III §14): by the
// holders of a majority of the shares entitled to vote at an election of
// directors (not of those present), and, with cumulative voting, the
// protection of DGCL §141(k)(2): unless for cause or the entire board is
// removed, a director may not be removed if the shares voted against would
// elect him or her at a cumulative election of the whole board.
func checkRemoval(e *Env, f *EndDirectorFields) error {
	byHolders := e.Act.Actor.Capacity == corp.AsStockholders
	e.Check("III.14.removal", byHolders, "removed by the stockholders",
		fmt.Sprintf("a director is removed by the holders of a majority of the shares entitled to vote at an election of directors, not by the %s", e.Act.Actor.Capacity))
	if !byHolders {
		return nil
	}
	sharesFor, sharesAgainst, err := removalVotes(e, f) // a certified question's votes (votes_meetings.go)
	if err != nil {
		return err
	}
	if sharesFor == nil {
		e.Warn("III.14.removal", "the stockholders' vote is not recorded (give shares_for and shares_against): the majority of the shares entitled to vote cannot be checked")
		return nil
	}
	outstanding, err := votingSharesOn(e.Rows, e.Charter, e.Act.Effective)
	if err != nil {
		return err
	}
	units, _ := outstanding.Int64()
	need := corp.DecimalFromInt(int64(countNeeded(e.Bylaws, "III.14.removal", int(units))))
	if !outstanding.IsInteger() {
		need = outstanding // fractional shares: compare exactly below
	}
	frac, _ := e.Bylaws.Fraction("III.14.removal", "fraction")
	ok := frac.MoreThan(*sharesFor, outstanding)
	e.Check("III.14.removal", ok,
		fmt.Sprintf("%s shares for removal: more than half of the %s shares entitled to vote at an election of directors (%s needed)", sharesFor.Grouped(), outstanding.Grouped(), need.Grouped()),
		fmt.Sprintf("%s shares for removal, but a majority of the %s shares entitled to vote at an election of directors is needed: %s (a majority of those present is not enough)", sharesFor.Grouped(), outstanding.Grouped(), need.Grouped()),
		N("shares_for", *sharesFor), N("entitled_to_vote", outstanding), N("needed", need))
	if !e.Charter.CumulativeVoting || f.Cause || f.EntireBoard {
		return nil
	}
	against := corp.Decimal{}
	if sharesAgainst != nil {
		against = *sharesAgainst
	}
	whole, err := wholeBoard(e.Rows, e.Act.Effective)
	if err != nil {
		return err
	}
	threshold := func(s corp.Decimal) corp.Decimal { // ⌊S/(D+1)⌋ + 1
		n, _ := s.Int64()
		return corp.DecimalFromInt(n/int64(whole+1) + 1)
	}
	cast := sharesFor.Add(against)
	base, other := cast, outstanding
	if e.Bylaws.Choice("A-REMOVALS") == "outstanding" {
		base, other = outstanding, cast
	}
	t := threshold(base)
	protected := against.Cmp(t) >= 0
	e.Check("III.14.removal", !protected,
		fmt.Sprintf("DGCL §141(k)(2): the %s shares against removal would not elect the director cumulatively (%s needed of %s voting for a board of %d)", against.Grouped(), t.Grouped(), base.Grouped(), whole),
		fmt.Sprintf("DGCL §141(k)(2): with cumulative voting, a director may not be removed without cause when the shares against removal (%s) would elect him or her at an election of the whole board of %d (%s needed of %s)", against.Grouped(), whole, t.Grouped(), base.Grouped()),
		N("shares_against", against), N("threshold", t), N("whole_board", whole), N("S", base))
	if t2 := threshold(other); (against.Cmp(t2) >= 0) != protected {
		e.Warn("III.14.removal", fmt.Sprintf("A-REMOVALS: under the other reading (S = %s) the threshold is %s and the outcome differs", other.Grouped(), t2.Grouped()), N("other_threshold", t2))
	}
	return nil
}

// votingSharesOn returns the outstanding shares of the classes entitled to
// vote (votes per share above zero) on d.
func votingSharesOn(r tables.Reader, facts corp.CharterFacts, d corp.Date) (corp.Decimal, error) {
	units := map[string]int64{}
	err := r.Scan(tables.HoldingChanges, nil, func(row tables.Row) error {
		if row[2].(string) <= d.String() {
			units[row[1].(string)] += row[4].(int64)
		}
		return nil
	})
	total := corp.Decimal{}
	for _, c := range facts.Classes {
		if c.VotesPerShare.Sign() > 0 {
			total = total.Add(corp.DecimalFromUnits(units[c.ID], c.Scale))
		}
	}
	return total, err
}
