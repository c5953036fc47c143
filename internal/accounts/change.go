package accounts

import (
	"context"

	"minutebook/internal/corp"

	"minutebook/internal/tables"
)

// ChangePassword replaces the password of an account whose holder proves
// the current one. Attempts count against the login limits of the account
// and the address. Every session of the account ends; the new session's
// token is returned (its second factor counted as verified when the old
// session's was, mfa).
func (s *Service) ChangePassword(ctx context.Context, account, current, password, remote string, mfa bool) (string, error) {
	if err := checkPassword(password); err != nil {
		return "", corp.E("password", corp.Invalid, "new_password: %v", err)
	}
	if !s.allow("addr:"+remote, addressBurst, addressInterval) || !s.allow("acct:"+account, accountBurst, accountInterval) {
		return "", ErrRateLimited
	}
	var phc string
	err := s.Store.View(ctx, tables.AccountsScope, func(v tables.View) error {
		r, ok, err := v.Get(tables.Accounts, account)
		if ok {
			phc = r[2].(string)
		}
		return err
	})
	if err != nil {
		return "", err
	}
	if phc == "" {
		return "", ErrSession
	}
	ok, err := s.Hashing.orDefault().Verify(phc, current)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", corp.E("password", corp.Forbidden, "current_password: it is not this account's password")
	}
	if err := s.SetPassword(ctx, account, password); err != nil {
		return "", err
	}
	return s.newSession(ctx, account, mfa)
}
