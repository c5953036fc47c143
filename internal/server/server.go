package server

import (
	"crypto/ed25519"
	"log/slog"
	"net/http"

	"minutebook/internal/accounts"
	"minutebook/internal/acts"
	"minutebook/internal/httpapi"
	"minutebook/internal/web"
)

// Handler wires the API and the web application into one handler: /api/
// to the API, everything else to the web application, behind net/http's
// cross-origin protection (CSRF) and the security headers. key signs the
// journal's checkpoints (nil for none).
func Handler(svc *acts.Service, acc *accounts.Service, clk acts.Clock, logger *slog.Logger, key ed25519.PrivateKey) (http.Handler, error) {
	api := httpapi.New(svc, acc, clk, logger)
	api.CheckpointKey = key
	app, err := web.New(api)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", api.Handler())
	mux.Handle("/", app.Handler())
	csrf := http.NewCrossOriginProtection()
	return SecurityHeaders(csrf.Handler(mux)), nil
}

// SecurityHeaders sets the headers of every response: no sniffing, no
// framing, the same-origin referrer, and a content security policy that
// allows no inline script or style (scripts and styles are static files).
func SecurityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
		h.ServeHTTP(w, r)
	})
}
