-- The journal: append-only, one hash chain per corporation.
CREATE TABLE journal (
    corp      TEXT    NOT NULL,
    seq       INTEGER NOT NULL,
    kind      TEXT    NOT NULL,
    effective TEXT    NOT NULL,
    encoding  BLOB    NOT NULL,
    hash      BLOB    NOT NULL,
    PRIMARY KEY (corp, seq)
);
CREATE INDEX journal_effective ON journal (corp, effective);
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: UPDATE is refused'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: DELETE is refused'); END;

-- Derived tables (package tables). Every row is scoped to a corporation.
CREATE TABLE corporations (
    corp TEXT NOT NULL PRIMARY KEY,
    legal_name TEXT NOT NULL, state TEXT NOT NULL, time_zone TEXT NOT NULL,
    incorporation_date TEXT NOT NULL, registered_office TEXT NOT NULL,
    principal_office TEXT NOT NULL, fiscal_year_end TEXT NOT NULL, seal TEXT NOT NULL,
    created_seq INTEGER NOT NULL
);
CREATE TABLE charter_versions (
    corp TEXT NOT NULL, effective TEXT NOT NULL, seq INTEGER NOT NULL,
    facts TEXT NOT NULL, authority TEXT NOT NULL,
    PRIMARY KEY (corp, effective, seq)
);
CREATE TABLE bylaws_versions (
    corp TEXT NOT NULL, number INTEGER NOT NULL, effective TEXT NOT NULL, seq INTEGER NOT NULL,
    hash TEXT NOT NULL, adopted_by TEXT NOT NULL, title TEXT NOT NULL, source BLOB NOT NULL,
    PRIMARY KEY (corp, number)
);
CREATE TABLE persons (
    corp TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, sort_key TEXT NOT NULL,
    kind TEXT NOT NULL, address TEXT NOT NULL, email TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE INDEX persons_sort ON persons (corp, sort_key);
CREATE TABLE relationships (
    corp TEXT NOT NULL, from_person TEXT NOT NULL, kind TEXT NOT NULL, to_person TEXT NOT NULL,
    since TEXT NOT NULL, until TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, from_person, kind, to_person, since)
);
