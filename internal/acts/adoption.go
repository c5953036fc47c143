package acts

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"minutebook/internal/bylaws"
	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/strict"
	"minutebook/internal/tables"
)

// This file is the resolution adoption framework: any act performed by
// the board ({as: board}) or by a committee ({person: COMMITTEE, as:
// committee}) may name, in its envelope, the meeting or the unanimous
// written consent that adopted it, with the votes. The act path then
// checks, for every such act whatever its kind, that the body was the
// right one, that a quorum was present, that the resolution was the act of
// a majority of the directors present (Art. III §8) or unanimous (Art. III
// §9), that a special meeting's notice named the business where the bylaws
// require it (Art. IX §1), and, for a committee, that the power the kind
// exercises (Kind.Power) is one its designating resolution grants (Art.
// III §11). A kind's check may ask for more than the ordinary vote (a
// majority of the whole board: Art. III §11, Art. V §5) or for less (a
// majority of the directors in office though less than a quorum: Art. III
// §2) with requireVotes. Without an adoption the act is recorded with the
// warning MB.adoption.unrecorded.

func init() {
	addEngineRules(map[string]engineRule{
		"MB.adoption.unrecorded": {"Art. III §8, §9; Art. V §11", "the meeting or consent that adopted a resolution of the board or a committee is not on the books, so its quorum and vote are not checked"},
		"MB.adoption.known":      {"Art. III §8, §9; Art. V §11", "the meeting or consent named as adopting a resolution is on the books (and the meeting was held on the act's date)"},
		"MB.adoption.body":       {"Art. III §3, §11", "a resolution is adopted by the body that performs the act: the board at a board meeting or by its consent, a committee at its own meeting or by its consent"},
		"MB.adoption.votes":      {"Art. III §8", "the votes counted on a resolution are those of members present at the meeting, at most one each"},
		"MB.committee.known":     {"Art. III §11", "an act of a committee names a committee designated by the board and not dissolved on the act's date"},
	})
}

// adoptionKey is the key under which the journal keeps an act's adoption,
// beside its fields (a kind may not have a field of that name).
const adoptionKey = "adoption"

// AdoptionField names the meeting or consent that adopted an act of the
// board or a committee, with the votes.
type AdoptionField struct {
	Meeting string `mb:"meeting" doc:"the board or committee meeting that adopted the resolution (board_meeting.call id); for an act of the stockholders, their meeting (meeting.call id), the counts being votes"`
	Consent string `mb:"consent" doc:"or the unanimous written consent that adopted it (board.consent id; Art. III §9); for an act of the stockholders, their written consent (stockholder_consent.deliver id; Art. II §11)"`
	For     int    `mb:"for" doc:"votes for"`
	Against int    `mb:"against" doc:"votes against"`
	Abstain int    `mb:"abstain" doc:"abstentions (they count as present, so they work as votes against)"`
	// Question names the question of the meeting's certified result
	// whose votes adopted an act of the stockholders (votes_meetings.go).
	Question string `mb:"question" doc:"for an act of the stockholders adopted at their meeting: the question (matter id) of the meeting's certified result (result.certify) whose votes adopted it, instead of counts stated here (DGCL §231)"`
	// Votes names each voter's vote; the counts are then derived from it.
	Votes []VoteField `mb:"votes" doc:"each director's vote, by name, instead of (or agreeing with) the counts"`
}

// VoteField is one director's vote on a resolution.
type VoteField struct {
	Director string `mb:"director,required" json:"director"`
	Vote     string `mb:"vote,required" enum:"for,against,abstain" json:"vote"`
}

// normalize checks the adoption's shape and derives the counts from named
// votes.
func (a *AdoptionField) normalize() error {
	switch {
	case a.Meeting == "" && a.Consent == "":
		return fmt.Errorf("name the meeting or the consent that adopted the act")
	case a.Meeting != "" && a.Consent != "":
		return fmt.Errorf("give either meeting or consent, not both")
	case a.Consent != "" && (a.For != 0 || a.Against != 0 || a.Abstain != 0 || len(a.Votes) > 0):
		return fmt.Errorf("a unanimous written consent has no votes: every member signs it")
	case a.Question != "" && a.Meeting == "":
		return fmt.Errorf("question names a question of a stockholders' meeting's certified result: give the meeting too")
	case a.For < 0 || a.Against < 0 || a.Abstain < 0:
		return fmt.Errorf("vote counts may not be negative")
	}
	if len(a.Votes) == 0 {
		return nil
	}
	n := map[string]int{}
	seen := map[string]bool{}
	for _, v := range a.Votes {
		if seen[v.Director] {
			return fmt.Errorf("%s votes twice", v.Director)
		}
		seen[v.Director] = true
		n[v.Vote]++
	}
	if (a.For != 0 || a.Against != 0 || a.Abstain != 0) && (a.For != n["for"] || a.Against != n["against"] || a.Abstain != n["abstain"]) {
		return fmt.Errorf("the counts (%d for, %d against, %d abstaining) disagree with the named votes (%d, %d, %d)", a.For, a.Against, a.Abstain, n["for"], n["against"], n["abstain"])
	}
	a.For, a.Against, a.Abstain = n["for"], n["against"], n["abstain"]
	return nil
}

