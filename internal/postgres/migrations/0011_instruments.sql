-- Non-voting instruments: options, warrants, convertibles (package tables, instruments.go).
CREATE TABLE instruments (
    corp TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, type TEXT COLLATE "C" NOT NULL, subtype TEXT COLLATE "C" NOT NULL, label TEXT COLLATE "C" NOT NULL,
    holder TEXT COLLATE "C" NOT NULL, class TEXT COLLATE "C" NOT NULL, quantity TEXT COLLATE "C" NOT NULL, principal TEXT COLLATE "C" NOT NULL, price TEXT COLLATE "C" NOT NULL,
    purchase_price TEXT COLLATE "C" NOT NULL, granted TEXT COLLATE "C" NOT NULL, expiration TEXT COLLATE "C" NOT NULL, vesting TEXT COLLATE "C" NOT NULL,
    plan TEXT COLLATE "C" NOT NULL, resolution TEXT COLLATE "C" NOT NULL, remaining TEXT COLLATE "C" NOT NULL, status TEXT COLLATE "C" NOT NULL, closed TEXT COLLATE "C" NOT NULL,
    seq BIGINT NOT NULL, closed_seq BIGINT NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE instrument_changes (
    corp TEXT COLLATE "C" NOT NULL, instrument TEXT COLLATE "C" NOT NULL, effective TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, event TEXT COLLATE "C" NOT NULL,
    taken TEXT COLLATE "C" NOT NULL, class TEXT COLLATE "C" NOT NULL, shares TEXT COLLATE "C" NOT NULL, certificate BIGINT NOT NULL, reason TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (corp, instrument, effective, seq)
);
