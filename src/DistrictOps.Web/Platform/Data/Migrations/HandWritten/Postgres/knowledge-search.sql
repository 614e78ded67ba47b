-- The knowledge base's full-text index (ADR 0028): a stored tsvector per article in its language's text-search
-- configuration (english or spanish), the title weighing most, then the summary and tags, then the body's words; a GIN
-- index serves @@. The column is generated, so every write keeps it in step; the EF model does not map it.
ALTER TABLE knowledge_articles ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(CASE WHEN "Language" = 'es' THEN 'spanish'::regconfig ELSE 'english'::regconfig END, coalesce("Title", '')), 'A')
    || setweight(to_tsvector(CASE WHEN "Language" = 'es' THEN 'spanish'::regconfig ELSE 'english'::regconfig END, coalesce("Summary", '') || ' ' || coalesce("Tags", '')), 'B')
    || setweight(to_tsvector(CASE WHEN "Language" = 'es' THEN 'spanish'::regconfig ELSE 'english'::regconfig END, coalesce("PlainText", '')), 'C')
) STORED;
CREATE INDEX "IX_knowledge_articles_SearchVector" ON knowledge_articles USING GIN ("SearchVector");
