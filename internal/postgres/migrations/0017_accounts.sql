-- The operational tables of accounts, sessions, idempotency keys and the access log (package tables, accounts.go).
CREATE TABLE accounts (
    corp TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, name TEXT COLLATE "C" NOT NULL, password TEXT COLLATE "C" NOT NULL, totp TEXT COLLATE "C" NOT NULL, admin BIGINT NOT NULL, created TEXT COLLATE "C" NOT NULL, disabled TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE account_grants (
    corp TEXT COLLATE "C" NOT NULL, account TEXT COLLATE "C" NOT NULL, corporation TEXT COLLATE "C" NOT NULL, role TEXT COLLATE "C" NOT NULL, person TEXT COLLATE "C" NOT NULL, granted TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (corp, account, corporation, role)
);
CREATE TABLE corporation_settings (
    corp TEXT COLLATE "C" NOT NULL, corporation TEXT COLLATE "C" NOT NULL, name TEXT COLLATE "C" NOT NULL, value TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (corp, corporation, name)
);
CREATE TABLE sessions (
    corp TEXT COLLATE "C" NOT NULL, token_hash TEXT COLLATE "C" NOT NULL, account TEXT COLLATE "C" NOT NULL, created TEXT COLLATE "C" NOT NULL, seen TEXT COLLATE "C" NOT NULL, mfa BIGINT NOT NULL,
    PRIMARY KEY (corp, token_hash)
);
CREATE TABLE idempotency_keys (
    corp TEXT COLLATE "C" NOT NULL, account TEXT COLLATE "C" NOT NULL, key TEXT COLLATE "C" NOT NULL, request_hash TEXT COLLATE "C" NOT NULL, status BIGINT NOT NULL, body BYTEA NOT NULL, created TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (corp, account, key)
);
CREATE TABLE access_log (
    corp TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, at TEXT COLLATE "C" NOT NULL, account TEXT COLLATE "C" NOT NULL, role TEXT COLLATE "C" NOT NULL, route TEXT COLLATE "C" NOT NULL, target TEXT COLLATE "C" NOT NULL, decision TEXT COLLATE "C" NOT NULL, reason TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (corp, id)
);
