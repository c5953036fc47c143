-- The stockholder list's tables (package tables, lists.go): person versions
-- by effective date, list checkpoints and their parts, and the indexes that
-- ScanBetween ranges over.
CREATE TABLE person_versions (
    corp TEXT COLLATE "C" NOT NULL, person TEXT COLLATE "C" NOT NULL, effective TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    name TEXT COLLATE "C" NOT NULL, sort_key TEXT COLLATE "C" NOT NULL, kind TEXT COLLATE "C" NOT NULL, address TEXT COLLATE "C" NOT NULL, email TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (corp, person, effective, seq)
);
CREATE INDEX person_versions_between ON person_versions (corp, effective, person, seq);
CREATE INDEX holding_changes_between ON holding_changes (corp, effective, holder, class, seq);
CREATE TABLE list_checkpoints (
    corp TEXT COLLATE "C" NOT NULL, level BIGINT NOT NULL, hi TEXT COLLATE "C" NOT NULL, lo TEXT COLLATE "C" NOT NULL,
    parts BIGINT NOT NULL, entries BIGINT NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, level, hi)
);
CREATE TABLE list_parts (
    corp TEXT COLLATE "C" NOT NULL, level BIGINT NOT NULL, hi TEXT COLLATE "C" NOT NULL, part BIGINT NOT NULL, data BYTEA NOT NULL,
    PRIMARY KEY (corp, level, hi, part)
);
-- Parts are read whole and are already compact: store them out of line
-- without pglz compression, whose decompression dominated reading a list.
ALTER TABLE list_parts ALTER COLUMN data SET STORAGE EXTERNAL;
