-- Written consents of the board or a committee circulated for signature (board.consent_circulate,
-- board.consent_sign): package tables, board_meetings.go.
CREATE TABLE board_consent_circulations (
    corp TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, circulated TEXT NOT NULL, directors TEXT NOT NULL, resolutions TEXT NOT NULL, signatures TEXT NOT NULL, effective TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, id)
);
