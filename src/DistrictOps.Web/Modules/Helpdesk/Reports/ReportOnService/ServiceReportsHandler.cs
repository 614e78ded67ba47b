using System.Globalization;
using DistrictOps.Web.Modules.Devices.Contracts;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Knowledge.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using TimeGrouping = DistrictOps.Web.Modules.Helpdesk.Reports.ReportOnService.MinuteCounts.TimeGrouping;

namespace DistrictOps.Web.Modules.Helpdesk.Reports.ReportOnService;

/// <summary>
/// The help desk's service reports. Each takes a <see cref="ReportFilter"/> already validated against the sites; counting
/// runs in the database, percentiles here from the raw minutes (exactly PostgreSQL's percentile_cont),
/// and local days are integer buckets (<see cref="LocalDays"/>) so both providers agree to the ticket.
/// </summary>
public sealed class ServiceReportsHandler(
    AppDbContext db, ReportClock clock, StoredReportDays stored, ISiteDirectory siteDirectory, IDeviceCounts deviceCounts, IEnumerable<IKnowledgeArticles> knowledge)
{
    private const string Tickets = "helpdesk_tickets";

    /// <summary>Tickets opened, and tickets solved, in the period: every count is keyed by one of the two instants.</summary>
    private const string Opened = "t.\"CreatedAt\" >= @start AND t.\"CreatedAt\" < @end";
    private const string Solved = "t.\"SolvedAt\" >= @start AND t.\"SolvedAt\" < @end";

    /// <summary>The tickets a stored day holds (ADR 0038), and the ones always counted live.</summary>
    /// <remarks>
    /// Nearly every ticket is settled: on SQLite, which keeps no statistics here, the unary plus stops it from walking the
    /// status index for all of them instead of the day's range (storing a day at 20,000 tickets: 165 ms without it, 18 ms
    /// with it).
    /// </remarks>
    private string Settled => _sql.IsSqlite ? " AND +t.\"Status\" IN ('Solved', 'Closed')" : " AND t.\"Status\" IN ('Solved', 'Closed')";
    private const string Unsettled = " AND t.\"Status\" IN ('New', 'Open', 'Pending', 'OnHold')";

    private const string Events = "helpdesk_ticket_events";
    private static readonly string[] OpenStatuses = [nameof(TicketStatus.New), nameof(TicketStatus.Open), nameof(TicketStatus.OnHold)];

    private readonly ReportSql _sql = new(db);
    private IReadOnlyList<SiteSummary>? _sites;
    private StoredDays? _stored;

    public async Task<BacklogReport> BacklogAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var period = await PeriodAsync(filter, cancellationToken);

        // Now, then walk back: the count at the end of a day is today's count less every change after that day.
        var now = await _sql.QueryAsync(
            $"SELECT t.\"Status\", COUNT(*) FROM {Tickets} t WHERE t.\"Status\" IN ('New', 'Open', 'OnHold', 'Pending'){period.SiteSql} GROUP BY t.\"Status\"",
            period.Parameters, r => (Status: r.GetString(0), Count: ReportSql.ReadLong(r, 1)), cancellationToken);
        var openNow = now.Where(s => OpenStatuses.Contains(s.Status)).Sum(s => s.Count);
        var pendingNow = now.Where(s => s.Status == nameof(TicketStatus.Pending)).Sum(s => s.Count);

        // Deltas per local day (null: after the range) in the open and pending counts: stored days from the range's first
        // on, where they are (a past day's openings and moves never change, whatever tickets change later), live after them.
        var deltas = new Dictionary<long, (long Open, long Pending)>();
        void Move(long? day, long open, long pending)
        {
            var key = day ?? long.MaxValue;
            var (o, p) = deltas.GetValueOrDefault(key);
            deltas[key] = (o + open, p + pending);
        }

        var since = period.Start;
        if (await StoredFromAsync(filter, cancellationToken) is { } storedDays)
        {
            var to = LocalDays.UnixDay(filter.To);
            foreach (var day in await stored.DaysAsync(ReportFamily.Backlog, filter.From, storedDays.Last, [], cancellationToken))
            {
                Move(day.Day > to ? null : day.Day, day.Count0 + day.Count1, day.Count2);
            }

            since = clock.StartOf(storedDays.Last.AddDays(1));
        }

        foreach (var (day, created, open, pending) in await BacklogMovesAsync(period, since, until: null, cancellationToken))
        {
            Move(day, created + open, pending);
        }

        var (openAtEnd, pendingAtEnd) = deltas.GetValueOrDefault(long.MaxValue);
        var (openCount, pendingCount) = (openNow - openAtEnd, pendingNow - pendingAtEnd);
        var days = new List<BacklogDay>(filter.DayCount);
        foreach (var day in filter.Days.Reverse())
        {
            days.Add(new BacklogDay(day, (int)openCount, (int)pendingCount, (int)(openCount + pendingCount)));
            var (o, p) = deltas.GetValueOrDefault(LocalDays.UnixDay(day));
            (openCount, pendingCount) = (openCount - o, pendingCount - p);
        }

        days.Reverse();
        return new BacklogReport(period.Range, days);
    }

    /// <summary>
    /// Per local day from <paramref name="since"/> (up to <paramref name="until"/>): tickets opened, and the net moves into the
    /// open and the pending counts, summed in the database (the filter is the partial index's). Days from the period's end on
    /// come back as null.
    /// </summary>
    private async Task<List<(long? Day, long Created, long Open, long Pending)>> BacklogMovesAsync(
        Period period, DateTimeOffset since, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object>(period.Parameters) { ["@since"] = _sql.Instant(since) };
        if (until is { } end)
        {
            parameters["@until"] = _sql.Instant(end);
        }

        static long? Day(System.Data.Common.DbDataReader r) => r.IsDBNull(0) ? null : ReportSql.ReadLong(r, 0);
        var created = await _sql.QueryAsync(
            $"SELECT {period.DayOf("t.\"CreatedAt\"")}, COUNT(*) FROM {Tickets} t WHERE t.\"CreatedAt\" >= @since{(until is null ? "" : " AND t.\"CreatedAt\" < @until")}{period.SiteSql} GROUP BY 1",
            parameters, r => (Day: Day(r), Created: ReportSql.ReadLong(r, 1), Open: 0L, Pending: 0L), cancellationToken);
        var join = period.SiteSql.Length == 0 ? "" : $" JOIN {Tickets} t ON t.\"Id\" = e.\"TicketId\"";
        created.AddRange(await _sql.QueryAsync(
            $"""
            SELECT {period.DayOf("e.\"At\"")},
              SUM((CASE WHEN e."ToStatus" IN ('New', 'Open', 'OnHold') THEN 1 ELSE 0 END) - (CASE WHEN e."FromStatus" IN ('New', 'Open', 'OnHold') THEN 1 ELSE 0 END)),
              SUM((CASE WHEN e."ToStatus" = 'Pending' THEN 1 ELSE 0 END) - (CASE WHEN e."FromStatus" = 'Pending' THEN 1 ELSE 0 END))
            FROM {Events} e{join}
            WHERE {TicketEventConfiguration.BacklogMoves} AND e."At" >= @since{(until is null ? "" : " AND e.\"At\" < @until")}{period.SiteSql}
            GROUP BY 1
            """,
            parameters,
            r => (Day: Day(r), Created: 0L, Open: ReportSql.ReadLong(r, 1), Pending: ReportSql.ReadLong(r, 2)),
            cancellationToken));
        return created;
    }

    public async Task<VolumeReport> VolumeAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var period = await PeriodAsync(filter, cancellationToken);
        var rows = await SplitAsync(
            filter,
            async (first, last, skip) => (await stored.DaysAsync(ReportFamily.Volume, first, last, skip, cancellationToken))
                .Select(d => (Day: (long)d.Day, Channel: Enum.Parse<TicketChannel>(d.Key), Count: (int)d.Count0)),
            p => VolumeRowsAsync(p, cancellationToken),
            cancellationToken);
        var byDay = rows.ToLookup(r => r.Day);
        VolumeDay Day(DateOnly? date, IEnumerable<(long Day, TicketChannel Channel, int Count)> counts)
        {
            var list = counts.ToList();
            int Of(TicketChannel channel) => list.Where(c => c.Channel == channel).Sum(c => c.Count);
            return new VolumeDay(date, Of(TicketChannel.Web), Of(TicketChannel.Phone), Of(TicketChannel.WalkIn), Of(TicketChannel.Email), Of(TicketChannel.DirectToTechnician));
        }

        return new VolumeReport(period.Range, filter.Days.Select(d => Day(d, byDay[LocalDays.UnixDay(d)])).ToList(), Day(null, rows));
    }

    private Task<List<(long Day, TicketChannel Channel, int Count)>> VolumeRowsAsync(Period period, CancellationToken cancellationToken) =>
        _sql.QueryAsync(
            $"SELECT {period.DayOf("t.\"CreatedAt\"")}, t.\"Channel\", COUNT(*) FROM {Tickets} t WHERE t.\"CreatedAt\" >= @start AND t.\"CreatedAt\" < @end{period.SiteSql}{period.StatusSql} GROUP BY 1, 2",
            period.Parameters, r => (Day: ReportSql.ReadLong(r, 0), Channel: Enum.Parse<TicketChannel>(r.GetString(1)), Count: (int)ReportSql.ReadLong(r, 2)), cancellationToken);

    public async Task<ResponseTimesReport> ResponseTimesAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var period = await PeriodAsync(filter, cancellationToken);
        var parts = await SplitAsync<(MinuteCounts Response, MinuteCounts Resolution)>(
            filter,
            async (first, last, skip) => [await StoredTimesAsync(first, last, skip, cancellationToken)],
            async p => [await TimesAsync(p, cancellationToken)],
            cancellationToken);
        var (response, resolution) = parts[0];
        foreach (var part in parts.Skip(1))
        {
            response.Add(part.Response);
            resolution.Add(part.Resolution);
        }

        var teams = await db.Set<Team>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var sites = await SitesAsync(cancellationToken);
        List<TimeRow> Rows(TimeGrouping grouping, Func<string, string> label) =>
            response.Groups.Concat(resolution.Groups).Where(g => g.Grouping == grouping).Select(g => g.Key).Distinct()
                .Select(key => new TimeRow(key, label(key), response.Figures(grouping, key), resolution.Figures(grouping, key)))
                .OrderBy(r => grouping == TimeGrouping.Priority ? r.Key : r.Label, StringComparer.Ordinal).ToList();

        return new ResponseTimesReport(
            period.Range,
            new TimeRow("all", "All tickets", response.Figures(TimeGrouping.All, ""), resolution.Figures(TimeGrouping.All, "")),
            Rows(TimeGrouping.Site, key => SiteName(sites, key)),
            Rows(TimeGrouping.Team, key => int.TryParse(key, CultureInfo.InvariantCulture, out var id) && teams.TryGetValue(id, out var name) ? name : "No team"),
            Rows(TimeGrouping.Priority, key => $"{key} {Priorities.Name(int.Parse(key, CultureInfo.InvariantCulture))}"));
    }

    /// <summary>
    /// First response minutes of the tickets opened in the period and resolution minutes of those solved in it, counted per
    /// minute (exact percentiles, as PostgreSQL's percentile_cont computes them), read once from covering indexes.
    /// </summary>
    private async Task<(MinuteCounts Response, MinuteCounts Resolution)> TimesAsync(Period period, CancellationToken cancellationToken)
    {
        async Task<MinuteCounts> ReadAsync(string minutes, string instant)
        {
            var counts = new MinuteCounts();
            await _sql.ForEachAsync(
                $"SELECT t.\"SiteId\", t.\"TeamId\", t.\"Priority\", t.\"{minutes}\" FROM {Tickets} t WHERE t.\"{minutes}\" IS NOT NULL AND t.\"{instant}\" >= @start AND t.\"{instant}\" < @end{period.SiteSql}{period.StatusSql}",
                period.Parameters,
                r => counts.Add(ReportSql.ReadGuid(r, 0), r.IsDBNull(1) ? null : ReportSql.ReadLong(r, 1), ReportSql.ReadLong(r, 2), (int)ReportSql.ReadLong(r, 3)),
                cancellationToken);
            return counts;
        }

        return (await ReadAsync("ResponseMinutes", "CreatedAt"), await ReadAsync("ResolutionMinutes", "SolvedAt"));
    }

    /// <summary>The stored days' minute counts: groupings below <see cref="ResolutionGroupings"/> are response, the rest resolution.</summary>
    private async Task<(MinuteCounts Response, MinuteCounts Resolution)> StoredTimesAsync(DateOnly first, DateOnly last, IReadOnlyCollection<DateOnly> skip, CancellationToken cancellationToken)
    {
        var (response, resolution) = (new MinuteCounts(), new MinuteCounts());
        foreach (var (grouping, key, minutes) in await stored.MinutesAsync(first, last, skip, cancellationToken))
        {
            var counts = grouping < ResolutionGroupings ? response : resolution;
            counts.AddEncoded((TimeGrouping)(grouping % ResolutionGroupings), key, minutes);
        }

        return (response, resolution);
    }

    /// <summary>A stored response-times row's grouping: <see cref="TimeGrouping"/> for response, plus this for resolution.</summary>
    private const int ResolutionGroupings = 4;

    public async Task<AttainmentReport> AttainmentAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var period = await PeriodAsync(filter, cancellationToken);
        var groups = await GroupsAsync(ReportFamily.Attainment, filter, AttainmentGroupsAsync, cancellationToken);
        var sites = await SitesAsync(cancellationToken);
        var teams = await db.Set<Team>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var issueTypes = await db.Set<IssueType>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Path, cancellationToken);
        List<AttainmentRow> Rows(int grouping, Func<Grouped, string> label) =>
            groups.Where(g => g.Grouping == grouping)
                .Select(g => new AttainmentRow(g.Key ?? "none", label(g), new Share((int)g.Counts[1], (int)g.Counts[0]), new Share((int)g.Counts[3], (int)g.Counts[2])))
                .Where(r => r.Response.Of > 0 || r.Resolution.Of > 0)
                .OrderBy(r => r.Label, StringComparer.CurrentCulture).ToList();

        var bySite = Rows(0, g => SiteName(sites, g.Key!));
        return new AttainmentReport(
            period.Range,
            new AttainmentRow("all", "All tickets", new Share(bySite.Sum(r => r.Response.Count), bySite.Sum(r => r.Response.Of)), new Share(bySite.Sum(r => r.Resolution.Count), bySite.Sum(r => r.Resolution.Of))),
            bySite,
            Rows(1, g => g.Key is { } t && teams.TryGetValue(int.Parse(t, CultureInfo.InvariantCulture), out var name) ? name : "No team"),
            Rows(2, g => g.Key is null ? "Unassigned" : g.Name ?? g.Key),
            Rows(3, g => issueTypes.GetValueOrDefault(int.Parse(g.Key!, CultureInfo.InvariantCulture)) ?? g.Key!));
    }

    /// <summary>
    /// Response: tickets opened in the range whose first-response target is decided (answered, or breached unanswered).
    /// Resolution: tickets solved in the range, and unsolved ones opened in the range that have already breached.
    /// </summary>
    private Task<List<Grouped>> AttainmentGroupsAsync(Period period, CancellationToken cancellationToken)
    {
        const string response = $"{Opened} AND (t.\"ResponseMinutes\" IS NOT NULL OR t.\"ResponseBreached\")";
        const string resolution = $"({Solved}) OR (t.\"SolvedAt\" IS NULL AND t.\"ResolutionBreached\" AND {Opened})";
        return GroupedAsync(
            period,
            $"t.\"ServiceLevelPolicyId\" IS NOT NULL AND (({Opened}) OR ({Solved}))",
            ["SiteId", "TeamId", "AssigneeUserId", "IssueTypeId"],
            [
                $"SUM(CASE WHEN {response} THEN 1 ELSE 0 END)", $"SUM(CASE WHEN ({response}) AND NOT t.\"ResponseBreached\" THEN 1 ELSE 0 END)",
                $"SUM(CASE WHEN {resolution} THEN 1 ELSE 0 END)", $"SUM(CASE WHEN ({resolution}) AND NOT t.\"ResolutionBreached\" THEN 1 ELSE 0 END)",
            ],
            named: true,
            cancellationToken);
    }

    public async Task<ResolutionRatesReport> ResolutionRatesAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var period = await PeriodAsync(filter, cancellationToken);
        var groups = await GroupsAsync(ReportFamily.ResolutionRates, filter, RateGroupsAsync, cancellationToken);
        var sites = await SitesAsync(cancellationToken);
        var rows = groups.Select(g =>
            {
                var count = (int)g.Counts[0];
                return new RateRow(
                    g.Key!, SiteName(sites, g.Key!), count,
                    new Share((int)g.Counts[1], count), new Share((int)g.Counts[5], (int)g.Counts[4]), new Share((int)g.Counts[2], count), new Share((int)g.Counts[3], count));
            })
            .Where(r => r.Opened > 0 || r.FirstContact.Of > 0)
            .OrderBy(r => r.Label, StringComparer.CurrentCulture).ToList();
        var total = rows.Sum(r => r.Opened);
        var overall = new RateRow(
            "all", "All tickets", total,
            new Share(rows.Sum(r => r.SameDay.Count), total), new Share(rows.Sum(r => r.FirstContact.Count), rows.Sum(r => r.FirstContact.Of)),
            new Share(rows.Sum(r => r.Bypass.Count), total), new Share(rows.Sum(r => r.Reopened.Count), total));
        return new ResolutionRatesReport(period.Range, overall, rows);
    }

    private Task<List<Grouped>> RateGroupsAsync(Period period, CancellationToken cancellationToken)
    {
        return GroupedAsync(
            period,
            $"({Opened}) OR ({Solved})",
            ["SiteId"],
            [
                $"SUM(CASE WHEN {Opened} THEN 1 ELSE 0 END)",
                $"SUM(CASE WHEN {Opened} AND t.\"SolvedAt\" IS NOT NULL AND {period.DayOf("t.\"CreatedAt\"", clampAtEnd: false)} = {period.DayOf("t.\"SolvedAt\"", clampAtEnd: false)} THEN 1 ELSE 0 END)",
                $"SUM(CASE WHEN {Opened} AND t.\"Channel\" = 'DirectToTechnician' THEN 1 ELSE 0 END)",
                $"SUM(CASE WHEN {Opened} AND t.\"ReopenCount\" > 0 THEN 1 ELSE 0 END)",
                $"SUM(CASE WHEN {Solved} AND t.\"FirstContactResolution\" IS NOT NULL THEN 1 ELSE 0 END)",
                $"SUM(CASE WHEN {Solved} AND t.\"FirstContactResolution\" = {(_sql.IsSqlite ? "1" : "TRUE")} THEN 1 ELSE 0 END)",
            ],
            named: false,
            cancellationToken);
    }

    public async Task<WorkloadReport> WorkloadAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var period = await PeriodAsync(filter, cancellationToken);
        var groups = await GroupsAsync(ReportFamily.Workload, filter, WorkloadGroupsAsync, cancellationToken);
        var technicians = groups.Where(g => g.Grouping == 0 && g.Key is not null)
            .Select(g => new TechnicianLoad(Guid.Parse(g.Key!), g.Name ?? "", (int)g.Counts[0], (int)g.Counts[1]))
            .Where(t => t.Assigned > 0 || t.Solved > 0)
            .OrderByDescending(t => t.Assigned).ThenBy(t => t.Name, StringComparer.CurrentCulture).ToList();
        var opening = groups.Where(g => g.Grouping == 1).ToDictionary(g => g.Key!, g => (int)g.Counts[0]);
        var devices = await deviceCounts.PerSiteAsync(cancellationToken);
        var sites = await SitesAsync(cancellationToken);
        var siteLoads = sites.Where(s => filter.SiteId is null || s.Id == filter.SiteId)
            .Select(s =>
            {
                var count = opening.GetValueOrDefault(s.Id.ToString());
                var devicesAtSite = devices.PerSite.GetValueOrDefault(s.Id);
                return new SiteLoad(s.Id, s.Name, count, devicesAtSite, devicesAtSite > 0 ? Math.Round(100.0 * count / devicesAtSite, 1, MidpointRounding.AwayFromZero) : null);
            })
            .Where(s => s.Opened > 0 || s.Devices > 0)
            .OrderByDescending(s => s.PerHundredDevices ?? -1).ThenBy(s => s.Name, StringComparer.CurrentCulture).ToList();
        return new WorkloadReport(period.Range, technicians, siteLoads, devices.Source);
    }

    private Task<List<Grouped>> WorkloadGroupsAsync(Period period, CancellationToken cancellationToken)
    {
        return GroupedAsync(
            period,
            $"({Opened}) OR ({Solved})",
            ["AssigneeUserId", "SiteId"],
            [$"SUM(CASE WHEN {Opened} THEN 1 ELSE 0 END)", $"SUM(CASE WHEN {Solved} THEN 1 ELSE 0 END)"],
            named: true,
            cancellationToken);
    }

    /// <summary>
    /// Computes what <see cref="StoredReportDays"/> keeps for the days from <paramref name="first"/> to <paramref name="last"/>,
    /// every site, with the reports' own queries: the backlog's openings and moves of every ticket, the others' counts
    /// over tickets solved or closed, one query per day so each day's counts are exactly what a report of that day alone sums.
    /// </summary>
    private async Task<StoredRows> ComputeDaysAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var days = new ReportFilter(first, last, null);
        var period = await PeriodAsync(days, cancellationToken);
        var rows = (await BacklogMovesAsync(period, period.Start, period.End, cancellationToken))
            .GroupBy(m => (int)m.Day!.Value)
            .Select(g => new ReportDay { Family = ReportFamily.Backlog, Day = g.Key, Count0 = g.Sum(m => m.Created), Count1 = g.Sum(m => m.Open), Count2 = g.Sum(m => m.Pending) })
            .ToList();
        var minutes = new List<ReportMinutes>();
        rows.AddRange((await VolumeRowsAsync(period with { StatusSql = Settled }, cancellationToken))
            .Select(v => new ReportDay { Family = ReportFamily.Volume, Day = (int)v.Day, Key = v.Channel.ToString(), Count0 = v.Count }));
        foreach (var day in days.Days)
        {
            var one = await PeriodAsync(new ReportFilter(day, day, null), cancellationToken) with { StatusSql = Settled };
            var (response, resolution) = await TimesAsync(one, cancellationToken);
            foreach (var (counts, offset) in new[] { (response, 0), (resolution, ResolutionGroupings) })
            {
                minutes.AddRange(counts.Groups.Select(g => new ReportMinutes
                {
                    Day = (int)LocalDays.UnixDay(day), Grouping = (int)g.Grouping + offset, Key = g.Key, Minutes = counts.Encode(g.Grouping, g.Key),
                }));
            }

            foreach (var (family, query) in GroupedFamilies)
            {
                rows.AddRange((await query(this, one, cancellationToken)).Select(g => new ReportDay
                {
                    Family = family, Day = (int)LocalDays.UnixDay(day), Grouping = g.Grouping, Key = g.Key ?? "",
                    Count0 = g.Counts[0], Count1 = g.Counts[1], Count2 = g.Counts[2], Count3 = g.Counts[3], Count4 = g.Counts[4], Count5 = g.Counts[5], Name = g.Name,
                }));
            }
        }

        return new StoredRows(rows, minutes);
    }

    private static readonly (ReportFamily Family, Func<ServiceReportsHandler, Period, CancellationToken, Task<List<Grouped>>> Query)[] GroupedFamilies =
    [
        (ReportFamily.Attainment, (h, p, c) => h.AttainmentGroupsAsync(p, c)),
        (ReportFamily.ResolutionRates, (h, p, c) => h.RateGroupsAsync(p, c)),
        (ReportFamily.Workload, (h, p, c) => h.WorkloadGroupsAsync(p, c)),
    ];

    /// <summary>Refills the stored days changed tickets touched and stores the past days not stored yet (ADR 0038).</summary>
    public Task<int> RefreshStoredDaysAsync(CancellationToken cancellationToken = default) => stored.RefreshAsync(ComputeDaysAsync, cancellationToken);

    /// <summary>
    /// The stored days a report over every site can add up, from the range's first day on; null for a site's report or a
    /// range starting outside them (counted live). Read once per request: the index page's headlines run five reports.
    /// </summary>
    private async Task<StoredDays?> StoredFromAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        if (filter.SiteId is not null)
        {
            return null;
        }

        _stored ??= await stored.StoredAsync(cancellationToken);
        return _stored is { } days && days.First <= filter.From && filter.From <= days.Last ? days : null;
    }

    /// <summary>
    /// A report's rows over the range: where stored days serve it, the stored days (but those tickets changed since), the
    /// open tickets on them live, the changed days' solved and closed tickets live, and the days after the last stored one
    /// live; otherwise the whole range live.
    /// </summary>
    private async Task<List<T>> SplitAsync<T>(
        ReportFilter filter, Func<DateOnly, DateOnly, IReadOnlyCollection<DateOnly>, Task<IEnumerable<T>>> fromStore, Func<Period, Task<List<T>>> live,
        CancellationToken cancellationToken)
    {
        if (await StoredFromAsync(filter, cancellationToken) is not { } days)
        {
            return await live(await PeriodAsync(filter, cancellationToken));
        }

        var storedTo = days.Last < filter.To ? days.Last : filter.To;
        var changed = days.Changed.Where(d => d >= filter.From && d <= storedTo).ToList();
        var rows = (await fromStore(filter.From, storedTo, changed)).ToList();
        rows.AddRange(await live(await PeriodAsync(filter with { To = storedTo }, cancellationToken) with { StatusSql = Unsettled }));
        foreach (var day in changed)
        {
            rows.AddRange(await live(await PeriodAsync(new ReportFilter(day, day, null), cancellationToken) with { StatusSql = Settled }));
        }

        if (storedTo < filter.To)
        {
            rows.AddRange(await live(await PeriodAsync(filter with { From = storedTo.AddDays(1) }, cancellationToken)));
        }

        return rows;
    }

    /// <summary>A grouped report's groups over the range (<see cref="SplitAsync"/>), the parts' counts added and the largest name kept.</summary>
    private async Task<List<Grouped>> GroupsAsync(
        ReportFamily family, ReportFilter filter, Func<Period, CancellationToken, Task<List<Grouped>>> query, CancellationToken cancellationToken)
    {
        var parts = await SplitAsync(
            filter,
            async (first, last, skip) => (await stored.SumAsync(family, first, last, skip, cancellationToken))
                .Select(d => new Grouped(d.Grouping, d.Key.Length == 0 ? null : d.Key, [d.Count0, d.Count1, d.Count2, d.Count3, d.Count4, d.Count5], d.Name)),
            p => query(p, cancellationToken),
            cancellationToken);
        return parts.GroupBy(g => (g.Grouping, g.Key))
            .Select(g => new Grouped(
                g.Key.Grouping, g.Key.Key,
                Enumerable.Range(0, Grouped.Width).Select(i => g.Sum(part => part.Counts[i])).ToArray(),
                g.Select(part => part.Name).Max(StringComparer.Ordinal)))
            .ToList();
    }

    /// <summary>
    /// One pass over the tickets grouped by each of <paramref name="columns"/> in turn (PostgreSQL: one GROUPING SETS query;
    /// SQLite, which has none: one GROUP BY per column), summing <paramref name="counts"/> and, when <paramref name="named"/>,
    /// the largest assignee name. Keys come back as text ("none" never: null stays null).
    /// </summary>
    private async Task<List<Grouped>> GroupedAsync(
        Period period, string where, IReadOnlyList<string> columns, IReadOnlyList<string> counts, bool named, CancellationToken cancellationToken)
    {
        Grouped Read(System.Data.Common.DbDataReader r, int grouping, int first, int valuesFrom)
        {
            var column = columns[grouping];
            string? key = r.IsDBNull(first) ? null
                : column is "SiteId" or "AssigneeUserId" ? ReportSql.ReadGuid(r, first).ToString()
                : ReportSql.ReadLong(r, first).ToString(CultureInfo.InvariantCulture);
            var values = new long[Grouped.Width];
            for (var i = 0; i < counts.Count; i++)
            {
                values[i] = r.IsDBNull(valuesFrom + i) ? 0 : ReportSql.ReadLong(r, valuesFrom + i);
            }

            var name = named && !r.IsDBNull(valuesFrom + counts.Count) ? r.GetString(valuesFrom + counts.Count) : null;
            return new Grouped(grouping, key, values, name);
        }

        var aggregates = string.Join(", ", named ? counts.Append("MAX(t.\"AssigneeName\")") : counts);
        var filtered = $"({where}){period.SiteSql}{period.StatusSql}";
        if (!_sql.IsSqlite)
        {
            var flags = string.Join(" + ", columns.Select((c, i) => $"GROUPING(t.\"{c}\") * {1 << i}"));
            var keys = string.Join(", ", columns.Select(c => $"t.\"{c}\""));
            var sets = string.Join(", ", columns.Select(c => $"(t.\"{c}\")"));
            return await _sql.QueryAsync(
                $"SELECT {flags}, {keys}, {aggregates} FROM {Tickets} t WHERE {filtered} GROUP BY GROUPING SETS ({sets})",
                period.Parameters,
                r =>
                {
                    // The set's own column is the one not aggregated away: its GROUPING bit is 0.
                    var mask = ReportSql.ReadLong(r, 0);
                    var grouping = Enumerable.Range(0, columns.Count).Single(i => (mask & (1L << i)) == 0);
                    return Read(r, grouping, 1 + grouping, 1 + columns.Count);
                },
                cancellationToken);
        }

        var all = new List<Grouped>();
        for (var grouping = 0; grouping < columns.Count; grouping++)
        {
            var g = grouping;
            all.AddRange(await _sql.QueryAsync(
                $"SELECT t.\"{columns[g]}\", {aggregates} FROM {Tickets} t WHERE {filtered} GROUP BY t.\"{columns[g]}\"",
                period.Parameters, r => Read(r, g, 0, 1), cancellationToken));
        }

        return all;
    }

    /// <summary>A group's counts (as many as <see cref="ReportDay"/> stores; a report uses the first few) and its largest assignee name.</summary>
    private sealed record Grouped(int Grouping, string? Key, long[] Counts, string? Name)
    {
        public const int Width = 6;
    }

    public async Task<ReportHeadlines> HeadlinesAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var backlog = await BacklogAsync(filter with { From = filter.To }, cancellationToken);
        var volume = await VolumeAsync(filter, cancellationToken);
        var times = await ResponseTimesAsync(filter, cancellationToken);
        var attainment = await AttainmentAsync(filter, cancellationToken);
        var rates = await ResolutionRatesAsync(filter, cancellationToken);
        var deflected = 0;
        foreach (var source in knowledge)
        {
            deflected += await source.DeflectionsAsync(clock.StartOf(filter.From), clock.StartOf(filter.To.AddDays(1)), filter.SiteId, cancellationToken);
        }

        return new ReportHeadlines(
            volume.Range, backlog.Days[^1].Total, volume.Totals.Total, times.Overall.Response.Median, times.Overall.Resolution.Median,
            attainment.Overall.Response, attainment.Overall.Resolution, rates.Overall.SameDay, rates.Overall.FirstContact,
            new Share(deflected, deflected + volume.Totals.Web));
    }

    private async Task<IReadOnlyList<SiteSummary>> SitesAsync(CancellationToken cancellationToken) =>
        _sites ??= await siteDirectory.ListAsync(cancellationToken);

    private static string SiteName(IReadOnlyList<SiteSummary> sites, string id) =>
        sites.FirstOrDefault(s => s.Id.ToString() == id)?.Name ?? id;

    private async Task<Period> PeriodAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var sites = await SitesAsync(cancellationToken);
        var start = clock.StartOf(filter.From);
        var end = clock.StartOf(filter.To.AddDays(1));
        var parameters = new Dictionary<string, object> { ["@start"] = _sql.Instant(start), ["@end"] = _sql.Instant(end) };
        if (filter.SiteId is { } site)
        {
            parameters["@site"] = _sql.SiteParameter(site);
        }

        var offsets = LocalDays.Offsets(clock.Zone, start.AddDays(-2), end.AddDays(2));
        var range = new ReportRange(filter.From, filter.To, filter.SiteId, sites.FirstOrDefault(s => s.Id == filter.SiteId)?.Name, clock.Zone.Id);
        return new Period(range, start, end, parameters, filter.SiteId is null ? "" : " AND t.\"SiteId\" = @site", _sql, offsets, _sql.Instant(end));
    }

    private sealed record Period(
        ReportRange Range, DateTimeOffset Start, DateTimeOffset End, IReadOnlyDictionary<string, object> Parameters, string SiteSql,
        ReportSql Sql, IReadOnlyList<(long From, int OffsetSeconds)> Offsets, object EndValue)
    {
        /// <summary>Which tickets by status: all (empty), or <see cref="Settled"/> or <see cref="Unsettled"/> ones.</summary>
        public string StatusSql { get; init; } = "";

        /// <summary>The local day number of an instant column; with <paramref name="clampAtEnd"/>, NULL from the end of the range on.</summary>
        public string DayOf(string column, bool clampAtEnd = true)
        {
            var day = LocalDays.DaySql(Sql.UnixSeconds(column), Offsets);
            return clampAtEnd ? $"(CASE WHEN {column} >= @end THEN NULL ELSE {day} END)" : day;
        }
    }



}
