package httpapi_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"minutebook/internal/access"
	"minutebook/internal/journal"
)

// routePolicy is the policy each route must have: the authorization
// matrix's first half, written out so that a change of a route's policy is
// a change of this table too. A route missing here, or without a policy,
// fails TestAuthorizationMatrix.
var routePolicy = map[string]string{
	"GET /api/openapi.json":                                                           "public",
	"POST /api/login":                                                                 "public",
	"POST /api/logout":                                                                "account",
	"GET /api/me":                                                                     "account",
	"POST /api/corporations/{corp}/acts":                                              "submit-acts",
	"GET /api/corporations":                                                           "account",
	"GET /api/corporations/{corp}":                                                    "read-member",
	"GET /api/corporations/{corp}/persons":                                            "read-books",
	"GET /api/corporations/{corp}/holders":                                            "read-books",
	"GET /api/corporations/{corp}/holders/fully-diluted":                              "read-books",
	"GET /api/corporations/{corp}/holders/{person}":                                   "read-holder",
	"GET /api/corporations/{corp}/holders/{person}/certificates":                      "read-holder",
	"GET /api/corporations/{corp}/holders/{person}/proxies":                           "read-holder",
	"GET /api/corporations/{corp}/holders/{person}/ballots":                           "read-ballots",
	"GET /api/corporations/{corp}/certificates":                                       "read-books",
	"GET /api/corporations/{corp}/certificates/{number}":                              "read-books",
	"GET /api/corporations/{corp}/instruments":                                        "read-books",
	"GET /api/corporations/{corp}/stocklist":                                          "read-books",
	"GET /api/corporations/{corp}/officers":                                           "read-books",
	"GET /api/corporations/{corp}/officers/{office}/acting":                           "read-books",
	"GET /api/corporations/{corp}/board/directors":                                    "read-member",
	"GET /api/corporations/{corp}/board/meetings":                                     "board",
	"GET /api/corporations/{corp}/board/committees":                                   "board",
	"GET /api/corporations/{corp}/board/court":                                        "read-books",
	"GET /api/corporations/{corp}/meetings":                                           "read-member",
	"GET /api/corporations/{corp}/meetings/{meeting}":                                 "read-books",
	"GET /api/corporations/{corp}/meetings/{meeting}/notice-facts":                    "read-books",
	"GET /api/corporations/{corp}/meetings/{meeting}/list":                            "read-member",
	"GET /api/corporations/{corp}/meetings/{meeting}/list-log":                        "read-books",
	"GET /api/corporations/{corp}/meetings/{meeting}/ballots":                         "read-ballots",
	"GET /api/corporations/{corp}/meetings/{meeting}/result":                          "read-member",
	"GET /api/corporations/{corp}/meetings/{meeting}/receipts/{receipt}":              "read-member",
	"GET /api/corporations/{corp}/consents":                                           "read-books",
	"GET /api/corporations/{corp}/proxies":                                            "read-books",
	"GET /api/corporations/{corp}/dividends":                                          "read-books",
	"GET /api/corporations/{corp}/dividends/{dividend}/schedule":                      "read-books",
	"GET /api/corporations/{corp}/resolutions":                                        "read-books",
	"GET /api/corporations/{corp}/indemnification":                                    "board",
	"GET /api/corporations/{corp}/bylaws":                                             "read-member",
	"GET /api/corporations/{corp}/bylaws/rules/{rule}":                                "read-member",
	"GET /api/corporations/{corp}/bylaws/certificate":                                 "read-books",
	"GET /api/corporations/{corp}/calendar":                                           "read-books",
	"GET /api/corporations/{corp}/minutes/{meeting}":                                  "board",
	"GET /api/corporations/{corp}/journal":                                            "read-books",
	"GET /api/corporations/{corp}/journal/verify":                                     "read-books",
	"GET /api/vote/threshold":                                                         "account",
	"GET /api/corporations/{corp}/certificates/{number}/pdf":                          "read-books",
	"GET /api/corporations/{corp}/holders/{person}/certificates/{number}/pdf":         "read-holder",
	"GET /api/corporations/{corp}/stocklist/pdf":                                      "read-books",
	"GET /api/corporations/{corp}/stocklist/csv":                                      "read-books",
	"GET /api/corporations/{corp}/meetings/{meeting}/list/pdf":                        "read-member",
	"GET /api/corporations/{corp}/meetings/{meeting}/notice/pdf":                      "read-member",
	"GET /api/corporations/{corp}/holders/{person}/meetings/{meeting}/notice/pdf":     "read-holder",
	"GET /api/corporations/{corp}/holders/{person}/meetings/{meeting}/proxy-card/pdf": "read-holder",
	"GET /api/corporations/{corp}/minutes/{meeting}/pdf":                              "board",
	"GET /api/corporations/{corp}/dividends/{dividend}/schedule/pdf":                  "read-books",
	"GET /api/corporations/{corp}/dividends/{dividend}/schedule/csv":                  "read-books",
	"GET /api/corporations/{corp}/bylaws/certificate/pdf":                             "read-books",
	"GET /api/corporations/{corp}/calendar/ics":                                       "read-books",
	"GET /api/corporations/{corp}/journal/stream":                                     "read-books",
	"GET /api/corporations/{corp}/journal/checkpoint":                                 "read-books",
	"GET /api/corporations/{corp}/export/ocf":                                         "read-books",
	"GET /api/accounts":                                                               "admin",
	"POST /api/accounts":                                                              "admin",
	"POST /api/accounts/{account}/grants":                                             "admin",
	"DELETE /api/accounts/{account}/grants/{corporation}/{role}":                      "admin",
	"PUT /api/corporations/{corp}/mfa":                                                "admin",
	"GET /api/corporations/{corp}/mfa":                                                "read-member",
	"POST /api/me/password":                                                           "account",
	"POST /api/me/totp":                                                               "account",
	"POST /api/me/totp/confirm":                                                       "account",
}

