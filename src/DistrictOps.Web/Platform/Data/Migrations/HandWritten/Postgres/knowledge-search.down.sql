DROP INDEX IF EXISTS "IX_knowledge_articles_SearchVector";
ALTER TABLE knowledge_articles DROP COLUMN IF EXISTS "SearchVector";
