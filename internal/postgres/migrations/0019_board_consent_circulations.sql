-- Written consents of the board or a committee circulated for signature (board.consent_circulate,
-- board.consent_sign): package tables, board_meetings.go.
CREATE TABLE board_consent_circulations (
    corp TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, body TEXT COLLATE "C" NOT NULL, circulated TEXT COLLATE "C" NOT NULL, directors TEXT COLLATE "C" NOT NULL, resolutions TEXT COLLATE "C" NOT NULL, signatures TEXT COLLATE "C" NOT NULL, effective TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, id)
);
