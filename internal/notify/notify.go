// Package notify gives notice of a stockholders' meeting by e-mail
// (Art. II §3, §6; Art. IV §1; DGCL §232(a)): it writes each holder's
// notice (the text with the prominent legend, and the notice as a PDF),
// sends it through an SMTP client (net/smtp), and records the notice on
// the one act path as a meeting.notice act whose deliveries say which
// messages the server accepted, so that the delivery log holds every one.
//
// It is an adapter around acts: it imports acts, forms, pdf and the
// standard library, and never a store (STYLE.md rule 3).
package notify

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/base64"
	"fmt"
	"mime"
	"net"
	"net/smtp"
	"strings"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/forms"
	"minutebook/internal/pdf"
)

// Message is one e-mail.
type Message struct {
	From, To, Subject string
	Date              time.Time
	ID                string // the Message-ID, without angle brackets
	Body              string // plain text, CRLF line ends
	// Attachment is a PDF attached as Name.
	Attachment []byte
	Name       string
}

// Sender sends one message and returns the server's acceptance, or an
// error when the server refused it or could not be reached.
type Sender interface {
	Send(ctx context.Context, m Message) (string, error)
}

// Security says how an SMTP connection is protected.
type Security string

// The kinds of connection security.
const (
	// Opportunistic (the zero value) upgrades with STARTTLS when the server
	// offers it, else stays in the clear; it never logs in in the clear
	// (net/smtp refuses PLAIN without TLS except to a loopback name).
	Opportunistic Security = ""
	// StartTLS requires the STARTTLS upgrade (RFC 3207; port 587): a
	// server that does not offer it is refused before anything is sent.
	StartTLS Security = "starttls"
	// ImplicitTLS speaks TLS from the first byte (RFC 8314; port 465).
	ImplicitTLS Security = "tls"
	// Plain never uses TLS: a relay on the same host, or a test sink.
	Plain Security = "none"
)

// ParseSecurity reads a Security from its name ("" is Opportunistic).
func ParseSecurity(s string) (Security, error) {
	switch Security(s) {
	case Opportunistic, StartTLS, ImplicitTLS, Plain:
		return Security(s), nil
	}
	return "", fmt.Errorf("%q is not an SMTP security (starttls, tls or none; empty for STARTTLS when offered)", s)
}

// SMTP sends mail through an SMTP server with net/smtp, one connection per
// message (so a refused recipient never affects the next).
type SMTP struct {
	Addr     string   // host:port
	Hello    string   // the name given in EHLO; default "localhost"
	Security Security // how the connection is protected
	// ServerName is the name the server's certificate must carry and
	// the PLAIN login is bound to; default the host of Addr.
	ServerName string
	// TLS is the client's TLS configuration (its RootCAs, for a server
	// whose certificate the system does not trust); nil: the system's
	// roots. Its ServerName is set from ServerName when empty.
	TLS *tls.Config
	// Username and Password log in with AUTH PLAIN (RFC 4616) when
	// Username is set, only over TLS or to a loopback server (net/smtp).
	Username, Password string
	// Auth is another mechanism, used when Username is empty.
	Auth smtp.Auth
}

// serverName is the name the certificate and the login are checked for.
func (s *SMTP) serverName() string {
	if s.ServerName != "" {
		return s.ServerName
	}
	host, _, err := net.SplitHostPort(s.Addr)
	if err != nil {
		return s.Addr
	}
	return host
}

// tlsConfig is the TLS configuration of a connection to the server.
func (s *SMTP) tlsConfig() *tls.Config {
	c := &tls.Config{}
	if s.TLS != nil {
		c = s.TLS.Clone()
	}
	if c.ServerName == "" {
		c.ServerName = s.serverName()
	}
	if c.MinVersion == 0 {
		c.MinVersion = tls.VersionTLS12
	}
	return c
}

