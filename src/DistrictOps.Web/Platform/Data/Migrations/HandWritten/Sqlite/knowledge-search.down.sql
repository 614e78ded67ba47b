DROP TRIGGER IF EXISTS knowledge_articles_fts_insert;
DROP TRIGGER IF EXISTS knowledge_articles_fts_delete;
DROP TRIGGER IF EXISTS knowledge_articles_fts_update;
DROP TABLE IF EXISTS knowledge_articles_fts;
