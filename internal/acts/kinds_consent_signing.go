package acts

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"minutebook/internal/corp"
	"minutebook/internal/strict"
	"minutebook/internal/tables"
)

// This file keeps written consents of the board or a committee that go out
// for signature (Art. III §9; DGCL §141(f)): the secretary circulates the
// resolutions to the members in office (board.consent_circulate), each
// member signs for themself (board.consent_sign), and the consent takes
// effect when the last member in office signs. It is then filed in
// board_consents like a consent recorded whole (board.consent), so the
// acts it adopts name it the same way: adoption: {consent: ID}.

func init() {
	addEngineRules(map[string]engineRule{
		"MB.consent.circulated": {"Art. III §9", "a signature is given to a consent the secretary circulated, while it still lacks signatures"},
		"MB.consent.sign_once":  {"Art. III §9", "each member signs a circulated consent once, for themself, on or after its circulation and not after the act"},
	})
}

// circulation is a row of board_consent_circulations.
type circulation struct {
	ID, Body    string
	Circulated  corp.Date
	Directors   []string
	Resolutions []string
	Signatures  []ConsentSignerField
	Effective   corp.Date
	Seq         int64
}

func (c *circulation) row() tables.Row {
	return tables.Row{c.ID, c.Body, c.Circulated.String(), marshalText(c.Directors), marshalText(c.Resolutions),
		marshalText(c.Signatures), optDateText(c.Effective), c.Seq}
}

func loadCirculation(r tables.Reader, id string) (*circulation, bool, error) {
	row, ok, err := r.Get(tables.BoardConsentCirculations, id)
	if err != nil || !ok {
		return nil, ok, err
	}
	return circulationOf(row)
}

func circulationOf(row tables.Row) (*circulation, bool, error) {
	c := &circulation{ID: row[0].(string), Body: row[1].(string), Seq: row[7].(int64)}
	var err error
	if c.Circulated, err = corp.ParseDate(row[2].(string)); err != nil {
		return nil, false, err
	}
	for i, v := range []any{&c.Directors, &c.Resolutions, &c.Signatures} {
		if err := json.Unmarshal([]byte(row[3+i].(string)), v); err != nil {
			return nil, false, err
		}
	}
	if c.Effective, err = optDate(row[6].(string)); err != nil {
		return nil, false, err
	}
	return c, true, nil
}

// signed reports whether director has signed c.
func (c *circulation) signed(director string) bool {
	return slices.ContainsFunc(c.Signatures, func(s ConsentSignerField) bool { return s.Director == director })
}

// ConsentCirculateFields are the fields of board.consent_circulate.
type ConsentCirculateFields struct {
	ID          string   `mb:"id,required" doc:"the consent's id, named by the adoption of the acts it adopts"`
	Committee   string   `mb:"committee" doc:"for a committee's consent: its id"`
	Resolutions []string `mb:"resolutions,required" doc:"the text of the resolutions put to the members"`
	Directors   []string `mb:"directors" doc:"the members in office asked to sign (default: every member in office); all of them must be asked"`
}

// Validate checks the id on decode.
func (f *ConsentCirculateFields) Validate(file, path string) error {
	if !validID(f.ID) {
		return strict.Errors{{File: file, Field: path + ".id", Problem: fmt.Sprintf("%q is not an identifier", f.ID)}}
	}
	if len(f.Resolutions) == 0 {
		return strict.Errors{{File: file, Field: path + ".resolutions", Problem: "a consent sets forth at least one resolution"}}
	}
	return nil
}

