using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Work.ListQueues;

[Authorize(Policy = HelpdeskPermissions.Work)]
public sealed class IndexModel(
    ListQueuesHandler handler,
    ViewerFactory viewers,
    ISiteDirectory siteDirectory,
    IUserDirectory users,
    AppDbContext db,
    QueuePageLookups lookups,
    IOptions<HelpdeskOptions> options) : PageModel
{
    public TicketListParameters Parameters { get; private set; } = new();

    public TicketFilter Filter { get; private set; } = new();

    public Queue Queue { get; private set; } = Queue.Every[0];

    public QueueList? List { get; private set; }

    public IReadOnlyList<QueueCount> Counts { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];

    public IReadOnlyList<IssueType> IssueTypes { get; private set; } = [];

    public IReadOnlyList<UserSummary> Assignees { get; private set; } = [];

    public IReadOnlyList<Team> Teams { get; private set; } = [];

    [TempData]
    public string? BulkMessage { get; set; }

    [TempData]
    public string? BulkProblem { get; set; }

    /// <summary>The same change to the ticked tickets, all or none (<see cref="UpdateTicketHandler.BulkAsync"/>), then back to the same list.</summary>
    public async Task<IActionResult> OnPostBulkAsync(
        string? name, List<string> numbers, TicketStatus? status, Guid? assigneeUserId, int? teamId, [FromServices] UpdateTicketHandler update, CancellationToken cancellationToken)
    {
        var result = await update.BulkAsync(new BulkUpdateCommand(numbers, new UpdateTicketCommand(status, teamId, assigneeUserId)), await viewers.ForAsync(User, cancellationToken), cancellationToken);
        if (result.Succeeded)
        {
            BulkMessage = result.Value!.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            BulkProblem = result.Failure.Kind == OutcomeKind.Invalid
                ? string.Join(" ", result.Failure.Errors.Select(e => e.Key.Contains('-', StringComparison.Ordinal) ? $"{e.Key}: {string.Join(" ", e.Value)}" : string.Join(" ", e.Value)))
                : result.Failure.Message;
        }

        var back = Request.Query.Where(q => q.Key != "handler").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)));
        return Redirect(QueryHelpers.AddQueryString($"/helpdesk/queues/{name ?? Queue.Mine}", back));
    }

    public bool Filtered => Request.Query.Keys.Any(k => k is not ("page" or "sort" or "dir"));

    public async Task<IActionResult> OnGetAsync(string? name, CancellationToken cancellationToken)
    {
        if (Queue.Find(name ?? Queue.Mine) is not { } queue)
        {
            return NotFound();
        }

        Queue = queue;
        var viewer = await viewers.ForAsync(User, cancellationToken);
        Counts = await handler.CountAsync(viewer, cancellationToken);
        Sites = await siteDirectory.ListAsync(cancellationToken);
        (IssueTypes, Assignees, Teams) = await lookups.GetAsync(db, users, cancellationToken);

        Parameters = TicketListParameters.From(Request.Query);
        var filter = Parameters.Parse(options.Value.NumberPrefix);
        if (!filter.Succeeded)
        {
            Errors = filter.Failure.Errors;
            return Page();
        }

        Filter = filter.Value!;
        var list = await handler.ListAsync(viewer, queue.Name, Filter, new KnownLookups(Sites, Teams, Counts), cancellationToken);
        if (list.Succeeded)
        {
            List = list.Value;
        }
        else
        {
            Errors = list.Failure.Errors;
        }

        return Page();
    }

    public bool StatusChosen(string value) =>
        (Parameters.Status ?? []).SelectMany(s => s.Split(',')).Contains(value, StringComparer.OrdinalIgnoreCase);

    /// <summary>This page with the current filters, another queue or sort, from the first page.</summary>
    public string Link(string? queue = null, TicketSort? sort = null)
    {
        var query = Request.Query.Where(q => q.Key is not ("page" or "sort" or "dir")).SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))).ToList();
        if (sort is { } column)
        {
            var descending = column == Filter.Sort ? !Filter.Descending : TicketFilter.DefaultDescending(column);
            query.Add(KeyValuePair.Create("sort", (string?)column.ToString().ToLowerInvariant()));
            query.Add(KeyValuePair.Create("dir", (string?)(descending ? "desc" : "asc")));
        }
        else if (Request.Query.ContainsKey("sort"))
        {
            query.Add(KeyValuePair.Create("sort", (string?)Request.Query["sort"].ToString()));
            query.Add(KeyValuePair.Create("dir", (string?)Request.Query["dir"].ToString()));
        }

        return QueryHelpers.AddQueryString($"/helpdesk/queues/{queue ?? Queue.Name}", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    public string? AriaSort(TicketSort column) => column == Filter.Sort ? (Filter.Descending ? "descending" : "ascending") : null;
}
