-- Kept in step with SQLite's migration 0002, which refuses INSERT OR REPLACE
-- on the journal. PostgreSQL has no REPLACE: its row triggers of 0001 already
-- refuse UPDATE, DELETE and TRUNCATE, and a duplicate (corp, seq) fails the
-- primary key. The two dialects keep the same numbers, so nothing to do here.
SELECT 1;