// ConsentCirculate puts a written consent out for signature.
var ConsentCirculate = Define(Kind{
	Name:    "board.consent_circulate",
	Summary: "circulate a written consent of the board or a committee for the members' signatures",
	Doc: "The secretary sends the resolutions to every member of the board (or of a committee) in office, who " +
		"each sign for themself (board.consent_sign). Action without a meeting needs the written consent of " +
		"every member in office (Art. III §9; DGCL §141(f)): a member in office left out makes the circulation " +
		"refused, and the consent takes effect only when the last member in office signs. Until then it is " +
		"not on the books as a consent, and no act can name it in its adoption.",
	Actors: []corp.Capacity{corp.AsSecretary, corp.AsAssistantSecretary},
	Example: `kind: board.consent_circulate
effective: 2004-06-28
actor: {person: susan, as: secretary}
fields:
  id: uwc-2004-07-01
  resolutions: ["RESOLVED, that the fiscal year of the corporation end on December 31."]
  directors: [pat, quinn, ray, sam, tess]
`,
	NeedsBylaws: true,
}, func(e *Env, f *ConsentCirculateFields) error {
	_, filed, err := e.Rows.Get(tables.BoardConsents, f.ID)
	if err != nil {
		return err
	}
	_, out, err := e.Rows.Get(tables.BoardConsentCirculations, f.ID)
	if err != nil {
		return err
	}
	e.Check("MB.consent.unique", !filed && !out, fmt.Sprintf("consent %s is not yet on the books", f.ID), fmt.Sprintf("consent %s is already on the books", f.ID))
	members, body, asked, err := f.asked(e)
	if err != nil {
		return err
	}
	var strangers, missing []string
	for _, d := range asked {
		if !slices.Contains(members, d) {
			strangers = append(strangers, d)
		}
	}
	for _, d := range members {
		if !slices.Contains(asked, d) {
			missing = append(missing, d)
		}
	}
	if len(strangers) > 0 {
		e.Fail("III.9.unanimous_consent", fmt.Sprintf("%s: not a member of the %s in office on %s", strings.Join(strangers, ", "), bodyWords(body), e.Act.Effective))
	}
	e.Check("III.9.unanimous_consent", len(members) > 0 && len(missing) == 0,
		fmt.Sprintf("sent to all %d members of the %s in office (%s); it takes effect when the last of them signs", len(members), bodyWords(body), strings.Join(members, ", ")),
		fmt.Sprintf("action without a meeting needs the written consent of every member in office: ask %s too", orNone(missing)),
		N("members", len(members)), N("asked", len(asked)))
	return nil
}, func(e *Env, f *ConsentCirculateFields) error {
	_, body, asked, err := f.asked(e)
	if err != nil {
		return err
	}
	c := &circulation{ID: f.ID, Body: body, Circulated: e.Act.Effective, Directors: asked, Resolutions: f.Resolutions,
		Signatures: []ConsentSignerField{}, Seq: int64(e.Seq)}
	return e.Rows.Put(tables.BoardConsentCirculations, c.row())
})

// asked returns the members in office on the act's date, the body and
// the members asked to sign (by default every member in office).
func (f *ConsentCirculateFields) asked(e *Env) (members []string, body string, asked []string, err error) {
	members, body, err = consentMembers(e, &ConsentFields{Committee: f.Committee})
	asked = f.Directors
	if asked == nil {
		asked = members
	}
	return members, body, asked, err
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "every member in office (there is none)"
	}
	return strings.Join(s, ", ")
}

// ConsentSignFields are the fields of board.consent_sign.
type ConsentSignFields struct {
	Consent string    `mb:"consent,required" doc:"the id of the circulated consent"`
	Signed  corp.Date `mb:"signed" doc:"the date of the signature (default: the act's effective date)"`
}

// Validate checks the consent's id on decode.
func (f *ConsentSignFields) Validate(file, path string) error {
	if !validID(f.Consent) {
		return strict.Errors{{File: file, Field: path + ".consent", Problem: fmt.Sprintf("%q is not an identifier", f.Consent)}}
	}
	return nil
}

func (f *ConsentSignFields) date(e *Env) corp.Date {
	if f.Signed.IsZero() {
		return e.Act.Effective
	}
	return f.Signed
}

