// Package server wires the JSON API (package httpapi) and the web
// application (package web) into the one handler that `minutebook serve`
// serves: /api/ to the API, everything else to the web application, behind
// net/http's cross-origin protection (CSRF) and the security headers. It
// lives outside cmd/minutebook so that the browser tests can start the real
// server in process.
//
// It is a transport: it imports acts, accounts, httpapi and web, never a
// store (the composition root chooses the database).
package server
