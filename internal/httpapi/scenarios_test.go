package httpapi_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"minutebook/internal/access"
)

// scenario is one request and what must come back, PocketBase style: who
// asks, the request, the status, fragments of the body, and the acts the
// journal must hold after it (by kind, in order, since the request).
type scenario struct {
	name         string
	who          string
	method, path string
	body         string
	header       []string
	status       int
	contentType  string   // a prefix of the Content-Type, when set
	contains     []string // fragments of the body
	acts         []string // the kinds recorded by the request (nil: none)
}

func (s scenario) run(t *testing.T, e *env) response {
	t.Helper()
	before := e.head("quintus")
	r := e.do(s.who, s.method, s.path, s.body, s.header...)
	if r.status != s.status {
		t.Errorf("%s: %s %s = %d, want %d: %s", s.name, s.method, s.path, r.status, s.status, r.body)
	}
	if s.contentType != "" && !strings.HasPrefix(r.header.Get("Content-Type"), s.contentType) {
		t.Errorf("%s: Content-Type %q, want %s", s.name, r.header.Get("Content-Type"), s.contentType)
	}
	for _, c := range s.contains {
		if !strings.Contains(string(r.body), c) {
			t.Errorf("%s: the body lacks %q: %.600s", s.name, c, r.body)
		}
	}
	var got []string
	for _, en := range e.entries("quintus", before+1) {
		got = append(got, en.Kind)
	}
	if fmt.Sprint(got) != fmt.Sprint(s.acts) {
		t.Errorf("%s: recorded %v, want %v", s.name, got, s.acts)
	}
	return r
}

// transfer is a transfer of shares of a holder's certificate.
func transfer(from, cert, to, shares string) string {
	return `{"kind": "stock.transfer", "effective": "2004-06-08", "actor": {"person": "susan", "as": "secretary"},
	"fields": {"from": "` + from + `", "to": "` + to + `", "certificates": [` + cert + `], "shares": "` + shares + `", "evidence": "endorsed",
	"signers": [{"person": "ray", "office": "president"}, {"person": "susan", "office": "secretary"}]}}`
}

const transferAlice1 = `{"kind": "stock.transfer", "effective": "2004-06-08", "actor": {"person": "susan", "as": "secretary"},
	"fields": {"from": "alice", "to": "carol", "certificates": [1], "shares": "1000", "evidence": "endorsed",
	"signers": [{"person": "ray", "office": "president"}, {"person": "susan", "office": "secretary"}]}}`

// TestProblems checks the problem details: their status, type, and the
// failed rules with their citations (a bylaw's refusal 422, the access
// policy's 403, a concurrent change 409, bad input 400 naming the field).
func TestProblems(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, e *env) {
		for _, s := range []scenario{
			{name: "refused by a rule: 422 with the citation", who: "secretary", method: "POST", path: "/api/corporations/quintus/acts",
				body:   `{"kind": "stock.issue", "effective": "2004-06-08", "actor": {"person": "susan", "as": "secretary"}, "fields": {"class": "common", "holder": "carol", "shares": "200000000", "consideration": "1.00", "resolution": "r", "signers": [{"person": "ray", "office": "president"}, {"person": "susan", "office": "secretary"}]}}`,
				status: 422, contentType: "application/problem+json", contains: []string{`"type":"/problems/refused"`, `"status":422`, `"outcome":"failed"`, `"citation":"`, `"rule":"`}},
			{name: "forbidden by the access policy: 403 citing MB.access.record", who: "director", method: "POST", path: "/api/corporations/quintus/acts", body: transferAlice1,
				status: 403, contentType: "application/problem+json", contains: []string{`"type":"/problems/forbidden"`, `"rule":"MB.access.record"`, `"citation":"minutebook access policy (docs/access.md)"`}},
			{name: "a route's policy refuses: 403 citing MB.access.record", who: "stockholder", method: "GET", path: "/api/corporations/quintus/holders/bob",
				status: 403, contentType: "application/problem+json", contains: []string{`"rule":"MB.access.record"`, `sees only their own records`}},
			{name: "no login: 401", method: "GET", path: "/api/corporations/quintus/holders", status: 401, contentType: "application/problem+json", contains: []string{`"type":"/problems/unauthenticated"`}},
			{name: "invalid act: 400 naming the field", who: "secretary", method: "POST", path: "/api/corporations/quintus/acts",
				body:   strings.Replace(transferAlice1, `"1000"`, `"many"`, 1),
				status: 400, contentType: "application/problem+json", contains: []string{`"type":"/problems/invalid"`, `shares`}},
			{name: "invalid query: 400 naming the parameter", who: "secretary", method: "GET", path: "/api/corporations/quintus/holders?as_of=2004-13-01",
				status: 400, contentType: "application/problem+json", contains: []string{`as_of`}},
			{name: "invalid account: 400 naming the field", who: "admin", method: "POST", path: "/api/accounts", body: `{"email": "x@example.com", "name": "X", "password": "short"}`,
				status: 400, contentType: "application/problem+json", contains: []string{`password`}},
			{name: "unknown field: 400", who: "admin", method: "POST", path: "/api/accounts", body: `{"email": "x@example.com", "nom": "X"}`,
				status: 400, contentType: "application/problem+json", contains: []string{`nom`}},
			{name: "not found: 404", who: "secretary", method: "GET", path: "/api/corporations/quintus/certificates/999", status: 404, contentType: "application/problem+json", contains: []string{`certificate 999`}},
		} {
			s.run(t, e)
		}
	})
}

