using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.ServiceLevels.TrackServiceLevels;

/// <summary>
/// A calendar edit moves the deadlines of the open tickets it touches: they are marked for the service-level job
/// to recompute from their status history at its next run, rather than recomputed inside the calendar edit.
/// </summary>
internal sealed class CalendarChangeObserver(AppDbContext db, TimeProvider clock) : ISchoolCalendarObserver
{
    public Task CalendarChangedAsync(Guid? siteId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = db.Set<Ticket>().Where(t => t.Status != TicketStatus.Solved && t.Status != TicketStatus.Closed);
        if (siteId is { } site)
        {
            open = open.Where(t => t.SiteId == site);
        }

        return open.ExecuteUpdateAsync(s => s.SetProperty(t => t.ServiceLevelCheckAt, now), cancellationToken);
    }
}
