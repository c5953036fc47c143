-- The right of first refusal (package tables, rofr.go): notices, assignments, elections, waivers.
CREATE TABLE rofr_notices (
    corp TEXT NOT NULL, number INTEGER NOT NULL, holder TEXT NOT NULL, class TEXT NOT NULL, certificates TEXT NOT NULL,
    units INTEGER NOT NULL, transferee TEXT NOT NULL, nature TEXT NOT NULL, payment TEXT NOT NULL, price TEXT NOT NULL,
    consideration TEXT NOT NULL, terms TEXT NOT NULL, received TEXT NOT NULL, secretary_received TEXT NOT NULL,
    option_first TEXT NOT NULL, option_last TEXT NOT NULL, settle_by TEXT NOT NULL, free_first TEXT NOT NULL,
    free_last TEXT NOT NULL, fmv TEXT NOT NULL, fmv_resolution TEXT NOT NULL, declined TEXT NOT NULL,
    settled_seq INTEGER NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, number)
);
CREATE TABLE rofr_assignments (
    corp TEXT NOT NULL, notice INTEGER NOT NULL, assignee TEXT NOT NULL, units INTEGER NOT NULL, resolution TEXT NOT NULL,
    effective TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, notice, assignee)
);
CREATE TABLE rofr_elections (
    corp TEXT NOT NULL, notice INTEGER NOT NULL, purchaser TEXT NOT NULL, units INTEGER NOT NULL, elected TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (corp, notice, purchaser)
);
CREATE TABLE rofr_waivers (
    corp TEXT NOT NULL, number INTEGER NOT NULL, holder TEXT NOT NULL, transferee TEXT NOT NULL, class TEXT NOT NULL,
    certificates TEXT NOT NULL, units INTEGER NOT NULL, waived_by TEXT NOT NULL, resolution TEXT NOT NULL,
    consent_votes TEXT NOT NULL, base_votes TEXT NOT NULL, excluded_votes TEXT NOT NULL, effective TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (corp, number)
);