// TestConflict sends two transfers of the same certificate at the same
// moment: exactly one is recorded (201), the other is a conflict (409)
// naming the certificate, and the journal holds one transfer.
func TestConflict(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, e *env) {
		before := e.head("quintus")
		body := func(to string) string {
			return strings.Replace(strings.Replace(transferAlice1, `"carol"`, `"`+to+`"`, 1), `"1000"`, `"400000"`, 1)
		}
		e.tokens["secretary2"] = e.login("secretary")
		var wg sync.WaitGroup
		rs := make([]response, 2)
		for i, who := range []string{"secretary", "secretary2"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				rs[i] = e.do(who, "POST", "/api/corporations/quintus/acts", body([]string{"carol", "dan"}[i]))
			}()
		}
		wg.Wait()
		got := []int{rs[0].status, rs[1].status}
		if !(got[0] == 201 && got[1] == 409 || got[0] == 409 && got[1] == 201) {
			t.Fatalf("two transfers of certificate 1: %v, want one 201 and one 409: %s / %s", got, rs[0].body, rs[1].body)
		}
		loser := rs[0]
		if got[1] == 409 {
			loser = rs[1]
		}
		if !strings.Contains(string(loser.body), `"type":"/problems/conflict"`) || !strings.Contains(string(loser.body), `"citation"`) {
			t.Errorf("the conflict's problem: %s", loser.body)
		}
		if n := len(e.entries("quintus", before+1)); n != 1 {
			t.Errorf("%d entries recorded, want the one transfer", n)
		}
	})
}

