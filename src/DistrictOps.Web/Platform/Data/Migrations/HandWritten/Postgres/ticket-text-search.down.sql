DROP INDEX IF EXISTS "IX_helpdesk_ticket_events_Body_trgm";
DROP INDEX IF EXISTS "IX_helpdesk_tickets_RequesterName_trgm";
DROP INDEX IF EXISTS "IX_helpdesk_tickets_Description_trgm";
