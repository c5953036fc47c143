package access

import (
	"fmt"
	"slices"
	"strings"

	"minutebook/internal/corp"
)

// Role is what an account may be in one corporation.
type Role string

// The roles. A person may hold several roles in several corporations.
const (
	Secretary   Role = "secretary"   // the corporate secretary or administrator: records every act
	Director    Role = "director"    // sees board materials, signs consents, votes at board meetings
	Officer     Role = "officer"     // an officer: sees the books, calls meetings within their office
	Stockholder Role = "stockholder" // sees only their own holdings, proxies and ballots
	Inspector   Role = "inspector"   // the inspector of election: sees ballots and certifies
	Auditor     Role = "auditor"     // reads everything, records nothing
)

// Roles lists every role, in the order the authorization matrix uses.
var Roles = []Role{Secretary, Director, Officer, Stockholder, Inspector, Auditor}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// Grant is one role of an account in one corporation, acting as one of
// the corporation's persons ("" for a role without one, such as an
// auditor).
type Grant struct {
	Corp   string
	Role   Role
	Person string
}

// Principal is who is asking: an account, its grants, and whether its
// session's second factor was verified.
type Principal struct {
	Account string
	Name    string
	Admin   bool // administers the deployment: accounts, grants, corporations
	MFA     bool // this session verified a TOTP code
	Grants  []Grant
}

// In returns the principal's grants in corporation c.
func (p *Principal) In(c string) []Grant {
	if p == nil {
		return nil
	}
	var out []Grant
	for _, g := range p.Grants {
		if g.Corp == c {
			out = append(out, g)
		}
	}
	return out
}

// Has returns the principal's grant of role r in corporation c.
func (p *Principal) Has(c string, r Role) (Grant, bool) {
	for _, g := range p.In(c) {
		if g.Role == r {
			return g, true
		}
	}
	return Grant{}, false
}

// Person returns the person the principal is in corporation c (from the
// first grant that names one), "" when none.
func (p *Principal) Person(c string) string {
	for _, g := range p.In(c) {
		if g.Person != "" {
			return g.Person
		}
	}
	return ""
}

// Corporations lists the corporations in which the principal holds a
// role, in the order of their first grant.
func (p *Principal) Corporations() []string {
	var out []string
	for _, g := range p.Grants {
		if !slices.Contains(out, g.Corp) {
			out = append(out, g.Corp)
		}
	}
	return out
}

// Target is what a request is about: a corporation (or "" for none), the
// person a resource belongs to (a holder's page, a proxy, a ballot; ""
// for a corporation-wide resource), and whether the corporation requires
// the second factor of its secretaries, inspectors and directors.
type Target struct {
	Corp        string
	Person      string
	MFARequired bool
}

// Decision is the outcome of one authorization: allowed or not, the role
// it was decided under, the policy's name and the reason in words. It is
// logged, and recorded in the journal with an act (Check).
type Decision struct {
	Allowed bool
	Role    Role
	Policy  string
	Reason  string
}

// Rule is the id under which an authorization decision is recorded with
// an act in the journal.
const Rule = "MB.access.record"

// Citation is the citation of Rule: minutebook's own access policy.
const Citation = "minutebook access policy (docs/access.md)"

// mfaRoles are the roles that must verify a second factor when their
// corporation requires it.
var mfaRoles = []Role{Secretary, Inspector, Director}

// Policy says who may use a route. Routes name one; the authorization
// matrix test checks every route against every role.
type Policy struct {
	Name string
	// Public: anyone, logged in or not (the login page, the OpenAPI document).
	Public bool
	// Account: any logged-in account, whatever its grants (its own profile,
	// the list of its corporations).
	Account bool
	// Admin: only a deployment administrator.
	Admin bool
	// Roles may use it for any target in their corporation.
	Roles []Role
	// Own may use it only for a target that is their own person.
	Own []Role
}

// The policies the routes use.
var (
	Public      = Policy{Name: "public", Public: true}
	AnyAccount  = Policy{Name: "account", Account: true}
	AdminOnly   = Policy{Name: "admin", Admin: true}
	Records     = Policy{Name: "records", Roles: []Role{Secretary}}
	ReadBooks   = Policy{Name: "read-books", Roles: []Role{Secretary, Director, Officer, Inspector, Auditor}}
	ReadMember  = Policy{Name: "read-member", Roles: []Role{Secretary, Director, Officer, Inspector, Auditor, Stockholder}}
	ReadHolder  = Policy{Name: "read-holder", Roles: []Role{Secretary, Director, Officer, Inspector, Auditor}, Own: []Role{Stockholder}}
	ReadBallots = Policy{Name: "read-ballots", Roles: []Role{Secretary, Inspector, Auditor}, Own: []Role{Stockholder}}
	BoardOnly   = Policy{Name: "board", Roles: []Role{Secretary, Director, Auditor}}
	// SubmitActs lets a principal post acts; which acts is decided per act
	// by MayRecord.
	SubmitActs = Policy{Name: "submit-acts", Roles: []Role{Secretary, Director, Officer, Stockholder, Inspector}}
)

// Policies lists every named policy (for the documentation and the OpenAPI
// document's x-policy).
var Policies = []Policy{Public, AnyAccount, AdminOnly, Records, ReadBooks, ReadMember, ReadHolder, ReadBallots, BoardOnly, SubmitActs}

