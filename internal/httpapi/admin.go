package httpapi

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"time"

	"minutebook/internal/access"
	"minutebook/internal/accounts"
	"minutebook/internal/corp"
)

// The account routes: the deployment administrator's (accounts, grants,
// the second-factor requirement of a corporation) and every account's own
// (its password and its second factor).

func accountRoutes() []Route {
	return []Route{
		{Method: "GET", Path: "/api/accounts", Summary: "every account with its roles", Policy: access.AdminOnly, Query: PageParams, Response: Page[AccountView]{}, Handle: getAccounts},
		{Method: "POST", Path: "/api/accounts", Summary: "create an account (an e-mail address, a name and a password of at least 12 characters)", Policy: access.AdminOnly, Write: true, Status: http.StatusCreated, Body: NewAccount{}, Response: AccountView{}, Handle: postAccount},
		{Method: "POST", Path: "/api/accounts/{account}/grants", Summary: "grant an account a role in a corporation, acting as one of its persons", Policy: access.AdminOnly, Write: true, Body: GrantRequest{}, Response: AccountView{}, Handle: postGrant},
		{Method: "DELETE", Path: "/api/accounts/{account}/grants/{corporation}/{role}", Summary: "revoke an account's role in a corporation", Policy: access.AdminOnly, Write: true, Response: AccountView{}, Handle: deleteGrant},
		{Method: "PUT", Path: cp + "/mfa", Summary: "require (or not) a verified second factor of the corporation's secretaries, inspectors and directors", Policy: access.AdminOnly, Write: true, Body: MFASetting{}, Response: MFASetting{}, Handle: putMFA},
		{Method: "GET", Path: cp + "/mfa", Summary: "whether the corporation requires a second factor of its secretaries, inspectors and directors", Policy: access.ReadMember, Response: MFASetting{}, Handle: getMFA},
		{Method: "POST", Path: "/api/me/password", Summary: "change the account's password: every session ends, and a new one starts in the session cookie (a bearer client logs in again)", Policy: access.AnyAccount, Write: true, Body: PasswordChange{}, Response: Me{}, Handle: postPassword},
		{Method: "POST", Path: "/api/me/totp", Summary: "begin enrolling a TOTP second factor: a secret and its otpauth:// URL", Policy: access.AnyAccount, Write: true, Response: TOTPEnrollment{}, Handle: postTOTP},
		{Method: "POST", Path: "/api/me/totp/confirm", Summary: "turn the second factor on with a code from the authenticator", Policy: access.AnyAccount, Write: true, Body: TOTPConfirm{}, Response: Me{}, Handle: postTOTPConfirm},
	}
}

// AccountView is an account with its roles.
type AccountView struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Admin    bool       `json:"admin,omitempty"`
	TOTP     bool       `json:"totp"`
	Created  string     `json:"created"`
	Disabled bool       `json:"disabled,omitempty"`
	Roles    []RoleView `json:"roles"`
}

// NewAccount is the body of POST /api/accounts.
type NewAccount struct {
	Email    string `json:"email"`
	Name     string `json:"name"`
	Password string `json:"password"`
	Admin    bool   `json:"admin,omitempty"`
}

// GrantRequest is the body of POST /api/accounts/{account}/grants.
type GrantRequest struct {
	Corporation string `json:"corporation"`
	Role        string `json:"role"`
	Person      string `json:"person,omitempty"`
}

// MFASetting is a corporation's second-factor requirement.
type MFASetting struct {
	Required bool `json:"required"`
}

// PasswordChange is the body of POST /api/me/password.
type PasswordChange struct {
	CurrentPassword string `json:"current_password"`
	NewPassword     string `json:"new_password"`
}

// TOTPEnrollment is a second factor being enrolled: the secret to give an
// authenticator (or the URL, as a QR code), then confirm with a code.
type TOTPEnrollment struct {
	Secret string `json:"secret"`
	URL    string `json:"url"`
}

// TOTPConfirm is the body of POST /api/me/totp/confirm.
type TOTPConfirm struct {
	Secret string `json:"secret"`
	Code   string `json:"code"`
}

// decodeBody decodes a small JSON body strictly into v: unknown fields and
// trailing data are invalid, each error naming the field.
func decodeBody(c *Call, v any) error {
	dec := json.NewDecoder(io.LimitReader(c.R.Body, 1<<16))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return corp.E("body", corp.Invalid, "body: %v", err)
	}
	if dec.More() {
		return corp.E("body", corp.Invalid, "body: one JSON object expected")
	}
	return nil
}

func (c *Call) accountView(id string) (AccountView, error) {
	a, err := c.S.Accounts.Account(c.Ctx(), id)
	if err != nil {
		return AccountView{}, err
	}
	return c.viewOf(a)
}

