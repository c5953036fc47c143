// Package access decides who may do what: the roles an account holds in
// each corporation (secretary, director, officer, stockholder, inspector
// of election, auditor), the named policies the HTTP routes use, and which
// acts each role may record for itself (MayRecord). It is pure: the HTTP
// layer asks, logs the decision, and records it in the journal with the
// act (rule MB.access.record).
//
// It imports only the standard library and corp.
package access