// Decide decides whether p may use a route of this policy on target t.
func (pol Policy) Decide(p *Principal, t Target) Decision {
	d := Decision{Policy: pol.Name}
	deny := func(format string, args ...any) Decision {
		d.Reason = fmt.Sprintf(format, args...)
		return d
	}
	switch {
	case pol.Public:
		d.Allowed, d.Reason = true, "public"
		return d
	case p == nil:
		return deny("login required")
	case pol.Admin:
		if !p.Admin {
			return deny("only a deployment administrator may do this")
		}
		d.Allowed, d.Reason = true, "deployment administrator"
		return d
	case pol.Account:
		d.Allowed, d.Reason = true, "logged in"
		return d
	}
	grants := p.In(t.Corp)
	if len(grants) == 0 {
		return deny("no role in corporation %q", t.Corp)
	}
	needMFA := false
	for _, g := range grants {
		if t.MFARequired && slices.Contains(mfaRoles, g.Role) && !p.MFA {
			needMFA = true
			continue
		}
		if slices.Contains(pol.Roles, g.Role) {
			d.Allowed, d.Role, d.Reason = true, g.Role, fmt.Sprintf("%s of %s", g.Role, t.Corp)
			return d
		}
		if slices.Contains(pol.Own, g.Role) && t.Person != "" && g.Person == t.Person {
			d.Allowed, d.Role, d.Reason = true, g.Role, fmt.Sprintf("%s %s, own record", g.Role, g.Person)
			return d
		}
	}
	if needMFA {
		return deny("corporation %q requires a verified second factor (TOTP) for secretaries, inspectors and directors", t.Corp)
	}
	if len(pol.Own) > 0 && t.Person != "" {
		return deny("a %s sees only their own records, not %q", roleList(pol.Own), t.Person)
	}
	return deny("requires the role %s in %s; held: %s", roleList(append(slices.Clone(pol.Roles), pol.Own...)), t.Corp, grantList(grants))
}

func roleList(rs []Role) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = string(r)
	}
	return strings.Join(s, " or ")
}

func grantList(gs []Grant) string {
	s := make([]string, len(gs))
	for i, g := range gs {
		s[i] = string(g.Role)
	}
	return strings.Join(s, ", ")
}

// SelfService lists, for each role other than the secretary, the act kinds
// its holder may record for themself, and the capacities they act in.
// Everything else is recorded by the secretary (issue 6: "only the
// secretary records acts for the corporation").
var SelfService = map[Role]struct {
	Kinds      []string
	Capacities []corp.Capacity
}{
	Stockholder: {
		Kinds:      []string{"proxy.grant", "proxy.revoke", "ballot.cast", "list.request", "list.access", "meeting.request", "meeting.waiver", "stockholder_consent.deliver", "holder.electronic_notice"},
		Capacities: []corp.Capacity{corp.AsHolder},
	},
	Director: {
		Kinds:      []string{"board.consent_sign", "board_meeting.waiver", "board_meeting.call", "meeting.request"},
		Capacities: []corp.Capacity{corp.AsDirector},
	},
	Officer: {
		Kinds:      []string{"meeting.call", "board_meeting.call", "meeting.request"},
		Capacities: []corp.Capacity{corp.AsPresident, corp.AsVicePresident, corp.AsSecretary, corp.AsAssistantSecretary, corp.AsTreasurer, corp.AsAssistantTreasurer},
	},
	Inspector: {
		Kinds:      []string{"polls.open", "polls.close", "ballot.cast", "proxy.grant", "proxy.revoke", "result.certify"},
		Capacities: []corp.Capacity{corp.AsInspector},
	},
}

// MayRecord decides whether p may record an act of kind for corporation t.Corp
// with the given actor. A secretary may record any act for any actor; every
// other role only its self-service kinds, as its own person, in its own
// capacity. Whether that person really holds the capacity (is a holder of
// record, a director in office, the meeting's inspector) is the act path's
// check, not this one's.
func MayRecord(p *Principal, t Target, kind string, actor corp.Actor) Decision {
	d := SubmitActs.Decide(p, Target{Corp: t.Corp, MFARequired: t.MFARequired})
	if !d.Allowed {
		return d
	}
	d.Allowed = false
	var why []string
	for _, g := range p.In(t.Corp) {
		if t.MFARequired && slices.Contains(mfaRoles, g.Role) && !p.MFA {
			why = append(why, fmt.Sprintf("%s: second factor not verified", g.Role))
			continue
		}
		if g.Role == Secretary {
			d.Allowed, d.Role = true, Secretary
			d.Reason = fmt.Sprintf("recorded by %s as secretary of %s", p.Account, t.Corp)
			return d
		}
		ss, ok := SelfService[g.Role]
		switch {
		case !ok:
			why = append(why, fmt.Sprintf("%s: records no acts", g.Role))
		case !slices.Contains(ss.Kinds, kind):
			why = append(why, fmt.Sprintf("%s: may not record %s (only the secretary may)", g.Role, kind))
		case actor.Person != g.Person || g.Person == "":
			why = append(why, fmt.Sprintf("%s: may act only as %q, not %q", g.Role, g.Person, actor.Person))
		case !slices.Contains(ss.Capacities, actor.Capacity):
			why = append(why, fmt.Sprintf("%s: may not act as %s", g.Role, actor.Capacity))
		default:
			d.Allowed, d.Role = true, g.Role
			d.Reason = fmt.Sprintf("recorded by %s as %s %s of %s, for themself", p.Account, g.Role, g.Person, t.Corp)
			return d
		}
	}
	d.Reason = "not allowed: " + strings.Join(why, "; ")
	return d
}
