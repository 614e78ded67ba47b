using System.Globalization;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Problems.FindRecurringIssues;

/// <summary>The report's parameters as text, so a bad value is named: dates YYYY-MM-DD (UTC days, both included), a site id, a minimum cluster size.</summary>
public sealed record RecurringIssuesQuery(string? From = null, string? To = null, string? Site = null, string? Minimum = null);

/// <summary>One cluster: tickets of one issue type, one device model (null: none given) at one site.</summary>
public sealed record RecurringIssue(
    int IssueTypeId,
    string IssueType,
    string? DeviceModel,
    Guid SiteId,
    string Site,
    int Tickets,
    int PreviousTickets,
    int LinkedToProblem,
    long? OpenProblemId,
    string? OpenProblem);

public sealed record RecurringIssuesReport(
    DateOnly From,
    DateOnly To,
    DateOnly PreviousFrom,
    DateOnly PreviousTo,
    Guid? SiteId,
    int MinimumTickets,
    IReadOnlyList<RecurringIssue> Items);

public sealed record OpenProblemFromClusterCommand(int IssueTypeId, string? DeviceModel, Guid SiteId, string? From = null, string? To = null);

public sealed record ProblemFromCluster(long ProblemId, string Number, bool Created, int LinkedTickets);

/// <summary>
/// The top recurring issues: tickets opened in the period grouped by issue type × device model × site, the clusters
/// of at least the minimum size, largest first, each with the previous period of the same length for the trend.
/// One GROUP BY over the created-at range (indexed), whatever the number of tickets. See docs/adr/0013-problem-records.md.
/// </summary>
public sealed class RecurringIssuesHandler(AppDbContext db, ISiteDirectory sites, TimeProvider clock, IOptions<HelpdeskOptions> options)
{
    public const int MaxClusters = 100;
    public const int MaxDays = 366;

    public async Task<Result<RecurringIssuesReport>> FindAsync(RecurringIssuesQuery query, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var errors = new ErrorList();
        var period = Period(query.From, query.To, errors);
        Guid? siteId = null;
        if (!string.IsNullOrWhiteSpace(query.Site))
        {
            if (!Guid.TryParse(query.Site, out var parsed) || await sites.FindAsync(parsed, cancellationToken) is null)
            {
                errors.Add("site", $"There is no site '{query.Site}'.");
            }

            siteId = parsed;
        }

        var minimum = options.Value.RecurringIssues.MinimumTickets;
        if (!string.IsNullOrWhiteSpace(query.Minimum) && (!int.TryParse(query.Minimum, NumberStyles.None, CultureInfo.InvariantCulture, out minimum) || minimum < 1))
        {
            errors.Add("minimum", "The minimum cluster size is a whole number of at least 1.");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var (from, to) = period!.Value;
        var days = to.DayNumber - from.DayNumber + 1;
        var previousFrom = from.AddDays(-days);
        var start = Instant(from);
        var end = Instant(to.AddDays(1));
        var previousStart = Instant(previousFrom);

        var tickets = viewer.Visible(db.Set<Ticket>().AsNoTracking().Where(t => t.CreatedAt >= previousStart && t.CreatedAt < end));
        if (siteId is { } site)
        {
            tickets = tickets.Where(t => t.SiteId == site);
        }

        var clusters = await tickets.Where(t => t.MergedIntoId == null)
            .GroupBy(t => new { t.IssueTypeId, t.DeviceModel, t.SiteId })
            .Select(g => new
            {
                g.Key.IssueTypeId,
                g.Key.DeviceModel,
                g.Key.SiteId,
                Tickets = g.Sum(t => t.CreatedAt >= start ? 1 : 0),
                Previous = g.Sum(t => t.CreatedAt < start ? 1 : 0),
                Linked = g.Sum(t => t.CreatedAt >= start && t.ProblemId != null ? 1 : 0),
            })
            .Where(g => g.Tickets >= minimum)
            .ToListAsync(cancellationToken);

        var issueTypes = await db.Set<IssueType>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Path, cancellationToken);
        var siteNames = (await sites.ListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        var open = await OpenProblemsAsync(cancellationToken);
        var items = clusters
            .Select(c =>
            {
                var problem = Covering(open, c.IssueTypeId, c.DeviceModel, c.SiteId);
                return new RecurringIssue(
                    c.IssueTypeId, issueTypes.GetValueOrDefault(c.IssueTypeId) ?? c.IssueTypeId.ToString(CultureInfo.InvariantCulture), c.DeviceModel,
                    c.SiteId, siteNames.GetValueOrDefault(c.SiteId) ?? c.SiteId.ToString(), c.Tickets, c.Previous, c.Linked,
                    problem?.Id, problem is null ? null : ProblemNumber.Format(problem.Id));
            })
            .OrderByDescending(c => c.Tickets)
            .ThenByDescending(c => c.Tickets - c.PreviousTickets)
            .ThenBy(c => c.IssueType, StringComparer.Ordinal)
            .ThenBy(c => c.Site, StringComparer.Ordinal)
            .ThenBy(c => c.DeviceModel ?? "", StringComparer.Ordinal)
            .Take(MaxClusters)
            .ToList();
        return new RecurringIssuesReport(from, to, previousFrom, from.AddDays(-1), siteId, minimum, items);
    }

    /// <summary>
    /// Opens a problem record for a cluster and links the cluster's open tickets and those opened in the period.
    /// While an open problem already covers the cluster, nothing is created: that problem is offered instead.
    /// </summary>
    public async Task<Result<ProblemFromCluster>> OpenProblemAsync(OpenProblemFromClusterCommand command, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!ProblemsHandler.CanEdit(viewer))
        {
            return Result.Forbidden("Only the help desk and managers open problem records.");
        }

        var errors = new ErrorList();
        var period = Period(command.From, command.To, errors);
        var issueType = await db.Set<IssueType>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == command.IssueTypeId, cancellationToken);
        if (issueType is null)
        {
            errors.Add(nameof(command.IssueTypeId), $"There is no issue type {command.IssueTypeId}.");
        }

