using System.Globalization;
using DistrictOps.Web.Modules.Devices.Contracts;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Knowledge.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Reports.ReportOnService;

/// <summary>
/// The help desk's service reports. Each takes a <see cref="ReportFilter"/> already validated against the sites; counting
/// runs in the database, percentiles here from the raw minutes (exactly PostgreSQL's percentile_cont),
/// and local days are integer buckets (<see cref="LocalDays"/>) so both providers agree to the ticket.
/// </summary>
public sealed class ServiceReportsHandler(AppDbContext db, ReportClock clock, ISiteDirectory siteDirectory, IDeviceCounts deviceCounts, IEnumerable<IKnowledgeArticles> knowledge)
{
    private const string Tickets = "helpdesk_tickets";
    private const string Events = "helpdesk_ticket_events";
    private static readonly string[] OpenStatuses = [nameof(TicketStatus.New), nameof(TicketStatus.Open), nameof(TicketStatus.OnHold)];

    private readonly ReportSql _sql = new(db);
    private IReadOnlyList<SiteSummary>? _sites;

    public async Task<BacklogReport> BacklogAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var period = await PeriodAsync(filter, cancellationToken);
        var siteSql = filter.SiteId is null ? "" : " AND t.\"SiteId\" = @site";

        // Now, then walk back: the count at the end of a day is today's count less every change after that day.
        var now = await _sql.QueryAsync(
            $"SELECT t.\"Status\", COUNT(*) FROM {Tickets} t WHERE t.\"Status\" IN ('New', 'Open', 'OnHold', 'Pending'){siteSql} GROUP BY t.\"Status\"",
            period.Parameters, r => (Status: r.GetString(0), Count: ReportSql.ReadLong(r, 1)), cancellationToken);
        var openNow = now.Where(s => OpenStatuses.Contains(s.Status)).Sum(s => s.Count);
        var pendingNow = now.Where(s => s.Status == nameof(TicketStatus.Pending)).Sum(s => s.Count);