// fieldsWithAdoption adds the adoption to an act's fields for the journal.
func fieldsWithAdoption(fields journal.Value, a *AdoptionField) journal.Value {
	if a == nil {
		return fields
	}
	keys := append(slices.Clone(fields.Keys), adoptionKey)
	vals := append(slices.Clone(fields.Vals), toValue(a))
	return journal.MapValue(keys, vals)
}

// splitAdoption separates an entry's adoption from its fields.
func splitAdoption(en *journal.Entry) (journal.Value, *AdoptionField, error) {
	v, ok := en.Fields.Get(adoptionKey)
	if !ok {
		return en.Fields, nil, nil
	}
	var keys []string
	var vals []journal.Value
	for i, k := range en.Fields.Keys {
		if k != adoptionKey {
			keys, vals = append(keys, k), append(vals, en.Fields.Vals[i])
		}
	}
	a := &AdoptionField{}
	if err := strict.Decode(fmt.Sprintf("journal entry %d", en.Seq), toNode(v), adoptionKey, a); err != nil {
		return journal.Value{}, nil, err
	}
	return journal.MapValue(keys, vals), a, nil
}

// voteRule is what a kind asks of the adopting vote beyond the ordinary
// act of a majority of the directors present at a meeting with a quorum.
type voteRule struct {
	rule     string // e.g. "III.11.committee_designation"
	base     string // what the votes are counted against, e.g. "the whole board"
	of       int    // that number
	need     int    // votes for needed
	noQuorum bool   // a quorum need not be present (Art. III §2)
}

// requireVotes asks that the act be adopted by at least need votes out of
// of (named base), citing rule; noQuorum waives the quorum.
func (e *Env) requireVotes(rule, base string, of, need int, noQuorum bool) {
	e.vote = &voteRule{rule: rule, base: base, of: of, need: need, noQuorum: noQuorum}
}

// requireInNotice asks that, when the act is adopted at a special meeting,
// the notice of that meeting named it among its purposes (rule cites why).
func (e *Env) requireInNotice(rule string) { e.inNotice = rule }

// countNeeded returns the fewest of whole that satisfy a rule's fraction
// and comparison (rules with "fraction" and "comparison" parameters):
// ⌊whole × f⌋ + 1 for "more than", ⌈whole × f⌉ for "at least".
func countNeeded(rb *bylaws.Rulebook, rule string, whole int) int {
	f, _ := rb.Fraction(rule, "fraction")
	cmp := "more_than"
	if r := rb.Rule(rule); r != nil {
		if _, ok := r.Param("comparison"); ok {
			cmp, _ = rb.Text(rule, "comparison")
		}
	}
	if cmp == "at_least" {
		return int(f.AtLeastCount(int64(whole)))
	}
	return int(f.MoreThanCount(int64(whole)))
}

// isForbiddenPower reports whether no committee may ever exercise p
// (Art. III §11).
func isForbiddenPower(p string) bool {
	switch p {
	case PowerAmendCharter, PowerMerger, PowerSellAssets, PowerDissolve, PowerAmendBylaws:
		return true
	}
	return false
}

// powerWords says what a power is, for messages.
var powerWords = map[string]string{
	PowerOrdinary: "the ordinary powers of the board", PowerDividend: "declaring a dividend",
	PowerIssue: "authorizing the issuance of stock", PowerAmendCharter: "amending the certificate of incorporation",
	PowerMerger: "adopting an agreement of merger or consolidation", PowerSellAssets: "recommending a sale of all or substantially all assets",
	PowerDissolve: "recommending a dissolution or its revocation", PowerAmendBylaws: "amending the bylaws",
}

