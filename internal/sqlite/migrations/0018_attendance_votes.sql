-- meeting.held records each attendee's voting power at the record date beside the shares, so
-- that a tally reads it rather than the ledger, holder by holder (package tables, meetings.go).
-- Rows recorded before keep "" and are read from the ledger as before.
ALTER TABLE stockholder_attendance ADD COLUMN votes TEXT NOT NULL DEFAULT '';
