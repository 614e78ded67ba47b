using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Requests.OpenTicket;

public sealed record CallerTicket(string Number, string Title, string Status, DateTimeOffset CreatedAt);

/// <summary>A caller's open tickets the technician can see, newest first, so a repeat call is added to its ticket instead of opening another.</summary>
public sealed class CallerTickets(AppDbContext db, IOptions<HelpdeskOptions> options)
{
    private const int Shown = 10;

    public async Task<IReadOnlyList<CallerTicket>> OpenAsync(Guid personId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var rows = await viewer.Visible(db.Set<Ticket>().AsNoTracking())
            .Where(t => t.RequesterPersonId == personId && t.Status != TicketStatus.Solved && t.Status != TicketStatus.Closed)
            .OrderByDescending(t => t.Id).Take(Shown)
            .Select(t => new { t.Id, t.Title, t.Status, t.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(t => new CallerTicket(TicketNumber.Format(options.Value.NumberPrefix, t.Id), t.Title, t.Status.ToString(), t.CreatedAt)).ToList();
    }
}
