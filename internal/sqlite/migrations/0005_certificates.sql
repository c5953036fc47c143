-- Lost certificates, calls and payments (package tables, lostcerts.go).
CREATE TABLE lost_certificates (
    corp TEXT NOT NULL, certificate INTEGER NOT NULL, claimant TEXT NOT NULL, representative INTEGER NOT NULL, cause TEXT NOT NULL,
    circumstances TEXT NOT NULL, sworn TEXT NOT NULL, affidavit_seq INTEGER NOT NULL,
    directed TEXT NOT NULL, direction_seq INTEGER NOT NULL, resolution TEXT NOT NULL,
    bond_required TEXT NOT NULL, bond_posted TEXT NOT NULL, bond_amount TEXT NOT NULL, surety TEXT NOT NULL,
    advertisement_required TEXT NOT NULL, advertised TEXT NOT NULL, publication TEXT NOT NULL,
    replacement INTEGER NOT NULL, replaced_seq INTEGER NOT NULL,
    PRIMARY KEY (corp, certificate)
);
CREATE TABLE stock_calls (
    corp TEXT NOT NULL, number INTEGER NOT NULL, certificate INTEGER NOT NULL, holder TEXT NOT NULL, amount TEXT NOT NULL,
    applied TEXT NOT NULL, called TEXT NOT NULL, due TEXT NOT NULL, resolution TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, number)
);
CREATE TABLE stock_payments (
    corp TEXT NOT NULL, certificate INTEGER NOT NULL, seq INTEGER NOT NULL, amount TEXT NOT NULL, paid_on TEXT NOT NULL,
    payer TEXT NOT NULL,
    PRIMARY KEY (corp, certificate, seq)
);
