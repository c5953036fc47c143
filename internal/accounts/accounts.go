package accounts

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/mail"
	"strings"
	"sync"
	"time"

	"github.com/pquerna/otp/totp"
	"golang.org/x/time/rate"

	"minutebook/internal/access"
	"minutebook/internal/corp"
	"minutebook/internal/tables"
)

// Service keeps the accounts, their grants and their sessions in a store,
// in the scope tables.AccountsScope.
type Service struct {
	Store tables.Store
	// Clock tells the time; sessions' timeouts and TOTP codes use it.
	Clock func() time.Time
	// Random supplies session tokens, salts and TOTP secrets
	// (crypto/rand.Reader when nil).
	Random io.Reader
	// Hashing sets the argon2id parameters (DefaultHashing when zero).
	Hashing Hashing
	// IdleTimeout ends a session not used for this long (30 minutes when
	// zero); AbsoluteTimeout ends any session this long after login (12
	// hours when zero).
	IdleTimeout, AbsoluteTimeout time.Duration

	mu       sync.Mutex
	limiters map[string]*rate.Limiter
	// dummy is a hash verified against when there is no such account, so
	// that timing does not tell which addresses have accounts.
	dummy     string
	dummyOnce sync.Once

	// sessions and mfa cache what Session and MFARequired read, for
	// cacheFor: every request asks both, and they change rarely. Any write
	// through this Service clears both; another process's write (a second
	// server on the same PostgreSQL database) takes effect within cacheFor.
	sessions map[string]cachedSession
	mfa      map[string]cachedSetting
}

// cacheFor is how long a session or a setting read is reused.
const cacheFor = time.Second

type cachedSession struct {
	p             access.Principal
	created, seen time.Time
	read          time.Time
}

type cachedSetting struct {
	on   bool
	read time.Time
}

// update runs fn in a write transaction on the accounts' scope and clears
// the caches.
func (s *Service) update(ctx context.Context, fn func(tables.Tx) error) error {
	err := s.Store.Update(ctx, tables.AccountsScope, fn)
	s.mu.Lock()
	s.sessions, s.mfa = nil, nil
	s.mu.Unlock()
	return err
}

// The errors of logging in. Their messages are safe to show.
var (
	ErrCredentials = corp.E("login", corp.Unauthenticated, "the e-mail address or the password is wrong")
	ErrTOTP        = corp.E("login", corp.Unauthenticated, "the one-time code (TOTP) is wrong or missing")
	ErrRateLimited = corp.E("login", corp.RateLimited, "too many login attempts: wait a minute and try again")
	ErrSession     = corp.E("session", corp.Unauthenticated, "not logged in, or the session has ended")
)

// Login limits: per account and per remote address, a burst and then one
// attempt per interval.
const (
	accountBurst    = 5
	accountInterval = 12 * time.Second // 5 a minute
	addressBurst    = 20
	addressInterval = 3 * time.Second // 20 a minute
	seenResolution  = time.Minute     // a session's last use is written at most this often
)

func (s *Service) now() time.Time { return s.Clock().UTC() }

func (s *Service) random() io.Reader {
	if s.Random != nil {
		return s.Random
	}
	return rand.Reader
}

func (s *Service) idle() time.Duration {
	if s.IdleTimeout > 0 {
		return s.IdleTimeout
	}
	return 30 * time.Minute
}

func (s *Service) absolute() time.Duration {
	if s.AbsoluteTimeout > 0 {
		return s.AbsoluteTimeout
	}
	return 12 * time.Hour
}

// Account is one login.
type Account struct {
	ID       string // the e-mail address, lower case
	Name     string
	Admin    bool
	TOTP     bool // a second factor is set up
	Created  time.Time
	Disabled bool
}

// NormalizeEmail checks an e-mail address and returns it in lower case.
func NormalizeEmail(email string) (string, error) {
	a, err := mail.ParseAddress(strings.TrimSpace(email))
	if err != nil || a.Name != "" || !strings.Contains(a.Address, "@") {
		return "", corp.E("account", corp.Invalid, "email: %q is not an e-mail address", email)
	}
	return strings.ToLower(a.Address), nil
}

