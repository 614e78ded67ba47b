-- A team's open tickets, most recently updated first (ADR 0043): the team queue names one team as an equality, so the
-- planner walks this index backwards from that team's newest open ticket and stops at the page. The condition is
-- Ticket.OpenStatuses; a queue's status filter with those values implies it.
CREATE INDEX IF NOT EXISTS "IX_helpdesk_tickets_TeamId_UpdatedAt_Open" ON helpdesk_tickets ("TeamId", "UpdatedAt", "Id")
    WHERE "Status" IN ('New', 'Open', 'Pending', 'OnHold');