// policyGrants is the matrix's second half, written independently of
// package access: for each policy, the roles that may use a route of it on
// any target of their own corporation (all), and those that may use it
// only for their own person (own).
var policyGrants = map[string]struct {
	public, account, admin bool
	all, own               []access.Role
}{
	"public":       {public: true},
	"account":      {account: true},
	"admin":        {admin: true},
	"records":      {all: []access.Role{"secretary"}},
	"read-books":   {all: []access.Role{"secretary", "director", "officer", "inspector", "auditor"}},
	"read-member":  {all: []access.Role{"secretary", "director", "officer", "inspector", "auditor", "stockholder"}},
	"read-holder":  {all: []access.Role{"secretary", "director", "officer", "inspector", "auditor"}, own: []access.Role{"stockholder"}},
	"read-ballots": {all: []access.Role{"secretary", "inspector", "auditor"}, own: []access.Role{"stockholder"}},
	"board":        {all: []access.Role{"secretary", "director", "auditor"}},
	"submit-acts":  {all: []access.Role{"secretary", "director", "officer", "stockholder", "inspector"}},
}

// pathValues fill the routes' other path parameters with values of the
// fixture (or, for the administrator's writes, values that change nothing).
var pathValues = map[string]string{
	"meeting": "m", "number": "1", "dividend": "d1", "office": "president", "rule": "II.8.quorum",
	"receipt": strings.Repeat("0", 64), "account": "nobody@example.com", "corporation": "quintus", "role": "stockholder",
}

// matrixBody is the body each write of the matrix sends: one that changes
// nothing (a dry run of no acts, an empty object) but is read only after
// the authorization.
func matrixBody(method, path string) string {
	switch {
	case path == "/api/login":
		return `{` // read after the (public) policy: 400, without spending a login attempt
	case strings.HasSuffix(path, "/acts"):
		return `[]`
	case method == "POST" || method == "PUT":
		return `{}`
	}
	return ""
}