// Create adds an account with a password. It refuses an address already
// in use and a password shorter than 12 characters.
func (s *Service) Create(ctx context.Context, email, name, password string, admin bool) (string, error) {
	id, err := NormalizeEmail(email)
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(name) == "" {
		return "", corp.E("account", corp.Invalid, "name: required")
	}
	if err := checkPassword(password); err != nil {
		return "", err
	}
	hash, err := s.Hashing.orDefault().Hash(s.random(), password)
	if err != nil {
		return "", err
	}
	err = s.update(ctx, func(tx tables.Tx) error {
		if _, ok, err := tx.Get(tables.Accounts, id); err != nil {
			return err
		} else if ok {
			return corp.E("account", corp.Conflict, "email: an account for %s already exists", id)
		}
		return tx.Put(tables.Accounts, tables.Row{id, name, hash, "", boolInt(admin), s.now().Format(time.RFC3339), ""})
	})
	return id, err
}

func checkPassword(pw string) error {
	if n := len([]rune(pw)); n < 12 {
		return corp.E("account", corp.Invalid, "password: at least 12 characters, got %d", n)
	}
	if len(pw) > 1024 {
		return corp.E("account", corp.Invalid, "password: at most 1024 bytes")
	}
	return nil
}

// SetPassword replaces an account's password and ends its sessions.
func (s *Service) SetPassword(ctx context.Context, account, password string) error {
	if err := checkPassword(password); err != nil {
		return err
	}
	hash, err := s.Hashing.orDefault().Hash(s.random(), password)
	if err != nil {
		return err
	}
	return s.update(ctx, func(tx tables.Tx) error {
		row, ok, err := tx.Get(tables.Accounts, account)
		if err != nil {
			return err
		}
		if !ok {
			return corp.E("account", corp.NotFound, "no account %s", account)
		}
		row = append(tables.Row(nil), row...)
		row[2] = hash
		if err := tx.Put(tables.Accounts, row); err != nil {
			return err
		}
		return endSessions(tx, account)
	})
}

