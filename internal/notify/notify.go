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
	"encoding/base64"
	"fmt"
	"mime"
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

// SMTP sends mail through an SMTP server with net/smtp, one connection per
// message (so a refused recipient never affects the next).
type SMTP struct {
	Addr  string    // host:port
	Hello string    // the name given in EHLO; default "localhost"
	Auth  smtp.Auth // optional (PLAIN needs TLS or a loopback server)
}

// Send delivers m to the server.
func (s *SMTP) Send(ctx context.Context, m Message) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	c, err := smtp.Dial(s.Addr)
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
	if s.Auth != nil {
		if err := c.Auth(s.Auth); err != nil {
			return "", err
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
	return "accepted by " + s.Addr + " as <" + m.ID + ">", nil
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
