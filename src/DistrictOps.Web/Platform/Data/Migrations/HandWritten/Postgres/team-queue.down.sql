DROP INDEX IF EXISTS "IX_helpdesk_tickets_TeamId_UpdatedAt_Open";
