package notify_test

import (
	"bufio"
	"context"
	"crypto/tls"
	"encoding/base64"
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/notify"
	"minutebook/internal/sqlite"
)

// sink is a small SMTP server on the loopback interface: it accepts
// messages for any recipient but those in reject (refused at RCPT with
// 550) and keeps what it received. It serves until the test ends.
type sink struct {
	addr   string
	reject map[string]bool
	// With tls set the sink offers STARTTLS (or, implicit, speaks TLS
	// from the start); with user set it offers AUTH PLAIN, only over TLS,
	// and refuses mail before a login.
	tls        *tls.Config
	implicit   bool
	user, pass string
	mu         sync.Mutex
	got        []received
}

type received struct {
	from, to, data string
	tls            bool   // the message came over TLS
	user           string // who logged in, "" if no one
}

func startSink(t *testing.T, reject ...string) *sink {
	t.Helper()
	return startSinkWith(t, &sink{}, reject...)
}

// startSinkWith starts s (its tls, implicit, user and pass set).
func startSinkWith(t *testing.T, s *sink, reject ...string) *sink {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if s.implicit {
		ln = tls.NewListener(ln, s.tls)
	}
	s.addr, s.reject = ln.Addr().String(), map[string]bool{}
	for _, r := range reject {
		s.reject[r] = true
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go s.serve(c)
		}
	}()
	return s
}

func (s *sink) serve(c net.Conn) {
	defer func() { c.Close() }()
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	r := bufio.NewReader(c)
	say := func(line string) { fmt.Fprintf(c, "%s\r\n", line) }
	say("220 sink.test ESMTP")
	var m received
	secure, user := s.implicit, ""
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
			say("250-sink.test")
			if s.tls != nil && !secure {
				say("250-STARTTLS")
			}
			if s.user != "" {
				say("250-AUTH PLAIN")
			}
			say("250 8BITMIME")
		case cmd == "STARTTLS" && s.tls != nil && !secure:
			say("220 go ahead")
			tc := tls.Server(c, s.tls)
			if err := tc.Handshake(); err != nil {
				return
			}
			c, r, secure = tc, bufio.NewReader(tc), true
		case strings.HasPrefix(cmd, "AUTH PLAIN") && s.user != "":
			if !secure {
				say("530 5.7.0 Must issue a STARTTLS command first")
				continue
			}
			resp, _ := base64.StdEncoding.DecodeString(strings.TrimSpace(line[len("AUTH PLAIN"):]))
			if string(resp) != "\x00"+s.user+"\x00"+s.pass {
				say("535 5.7.8 authentication credentials invalid")
				continue
			}
			user = s.user
			say("235 2.7.0 authenticated")
		case strings.HasPrefix(cmd, "MAIL FROM:"):
			if s.user != "" && user == "" {
				say("530 5.7.0 authentication required")
				continue
			}
			m = received{from: angle(line), tls: secure, user: user}
			say("250 ok")
		case strings.HasPrefix(cmd, "RCPT TO:"):
			to := angle(line)
			if s.reject[to] {
				say("550 5.1.1 no such user")
				continue
			}
			m.to = to
			say("250 ok")
		case cmd == "DATA":
			say("354 go ahead")
			var b strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				b.WriteString(l)
			}
			m.data = b.String()
			s.mu.Lock()
			s.got = append(s.got, m)
			s.mu.Unlock()
			say("250 queued")
		case cmd == "RSET", cmd == "NOOP":
			say("250 ok")
		case cmd == "QUIT":
			say("221 bye")
			return
		default:
			say("502 not implemented")
		}
	}
}

// angle returns the address between < and > in an SMTP command.
func angle(line string) string {
	_, rest, _ := strings.Cut(line, "<")
	addr, _, _ := strings.Cut(rest, ">")
	return addr
}

func (s *sink) messages() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.got...)
}

var fixed = time.Date(2024, 5, 20, 16, 0, 0, 0, time.UTC)

func setup(t *testing.T) *acts.Service {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "mb.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := &acts.Service{Store: st, Clock: func() time.Time { return fixed }}
	src := `
- kind: corporation.create
  effective: 1999-09-02
  actor: {as: secretary}
  fields:
    id: quintus
    legal_name: Quintus Corporation
    state: Delaware
    time_zone: America/Los_Angeles
    incorporation_date: 1995-03-14
    registered_office: {city: Dover, region: DE}
    principal_office: {city: Fremont, region: CA}
    charter: {classes: [{id: common, name: Common Stock, authorized: "1000000"}]}
    bylaws: {default: true}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: susan, name: Susan Salvesen, kind: natural_person}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: ray, name: Ray Patel, kind: natural_person}}
- {kind: officer.elect, effective: 1999-09-02, actor: {as: board}, fields: {office: president, person: ray, resolution: r}}
- {kind: officer.elect, effective: 1999-09-02, actor: {as: board}, fields: {office: secretary, person: susan, resolution: r}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: alice, name: Alice Anders, kind: natural_person, email: alice@example.com, address: {lines: ["1 Elm"], city: Fremont}}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: bob, name: Bob Brandt, kind: natural_person, email: bob@example.com, address: {lines: ["2 Oak"], city: Fremont}}}
- {kind: person.add, effective: 1999-09-02, actor: {as: secretary}, fields: {id: dan, name: Dan Chen, kind: natural_person, email: dan@example.com, address: {lines: ["3 Ash"], city: Fremont}}}
`
	for _, h := range [][2]string{{"alice", "600000"}, {"bob", "300000"}, {"dan", "100000"}} {
		src += fmt.Sprintf("- {kind: stock.issue, effective: 2000-01-10, actor: {as: secretary}, fields: {class: common, holder: %s, shares: \"%s\", consideration: \"%s\", resolution: r, signers: [{person: ray, office: president}, {person: susan, office: secretary}]}}\n", h[0], h[1], h[1])
	}
	src += `- {kind: holder.electronic_notice, effective: 2023-03-01, actor: {person: bob, as: holder}, fields: {holder: bob, electronic: objected}}
- {kind: meeting.call, effective: 2024-04-01, actor: {as: board}, fields: {id: m24, type: annual, date: 2024-06-18, time: "10:00", place: Fremont, record_date: 2024-05-01}}
`
	list, err := acts.DecodeFile("setup.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	rs, err := svc.Apply(context.Background(), "quintus", list, acts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Status != acts.Recorded {
			t.Fatalf("%s: %s %v", r.Kind, r.Status, r.Checks)
		}
	}
	return svc
}

