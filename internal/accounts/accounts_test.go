package accounts_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"minutebook/internal/access"
	"minutebook/internal/accounts"
	"minutebook/internal/corp"
	"minutebook/internal/postgres"
	"minutebook/internal/sqlite"
	"minutebook/internal/tables"
	"minutebook/internal/testdb"
)

// clock is a settable test clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// chacha is a deterministic random source for tests.
type chacha struct{ r *rand.ChaCha8 }

func (c chacha) Read(p []byte) (int, error) { return c.r.Read(p) }

// eachStore runs fn on a fresh SQLite store and a fresh PostgreSQL store.
func eachStore(t *testing.T, fn func(t *testing.T, st tables.Store)) {
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		st, err := sqlite.Open(context.Background(), testdb.SQLitePath(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		fn(t, st)
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		st, err := postgres.Open(context.Background(), testdb.Postgres(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		fn(t, st)
	})
}

func newService(st tables.Store, c *clock) *accounts.Service {
	return &accounts.Service{Store: st, Clock: c.now, Random: chacha{rand.NewChaCha8([32]byte{7})}, Hashing: accounts.TestHashing}
}

func TestLoginSessionsAndGrants(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, st tables.Store) {
		ctx := context.Background()
		c := &clock{time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)}
		s := newService(st, c)
		id, err := s.Create(ctx, " Alice@Quintus.Example ", "Alice Secretary", "correct horse battery", false)
		if err != nil {
			t.Fatal(err)
		}
		if id != "alice@quintus.example" {
			t.Fatalf("Create id = %q, want the address in lower case", id)
		}
		if _, err := s.Create(ctx, "alice@quintus.example", "Again", "correct horse battery", false); corp.KindOf(err) != corp.Conflict {
			t.Fatalf("second Create = %v, want a conflict", err)
		}
		if _, err := s.Create(ctx, "bob@quintus.example", "Bob", "short", false); corp.KindOf(err) != corp.Invalid {
			t.Fatalf("Create with a 5-character password = %v, want invalid", err)
		}
		if err := s.Grant(ctx, id, "quintus", access.Secretary, ""); err != nil {
			t.Fatal(err)
		}
		if err := s.Grant(ctx, id, "beta", access.Stockholder, ""); corp.KindOf(err) != corp.Invalid {
			t.Fatalf("a stockholder grant without a person = %v, want invalid", err)
		}
		if err := s.Grant(ctx, id, "beta", access.Stockholder, "alice"); err != nil {
			t.Fatal(err)
		}

		if _, _, err := s.Login(ctx, id, "wrong password!!", "", "10.0.0.1"); !errors.Is(err, accounts.ErrCredentials) {
			t.Fatalf("Login with a wrong password = %v, want ErrCredentials", err)
		}
		token, p, err := s.Login(ctx, "ALICE@quintus.example", "correct horse battery", "", "10.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Corporations(); len(got) != 2 || got[0] != "beta" || got[1] != "quintus" {
			t.Fatalf("Corporations() = %v, want [beta quintus] (grants in key order)", got)
		}
		if g, ok := p.Has("quintus", access.Secretary); !ok || g.Person != "" {
			t.Fatalf("Has(quintus, secretary) = %v, %v", g, ok)
		}
		if p.Person("beta") != "alice" {
			t.Fatalf("Person(beta) = %q, want alice", p.Person("beta"))
		}

		// Idle timeout: 29 minutes later the session holds and is renewed;
		// 31 minutes after that renewal it has ended.
		c.t = c.t.Add(29 * time.Minute)
		if _, err := s.Session(ctx, token); err != nil {
			t.Fatalf("Session after 29 minutes: %v", err)
		}
		c.t = c.t.Add(31 * time.Minute)
		if _, err := s.Session(ctx, token); !errors.Is(err, accounts.ErrSession) {
			t.Fatalf("Session 31 idle minutes later = %v, want ErrSession", err)
		}

		// Absolute timeout: used every 20 minutes, the session still ends
		// 12 hours after login.
		token, _, err = s.Login(ctx, id, "correct horse battery", "", "10.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		start := c.t
		for c.t.Sub(start) < 12*time.Hour {
			if _, err := s.Session(ctx, token); err != nil {
				t.Fatalf("Session %v after login: %v", c.t.Sub(start), err)
			}
			c.t = c.t.Add(20 * time.Minute)
		}
		if _, err := s.Session(ctx, token); !errors.Is(err, accounts.ErrSession) {
			t.Fatalf("Session %v after login = %v, want ErrSession", c.t.Sub(start), err)
		}

		// Changing the password ends every session.
		token, _, err = s.Login(ctx, id, "correct horse battery", "", "10.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetPassword(ctx, id, "a new long passphrase"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Session(ctx, token); !errors.Is(err, accounts.ErrSession) {
			t.Fatalf("Session after a password change = %v, want ErrSession", err)
		}
		if err := s.Logout(ctx, token); err != nil {
			t.Fatal(err)
		}
	})
}

