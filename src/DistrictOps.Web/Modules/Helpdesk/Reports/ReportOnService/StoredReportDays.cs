using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Reports.ReportOnService;

/// <summary>
/// The reports' stored past days (<see cref="ReportDay"/>, ADR 0038): which days are stored, refilling the days changed
/// tickets touch, storing new days as they pass, and adding stored days up. What a day holds is computed by the reports'
/// own queries (<see cref="ServiceReportsHandler"/>), handed in as <c>compute</c>.
/// </summary>
public sealed class StoredReportDays(AppDbContext db, ReportClock clock)
{
    /// <summary>Two years of days: every range a report allows (366 days) ending within the last year.</summary>
    public const int KeptDays = 731;

    /// <summary>
    /// A ticket's change is stamped (<see cref="Ticket.UpdatedAt"/>) before its transaction commits; changes stamped this long
    /// before a refresh started are looked at again by the next one, so a commit that lands late is not missed.
    /// </summary>
    public static readonly TimeSpan CommitMargin = TimeSpan.FromMinutes(2);

    private const int DaysPerTransaction = 31;

    // One refresh at a time in this process: two would store the same days twice.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The stored days, or null when none are stored for the district's time zone.</summary>
    public async Task<(DateOnly First, DateOnly Last)?> StoredAsync(CancellationToken cancellationToken)
    {
        var state = await db.Set<ReportDaysState>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return state is null || state.TimeZone != clock.Zone.Id ? null : (Date(state.FirstDay), Date(state.LastDay));
    }

    /// <summary>
    /// Refills the stored days that tickets changed since the last refresh touch (the days they were opened and solved,
    /// and any day a reopened one was solved before); with <paramref name="fill"/> also stores the past days not stored
    /// yet, newest first, and drops days older than <see cref="KeptDays"/>. Returns the number of days computed.
    /// </summary>
    public async Task<int> RefreshAsync(Func<DateOnly, DateOnly, CancellationToken, Task<List<ReportDay>>> compute, bool fill, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var started = clock.Now;
            var state = await db.Set<ReportDaysState>().SingleOrDefaultAsync(cancellationToken);
            if (state is not null && state.TimeZone != clock.Zone.Id)
            {
                // Every stored day began at the old zone's midnight.
                await db.Set<ReportDay>().ExecuteDeleteAsync(cancellationToken);
                db.Remove(state);
                await db.SaveChangesAsync(cancellationToken);
                state = null;
            }

            var computed = 0;
            if (state is not null)
            {
                foreach (var day in await ChangedDaysAsync(state, cancellationToken))
                {
                    computed += await StoreAsync(compute, day, day, cancellationToken);
                }
            }

            if (fill)
            {
                var yesterday = clock.Today.AddDays(-1);
                var oldest = await db.Set<Ticket>().MinAsync(t => (DateTimeOffset?)t.CreatedAt, cancellationToken) is { } earliest ? LocalDay(earliest) : yesterday;
                var keepFrom = clock.Today.AddDays(-KeptDays);
                var from = oldest > keepFrom ? oldest : keepFrom;
                if (from > yesterday)
                {
                    from = yesterday;
                }

                if (state is null)
                {
                    state = new ReportDaysState { TimeZone = clock.Zone.Id, FirstDay = Number(yesterday.AddDays(1)), LastDay = Number(yesterday), CheckedFrom = started - CommitMargin };
                    db.Add(state);
                }

                // Newer days first: a report over the last months is served from the store soonest.
                for (var last = Date(state.LastDay); last < yesterday;)
                {
                    var end = Min(last.AddDays(DaysPerTransaction), yesterday);
                    computed += await StoreAsync(compute, last.AddDays(1), end, cancellationToken, () => state.LastDay = Number(end));
                    last = end;
                }

                for (var first = Date(state.FirstDay); first > from;)
                {
                    var start = Max(first.AddDays(-DaysPerTransaction), from);
                    computed += await StoreAsync(compute, start, first.AddDays(-1), cancellationToken, () => state.FirstDay = Number(start));
                    first = start;
                }

                if (Date(state.FirstDay) < keepFrom)
                {
                    var drop = Number(keepFrom);
                    await db.Set<ReportDay>().Where(d => d.Day < drop).ExecuteDeleteAsync(cancellationToken);
                    state.FirstDay = drop;
                }
            }

            if (state is not null)
            {
                state.CheckedFrom = started - CommitMargin;
                await db.SaveChangesAsync(cancellationToken);
            }

            return computed;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A report's groups over the stored days from <paramref name="first"/> to <paramref name="last"/>, each count summed.</summary>
    public async Task<List<ReportDay>> SumAsync(ReportFamily family, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var (from, to) = (Number(first), Number(last));
        var sums = await db.Set<ReportDay>().AsNoTracking()
            .Where(d => d.Family == family && d.Day >= from && d.Day <= to)
            .GroupBy(d => new { d.Grouping, d.Key })
            .Select(g => new
            {
                g.Key.Grouping, g.Key.Key,
                Count0 = g.Sum(d => d.Count0), Count1 = g.Sum(d => d.Count1), Count2 = g.Sum(d => d.Count2),
                Count3 = g.Sum(d => d.Count3), Count4 = g.Sum(d => d.Count4), Count5 = g.Sum(d => d.Count5),
                Name = g.Max(d => d.Name),
            })
            .ToListAsync(cancellationToken);
        return sums.Select(s => new ReportDay
        {
            Family = family, Grouping = s.Grouping, Key = s.Key, Count0 = s.Count0, Count1 = s.Count1, Count2 = s.Count2,
            Count3 = s.Count3, Count4 = s.Count4, Count5 = s.Count5, Name = s.Name,
        }).ToList();
    }

    /// <summary>A report's stored rows day by day, from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public Task<List<ReportDay>> DaysAsync(ReportFamily family, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var (from, to) = (Number(first), Number(last));
        return db.Set<ReportDay>().AsNoTracking().Where(d => d.Family == family && d.Day >= from && d.Day <= to).ToListAsync(cancellationToken);
    }

