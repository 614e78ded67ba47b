-- Title search over a million tickets: ILIKE '%text%' served by a trigram index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS "IX_helpdesk_tickets_Title_trgm" ON helpdesk_tickets USING gin ("Title" gin_trgm_ops);
