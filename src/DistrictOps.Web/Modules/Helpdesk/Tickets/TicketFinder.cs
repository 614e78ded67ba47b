using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>What every change to a ticket returns: its number, status, team, assignee, priority, and whether anything changed.</summary>
public sealed record TicketChanged(string Number, string Status, int? TeamId, Guid? AssigneeUserId, int Priority, bool Changed);

/// <summary>Loads a ticket for a change, tracked, if the viewer may see it; the "not found" message names the number.</summary>
public sealed class TicketFinder(AppDbContext db, IOptions<HelpdeskOptions> options)
{
    public string Prefix => options.Value.NumberPrefix;

    public string Number(Ticket ticket) => TicketNumber.Format(Prefix, ticket.Id);

    public async Task<Ticket?> FindAsync(long id, Viewer viewer, CancellationToken cancellationToken)
    {
        var ticket = await db.Set<Ticket>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        return ticket is not null && viewer.CanSee(ticket) ? ticket : null;
    }

    public TicketChanged Changed(Ticket ticket, bool changed) =>
        new(Number(ticket), ticket.Status.ToString(), ticket.TeamId, ticket.AssigneeUserId, ticket.Priority, changed);

    /// <summary>A merged ticket keeps its history and takes no more changes: the work goes on in the ticket it was merged into.</summary>
    public Failure? ReadOnly(Ticket ticket) => ticket.MergedIntoId is { } into
        ? Result.Conflict($"{Number(ticket)} was merged into {TicketNumber.Format(Prefix, into)} and is read-only; reply on or change {TicketNumber.Format(Prefix, into)} instead.")
        : null;

    /// <summary>A ticket the viewer may not see is answered as one that does not exist.</summary>
    public static Failure Missing(long id) => Result.NotFound($"There is no ticket {id} you can see.");

    public static Failure Forbidden(string message = "Only technicians can do this.") => Result.Forbidden(message);
}
