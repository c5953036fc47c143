package acts

import (
	"reflect"
	"sort"

	"minutebook/internal/corp"
)

// Kind is one kind of corporate act: its name, who may perform it, how
// its fields are decoded, the rules it is checked against and the effects
// it writes. Later capabilities add kinds; the act path never changes.
type Kind struct {
	Name    string          // e.g. "person.add"
	Summary string          // one line for docs and --help
	Doc     string          // a paragraph for docs/acts.md
	Actors  []corp.Capacity // the capacities that may perform it
	// ActorRule is the rule a wrong capacity fails: a bylaws rule where the
	// bylaws name who acts (e.g. "VI.3.lost_certificate": only the board
	// directs a replacement); default the act path's MB.actor.capacity.
	ActorRule string
	Example   string // a YAML example of the whole act, for docs and tests
	// NeedsBylaws is true when the act must be checked against a bylaws
	// version in force on its effective date.
	NeedsBylaws bool
	// ChangesContext is true when the act changes the corporation record,
	// its charter facts or its bylaws, so cached context must be reloaded.
	ChangesContext bool
	// Power names the power of the board the act exercises, for the
	// committee checks of Art. III §11 and DGCL §141(c)(2): "" for an act
	// that is not a resolution of the board, else one of the Power*
	// constants.
	Power string
	// MorePowers names the further powers of the board that an act of the
	// kind exercises for some values of its fields (nil: none), e.g. a
	// dividend paid in shares also authorizes the issuance of stock. A
	// committee must hold every one of them (Art. III §11). Define passes
	// it the decoded fields.
	MorePowers func(fields any) []string

	fields reflect.Type
	check  func(*Env, any) error
	apply  func(*Env, any) error
}

// The powers of the board that the committee checks distinguish (Art.
// III §11; DGCL §141(c)(2)). A committee may exercise PowerOrdinary when
// its resolution grants it; PowerDividend and PowerIssue only when its
// resolution or the charter expressly says so; the forbidden powers never.
const (
	PowerOrdinary     = "ordinary"
	PowerDividend     = "declare_dividend"   // express authority needed
	PowerIssue        = "authorize_issuance" // express authority needed
	PowerAmendCharter = "amend_charter"      // forbidden to committees
	PowerMerger       = "adopt_merger"       // forbidden to committees
	PowerSellAssets   = "recommend_sale"     // forbidden to committees
	PowerDissolve     = "recommend_dissolution"
	PowerAmendBylaws  = "amend_bylaws" // forbidden to committees
)

var kinds = map[string]*Kind{}

// Define registers an act kind whose fields decode into F. check adds the
// kind's checks to env (reading state through env.Rows); apply writes its
// effects. apply must depend only on the fields, env.Rows and the entry's
// metadata, because the journal replay runs it again on an empty state.
func Define[F any](k Kind, check func(*Env, *F) error, apply func(*Env, *F) error) *Kind {
	if _, dup := kinds[k.Name]; dup {
		panic("acts: duplicate kind " + k.Name)
	}
	k.fields = reflect.TypeFor[F]()
	for _, fi := range fieldsOf(k.fields) {
		if fi.name == adoptionKey {
			panic("acts: kind " + k.Name + ": the field name " + adoptionKey + " is reserved for the envelope's adoption")
		}
	}
	k.check = func(e *Env, f any) error { return check(e, f.(*F)) }
	k.apply = func(e *Env, f any) error { return apply(e, f.(*F)) }
	kk := k
	kinds[k.Name] = &kk
	return &kk
}

// Kinds returns every registered kind, sorted by name.
func Kinds() []*Kind {
	out := make([]*Kind, 0, len(kinds))
	for _, k := range kinds {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// LookupKind returns the kind named name.
func LookupKind(name string) (*Kind, bool) {
	k, ok := kinds[name]
	return k, ok
}

// FieldsType is the Go type of the kind's fields (for schemas).
func (k *Kind) FieldsType() reflect.Type { return k.fields }

func (k *Kind) mayAct(c corp.Capacity) bool {
	for _, a := range k.Actors {
		if a == c {
			return true
		}
	}
	return false
}

func kindNames() []string {
	var s []string
	for _, k := range Kinds() {
		s = append(s, k.Name)
	}
	return s
}

func capacityList(cs []corp.Capacity) string {
	s := ""
	for i, c := range cs {
		if i > 0 {
			s += ", "
		}
		s += string(c)
	}
	return s
}
