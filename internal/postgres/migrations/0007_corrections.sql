-- The journal entries recorded as corrections (package tables, ledger.go).
CREATE TABLE corrections (
    corp TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, effective TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (corp, seq)
);
