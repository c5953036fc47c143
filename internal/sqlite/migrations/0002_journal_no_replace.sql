-- INSERT OR REPLACE (and REPLACE) resolves a key conflict by deleting the
-- existing row, and SQLite fires no DELETE trigger for that deletion unless
-- recursive_triggers is on: it rewrote a journal entry in place. Refuse an
-- insert whose key is taken before any conflict resolution runs. A plain
-- duplicate append still fails with a constraint error (a conflict).
CREATE TRIGGER journal_no_replace BEFORE INSERT ON journal
WHEN EXISTS (SELECT 1 FROM journal WHERE corp = NEW.corp AND seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: entry already exists'); END;
