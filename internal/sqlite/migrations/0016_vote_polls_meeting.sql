-- The polls of a meeting take its date and record date from the meeting's own records
-- (stockholder_meetings); vote_polls keeps only what those lack (package tables, votes.go).
ALTER TABLE vote_polls DROP COLUMN meeting_date;
ALTER TABLE vote_polls DROP COLUMN record_date;
