-- The knowledge base's full-text index (ADR 0028): title, summary, tags and the body's words of every article, in an
-- external-content FTS5 table kept in step by triggers. Porter stemming finds "printing" for "printer"; remove_diacritics
-- lets "contrasena" find "contraseña". Safe to run again: a migration that rebuilds knowledge_articles drops its triggers,
-- and must then apply this file again (HandWrittenSql.Apply).
DROP TRIGGER IF EXISTS knowledge_articles_fts_insert;
DROP TRIGGER IF EXISTS knowledge_articles_fts_delete;
DROP TRIGGER IF EXISTS knowledge_articles_fts_update;
DROP TABLE IF EXISTS knowledge_articles_fts;
CREATE VIRTUAL TABLE knowledge_articles_fts USING fts5("Title", "Summary", "Tags", "PlainText", content='knowledge_articles', content_rowid='Id',
    tokenize='porter unicode61 remove_diacritics 2');

CREATE TRIGGER knowledge_articles_fts_insert AFTER INSERT ON knowledge_articles BEGIN
    INSERT INTO knowledge_articles_fts(rowid, "Title", "Summary", "Tags", "PlainText") VALUES (new."Id", new."Title", new."Summary", new."Tags", new."PlainText");
END;

CREATE TRIGGER knowledge_articles_fts_delete AFTER DELETE ON knowledge_articles BEGIN
    INSERT INTO knowledge_articles_fts(knowledge_articles_fts, rowid, "Title", "Summary", "Tags", "PlainText")
    VALUES ('delete', old."Id", old."Title", old."Summary", old."Tags", old."PlainText");
END;

CREATE TRIGGER knowledge_articles_fts_update AFTER UPDATE OF "Title", "Summary", "Tags", "PlainText" ON knowledge_articles BEGIN
    INSERT INTO knowledge_articles_fts(knowledge_articles_fts, rowid, "Title", "Summary", "Tags", "PlainText")
    VALUES ('delete', old."Id", old."Title", old."Summary", old."Tags", old."PlainText");
    INSERT INTO knowledge_articles_fts(rowid, "Title", "Summary", "Tags", "PlainText") VALUES (new."Id", new."Title", new."Summary", new."Tags", new."PlainText");
END;

INSERT INTO knowledge_articles_fts(knowledge_articles_fts) VALUES ('rebuild');
