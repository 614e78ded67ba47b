using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>Adds events to a ticket's timeline in the caller's unit of work.</summary>
internal static class Timeline
{
    public static TicketEvent Add(this AppDbContext db, Ticket ticket, Viewer? actor, TicketEventKind kind, DateTimeOffset at, string? body = null, bool isPublic = false) =>
        db.Add(ticket, actor?.UserId, actor?.Name ?? "DistrictOps", kind, at, body, isPublic);

    public static TicketEvent Add(this AppDbContext db, Ticket ticket, Guid? actorUserId, string actorName, TicketEventKind kind, DateTimeOffset at, string? body = null, bool isPublic = false)
    {
        var entry = new TicketEvent { TicketId = ticket.Id, At = at, Kind = kind, ActorUserId = actorUserId, ActorName = actorName, Body = body, IsPublic = isPublic };
        db.Set<TicketEvent>().Add(entry);
        ticket.UpdatedAt = at;
        return entry;
    }

    /// <summary>Moves the ticket to a status and records the move, which is what service levels are computed from.</summary>
    public static void ChangeStatus(this AppDbContext db, Ticket ticket, TicketStatus to, Viewer? actor, DateTimeOffset at, string? why = null)
    {
        if (ticket.Status == to)
        {
            return;
        }

        var entry = db.Add(ticket, actor, TicketEventKind.StatusChanged, at, why, isPublic: true);
        entry.FromStatus = ticket.Status;
        entry.ToStatus = to;
        if (to == TicketStatus.Solved)
        {
            ticket.SolvedAt = at;
        }
        else if (to == TicketStatus.Closed)
        {
            ticket.ClosedAt = at;
        }
        else if (ticket.Status is TicketStatus.Solved or TicketStatus.Closed)
        {
            ticket.SolvedAt = null;
            ticket.ClosedAt = null;
        }

        ticket.Status = to;
        ticket.StatusChangedAt = at;
        ticket.PendingReminderSentAt = null;
    }
}