// committeeMayAct decides whether a committee may perform kind k: a
// committee exercises the board's powers to the extent its resolution
// provides (Art. III §11), so it may perform any act of the board that
// exercises a power; the power checks follow (committeePowers).
func committeeMayAct(k *Kind) bool {
	return k.mayAct(corp.AsCommittee) || (k.Power != "" && k.mayAct(corp.AsBoard)) || isForbiddenPower(k.Power)
}

// committeePowers checks a committee's act against its designating
// resolution and the bar of Art. III §11 (preChecks calls it).
func committeePowers(e *Env) error {
	a := e.Act
	c, ok, err := committeeOn(e.Rows, a.Actor.Person, a.Effective)
	if err != nil {
		return err
	}
	if !ok {
		e.Fail("MB.committee.known", fmt.Sprintf("no committee %q is designated and not dissolved on %s: name the committee as actor.person (committee.designate)", a.Actor.Person, a.Effective))
		return nil
	}
	powers := []string{a.Kind.Power}
	if a.Kind.MorePowers != nil && a.Fields != nil {
		for _, p := range a.Kind.MorePowers(a.Fields) {
			if !slices.Contains(powers, p) {
				powers = append(powers, p)
			}
		}
	}
	for _, p := range powers {
		committeePower(e, c, p)
	}
	return nil
}

// committeePower checks one power an act of committee c exercises.
func committeePower(e *Env, c *committee, p string) {
	a := e.Act
	switch {
	case isForbiddenPower(p):
		e.Fail("III.11.committee_prohibited", fmt.Sprintf("no committee has the power of %s (%s is forbidden to committee %s whatever its resolution says)", powerWords[p], a.Kind.Name, c.ID),
			N("power", p))
	case p == PowerDividend || p == PowerIssue:
		where, _ := e.Bylaws.Texts("III.11.committee_dividend_stock", "express_authority_in")
		inResolution := slices.Contains(c.Powers, p) || (slices.Contains(c.Powers, "all") && e.Bylaws.Choice("A-EXPRESS") == "general_grant")
		inCharter := e.Charter.CommitteeDividendOrStockAuthority && slices.Contains(where, "certificate")
		switch {
		case inResolution && slices.Contains(where, "board_resolution"):
			e.Hold("III.11.committee_dividend_stock", fmt.Sprintf("the resolution designating committee %s expressly grants the power of %s", c.ID, powerWords[p]), N("power", p))
		case inCharter:
			e.Hold("III.11.committee_dividend_stock", fmt.Sprintf("the certificate of incorporation expressly lets committees exercise the power of %s", powerWords[p]), N("power", p))
		default:
			e.Fail("III.11.committee_dividend_stock", fmt.Sprintf("committee %s has no express authority for %s: neither its resolution (powers: %s) nor the certificate names it (A-EXPRESS: a general grant does not suffice)", c.ID, powerWords[p], strings.Join(c.Powers, ", ")),
				N("power", p))
		}
	case p == "":
		e.Fail("MB.actor.capacity", fmt.Sprintf("%s is not a resolution of the board, so no committee performs it", a.Kind.Name))
	default:
		e.Check("III.11.committee_powers", slices.Contains(c.Powers, PowerOrdinary) || slices.Contains(c.Powers, "all"),
			fmt.Sprintf("committee %s has the board's powers in the management of the business to the extent its resolution provides (%s)", c.ID, strings.Join(c.Powers, ", ")),
			fmt.Sprintf("the resolution designating committee %s grants it no power of the board in the management of the business (powers: %s)", c.ID, strings.Join(c.Powers, ", ")),
			N("power", p))
	}
}

// actingBody returns the body that performs the act: "board", a
// committee id, or "stockholders" (an act adopted at their meeting or by
// their written consent).
func actingBody(a *Act) string {
	switch a.Actor.Capacity {
	case corp.AsCommittee:
		return a.Actor.Person
	case corp.AsStockholders:
		return "stockholders"
	}
	return "board"
}