// expect is the matrix's answer: whether principal p (nil: no login) may
// use a route of policy pol in corporation corpID for person person.
func expect(pol string, p *principal, corpID, person string) (allowed bool, denied int) {
	g, ok := policyGrants[pol]
	switch {
	case !ok:
		return false, 0
	case g.public:
		return true, 0
	case p == nil:
		return false, 401
	case g.account:
		return true, 0
	case g.admin:
		return p.admin, 403
	case p.corp != corpID:
		return false, 403
	case slices.Contains(g.all, p.role):
		return true, 0
	case slices.Contains(g.own, p.role) && person != "" && person == p.person:
		return true, 0
	}
	return false, 403
}

var param = regexp.MustCompile(`\{([a-z_]+)\}`)

// TestAuthorizationMatrix sends every route × every principal (no login,
// the administrator, each role of quintus, beta's secretary) × own or
// other corporation × own or other holder, and checks the answer: 401 or
// 403 with a problem when the matrix denies, anything but 401, 403 and 5xx
// when it allows. On both stores.
func TestAuthorizationMatrix(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, e *env) {
		seen := map[string]bool{}
		for _, rt := range e.api.Routes() {
			key := rt.Method + " " + rt.Path
			seen[key] = true
			want, ok := routePolicy[key]
			if rt.Policy.Name == "" || !slices.ContainsFunc(access.Policies, func(p access.Policy) bool { return p.Name == rt.Policy.Name }) {
				t.Errorf("%s has no policy of package access", key)
				continue
			}
			if !ok {
				t.Errorf("%s is not in the authorization matrix (routePolicy): add it with its expected policy", key)
				continue
			}
			if rt.Policy.Name != want {
				t.Errorf("%s has policy %s, the matrix expects %s", key, rt.Policy.Name, want)
				continue
			}
			if rt.Person != "" && len(policyGrants[want].own) == 0 && !policyGrants[want].public {
				t.Logf("%s names a person but its policy has no own roles", key)
			}
			corps := []string{""}
			if strings.Contains(rt.Path, "{corp}") {
				corps = []string{"quintus", "beta"}
			}
			holders := []string{""}
			if rt.Person != "" {
				holders = []string{"alice", "bob"}
			}
			whos := append([]*principal{nil}, ptrs(principals)...)
			for _, p := range whos {
				for _, c := range corps {
					for _, h := range holders {
						path := param.ReplaceAllStringFunc(rt.Path, func(m string) string {
							switch name := m[1 : len(m)-1]; name {
							case "corp":
								return c
							case rt.Person:
								return h
							default:
								return pathValues[name]
							}
						})
						name := ""
						if p != nil {
							name = p.name
						}
						if rt.Path == "/api/logout" && p != nil {
							e.tokens[name] = e.login(name) // the matrix's own session, which the request ends
						}
						method := rt.Method
						if strings.HasSuffix(rt.Path, "/acts") {
							path += "?dry_run=true"
						}
						r := e.do(name, method, path, matrixBody(method, rt.Path))
						allowed, denied := expect(want, p, c, h)
						who := name
						if who == "" {
							who = "no login"
						}
						switch {
						case r.status >= 500:
							t.Errorf("%s %s as %s: %d, never a 5xx: %s", method, path, who, r.status, r.body)
						case allowed && (r.status == 401 || r.status == 403):
							t.Errorf("%s %s as %s: %d, the matrix allows it: %s", method, path, who, r.status, r.body)
						case !allowed && r.status != denied:
							t.Errorf("%s %s as %s: %d, the matrix denies it with %d: %s", method, path, who, r.status, denied, r.body)
						case !allowed && r.header.Get("Content-Type") != "application/problem+json":
							t.Errorf("%s %s as %s: denied without a problem: %s", method, path, who, r.header.Get("Content-Type"))
						}
						if rt.Path == "/api/logout" && p != nil {
							e.tokens[name] = e.login(name)
						}
					}
				}
			}
		}
		for key := range routePolicy {
			if !seen[key] {
				t.Errorf("the matrix names %s, which is not a route", key)
			}
		}
	})
}

