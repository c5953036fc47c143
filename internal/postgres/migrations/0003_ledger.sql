-- The stock ledger (package tables, ledger.go). Share counts are integer units.
CREATE TABLE certificates (
    corp TEXT COLLATE "C" NOT NULL, number BIGINT NOT NULL, class TEXT COLLATE "C" NOT NULL, holder TEXT COLLATE "C" NOT NULL,
    units BIGINT NOT NULL, issued TEXT COLLATE "C" NOT NULL, status TEXT COLLATE "C" NOT NULL, certificated BIGINT NOT NULL,
    consideration TEXT COLLATE "C" NOT NULL, paid TEXT COLLATE "C" NOT NULL, signers TEXT COLLATE "C" NOT NULL, legends TEXT COLLATE "C" NOT NULL,
    origin TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, closed_seq BIGINT NOT NULL, acquired TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (corp, number)
);
CREATE INDEX certificates_holder ON certificates (corp, holder, status);
CREATE TABLE holdings (
    corp TEXT COLLATE "C" NOT NULL, holder TEXT COLLATE "C" NOT NULL, class TEXT COLLATE "C" NOT NULL, units BIGINT NOT NULL,
    PRIMARY KEY (corp, holder, class)
);
CREATE TABLE holding_changes (
    corp TEXT COLLATE "C" NOT NULL, holder TEXT COLLATE "C" NOT NULL, class TEXT COLLATE "C" NOT NULL, effective TEXT COLLATE "C" NOT NULL,
    seq BIGINT NOT NULL, delta_units BIGINT NOT NULL,
    PRIMARY KEY (corp, holder, class, effective, seq)
);
CREATE TABLE class_totals (
    corp TEXT COLLATE "C" NOT NULL, class TEXT COLLATE "C" NOT NULL, issued_units BIGINT NOT NULL, treasury_units BIGINT NOT NULL,
    PRIMARY KEY (corp, class)
);
CREATE TABLE counters (
    corp TEXT COLLATE "C" NOT NULL, name TEXT COLLATE "C" NOT NULL, value BIGINT NOT NULL,
    PRIMARY KEY (corp, name)
);
CREATE TABLE stop_orders (
    corp TEXT COLLATE "C" NOT NULL, number BIGINT NOT NULL, holder TEXT COLLATE "C" NOT NULL, class TEXT COLLATE "C" NOT NULL, certificate BIGINT NOT NULL, reason TEXT COLLATE "C" NOT NULL,
    imposed TEXT COLLATE "C" NOT NULL, lifted TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, number)
);
CREATE TABLE registrations (
    corp TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, effective TEXT COLLATE "C" NOT NULL, standoff_requested BIGINT NOT NULL, requested_by TEXT COLLATE "C" NOT NULL,
    requested_on TEXT COLLATE "C" NOT NULL, public_offering BIGINT NOT NULL, first_offered TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, id)
);
