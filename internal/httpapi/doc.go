// Package httpapi serves minutebook's JSON API: every act and query over
// HTTP, through the one act path (acts.Service), with one route table, one
// error-kind -> HTTP status map, RFC 9457 problem details carrying the
// failed rules with their citations, Idempotency-Key on writes, pagination,
// dry runs, documents as downloads and the OpenAPI 3.1 document made from
// the route table. Accounts and sessions come from package accounts; every
// route's access policy from package access.
//
// It is a transport: it calls acts and accounts and never imports a store
// (STYLE.md rule 3).
package httpapi