// checkAdoption checks the adoption of an act of the board or a committee
// (it runs after the kind's own checks, which may have asked for a vote).
func checkAdoption(e *Env) error {
	a := e.Act
	if a.Actor.Capacity == corp.AsStockholders && a.Adoption != nil {
		return checkStockholderAdoption(e) // kinds_meetings_held.go
	}
	if a.Actor.Capacity != corp.AsBoard && a.Actor.Capacity != corp.AsCommittee {
		if a.Adoption != nil {
			e.Fail("MB.adoption.body", fmt.Sprintf("only the acts of the board or a committee are adopted at their meetings; this act is performed by the %s", a.Actor.Capacity))
		}
		return nil
	}
	body := actingBody(a)
	if a.Adoption != nil && a.Adoption.Question != "" {
		e.Fail("MB.adoption.body", fmt.Sprintf("only an act of the stockholders takes its votes from a certified result (question); the %s counts its own votes", bodyWords(body)))
	}
	if a.Adoption == nil {
		msg := fmt.Sprintf("the meeting or consent that adopted this resolution of the %s is not on the books (give adoption: {meeting: ID, for: N, ...} or {consent: ID})", bodyWords(body))
		if e.vote != nil {
			msg += fmt.Sprintf("; it needs %d votes of %s (%d) [%s], which cannot be checked", e.vote.need, e.vote.base, e.vote.of, e.vote.rule)
		}
		e.Warn("MB.adoption.unrecorded", msg)
		return nil
	}
	ad := a.Adoption
	if ad.Consent != "" {
		return checkConsentAdoption(e, body, ad.Consent)
	}
	m, ok, err := loadMeeting(e.Rows, ad.Meeting)
	if err != nil {
		return err
	}
	if !ok || !m.Held {
		e.Fail("MB.adoption.known", fmt.Sprintf("meeting %q is not on the books as held (record board_meeting.call and board_meeting.held first)", ad.Meeting))
		return nil
	}
	e.Check("MB.adoption.body", m.Body == body,
		fmt.Sprintf("adopted at a meeting of the %s", bodyWords(body)),
		fmt.Sprintf("meeting %s is a meeting of the %s, not of the %s that performs this act", m.ID, bodyWords(m.Body), bodyWords(body)))
	e.Check("MB.adoption.known", m.Date == a.Effective,
		fmt.Sprintf("adopted at meeting %s held on %s", m.ID, m.Date),
		fmt.Sprintf("meeting %s was held on %s, but the act takes effect %s: a resolution takes effect on the day it is adopted", m.ID, m.Date, a.Effective))
	present, err := meetingPresent(e.Rows, m.ID)
	if err != nil {
		return err
	}
	total := ad.For + ad.Against + ad.Abstain
	e.Check("MB.adoption.votes", total <= m.Present,
		fmt.Sprintf("%d for, %d against, %d abstaining of %d present", ad.For, ad.Against, ad.Abstain, m.Present),
		fmt.Sprintf("%d votes counted but only %d were present at meeting %s", total, m.Present, m.ID),
		N("for", ad.For), N("against", ad.Against), N("abstain", ad.Abstain), N("present", m.Present))
	for _, v := range ad.Votes {
		if !present[v.Director] {
			e.Fail("MB.adoption.votes", fmt.Sprintf("%s votes but was not present at meeting %s", v.Director, m.ID))
		}
	}
	committee := body != "board"
	quorumRule, actRule := "III.8.board_quorum", "III.8.board_act"
	if committee {
		quorumRule, actRule = "III.11.committee_powers", "III.11.committee_powers"
	} else {
		// The quorum is counted again on the bylaws in force for the act
		// (A-BQUORUM) and the directors then in office: an act earlier at
		// the meeting may have changed either.
		bq, err := boardQuorumOn(e, m.Date)
		if err != nil {
			return err
		}
		m.Members, m.Quorum, m.HasQuorum = bq.members, bq.quorum, m.Present >= bq.quorum
		warnBQuorum(e, bq, m.Present)
	}
	quorumNums := []journal.Number{N("present", m.Present), N("quorum", m.Quorum), N("of", m.Members)}
	switch {
	case e.vote != nil && e.vote.noQuorum:
		if m.HasQuorum {
			e.Hold(quorumRule, fmt.Sprintf("a quorum was present: %d of %d, %d needed", m.Present, m.Members, m.Quorum), quorumNums...)
		} else {
			e.Hold(e.vote.rule, fmt.Sprintf("no quorum was present (%d, %d needed), which this act does not need", m.Present, m.Quorum), quorumNums...)
		}
	default:
		e.Check(quorumRule, m.HasQuorum,
			fmt.Sprintf("a quorum was present: %d of %d, %d needed", m.Present, m.Members, m.Quorum),
			fmt.Sprintf("no quorum was present at meeting %s: %d of %d, %d needed; the directors present could only adjourn (Art. III §8)", m.ID, m.Present, m.Members, m.Quorum),
			quorumNums...)
	}
	if e.vote == nil || !e.vote.noQuorum {
		need := countNeeded(e.Bylaws, "III.8.board_act", m.Present)
		what := "directors"
		if committee {
			what = "members" // DGCL §141(c)(4): a majority of the members present
		}
		e.Check(actRule, ad.For >= need,
			fmt.Sprintf("the act of a majority of the %s present: %d for, %d needed of %d present", what, ad.For, need, m.Present),
			fmt.Sprintf("not the act of a majority of the %s present: %d for, %d needed of %d present (abstentions count as present)", what, ad.For, need, m.Present),
			N("for", ad.For), N("needed", need), N("present", m.Present))
	}
	if v := e.vote; v != nil {
		e.Check(v.rule, ad.For >= v.need,
			fmt.Sprintf("%d votes for, %d needed: %s of %d", ad.For, v.need, v.base, v.of),
			fmt.Sprintf("%d votes for, but %d are needed: %s of %d", ad.For, v.need, v.base, v.of),
			N("for", ad.For), N("needed", v.need), N("of", v.of))
	}
	if e.inNotice != "" && m.Kind == "special" {
		named := false
		for _, p := range m.Purposes {
			named = named || p.Kind == a.Kind.Name
		}
		e.Check(e.inNotice, named,
			fmt.Sprintf("the notice of special meeting %s named this business (%s)", m.ID, a.Kind.Name),
			fmt.Sprintf("adopted at special meeting %s, whose notice did not name this business: add a purpose with kind %s to the call", m.ID, a.Kind.Name))
	}
	return nil
}

