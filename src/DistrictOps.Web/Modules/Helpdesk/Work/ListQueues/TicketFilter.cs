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
    /// <summary>The statuses listed: the open ones unless a status was asked for or a ticket number was searched.</summary>
    public IReadOnlyList<TicketStatus>? EffectiveStatuses => Statuses ?? (Number is null ? Ticket.OpenStatuses : null);

    /// <summary>The natural direction of each sort: newest first, most urgent (1) first.</summary>
    public static bool DefaultDescending(TicketSort sort) => sort != TicketSort.Priority;
}

/// <summary>
/// The list's query string, as text so that every bad value is reported by name instead of failing the binding:
/// <c>q</c>, <c>status</c> (repeated or comma-separated; <c>unsolved</c>, <c>any</c> or a status), <c>site</c>,
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

    private enum Direction
    {
        Asc,
        Desc,
    }

    public Result<TicketFilter> Parse(string numberPrefix)
    {
        var unassigned = string.Equals(Assignee?.Trim(), "none", StringComparison.OrdinalIgnoreCase);
        var query = QueryReader.Of(
            ("q", Q), ("status", Status is null ? null : string.Join(',', Status)), ("site", Site), ("issueType", IssueType), ("priority", Priority),
            ("assignee", unassigned ? null : Assignee), ("olderThanDays", OlderThanDays), ("createdFrom", CreatedFrom), ("createdTo", CreatedTo),
            ("sort", Sort), ("dir", Dir), ("page", Page), ("pageSize", PageSize));
        var sort = query.Enum<TicketSort>("sort") ?? TicketSort.Updated;
        var paging = query.Paging();
        var filter = new TicketFilter(
            Statuses: ReadStatuses(query),
            Site: query.Id("site", "a site id"),
            IssueType: query.WholeNumber("issueType", 1, int.MaxValue),
            Priority: query.WholeNumber("priority", 1, 5),
            Assignee: query.Id("assignee", "a user id or none"),
            Unassigned: unassigned,
            OlderThanDays: query.WholeNumber("olderThanDays", 0, 36_500),
            CreatedFrom: query.Date("createdFrom"),
            CreatedTo: query.Date("createdTo"),
            Sort: sort,
            Descending: query.Enum<Direction>("dir") is { } direction ? direction == Direction.Desc : TicketFilter.DefaultDescending(sort),
            Page: paging.Page,
            PageSize: paging.Size);
        if (filter.CreatedFrom > filter.CreatedTo)
        {
            query.Errors.Add("createdTo", "The end of the created range is before its start.");
        }

        var searched = query.Text("q", 200);
        return query.Then(searched is null ? filter
            : TicketNumber.Parse(searched, numberPrefix) is { } number ? filter with { Number = number }
            : filter with { Text = searched });
    }

    /// <summary>No status is the default (the open ones); <c>unsolved</c> adds the open ones (so that the status Open stays one status), <c>any</c> is every status.</summary>
    private static IReadOnlyList<TicketStatus>? ReadStatuses(QueryReader query)
    {
        var values = query.List("status");
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Contains("any", StringComparer.OrdinalIgnoreCase))
        {
            return Enum.GetValues<TicketStatus>();
        }

        var chosen = new HashSet<TicketStatus>();
        foreach (var value in values)
        {
            if (value.Equals("unsolved", StringComparison.OrdinalIgnoreCase))
            {
                chosen.UnionWith(Ticket.OpenStatuses);
            }
            else if (query.Named<TicketStatus>("status", value) is { } status)
            {
                chosen.Add(status);
            }
        }

        return chosen.Order().ToList();
    }
}
