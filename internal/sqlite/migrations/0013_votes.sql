-- Voting at stockholders' meetings: polls, proxies, ballots, certified results (package tables, votes.go).
CREATE TABLE vote_polls (
    corp TEXT NOT NULL, meeting TEXT NOT NULL, meeting_date TEXT NOT NULL, record_date TEXT NOT NULL, opened TEXT NOT NULL,
    closed TEXT NOT NULL, matters TEXT NOT NULL, scale INTEGER NOT NULL, outstanding INTEGER NOT NULL, inspector TEXT NOT NULL,
    seq INTEGER NOT NULL, closed_seq INTEGER NOT NULL,
    PRIMARY KEY (corp, meeting)
);
CREATE TABLE vote_proxies (
    corp TEXT NOT NULL, holder TEXT NOT NULL, id TEXT NOT NULL, proxy_holder TEXT NOT NULL, date TEXT NOT NULL, period TEXT NOT NULL,
    meeting TEXT NOT NULL, revoked TEXT NOT NULL, revoked_seq INTEGER NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, holder, id)
) WITHOUT ROWID;
-- Clustered on its key so that a meeting's ballots are one sequential scan.
CREATE TABLE vote_ballots (
    corp TEXT NOT NULL, meeting TEXT NOT NULL, matter TEXT NOT NULL, holder TEXT NOT NULL, seq INTEGER NOT NULL, ballot BLOB NOT NULL,
    PRIMARY KEY (corp, meeting, matter, holder, seq)
) WITHOUT ROWID;
CREATE TABLE vote_results (
    corp TEXT NOT NULL, meeting TEXT NOT NULL, effective TEXT NOT NULL, root TEXT NOT NULL, result TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, meeting)
);