// TestIdempotency: the same key with the same body answers the first
// answer and records once; with another body, 422; concurrent requests
// with one key record once. For acts and for the other writes.
func TestIdempotency(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, e *env) {
		key := []string{"Idempotency-Key", "k-1"}
		first := scenario{name: "first", who: "secretary", method: "POST", path: "/api/corporations/quintus/acts", body: transferAlice1, header: key, status: 201, acts: []string{"stock.transfer"}}.run(t, e)
		again := scenario{name: "retry", who: "secretary", method: "POST", path: "/api/corporations/quintus/acts", body: transferAlice1, header: key, status: 201}.run(t, e)
		if string(again.body) != string(first.body) || again.header.Get("Idempotency-Replayed") != "true" {
			t.Errorf("the retry answered %s (replayed %q), want the first answer %s", again.body, again.header.Get("Idempotency-Replayed"), first.body)
		}
		scenario{name: "same key, another body", who: "secretary", method: "POST", path: "/api/corporations/quintus/acts", body: strings.Replace(transferAlice1, "1000", "2000", 1), header: key,
			status: 422, contains: []string{"/problems/idempotency-key-reused"}}.run(t, e)
		// A refusal is kept too: its retry is the same refusal, recording nothing.
		refused := transfer("bob", "2", "carol", "99999999")
		r1 := scenario{name: "refused", who: "secretary", method: "POST", path: "/api/corporations/quintus/acts", body: refused, header: []string{"Idempotency-Key", "k-2"}, status: 422}.run(t, e)
		r2 := scenario{name: "refused again", who: "secretary", method: "POST", path: "/api/corporations/quintus/acts", body: refused, header: []string{"Idempotency-Key", "k-2"}, status: 422}.run(t, e)
		if string(r1.body) != string(r2.body) {
			t.Errorf("the refusal's retry differs: %s / %s", r1.body, r2.body)
		}
		// Concurrent retries of one request record it once.
		before := e.head("quintus")
		var wg sync.WaitGroup
		statuses := make([]int, 8)
		for i := range statuses {
			wg.Add(1)
			go func() {
				defer wg.Done()
				statuses[i] = e.do("secretary", "POST", "/api/corporations/quintus/acts", transfer("bob", "2", "dan", "1000"), "Idempotency-Key", "k-3").status
			}()
		}
		wg.Wait()
		for _, st := range statuses {
			if st != 201 {
				t.Errorf("concurrent retries answered %v, want 201 each", statuses)
				break
			}
		}
		if n := len(e.entries("quintus", before+1)); n != 1 {
			t.Errorf("concurrent retries recorded %d entries, want 1", n)
		}
		// A key is the account's own: another account's same key is a new request.
		scenario{name: "another account's key", who: "stockholder", method: "POST", path: "/api/corporations/quintus/acts",
			body:   `{"kind": "proxy.grant", "effective": "2004-06-08", "actor": {"person": "alice", "as": "holder"}, "fields": {"id": "a1", "holder": "alice", "proxy_holder": "ray", "date": "2004-06-08"}}`,
			header: key, status: 201, acts: []string{"proxy.grant"}}.run(t, e)
		// A dry run keeps no key and records nothing.
		scenario{name: "dry run", who: "secretary", method: "POST", path: "/api/corporations/quintus/acts?dry_run=true", body: transfer("carol", "3", "eve-lp", "1000"),
			header: []string{"Idempotency-Key", "k-4"}, status: 200, contains: []string{`"status":"checked"`}}.run(t, e)

		// The other writes: creating an account once.
		k := []string{"Idempotency-Key", "acct-1"}
		a1 := e.do("admin", "POST", "/api/accounts", `{"email": "new@example.com", "name": "New", "password": "`+password+`"}`, k...)
		a2 := e.do("admin", "POST", "/api/accounts", `{"email": "new@example.com", "name": "New", "password": "`+password+`"}`, k...)
		if a1.status != 201 || a2.status != 201 || string(a1.body) != string(a2.body) || a2.header.Get("Idempotency-Replayed") != "true" {
			t.Errorf("account created twice with one key: %d %s / %d %s", a1.status, a1.body, a2.status, a2.body)
		}
		if a3 := e.do("admin", "POST", "/api/accounts", `{"email": "other@example.com", "name": "Other", "password": "`+password+`"}`, k...); a3.status != 422 {
			t.Errorf("the key with another account: %d %s, want 422", a3.status, a3.body)
		}
		var wg2 sync.WaitGroup
		created := make([]int, 6)
		for i := range created {
			wg2.Add(1)
			go func() {
				defer wg2.Done()
				created[i] = e.do("admin", "POST", "/api/accounts", `{"email": "race@example.com", "name": "Race", "password": "`+password+`"}`, "Idempotency-Key", "acct-2").status
			}()
		}
		wg2.Wait()
		for _, st := range created {
			if st != 201 {
				t.Errorf("concurrent creations with one key: %v, want 201 each (one account, the rest replayed)", created)
				break
			}
		}
	})
}