func endSessions(tx tables.Tx, account string) error {
	var ended []string
	err := tx.Scan(tables.Sessions, nil, func(r tables.Row) error {
		if r[1].(string) == account {
			ended = append(ended, r[0].(string))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, h := range ended {
		if err := tx.Delete(tables.Sessions, h); err != nil {
			return err
		}
	}
	return nil
}

// Grant gives an account a role in a corporation, acting as person ("" for
// none). A stockholder, director, officer or inspector must name the
// corporation's person they are.
func (s *Service) Grant(ctx context.Context, account, corpID string, role access.Role, person string) error {
	if !role.Valid() {
		return corp.E("grant", corp.Invalid, "role: %q is not a role (one of %v)", role, access.Roles)
	}
	if person == "" && role != access.Secretary && role != access.Auditor {
		return corp.E("grant", corp.Invalid, "person: a %s acts as one of the corporation's persons", role)
	}
	return s.update(ctx, func(tx tables.Tx) error {
		if _, ok, err := tx.Get(tables.Accounts, account); err != nil {
			return err
		} else if !ok {
			return corp.E("grant", corp.NotFound, "account: no account %s", account)
		}
		return tx.Put(tables.AccountGrants, tables.Row{account, corpID, string(role), person, s.now().Format(time.RFC3339)})
	})
}

// Revoke takes a role away.
func (s *Service) Revoke(ctx context.Context, account, corpID string, role access.Role) error {
	return s.update(ctx, func(tx tables.Tx) error {
		return tx.Delete(tables.AccountGrants, account, corpID, string(role))
	})
}

// SetMFARequired turns on (or off) the requirement that the corporation's
// secretaries, inspectors and directors verify a TOTP code at login.
func (s *Service) SetMFARequired(ctx context.Context, corpID string, on bool) error {
	return s.update(ctx, func(tx tables.Tx) error {
		return tx.Put(tables.CorporationSettings, tables.Row{corpID, "mfa_required", fmt.Sprint(on)})
	})
}

// MFARequired reports whether the corporation requires the second factor.
func (s *Service) MFARequired(ctx context.Context, corpID string) (bool, error) {
	now := s.now()
	s.mu.Lock()
	c, ok := s.mfa[corpID]
	s.mu.Unlock()
	if ok && now.Sub(c.read) < cacheFor {
		return c.on, nil
	}
	var on bool
	err := s.Store.View(ctx, tables.AccountsScope, func(v tables.View) error {
		r, ok, err := v.Get(tables.CorporationSettings, corpID, "mfa_required")
		on = ok && r[2].(string) == "true"
		return err
	})
	if err == nil {
		s.mu.Lock()
		if s.mfa == nil {
			s.mfa = map[string]cachedSetting{}
		}
		s.mfa[corpID] = cachedSetting{on: on, read: now}
		s.mu.Unlock()
	}
	return on, err
}

// Accounts lists every account.
func (s *Service) Accounts(ctx context.Context) ([]Account, error) {
	var out []Account
	err := s.Store.View(ctx, tables.AccountsScope, func(v tables.View) error {
		return v.Scan(tables.Accounts, nil, func(r tables.Row) error {
			out = append(out, accountOf(r))
			return nil
		})
	})
	return out, err
}

// Account returns one account, by its e-mail address (lower case).
func (s *Service) Account(ctx context.Context, id string) (Account, error) {
	var a Account
	err := s.Store.View(ctx, tables.AccountsScope, func(v tables.View) error {
		r, ok, err := v.Get(tables.Accounts, id)
		if err != nil {
			return err
		}
		if !ok {
			return corp.E("account", corp.NotFound, "account: no account %s", id)
		}
		a = accountOf(r)
		return nil
	})
	return a, err
}

func accountOf(r tables.Row) Account {
	created, _ := time.Parse(time.RFC3339, r[5].(string))
	return Account{ID: r[0].(string), Name: r[1].(string), TOTP: r[3].(string) != "", Admin: r[4].(int64) == 1, Created: created, Disabled: r[6].(string) != ""}
}

// Principal returns the account's principal: its grants in every
// corporation.
func (s *Service) Principal(ctx context.Context, account string) (*access.Principal, error) {
	var p *access.Principal
	err := s.Store.View(ctx, tables.AccountsScope, func(v tables.View) error {
		var err error
		p, err = principal(v, account)
		return err
	})
	return p, err
}

func principal(v tables.Reader, account string) (*access.Principal, error) {
	r, ok, err := v.Get(tables.Accounts, account)
	if err != nil {
		return nil, err
	}
	if !ok || r[6].(string) != "" {
		return nil, ErrSession
	}
	a := accountOf(r)
	p := &access.Principal{Account: a.ID, Name: a.Name, Admin: a.Admin}
	err = v.Scan(tables.AccountGrants, []any{account}, func(g tables.Row) error {
		p.Grants = append(p.Grants, access.Grant{Corp: g[1].(string), Role: access.Role(g[2].(string)), Person: g[3].(string)})
		return nil
	})
	return p, err
}

// allow takes one login attempt from the limiter of key.
func (s *Service) allow(key string, burst int, every time.Duration) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.limiters == nil {
		s.limiters = map[string]*rate.Limiter{}
	}
	l, ok := s.limiters[key]
	if !ok {
		l = rate.NewLimiter(rate.Every(every), burst)
		s.limiters[key] = l
	}
	return l.AllowN(s.now(), 1)
}

// Login checks an e-mail address and password (and the TOTP code when the
// account has a second factor) and starts a session. It returns the
// session's token, to be set as a cookie or sent as a bearer token; only
// its SHA-256 is stored. Attempts are limited per account and per remote
// address, successful or not.
func (s *Service) Login(ctx context.Context, email, password, code, remote string) (string, *access.Principal, error) {
	id, err := NormalizeEmail(email)
	if err != nil {
		return "", nil, ErrCredentials
	}
	if !s.allow("addr:"+remote, addressBurst, addressInterval) || !s.allow("acct:"+id, accountBurst, accountInterval) {
		return "", nil, ErrRateLimited
	}
	var row tables.Row
	err = s.Store.View(ctx, tables.AccountsScope, func(v tables.View) error {
		r, ok, err := v.Get(tables.Accounts, id)
		if ok {
			row = append(tables.Row(nil), r...)
		}
		return err
	})
	if err != nil {
		return "", nil, err
	}
	if row == nil || row[6].(string) != "" {
		s.dummyOnce.Do(func() {
			s.dummy, _ = s.Hashing.orDefault().Hash(strings.NewReader(strings.Repeat("x", 64)), "no such account")
		})
		_, _ = s.Hashing.orDefault().Verify(s.dummy, password)
		return "", nil, ErrCredentials
	}
	ok, err := s.Hashing.orDefault().Verify(row[2].(string), password)
	if err != nil {
		return "", nil, err
	}
	if !ok {
		return "", nil, ErrCredentials
	}
	mfa := false
	if secret := row[3].(string); secret != "" {
		if !s.validTOTP(code, secret) {
			return "", nil, ErrTOTP
		}
		mfa = true
	}
	token, err := s.newSession(ctx, id, mfa)
	if err != nil {
		return "", nil, err
	}
	p, err := s.Principal(ctx, id)
	if p != nil {
		p.MFA = mfa
	}
	return token, p, err
}

func (s *Service) newSession(ctx context.Context, account string, mfa bool) (string, error) {
	var b [32]byte
	if _, err := io.ReadFull(s.random(), b[:]); err != nil {
		return "", err
	}
	token := base64.RawURLEncoding.EncodeToString(b[:])
	now := s.now().Format(time.RFC3339Nano)
	err := s.update(ctx, func(tx tables.Tx) error {
		return tx.Put(tables.Sessions, tables.Row{tokenHash(token), account, now, now, boolInt(mfa)})
	})
	return token, err
}

func tokenHash(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// Session returns the principal of a session token, and renews its last
// use. A session ends after IdleTimeout without use and AbsoluteTimeout
// after login.
func (s *Service) Session(ctx context.Context, token string) (*access.Principal, error) {
	if token == "" {
		return nil, ErrSession
	}
	h := tokenHash(token)
	now := s.now()
	s.mu.Lock()
	c, ok := s.sessions[h]
	s.mu.Unlock()
	if ok && now.Sub(c.read) < cacheFor && now.Sub(c.seen) <= seenResolution && now.Sub(c.created) < s.absolute() {
		p := c.p
		p.Grants = append([]access.Grant(nil), c.p.Grants...)
		return &p, nil
	}
	var p *access.Principal
	var touch, expired bool
	var created, seen time.Time
	err := s.Store.View(ctx, tables.AccountsScope, func(v tables.View) error {
		r, ok, err := v.Get(tables.Sessions, h)
		if err != nil || !ok {
			return err
		}
		created, _ = time.Parse(time.RFC3339Nano, r[2].(string))
		seen, _ = time.Parse(time.RFC3339Nano, r[3].(string))
		if now.Sub(seen) >= s.idle() || now.Sub(created) >= s.absolute() {
			expired = true
			return nil
		}
		touch = now.Sub(seen) > seenResolution
		p, err = principal(v, r[1].(string))
		if p != nil {
			p.MFA = r[4].(int64) == 1
		}
		return err
	})
	if err != nil && !errors.Is(err, ErrSession) {
		return nil, err
	}
	if expired {
		_ = s.Logout(ctx, token)
	}
	if p == nil {
		return nil, ErrSession
	}
	if touch {
		err = s.update(ctx, func(tx tables.Tx) error {
			r, ok, err := tx.Get(tables.Sessions, h)
			if err != nil || !ok {
				return err
			}
			r = append(tables.Row(nil), r...)
			r[3] = now.Format(time.RFC3339Nano)
			return tx.Put(tables.Sessions, r)
		})
		seen = now
	}
	if err == nil {
		s.mu.Lock()
		if s.sessions == nil {
			s.sessions = map[string]cachedSession{}
		}
		s.sessions[h] = cachedSession{p: *p, created: created, seen: seen, read: now}
		s.mu.Unlock()
	}
	return p, err
}

// Logout ends a session.
func (s *Service) Logout(ctx context.Context, token string) error {
	return s.update(ctx, func(tx tables.Tx) error {
		return tx.Delete(tables.Sessions, tokenHash(token))
	})
}

// EnrollTOTP sets up a second factor for an account: it returns the
// secret and its otpauth:// URL (for an authenticator app). The factor is
// in force once ConfirmTOTP accepts a code from it.
func (s *Service) EnrollTOTP(ctx context.Context, account string) (secret, url string, err error) {
	key, err := totp.Generate(totp.GenerateOpts{Issuer: "minutebook", AccountName: account, Rand: s.random()})
	if err != nil {
		return "", "", err
	}
	return key.Secret(), key.URL(), nil
}

// ConfirmTOTP turns the second factor on for the account once code is valid
// for secret.
func (s *Service) ConfirmTOTP(ctx context.Context, account, secret, code string) error {
	if !s.validTOTP(code, secret) {
		return ErrTOTP
	}
	return s.update(ctx, func(tx tables.Tx) error {
		r, ok, err := tx.Get(tables.Accounts, account)
		if err != nil {
			return err
		}
		if !ok {
			return corp.E("totp", corp.NotFound, "no account %s", account)
		}
		r = append(tables.Row(nil), r...)
		r[3] = secret
		return tx.Put(tables.Accounts, r)
	})
}

func (s *Service) validTOTP(code, secret string) bool {
	ok, err := totp.ValidateCustom(strings.TrimSpace(code), secret, s.now(), totpOpts)
	return err == nil && ok
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