// TestEmailNoticeThroughSMTP sends the notice of meeting m24 (S122) through
// net/smtp to a server started here: Alice's message is accepted, Dan's
// refused at RCPT; Bob, who objected, is not written to. The notice is
// recorded with both outcomes; only Alice's counts as notice.
func TestEmailNoticeThroughSMTP(t *testing.T) {
	t.Parallel()
	svc := setup(t)
	s := startSink(t, "dan@example.com")
	ctx := context.Background()
	req := notify.Request{Corporation: "quintus", Meeting: "m24", Given: corp.MustDate(2024, 5, 20), Actor: corp.Actor{Person: "susan", Capacity: corp.AsSecretary}, From: "secretary@quintus.example"}
	rs, out, err := notify.EmailNotice(ctx, svc, req, &notify.SMTP{Addr: s.addr}, fixed)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0].Status != acts.Recorded {
		t.Fatalf("results = %+v", rs)
	}
	if len(out) != 2 || out[0].Holder != "alice" || out[0].Status != "sent" || out[1].Holder != "dan" || out[1].Status != "failed" || !strings.Contains(out[1].Detail, "550") {
		t.Fatalf("outcomes = %+v", out)
	}
	got := s.messages()
	if len(got) != 1 || got[0].to != "alice@example.com" || got[0].from != "secretary@quintus.example" {
		t.Fatalf("server received %+v", got)
	}
	data := got[0].data
	for _, want := range []string{"Subject: =?utf-8?q?Notice_of_Annual_Meeting_of_Stockholders", "IMPORTANT NOTICE REGARDING YOUR SHARES", "June 18, 2024", "Content-Type: application/pdf", "filename=\"notice-m24-alice.pdf\"", "Message-ID: <m24.alice.2024-05-20@quintus>"} {
		if !strings.Contains(data, want) {
			t.Errorf("message lacks %q:\n%s", want, data[:min(len(data), 1500)])
		}
	}
	rec, err := svc.StockholderMeetingRecord(ctx, "quintus", "m24")
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Deliveries) != 2 || rec.Deliveries[0].Status != "sent" || rec.Deliveries[1].Status != "failed" || !strings.Contains(rec.Deliveries[0].Detail, "accepted by 127.0.0.1") {
		t.Errorf("delivery log = %+v", rec.Deliveries)
	}
	// Naming Bob, who objected, is refused before anything is sent.
	req.Holders = []string{"bob"}
	rs, out, err = notify.EmailNotice(ctx, svc, req, &notify.SMTP{Addr: s.addr}, fixed)
	if err != nil || rs[0].Status != acts.Refused || out != nil || len(s.messages()) != 1 {
		t.Errorf("e-mail to bob: %+v %+v %v (%d messages)", rs, out, err, len(s.messages()))
	}
	// A notice too late (9 days before) sends nothing.
	req.Holders, req.Given = nil, corp.MustDate(2024, 6, 9)
	rs, _, err = notify.EmailNotice(ctx, svc, req, &notify.SMTP{Addr: s.addr}, fixed)
	if err != nil || rs[0].Status != acts.Refused || len(s.messages()) != 1 {
		t.Errorf("late notice: %+v %v", rs, err)
	}
	// An unreachable server: every message fails and is logged as failed.
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	dead := ln.Addr().String()
	ln.Close()
	req.Given = corp.MustDate(2024, 5, 21)
	rs, out, err = notify.EmailNotice(ctx, svc, req, &notify.SMTP{Addr: dead}, fixed)
	if err != nil || rs[0].Status != acts.Recorded || len(out) != 2 || out[0].Status != "failed" {
		t.Errorf("dead server: %+v %+v %v", rs, out, err)
	}
}

// TestEncode pins the message's shape: headers, the text part and the
// base64 attachment in lines of 76.
func TestEncode(t *testing.T) {
	t.Parallel()
	b := string(notify.Encode(notify.Message{From: "a@x", To: "b@y", Subject: "Notice — meeting", Date: fixed, ID: "m.b@c", Body: "hello\r\n", Attachment: make([]byte, 100), Name: "n.pdf"}))
	for _, want := range []string{"From: a@x\r\n", "To: b@y\r\n", "Subject: =?utf-8?q?Notice_=E2=80=94_meeting?=\r\n", "Date: Mon, 20 May 2024 16:00:00 +0000\r\n",
		"Content-Type: multipart/mixed; boundary=\"minutebook-m-b-c\"\r\n", "\r\nhello\r\n", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\r\n", "--minutebook-m-b-c--\r\n"} {
		if !strings.Contains(b, want) {
			t.Errorf("encoded message lacks %q:\n%s", want, b)
		}
	}
}