func ptrs(ps []principal) []*principal {
	out := make([]*principal, len(ps))
	for i := range ps {
		out[i] = &ps[i]
	}
	return out
}

// TestActAuthorizationInJournal checks that every authorization decision on
// an act is recorded with it (MB.access.record, the act's first check,
// naming the account and the role), and that an act refused by the policy
// is 403 and recorded nowhere.
func TestActAuthorizationInJournal(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, e *env) {
		cases := []struct {
			name, who, body string
			status          int
			role            string
		}{
			{"secretary records an issuance", "secretary", `{"kind": "stock.issue", "effective": "2004-06-08", "actor": {"person": "susan", "as": "secretary"},
				"fields": {"class": "common", "holder": "carol", "shares": "1000", "consideration": "1000.00", "resolution": "r", "signers": [{"person": "ray", "office": "president"}, {"person": "susan", "office": "secretary"}]}}`, 201, "secretary"},
			{"a stockholder grants their own proxy", "stockholder", `{"kind": "proxy.grant", "effective": "2004-06-08", "actor": {"person": "alice", "as": "holder"}, "fields": {"id": "a1", "holder": "alice", "proxy_holder": "ray", "date": "2004-06-08"}}`, 201, "stockholder"},
			{"a stockholder may not grant another's proxy", "stockholder", `{"kind": "proxy.grant", "effective": "2004-06-08", "actor": {"person": "bob", "as": "holder"}, "fields": {"id": "b9", "holder": "bob", "proxy_holder": "ray", "date": "2004-06-08"}}`, 403, ""},
			{"a stockholder may not issue stock", "stockholder", `{"kind": "stock.issue", "effective": "2004-06-08", "actor": {"person": "alice", "as": "holder"},
				"fields": {"class": "common", "holder": "alice", "shares": "1", "consideration": "1.00", "resolution": "r"}}`, 403, ""},
			{"an auditor records nothing", "auditor", `{"kind": "proxy.grant", "effective": "2004-06-08", "actor": {"person": "alice", "as": "holder"}, "fields": {"id": "a2", "holder": "alice", "proxy_holder": "ray", "date": "2004-06-08"}}`, 403, ""},
		}
		for _, c := range cases {
			before := e.head("quintus")
			r := e.do(c.who, "POST", "/api/corporations/quintus/acts", c.body)
			if r.status != c.status {
				t.Errorf("%s: %d, want %d: %s", c.name, r.status, c.status, r.body)
				continue
			}
			es := e.entries("quintus", before+1)
			if c.status != 201 {
				if len(es) != 0 {
					t.Errorf("%s: refused, yet %d entries recorded", c.name, len(es))
				}
				var p struct {
					Checks []journal.Check `json:"checks"`
				}
				json.Unmarshal(r.body, &p)
				if len(p.Checks) == 0 || p.Checks[0].Rule != access.Rule || p.Checks[0].Outcome != journal.Failed {
					t.Errorf("%s: the problem's checks = %+v, want the failed %s first", c.name, p.Checks, access.Rule)
				}
				continue
			}
			if len(es) != 1 {
				t.Fatalf("%s: %d entries recorded, want 1", c.name, len(es))
			}
			ch := es[0].Checks[0]
			acct := ""
			for _, p := range principals {
				if p.name == c.who {
					acct = p.email
				}
			}
			if ch.Rule != access.Rule || ch.Outcome != journal.Held || !strings.Contains(fmt.Sprint(ch.Numbers), acct) || !strings.Contains(fmt.Sprint(ch.Numbers), c.role) {
				t.Errorf("%s: the entry's first check = %+v, want %s held naming %s as %s", c.name, ch, access.Rule, acct, c.role)
			}
		}
	})
}
