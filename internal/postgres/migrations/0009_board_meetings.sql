-- Board and committee meetings, resolutions, consents, committees (package tables, board_meetings.go).
CREATE TABLE board_meetings (
    corp TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, body TEXT COLLATE "C" NOT NULL, kind TEXT COLLATE "C" NOT NULL, date TEXT COLLATE "C" NOT NULL, time TEXT COLLATE "C" NOT NULL, place TEXT COLLATE "C" NOT NULL, called_by TEXT COLLATE "C" NOT NULL, requested_by TEXT COLLATE "C" NOT NULL, purposes TEXT COLLATE "C" NOT NULL, adjourned_from TEXT COLLATE "C" NOT NULL, called TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, held BIGINT NOT NULL, chair TEXT COLLATE "C" NOT NULL, present BIGINT NOT NULL, members BIGINT NOT NULL, quorum BIGINT NOT NULL, has_quorum BIGINT NOT NULL, adjourned_to TEXT COLLATE "C" NOT NULL, held_seq BIGINT NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE board_notices (
    corp TEXT COLLATE "C" NOT NULL, meeting TEXT COLLATE "C" NOT NULL, director TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, method TEXT COLLATE "C" NOT NULL, given TEXT COLLATE "C" NOT NULL, given_time TEXT COLLATE "C" NOT NULL, hours BIGINT NOT NULL, days BIGINT NOT NULL,
    PRIMARY KEY (corp, meeting, director, seq)
);
CREATE TABLE board_waivers (
    corp TEXT COLLATE "C" NOT NULL, meeting TEXT COLLATE "C" NOT NULL, director TEXT COLLATE "C" NOT NULL, signed TEXT COLLATE "C" NOT NULL, form TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, meeting, director)
);
CREATE TABLE board_attendance (
    corp TEXT COLLATE "C" NOT NULL, meeting TEXT COLLATE "C" NOT NULL, person TEXT COLLATE "C" NOT NULL, mode TEXT COLLATE "C" NOT NULL, role TEXT COLLATE "C" NOT NULL, replaces TEXT COLLATE "C" NOT NULL, objected BIGINT NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, meeting, person)
);
CREATE TABLE board_resolutions (
    corp TEXT COLLATE "C" NOT NULL, adopted_in TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, kind TEXT COLLATE "C" NOT NULL, body TEXT COLLATE "C" NOT NULL, effective TEXT COLLATE "C" NOT NULL, votes_for BIGINT NOT NULL, votes_against BIGINT NOT NULL, votes_abstain BIGINT NOT NULL, votes TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (corp, adopted_in, seq)
);
CREATE TABLE board_consents (
    corp TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, body TEXT COLLATE "C" NOT NULL, effective TEXT COLLATE "C" NOT NULL, signers TEXT COLLATE "C" NOT NULL, members TEXT COLLATE "C" NOT NULL, resolutions TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE committees (
    corp TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, name TEXT COLLATE "C" NOT NULL, designated TEXT COLLATE "C" NOT NULL, dissolved TEXT COLLATE "C" NOT NULL, members TEXT COLLATE "C" NOT NULL, alternates TEXT COLLATE "C" NOT NULL, powers TEXT COLLATE "C" NOT NULL, quorum BIGINT NOT NULL, resolution TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE board_schedules (
    corp TEXT COLLATE "C" NOT NULL, effective TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, dates TEXT COLLATE "C" NOT NULL, time TEXT COLLATE "C" NOT NULL, place TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (corp, effective, seq)
);
CREATE TABLE director_compensation (
    corp TEXT COLLATE "C" NOT NULL, effective TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, form TEXT COLLATE "C" NOT NULL, amount TEXT COLLATE "C" NOT NULL, directors TEXT COLLATE "C" NOT NULL, committee_members BIGINT NOT NULL,
    PRIMARY KEY (corp, effective, seq)
);
CREATE TABLE court_triggers (
    corp TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, effective TEXT COLLATE "C" NOT NULL, in_office BIGINT NOT NULL, whole_board BIGINT NOT NULL, director TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (corp, seq)
);
