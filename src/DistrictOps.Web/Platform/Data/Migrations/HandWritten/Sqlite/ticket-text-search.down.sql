DROP TRIGGER IF EXISTS helpdesk_ticket_events_fts_insert;
DROP TRIGGER IF EXISTS helpdesk_ticket_events_fts_delete;
DROP TABLE IF EXISTS helpdesk_ticket_events_fts;
DROP TRIGGER IF EXISTS helpdesk_tickets_fts_update;
DROP TRIGGER IF EXISTS helpdesk_tickets_fts_delete;
DROP TRIGGER IF EXISTS helpdesk_tickets_fts_insert;
DROP TABLE IF EXISTS helpdesk_tickets_fts;
