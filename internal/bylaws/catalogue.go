package bylaws

import (
	"fmt"
	"slices"
	"strings"

	"minutebook/internal/corp"
)

// ParamType is the type of a rule parameter. A bylaws file writes each
// parameter in the form its type asks for; quantities and fractions are never
// floating point.
type ParamType string

// The parameter types.
const (
	TypeInt      ParamType = "int"      // a whole number within [Min, Max]
	TypeDays     ParamType = "days"     // a whole number of calendar days within [Min, Max]
	TypeHours    ParamType = "hours"    // a whole number of hours within [Min, Max]
	TypeYears    ParamType = "years"    // a whole number of years within [Min, Max]
	TypeMonths   ParamType = "months"   // a whole number of months within [Min, Max]
	TypeFraction ParamType = "fraction" // a Fraction in [0, 1], written "50%", "1/2" or "0.5" (quoted), or 0 or 1
	TypeBool     ParamType = "bool"     // true or false
	TypeDate     ParamType = "date"     // a civil date that exists, YYYY-MM-DD
	TypeText     ParamType = "text"     // one line of text (legends are exact text)
	TypeTexts    ParamType = "texts"    // a list of text
	TypeEnum     ParamType = "enum"     // one of Options
	TypeEnums    ParamType = "enums"    // a list of distinct Options
	TypeDecimal  ParamType = "decimal"  // an exact decimal, corp.Decimal
)

// isWhole reports whether values of t are whole numbers (Go int).
func (t ParamType) isWhole() bool {
	switch t {
	case TypeInt, TypeDays, TypeHours, TypeYears, TypeMonths:
		return true
	}
	return false
}

// expect says in words what a value of spec p must be, for error messages.
func (p ParamSpec) expect() string {
	switch p.Type {
	case TypeInt:
		return fmt.Sprintf("a whole number from %d to %d", p.Min, p.Max)
	case TypeDays, TypeHours, TypeYears, TypeMonths:
		return fmt.Sprintf("a whole number of %s from %d to %d", p.Type, p.Min, p.Max)
	case TypeFraction:
		return `a fraction from 0 to 1 written as text, e.g. "50%" or "1/2"`
	case TypeBool:
		return "true or false"
	case TypeDate:
		return "a date that exists, written YYYY-MM-DD"
	case TypeText:
		return "text"
	case TypeTexts:
		return "a list of text"
	case TypeEnum:
		return "one of " + strings.Join(p.Options, ", ")
	case TypeEnums:
		return "a list of distinct values from " + strings.Join(p.Options, ", ")
	case TypeDecimal:
		return `a decimal number written as text, e.g. "1" or "0.5"`
	}
	return string(p.Type)
}

// ParamSpec describes one parameter of a rule (or of an ambiguity) in the
// catalogue: its name, type, bounds or options, and meaning.
type ParamSpec struct {
	Name     string
	Type     ParamType
	Optional bool     // a rule parameter is required unless Optional
	Min, Max int      // bounds of whole-number types, inclusive
	Options  []string // the allowed values of TypeEnum and TypeEnums
	Doc      string   // what the parameter means
	Default  any      // ambiguity parameters only: the value when the file gives none
}

// RuleSpec is the catalogue entry of one rule id: whether every bylaws file
// must state it, the parameters it takes, and the ambiguities (rules.md §4)
// and conventions (rules.md §0.1) that bear on it.
type RuleSpec struct {
	ID          string
	Mandatory   bool
	Params      []ParamSpec
	Ambiguities []string // A-* codes
	Conventions []string // convention names, e.g. "days_before"
	check       checkFunc
}

// Param returns the spec of the parameter named name.
func (s *RuleSpec) Param(name string) (ParamSpec, bool) {
	for _, p := range s.Params {
		if p.Name == name {
			return p, true
		}
	}
	return ParamSpec{}, false
}

// Option is one reading offered for an ambiguity or a convention.
type Option struct {
	Name string
	Doc  string
}

// AmbiguitySpec is the catalogue entry of one ambiguity code of rules.md §4:
// the readings a corporation may choose from, the recommended default, and
// any parameters of the reading (e.g. A-CALLDEADLINE's flag_days).
type AmbiguitySpec struct {
	Code    string
	Where   string // the bylaws provisions concerned, as rules.md gives them
	Default string
	Options []Option
	Params  []ParamSpec
}

