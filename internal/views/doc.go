// Package views builds the JSON views and the documents of minutebook's
// queries from the act path (acts.Service), once, for every transport: the
// CLI's --json output, the HTTP API's responses and its PDF downloads are
// the same values. Each view is a named type with documented JSON keys, so
// that the OpenAPI document can describe it.
//
// It is transport-neutral: it imports acts, forms, pdf, ocf and the domain,
// and never a store or a transport (internal/layering).
package views
