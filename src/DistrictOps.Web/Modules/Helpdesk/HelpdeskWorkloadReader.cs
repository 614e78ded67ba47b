using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Reports.ReportOnService;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk;

/// <summary>
/// The help desk's side of <see cref="IHelpdeskWorkload"/>: the opened, the backlog and the surveys are each one query grouped
/// by site and assignee in the database; the window's solved tickets are read once as rows from the solved-report index
/// (which carries every column read), for their counts and exact medians as the service reports compute them.
/// </summary>
internal sealed class HelpdeskWorkloadReader(AppDbContext db, IUserDirectory users) : IHelpdeskWorkload
{
    public async Task<HelpdeskWorkload> ForWindowAsync(DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken = default)
    {
        var (from, to) = (windowStart, windowEnd);
        var tickets = db.Set<Ticket>().AsNoTracking();
        var opened = await tickets.Where(t => t.CreatedAt >= from && t.CreatedAt < to)
            .GroupBy(t => new { t.SiteId, t.AssigneeUserId })
            .Select(g => new Counted(g.Key.SiteId, g.Key.AssigneeUserId, g.Count(), 0, 0)).ToListAsync(cancellationToken);
        // The window's solved tickets read once, as rows (the solved index finds them), for their counts and exact medians.
        var solved = await tickets.Where(t => t.SolvedAt >= from && t.SolvedAt < to)
            .Select(t => new Solved(t.SiteId, t.AssigneeUserId, t.ServiceLevelPolicyId != null, t.ResolutionBreached, t.ResolutionMinutes)).ToListAsync(cancellationToken);
        var resolved = solved.GroupBy(t => (t.SiteId, t.UserId))
            .Select(g => new Counted(g.Key.SiteId, g.Key.UserId, g.Count(), g.Count(t => t.HasPolicy), g.Count(t => t.HasPolicy && !t.Breached))).ToList();
        var minutes = solved.Where(t => t.Minutes is not null).Select(t => new Minutes(t.SiteId, t.UserId, t.Minutes!.Value)).ToList();

        // Open or pending at the end of the window: still unsolved now, or solved (or closed) only after it. Both are written so
        // that SQLite, which plans without statistics, takes the narrow index: the four unsolved statuses named, by the status
        // index (solved and closed are nearly every ticket); "solved after" by the solved index, bounded on both sides.
        var stillOpen = await tickets.Where(t => Ticket.OpenStatuses.Contains(t.Status) && t.CreatedAt < to)
            .GroupBy(t => new { t.SiteId, t.AssigneeUserId })
            .Select(g => new Counted(g.Key.SiteId, g.Key.AssigneeUserId, g.Count(), 0, 0)).ToListAsync(cancellationToken);
        var solvedAfter = await tickets.Where(t => !Ticket.OpenStatuses.Contains(t.Status) && t.SolvedAt >= to && t.SolvedAt < to.AddYears(100) && t.CreatedAt < to)
            .GroupBy(t => new { t.SiteId, t.AssigneeUserId })
            .Select(g => new Counted(g.Key.SiteId, g.Key.AssigneeUserId, g.Count(), 0, 0)).ToListAsync(cancellationToken);

        var surveys = await db.Set<Survey>().AsNoTracking().Where(s => s.AnsweredAt != null && s.Rating != null && s.SolvedAt >= from && s.SolvedAt < to)
            .GroupBy(s => new { s.SiteId, s.TechnicianUserId })
            .Select(g => new Counted(g.Key.SiteId, g.Key.TechnicianUserId, g.Count(), g.Count(s => s.Rating == SurveyRating.Good), 0)).ToListAsync(cancellationToken);

        var userIds = opened.Concat(resolved).Concat(stillOpen).Concat(solvedAfter).Concat(surveys).Select(c => c.UserId).Concat(minutes.Select(m => m.UserId))
            .OfType<Guid>().Distinct().ToList();
        var personOf = (await users.FindAsync(userIds, cancellationToken)).Where(u => u.PersonId is not null).ToDictionary(u => u.Id, u => u.PersonId!.Value);
        Guid? PersonOf(Guid? userId) => userId is { } id && personOf.TryGetValue(id, out var person) ? person : null;

        var figures = new Figures(opened, resolved, stillOpen.Concat(solvedAfter).ToList(), surveys, minutes);
        var perTechnician = figures.By(c => PersonOf(c.UserId));
        return new HelpdeskWorkload(from, to, figures.By(_ => Guid.Empty).GetValueOrDefault(Guid.Empty) ?? WorkloadCounts.None, figures.By(c => (Guid?)c.SiteId), perTechnician);
    }

    private sealed record Counted(Guid SiteId, Guid? UserId, int Count, int Second, int Third);

    private sealed record Solved(Guid SiteId, Guid? UserId, bool HasPolicy, bool Breached, int? Minutes);

    private sealed record Minutes(Guid SiteId, Guid? UserId, int Value);

    /// <summary>The grouped rows, summed per key of their (site, assignee) pair; a null key leaves the pair out.</summary>
    private sealed record Figures(List<Counted> Opened, List<Counted> Resolved, List<Counted> Backlog, List<Counted> Surveys, List<Minutes> ResolutionMinutes)
    {
        public Dictionary<Guid, WorkloadCounts> By(Func<(Guid SiteId, Guid? UserId), Guid?> key)
        {
            var sums = new Dictionary<Guid, int[]>();
            void Add(List<Counted> rows, int first, bool all)
            {
                foreach (var row in rows)
                {
                    if (key((row.SiteId, row.UserId)) is not { } k)
                    {
                        continue;
                    }

                    var sum = sums.TryGetValue(k, out var s) ? s : sums[k] = new int[8];
                    sum[first] += row.Count;
                    if (all)
                    {
                        sum[first + 1] += row.Second;
                        sum[first + 2] += row.Third;
                    }
                }
            }

            Add(Opened, 0, all: false);
            Add(Resolved, 1, all: true);
            Add(Backlog, 4, all: false);
            Add(Surveys, 5, all: true);
            var values = new Dictionary<Guid, List<int>>();
            foreach (var m in ResolutionMinutes)
            {
                if (key((m.SiteId, m.UserId)) is { } k)
                {
                    (values.TryGetValue(k, out var list) ? list : values[k] = []).Add(m.Value);
                    sums.TryAdd(k, new int[8]);
                }
            }

            return sums.ToDictionary(s => s.Key, s =>
            {
                var sorted = values.TryGetValue(s.Key, out var list) ? list.Order().ToList() : [];
                var v = s.Value;
                return new WorkloadCounts(v[0], v[1], v[4], Percentiles.Continuous(sorted, 0.5), v[2], v[3], v[5], v[6]);
            });
        }
    }
}
