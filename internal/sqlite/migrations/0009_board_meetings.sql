-- Board and committee meetings, resolutions, consents, committees (package tables, board_meetings.go).
CREATE TABLE board_meetings (
    corp TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, kind TEXT NOT NULL, date TEXT NOT NULL, time TEXT NOT NULL, place TEXT NOT NULL, called_by TEXT NOT NULL, requested_by TEXT NOT NULL, purposes TEXT NOT NULL, adjourned_from TEXT NOT NULL, called TEXT NOT NULL, seq INTEGER NOT NULL, held INTEGER NOT NULL, chair TEXT NOT NULL, present INTEGER NOT NULL, members INTEGER NOT NULL, quorum INTEGER NOT NULL, has_quorum INTEGER NOT NULL, adjourned_to TEXT NOT NULL, held_seq INTEGER NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE board_notices (
    corp TEXT NOT NULL, meeting TEXT NOT NULL, director TEXT NOT NULL, seq INTEGER NOT NULL, method TEXT NOT NULL, given TEXT NOT NULL, given_time TEXT NOT NULL, hours INTEGER NOT NULL, days INTEGER NOT NULL,
    PRIMARY KEY (corp, meeting, director, seq)
);
CREATE TABLE board_waivers (
    corp TEXT NOT NULL, meeting TEXT NOT NULL, director TEXT NOT NULL, signed TEXT NOT NULL, form TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, meeting, director)
);
CREATE TABLE board_attendance (
    corp TEXT NOT NULL, meeting TEXT NOT NULL, person TEXT NOT NULL, mode TEXT NOT NULL, role TEXT NOT NULL, replaces TEXT NOT NULL, objected INTEGER NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, meeting, person)
);
CREATE TABLE board_resolutions (
    corp TEXT NOT NULL, adopted_in TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, body TEXT NOT NULL, effective TEXT NOT NULL, votes_for INTEGER NOT NULL, votes_against INTEGER NOT NULL, votes_abstain INTEGER NOT NULL, votes TEXT NOT NULL,
    PRIMARY KEY (corp, adopted_in, seq)
);
CREATE TABLE board_consents (
    corp TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, effective TEXT NOT NULL, signers TEXT NOT NULL, members TEXT NOT NULL, resolutions TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE committees (
    corp TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, designated TEXT NOT NULL, dissolved TEXT NOT NULL, members TEXT NOT NULL, alternates TEXT NOT NULL, powers TEXT NOT NULL, quorum INTEGER NOT NULL, resolution TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE board_schedules (
    corp TEXT NOT NULL, effective TEXT NOT NULL, seq INTEGER NOT NULL, dates TEXT NOT NULL, time TEXT NOT NULL, place TEXT NOT NULL,
    PRIMARY KEY (corp, effective, seq)
);
CREATE TABLE director_compensation (
    corp TEXT NOT NULL, effective TEXT NOT NULL, seq INTEGER NOT NULL, form TEXT NOT NULL, amount TEXT NOT NULL, directors TEXT NOT NULL, committee_members INTEGER NOT NULL,
    PRIMARY KEY (corp, effective, seq)
);
CREATE TABLE court_triggers (
    corp TEXT NOT NULL, seq INTEGER NOT NULL, effective TEXT NOT NULL, in_office INTEGER NOT NULL, whole_board INTEGER NOT NULL, director TEXT NOT NULL,
    PRIMARY KEY (corp, seq)
);
