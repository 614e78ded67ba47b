using DistrictOps.Web.Modules.Helpdesk.Data;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>Which status moves are allowed, as plain rules.</summary>
public static class TicketRules
{
    /// <summary>A solved or closed ticket can be reopened within the window after it was solved; a merged one never.</summary>
    public static bool CanReopen(Ticket ticket, DateTimeOffset now, int windowDays) =>
        ticket.Status is TicketStatus.Solved or TicketStatus.Closed
        && ticket.MergedIntoId is null
        && ticket.SolvedAt is { } solved
        && now - solved <= TimeSpan.FromDays(windowDays);

    /// <summary>Technicians move tickets freely between working statuses; Closed is reached from Solved (or by merging) and left only by reopening.</summary>
    public static string? CannotMove(TicketStatus from, TicketStatus to) => (from, to) switch
    {
        _ when from == to => null,
        (_, TicketStatus.New) => "A ticket cannot go back to New.",
        (TicketStatus.Closed, _) => "A closed ticket can only be reopened by its requester within the reopen window.",
        (not TicketStatus.Solved, TicketStatus.Closed) => "Solve a ticket before closing it.",
        _ => null,
    };
}
