package httpapi

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"sync"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/tables"
)

// serveOnce serves a write other than acts that came with an
// Idempotency-Key: the first answer to the account's key (its status and
// body) is kept in the accounts' scope and given again to the same request
// with the same key; another request with that key is refused (422). A
// lock per account and key makes concurrent retries wait for the first.
// Answers of 5xx are not kept: a retry runs again.
func (s *Server) serveOnce(c *Call) {
	r, w := c.R, c.W
	key := r.Header.Get("Idempotency-Key")
	if len(key) > 255 {
		s.fail(w, r, corp.E("idempotency", corp.Invalid, "Idempotency-Key: at most 255 characters"))
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil || len(body) > maxBody {
		s.fail(w, r, corp.E("body", corp.Invalid, "body: unreadable or larger than %d bytes", maxBody))
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	h := sha256.New()
	h.Write([]byte(r.Method + " " + r.URL.Path + "?" + r.URL.RawQuery + "\n"))
	h.Write(body)
	hash := hex.EncodeToString(h.Sum(nil))
	account := c.Principal.Account
	unlock := s.keys.lock(account + "\x00" + key)
	defer unlock()
	ctx := c.Ctx()
	if a, err := s.Acts.Answered(ctx, tables.AccountsScope, account, key); err != nil {
		s.fail(w, r, err)
		return
	} else if a != nil {
		v, _ := replay(a, hash)
		s.write(w, r, http.StatusOK, v)
		return
	}
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	c.W = rec
	s.answer(c)
	if rec.status < 500 {
		if _, err := s.Acts.Remember(ctx, tables.AccountsScope, account, key, acts.Answer{RequestHash: hash, Status: rec.status, Body: rec.body.Bytes()}); err != nil {
			s.Logger.Error("idempotency", "account", account, "err", err)
		}
	}
	for k, vs := range rec.header {
		w.Header()[k] = vs
	}
	w.WriteHeader(rec.status)
	w.Write(rec.body.Bytes())
}

// recorder keeps a response to write it later.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
	wrote  bool
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if !r.wrote {
		r.status, r.wrote = status, true
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.body.Write(b)
}

// keyLocks serializes the requests of one account and key.
type keyLocks struct {
	mu sync.Mutex
	m  map[string]*keyLock
}

type keyLock struct {
	mu sync.Mutex
	n  int
}

func (k *keyLocks) lock(key string) (unlock func()) {
	k.mu.Lock()
	if k.m == nil {
		k.m = map[string]*keyLock{}
	}
	l := k.m[key]
	if l == nil {
		l = &keyLock{}
		k.m[key] = l
	}
	l.n++
	k.mu.Unlock()
	l.mu.Lock()
	return func() {
		l.mu.Unlock()
		k.mu.Lock()
		if l.n--; l.n == 0 {
			delete(k.m, key)
		}
		k.mu.Unlock()
	}
}
