package acts

import (
	"context"
	"time"

	"minutebook/internal/corp"
	"minutebook/internal/tables"
)

// Idempotency is an Idempotency-Key of the HTTP API: a request retried
// with the same key is answered as the first time, and its acts are
// recorded once. The answer to recorded acts is written in the
// transaction that records them (Options.Idempotency); the answer to a
// refusal, which records nothing, afterwards (Remember).
type Idempotency struct {
	Account     string // the account that sent the request
	Key         string // the header's value
	RequestHash string // SHA-256 of the request (method, path, query, body), hex
	// Answer makes the response to the recorded acts: its status and body.
	Answer func([]Result) (int, []byte, error)
}

// Answer is a stored response to an Idempotency-Key.
type Answer struct {
	RequestHash string
	Status      int
	Body        []byte
}

// ErrAnswered is returned by Apply when another request with the same
// Idempotency-Key was answered first (a race between two retries); the
// caller reads that answer with Answered.
var ErrAnswered = corp.E("idempotency", corp.Conflict, "the Idempotency-Key was answered by a concurrent request")

func (id *Idempotency) remember(tx Tx, results []Result, clock Clock) error {
	if _, ok, err := tx.Get(tables.IdempotencyKeys, id.Account, id.Key); err != nil {
		return err
	} else if ok {
		return ErrAnswered
	}
	status, body, err := id.Answer(results)
	if err != nil {
		return err
	}
	return tx.Put(tables.IdempotencyKeys, tables.Row{id.Account, id.Key, id.RequestHash, int64(status), body, clock().UTC().Format(time.RFC3339)})
}

// Answered returns the stored answer to an account's Idempotency-Key in a
// corporation, nil when there is none.
func (s *Service) Answered(ctx context.Context, corpID, account, key string) (*Answer, error) {
	var a *Answer
	err := s.Store.View(ctx, corpID, func(v View) error {
		r, ok, err := v.Get(tables.IdempotencyKeys, account, key)
		if ok {
			a = &Answer{RequestHash: r[2].(string), Status: int(r[3].(int64)), Body: append([]byte(nil), r[4].([]byte)...)}
		}
		return err
	})
	return a, err
}

// Remember stores the answer to a request that recorded nothing (a
// refusal), unless the key was answered meanwhile; it returns the answer
// that stands.
func (s *Service) Remember(ctx context.Context, corpID, account, key string, a Answer) (*Answer, error) {
	stands := &a
	err := s.Store.Update(ctx, corpID, func(tx Tx) error {
		r, ok, err := tx.Get(tables.IdempotencyKeys, account, key)
		if err != nil {
			return err
		}
		if ok {
			stands = &Answer{RequestHash: r[2].(string), Status: int(r[3].(int64)), Body: append([]byte(nil), r[4].([]byte)...)}
			return nil
		}
		return tx.Put(tables.IdempotencyKeys, tables.Row{account, key, a.RequestHash, int64(a.Status), a.Body, s.Clock().UTC().Format(time.RFC3339)})
	})
	return stands, err
}
