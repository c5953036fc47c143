// Package accounts keeps the logins of a deployment: accounts with
// argon2id password hashes, their roles in corporations (access.Grant),
// server-side sessions with idle and absolute timeouts, the TOTP second
// factor, and login rate limits per account and per remote address. It is
// an application-layer package beside acts: it keeps its rows in the
// store's operational tables (tables.Accounts and the rest, in the scope
// tables.AccountsScope) through the same Store contract, and never
// imports a store or a transport.
package accounts
