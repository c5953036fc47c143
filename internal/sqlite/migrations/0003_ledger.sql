-- The stock ledger (package tables, ledger.go). Share counts are integer units.
CREATE TABLE certificates (
    corp TEXT NOT NULL, number INTEGER NOT NULL, class TEXT NOT NULL, holder TEXT NOT NULL,
    units INTEGER NOT NULL, issued TEXT NOT NULL, status TEXT NOT NULL, certificated INTEGER NOT NULL,
    consideration TEXT NOT NULL, paid TEXT NOT NULL, signers TEXT NOT NULL, legends TEXT NOT NULL,
    origin TEXT NOT NULL, seq INTEGER NOT NULL, closed_seq INTEGER NOT NULL, acquired TEXT NOT NULL,
    PRIMARY KEY (corp, number)
);
CREATE INDEX certificates_holder ON certificates (corp, holder, status);
CREATE TABLE holdings (
    corp TEXT NOT NULL, holder TEXT NOT NULL, class TEXT NOT NULL, units INTEGER NOT NULL,
    PRIMARY KEY (corp, holder, class)
);
CREATE TABLE holding_changes (
    corp TEXT NOT NULL, holder TEXT NOT NULL, class TEXT NOT NULL, effective TEXT NOT NULL,
    seq INTEGER NOT NULL, delta_units INTEGER NOT NULL,
    PRIMARY KEY (corp, holder, class, effective, seq)
);
CREATE TABLE class_totals (
    corp TEXT NOT NULL, class TEXT NOT NULL, issued_units INTEGER NOT NULL, treasury_units INTEGER NOT NULL,
    PRIMARY KEY (corp, class)
);
CREATE TABLE counters (
    corp TEXT NOT NULL, name TEXT NOT NULL, value INTEGER NOT NULL,
    PRIMARY KEY (corp, name)
);
CREATE TABLE stop_orders (
    corp TEXT NOT NULL, number INTEGER NOT NULL, holder TEXT NOT NULL, class TEXT NOT NULL, certificate INTEGER NOT NULL, reason TEXT NOT NULL,
    imposed TEXT NOT NULL, lifted TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, number)
);
CREATE TABLE registrations (
    corp TEXT NOT NULL, id TEXT NOT NULL, effective TEXT NOT NULL, standoff_requested INTEGER NOT NULL, requested_by TEXT NOT NULL,
    requested_on TEXT NOT NULL, public_offering INTEGER NOT NULL, first_offered TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, id)
);
