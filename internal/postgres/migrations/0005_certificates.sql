-- Lost certificates, calls and payments (package tables, lostcerts.go).
CREATE TABLE lost_certificates (
    corp TEXT COLLATE "C" NOT NULL, certificate BIGINT NOT NULL, claimant TEXT COLLATE "C" NOT NULL, representative BIGINT NOT NULL, cause TEXT COLLATE "C" NOT NULL,
    circumstances TEXT COLLATE "C" NOT NULL, sworn TEXT COLLATE "C" NOT NULL, affidavit_seq BIGINT NOT NULL,
    directed TEXT COLLATE "C" NOT NULL, direction_seq BIGINT NOT NULL, resolution TEXT COLLATE "C" NOT NULL,
    bond_required TEXT COLLATE "C" NOT NULL, bond_posted TEXT COLLATE "C" NOT NULL, bond_amount TEXT COLLATE "C" NOT NULL, surety TEXT COLLATE "C" NOT NULL,
    advertisement_required TEXT COLLATE "C" NOT NULL, advertised TEXT COLLATE "C" NOT NULL, publication TEXT COLLATE "C" NOT NULL,
    replacement BIGINT NOT NULL, replaced_seq BIGINT NOT NULL,
    PRIMARY KEY (corp, certificate)
);
CREATE TABLE stock_calls (
    corp TEXT COLLATE "C" NOT NULL, number BIGINT NOT NULL, certificate BIGINT NOT NULL, holder TEXT COLLATE "C" NOT NULL, amount TEXT COLLATE "C" NOT NULL,
    applied TEXT COLLATE "C" NOT NULL, called TEXT COLLATE "C" NOT NULL, due TEXT COLLATE "C" NOT NULL, resolution TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, number)
);
CREATE TABLE stock_payments (
    corp TEXT COLLATE "C" NOT NULL, certificate BIGINT NOT NULL, seq BIGINT NOT NULL, amount TEXT COLLATE "C" NOT NULL, paid_on TEXT COLLATE "C" NOT NULL,
    payer TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (corp, certificate, seq)
);