// checkConsentAdoption checks an act adopted by unanimous written consent.
func checkConsentAdoption(e *Env, body, id string) error {
	row, ok, err := e.Rows.Get(tables.BoardConsents, id)
	if err != nil {
		return err
	}
	if !ok {
		e.Fail("MB.adoption.known", fmt.Sprintf("consent %q is not on the books (record board.consent first)", id))
		return nil
	}
	eff, err := corp.ParseDate(row[2].(string))
	if err != nil {
		return err
	}
	var signers []string
	if err := json.Unmarshal([]byte(row[3].(string)), &signers); err != nil {
		return err
	}
	e.Check("MB.adoption.body", row[1].(string) == body,
		fmt.Sprintf("adopted by a consent of the %s", bodyWords(body)),
		fmt.Sprintf("consent %s is a consent of the %s, not of the %s that performs this act", id, bodyWords(row[1].(string)), bodyWords(body)))
	e.Check("MB.adoption.known", !eff.After(e.Act.Effective),
		fmt.Sprintf("consent %s took effect %s", id, eff),
		fmt.Sprintf("consent %s takes effect %s, after the act (%s)", id, eff, e.Act.Effective))
	e.Hold("III.9.unanimous_consent", fmt.Sprintf("adopted without a meeting by the unanimous written consent %s of the %d members in office, filed with the minutes", id, len(signers)),
		N("signers", len(signers)))
	if v := e.vote; v != nil {
		e.Check(v.rule, len(signers) >= v.need,
			fmt.Sprintf("%d consenting, %d needed: %s of %d", len(signers), v.need, v.base, v.of),
			fmt.Sprintf("only %d consent, but %d are needed: %s of %d", len(signers), v.need, v.base, v.of),
			N("signers", len(signers)), N("needed", v.need), N("of", v.of))
	}
	return nil
}

// recordResolution writes the adoption of a recorded act (recording and
// replay alike).
func recordResolution(e *Env, a *Act) error {
	if a.Adoption == nil {
		return nil
	}
	id := a.Adoption.Meeting + a.Adoption.Consent
	f, ag, ab, err := adoptionCounts(e.Rows, a.Adoption) // a certified question's votes (votes_meetings.go)
	if err != nil {
		return err
	}
	return e.Rows.Put(tables.BoardResolutions, tables.Row{id, int64(e.Seq), a.Kind.Name, actingBody(a), a.Effective.String(),
		int64(f), int64(ag), int64(ab), marshalText(votesOf(a.Adoption))})
}

func votesOf(a *AdoptionField) []VoteField {
	if a.Votes == nil {
		return []VoteField{}
	}
	return a.Votes
}

func bodyWords(body string) string {
	if body == "board" {
		return "board"
	}
	return "committee " + body
}
