-- Text search over a million tickets (the header's search): ILIKE '%text%' on the description, the requester and the
-- replies and notes, each served by a trigram index beside the title's (ticket-title-search.sql). The events' index is
-- partial; the search repeats its predicate word for word so the planner can use it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS "IX_helpdesk_tickets_Description_trgm" ON helpdesk_tickets USING gin ("Description" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "IX_helpdesk_tickets_RequesterName_trgm" ON helpdesk_tickets USING gin ("RequesterName" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "IX_helpdesk_ticket_events_Body_trgm" ON helpdesk_ticket_events USING gin ("Body" gin_trgm_ops)
    WHERE "Kind" IN ('PublicReply', 'InternalNote');