// dial connects to the server, in TLS from the start under ImplicitTLS.
func (s *SMTP) dial(ctx context.Context) (*smtp.Client, error) {
	d := &net.Dialer{Timeout: 30 * time.Second}
	var conn net.Conn
	var err error
	if s.Security == ImplicitTLS {
		conn, err = (&tls.Dialer{NetDialer: d, Config: s.tlsConfig()}).DialContext(ctx, "tcp", s.Addr)
	} else {
		conn, err = d.DialContext(ctx, "tcp", s.Addr)
	}
	if err != nil {
		return nil, err
	}
	c, err := smtp.NewClient(conn, s.serverName())
	if err != nil {
		conn.Close()
		return nil, err
	}
	return c, nil
}

// Send implements Sender.
func (s *SMTP) Send(ctx context.Context, m Message) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	if _, err := ParseSecurity(string(s.Security)); err != nil {
		return "", err
	}
	c, err := s.dial(ctx)
	if err != nil {
		return "", err
	}
	defer c.Close()
	hello := s.Hello
	if hello == "" {
		hello = "localhost"
	}
	if err := c.Hello(hello); err != nil {
		return "", err
	}
	secured := s.Security == ImplicitTLS
	if s.Security == StartTLS || s.Security == Opportunistic {
		if ok, _ := c.Extension("STARTTLS"); ok {
			if err := c.StartTLS(s.tlsConfig()); err != nil {
				return "", fmt.Errorf("STARTTLS with %s: %w", s.Addr, err)
			}
			secured = true
		} else if s.Security == StartTLS {
			return "", fmt.Errorf("%s does not offer STARTTLS, which the configuration requires (security starttls)", s.Addr)
		}
	}
	auth := s.Auth
	if s.Username != "" {
		auth = smtp.PlainAuth("", s.Username, s.Password, s.serverName())
	}
	if auth != nil {
		if err := c.Auth(auth); err != nil {
			if !secured {
				return "", fmt.Errorf("login to %s without TLS: %w (use security starttls or tls)", s.Addr, err)
			}
			return "", fmt.Errorf("login to %s: %w", s.Addr, err)
		}
	}
	if err := c.Mail(m.From); err != nil {
		return "", err
	}
	if err := c.Rcpt(m.To); err != nil {
		return "", err
	}
	w, err := c.Data()
	if err != nil {
		return "", err
	}
	if _, err := w.Write(Encode(m)); err != nil {
		return "", err
	}
	if err := w.Close(); err != nil {
		return "", err
	}
	if err := c.Quit(); err != nil {
		return "", err
	}
	how := ""
	if secured {
		how = " over TLS"
	}
	return "accepted by " + s.Addr + how + " as <" + m.ID + ">", nil
}

