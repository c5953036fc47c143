package access_test

import (
	"strings"
	"testing"

	"minutebook/internal/access"
	"minutebook/internal/corp"
)

var (
	secretary = &access.Principal{Account: "s@x", Grants: []access.Grant{{Corp: "quintus", Role: access.Secretary, Person: "susan"}}}
	alice     = &access.Principal{Account: "a@x", Grants: []access.Grant{{Corp: "quintus", Role: access.Stockholder, Person: "alice"}, {Corp: "beta", Role: access.Auditor}}}
	pat       = &access.Principal{Account: "p@x", Grants: []access.Grant{{Corp: "quintus", Role: access.Director, Person: "pat"}}}
	admin     = &access.Principal{Account: "root@x", Admin: true}
)

func TestDecide(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		pol    access.Policy
		p      *access.Principal
		target access.Target
		allow  bool
		role   access.Role
		reason string // a fragment of the reason
	}{
		{"public without login", access.Public, nil, access.Target{}, true, "", "public"},
		{"account needs login", access.AnyAccount, nil, access.Target{}, false, "", "login required"},
		{"admin route, not admin", access.AdminOnly, secretary, access.Target{}, false, "", "administrator"},
		{"admin route, admin", access.AdminOnly, admin, access.Target{}, true, "", "administrator"},
		{"admin has no role in a corporation", access.ReadBooks, admin, access.Target{Corp: "quintus"}, false, "", "no role"},
		{"secretary records", access.Records, secretary, access.Target{Corp: "quintus"}, true, access.Secretary, "secretary of quintus"},
		{"secretary of another corporation", access.Records, secretary, access.Target{Corp: "beta"}, false, "", `no role in corporation "beta"`},
		{"stockholder may not record", access.Records, alice, access.Target{Corp: "quintus"}, false, "", "requires the role secretary"},
		{"stockholder, own holder page", access.ReadHolder, alice, access.Target{Corp: "quintus", Person: "alice"}, true, access.Stockholder, "own record"},
		{"stockholder, another holder's page", access.ReadHolder, alice, access.Target{Corp: "quintus", Person: "bob"}, false, "", `not "bob"`},
		{"director, a holder's page", access.ReadHolder, pat, access.Target{Corp: "quintus", Person: "bob"}, true, access.Director, "director of quintus"},
		{"auditor reads the books", access.ReadBooks, alice, access.Target{Corp: "beta"}, true, access.Auditor, "auditor of beta"},
		{"stockholder, no board materials", access.BoardOnly, alice, access.Target{Corp: "quintus"}, false, "", "requires"},
		{"director without the required second factor", access.BoardOnly, pat, access.Target{Corp: "quintus", MFARequired: true}, false, "", "second factor"},
		{"stockholder needs no second factor", access.ReadHolder, alice, access.Target{Corp: "quintus", Person: "alice", MFARequired: true}, true, access.Stockholder, "own record"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := c.pol.Decide(c.p, c.target)
			if d.Allowed != c.allow || d.Role != c.role || !strings.Contains(d.Reason, c.reason) || d.Policy != c.pol.Name {
				t.Errorf("Decide = %+v, want allowed %v, role %q, reason containing %q, policy %q", d, c.allow, c.role, c.reason, c.pol.Name)
			}
		})
	}
	withMFA := *pat
	withMFA.MFA = true
	if d := access.BoardOnly.Decide(&withMFA, access.Target{Corp: "quintus", MFARequired: true}); !d.Allowed {
		t.Errorf("director with a verified second factor: %+v", d)
	}
}

func TestMayRecord(t *testing.T) {
	t.Parallel()
	q := access.Target{Corp: "quintus"}
	cases := []struct {
		name   string
		p      *access.Principal
		kind   string
		actor  corp.Actor
		allow  bool
		reason string
	}{
		{"secretary, any act for any actor", secretary, "stock.transfer", corp.Actor{Person: "ray", Capacity: corp.AsPresident}, true, "as secretary"},
		{"stockholder grants own proxy", alice, "proxy.grant", corp.Actor{Person: "alice", Capacity: corp.AsHolder}, true, "for themself"},
		{"stockholder grants another's proxy", alice, "proxy.grant", corp.Actor{Person: "bob", Capacity: corp.AsHolder}, false, `may act only as "alice"`},
		{"stockholder transfers shares", alice, "stock.transfer", corp.Actor{Person: "alice", Capacity: corp.AsHolder}, false, "only the secretary"},
		{"stockholder in the wrong capacity", alice, "ballot.cast", corp.Actor{Person: "alice", Capacity: corp.AsDirector}, false, "may not act as director"},
		{"director signs a consent", pat, "board.consent_sign", corp.Actor{Person: "pat", Capacity: corp.AsDirector}, true, "director pat"},
		{"auditor in beta records nothing", alice, "proxy.grant", corp.Actor{Person: "alice", Capacity: corp.AsHolder}, false, "held: auditor"},
		{"not logged in", nil, "proxy.grant", corp.Actor{Person: "alice", Capacity: corp.AsHolder}, false, "login required"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tg := q
			if c.name == "auditor in beta records nothing" {
				tg = access.Target{Corp: "beta"}
			}
			d := access.MayRecord(c.p, tg, c.kind, c.actor)
			if d.Allowed != c.allow || !strings.Contains(d.Reason, c.reason) {
				t.Errorf("MayRecord = %+v, want allowed %v, reason containing %q", d, c.allow, c.reason)
			}
		})
	}
}