func (s *AmbiguitySpec) optionNames() []string {
	n := make([]string, len(s.Options))
	for i, o := range s.Options {
		n[i] = o.Name
	}
	return n
}

// ConventionSpec is the catalogue entry of one engine convention of rules.md
// §0.1, with the values a bylaws file may give it.
type ConventionSpec struct {
	Name    string
	Default string
	Options []Option
}

func (s *ConventionSpec) optionNames() []string {
	n := make([]string, len(s.Options))
	for i, o := range s.Options {
		n[i] = o.Name
	}
	return n
}

// relationOptions and personKindOptions follow package corp, so that the
// ROFR exemptions (Art. VIII §1(f)) name relationships and kinds of person
// exactly as the domain does.
var (
	relationOptions   = stringsOf(corp.RelationshipKinds)
	personKindOptions = stringsOf(corp.PersonKinds)
)

func stringsOf[T ~string](xs []T) []string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(x)
	}
	return s
}

var (
	ruleIndex       = map[string]*RuleSpec{}
	ambiguityIndex  = map[string]*AmbiguitySpec{}
	conventionIndex = map[string]*ConventionSpec{}
)

func init() {
	for i := range ruleSpecs {
		ruleIndex[ruleSpecs[i].ID] = &ruleSpecs[i]
	}
	for i := range ambiguitySpecs {
		ambiguityIndex[ambiguitySpecs[i].Code] = &ambiguitySpecs[i]
	}
	for i := range conventionSpecs {
		conventionIndex[conventionSpecs[i].Name] = &conventionSpecs[i]
	}
}

// Catalogue returns every known rule, in the order of rules.md. The slices
// inside are shared: do not modify them.
func Catalogue() []RuleSpec { return slices.Clone(ruleSpecs) }

// LookupRule returns the catalogue entry of rule id.
func LookupRule(id string) (RuleSpec, bool) {
	s, ok := ruleIndex[id]
	if !ok {
		return RuleSpec{}, false
	}
	return *s, true
}

// MandatoryRules returns the ids every bylaws file must state, in catalogue
// order. They are the rules without which the engine cannot notice or hold a
// meeting, count a vote, act as a board, issue a certificate or amend the
// bylaws; docs/bylaws.md lists them.
func MandatoryRules() []string {
	var ids []string
	for _, s := range ruleSpecs {
		if s.Mandatory {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

// AmbiguityCatalogue returns every known ambiguity code, in the order of
// rules.md §4.
func AmbiguityCatalogue() []AmbiguitySpec { return slices.Clone(ambiguitySpecs) }

// ConventionCatalogue returns every engine convention, in the order of
// rules.md §0.1.
func ConventionCatalogue() []ConventionSpec { return slices.Clone(conventionSpecs) }

// checkFunc checks relations between the parameters of one rule once each
// has been decoded. It returns the problems, each naming the parameter at
// fault.
type checkFunc func(get func(name string) (any, bool)) []checkProblem

type checkProblem struct {
	param, problem string
}

var oneThird = Fraction{num: 1, den: 3}

// checkMinMax requires min ≤ max.
func checkMinMax(minName, maxName string) checkFunc {
	return func(get func(string) (any, bool)) []checkProblem {
		lo, ok1 := get(minName)
		hi, ok2 := get(maxName)
		if ok1 && ok2 && lo.(int) > hi.(int) {
			return []checkProblem{{maxName, fmt.Sprintf("%s (%d) is less than %s (%d); the window would be empty", maxName, hi, minName, lo)}}
		}
		return nil
	}
}

// checkFloor requires a fraction of at least floor, a statutory minimum.
func checkFloor(name string, floor Fraction, why string) checkFunc {
	return func(get func(string) (any, bool)) []checkProblem {
		v, ok := get(name)
		if ok && v.(Fraction).Cmp(floor) < 0 {
			return []checkProblem{{name, fmt.Sprintf("%s is below %s: %s", v.(Fraction), floor, why)}}
		}
		return nil
	}
}

// checkDisjoint requires two lists with no value in common.
func checkDisjoint(a, b string) checkFunc {
	return func(get func(string) (any, bool)) []checkProblem {
		va, ok1 := get(a)
		vb, ok2 := get(b)
		if !ok1 || !ok2 {
			return nil
		}
		for _, x := range va.([]string) {
			if slices.Contains(vb.([]string), x) {
				return []checkProblem{{b, fmt.Sprintf("%q is in both %s and %s; the two signers must come from different groups", x, a, b)}}
			}
		}
		return nil
	}
}