// TestPagination walks lists page by page: the pages join into the whole,
// next is absent on the last page, a bad limit or cursor is 400.
func TestPagination(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, e *env) {
		for _, path := range []string{"/api/corporations/quintus/persons", "/api/corporations/quintus/holders", "/api/corporations/quintus/certificates", "/api/corporations/quintus/meetings/m/list"} {
			whole := e.do("secretary", "GET", path+"?limit=1000", "")
			var all struct {
				Items []json.RawMessage `json:"items"`
				Total int               `json:"total"`
				Next  string            `json:"next"`
			}
			json.Unmarshal(whole.body, &all)
			if len(all.Items) < 3 || all.Total != len(all.Items) || all.Next != "" {
				t.Fatalf("%s whole: %d items, total %d, next %q", path, len(all.Items), all.Total, all.Next)
			}
			var joined []json.RawMessage
			cursor, pages := "", 0
			for {
				q := path + "?limit=2"
				if cursor != "" {
					q += "&cursor=" + cursor
				}
				var p struct {
					Items []json.RawMessage `json:"items"`
					Total int               `json:"total"`
					Next  string            `json:"next"`
				}
				r := e.do("secretary", "GET", q, "")
				if err := json.Unmarshal(r.body, &p); err != nil || r.status != 200 {
					t.Fatalf("%s: %d %s", q, r.status, r.body)
				}
				pages++
				if len(p.Items) > 2 || p.Total != all.Total {
					t.Errorf("%s: %d items, total %d", q, len(p.Items), p.Total)
				}
				joined = append(joined, p.Items...)
				if p.Next == "" {
					break
				}
				cursor = p.Next
			}
			if fmt.Sprint(joined) != fmt.Sprint(all.Items) || pages != (all.Total+1)/2 {
				t.Errorf("%s: %d pages joined into %d items, want %d in %d pages", path, pages, len(joined), len(all.Items), (all.Total+1)/2)
			}
		}
		// The journal pages by sequence number.
		var seqs []float64
		for cursor := "1"; cursor != ""; {
			var p struct {
				Items []struct {
					Seq float64 `json:"seq"`
				} `json:"items"`
				Next string `json:"next"`
			}
			json.Unmarshal(e.do("auditor", "GET", "/api/corporations/quintus/journal?limit=7&cursor="+cursor, "").body, &p)
			for _, it := range p.Items {
				seqs = append(seqs, it.Seq)
			}
			cursor = p.Next
		}
		if head := e.head("quintus"); len(seqs) != int(head) || seqs[0] != 1 || seqs[len(seqs)-1] != float64(head) {
			t.Errorf("the journal's pages hold %d entries, want 1 … %d", len(seqs), head)
		}
		for _, q := range []string{"?limit=0", "?limit=1001", "?limit=x", "?cursor=-1", "?cursor=x"} {
			if r := e.do("secretary", "GET", "/api/corporations/quintus/persons"+q, ""); r.status != 400 {
				t.Errorf("persons%s = %d, want 400", q, r.status)
			}
		}
	})
}