func TestLoginRateLimit(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, st tables.Store) {
		ctx := context.Background()
		c := &clock{time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)}
		s := newService(st, c)
		id, err := s.Create(ctx, "carol@quintus.example", "Carol", "correct horse battery", false)
		if err != nil {
			t.Fatal(err)
		}
		// Five attempts pass the account's limit (wrong password); the
		// sixth within the same instant is refused even with the right one.
		for i := range 5 {
			if _, _, err := s.Login(ctx, id, "wrong password!!", "", "10.0.0.2"); !errors.Is(err, accounts.ErrCredentials) {
				t.Fatalf("attempt %d = %v, want ErrCredentials", i+1, err)
			}
		}
		if _, _, err := s.Login(ctx, id, "correct horse battery", "", "10.0.0.3"); !errors.Is(err, accounts.ErrRateLimited) {
			t.Fatalf("sixth attempt = %v, want ErrRateLimited", err)
		}
		// One attempt comes back every 12 seconds.
		c.t = c.t.Add(12 * time.Second)
		if _, _, err := s.Login(ctx, id, "correct horse battery", "", "10.0.0.3"); err != nil {
			t.Fatalf("attempt 12 s later: %v", err)
		}
		// Per address: 20 attempts from one address at different accounts,
		// then the 21st is refused.
		for i := range 20 {
			if _, _, err := s.Login(ctx, "nobody"+string(rune('a'+i))+"@example.com", "whatever password", "", "10.9.9.9"); !errors.Is(err, accounts.ErrCredentials) {
				t.Fatalf("address attempt %d = %v, want ErrCredentials", i+1, err)
			}
		}
		if _, _, err := s.Login(ctx, "other@example.com", "whatever password", "", "10.9.9.9"); !errors.Is(err, accounts.ErrRateLimited) {
			t.Fatalf("21st attempt from one address = %v, want ErrRateLimited", err)
		}
	})
}

func TestTOTP(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, st tables.Store) {
		ctx := context.Background()
		c := &clock{time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)}
		s := newService(st, c)
		id, err := s.Create(ctx, "ian@quintus.example", "Ian Inspector", "correct horse battery", false)
		if err != nil {
			t.Fatal(err)
		}
		secret, url, err := s.EnrollTOTP(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(url) < 20 || url[:15] != "otpauth://totp/" {
			t.Fatalf("EnrollTOTP url = %q", url)
		}
		if err := s.ConfirmTOTP(ctx, id, secret, "000000x"); !errors.Is(err, accounts.ErrTOTP) {
			t.Fatalf("ConfirmTOTP with a bad code = %v", err)
		}
		code, _ := accounts.TOTPCode(secret, c.t)
		if err := s.ConfirmTOTP(ctx, id, secret, code); err != nil {
			t.Fatal(err)
		}
		c.t = c.t.Add(15 * time.Second) // one code per attempt window
		if _, _, err := s.Login(ctx, id, "correct horse battery", "", "10.0.0.4"); !errors.Is(err, accounts.ErrTOTP) {
			t.Fatalf("Login without the code = %v, want ErrTOTP", err)
		}
		// A code from two steps ago (60 s) is outside the skew of one step.
		old, _ := accounts.TOTPCode(secret, c.t.Add(-75*time.Second))
		now, _ := accounts.TOTPCode(secret, c.t)
		if old != now {
			if _, _, err := s.Login(ctx, id, "correct horse battery", old, "10.0.0.4"); !errors.Is(err, accounts.ErrTOTP) {
				t.Fatalf("Login with a 75-second-old code = %v, want ErrTOTP", err)
			}
		}
		token, p, err := s.Login(ctx, id, "correct horse battery", now, "10.0.0.4")
		if err != nil {
			t.Fatal(err)
		}
		if !p.MFA {
			t.Fatal("Login with the code: MFA = false")
		}
		if p2, err := s.Session(ctx, token); err != nil || !p2.MFA {
			t.Fatalf("Session: %v, MFA %v", err, p2 != nil && p2.MFA)
		}
	})
}

func FuzzParsePHC(f *testing.F) {
	h, _ := accounts.TestHashing.Hash(chacha{rand.NewChaCha8([32]byte{1})}, "seed password")
	f.Add(h)
	f.Add("$argon2id$v=19$m=65536,t=3,p=2$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5")
	f.Add("$argon2i$v=19$m=1,t=1,p=1$$")
	f.Fuzz(func(t *testing.T, s string) {
		p, salt, key, err := accounts.ParsePHC(s)
		if err != nil {
			return
		}
		if p.Memory > 1<<16 {
			return // valid but too costly to verify in a fuzz loop
		}
		if len(salt) < 8 || len(key) < 16 || p.Threads == 0 {
			t.Fatalf("ParsePHC(%q) accepted salt %d, key %d, threads %d", s, len(salt), len(key), p.Threads)
		}
		if _, err := p.Verify(s, "x"); err != nil {
			t.Fatalf("Verify of a parsed hash: %v", err)
		}
	})
}
