package bylaws

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"

	"minutebook/internal/corp"
)

// Format is the format id of a bylaws file.
const Format = "minutebook.bylaws/v1"

// Rulebook is one version of a corporation's bylaws, parsed and checked
// against the catalogue: its rules with typed parameters and citations, the
// engine conventions, and the reading chosen for each ambiguity. A Rulebook
// is immutable and safe for concurrent use.
type Rulebook struct {
	Format      string
	Title       string
	Corporation string
	Adopted     corp.Date // the date the bylaws were adopted
	AdoptedBy   string    // "board", "stockholders" or "incorporator"
	Effective   corp.Date // the date they take effect; Adopted unless the file says otherwise
	Conventions Conventions
	BylawsText  string // the bylaws text, verbatim; "" if the file carries none

	source      []byte
	hash        [32]byte
	rules       []*Rule
	byID        map[string]*Rule
	ambiguities map[string]*Ambiguity // every catalogue code
	ambOrder    []string              // stated codes in file order, then the rest in catalogue order
	text        *textIndex
}

// Hash returns the SHA-256 of the file the rulebook was parsed from. It pins
// the exact bylaws (text, parameters and readings) an act was checked under.
func (rb *Rulebook) Hash() [32]byte { return rb.hash }

// Source returns a copy of the bytes the rulebook was parsed from.
func (rb *Rulebook) Source() []byte { return slices.Clone(rb.source) }

// Rules returns the rules of these bylaws in file order.
func (rb *Rulebook) Rules() []*Rule { return slices.Clone(rb.rules) }

// Rule returns the rule id, or nil when these bylaws do not contain it (a
// corporation's file may omit rules its bylaws lack, such as Art. VIII).
func (rb *Rulebook) Rule(id string) *Rule { return rb.byID[id] }

// Ambiguity returns the reading in force for an ambiguity code of rules.md
// §4, or nil for an unknown code. A code the file does not address has
// Stated false and the catalogue's default reading.
func (rb *Rulebook) Ambiguity(code string) *Ambiguity { return rb.ambiguities[code] }

// Ambiguities returns every ambiguity: those the file states in file order,
// then the others (catalogue defaults) in catalogue order.
func (rb *Rulebook) Ambiguities() []*Ambiguity {
	out := make([]*Ambiguity, len(rb.ambOrder))
	for i, c := range rb.ambOrder {
		out[i] = rb.ambiguities[c]
	}
	return out
}

// Choice returns the reading in force for an ambiguity code, e.g.
// Choice("A-STANDDAY") == "day0". It panics on a code the catalogue does not
// know, which is a programming error.
func (rb *Rulebook) Choice(code string) string {
	a := rb.ambiguities[code]
	if a == nil {
		panic(fmt.Sprintf("bylaws: Choice(%q): no such ambiguity code in the catalogue", code))
	}
	return a.Choice
}

// InForce reports whether rule id is part of these bylaws and has not
// terminated by date on. Only the right of first refusal (the catalogue's
// VIII.* rules, whatever article a corporation puts it in) ends by its own
// terms: at the start of VIII.1.i.termination's date under A-TERMDAY
// start_of_day, at its end under end_of_day. Its earlier end on a public
// offering depends on facts outside the bylaws and is for the caller.
func (rb *Rulebook) InForce(id string, on corp.Date) bool {
	r := rb.byID[id]
	if r == nil {
		return false
	}
	if end, ok := rb.rofrEnd(); ok && strings.HasPrefix(id, "VIII.") {
		return on.Before(end)
	}
	return true
}

// rofrEnd returns the first day on which the right of first refusal no
// longer applies.
func (rb *Rulebook) rofrEnd() (corp.Date, bool) {
	r := rb.byID["VIII.1.i.termination"]
	if r == nil {
		return corp.Date{}, false
	}
	p, ok := r.Param("date")
	if !ok {
		return corp.Date{}, false
	}
	d := p.Value.(corp.Date)
	if rb.Choice("A-TERMDAY") == "end_of_day" {
		d = d.AddDays(1)
	}
	return d, true
}