// TestListAccess: a stockholder sees the list only after their request
// and in the window; each view is a list.access act of theirs, with the
// authorization decision; a stockholder without a request is refused
// citing Art. II §4, and nothing is recorded.
func TestListAccess(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, e *env) {
		ctx := t.Context()
		id, err := e.acc.Create(ctx, "dan@example.com", "Dan Chen", password, false)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.acc.Grant(ctx, id, "quintus", access.Stockholder, "dan"); err != nil {
			t.Fatal(err)
		}
		tok, _, err := e.acc.Login(ctx, "dan@example.com", password, "", "dan")
		if err != nil {
			t.Fatal(err)
		}
		e.tokens["dan"] = tok
		scenario{name: "Bob views the list", who: "bob", method: "GET", path: "/api/corporations/quintus/meetings/m/list", status: 200,
			contains: []string{`"record_date":"2004-05-14"`, `"holder":"alice"`}, acts: []string{"list.access"}}.run(t, e)
		scenario{name: "Bob downloads it", who: "bob", method: "GET", path: "/api/corporations/quintus/meetings/m/list/pdf", status: 200, contentType: "application/pdf", acts: []string{"list.access"}}.run(t, e)
		scenario{name: "Dan has not asked", who: "dan", method: "GET", path: "/api/corporations/quintus/meetings/m/list", status: 403,
			contains: []string{`"rule":"MB.list.request"`, `Art. II §4`}}.run(t, e)
		scenario{name: "the secretary reads it without an act", who: "secretary", method: "GET", path: "/api/corporations/quintus/meetings/m/list", status: 200}.run(t, e)
		scenario{name: "the log shows Bob's views", who: "secretary", method: "GET", path: "/api/corporations/quintus/meetings/m/list-log", status: 200,
			contains: []string{`"what":"access"`, `"holder":"bob"`}}.run(t, e)
		es := e.entries("quintus", 1)
		last := es[len(es)-1]
		if last.Kind != "list.access" || last.Checks[0].Rule != access.Rule || !strings.Contains(last.Checks[0].Message, "bob@example.com") {
			t.Errorf("the last view's entry: %s %+v", last.Kind, last.Checks)
		}
	})
}

// TestDocuments downloads each kind of document and checks its media type
// and its first bytes.
func TestDocuments(t *testing.T) {
	t.Parallel()
	e := newEnv(t, "sqlite")
	for _, c := range []struct{ who, path, media, start string }{
		{"secretary", "/api/corporations/quintus/certificates/1/pdf", "application/pdf", "%PDF-"},
		{"stockholder", "/api/corporations/quintus/holders/alice/certificates/1/pdf", "application/pdf", "%PDF-"},
		{"secretary", "/api/corporations/quintus/stocklist/pdf?record_date=2004-05-14", "application/pdf", "%PDF-"},
		{"secretary", "/api/corporations/quintus/stocklist/csv?record_date=2004-05-14", "text/csv", ""},
		{"secretary", "/api/corporations/quintus/meetings/m/notice/pdf", "application/pdf", "%PDF-"},
		{"stockholder", "/api/corporations/quintus/holders/alice/meetings/m/notice/pdf", "application/pdf", "%PDF-"},
		{"stockholder", "/api/corporations/quintus/holders/alice/meetings/m/proxy-card/pdf?proxies=Ray%20Patel", "application/pdf", "%PDF-"},
		{"secretary", "/api/corporations/quintus/bylaws/certificate/pdf?on=2004-06-01&signed=2004-06-08", "application/pdf", "%PDF-"},
		{"secretary", "/api/corporations/quintus/calendar/ics", "text/calendar", "BEGIN:VCALENDAR\r\n"},
		{"secretary", "/api/corporations/quintus/journal/stream", "application/x-ndjson", `{"seq":1,`},
		{"secretary", "/api/corporations/quintus/export/ocf", "application/zip", "PK"},
	} {
		r := e.do(c.who, "GET", c.path, "")
		if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), c.media) || !strings.HasPrefix(string(r.body), c.start) {
			t.Errorf("GET %s as %s = %d %s %.80q", c.path, c.who, r.status, r.header.Get("Content-Type"), r.body)
		}
	}
	if r := e.do("stockholder", "GET", "/api/corporations/quintus/holders/alice/certificates/2/pdf", ""); r.status != 404 {
		t.Errorf("Alice downloading Bob's certificate through her page: %d, want 404", r.status)
	}
	// The stream holds every entry, one a line.
	r := e.do("auditor", "GET", "/api/corporations/quintus/journal/stream?from=2", "")
	if lines := strings.Count(string(r.body), "\n"); lines != int(e.head("quintus"))-1 {
		t.Errorf("the stream from 2 has %d lines, want %d", lines, e.head("quintus")-1)
	}
	if r := e.do("auditor", "GET", "/api/corporations/quintus/journal/checkpoint", ""); r.status != 404 {
		t.Errorf("a checkpoint without a key: %d, want 404", r.status)
	}
}
