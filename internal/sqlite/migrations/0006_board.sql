-- The board and the officers (package tables, board.go).
CREATE TABLE directors (
    corp TEXT NOT NULL, person TEXT NOT NULL, since TEXT NOT NULL, until TEXT NOT NULL, how TEXT NOT NULL, ended_how TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, person, since)
);
CREATE TABLE board_sizes (
    corp TEXT NOT NULL, effective TEXT NOT NULL, seq INTEGER NOT NULL, size INTEGER NOT NULL, fixed_by TEXT NOT NULL,
    PRIMARY KEY (corp, effective, seq)
);
CREATE TABLE officers (
    corp TEXT NOT NULL, office TEXT NOT NULL, person TEXT NOT NULL, since TEXT NOT NULL, until TEXT NOT NULL, rank INTEGER NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, office, person, since)
);
