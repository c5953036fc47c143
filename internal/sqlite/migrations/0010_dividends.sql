-- Dividends, reserves, typed resolutions, the treasurer's bond and the indemnification docket (package tables, dividends.go).
CREATE TABLE dividends (
    corp TEXT NOT NULL, id TEXT NOT NULL, declared TEXT NOT NULL, form TEXT NOT NULL, rates TEXT NOT NULL, record_date TEXT NOT NULL, payable TEXT NOT NULL, property TEXT NOT NULL, resolution TEXT NOT NULL, body TEXT NOT NULL, paid TEXT NOT NULL, paid_seq INTEGER NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE dividend_payments (
    corp TEXT NOT NULL, dividend TEXT NOT NULL, holder TEXT NOT NULL, class TEXT NOT NULL, units INTEGER NOT NULL, entitled TEXT NOT NULL, exact TEXT NOT NULL, amount TEXT NOT NULL, certificate INTEGER NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, dividend, holder, class)
);
CREATE TABLE reserves (
    corp TEXT NOT NULL, id TEXT NOT NULL, purpose TEXT NOT NULL, amount TEXT NOT NULL, created TEXT NOT NULL, body TEXT NOT NULL, manner TEXT NOT NULL, resolution TEXT NOT NULL, modified TEXT NOT NULL, abolished TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE resolutions (
    corp TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, effective TEXT NOT NULL, body TEXT NOT NULL, resolution TEXT NOT NULL, detail TEXT NOT NULL,
    PRIMARY KEY (corp, seq)
);
CREATE TABLE treasurer_bonds (
    corp TEXT NOT NULL, seq INTEGER NOT NULL, treasurer TEXT NOT NULL, amount TEXT NOT NULL, sureties TEXT NOT NULL, given TEXT NOT NULL, renew_by TEXT NOT NULL, resolution TEXT NOT NULL,
    PRIMARY KEY (corp, seq)
);
CREATE TABLE indemnification_requests (
    corp TEXT NOT NULL, id TEXT NOT NULL, person TEXT NOT NULL, role TEXT NOT NULL, by_reason_of TEXT NOT NULL, enterprise TEXT NOT NULL, proceeding TEXT NOT NULL, nature TEXT NOT NULL, initiated_by TEXT NOT NULL, corporation_suit TEXT NOT NULL, requested TEXT NOT NULL, undertaking TEXT NOT NULL, authorized TEXT NOT NULL, board_authorizations TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE indemnification_payments (
    corp TEXT NOT NULL, request TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, effective TEXT NOT NULL, claimed TEXT NOT NULL, insurance TEXT NOT NULL, other TEXT NOT NULL, payable TEXT NOT NULL, mandatory INTEGER NOT NULL, resolution TEXT NOT NULL,
    PRIMARY KEY (corp, request, seq)
);