// ConsentSign records one member's signature of a circulated consent.
var ConsentSign = Define(Kind{
	Name:    "board.consent_sign",
	Summary: "sign a circulated written consent, for oneself, as a director or committee member",
	Doc: "A member in office signs a consent the secretary circulated (board.consent_circulate), for " +
		"themself: the actor is the member, as director. When the member is the last of those in office on " +
		"the act's date to sign, the consent takes effect on that date and is filed with the minutes " +
		"(Art. III §9; DGCL §141(f)); the acts it adopts then name it (adoption: {consent: ID}). A signature " +
		"by someone not in office, a second signature or a signature after the consent took effect is refused.",
	Actors: []corp.Capacity{corp.AsDirector},
	Example: `kind: board.consent_sign
effective: 2004-07-01
actor: {person: tess, as: director}
fields: {consent: uwc-2004-07-01, signed: 2004-07-01}
`,
	NeedsBylaws: true,
}, func(e *Env, f *ConsentSignFields) error {
	c, ok, err := loadCirculation(e.Rows, f.Consent)
	if err != nil {
		return err
	}
	if !ok {
		e.Fail("MB.consent.circulated", fmt.Sprintf("consent %q was not circulated for signature (record board.consent_circulate first)", f.Consent))
		return nil
	}
	e.Check("MB.consent.circulated", c.Effective.IsZero(),
		fmt.Sprintf("consent %s, circulated %s, awaits signatures", c.ID, c.Circulated),
		fmt.Sprintf("consent %s already took effect on %s, when its last signature was given; it takes no more", c.ID, c.Effective))
	who := e.Act.Actor.Person
	signed := f.date(e)
	members, _, err := consentMembers(e, &ConsentFields{Committee: committeeOf(c)})
	if err != nil {
		return err
	}
	e.Check("III.9.unanimous_consent", slices.Contains(members, who),
		fmt.Sprintf("%s is a member of the %s in office on %s", who, bodyWords(c.Body), e.Act.Effective),
		fmt.Sprintf("%s is not a member of the %s in office on %s (in office: %s)", who, bodyWords(c.Body), e.Act.Effective, strings.Join(members, ", ")))
	e.Check("MB.consent.sign_once", !c.signed(who),
		fmt.Sprintf("%s signs consent %s for the first time", who, c.ID),
		fmt.Sprintf("%s already signed consent %s", who, c.ID))
	e.Check("MB.consent.sign_once", !signed.Before(c.Circulated) && !signed.After(e.Act.Effective),
		fmt.Sprintf("signed %s, on or after the circulation of %s", signed, c.Circulated),
		fmt.Sprintf("signed %s: a signature is dated on or after the circulation (%s) and not after the act (%s)", signed, c.Circulated, e.Act.Effective))
	var still []string
	for _, m := range members {
		if m != who && !c.signed(m) {
			still = append(still, m)
		}
	}
	if len(still) == 0 {
		e.Hold("III.9.unanimous_consent", fmt.Sprintf("the last signature: all %d members of the %s in office consented in writing; consent %s takes effect %s and is filed with the minutes", len(members), bodyWords(c.Body), c.ID, e.Act.Effective),
			N("members", len(members)), N("signed", len(members)))
	} else {
		e.Hold("III.9.unanimous_consent", fmt.Sprintf("%d of %d members in office have signed; the consent takes effect when %s sign", len(members)-len(still), len(members), strings.Join(still, ", ")),
			N("members", len(members)), N("signed", len(members)-len(still)))
	}
	return nil
}, func(e *Env, f *ConsentSignFields) error {
	c, ok, err := loadCirculation(e.Rows, f.Consent)
	if err != nil || !ok {
		return err
	}
	c.Signatures = append(c.Signatures, ConsentSignerField{Director: e.Act.Actor.Person, Signed: f.date(e)})
	members, _, err := consentMembers(e, &ConsentFields{Committee: committeeOf(c)})
	if err != nil {
		return err
	}
	var signers []string
	for _, m := range members {
		if !c.signed(m) {
			return e.Rows.Put(tables.BoardConsentCirculations, c.row())
		}
		signers = append(signers, m)
	}
	if len(members) == 0 {
		return e.Rows.Put(tables.BoardConsentCirculations, c.row())
	}
	c.Effective = e.Act.Effective
	if err := e.Rows.Put(tables.BoardConsentCirculations, c.row()); err != nil {
		return err
	}
	return e.Rows.Put(tables.BoardConsents, tables.Row{c.ID, c.Body, e.Act.Effective.String(), marshalText(signers), marshalText(members), marshalText(c.Resolutions), int64(e.Seq)})
})

func committeeOf(c *circulation) string {
	if c.Body == "board" {
		return ""
	}
	return c.Body
}

// ConsentOut is a written consent circulated for signature, as the
// director portal and the board pages show it.
type ConsentOut struct {
	ID          string               `json:"id"`
	Body        string               `json:"body"` // "board" or a committee's id
	Circulated  corp.Date            `json:"circulated"`
	Directors   []string             `json:"directors"`
	Resolutions []string             `json:"resolutions"`
	Signatures  []ConsentSignerField `json:"signatures"`
	Effective   corp.Date            `json:"effective,omitzero"` // zero while signatures are missing
}

// Signed reports whether director has signed the consent.
func (c ConsentOut) Signed(director string) bool {
	return slices.ContainsFunc(c.Signatures, func(s ConsentSignerField) bool { return s.Director == director })
}

// Missing lists the directors asked who have not signed.
func (c ConsentOut) Missing() []string {
	var out []string
	for _, d := range c.Directors {
		if !c.Signed(d) {
			out = append(out, d)
		}
	}
	return out
}

// ConsentsOut returns the written consents circulated for signature, the
// newest first.
func (s *Service) ConsentsOut(ctx context.Context, corpID string) ([]ConsentOut, error) {
	var out []ConsentOut
	err := s.Store.View(ctx, corpID, func(v View) error {
		return v.Scan(tables.BoardConsentCirculations, nil, func(row tables.Row) error {
			c, _, err := circulationOf(row)
			if err != nil {
				return err
			}
			out = append(out, ConsentOut{ID: c.ID, Body: c.Body, Circulated: c.Circulated, Directors: c.Directors,
				Resolutions: c.Resolutions, Signatures: c.Signatures, Effective: c.Effective})
			return nil
		})
	})
	slices.SortStableFunc(out, func(a, b ConsentOut) int {
		if c := b.Circulated.Compare(a.Circulated); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, err
}
