-- The journal entries recorded as corrections (package tables, ledger.go).
CREATE TABLE corrections (
    corp TEXT NOT NULL, seq INTEGER NOT NULL, effective TEXT NOT NULL,
    PRIMARY KEY (corp, seq)
);
