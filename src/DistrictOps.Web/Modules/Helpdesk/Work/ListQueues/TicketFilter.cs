using System.Globalization;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.Extensions.Primitives;

namespace DistrictOps.Web.Modules.Helpdesk.Work.ListQueues;

public enum TicketSort
{
    Updated,
    Created,
    Priority,
    Number,
}

/// <summary>
/// A checked list query. No status means the open ones (New, Open, Pending, On hold); a ticket number in
/// <see cref="Number"/> finds that ticket whatever its status.
/// </summary>
public sealed record TicketFilter(
    IReadOnlyList<TicketStatus>? Statuses = null,
    Guid? Site = null,
    int? IssueType = null,
    int? Priority = null,
    Guid? Assignee = null,
    bool Unassigned = false,
    int? OlderThanDays = null,
    DateOnly? CreatedFrom = null,
    DateOnly? CreatedTo = null,
    long? Number = null,
    string? Text = null,
    TicketSort Sort = TicketSort.Updated,
    bool Descending = true,
    int Page = 1,
    int PageSize = PageRequest.DefaultSize)
{
    public static readonly IReadOnlyList<TicketStatus> Open = [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold];

    /// <summary>The statuses listed: the open ones unless a status was asked for or a ticket number was searched.</summary>
    public IReadOnlyList<TicketStatus>? EffectiveStatuses => Statuses ?? (Number is null ? Open : null);

    /// <summary>The natural direction of each sort: newest first, most urgent (1) first.</summary>
    public static bool DefaultDescending(TicketSort sort) => sort != TicketSort.Priority;
}

