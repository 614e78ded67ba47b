DROP INDEX IF EXISTS "IX_helpdesk_tickets_Title_trgm";