func (c *Call) viewOf(a accounts.Account) (AccountView, error) {
	v := AccountView{ID: a.ID, Name: a.Name, Admin: a.Admin, TOTP: a.TOTP, Created: a.Created.UTC().Format(time.RFC3339), Disabled: a.Disabled, Roles: []RoleView{}}
	if a.Disabled {
		return v, nil
	}
	p, err := c.S.Accounts.Principal(c.Ctx(), a.ID)
	if err != nil {
		return v, err
	}
	v.Roles = meOf(p).Roles
	return v, nil
}

func getAccounts(c *Call) (any, error) {
	all, err := c.S.Accounts.Accounts(c.Ctx())
	if err != nil {
		return nil, err
	}
	out := []AccountView{}
	for _, a := range all {
		v, err := c.viewOf(a)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return Paginate(c, out)
}

func postAccount(c *Call) (any, error) {
	var req NewAccount
	if err := decodeBody(c, &req); err != nil {
		return nil, err
	}
	id, err := c.S.Accounts.Create(c.Ctx(), req.Email, req.Name, req.Password, req.Admin)
	if err != nil {
		return nil, err
	}
	v, err := c.accountView(id)
	if err != nil {
		return nil, err
	}
	return v, nil
}

func postGrant(c *Call) (any, error) {
	var req GrantRequest
	if err := decodeBody(c, &req); err != nil {
		return nil, err
	}
	if req.Corporation == "" {
		return nil, corp.E("grant", corp.Invalid, "corporation: required")
	}
	all, err := c.S.Acts.Corporations(c.Ctx())
	if err != nil {
		return nil, err
	}
	found := false
	for _, id := range all {
		found = found || id == req.Corporation
	}
	if !found {
		return nil, corp.E("grant", corp.Invalid, "corporation: %q is not a corporation of this deployment", req.Corporation)
	}
	if err := c.S.Accounts.Grant(c.Ctx(), c.Path("account"), req.Corporation, access.Role(req.Role), req.Person); err != nil {
		return nil, err
	}
	return c.accountView(c.Path("account"))
}

func deleteGrant(c *Call) (any, error) {
	if _, err := c.accountView(c.Path("account")); err != nil {
		return nil, err
	}
	if err := c.S.Accounts.Revoke(c.Ctx(), c.Path("account"), c.Path("corporation"), access.Role(c.Path("role"))); err != nil {
		return nil, err
	}
	return c.accountView(c.Path("account"))
}

func putMFA(c *Call) (any, error) {
	var req MFASetting
	if err := decodeBody(c, &req); err != nil {
		return nil, err
	}
	if _, _, err := c.S.Acts.CorporationOn(c.Ctx(), c.Corp, corp.MustDate(9999, 12, 31)); err != nil {
		return nil, err
	}
	if err := c.S.Accounts.SetMFARequired(c.Ctx(), c.Corp, req.Required); err != nil {
		return nil, err
	}
	return req, nil
}

func getMFA(c *Call) (any, error) {
	on, err := c.S.Accounts.MFARequired(c.Ctx(), c.Corp)
	return MFASetting{Required: on}, err
}

func postPassword(c *Call) (any, error) {
	var req PasswordChange
	if err := decodeBody(c, &req); err != nil {
		return nil, err
	}
	token, err := c.S.Accounts.ChangePassword(c.Ctx(), c.Principal.Account, req.CurrentPassword, req.NewPassword, RemoteAddr(c.R), c.Principal.MFA)
	if err != nil {
		return nil, err
	}
	// The token is not in the body: an answer may be kept for an
	// Idempotency-Key, and a session token is kept nowhere but in the
	// client.
	SetSessionCookie(c.W, token)
	return meOf(c.Principal), nil
}

func postTOTP(c *Call) (any, error) {
	secret, url, err := c.S.Accounts.EnrollTOTP(c.Ctx(), c.Principal.Account)
	if err != nil {
		return nil, err
	}
	return TOTPEnrollment{Secret: secret, URL: url}, nil
}

func postTOTPConfirm(c *Call) (any, error) {
	var req TOTPConfirm
	if err := decodeBody(c, &req); err != nil {
		return nil, err
	}
	if err := c.S.Accounts.ConfirmTOTP(c.Ctx(), c.Principal.Account, req.Secret, req.Code); errors.Is(err, accounts.ErrTOTP) {
		return nil, corp.E("totp", corp.Invalid, "code: not a valid code of this secret now (check the authenticator's clock)")
	} else if err != nil {
		return nil, err
	}
	m := meOf(c.Principal)
	m.MFA = c.Principal.MFA
	return m, nil
}