// Encode writes m as an RFC 5322 message: headers, then a multipart/mixed
// body with the text and, when there is one, the PDF attachment in base64.
func Encode(m Message) []byte {
	var b bytes.Buffer
	boundary := "minutebook-" + strings.NewReplacer("@", "-", ".", "-").Replace(m.ID)
	h := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	h("From", m.From)
	h("To", m.To)
	h("Subject", mime.QEncoding.Encode("utf-8", m.Subject))
	h("Date", m.Date.Format(time.RFC1123Z))
	h("Message-ID", "<"+m.ID+">")
	h("MIME-Version", "1.0")
	if m.Attachment == nil {
		h("Content-Type", "text/plain; charset=utf-8")
		h("Content-Transfer-Encoding", "8bit")
		b.WriteString("\r\n" + m.Body)
		return b.Bytes()
	}
	h("Content-Type", `multipart/mixed; boundary="`+boundary+`"`)
	b.WriteString("\r\n--" + boundary + "\r\n")
	b.WriteString("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
	b.WriteString(m.Body)
	b.WriteString("\r\n--" + boundary + "\r\n")
	fmt.Fprintf(&b, "Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=%q\r\n\r\n", m.Name)
	enc := base64.StdEncoding.EncodeToString(m.Attachment)
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n--" + boundary + "--\r\n")
	return b.Bytes()
}

// Request is a notice of meeting to be given by e-mail.
type Request struct {
	Corporation string
	Meeting     string
	Given       corp.Date  // the day the e-mails are sent: the notice's date
	Actor       corp.Actor // who gives it (the secretary, Art. V §11)
	From        string     // the sender's address
	// Holders limits the notice to these holders; default every holder
	// entitled to vote who has an e-mail address and has not objected.
	Holders []string
}

// Outcome is what happened to one holder's e-mail.
type Outcome struct {
	Holder, Address, Status, Detail string
}

// EmailNotice gives notice of a meeting by e-mail. It checks the notice
// first without recording it (a dry run: the window, the content, the
// holders' consent or objection); only if every check holds does it send,
// one message per holder through sender, and then record the meeting.notice
// act with each message's outcome (only those the server accepted count as
// notice). now dates the messages (the composition root's clock).
func EmailNotice(ctx context.Context, svc *acts.Service, req Request, sender Sender, now time.Time) ([]acts.Result, []Outcome, error) {
	facts, err := svc.MeetingNoticeFacts(ctx, req.Corporation, req.Meeting, req.Given)
	if err != nil {
		return nil, nil, err
	}
	want := map[string]bool{}
	for _, h := range req.Holders {
		want[h] = true
	}
	var targets []acts.NoticeHolder
	for _, h := range facts.Holders {
		if len(want) > 0 && !want[h.Person.ID] {
			continue
		}
		if len(want) == 0 && (h.Electronic == "objected" || h.Person.Email == "") {
			continue // by mail instead (DGCL §232(a)): not sent, not recorded here
		}
		targets = append(targets, h)
	}
	if len(targets) == 0 {
		return nil, nil, corp.E("email-notice", corp.Invalid, "no holder entitled to notice of %s has an e-mail address and has not objected", req.Meeting)
	}
	act := func(deliveries []acts.DeliveryField) *acts.Act {
		f := &acts.StockholderNoticeFields{Meeting: req.Meeting, Method: "email", Legend: true, Deliveries: deliveries}
		for _, h := range targets {
			f.Holders = append(f.Holders, h.Person.ID)
		}
		return &acts.Act{Kind: acts.GiveStockholderNotice, Effective: req.Given, Actor: req.Actor, Fields: f, Source: "email-notice"}
	}
	rs, err := svc.Apply(ctx, req.Corporation, []*acts.Act{act(nil)}, acts.Options{DryRun: true})
	if err != nil || rs[0].Status != acts.Checked {
		return rs, nil, err
	}
	var out []Outcome
	var deliveries []acts.DeliveryField
	for _, h := range targets {
		subject, body := forms.EmailNotice(facts, h)
		var pdfBuf bytes.Buffer
		if err := pdf.Render(&pdfBuf, forms.MeetingNotice(facts, &h)); err != nil {
			return nil, nil, err
		}
		m := Message{From: req.From, To: h.Person.Email, Subject: subject, Date: now, Body: body,
			ID:         fmt.Sprintf("%s.%s.%s@%s", req.Meeting, h.Person.ID, req.Given, req.Corporation),
			Attachment: pdfBuf.Bytes(), Name: fmt.Sprintf("notice-%s-%s.pdf", req.Meeting, h.Person.ID)}
		o := Outcome{Holder: h.Person.ID, Address: h.Person.Email, Status: "sent"}
		detail, err := sender.Send(ctx, m)
		if err != nil {
			o.Status, o.Detail = "failed", err.Error()
		} else {
			o.Detail = detail
		}
		out = append(out, o)
		deliveries = append(deliveries, acts.DeliveryField{Holder: o.Holder, Address: o.Address, Status: o.Status, Detail: o.Detail})
	}
	rs, err = svc.Apply(ctx, req.Corporation, []*acts.Act{act(deliveries)}, acts.Options{})
	return rs, out, err
}
