-- Voting at stockholders' meetings: polls, proxies, ballots, certified results (package tables, votes.go).
CREATE TABLE vote_polls (
    corp TEXT COLLATE "C" NOT NULL, meeting TEXT COLLATE "C" NOT NULL, meeting_date TEXT COLLATE "C" NOT NULL, record_date TEXT COLLATE "C" NOT NULL, opened TEXT COLLATE "C" NOT NULL,
    closed TEXT COLLATE "C" NOT NULL, matters TEXT COLLATE "C" NOT NULL, scale BIGINT NOT NULL, outstanding BIGINT NOT NULL, inspector TEXT COLLATE "C" NOT NULL,
    seq BIGINT NOT NULL, closed_seq BIGINT NOT NULL,
    PRIMARY KEY (corp, meeting)
);
CREATE TABLE vote_proxies (
    corp TEXT COLLATE "C" NOT NULL, holder TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, proxy_holder TEXT COLLATE "C" NOT NULL, date TEXT COLLATE "C" NOT NULL, period TEXT COLLATE "C" NOT NULL,
    meeting TEXT COLLATE "C" NOT NULL, revoked TEXT COLLATE "C" NOT NULL, revoked_seq BIGINT NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, holder, id)
);
CREATE TABLE vote_ballots (
    corp TEXT COLLATE "C" NOT NULL, meeting TEXT COLLATE "C" NOT NULL, matter TEXT COLLATE "C" NOT NULL, holder TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, ballot BYTEA NOT NULL,
    PRIMARY KEY (corp, meeting, matter, holder, seq)
);
CREATE TABLE vote_results (
    corp TEXT COLLATE "C" NOT NULL, meeting TEXT COLLATE "C" NOT NULL, effective TEXT COLLATE "C" NOT NULL, root TEXT COLLATE "C" NOT NULL, result TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, meeting)
);
