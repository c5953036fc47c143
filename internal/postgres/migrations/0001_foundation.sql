-- The journal: append-only, one hash chain per corporation.
CREATE TABLE journal (
    corp      TEXT COLLATE "C" NOT NULL,
    seq       BIGINT NOT NULL,
    kind      TEXT COLLATE "C" NOT NULL,
    effective TEXT COLLATE "C" NOT NULL,
    encoding  BYTEA    NOT NULL,
    hash      BYTEA    NOT NULL,
    PRIMARY KEY (corp, seq)
);
CREATE INDEX journal_effective ON journal (corp, effective);
CREATE FUNCTION journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the journal is append-only: % is refused', TG_OP;
END $$;
CREATE TRIGGER journal_no_update BEFORE UPDATE OR DELETE ON journal
    FOR EACH ROW EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal
    FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only();

-- Derived tables (package tables). Every row is scoped to a corporation.
CREATE TABLE corporations (
    corp TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    legal_name TEXT COLLATE "C" NOT NULL, state TEXT COLLATE "C" NOT NULL, time_zone TEXT COLLATE "C" NOT NULL,
    incorporation_date TEXT COLLATE "C" NOT NULL, registered_office TEXT COLLATE "C" NOT NULL,
    principal_office TEXT COLLATE "C" NOT NULL, fiscal_year_end TEXT COLLATE "C" NOT NULL, seal TEXT COLLATE "C" NOT NULL,
    created_seq BIGINT NOT NULL
);
CREATE TABLE charter_versions (
    corp TEXT COLLATE "C" NOT NULL, effective TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    facts TEXT COLLATE "C" NOT NULL, authority TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (corp, effective, seq)
);
CREATE TABLE bylaws_versions (
    corp TEXT COLLATE "C" NOT NULL, number BIGINT NOT NULL, effective TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    hash TEXT COLLATE "C" NOT NULL, adopted_by TEXT COLLATE "C" NOT NULL, title TEXT COLLATE "C" NOT NULL, source BYTEA NOT NULL,
    PRIMARY KEY (corp, number)
);
CREATE TABLE persons (
    corp TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, name TEXT COLLATE "C" NOT NULL, sort_key TEXT COLLATE "C" NOT NULL,
    kind TEXT COLLATE "C" NOT NULL, address TEXT COLLATE "C" NOT NULL, email TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE INDEX persons_sort ON persons (corp, sort_key);
CREATE TABLE relationships (
    corp TEXT COLLATE "C" NOT NULL, from_person TEXT COLLATE "C" NOT NULL, kind TEXT COLLATE "C" NOT NULL, to_person TEXT COLLATE "C" NOT NULL,
    since TEXT COLLATE "C" NOT NULL, until TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, from_person, kind, to_person, since)
);
