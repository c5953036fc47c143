-- The journal by kind, in sequence order: the recount of a meeting
-- (result.certify) reads only the proxy and ballot entries
-- (tables.View.JournalOf).
CREATE INDEX journal_kind ON journal (corp, kind, seq);
