-- Non-voting instruments: options, warrants, convertibles (package tables, instruments.go).
CREATE TABLE instruments (
    corp TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL, subtype TEXT NOT NULL, label TEXT NOT NULL,
    holder TEXT NOT NULL, class TEXT NOT NULL, quantity TEXT NOT NULL, principal TEXT NOT NULL, price TEXT NOT NULL,
    purchase_price TEXT NOT NULL, granted TEXT NOT NULL, expiration TEXT NOT NULL, vesting TEXT NOT NULL,
    plan TEXT NOT NULL, resolution TEXT NOT NULL, remaining TEXT NOT NULL, status TEXT NOT NULL, closed TEXT NOT NULL,
    seq INTEGER NOT NULL, closed_seq INTEGER NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE instrument_changes (
    corp TEXT NOT NULL, instrument TEXT NOT NULL, effective TEXT NOT NULL, seq INTEGER NOT NULL, event TEXT NOT NULL,
    taken TEXT NOT NULL, class TEXT NOT NULL, shares TEXT NOT NULL, certificate INTEGER NOT NULL, reason TEXT NOT NULL,
    PRIMARY KEY (corp, instrument, effective, seq)
);