/// <summary>
/// The list's query string, as text so that every bad value is reported by name instead of failing the binding:
/// <c>q</c>, <c>status</c> (repeated or comma-separated; <c>open</c>, <c>any</c> or a status), <c>site</c>,
/// <c>issueType</c> (with its descendants), <c>priority</c> (1–5), <c>assignee</c> (a user id or <c>none</c>),
/// <c>olderThanDays</c>, <c>createdFrom</c>/<c>createdTo</c> (YYYY-MM-DD), <c>sort</c> (updated, created,
/// priority, number), <c>dir</c> (asc, desc), <c>page</c>, <c>pageSize</c>.
/// </summary>
public sealed record TicketListParameters(
    string? Q = null,
    string[]? Status = null,
    string? Site = null,
    string? IssueType = null,
    string? Priority = null,
    string? Assignee = null,
    string? OlderThanDays = null,
    string? CreatedFrom = null,
    string? CreatedTo = null,
    string? Sort = null,
    string? Dir = null,
    string? Page = null,
    string? PageSize = null)
{
    public static TicketListParameters From(IQueryCollection query)
    {
        string? One(string name) => query.TryGetValue(name, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString() : null;
        return new TicketListParameters(
            One("q"), query.TryGetValue("status", out var status) ? status.OfType<string>().ToArray() : null, One("site"), One("issueType"),
            One("priority"), One("assignee"), One("olderThanDays"), One("createdFrom"), One("createdTo"), One("sort"), One("dir"),
            One("page"), One("pageSize"));
    }

    public Result<TicketFilter> Parse(string numberPrefix) =>
        (this with
        {
            Site = Blank(Site), IssueType = Blank(IssueType), Priority = Blank(Priority), Assignee = Blank(Assignee), OlderThanDays = Blank(OlderThanDays),
            CreatedFrom = Blank(CreatedFrom), CreatedTo = Blank(CreatedTo), Sort = Blank(Sort), Dir = Blank(Dir), Page = Blank(Page), PageSize = Blank(PageSize),
        }).ParseFilledIn(numberPrefix);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private Result<TicketFilter> ParseFilledIn(string numberPrefix)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];
        var filter = new TicketFilter();

        var statuses = (Status ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (statuses.Count > 0 && !statuses.Contains("any", StringComparer.OrdinalIgnoreCase))
        {
            var chosen = new HashSet<TicketStatus>();
            foreach (var value in statuses)
            {
                if (value.Equals("open", StringComparison.OrdinalIgnoreCase))
                {
                    chosen.UnionWith(TicketFilter.Open);
                }
                else if (Enum.TryParse<TicketStatus>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !value.Any(char.IsAsciiDigit))
                {
                    chosen.Add(parsed);
                }
                else
                {
                    Error("status", $"Unknown status '{value}': use open, any, New, Open, Pending, OnHold, Solved or Closed.");
                }
            }

            filter = filter with { Statuses = chosen.Order().ToList() };
        }
        else if (statuses.Count > 0)
        {
            filter = filter with { Statuses = Enum.GetValues<TicketStatus>() };
        }

        if (Site is not null)
        {
            if (Guid.TryParse(Site, out var site))
            {
                filter = filter with { Site = site };
            }
            else
            {
                Error("site", "The site must be a site id.");
            }
        }

        if (IssueType is not null)
        {
            if (int.TryParse(IssueType, NumberStyles.None, CultureInfo.InvariantCulture, out var issueType))
            {
                filter = filter with { IssueType = issueType };
            }
            else
            {
                Error("issueType", "The issue type must be an issue type id.");
            }
        }

        if (Priority is not null)
        {
            if (int.TryParse(Priority, NumberStyles.None, CultureInfo.InvariantCulture, out var priority) && priority is >= 1 and <= 5)
            {
                filter = filter with { Priority = priority };
            }
            else
            {
                Error("priority", "The priority must be 1 (critical) to 5 (planning).");
            }
        }

        if (Assignee is not null)
        {
            if (Assignee.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                filter = filter with { Unassigned = true };
            }
            else if (Guid.TryParse(Assignee, out var assignee))
            {
                filter = filter with { Assignee = assignee };
            }
            else
            {
                Error("assignee", "The assignee must be a user id, or none.");
            }
        }

        if (OlderThanDays is not null)
        {
            if (int.TryParse(OlderThanDays, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= 36_500)
            {
                filter = filter with { OlderThanDays = days };
            }
            else
            {
                Error("olderThanDays", "Older than must be a number of days from 0 to 36500.");
            }
        }

        filter = filter with { CreatedFrom = Date(CreatedFrom, "createdFrom"), CreatedTo = Date(CreatedTo, "createdTo") };
        if (filter.CreatedFrom > filter.CreatedTo)
        {
            Error("createdTo", "The end of the created range is before its start.");
        }

        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            if (q.Length > 200)
            {
                Error("q", "Search for at most 200 characters.");
            }
            else
            {
                filter = TicketNumber.Parse(q, numberPrefix) is { } number ? filter with { Number = number } : filter with { Text = q };
            }
        }

        if (Sort is not null)
        {
            if (Enum.TryParse<TicketSort>(Sort, ignoreCase: true, out var sort) && Enum.IsDefined(sort) && !Sort.Any(char.IsAsciiDigit))
            {
                filter = filter with { Sort = sort };
            }
            else
            {
                Error("sort", "Sort by updated, created, priority or number.");
            }
        }

        filter = filter with { Descending = TicketFilter.DefaultDescending(filter.Sort) };
        if (Dir is not null)
        {
            if (Dir.Equals("asc", StringComparison.OrdinalIgnoreCase) || Dir.Equals("desc", StringComparison.OrdinalIgnoreCase))
            {
                filter = filter with { Descending = Dir.Equals("desc", StringComparison.OrdinalIgnoreCase) };
            }
            else
            {
                Error("dir", "The direction must be asc or desc.");
            }
        }

        var paging = QueryReader.Of(("page", Page), ("pageSize", PageSize));
        var page = paging.Paging();
        foreach (var (field, messages) in paging.Errors.ToDictionary())
        {
            errors[field] = messages;
        }

        filter = filter with { Page = page.Page, PageSize = page.Size };

        return errors.Count == 0 ? filter : Result.Invalid<TicketFilter>(errors);

        DateOnly? Date(string? text, string field)
        {
            if (text is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Error(field, "Give the date as YYYY-MM-DD.");
            return null;
        }
    }
}
