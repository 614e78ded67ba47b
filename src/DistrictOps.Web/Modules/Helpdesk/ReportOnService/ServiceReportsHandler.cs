using System.Globalization;
using DistrictOps.Web.Modules.Devices.Contracts;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.RouteTicket;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.ReportOnService;

/// <summary>
/// The help desk's service reports. Each takes a <see cref="ReportFilter"/> already validated against the sites; counting
/// and percentiles run in the database (PostgreSQL's percentile_cont; SQLite returns the one minutes column to sort here),
/// and local days are integer buckets (<see cref="LocalDays"/>) so both providers agree to the ticket.
/// </summary>
public sealed class ServiceReportsHandler(AppDbContext db, ReportClock clock, ISiteDirectory siteDirectory, IDeviceCounts deviceCounts)
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
        var join = filter.SiteId is null ? "" : $" JOIN {Tickets} t ON t.\"Id\" = e.\"TicketId\"";
        var moves = await _sql.QueryAsync(
            $"""
            SELECT {period.DayOf("e.\"At\"")}, e."FromStatus", e."ToStatus", COUNT(*)
            FROM {Events} e{join}
            WHERE e."Kind" = 'StatusChanged' AND e."At" >= @start{siteSql}
              AND (CASE WHEN e."FromStatus" IN ('New', 'Open', 'OnHold') THEN 1 WHEN e."FromStatus" = 'Pending' THEN 2 ELSE 0 END)
               <> (CASE WHEN e."ToStatus" IN ('New', 'Open', 'OnHold') THEN 1 WHEN e."ToStatus" = 'Pending' THEN 2 ELSE 0 END)
            GROUP BY 1, 2, 3
            """,
            period.Parameters,
            r => (Day: r.IsDBNull(0) ? (long?)null : ReportSql.ReadLong(r, 0), From: r.IsDBNull(1) ? null : r.GetString(1), To: r.IsDBNull(2) ? null : r.GetString(2), Count: ReportSql.ReadLong(r, 3)),
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

        foreach (var (day, from, to, count) in moves)
        {
            Move(day, (Bucket(to) == 1 ? count : 0) - (Bucket(from) == 1 ? count : 0), (Bucket(to) == 2 ? count : 0) - (Bucket(from) == 2 ? count : 0));
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
        var (start, end) = (period.Start, period.End);
        var tickets = db.Set<Ticket>().AsNoTracking().Where(t => t.SlaPolicyId != null);
        if (filter.SiteId is { } site)
        {
            tickets = tickets.Where(t => t.SiteId == site);
        }

        // Response: tickets opened in the range whose first-response target is decided (answered, or breached unanswered).
        var response = tickets.Where(t => t.CreatedAt >= start && t.CreatedAt < end && (t.ResponseMinutes != null || t.ResponseBreached));

        // Resolution: tickets solved in the range, and unsolved ones opened in the range that have already breached.
        var resolution = tickets.Where(t => (t.SolvedAt >= start && t.SolvedAt < end) || (t.SolvedAt == null && t.ResolutionBreached && t.CreatedAt >= start && t.CreatedAt < end));

        var sites = await SitesAsync(cancellationToken);
        var teams = await db.Set<Team>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var categories = await db.Set<Category>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Path, cancellationToken);

        var bySiteResponse = await response.GroupBy(t => t.SiteId).Select(g => new Counted<Guid>(g.Key, g.Count(), g.Count(t => !t.ResponseBreached))).ToListAsync(cancellationToken);
        var bySiteResolution = await resolution.GroupBy(t => t.SiteId).Select(g => new Counted<Guid>(g.Key, g.Count(), g.Count(t => !t.ResolutionBreached))).ToListAsync(cancellationToken);
        var byTeamResponse = await response.GroupBy(t => t.TeamId).Select(g => new Counted<int?>(g.Key, g.Count(), g.Count(t => !t.ResponseBreached))).ToListAsync(cancellationToken);
        var byTeamResolution = await resolution.GroupBy(t => t.TeamId).Select(g => new Counted<int?>(g.Key, g.Count(), g.Count(t => !t.ResolutionBreached))).ToListAsync(cancellationToken);
        var byTechnicianResponse = (await response.GroupBy(t => new { t.AssigneeUserId, t.AssigneeName }).Select(g => new { g.Key, Total = g.Count(), Met = g.Count(t => !t.ResponseBreached) }).ToListAsync(cancellationToken))
            .Select(g => new Counted<(Guid?, string?)>((g.Key.AssigneeUserId, g.Key.AssigneeName), g.Total, g.Met)).ToList();
        var byTechnicianResolution = (await resolution.GroupBy(t => new { t.AssigneeUserId, t.AssigneeName }).Select(g => new { g.Key, Total = g.Count(), Met = g.Count(t => !t.ResolutionBreached) }).ToListAsync(cancellationToken))
            .Select(g => new Counted<(Guid?, string?)>((g.Key.AssigneeUserId, g.Key.AssigneeName), g.Total, g.Met)).ToList();
        var byCategoryResponse = await response.GroupBy(t => t.CategoryId).Select(g => new Counted<int>(g.Key, g.Count(), g.Count(t => !t.ResponseBreached))).ToListAsync(cancellationToken);
        var byCategoryResolution = await resolution.GroupBy(t => t.CategoryId).Select(g => new Counted<int>(g.Key, g.Count(), g.Count(t => !t.ResolutionBreached))).ToListAsync(cancellationToken);

        static List<AttainmentRow> Rows<TKey>(List<Counted<TKey>> first, List<Counted<TKey>> second, Func<TKey, string> key, Func<TKey, string> label)
        {
            var keys = first.Select(m => m.Key).Concat(second.Select(m => m.Key)).Distinct();
            return keys.Select(k => new AttainmentRow(
                    key(k), label(k),
                    first.Where(m => Equals(m.Key, k)).Select(m => new Share(m.Met, m.Total)).FirstOrDefault() ?? new Share(0, 0),
                    second.Where(m => Equals(m.Key, k)).Select(m => new Share(m.Met, m.Total)).FirstOrDefault() ?? new Share(0, 0)))
                .OrderBy(r => r.Label, StringComparer.CurrentCulture).ToList();
        }

        // Technicians are grouped by id and name; one id under two names (a rename) is summed under the latest name.
        var technicianNames = byTechnicianResponse.Concat(byTechnicianResolution).GroupBy(m => m.Key.Item1).ToDictionary(g => g.Key ?? Guid.Empty, g => g.Select(m => m.Key.Item2).Max() ?? "Unassigned");
        static List<Counted<Guid?>> ById(List<Counted<(Guid?, string?)>> rows) =>
            rows.GroupBy(m => m.Key.Item1).Select(g => new Counted<Guid?>(g.Key, g.Sum(m => m.Total), g.Sum(m => m.Met))).ToList();

        var overallResponse = new Share(bySiteResponse.Sum(m => m.Met), bySiteResponse.Sum(m => m.Total));
        var overallResolution = new Share(bySiteResolution.Sum(m => m.Met), bySiteResolution.Sum(m => m.Total));
        return new AttainmentReport(
            period.Range,
            new AttainmentRow("all", "All tickets", overallResponse, overallResolution),
            Rows(bySiteResponse, bySiteResolution, id => id.ToString(), id => SiteName(sites, id.ToString())),
            Rows(byTeamResponse, byTeamResolution, id => id?.ToString(CultureInfo.InvariantCulture) ?? "none", id => id is { } t && teams.TryGetValue(t, out var name) ? name : "No team"),
            Rows(ById(byTechnicianResponse), ById(byTechnicianResolution), id => id?.ToString() ?? "none", id => id is null ? "Unassigned" : technicianNames[id.Value]),
            Rows(byCategoryResponse, byCategoryResolution, id => id.ToString(CultureInfo.InvariantCulture), id => categories.GetValueOrDefault(id) ?? id.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task<ResolutionRatesReport> ResolutionRatesAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var period = await PeriodAsync(filter, cancellationToken);
        var opened = await _sql.QueryAsync(
            $"""
            SELECT t."SiteId", COUNT(*),
              SUM(CASE WHEN t."SolvedAt" IS NOT NULL AND {period.DayOf("t.\"CreatedAt\"", clampAtEnd: false)} = {period.DayOf("t.\"SolvedAt\"", clampAtEnd: false)} THEN 1 ELSE 0 END),
              SUM(CASE WHEN t."Channel" = 'DirectToTechnician' THEN 1 ELSE 0 END),
              SUM(CASE WHEN t."ReopenCount" > 0 THEN 1 ELSE 0 END)
            FROM {Tickets} t
            WHERE t."CreatedAt" >= @start AND t."CreatedAt" < @end{period.SiteSql}
            GROUP BY t."SiteId"
            """,
            period.Parameters,
            r => (Site: ReportSql.ReadGuid(r, 0), Opened: (int)ReportSql.ReadLong(r, 1), SameDay: (int)ReportSql.ReadLong(r, 2), Bypass: (int)ReportSql.ReadLong(r, 3), Reopened: (int)ReportSql.ReadLong(r, 4)),
            cancellationToken);
        var (start, end) = (period.Start, period.End);
        var solved = db.Set<Ticket>().AsNoTracking().Where(t => t.SolvedAt >= start && t.SolvedAt < end && t.FirstContactResolution != null);
        if (filter.SiteId is { } site)
        {
            solved = solved.Where(t => t.SiteId == site);
        }

        var firstContact = await solved.GroupBy(t => t.SiteId).Select(g => new Counted<Guid>(g.Key, g.Count(), g.Count(t => t.FirstContactResolution == true))).ToListAsync(cancellationToken);
        var sites = await SitesAsync(cancellationToken);
        var rows = opened.Select(o => o.Site).Union(firstContact.Select(f => f.Key)).Select(id =>
        {
            var o = opened.FirstOrDefault(x => x.Site == id);
            var f = firstContact.FirstOrDefault(x => x.Key == id);
            return new RateRow(
                id.ToString(), SiteName(sites, id.ToString()), o.Opened,
                new Share(o.SameDay, o.Opened), new Share(f?.Met ?? 0, f?.Total ?? 0), new Share(o.Bypass, o.Opened), new Share(o.Reopened, o.Opened));
        }).OrderBy(r => r.Label, StringComparer.CurrentCulture).ToList();
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
        var (start, end) = (period.Start, period.End);
        var tickets = db.Set<Ticket>().AsNoTracking();
        if (filter.SiteId is { } site)
        {
            tickets = tickets.Where(t => t.SiteId == site);
        }

        var assigned = await tickets.Where(t => t.CreatedAt >= start && t.CreatedAt < end && t.AssigneeUserId != null)
            .GroupBy(t => new { t.AssigneeUserId, t.AssigneeName }).Select(g => new { g.Key.AssigneeUserId, g.Key.AssigneeName, Count = g.Count() }).ToListAsync(cancellationToken);
        var solved = await tickets.Where(t => t.SolvedAt >= start && t.SolvedAt < end && t.AssigneeUserId != null)
            .GroupBy(t => new { t.AssigneeUserId, t.AssigneeName }).Select(g => new { g.Key.AssigneeUserId, g.Key.AssigneeName, Count = g.Count() }).ToListAsync(cancellationToken);
        var technicians = assigned.Select(a => (a.AssigneeUserId, a.AssigneeName)).Concat(solved.Select(s => (s.AssigneeUserId, s.AssigneeName)))
            .GroupBy(a => a.AssigneeUserId!.Value)
            .Select(g => new TechnicianLoad(
                g.Key, g.Select(a => a.AssigneeName).Max() ?? "",
                assigned.Where(a => a.AssigneeUserId == g.Key).Sum(a => a.Count),
                solved.Where(s => s.AssigneeUserId == g.Key).Sum(s => s.Count)))
            .OrderByDescending(t => t.Assigned).ThenBy(t => t.Name, StringComparer.CurrentCulture).ToList();

        var opened = await tickets.Where(t => t.CreatedAt >= start && t.CreatedAt < end).GroupBy(t => t.SiteId).Select(g => new { Site = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var devices = await deviceCounts.PerSiteAsync(cancellationToken);
        var sites = await SitesAsync(cancellationToken);
        var siteLoads = sites.Where(s => filter.SiteId is null || s.Id == filter.SiteId)
            .Select(s =>
            {
                var count = opened.Where(o => o.Site == s.Id).Sum(o => o.Count);
                var devicesAtSite = devices.PerSite.GetValueOrDefault(s.Id);
                return new SiteLoad(s.Id, s.Name, count, devicesAtSite, devicesAtSite > 0 ? Math.Round(100.0 * count / devicesAtSite, 1, MidpointRounding.AwayFromZero) : null);
            })
            .Where(s => s.Opened > 0 || s.Devices > 0)
            .OrderByDescending(s => s.PerHundredDevices ?? -1).ThenBy(s => s.Name, StringComparer.CurrentCulture).ToList();
        return new WorkloadReport(period.Range, technicians, siteLoads, devices.Source);
    }

    public async Task<ReportHeadlines> HeadlinesAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var backlog = await BacklogAsync(filter with { From = filter.To }, cancellationToken);
        var volume = await VolumeAsync(filter, cancellationToken);
        var times = await ResponseTimesAsync(filter, cancellationToken);
        var attainment = await AttainmentAsync(filter, cancellationToken);
        var rates = await ResolutionRatesAsync(filter, cancellationToken);
        return new ReportHeadlines(
            volume.Range, backlog.Days[^1].Total, volume.Totals.Total, times.Overall.Response.Median, times.Overall.Resolution.Median,
            attainment.Overall.Response, attainment.Overall.Resolution, rates.Overall.SameDay, rates.Overall.FirstContact);
    }

    private static int Bucket(string? status) => status switch
    {
        nameof(TicketStatus.New) or nameof(TicketStatus.Open) or nameof(TicketStatus.OnHold) => 1,
        nameof(TicketStatus.Pending) => 2,
        _ => 0,
    };

    private async Task<List<TimeGroup>> TimesAsync(Period period, string minutes, string instant, CancellationToken cancellationToken)
    {
        var where = $"t.\"{minutes}\" IS NOT NULL AND t.\"{instant}\" >= @start AND t.\"{instant}\" < @end{period.SiteSql}";
        if (!_sql.IsSqlite)
        {
            return await _sql.QueryAsync(
                $"""
                SELECT GROUPING(t."SiteId"), GROUPING(t."TeamId"), GROUPING(t."Priority"), t."SiteId", t."TeamId", t."Priority", COUNT(*),
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY t."{minutes}"), percentile_cont(0.9) WITHIN GROUP (ORDER BY t."{minutes}")
                FROM {Tickets} t WHERE {where}
                GROUP BY GROUPING SETS ((), (t."SiteId"), (t."TeamId"), (t."Priority"))
                """,
                period.Parameters,
                r =>
                {
                    var grouping = r.GetInt32(0) == 0 ? TimeGrouping.Site : r.GetInt32(1) == 0 ? TimeGrouping.Team : r.GetInt32(2) == 0 ? TimeGrouping.Priority : TimeGrouping.All;
                    var key = grouping switch
                    {
                        TimeGrouping.Site => ReportSql.ReadGuid(r, 3).ToString(),
                        TimeGrouping.Team => r.IsDBNull(4) ? "none" : ReportSql.ReadLong(r, 4).ToString(CultureInfo.InvariantCulture),
                        TimeGrouping.Priority => ReportSql.ReadLong(r, 5).ToString(CultureInfo.InvariantCulture),
                        _ => "",
                    };
                    return new TimeGroup(grouping, key, new TimeFigures((int)ReportSql.ReadLong(r, 6), Round(r.GetDouble(7)), Round(r.GetDouble(8))));
                },
                cancellationToken);
        }

        // SQLite has no percentile function: read the minutes in order (one narrow index-ordered column) and rank them here.
        var rows = await _sql.QueryAsync(
            $"SELECT t.\"SiteId\", t.\"TeamId\", t.\"Priority\", t.\"{minutes}\" FROM {Tickets} t WHERE {where} ORDER BY t.\"{minutes}\"",
            period.Parameters,
            r => (Site: ReportSql.ReadGuid(r, 0).ToString(), Team: r.IsDBNull(1) ? "none" : ReportSql.ReadLong(r, 1).ToString(CultureInfo.InvariantCulture),
                Priority: ReportSql.ReadLong(r, 2).ToString(CultureInfo.InvariantCulture), Minutes: (int)ReportSql.ReadLong(r, 3)),
            cancellationToken);
        static TimeFigures Figures(IEnumerable<int> sorted)
        {
            var list = sorted.ToList();
            return new TimeFigures(list.Count, Percentiles.Continuous(list, 0.5), Percentiles.Continuous(list, 0.9));
        }

        var groups = new List<TimeGroup>();
        if (rows.Count > 0)
        {
            groups.Add(new TimeGroup(TimeGrouping.All, "", Figures(rows.Select(r => r.Minutes))));
        }

        groups.AddRange(rows.GroupBy(r => r.Site).Select(g => new TimeGroup(TimeGrouping.Site, g.Key, Figures(g.Select(r => r.Minutes)))));
        groups.AddRange(rows.GroupBy(r => r.Team).Select(g => new TimeGroup(TimeGrouping.Team, g.Key, Figures(g.Select(r => r.Minutes)))));
        groups.AddRange(rows.GroupBy(r => r.Priority).Select(g => new TimeGroup(TimeGrouping.Priority, g.Key, Figures(g.Select(r => r.Minutes)))));
        return groups;
    }

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

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

    private sealed record Counted<TKey>(TKey Key, int Total, int Met);
}
