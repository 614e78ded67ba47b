using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Reports.ReportOnService;

/// <summary>
/// The reports' stored past days (<see cref="ReportDay"/>, ADR 0038): which days are stored and which of them tickets
/// changed since (a report counts those live), refilling those and storing new days as they pass (the job), and adding
/// stored days up. What a day holds is computed by the reports' own queries (<see cref="ServiceReportsHandler"/>), handed
/// in as <c>compute</c>.
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

    // Family first, as the key: each family's days are one range of it.
    private static readonly ReportFamily[] DayFamilies = [ReportFamily.Backlog, ReportFamily.Volume, ReportFamily.Attainment, ReportFamily.ResolutionRates, ReportFamily.Workload];

    // One refresh at a time in this process: two would store the same days twice.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>
    /// The stored days, and those among them that tickets changed since they were stored (the days a changed ticket was
    /// opened and solved, and the earlier solve of one reopened); null when none are stored for the district's time zone.
    /// </summary>
    public async Task<StoredDays?> StoredAsync(CancellationToken cancellationToken)
    {
        var state = await db.Set<ReportDaysState>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return state is null || state.TimeZone != clock.Zone.Id
            ? null
            : new StoredDays(Date(state.FirstDay), Date(state.LastDay), await ChangedDaysAsync(state, cancellationToken));
    }

    /// <summary>
    /// Refills the stored days tickets changed since the last refresh, stores the past days not stored yet, newest first,
    /// and drops days older than <see cref="KeptDays"/>. Returns the number of days computed.
    /// </summary>
    public async Task<int> RefreshAsync(Func<DateOnly, DateOnly, CancellationToken, Task<StoredRows>> compute, CancellationToken cancellationToken)
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
                await db.Set<ReportMinutes>().ExecuteDeleteAsync(cancellationToken);
                db.Remove(state);
                await db.SaveChangesAsync(cancellationToken);
                state = null;
            }

            var computed = 0;
            if (state is not null)
            {
                foreach (var day in await ChangedDaysAsync(state, cancellationToken))
                {
                    computed += await StoreAsync(compute, day, day, state, cancellationToken);
                }
            }

            var yesterday = clock.Today.AddDays(-1);
            var oldest = await db.Set<Ticket>().MinAsync(t => (DateTimeOffset?)t.CreatedAt, cancellationToken) is { } earliest ? clock.DayOf(earliest) : yesterday;
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

            // A calendar month per transaction, newer days first: a report over the last months is served from the store
            // soonest, and each month's response times are added up once its last day is stored.
            for (var last = Date(state.LastDay); last < yesterday;)
            {
                var end = Min(LastOfMonth(last.AddDays(1)), yesterday);
                computed += await StoreAsync(compute, last.AddDays(1), end, state, cancellationToken, () => state.LastDay = Number(end));
                last = end;
            }

            for (var first = Date(state.FirstDay); first > from;)
            {
                var previous = first.AddDays(-1);
                var start = Max(new DateOnly(previous.Year, previous.Month, 1), from);
                computed += await StoreAsync(compute, start, previous, state, cancellationToken, () => state.FirstDay = Number(start));
                first = start;
            }

            if (Date(state.FirstDay) < keepFrom)
            {
                var drop = Number(keepFrom);
                await db.Set<ReportDay>().Where(d => d.Day < drop).ExecuteDeleteAsync(cancellationToken);
                await db.Set<ReportMinutes>().Where(d => d.Day < drop).ExecuteDeleteAsync(cancellationToken);
                state.FirstDay = drop;
            }

            state.CheckedFrom = started - CommitMargin;
            await db.SaveChangesAsync(cancellationToken);
            return computed;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A report's groups over the stored days from <paramref name="first"/> to <paramref name="last"/> but <paramref name="skip"/>, each count summed.</summary>
    public async Task<List<ReportDay>> SumAsync(ReportFamily family, DateOnly first, DateOnly last, IReadOnlyCollection<DateOnly> skip, CancellationToken cancellationToken)
    {
        var (from, to, skipped) = (Number(first), Number(last), skip.Select(Number).ToArray());
        var sums = await db.Set<ReportDay>().AsNoTracking()
            .Where(d => d.Family == family && d.Day >= from && d.Day <= to && !skipped.Contains(d.Day))
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

    /// <summary>A report's stored rows day by day, from <paramref name="first"/> to <paramref name="last"/> but <paramref name="skip"/>.</summary>
    public Task<List<ReportDay>> DaysAsync(ReportFamily family, DateOnly first, DateOnly last, IReadOnlyCollection<DateOnly> skip, CancellationToken cancellationToken)
    {
        var (from, to, skipped) = (Number(first), Number(last), skip.Select(Number).ToArray());
        return db.Set<ReportDay>().AsNoTracking().Where(d => d.Family == family && d.Day >= from && d.Day <= to && !skipped.Contains(d.Day)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The response-times rows' minute counts from <paramref name="first"/> to <paramref name="last"/> but <paramref name="skip"/>:
    /// whole months added up where stored and none skipped, the other days one by one.
    /// </summary>
    public async Task<List<(int Grouping, string Key, byte[] Minutes)>> MinutesAsync(DateOnly first, DateOnly last, IReadOnlyCollection<DateOnly> skip, CancellationToken cancellationToken)
    {
        var (from, to, skipped) = (Number(first), Number(last), skip.Select(Number).ToArray());
        var months = (await db.Set<ReportMinutes>().AsNoTracking()
                .Where(d => d.Family == ReportFamily.ResponseTimesByMonth && d.Day >= from && d.Day <= to)
                .Select(d => new { d.Day, d.Grouping, d.Key, d.Minutes })
                .ToListAsync(cancellationToken))
            .Select(m => (First: m.Day, Last: Number(LastOfMonth(Date(m.Day))), m.Grouping, m.Key, m.Minutes))
            .Where(m => m.Last <= to && !skipped.Any(d => d >= m.First && d <= m.Last))
            .ToList();
        var covered = months.Select(m => (m.First, m.Last)).Distinct().OrderBy(m => m.First).ToList();
        var rows = months.ConvertAll(m => (m.Grouping, m.Key, m.Minutes));

        // The days outside the months read whole: before each one, and after the last.
        var gaps = new List<(int First, int Last)>();
        var next = from;
        foreach (var (monthFirst, monthLast) in covered)
        {
            if (monthFirst > next)
            {
                gaps.Add((next, monthFirst - 1));
            }

            next = monthLast + 1;
        }

        if (next <= to)
        {
            gaps.Add((next, to));
        }

        foreach (var (gapFirst, gapLast) in gaps)
        {
            rows.AddRange((await db.Set<ReportMinutes>().AsNoTracking()
                    .Where(d => d.Family == ReportFamily.ResponseTimes && d.Day >= gapFirst && d.Day <= gapLast && !skipped.Contains(d.Day))
                    .Select(d => new { d.Grouping, d.Key, d.Minutes })
                    .ToListAsync(cancellationToken))
                .Select(d => (d.Grouping, d.Key, d.Minutes)));
        }

        return rows;
    }

    public static int Number(DateOnly day) => (int)LocalDays.UnixDay(day);

    public static DateOnly Date(int number) => LocalDays.FromDayNumber(number);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>
    /// Replaces the stored rows of the days from <paramref name="first"/> to <paramref name="last"/> (within one month) in one
    /// transaction, with the month's response times added up when all its days are stored.
    /// </summary>
    private async Task<int> StoreAsync(
        Func<DateOnly, DateOnly, CancellationToken, Task<StoredRows>> compute, DateOnly first, DateOnly last, ReportDaysState state,
        CancellationToken cancellationToken, Action? stored = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await compute(first, last, cancellationToken);
        var (from, to) = (Number(first), Number(last));
        var month = new DateOnly(first.Year, first.Month, 1);
        var (monthDay, monthEnd) = (Number(month), Number(LastOfMonth(month)));
        await db.Set<ReportDay>().Where(d => DayFamilies.Contains(d.Family) && d.Day >= from && d.Day <= to).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ReportMinutes>().Where(d => d.Family == ReportFamily.ResponseTimes && d.Day >= from && d.Day <= to).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ReportMinutes>().Where(d => d.Family == ReportFamily.ResponseTimesByMonth && d.Day == monthDay).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(rows.Counts);
        db.AddRange(rows.Minutes);
        stored?.Invoke();
        await db.SaveChangesAsync(cancellationToken);
        Detach(rows.Counts);
        Detach(rows.Minutes);
        if (monthDay >= state.FirstDay && monthEnd <= state.LastDay)
        {
            var days = await db.Set<ReportMinutes>().AsNoTracking()
                .Where(d => d.Family == ReportFamily.ResponseTimes && d.Day >= monthDay && d.Day <= monthEnd)
                .Select(d => new { d.Grouping, d.Key, d.Minutes })
                .ToListAsync(cancellationToken);
            var months = days.GroupBy(d => (d.Grouping, d.Key))
                .Select(g => new ReportMinutes
                {
                    Family = ReportFamily.ResponseTimesByMonth, Day = monthDay, Grouping = g.Key.Grouping, Key = g.Key.Key,
                    Minutes = MinuteCounts.Merge(g.Select(d => d.Minutes)),
                })
                .ToList();
            db.AddRange(months);
            await db.SaveChangesAsync(cancellationToken);
            Detach(months);
        }

        await transaction.CommitAsync(cancellationToken);
        return last.DayNumber - first.DayNumber + 1;
    }

    private void Detach<T>(List<T> rows)
        where T : class
    {
        foreach (var row in rows)
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    private static DateOnly LastOfMonth(DateOnly day) => new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1);

    /// <summary>
    /// The stored days that tickets updated since the last refresh touch: the days a ticket solved or closed now was opened
    /// and solved on, and the days of earlier solves of one reopened since. A ticket open now and not reopened since was
    /// open when its days were stored, so they hold none of it.
    /// </summary>
    private async Task<SortedSet<DateOnly>> ChangedDaysAsync(ReportDaysState state, CancellationToken cancellationToken)
    {
        var since = state.CheckedFrom;
        var changed = await db.Set<Ticket>().AsNoTracking().Where(t => t.UpdatedAt >= since)
            .Select(t => new { t.Id, t.CreatedAt, t.SolvedAt, Settled = t.Status == TicketStatus.Solved || t.Status == TicketStatus.Closed })
            .ToListAsync(cancellationToken);
        var moves = new List<(long TicketId, DateTimeOffset At, TicketStatus? From, TicketStatus? To)>();
        foreach (var ids in changed.Select(t => t.Id).Chunk(500))
        {
            moves.AddRange((await db.Set<TicketEvent>().AsNoTracking()
                    .Where(e => ids.Contains(e.TicketId) && (e.ToStatus == TicketStatus.Solved || e.FromStatus == TicketStatus.Solved || e.FromStatus == TicketStatus.Closed))
                    .Select(e => new { e.TicketId, e.At, e.FromStatus, e.ToStatus })
                    .ToListAsync(cancellationToken))
                .Select(e => (e.TicketId, e.At, e.FromStatus, e.ToStatus)));
        }

        var reopened = moves.Where(m => m.At >= since && m.From is TicketStatus.Solved or TicketStatus.Closed).Select(m => m.TicketId).ToHashSet();
        var touching = changed.Where(t => t.Settled || reopened.Contains(t.Id)).ToList();
        var touched = touching.Select(t => t.Id).ToHashSet();
        var instants = touching.SelectMany(t => t.SolvedAt is { } solved ? [t.CreatedAt, solved] : new[] { t.CreatedAt })
            .Concat(moves.Where(m => touched.Contains(m.TicketId) && m.To == TicketStatus.Solved).Select(m => m.At));
        var (first, last) = (Date(state.FirstDay), Date(state.LastDay));
        return new SortedSet<DateOnly>(instants.Select(clock.DayOf).Where(d => d >= first && d <= last));
    }
}

/// <summary>What one computation of days stores: the reports' counts and the response times' minutes.</summary>
public sealed record StoredRows(List<ReportDay> Counts, List<ReportMinutes> Minutes);

/// <summary>The stored days, first to last, and those among them that tickets changed since (counted live until refilled).</summary>
public sealed record StoredDays(DateOnly First, DateOnly Last, IReadOnlyCollection<DateOnly> Changed);
