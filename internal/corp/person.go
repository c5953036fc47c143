package corp

import (
	"fmt"
	"strings"
)

// PersonKind says what kind of person or organisation a Person is. The ROFR
// exemptions of Art. VIII §1(f)(4)–(6) depend on it.
type PersonKind string

// The kinds of person.
const (
	NaturalPerson      PersonKind = "natural_person"
	CorporationKind    PersonKind = "corporation"
	GeneralPartnership PersonKind = "general_partnership"
	LimitedPartnership PersonKind = "limited_partnership"
	LLC                PersonKind = "llc"
	Trust              PersonKind = "trust"
	Custodian          PersonKind = "custodian"
)

// PersonKinds lists every PersonKind in a stable order.
var PersonKinds = []PersonKind{NaturalPerson, CorporationKind, GeneralPartnership, LimitedPartnership, LLC, Trust, Custodian}

// ParsePersonKind returns the PersonKind named s.
func ParsePersonKind(s string) (PersonKind, error) {
	return parseEnum(s, PersonKinds, "a kind of person")
}

// Person is a natural person or an organisation known to the corporation:
// a holder, a director, an officer, a transferee, a trustee.
type Person struct {
	ID      string
	Name    string
	SortKey string // the key of alphabetical lists (Art. II §4), e.g. "Salvesen, Susan"
	Kind    PersonKind
	Address Address
	Email   string
}

// DefaultSortKey derives a sort key from a name: for a natural person
// "Surname, Given names"; for an organisation the name itself, upper-cased
// for a stable, case-free order.
func DefaultSortKey(name string, k PersonKind) string {
	name = strings.Join(strings.Fields(name), " ")
	if k == NaturalPerson {
		if i := strings.LastIndexByte(name, ' '); i > 0 {
			name = name[i+1:] + ", " + name[:i]
		}
	}
	return strings.ToUpper(name)
}

// RelationshipKind is a relationship the ROFR exemptions need
// (Art. VIII §1(f)). A relationship runs from a person to another: "A is
// spouse of B", "A is trustee for B".
type RelationshipKind string

// The relationship kinds.
const (
	Spouse           RelationshipKind = "spouse"
	LinealDescendant RelationshipKind = "lineal_descendant" // A is a lineal descendant of B
	Parent           RelationshipKind = "parent"            // A is a parent of B
	Sibling          RelationshipKind = "sibling"
	TrusteeFor       RelationshipKind = "trustee_for"   // A is trustee for B
	CustodianFor     RelationshipKind = "custodian_for" // A is custodian for B
	PartnerOf        RelationshipKind = "partner_of"    // A is a partner of partnership B
	FormerPartnerOf  RelationshipKind = "former_partner_of"
	StockholderOf    RelationshipKind = "stockholder_of" // A is a stockholder of corporation B
)

// RelationshipKinds lists every RelationshipKind in a stable order.
var RelationshipKinds = []RelationshipKind{Spouse, LinealDescendant, Parent, Sibling, TrusteeFor, CustodianFor, PartnerOf, FormerPartnerOf, StockholderOf}

// ParseRelationshipKind returns the RelationshipKind named s.
func ParseRelationshipKind(s string) (RelationshipKind, error) {
	return parseEnum(s, RelationshipKinds, "a relationship")
}

// Symmetric reports whether "A k B" implies "B k A".
func (k RelationshipKind) Symmetric() bool { return k == Spouse || k == Sibling }

// Relationship records that From stands in Kind to To, from Since until
// Until (zero while it lasts).
type Relationship struct {
	From, To string
	Kind     RelationshipKind
	Since    Date
	Until    Date
}

// parseEnum returns the member of all named s, or an error saying what
// was expected (what, e.g. "a capacity") and listing the members.
func parseEnum[T ~string](s string, all []T, what string) (T, error) {
	for _, k := range all {
		if string(k) == s {
			return k, nil
		}
	}
	return "", fmt.Errorf("%q is not %s (one of %s)", s, what, joinKinds(all))
}

func joinKinds[T ~string](ks []T) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// UnmarshalText implements encoding.TextUnmarshaler, accepting only a known kind.
func (k *PersonKind) UnmarshalText(b []byte) error {
	v, err := ParsePersonKind(string(b))
	if err == nil {
		*k = v
	}
	return err
}

// MarshalText implements encoding.TextMarshaler.
func (k PersonKind) MarshalText() ([]byte, error) { return []byte(k), nil }

// Expect says what a person-kind field expects.
func (*PersonKind) Expect() string { return "a kind of person (one of " + joinKinds(PersonKinds) + ")" }

// JSONSchema describes a person kind in JSON Schema.
func (*PersonKind) JSONSchema() map[string]any { return enumSchema(PersonKinds) }

// UnmarshalText implements encoding.TextUnmarshaler, accepting only a known relationship.
func (k *RelationshipKind) UnmarshalText(b []byte) error {
	v, err := ParseRelationshipKind(string(b))
	if err == nil {
		*k = v
	}
	return err
}

// MarshalText implements encoding.TextMarshaler.
func (k RelationshipKind) MarshalText() ([]byte, error) { return []byte(k), nil }

// Expect says what a relationship field expects.
func (*RelationshipKind) Expect() string {
	return "a relationship (one of " + joinKinds(RelationshipKinds) + ")"
}

// JSONSchema describes a relationship kind in JSON Schema.
func (*RelationshipKind) JSONSchema() map[string]any { return enumSchema(RelationshipKinds) }