// Rule is one checkable requirement of the bylaws (or of a DGCL section the
// bylaws leave to the statute), with its citation and typed parameters.
type Rule struct {
	ID       string
	Summary  string
	Citation Citation
	Kinds    []string // HARD, WF, REC, ADV, CFG (rules.md §0)
	Status   []string // same, STAT+, STAT≠, BYLAW+: how it stands against today's DGCL
	Params   []Param  // in file order
	Notes    string
	// Ambiguities and Conventions name the rules.md §4 codes and §0.1
	// conventions that bear on this rule (from the catalogue).
	Ambiguities []string
	Conventions []string
}

// Param returns the parameter named name.
func (r *Rule) Param(name string) (Param, bool) {
	for _, p := range r.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// Param is one parameter of a rule or an ambiguity. Value holds, by Type:
// int (int, days, hours, years, months), Fraction, bool, corp.Date, string
// (text, enum), []string (texts, enums) or corp.Decimal.
type Param struct {
	Name  string
	Type  ParamType
	Value any
	Doc   string // from the catalogue
}

// Ambiguity is the reading in force for one ambiguity of rules.md §4.
type Ambiguity struct {
	Code     string
	Where    string
	Question string // "" when the file does not address the code
	Choice   string // the option in force
	Reading  string // the file's account of the reading chosen
	Options  []Option
	Params   []Param
	Stated   bool // false when the file is silent and the catalogue default applies
}

// Param returns the ambiguity parameter named name.
func (a *Ambiguity) Param(name string) (Param, bool) {
	for _, p := range a.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// Int returns a whole-number parameter of the ambiguity (e.g.
// A-CALLDEADLINE flag_days). It panics if there is none: a programming error.
func (a *Ambiguity) Int(name string) int {
	p, ok := a.Param(name)
	if !ok || !p.Type.isWhole() {
		panic(fmt.Sprintf("bylaws: %s has no whole-number parameter %q", a.Code, name))
	}
	return p.Value.(int)
}

// Text returns a text or enum parameter of the ambiguity (e.g. A-PROXY3Y
// undated). It panics if there is none: a programming error.
func (a *Ambiguity) Text(name string) string {
	p, ok := a.Param(name)
	if !ok || (p.Type != TypeText && p.Type != TypeEnum) {
		panic(fmt.Sprintf("bylaws: %s has no text parameter %q", a.Code, name))
	}
	return p.Value.(string)
}

// Conventions are the engine conventions of rules.md §0.1 in force under
// these bylaws. Every field holds one of the options of ConventionCatalogue.
type Conventions struct {
	DaysBefore      string           // "calendar" (M − d) | "clear" (both end days excluded); A-DAYS
	WithinAfter     string           // "day0": within N days after X = X+1 … X+N | "day1"
	PeriodFollowing string           // "day0": the N-day period following E = E+1 … E+N | "day1"
	Hours           string           // "elapsed" | "whole_days"
	MailTime        string           // "deposit" | "receipt"
	Majority        string           // "more_than_half"
	Years           string           // "through_anniversary" | "before_anniversary"; A-PROXY3Y
	Feb29           corp.Feb29Policy // corp.Feb29ToFeb28 | corp.Feb29ToMar1
	Outstanding     string           // "excludes_treasury"
	WholeBoard      string           // "fixed_number" | "in_office"
	Dates           string           // "civil_local"
	// Entries holds every convention with the file's statement and basis,
	// in file order.
	Entries []Convention
}

// Convention is one engine convention as the bylaws file states it.
type Convention struct {
	Name  string
	Value string
	Text  string // what the convention says
	Basis string // why
}

// set stores value in the typed field of name.
func (c *Conventions) set(name, value string) {
	switch name {
	case "days_before":
		c.DaysBefore = value
	case "within_after":
		c.WithinAfter = value
	case "period_following":
		c.PeriodFollowing = value
	case "hours":
		c.Hours = value
	case "mail_time":
		c.MailTime = value
	case "majority":
		c.Majority = value
	case "years":
		c.Years = value
	case "feb29":
		c.Feb29 = corp.Feb29Policy(value)
	case "outstanding":
		c.Outstanding = value
	case "whole_board":
		c.WholeBoard = value
	case "dates":
		c.Dates = value
	default:
		panic("bylaws: convention " + name + " has no field")
	}
}

// Value returns the value of convention name, e.g. Value("days_before").
func (c Conventions) Value(name string) string {
	for _, e := range c.Entries {
		if e.Name == name {
			return e.Value
		}
	}
	return ""
}

// param finds parameter param of rule id for a typed getter, panicking on a
// programming error: a rule the bylaws lack, or a name or type the catalogue
// does not give it.
func (rb *Rulebook) param(getter, id, param string, ok func(ParamType) bool) (Param, Citation) {
	r := rb.byID[id]
	if r == nil {
		if _, known := ruleIndex[id]; known {
			panic(fmt.Sprintf("bylaws: %s(%q, %q): these bylaws do not contain the rule; check Rule(id) != nil first", getter, id, param))
		}
		panic(fmt.Sprintf("bylaws: %s(%q, %q): no such rule in the catalogue", getter, id, param))
	}
	p, found := r.Param(param)
	if !found {
		panic(fmt.Sprintf("bylaws: %s(%q, %q): the rule has no such parameter (it has %v)", getter, id, param, r.paramNames()))
	}
	if !ok(p.Type) {
		panic(fmt.Sprintf("bylaws: %s(%q, %q): the parameter is of type %s", getter, id, param, p.Type))
	}
	return p, r.Citation
}

func (r *Rule) paramNames() []string {
	n := make([]string, len(r.Params))
	for i, p := range r.Params {
		n[i] = p.Name
	}
	return n
}

func is(ts ...ParamType) func(ParamType) bool {
	return func(t ParamType) bool { return slices.Contains(ts, t) }
}

// Int returns a whole-number parameter (int, days, hours, years or months),
// e.g. Int("VIII.1.b.option", "days") == 30, and the rule's citation.
func (rb *Rulebook) Int(id, param string) (int, Citation) {
	p, c := rb.param("Int", id, param, ParamType.isWhole)
	return p.Value.(int), c
}

// Fraction returns a fraction parameter, e.g. Fraction("II.8.quorum",
// "fraction") is 50%, and the rule's citation.
func (rb *Rulebook) Fraction(id, param string) (Fraction, Citation) {
	p, c := rb.param("Fraction", id, param, is(TypeFraction))
	return p.Value.(Fraction), c
}

// Bool returns a true-or-false parameter and the rule's citation.
func (rb *Rulebook) Bool(id, param string) (bool, Citation) {
	p, c := rb.param("Bool", id, param, is(TypeBool))
	return p.Value.(bool), c
}

// Date returns a date parameter, e.g. Date("VIII.1.i.termination", "date")
// is 2005-05-24, and the rule's citation.
func (rb *Rulebook) Date(id, param string) (corp.Date, Citation) {
	p, c := rb.param("Date", id, param, is(TypeDate))
	return p.Value.(corp.Date), c
}

// Text returns a text or enum parameter (a legend, a method) and the rule's
// citation.
func (rb *Rulebook) Text(id, param string) (string, Citation) {
	p, c := rb.param("Text", id, param, is(TypeText, TypeEnum))
	return p.Value.(string), c
}

// Texts returns a list parameter (texts or enums), e.g. the offices of
// VI.1.certificate_signers group_a, and the rule's citation.
func (rb *Rulebook) Texts(id, param string) ([]string, Citation) {
	p, c := rb.param("Texts", id, param, is(TypeTexts, TypeEnums))
	return slices.Clone(p.Value.([]string)), c
}

// Decimal returns a decimal parameter, e.g. II.10.one_share_one_vote
// votes_per_share, and the rule's citation.
func (rb *Rulebook) Decimal(id, param string) (corp.Decimal, Citation) {
	p, c := rb.param("Decimal", id, param, is(TypeDecimal))
	return p.Value.(corp.Decimal), c
}

func newRulebook(src []byte) *Rulebook {
	return &Rulebook{source: slices.Clone(src), hash: sha256.Sum256(src), byID: map[string]*Rule{}, ambiguities: map[string]*Ambiguity{}}
}
