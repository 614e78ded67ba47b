-- Text search over a million tickets (the header's search): title, description and requester in one external-content
-- trigram FTS5 table, the replies and notes in another, each kept in step by triggers. It replaces the title-only table of
-- ticket-title-search.sql. Safe to run again: a migration that rebuilds helpdesk_tickets or helpdesk_ticket_events (SQLite
-- does, to add a foreign key) drops their triggers, and must then apply this file again (HandWrittenSql.Apply).
DROP TRIGGER IF EXISTS helpdesk_tickets_fts_insert;
DROP TRIGGER IF EXISTS helpdesk_tickets_fts_delete;
DROP TRIGGER IF EXISTS helpdesk_tickets_fts_update;
DROP TABLE IF EXISTS helpdesk_tickets_fts;
CREATE VIRTUAL TABLE helpdesk_tickets_fts USING fts5("Title", "Description", "RequesterName", content='helpdesk_tickets', content_rowid='Id', tokenize='trigram');

CREATE TRIGGER helpdesk_tickets_fts_insert AFTER INSERT ON helpdesk_tickets BEGIN
    INSERT INTO helpdesk_tickets_fts(rowid, "Title", "Description", "RequesterName") VALUES (new."Id", new."Title", new."Description", new."RequesterName");
END;

CREATE TRIGGER helpdesk_tickets_fts_delete AFTER DELETE ON helpdesk_tickets BEGIN
    INSERT INTO helpdesk_tickets_fts(helpdesk_tickets_fts, rowid, "Title", "Description", "RequesterName")
    VALUES ('delete', old."Id", old."Title", old."Description", old."RequesterName");
END;

CREATE TRIGGER helpdesk_tickets_fts_update AFTER UPDATE OF "Title", "Description", "RequesterName" ON helpdesk_tickets BEGIN
    INSERT INTO helpdesk_tickets_fts(helpdesk_tickets_fts, rowid, "Title", "Description", "RequesterName")
    VALUES ('delete', old."Id", old."Title", old."Description", old."RequesterName");
    INSERT INTO helpdesk_tickets_fts(rowid, "Title", "Description", "RequesterName") VALUES (new."Id", new."Title", new."Description", new."RequesterName");
END;

INSERT INTO helpdesk_tickets_fts(helpdesk_tickets_fts) VALUES ('rebuild');

-- Only replies and notes are indexed (the other events' bodies are the app's own words), so the table is filled by a
-- filtered insert instead of 'rebuild', which would read every event; the triggers carry the same condition, as a
-- 'delete' must name exactly what was indexed. Events are never updated (the timeline is the record, ADR 0007).
DROP TRIGGER IF EXISTS helpdesk_ticket_events_fts_insert;
DROP TRIGGER IF EXISTS helpdesk_ticket_events_fts_delete;
DROP TABLE IF EXISTS helpdesk_ticket_events_fts;
CREATE VIRTUAL TABLE helpdesk_ticket_events_fts USING fts5("Body", content='helpdesk_ticket_events', content_rowid='Id', tokenize='trigram');

CREATE TRIGGER helpdesk_ticket_events_fts_insert AFTER INSERT ON helpdesk_ticket_events
WHEN new."Kind" IN ('PublicReply', 'InternalNote') AND new."Body" IS NOT NULL BEGIN
    INSERT INTO helpdesk_ticket_events_fts(rowid, "Body") VALUES (new."Id", new."Body");
END;

CREATE TRIGGER helpdesk_ticket_events_fts_delete AFTER DELETE ON helpdesk_ticket_events
WHEN old."Kind" IN ('PublicReply', 'InternalNote') AND old."Body" IS NOT NULL BEGIN
    INSERT INTO helpdesk_ticket_events_fts(helpdesk_ticket_events_fts, rowid, "Body") VALUES ('delete', old."Id", old."Body");
END;

INSERT INTO helpdesk_ticket_events_fts(rowid, "Body")
SELECT "Id", "Body" FROM helpdesk_ticket_events WHERE "Kind" IN ('PublicReply', 'InternalNote') AND "Body" IS NOT NULL;