    public static int Number(DateOnly day) => (int)LocalDays.UnixDay(day);

    public static DateOnly Date(int number) => LocalDays.FromDayNumber(number);

    private DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, clock.Zone).DateTime);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>Replaces the stored rows of the days from <paramref name="first"/> to <paramref name="last"/> in one transaction.</summary>
    private async Task<int> StoreAsync(
        Func<DateOnly, DateOnly, CancellationToken, Task<List<ReportDay>>> compute, DateOnly first, DateOnly last, CancellationToken cancellationToken, Action? stored = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await compute(first, last, cancellationToken);
        var (from, to) = (Number(first), Number(last));
        await db.Set<ReportDay>().Where(d => d.Day >= from && d.Day <= to).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(rows);
        stored?.Invoke();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var row in rows)
        {
            db.Entry(row).State = EntityState.Detached;
        }

        return last.DayNumber - first.DayNumber + 1;
    }

    /// <summary>The stored days that tickets updated since the last refresh were opened or solved on, including earlier solves of a reopened one.</summary>
    private async Task<SortedSet<DateOnly>> ChangedDaysAsync(ReportDaysState state, CancellationToken cancellationToken)
    {
        var since = state.CheckedFrom;
        var changed = await db.Set<Ticket>().AsNoTracking().Where(t => t.UpdatedAt >= since)
            .Select(t => new { t.Id, t.CreatedAt, t.SolvedAt }).ToListAsync(cancellationToken);
        var instants = changed.SelectMany(t => t.SolvedAt is { } solved ? [t.CreatedAt, solved] : new[] { t.CreatedAt }).ToList();
        foreach (var ids in changed.Select(t => t.Id).Chunk(500))
        {
            instants.AddRange(await db.Set<TicketEvent>().AsNoTracking()
                .Where(e => ids.Contains(e.TicketId) && e.ToStatus == TicketStatus.Solved).Select(e => e.At).ToListAsync(cancellationToken));
        }

        var (first, last) = (Date(state.FirstDay), Date(state.LastDay));
        return new SortedSet<DateOnly>(instants.Select(LocalDay).Where(d => d >= first && d <= last));
    }
}
