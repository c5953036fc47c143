-- The stockholder list's tables (package tables, lists.go): person versions
-- by effective date, list checkpoints and their parts, and the indexes that
-- ScanBetween ranges over.
CREATE TABLE person_versions (
    corp TEXT NOT NULL, person TEXT NOT NULL, effective TEXT NOT NULL, seq INTEGER NOT NULL,
    name TEXT NOT NULL, sort_key TEXT NOT NULL, kind TEXT NOT NULL, address TEXT NOT NULL, email TEXT NOT NULL,
    PRIMARY KEY (corp, person, effective, seq)
);
CREATE INDEX person_versions_between ON person_versions (corp, effective, person, seq);
CREATE INDEX holding_changes_between ON holding_changes (corp, effective, holder, class, seq);
CREATE TABLE list_checkpoints (
    corp TEXT NOT NULL, level INTEGER NOT NULL, hi TEXT NOT NULL, lo TEXT NOT NULL,
    parts INTEGER NOT NULL, entries INTEGER NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, level, hi)
);
CREATE TABLE list_parts (
    corp TEXT NOT NULL, level INTEGER NOT NULL, hi TEXT NOT NULL, part INTEGER NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY (corp, level, hi, part)
);
