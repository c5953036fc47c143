package notify_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"strings"
	"testing"
	"time"

	"minutebook/internal/notify"
)

// selfSigned returns a server certificate for name, signed by itself,
// and a pool that trusts it.
func selfSigned(t *testing.T, name string) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: name}, DNSNames: []string{name},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: cert}, pool
}

// TestSMTPSecurity sends one message through sinks that offer STARTTLS,
// speak TLS from the start, or neither, with and without AUTH PLAIN, with
// a self-signed certificate for mail.test (the client dials 127.0.0.1 and
// checks the certificate and binds the login to ServerName). Credentials
// never cross an unencrypted connection to a non-loopback name: net/smtp's
// PlainAuth refuses (it allows only localhost, 127.0.0.1 and ::1 without
// TLS), and the sink too refuses AUTH before STARTTLS.
func TestSMTPSecurity(t *testing.T) {
	t.Parallel()
	cert, pool := selfSigned(t, "mail.test")
	serverTLS := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	trusted := &tls.Config{RootCAs: pool}
	msg := notify.Message{From: "secretary@quintus.example", To: "alice@example.com", Subject: "Notice", Date: fixed, ID: "1@quintus.example", Body: "hello\r\n"}
	for _, c := range []struct {
		name    string
		sink    *sink
		client  notify.SMTP
		err     string // fragment of the error, "" for success
		tls     bool
		user    string
		summary string
	}{
		{name: "STARTTLS and PLAIN", sink: &sink{tls: serverTLS, user: "mb", pass: "s3cret"},
			client: notify.SMTP{Security: notify.StartTLS, ServerName: "mail.test", TLS: trusted, Username: "mb", Password: "s3cret"}, tls: true, user: "mb", summary: "over TLS"},
		{name: "implicit TLS and PLAIN", sink: &sink{tls: serverTLS, implicit: true, user: "mb", pass: "s3cret"},
			client: notify.SMTP{Security: notify.ImplicitTLS, ServerName: "mail.test", TLS: trusted, Username: "mb", Password: "s3cret"}, tls: true, user: "mb", summary: "over TLS"},
		{name: "opportunistic upgrades when offered", sink: &sink{tls: serverTLS},
			client: notify.SMTP{ServerName: "mail.test", TLS: trusted}, tls: true, summary: "over TLS"},
		{name: "opportunistic stays in the clear when not offered", sink: &sink{},
			client: notify.SMTP{ServerName: "mail.test"}, summary: "accepted by"},
		{name: "no login in the clear to a non-loopback name", sink: &sink{user: "mb", pass: "s3cret"},
			client: notify.SMTP{Security: notify.Plain, ServerName: "mail.test", Username: "mb", Password: "s3cret"}, err: "unencrypted connection"},
		{name: "the sink refuses a login in the clear to a loopback name", sink: &sink{user: "mb", pass: "s3cret"},
			client: notify.SMTP{Security: notify.Plain, Username: "mb", Password: "s3cret"}, err: "Must issue a STARTTLS command first"},
		{name: "STARTTLS required but not offered", sink: &sink{},
			client: notify.SMTP{Security: notify.StartTLS, ServerName: "mail.test", TLS: trusted}, err: "does not offer STARTTLS"},
		{name: "an untrusted certificate", sink: &sink{tls: serverTLS},
			client: notify.SMTP{Security: notify.StartTLS, ServerName: "mail.test"}, err: "certificate"},
		{name: "a certificate for another name", sink: &sink{tls: serverTLS, implicit: true},
			client: notify.SMTP{Security: notify.ImplicitTLS, ServerName: "other.test", TLS: trusted}, err: "certificate"},
		{name: "a wrong password", sink: &sink{tls: serverTLS, user: "mb", pass: "s3cret"},
			client: notify.SMTP{Security: notify.StartTLS, ServerName: "mail.test", TLS: trusted, Username: "mb", Password: "guess"}, err: "535"},
		{name: "an unknown security", sink: &sink{},
			client: notify.SMTP{Security: "ssl"}, err: "not an SMTP security"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := startSinkWith(t, &sink{tls: c.sink.tls, implicit: c.sink.implicit, user: c.sink.user, pass: c.sink.pass})
			cl := c.client
			cl.Addr = s.addr
			got, err := cl.Send(context.Background(), msg)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("Send = %q, %v; want an error with %q", got, err, c.err)
				}
				if n := len(s.messages()); n != 0 {
					t.Errorf("the sink received %d messages", n)
				}
				return
			}
			if err != nil || !strings.Contains(got, c.summary) {
				t.Fatalf("Send = %q, %v; want %q", got, err, c.summary)
			}
			ms := s.messages()
			if len(ms) != 1 || ms[0].tls != c.tls || ms[0].user != c.user || ms[0].to != "alice@example.com" || !strings.Contains(ms[0].data, "hello") {
				t.Errorf("received %+v, want one message, tls %t, user %q", ms, c.tls, c.user)
			}
		})
	}
}

func TestParseSecurity(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "starttls", "tls", "none"} {
		if got, err := notify.ParseSecurity(s); err != nil || string(got) != s {
			t.Errorf("ParseSecurity(%q) = %q, %v", s, got, err)
		}
	}
	if _, err := notify.ParseSecurity("STARTTLS"); err == nil {
		t.Errorf("ParseSecurity(STARTTLS) accepted")
	}
}
