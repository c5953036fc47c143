-- Dividends, reserves, typed resolutions, the treasurer's bond and the indemnification docket (package tables, dividends.go).
CREATE TABLE dividends (
    corp TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, declared TEXT COLLATE "C" NOT NULL, form TEXT COLLATE "C" NOT NULL, rates TEXT COLLATE "C" NOT NULL, record_date TEXT COLLATE "C" NOT NULL, payable TEXT COLLATE "C" NOT NULL, property TEXT COLLATE "C" NOT NULL, resolution TEXT COLLATE "C" NOT NULL, body TEXT COLLATE "C" NOT NULL, paid TEXT COLLATE "C" NOT NULL, paid_seq BIGINT NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE dividend_payments (
    corp TEXT COLLATE "C" NOT NULL, dividend TEXT COLLATE "C" NOT NULL, holder TEXT COLLATE "C" NOT NULL, class TEXT COLLATE "C" NOT NULL, units BIGINT NOT NULL, entitled TEXT COLLATE "C" NOT NULL, exact TEXT COLLATE "C" NOT NULL, amount TEXT COLLATE "C" NOT NULL, certificate BIGINT NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, dividend, holder, class)
);
CREATE TABLE reserves (
    corp TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, purpose TEXT COLLATE "C" NOT NULL, amount TEXT COLLATE "C" NOT NULL, created TEXT COLLATE "C" NOT NULL, body TEXT COLLATE "C" NOT NULL, manner TEXT COLLATE "C" NOT NULL, resolution TEXT COLLATE "C" NOT NULL, modified TEXT COLLATE "C" NOT NULL, abolished TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE resolutions (
    corp TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, kind TEXT COLLATE "C" NOT NULL, effective TEXT COLLATE "C" NOT NULL, body TEXT COLLATE "C" NOT NULL, resolution TEXT COLLATE "C" NOT NULL, detail TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (corp, seq)
);
CREATE TABLE treasurer_bonds (
    corp TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, treasurer TEXT COLLATE "C" NOT NULL, amount TEXT COLLATE "C" NOT NULL, sureties TEXT COLLATE "C" NOT NULL, given TEXT COLLATE "C" NOT NULL, renew_by TEXT COLLATE "C" NOT NULL, resolution TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (corp, seq)
);
CREATE TABLE indemnification_requests (
    corp TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, person TEXT COLLATE "C" NOT NULL, role TEXT COLLATE "C" NOT NULL, by_reason_of TEXT COLLATE "C" NOT NULL, enterprise TEXT COLLATE "C" NOT NULL, proceeding TEXT COLLATE "C" NOT NULL, nature TEXT COLLATE "C" NOT NULL, initiated_by TEXT COLLATE "C" NOT NULL, corporation_suit TEXT COLLATE "C" NOT NULL, requested TEXT COLLATE "C" NOT NULL, undertaking TEXT COLLATE "C" NOT NULL, authorized TEXT COLLATE "C" NOT NULL, board_authorizations TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE indemnification_payments (
    corp TEXT COLLATE "C" NOT NULL, request TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, kind TEXT COLLATE "C" NOT NULL, effective TEXT COLLATE "C" NOT NULL, claimed TEXT COLLATE "C" NOT NULL, insurance TEXT COLLATE "C" NOT NULL, other TEXT COLLATE "C" NOT NULL, payable TEXT COLLATE "C" NOT NULL, mandatory BIGINT NOT NULL, resolution TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (corp, request, seq)
);
