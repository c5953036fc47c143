package acts

import (
	"encoding/json"
	"fmt"

	"minutebook/internal/bylaws"
	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// Env is what a kind's check and apply functions see: the act, the state
// of the corporation through its derived tables, the bylaws and charter
// facts in force on the act's effective date, and the checks so far.
type Env struct {
	Act    *Act
	Rows   tables.ReadWriter
	CorpID string
	Corp   *corp.Corporation // nil until corporation.create is recorded
	// Charter holds the charter facts in force on the effective date.
	Charter corp.CharterFacts
	// Bylaws is the version in force on the effective date, nil if none.
	Bylaws *bylaws.Rulebook
	// BylawsVersion names that version, "" if none: "<number>:<sha256>".
	BylawsVersion string
	// BylawsHistory holds every recorded version.
	BylawsHistory bylaws.History
	Seq           uint64 // the sequence number the act will have
	Replay        bool   // true when the journal replay runs apply

	cadence Cadence
	cc      *corpContext // the corporation's context (charter and bylaws history)
	checks  []journal.Check
	// conflict is set when a check failed because the books changed under
	// the act (a certificate already surrendered): a concurrent act won.
	conflict bool
	// vote and inNotice are what the kind's check asks of the adopting
	// vote (adoption.go).
	vote     *voteRule
	inNotice string
	// tab is the tabulation result.certify's check made, which its apply
	// (in the same transaction, with nothing written between) records
	// rather than tallying again.
	tab *Tabulation
}

// N makes a Number from any value printed with %v (use exact types only).
func N(name string, v any) journal.Number {
	if s, ok := v.(fmt.Stringer); ok {
		return journal.Number{Name: name, Value: s.String()}
	}
	return journal.Number{Name: name, Value: fmt.Sprint(v)}
}

// Cite returns the citation of a rule: from the bylaws in force when they
// hold the rule, else from the engine's own rules (MB.*), else the id.
func (e *Env) Cite(rule string) string {
	if e.Bylaws != nil {
		if r := e.Bylaws.Rule(rule); r != nil {
			return r.Citation.Full()
		}
	}
	if r, ok := engineRules[rule]; ok {
		return r.Citation
	}
	if r := bylaws.Quintus().Rule(rule); r != nil && e.Bylaws == nil {
		return r.Citation.Full()
	}
	return rule
}

func (e *Env) add(rule string, o journal.Outcome, msg string, nums []journal.Number) {
	e.checks = append(e.checks, journal.Check{Rule: rule, Citation: e.Cite(rule), Outcome: o, Message: msg, Numbers: nums})
}

// Hold records a check that held; msg says what was found.
func (e *Env) Hold(rule, msg string, nums ...journal.Number) { e.add(rule, journal.Held, msg, nums) }

// Fail records a check that failed; msg says what was wrong and what would
// be allowed. Any failed check refuses the act.
func (e *Env) Fail(rule, msg string, nums ...journal.Number) { e.add(rule, journal.Failed, msg, nums) }

// FailConflict records a failed check caused by a concurrent change: the
// act names a state that another act has since consumed (a certificate no
// longer outstanding). The result is marked Conflict, which the HTTP API
// answers with 409.
func (e *Env) FailConflict(rule, msg string, nums ...journal.Number) {
	e.conflict = true
	e.Fail(rule, msg, nums...)
}

// Check records a check that held when ok (with the message held) and
// failed otherwise (with the message failed).
func (e *Env) Check(rule string, ok bool, held, failed string, nums ...journal.Number) {
	if ok {
		e.Hold(rule, held, nums...)
	} else {
		e.Fail(rule, failed, nums...)
	}
}

// Warn records a check that passed under an ambiguity default or a statute
// overlay that differs from the bylaws.
func (e *Env) Warn(rule, msg string, nums ...journal.Number) { e.add(rule, journal.Warned, msg, nums) }

// Checks returns the checks recorded so far.
func (e *Env) Checks() []journal.Check { return e.checks }

// Failed reports whether any check failed.
func (e *Env) Failed() bool {
	for _, c := range e.checks {
		if c.Outcome == journal.Failed {
			return true
		}
	}
	return false
}

// PersonExists reports whether a person with id is recorded.
func (e *Env) PersonExists(id string) (bool, error) {
	_, ok, err := e.Rows.Get(tables.Persons, id)
	return ok, err
}

// marshalText encodes a value for a Text column as canonical JSON.
func marshalText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic("acts: " + err.Error())
	}
	return string(b)
}