        var created = await _sql.QueryAsync(
            $"SELECT {period.DayOf("t.\"CreatedAt\"")}, COUNT(*) FROM {Tickets} t WHERE t.\"CreatedAt\" >= @start{siteSql} GROUP BY 1",
            period.Parameters, r => (Day: r.IsDBNull(0) ? (long?)null : ReportSql.ReadLong(r, 0), Count: ReportSql.ReadLong(r, 1)), cancellationToken);
        // Net moves per local day into and out of each bucket, summed in the database (the filter is the partial index's).
        var join = filter.SiteId is null ? "" : $" JOIN {Tickets} t ON t.\"Id\" = e.\"TicketId\"";
        var moves = await _sql.QueryAsync(
            $"""
            SELECT {period.DayOf("e.\"At\"")},
              SUM((CASE WHEN e."ToStatus" IN ('New', 'Open', 'OnHold') THEN 1 ELSE 0 END) - (CASE WHEN e."FromStatus" IN ('New', 'Open', 'OnHold') THEN 1 ELSE 0 END)),
              SUM((CASE WHEN e."ToStatus" = 'Pending' THEN 1 ELSE 0 END) - (CASE WHEN e."FromStatus" = 'Pending' THEN 1 ELSE 0 END))
            FROM {Events} e{join}
            WHERE {TicketEventConfiguration.BacklogMoves} AND e."At" >= @start{siteSql}
            GROUP BY 1
            """,
            period.Parameters,
            r => (Day: r.IsDBNull(0) ? (long?)null : ReportSql.ReadLong(r, 0), Open: ReportSql.ReadLong(r, 1), Pending: ReportSql.ReadLong(r, 2)),
            cancellationToken);

        // Deltas per local day (null: after the range) in the open and pending counts.
        var deltas = new Dictionary<long, (long Open, long Pending)>();
        void Move(long? day, long open, long pending)
        {
            var key = day ?? long.MaxValue;
            var (o, p) = deltas.GetValueOrDefault(key);
            deltas[key] = (o + open, p + pending);
        }

        foreach (var (day, count) in created)
        {
            Move(day, count, 0);
        }

        foreach (var (day, openMoves, pendingMoves) in moves)
        {
            Move(day, openMoves, pendingMoves);
        }

        var (openAtEnd, pendingAtEnd) = deltas.GetValueOrDefault(long.MaxValue);
        var (open, pending) = (openNow - openAtEnd, pendingNow - pendingAtEnd);
        var days = new List<BacklogDay>(filter.DayCount);
        foreach (var day in filter.Days.Reverse())
        {
            days.Add(new BacklogDay(day, (int)open, (int)pending, (int)(open + pending)));
            var (o, p) = deltas.GetValueOrDefault(LocalDays.UnixDay(day));
            (open, pending) = (open - o, pending - p);
        }

        days.Reverse();
        return new BacklogReport(period.Range, days);
    }

    public async Task<VolumeReport> VolumeAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var period = await PeriodAsync(filter, cancellationToken);
        var rows = await _sql.QueryAsync(
            $"SELECT {period.DayOf("t.\"CreatedAt\"")}, t.\"Channel\", COUNT(*) FROM {Tickets} t WHERE t.\"CreatedAt\" >= @start AND t.\"CreatedAt\" < @end{period.SiteSql} GROUP BY 1, 2",
            period.Parameters, r => (Day: ReportSql.ReadLong(r, 0), Channel: Enum.Parse<TicketChannel>(r.GetString(1)), Count: (int)ReportSql.ReadLong(r, 2)), cancellationToken);
        var byDay = rows.ToLookup(r => r.Day);
        VolumeDay Day(DateOnly? date, IEnumerable<(long Day, TicketChannel Channel, int Count)> counts)
        {
            var list = counts.ToList();
            int Of(TicketChannel channel) => list.Where(c => c.Channel == channel).Sum(c => c.Count);
            return new VolumeDay(date, Of(TicketChannel.Web), Of(TicketChannel.Phone), Of(TicketChannel.WalkIn), Of(TicketChannel.Email), Of(TicketChannel.DirectToTechnician));
        }

        return new VolumeReport(period.Range, filter.Days.Select(d => Day(d, byDay[LocalDays.UnixDay(d)])).ToList(), Day(null, rows));
    }

    public async Task<ResponseTimesReport> ResponseTimesAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var period = await PeriodAsync(filter, cancellationToken);
        var response = await TimesAsync(period, "ResponseMinutes", "CreatedAt", cancellationToken);
        var resolution = await TimesAsync(period, "ResolutionMinutes", "SolvedAt", cancellationToken);
        var teams = await db.Set<Team>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var sites = await SitesAsync(cancellationToken);

        TimeFigures Find(List<TimeGroup> groups, TimeGrouping grouping, string key) =>
            groups.FirstOrDefault(g => g.Grouping == grouping && g.Key == key)?.Figures ?? new TimeFigures(0, null, null);

        List<TimeRow> Rows(TimeGrouping grouping, Func<string, string> label) =>
            response.Concat(resolution).Where(g => g.Grouping == grouping).Select(g => g.Key).Distinct()
                .Select(key => new TimeRow(key, label(key), Find(response, grouping, key), Find(resolution, grouping, key)))
                .OrderBy(r => grouping == TimeGrouping.Priority ? r.Key : r.Label, StringComparer.Ordinal).ToList();

        return new ResponseTimesReport(
            period.Range,
            new TimeRow("all", "All tickets", Find(response, TimeGrouping.All, ""), Find(resolution, TimeGrouping.All, "")),
            Rows(TimeGrouping.Site, key => SiteName(sites, key)),
            Rows(TimeGrouping.Team, key => int.TryParse(key, CultureInfo.InvariantCulture, out var id) && teams.TryGetValue(id, out var name) ? name : "No team"),
            Rows(TimeGrouping.Priority, key => $"{key} {Priorities.Name(int.Parse(key, CultureInfo.InvariantCulture))}"));
    }

    public async Task<AttainmentReport> AttainmentAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var period = await PeriodAsync(filter, cancellationToken);

        // Response: tickets opened in the range whose first-response target is decided (answered, or breached unanswered).
        // Resolution: tickets solved in the range, and unsolved ones opened in the range that have already breached.
        const string opened = "t.\"CreatedAt\" >= @start AND t.\"CreatedAt\" < @end";
        const string solved = "t.\"SolvedAt\" >= @start AND t.\"SolvedAt\" < @end";
        const string response = $"{opened} AND (t.\"ResponseMinutes\" IS NOT NULL OR t.\"ResponseBreached\")";
        const string resolution = $"({solved}) OR (t.\"SolvedAt\" IS NULL AND t.\"ResolutionBreached\" AND {opened})";
        var groups = await GroupedAsync(
            period,
            $"t.\"ServiceLevelPolicyId\" IS NOT NULL AND (({opened}) OR ({solved}))",
            ["SiteId", "TeamId", "AssigneeUserId", "IssueTypeId"],
            $"""
            SUM(CASE WHEN {response} THEN 1 ELSE 0 END), SUM(CASE WHEN ({response}) AND NOT t."ResponseBreached" THEN 1 ELSE 0 END),
            SUM(CASE WHEN {resolution} THEN 1 ELSE 0 END), SUM(CASE WHEN ({resolution}) AND NOT t."ResolutionBreached" THEN 1 ELSE 0 END),
            MAX(t."AssigneeName")
            """,
            5,
            cancellationToken);

        var sites = await SitesAsync(cancellationToken);
        var teams = await db.Set<Team>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var issueTypes = await db.Set<IssueType>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Path, cancellationToken);
        List<AttainmentRow> Rows(int grouping, Func<Grouped, string> label) =>
            groups.Where(g => g.Grouping == grouping)
                .Select(g => new AttainmentRow(g.Key ?? "none", label(g), new Share((int)g.Long(1), (int)g.Long(0)), new Share((int)g.Long(3), (int)g.Long(2))))
                .Where(r => r.Response.Of > 0 || r.Resolution.Of > 0)
                .OrderBy(r => r.Label, StringComparer.CurrentCulture).ToList();

        var bySite = Rows(0, g => SiteName(sites, g.Key!));
        return new AttainmentReport(
            period.Range,
            new AttainmentRow("all", "All tickets", new Share(bySite.Sum(r => r.Response.Count), bySite.Sum(r => r.Response.Of)), new Share(bySite.Sum(r => r.Resolution.Count), bySite.Sum(r => r.Resolution.Of))),
            bySite,
            Rows(1, g => g.Key is { } t && teams.TryGetValue(int.Parse(t, CultureInfo.InvariantCulture), out var name) ? name : "No team"),
            Rows(2, g => g.Key is null ? "Unassigned" : g.Values[4] as string ?? g.Key),
            Rows(3, g => issueTypes.GetValueOrDefault(int.Parse(g.Key!, CultureInfo.InvariantCulture)) ?? g.Key!));
    }

    public async Task<ResolutionRatesReport> ResolutionRatesAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var period = await PeriodAsync(filter, cancellationToken);
        const string opened = "t.\"CreatedAt\" >= @start AND t.\"CreatedAt\" < @end";
        const string solved = "t.\"SolvedAt\" >= @start AND t.\"SolvedAt\" < @end";
        var groups = await GroupedAsync(
            period,
            $"({opened}) OR ({solved})",
            ["SiteId"],
            $"""
            SUM(CASE WHEN {opened} THEN 1 ELSE 0 END),
            SUM(CASE WHEN {opened} AND t."SolvedAt" IS NOT NULL AND {period.DayOf("t.\"CreatedAt\"", clampAtEnd: false)} = {period.DayOf("t.\"SolvedAt\"", clampAtEnd: false)} THEN 1 ELSE 0 END),
            SUM(CASE WHEN {opened} AND t."Channel" = 'DirectToTechnician' THEN 1 ELSE 0 END),
            SUM(CASE WHEN {opened} AND t."ReopenCount" > 0 THEN 1 ELSE 0 END),
            SUM(CASE WHEN {solved} AND t."FirstContactResolution" IS NOT NULL THEN 1 ELSE 0 END),
            SUM(CASE WHEN {solved} AND t."FirstContactResolution" = {(_sql.IsSqlite ? "1" : "TRUE")} THEN 1 ELSE 0 END)
            """,
            6,
            cancellationToken);
        var sites = await SitesAsync(cancellationToken);
        var rows = groups.Select(g =>
            {
                var count = (int)g.Long(0);
                return new RateRow(
                    g.Key!, SiteName(sites, g.Key!), count,
                    new Share((int)g.Long(1), count), new Share((int)g.Long(5), (int)g.Long(4)), new Share((int)g.Long(2), count), new Share((int)g.Long(3), count));
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

    public async Task<WorkloadReport> WorkloadAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var period = await PeriodAsync(filter, cancellationToken);
        const string opened = "t.\"CreatedAt\" >= @start AND t.\"CreatedAt\" < @end";
        const string solved = "t.\"SolvedAt\" >= @start AND t.\"SolvedAt\" < @end";
        var groups = await GroupedAsync(
            period,
            $"({opened}) OR ({solved})",
            ["AssigneeUserId", "SiteId"],
            $"SUM(CASE WHEN {opened} THEN 1 ELSE 0 END), SUM(CASE WHEN {solved} THEN 1 ELSE 0 END), MAX(t.\"AssigneeName\")",
            3,
            cancellationToken);
        var technicians = groups.Where(g => g.Grouping == 0 && g.Key is not null)
            .Select(g => new TechnicianLoad(Guid.Parse(g.Key!), g.Values[2] as string ?? "", (int)g.Long(0), (int)g.Long(1)))
            .Where(t => t.Assigned > 0 || t.Solved > 0)
            .OrderByDescending(t => t.Assigned).ThenBy(t => t.Name, StringComparer.CurrentCulture).ToList();
        var opening = groups.Where(g => g.Grouping == 1).ToDictionary(g => g.Key!, g => (int)g.Long(0));
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

    /// <summary>
    /// One pass over the tickets grouped by each of <paramref name="columns"/> in turn (PostgreSQL: one GROUPING SETS query;
    /// SQLite, which has none: one GROUP BY per column). Keys come back as text ("none" never: null stays null).
    /// </summary>
    private async Task<List<Grouped>> GroupedAsync(Period period, string where, IReadOnlyList<string> columns, string aggregates, int count, CancellationToken cancellationToken)
    {
        Grouped Read(System.Data.Common.DbDataReader r, int grouping, int first, int valuesFrom)
        {
            var column = columns[grouping];
            string? key = r.IsDBNull(first) ? null
                : column is "SiteId" or "AssigneeUserId" ? ReportSql.ReadGuid(r, first).ToString()
                : ReportSql.ReadLong(r, first).ToString(CultureInfo.InvariantCulture);
            var values = new object?[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = r.IsDBNull(valuesFrom + i) ? null : r.GetValue(valuesFrom + i);
            }

            return new Grouped(grouping, key, values);
        }

        var filtered = $"({where}){period.SiteSql}";
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

    private sealed record Grouped(int Grouping, string? Key, object?[] Values)
    {
        public long Long(int index) => Values[index] is null ? 0 : Convert.ToInt64(Values[index], CultureInfo.InvariantCulture);
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

    private async Task<List<TimeGroup>> TimesAsync(Period period, string minutes, string instant, CancellationToken cancellationToken)
    {
        // Exact percentiles (percentile_cont's definition, see Percentiles) from the raw minutes, read once unsorted from a
        // covering index and sorted here per group: cheaper than the database sorting each grouping set on its own.
        var where = $"t.\"{minutes}\" IS NOT NULL AND t.\"{instant}\" >= @start AND t.\"{instant}\" < @end{period.SiteSql}";
        var all = new List<int>();
        var bySite = new Dictionary<Guid, List<int>>();
        var byTeam = new Dictionary<long, List<int>>();
        var byPriority = new Dictionary<long, List<int>>();
        static void Add<TKey>(Dictionary<TKey, List<int>> groups, TKey key, int value)
            where TKey : notnull
        {
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(value);
        }

        await _sql.ForEachAsync(
            $"SELECT t.\"SiteId\", t.\"TeamId\", t.\"Priority\", t.\"{minutes}\" FROM {Tickets} t WHERE {where}",
            period.Parameters,
            r =>
            {
                var value = (int)ReportSql.ReadLong(r, 3);
                all.Add(value);
                Add(bySite, ReportSql.ReadGuid(r, 0), value);
                Add(byTeam, r.IsDBNull(1) ? -1 : ReportSql.ReadLong(r, 1), value);
                Add(byPriority, ReportSql.ReadLong(r, 2), value);
            },
            cancellationToken);

        static TimeFigures Figures(List<int> values)
        {
            values.Sort();
            return new TimeFigures(values.Count, Percentiles.Continuous(values, 0.5), Percentiles.Continuous(values, 0.9));
        }

        var groups = new List<TimeGroup>();
        if (all.Count > 0)
        {
            groups.Add(new TimeGroup(TimeGrouping.All, "", Figures(all)));
        }

        groups.AddRange(bySite.Select(g => new TimeGroup(TimeGrouping.Site, g.Key.ToString(), Figures(g.Value))));
        groups.AddRange(byTeam.Select(g => new TimeGroup(TimeGrouping.Team, g.Key < 0 ? "none" : g.Key.ToString(CultureInfo.InvariantCulture), Figures(g.Value))));
        groups.AddRange(byPriority.Select(g => new TimeGroup(TimeGrouping.Priority, g.Key.ToString(CultureInfo.InvariantCulture), Figures(g.Value))));
        return groups;
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
        /// <summary>The local day number of an instant column; with <paramref name="clampAtEnd"/>, NULL from the end of the range on.</summary>
        public string DayOf(string column, bool clampAtEnd = true)
        {
            var day = LocalDays.DaySql(Sql.UnixSeconds(column), Offsets);
            return clampAtEnd ? $"(CASE WHEN {column} >= @end THEN NULL ELSE {day} END)" : day;
        }
    }

    private enum TimeGrouping
    {
        All,
        Site,
        Team,
        Priority,
    }

    private sealed record TimeGroup(TimeGrouping Grouping, string Key, TimeFigures Figures);

}
