-- Title search over a million tickets: an external-content FTS5 table with the trigram tokenizer (substring,
-- case-insensitive LIKE served by the index), kept in step with helpdesk_tickets by triggers.
-- Safe to run again: a migration that rebuilds helpdesk_tickets (SQLite does, to add a foreign key) drops the
-- triggers, and must then apply this file again (HandWrittenSql.Apply).
CREATE VIRTUAL TABLE IF NOT EXISTS helpdesk_tickets_fts USING fts5("Title", content='helpdesk_tickets', content_rowid='Id', tokenize='trigram');

DROP TRIGGER IF EXISTS helpdesk_tickets_fts_insert;
DROP TRIGGER IF EXISTS helpdesk_tickets_fts_delete;
DROP TRIGGER IF EXISTS helpdesk_tickets_fts_update;

CREATE TRIGGER helpdesk_tickets_fts_insert AFTER INSERT ON helpdesk_tickets BEGIN
    INSERT INTO helpdesk_tickets_fts(rowid, "Title") VALUES (new."Id", new."Title");
END;

CREATE TRIGGER helpdesk_tickets_fts_delete AFTER DELETE ON helpdesk_tickets BEGIN
    INSERT INTO helpdesk_tickets_fts(helpdesk_tickets_fts, rowid, "Title") VALUES ('delete', old."Id", old."Title");
END;

CREATE TRIGGER helpdesk_tickets_fts_update AFTER UPDATE OF "Title" ON helpdesk_tickets BEGIN
    INSERT INTO helpdesk_tickets_fts(helpdesk_tickets_fts, rowid, "Title") VALUES ('delete', old."Id", old."Title");
    INSERT INTO helpdesk_tickets_fts(rowid, "Title") VALUES (new."Id", new."Title");
END;

-- Re-reads every title, in case rows moved while the triggers were missing.
INSERT INTO helpdesk_tickets_fts(helpdesk_tickets_fts) VALUES ('rebuild');
