using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>
/// What the requester is told after sending: which team has the request and when a first answer is due, as the ticket's
/// service-level clock counts it (<see cref="SchoolTime"/>: counted in the site's school hours on instructional days).
/// <see cref="Left"/> and <see cref="DueAt"/> are null when no first-response target runs (answered already, or no calendar).
/// </summary>
public sealed record ResponsePromise(string? Team, bool SchoolTime, TimeSpan? Left, DateTimeOffset? DueAt);

public sealed class ResponsePromises(AppDbContext db, ServiceLevelTracker tracker)
{
    /// <summary>The query key the request form adds when it sends the requester to the new request's page.</summary>
    public const string SentKey = "sent";

    public async Task<ResponsePromise?> ForAsync(long ticketId, CancellationToken cancellationToken = default)
    {
        var ticket = await db.Set<Ticket>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var team = ticket.TeamId is { } teamId ? await db.Set<Team>().AsNoTracking().Where(t => t.Id == teamId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken) : null;
        if (!(await tracker.RecomputeAsync([ticket], cancellationToken)).TryGetValue(ticket.Id, out var tracked)
            || tracked.Reading.Response is not { Deadline: { } due } response)
        {
            return new ResponsePromise(team, false, null, null);
        }

        return new ResponsePromise(team, tracked.Policy.Hours == ServiceHours.SchoolTime, response.Left, due);
    }
}