        var site = await sites.FindAsync(command.SiteId, cancellationToken);
        if (site is null)
        {
            errors.Add(nameof(command.SiteId), $"There is no site {command.SiteId}.");
        }

        var model = string.IsNullOrWhiteSpace(command.DeviceModel) ? null : command.DeviceModel.Trim();
        if (model?.Length > Ticket.DeviceModelMaxLength)
        {
            errors.Add(nameof(command.DeviceModel), $"The device model is limited to {Ticket.DeviceModelMaxLength} characters.");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        if (Covering(await OpenProblemsAsync(cancellationToken), command.IssueTypeId, model, command.SiteId) is { } existing)
        {
            return new ProblemFromCluster(existing.Id, ProblemNumber.Format(existing.Id), Created: false, LinkedTickets: 0);
        }

        var now = clock.GetUtcNow();
        var title = $"{issueType!.Path}{(model is null ? "" : $" — {model}")} at {site!.Name}";
        var problem = new Problem
        {
            Title = title.Length > Problem.TitleMaxLength ? title[..(Problem.TitleMaxLength - 1)] + "…" : title,
            Status = ProblemStatus.Open,
            IssueTypeId = issueType.Id,
            DeviceModel = model,
            SiteId = site.Id,
            CreatedByUserId = viewer.UserId,
            CreatedByName = viewer.Name,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Set<Problem>().Add(problem);
        await db.SaveChangesAsync(cancellationToken);

        var recent = Instant(period!.Value.From);
        var cluster = db.Set<Ticket>().Where(t => t.IssueTypeId == command.IssueTypeId && t.SiteId == command.SiteId && t.ProblemId == null && t.MergedIntoId == null
            && (t.CreatedAt >= recent || (t.Status != TicketStatus.Solved && t.Status != TicketStatus.Closed)));
        cluster = model is null ? cluster.Where(t => t.DeviceModel == null) : cluster.Where(t => t.DeviceModel == model);
        var tickets = await cluster.ToListAsync(cancellationToken);
        foreach (var ticket in tickets)
        {
            ProblemsHandler.Link(db, ticket, problem, viewer, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ProblemFromCluster(problem.Id, ProblemNumber.Format(problem.Id), Created: true, tickets.Count);
    }

    /// <summary>An open problem covers a cluster when it is about the same issue type and names no other model and no other site.</summary>
    internal static Problem? Covering(IEnumerable<Problem> open, int issueTypeId, string? deviceModel, Guid siteId) =>
        open.Where(p => p.IssueTypeId == issueTypeId
                && (p.DeviceModel is null || string.Equals(p.DeviceModel, deviceModel, StringComparison.OrdinalIgnoreCase))
                && (p.SiteId is null || p.SiteId == siteId))
            .OrderByDescending(p => (p.DeviceModel is null ? 0 : 2) + (p.SiteId is null ? 0 : 1))
            .ThenBy(p => p.Id)
            .FirstOrDefault();

    private async Task<List<Problem>> OpenProblemsAsync(CancellationToken cancellationToken) =>
        await db.Set<Problem>().AsNoTracking()
            .Where(p => (p.Status == ProblemStatus.Open || p.Status == ProblemStatus.KnownError) && p.IssueTypeId != null)
            .ToListAsync(cancellationToken);

    private (DateOnly From, DateOnly To)? Period(string? fromText, string? toText, ErrorList errors)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var dates = QueryReader.Of(("from", fromText), ("to", toText));
        var (from, to) = dates.Days();
        if (dates.Errors.Any)
        {
            errors.AddAll(dates.Errors);
            return null;
        }

        var last = to ?? today;
        var first = from ?? last.AddDays(-(7 * options.Value.RecurringIssues.Weeks) + 1);
        if (first > last)
        {
            errors.Add("to", $"to: expected a day on or after from ({first:yyyy-MM-dd}); without to the period ends today ({last:yyyy-MM-dd}).");
            return null;
        }

        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            errors.Add("from", $"The period is limited to {MaxDays} days.");
            return null;
        }

        return (first, last);
    }

    private static DateTimeOffset Instant(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
