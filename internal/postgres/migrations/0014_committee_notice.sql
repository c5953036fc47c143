-- The notice a committee's meetings need, as its designating resolution says; the body and resolution
-- that fixed directors' compensation (package tables, board_meetings.go).
ALTER TABLE committees ADD COLUMN notice TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE director_compensation ADD COLUMN body TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE director_compensation ADD COLUMN resolution TEXT COLLATE "C" NOT NULL DEFAULT '';
