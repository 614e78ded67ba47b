using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>The requester (or a technician) says the problem is back, within the reopen window after it was solved.</summary>
public sealed class ReopenHandler(AppDbContext db, TicketFinder finder, TimeProvider clock, IOptions<HelpdeskOptions> options)
{
    public async Task<Result<TicketChanged>> HandleAsync(long id, string? reason, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var ticket = await finder.FindAsync(id, viewer, cancellationToken);
        if (ticket is null)
        {
            return TicketFinder.Missing(id);
        }

        if (finder.ReadOnly(ticket) is { } merged)
        {
            return merged;
        }

        var now = clock.GetUtcNow();
        if (ticket.IsOpen)
        {
            return finder.Changed(ticket, changed: false);
        }

        if (!TicketRules.CanReopen(ticket, now, options.Value.ReopenWindowDays))
        {
            return Result.Conflict($"{finder.Number(ticket)} was solved more than {options.Value.ReopenWindowDays} days ago and cannot be reopened. Open a new request and mention its number.");
        }

        ticket.ReopenCount++;
        db.ChangeStatus(ticket, TicketStatus.Open, viewer, now, string.IsNullOrWhiteSpace(reason) ? "Reopened." : "Reopened: " + reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return finder.Changed(ticket, changed: true);
    }
}
