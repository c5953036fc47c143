package tables

// The operational tables of the accounts and the HTTP API (issue 6). They
// are not derived from a journal: the replay leaves them empty and Diff
// skips them (Table.Operational). The accounts, their grants and sessions
// live in the scope AccountsScope, which no corporation can be named (a
// corporation's id starts with a lower-case letter); the idempotency keys
// and the access log live in each corporation's own scope, so that a key
// is written in the same transaction as the act it answers.
var (
	// Accounts holds one row per login: the e-mail address (lower case)
	// as the key, the name shown, the password as an argon2id PHC string,
	// the TOTP secret (base32, "" when none is set up), whether the
	// account administers the deployment (creates accounts and grants),
	// when it was created and when it was disabled ("" while active).
	Accounts = Register(&Table{Name: "accounts", Key: 1, Operational: true, Columns: []Column{
		{"id", Text}, {"name", Text}, {"password", Text}, {"totp", Text}, {"admin", Int}, {"created", Text}, {"disabled", Text},
	}})
	// AccountGrants holds the roles of an account in corporations: the
	// account, the corporation, the role, the corporation's person the
	// account acts as ("" for a role without one, such as an auditor) and
	// when the grant was made.
	AccountGrants = Register(&Table{Name: "account_grants", Key: 3, Operational: true, Columns: []Column{
		{"account", Text}, {"corporation", Text}, {"role", Text}, {"person", Text}, {"granted", Text},
	}})
	// CorporationSettings holds the deployment's settings for each
	// corporation (such as "mfa_required": "true"), by corporation and name.
	CorporationSettings = Register(&Table{Name: "corporation_settings", Key: 2, Operational: true, Columns: []Column{
		{"corporation", Text}, {"name", Text}, {"value", Text},
	}})
	// Sessions holds the server-side sessions: the SHA-256 of the cookie's
	// token (hex) as the key, the account, when it began, when it was last
	// used (RFC 3339, UTC) and whether its second factor was verified.
	Sessions = Register(&Table{Name: "sessions", Key: 1, Operational: true, Columns: []Column{
		{"token_hash", Text}, {"account", Text}, {"created", Text}, {"seen", Text}, {"mfa", Int},
	}})
	// IdempotencyKeys holds, per account and Idempotency-Key header, the
	// SHA-256 of the request it came with and the response given, so that
	// the same key with the same request answers the same, and with
	// another request is refused.
	IdempotencyKeys = Register(&Table{Name: "idempotency_keys", Key: 2, Operational: true, Columns: []Column{
		{"account", Text}, {"key", Text}, {"request_hash", Text}, {"status", Int}, {"body", Blob}, {"created", Text},
	}})
	// AccessLog holds the access decisions the HTTP layer logs in a
	// corporation's scope that are not acts (views of the stockholder
	// list's pages, refusals): a time-ordered id, the account, the role it
	// acted in, the route, the target, the decision and its reason.
	AccessLog = Register(&Table{Name: "access_log", Key: 1, Operational: true, Columns: []Column{
		{"id", Text}, {"at", Text}, {"account", Text}, {"role", Text}, {"route", Text}, {"target", Text},
		{"decision", Text}, {"reason", Text},
	}})
)

// AccountsScope is the scope that holds the accounts, their grants and the
// sessions: not a corporation.
const AccountsScope = "~accounts"
