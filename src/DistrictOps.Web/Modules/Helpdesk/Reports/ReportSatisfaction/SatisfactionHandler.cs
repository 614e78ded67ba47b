using System.Globalization;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Reports.ReportSatisfaction;

/// <summary>The report's filters as typed: dates as YYYY-MM-DD, the site as its id.</summary>
public sealed record SatisfactionQuery(string? From, string? To, string? Site);

/// <summary>One group's surveys: sent, answered, good and bad, with the response rate and the good share in percent (null with nothing to divide).</summary>
public sealed record SatisfactionRow(string Key, string Name, int Sent, int Answered, int Good, int Bad, double? ResponseRatePercent, double? GoodPercent);

public sealed record SatisfactionReport(
    DateOnly From,
    DateOnly To,
    Guid? SiteId,
    SatisfactionRow Overall,
    IReadOnlyList<SatisfactionRow> Technicians,
    IReadOnlyList<SatisfactionRow> Sites,
    IReadOnlyList<SatisfactionRow> IssueTypes);

/// <summary>
/// Satisfaction survey results for tickets solved in a date range (days in the district's time zone, both ends included, read like every other report's filter), overall and per
/// technician, site and issue type, from the values each survey copied at the solve, grouped in the database.
/// </summary>
public sealed class SatisfactionHandler(AppDbContext db, ISiteDirectory sites, ReportClock clock)
{
    public async Task<Result<SatisfactionReport>> HandleAsync(SatisfactionQuery query, CancellationToken cancellationToken = default)
    {
        var siteList = await sites.ListAsync(cancellationToken);
        var parsed = ReportFilter.Parse(query.From, query.To, query.Site, clock.Today, siteList);
        if (!parsed.Succeeded)
        {
            return parsed.Failure;
        }

        var filter = parsed.Value;

        var (from, to, site) = (filter.From, filter.To, filter.SiteId);
        var start = clock.StartOf(from);
        var end = clock.StartOf(to.AddDays(1));
        var sent = db.Set<Survey>().AsNoTracking().Where(s => s.SentAt != null && s.SolvedAt >= start && s.SolvedAt < end);
        if (site is { } siteId)
        {
            sent = sent.Where(s => s.SiteId == siteId);
        }

        var byTechnician = await sent.GroupBy(s => s.TechnicianUserId)
            .Select(g => new Counts<Guid?>(g.Key, g.Max(s => s.TechnicianName), g.Count(), g.Count(s => s.AnsweredAt != null), g.Count(s => s.Rating == SurveyRating.Good), g.Count(s => s.Rating == SurveyRating.Bad)))
            .ToListAsync(cancellationToken);
        var bySite = await sent.GroupBy(s => s.SiteId)
            .Select(g => new Counts<Guid>(g.Key, null, g.Count(), g.Count(s => s.AnsweredAt != null), g.Count(s => s.Rating == SurveyRating.Good), g.Count(s => s.Rating == SurveyRating.Bad)))
            .ToListAsync(cancellationToken);
        var byIssueType = await sent.GroupBy(s => s.IssueTypeId)
            .Select(g => new Counts<int>(g.Key, null, g.Count(), g.Count(s => s.AnsweredAt != null), g.Count(s => s.Rating == SurveyRating.Good), g.Count(s => s.Rating == SurveyRating.Bad)))
            .ToListAsync(cancellationToken);

        var siteNames = siteList.ToDictionary(s => s.Id, s => s.Name);
        var issueTypeIds = byIssueType.Select(c => c.Key).ToList();
        var issueTypeNames = await db.Set<IssueType>().AsNoTracking().Where(c => issueTypeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Path, cancellationToken);

        var overall = Row("all", "All surveys", byIssueType.Sum(c => c.Sent), byIssueType.Sum(c => c.Answered), byIssueType.Sum(c => c.Good), byIssueType.Sum(c => c.Bad));
        return new SatisfactionReport(from, to, site, overall,
            Ordered(byTechnician.Select(c => Row(c.Key?.ToString() ?? "unassigned", c.Name ?? "Unassigned", c))),
            Ordered(bySite.Select(c => Row(c.Key.ToString(), siteNames.GetValueOrDefault(c.Key, "Unknown site"), c))),
            Ordered(byIssueType.Select(c => Row(c.Key.ToString(CultureInfo.InvariantCulture), issueTypeNames.GetValueOrDefault(c.Key, "Unknown issue type"), c))));
    }

    private sealed record Counts<TKey>(TKey Key, string? Name, int Sent, int Answered, int Good, int Bad);

    private static SatisfactionRow Row<TKey>(string key, string name, Counts<TKey> c) => Row(key, name, c.Sent, c.Answered, c.Good, c.Bad);

    private static SatisfactionRow Row(string key, string name, int sent, int answered, int good, int bad) =>
        new(key, name, sent, answered, good, bad, Percent(answered, sent), Percent(good, answered));

    private static double? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);

    private static List<SatisfactionRow> Ordered(IEnumerable<SatisfactionRow> rows) =>
        rows.OrderByDescending(r => r.Sent).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList();
}
