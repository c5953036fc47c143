-- The operational tables of accounts, sessions, idempotency keys and the access log (package tables, accounts.go).
CREATE TABLE accounts (
    corp TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, password TEXT NOT NULL, totp TEXT NOT NULL, admin INTEGER NOT NULL, created TEXT NOT NULL, disabled TEXT NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE account_grants (
    corp TEXT NOT NULL, account TEXT NOT NULL, corporation TEXT NOT NULL, role TEXT NOT NULL, person TEXT NOT NULL, granted TEXT NOT NULL,
    PRIMARY KEY (corp, account, corporation, role)
);
CREATE TABLE corporation_settings (
    corp TEXT NOT NULL, corporation TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (corp, corporation, name)
);
CREATE TABLE sessions (
    corp TEXT NOT NULL, token_hash TEXT NOT NULL, account TEXT NOT NULL, created TEXT NOT NULL, seen TEXT NOT NULL, mfa INTEGER NOT NULL,
    PRIMARY KEY (corp, token_hash)
);
CREATE TABLE idempotency_keys (
    corp TEXT NOT NULL, account TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status INTEGER NOT NULL, body BLOB NOT NULL, created TEXT NOT NULL,
    PRIMARY KEY (corp, account, key)
);
CREATE TABLE access_log (
    corp TEXT NOT NULL, id TEXT NOT NULL, at TEXT NOT NULL, account TEXT NOT NULL, role TEXT NOT NULL, route TEXT NOT NULL, target TEXT NOT NULL, decision TEXT NOT NULL, reason TEXT NOT NULL,
    PRIMARY KEY (corp, id)
);
