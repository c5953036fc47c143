package web

import (
	"bytes"
	"encoding/base64"
	"html/template"
	"image/png"
	"net/http"

	"github.com/pquerna/otp"

	"minutebook/internal/access"
	"minutebook/internal/httpapi"
)

// accountRoutes registers the account's own pages: its roles, the TOTP
// second factor and the password.
func (a *App) accountRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /account", a.guard(access.AnyAccount, "", a.getAccount))
	mux.HandleFunc("POST /account/totp/start", a.guard(access.AnyAccount, "", a.startTOTP))
	mux.HandleFunc("POST /account/totp/confirm", a.guard(access.AnyAccount, "", a.confirmTOTP))
	mux.HandleFunc("POST /account/password", a.guard(access.AnyAccount, "", a.changePassword))
}

// accountData is what account.html shows.
type accountData struct {
	TOTP bool
	// Enrolling: the secret being set up, its otpauth URL and its QR code.
	Secret string
	URL    string
	QR     template.URL
}

func (a *App) accountPage(q *Request, status int, d accountData, flash, errMsg string) {
	if acct, err := a.Accounts.Account(q.R.Context(), q.Principal.Account); err != nil {
		a.Logger.Error("account", "err", err)
	} else {
		d.TOTP = acct.TOTP
	}
	a.render(q.W, status, "account.html", &Page{Title: "Your account", Principal: q.Principal, Flash: flash, Error: errMsg, Data: d})
}

func (a *App) getAccount(q *Request) { a.accountPage(q, http.StatusOK, accountData{}, "", "") }

func (a *App) startTOTP(q *Request) {
	secret, url, err := a.Accounts.EnrollTOTP(q.R.Context(), q.Principal.Account)
	if err != nil {
		a.accountPage(q, http.StatusInternalServerError, accountData{}, "", "the second factor could not be set up; try again")
		return
	}
	d := accountData{Secret: secret, URL: url}
	if key, err := otp.NewKeyFromURL(url); err == nil {
		if img, err := key.Image(200, 200); err == nil {
			var buf bytes.Buffer
			if png.Encode(&buf, img) == nil {
				d.QR = template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes()))
			}
		}
	}
	a.accountPage(q, http.StatusOK, d, "", "")
}

func (a *App) confirmTOTP(q *Request) {
	secret, code := q.R.PostFormValue("secret"), q.R.PostFormValue("code")
	if err := a.Accounts.ConfirmTOTP(q.R.Context(), q.Principal.Account, secret, code); err != nil {
		a.accountPage(q, http.StatusUnprocessableEntity, accountData{Secret: secret}, "", err.Error())
		return
	}
	a.accountPage(q, http.StatusOK, accountData{}, "The second factor is on: your next login asks for a one-time code.", "")
}

func (a *App) changePassword(q *Request) {
	token, err := a.Accounts.ChangePassword(q.R.Context(), q.Principal.Account, q.R.PostFormValue("current"), q.R.PostFormValue("new"), httpapi.RemoteAddr(q.R), q.Principal.MFA)
	if err != nil {
		a.accountPage(q, httpapi.StatusOf(err), accountData{}, "", err.Error())
		return
	}
	httpapi.SetSessionCookie(q.W, token)
	a.accountPage(q, http.StatusOK, accountData{}, "Your password is changed; your other sessions have ended.", "")
}
