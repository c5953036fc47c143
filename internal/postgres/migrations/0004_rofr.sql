-- The right of first refusal (package tables, rofr.go): notices, assignments, elections, waivers.
CREATE TABLE rofr_notices (
    corp TEXT COLLATE "C" NOT NULL, number BIGINT NOT NULL, holder TEXT COLLATE "C" NOT NULL, class TEXT COLLATE "C" NOT NULL, certificates TEXT COLLATE "C" NOT NULL,
    units BIGINT NOT NULL, transferee TEXT COLLATE "C" NOT NULL, nature TEXT COLLATE "C" NOT NULL, payment TEXT COLLATE "C" NOT NULL, price TEXT COLLATE "C" NOT NULL,
    consideration TEXT COLLATE "C" NOT NULL, terms TEXT COLLATE "C" NOT NULL, received TEXT COLLATE "C" NOT NULL, secretary_received TEXT COLLATE "C" NOT NULL,
    option_first TEXT COLLATE "C" NOT NULL, option_last TEXT COLLATE "C" NOT NULL, settle_by TEXT COLLATE "C" NOT NULL, free_first TEXT COLLATE "C" NOT NULL,
    free_last TEXT COLLATE "C" NOT NULL, fmv TEXT COLLATE "C" NOT NULL, fmv_resolution TEXT COLLATE "C" NOT NULL, declined TEXT COLLATE "C" NOT NULL,
    settled_seq BIGINT NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, number)
);
CREATE TABLE rofr_assignments (
    corp TEXT COLLATE "C" NOT NULL, notice BIGINT NOT NULL, assignee TEXT COLLATE "C" NOT NULL, units BIGINT NOT NULL, resolution TEXT COLLATE "C" NOT NULL,
    effective TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, notice, assignee)
);
CREATE TABLE rofr_elections (
    corp TEXT COLLATE "C" NOT NULL, notice BIGINT NOT NULL, purchaser TEXT COLLATE "C" NOT NULL, units BIGINT NOT NULL, elected TEXT COLLATE "C" NOT NULL,
    seq BIGINT NOT NULL,
    PRIMARY KEY (corp, notice, purchaser)
);
CREATE TABLE rofr_waivers (
    corp TEXT COLLATE "C" NOT NULL, number BIGINT NOT NULL, holder TEXT COLLATE "C" NOT NULL, transferee TEXT COLLATE "C" NOT NULL, class TEXT COLLATE "C" NOT NULL,
    certificates TEXT COLLATE "C" NOT NULL, units BIGINT NOT NULL, waived_by TEXT COLLATE "C" NOT NULL, resolution TEXT COLLATE "C" NOT NULL,
    consent_votes TEXT COLLATE "C" NOT NULL, base_votes TEXT COLLATE "C" NOT NULL, excluded_votes TEXT COLLATE "C" NOT NULL, effective TEXT COLLATE "C" NOT NULL,
    seq BIGINT NOT NULL,
    PRIMARY KEY (corp, number)
);
