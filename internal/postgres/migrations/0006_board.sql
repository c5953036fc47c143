-- The board and the officers (package tables, board.go).
CREATE TABLE directors (
    corp TEXT COLLATE "C" NOT NULL, person TEXT COLLATE "C" NOT NULL, since TEXT COLLATE "C" NOT NULL, until TEXT COLLATE "C" NOT NULL, how TEXT COLLATE "C" NOT NULL, ended_how TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, person, since)
);
CREATE TABLE board_sizes (
    corp TEXT COLLATE "C" NOT NULL, effective TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, size BIGINT NOT NULL, fixed_by TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (corp, effective, seq)
);
CREATE TABLE officers (
    corp TEXT COLLATE "C" NOT NULL, office TEXT COLLATE "C" NOT NULL, person TEXT COLLATE "C" NOT NULL, since TEXT COLLATE "C" NOT NULL, until TEXT COLLATE "C" NOT NULL, rank BIGINT NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, office, person, since)
);