// engineRule is a rule of minutebook's own act path (not of the bylaws):
// the integrity of the books. Each cites what it protects.
type engineRule struct {
	Citation string
	Summary  string
}

// addEngineRules registers rules of the act path; each file that defines
// act kinds registers the MB.* rules it uses in an init function. They are
// documented in docs/acts.md (TestEngineRulesCited keeps them complete).
func addEngineRules(rs map[string]engineRule) {
	for id, r := range rs {
		if _, dup := engineRules[id]; dup {
			panic("acts: engine rule " + id + " registered twice")
		}
		engineRules[id] = r
	}
}

// engineRules are the act path's own rules: the foundation's here, the
// others added by addEngineRules.
var engineRules = map[string]engineRule{
	"MB.actor.capacity":        {"minutebook act path", "the actor's capacity is one that may perform the act kind"},
	"MB.actor.person":          {"minutebook act path", "the acting person is recorded"},
	"MB.books.effective_order": {"Art. VI §5, Art. II §4; DGCL §219(c)", "an act dated before the newest act on the books is recorded only as a correction, so that a list for a past date never changes silently"},
	"MB.bylaws.in_force":       {"Art. IX §1", "a bylaws version is in force on the act's effective date"},
	"MB.corporation.exists":    {"minutebook act path", "the corporation is recorded before any other act"},
	"MB.corporation.unique":    {"minutebook act path", "a corporation is created once"},
	"MB.person.unique":         {"minutebook act path", "a person id names one person"},
	"MB.person.known":          {"minutebook act path", "a person named by an act is recorded"},
	"MB.relationship.unique":   {"Art. VIII §1(f)", "a relationship is recorded once from a date"},
	"MB.relationship.known":    {"Art. VIII §1(f)", "the relationship being ended is recorded and open"},
	"MB.time_zone":             {"rules.md §0.1 CONV.dates", "the corporation's time zone is a known IANA zone"},
	"MB.charter.classes":       {"Art. VI §1; DGCL §102(a)(4), §151", "authorized classes have unique ids and non-negative shares"},
	"MB.bylaws.parse":          {"Art. IX §1", "the bylaws file is valid"},
	"MB.bylaws.effective":      {"Art. IX §1", "a new bylaws version takes effect no earlier than the newest version on record"},
	"MB.stock.class":           {"Art. VI §1; DGCL §102(a)(4)", "shares are of a class or series the charter in force authorizes"},
	"MB.stock.quantity":        {"Art. VI §1; DGCL §155", "a share count is positive and has no more fractional digits than its class allows"},
	"MB.stock.authorized":      {"DGCL §161, §102(a)(4); certificate of incorporation", "issued shares never exceed the shares the charter authorizes"},
	"MB.stock.treasury":        {"DGCL §160", "treasury shares issued again are held in treasury"},
	"MB.certificate.unique":    {"Art. VI §1", "a certificate number names one certificate"},
	"MB.registration.unique":   {"Art. VI §6; Art. VIII §1(i)", "a registration statement is recorded once"},
}

// EngineRules returns the ids of the act path's own rules with their
// citation and summary, for documentation.
func EngineRules() map[string][2]string {
	out := map[string][2]string{}
	for id, r := range engineRules {
		out[id] = [2]string{r.Citation, r.Summary}
	}
	return out
}
