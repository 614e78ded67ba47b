using System.Linq.Expressions;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Work.ListQueues;

public sealed record Queue(string Name, string Title)
{
    public const string Mine = "mine";
    public const string MySites = "my-sites";
    public const string Team = "team";
    public const string Unassigned = "unassigned";
    public const string All = "all";
    public const string BreachingSoon = "breaching-soon";
    public const string Breached = "breached";

    public static readonly IReadOnlyList<Queue> Every =
    [
        new(Mine, "My tickets"),
        new(MySites, "My sites"),
        new(Team, "Team"),
        new(Unassigned, "Unassigned"),
        new(All, "All"),
        new(BreachingSoon, "Breaching soon"),
        new(Breached, "Breached"),
    ];

    public static Queue? Find(string? name) => Every.FirstOrDefault(q => string.Equals(q.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The service-level queues hold only tickets not solved or closed, said with constants that match their partial indexes;
    /// adding the open statuses again as parameters would make SQLite read every open ticket by status instead.
    /// </summary>
    public bool OpenByDefinition => Name is BreachingSoon or Breached;
}

public sealed record TicketRow(
    long Id,
    string Number,
    string Title,
    string Status,
    int Priority,
    string PriorityName,
    Guid SiteId,
    string Site,
    int IssueTypeId,
    string IssueType,
    string Requester,
    Guid? AssigneeUserId,
    string? Assignee,
    int? TeamId,
    string? Team,
    DateTimeOffset CreatedAt,
    int AgeDays,
    DateTimeOffset UpdatedAt,
    bool InstructionDisrupted,
    DateTimeOffset? DueAt = null,
    bool Breached = false,
    DateTimeOffset? PausedSince = null,
    bool DueSoon = false);

/// <summary>
/// One page of a queue; <see cref="Explanation"/> says why a queue is empty by definition (no sites, no team);
/// <see cref="TotalIsCapped"/> says the count stopped at <see cref="HelpdeskOptions.ListCountCap"/>: there are at least
/// <see cref="Total"/>, and always a next page to try.
/// </summary>
public sealed record QueueList(string Queue, string Title, string? Explanation, IReadOnlyList<TicketRow> Items, int Total, int Page, int PageSize, bool TotalIsCapped = false)
{
    public int PageCount => Total == 0 ? 1 : Math.Max((Total + PageSize - 1) / PageSize, TotalIsCapped ? Page + 1 : 1);
}

/// <summary>What the queue page has read before it lists a queue: the open sites, every team and each queue's open count.</summary>
public sealed record KnownLookups(IReadOnlyList<SiteSummary> Sites, IReadOnlyList<Team> Teams, IReadOnlyList<QueueCount> Counts);

/// <summary>A queue's open tickets; <see cref="CountIsCapped"/> says there are more than <see cref="Count"/>, the list's cap.</summary>
public sealed record QueueCount(string Name, string Title, int Count, string? Explanation, bool CountIsCapped = false);

/// <summary>
/// The technicians' queues and the ticket list behind them. Every query starts from what the viewer may see;
/// names of sites, issue types and teams are looked up from their small lists, never joined in SQL.
/// </summary>
public sealed class ListQueuesHandler(AppDbContext db, ISiteDirectory sites, HelpdeskSettingsCache settings, TimeProvider clock, IOptions<HelpdeskOptions> options)
{
    public const string NoSites = "You cover no sites, so this queue is empty: district-wide technicians work from Team, Unassigned and All.";
    public const string NoTeam = "You are in no help desk team, so this queue is empty: ask the IT manager to add you to a team.";

    /// <summary>Every visible ticket matching the filter, as <c>GET /api/v1/helpdesk/tickets</c> lists them.</summary>
    public Task<Result<QueueList>> ListAsync(Viewer viewer, TicketFilter filter, CancellationToken cancellationToken = default) =>
        ListAsync(viewer, Queue.All, filter, cancellationToken);

    public Task<Result<QueueList>> ListAsync(Viewer viewer, string queueName, TicketFilter filter, CancellationToken cancellationToken = default) =>
        ListAsync(viewer, queueName, filter, known: null, cancellationToken);

    /// <summary>
    /// One page of a queue. <paramref name="known"/> is what the queue page has read already (the sites, the teams and
    /// the queues' open counts), so the list does not read it again.
    /// </summary>
    public async Task<Result<QueueList>> ListAsync(Viewer viewer, string queueName, TicketFilter filter, KnownLookups? known, CancellationToken cancellationToken = default)
    {
        if (Queue.Find(queueName) is not { } queue)
        {
            return Result.NotFound($"Unknown queue '{queueName}': use {string.Join(", ", Queue.Every.Select(q => q.Name))}.");
        }

        var issueTypes = (await settings.GetAsync(db, cancellationToken)).IssueTypes;
        var siteList = known?.Sites ?? await sites.ListAsync(cancellationToken);
        var errors = new ErrorList();
        if (filter.IssueType is { } issueType && issueTypes.All(c => c.Id != issueType))
        {
            errors.Add("issueType", "No issue type has this id.");
        }

        if (filter.Site is { } site && siteList.All(s => s.Id != site))
        {
            errors.Add("site", "No site has this id.");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var openOnly = filter.EffectiveStatuses is { } statuses && statuses.All(Ticket.OpenStatuses.Contains);
        var (scoped, explanation) = InQueue(viewer, queue, Searched(filter.Text, openOnly));
        if (scoped is null)
        {
            return new QueueList(queue.Name, queue.Title, explanation, [], 0, filter.Page, filter.PageSize);
        }

        var filtered = Filtered(scoped, filter, issueTypes, queue.OpenByDefinition);
        var cap = options.Value.ListCountCap;
        // The unfiltered queue's total is its open count, which the queue page has just counted with the same cap.
        var total = known?.Counts.FirstOrDefault(c => c.Name == queue.Name) is { } counted && IsUnfiltered(filter)
            ? (counted.CountIsCapped ? cap + 1 : counted.Count)
            : await ToCount(filtered, viewer, queue, filter).Take(cap + 1).CountAsync(cancellationToken);
        var page = await (queue.Name is Queue.BreachingSoon or Queue.Breached ? NearestDeadlineFirst(filtered) : Sorted(filtered, filter))
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(t => new
            {
                t.Id, t.Title, t.Status, t.Priority, t.SiteId, t.IssueTypeId, t.RequesterName, t.RequesterRole, t.AssigneeUserId, t.AssigneeName, t.TeamId,
                t.CreatedAt, t.UpdatedAt, t.InstructionDisrupted,
                t.ResponseDueAt, t.ResolutionDueAt, t.ResponseBreached, t.ResolutionBreached, t.ServiceLevelPausedSince,
            })
            .ToListAsync(cancellationToken);

        var siteNames = siteList.ToDictionary(s => s.Id, s => s.Name);
        var issueTypePaths = issueTypes.ToDictionary(c => c.Id, c => c.Path);
        var teamIds = page.Select(t => t.TeamId).OfType<int>().Distinct().ToList();
        var teamNames = teamIds.Count == 0 ? []
            : known is not null ? known.Teams.Where(t => teamIds.Contains(t.Id)).ToDictionary(t => t.Id, t => t.Name)
            : await db.Set<Team>().AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var now = clock.GetUtcNow();
        var soon = now.AddMinutes(options.Value.ServiceLevels.BreachingSoonMinutes);
        var prefix = options.Value.NumberPrefix;
        var rows = page.Select(t =>
            {
                var due = t.ResponseDueAt is { } response && (t.ResolutionDueAt is null || response < t.ResolutionDueAt) ? response : t.ResolutionDueAt;
                var breached = t.ResponseBreached || t.ResolutionBreached;
                return new TicketRow(
                    t.Id, TicketNumber.Format(prefix, t.Id), t.Title, t.Status.ToString(), t.Priority, Priorities.Name(t.Priority),
                    t.SiteId, siteNames.GetValueOrDefault(t.SiteId, ""), t.IssueTypeId, issueTypePaths.GetValueOrDefault(t.IssueTypeId, ""),
                    viewer.RequesterName(t.RequesterName, t.RequesterRole, t.SiteId), t.AssigneeUserId, t.AssigneeName, t.TeamId, t.TeamId is { } team ? teamNames.GetValueOrDefault(team) : null,
                    t.CreatedAt, Math.Max(0, (int)(now - t.CreatedAt).TotalDays), t.UpdatedAt, t.InstructionDisrupted,
                    due, breached, t.ServiceLevelPausedSince, !breached && t.ServiceLevelPausedSince is null && due <= soon);
            })
            .ToList();
        return new QueueList(queue.Name, queue.Title, explanation, rows, total > cap ? Math.Max(cap, ((filter.Page - 1) * filter.PageSize) + rows.Count) : total, filter.Page, filter.PageSize, total > cap);
    }

    /// <summary>
    /// How many open tickets each queue holds for this viewer, counted up to the list's cap like a list's total, in one
    /// statement: each queue's capped count is a branch of a UNION ALL grouped by the queue's position.
    /// </summary>
    public async Task<IReadOnlyList<QueueCount>> CountAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        var open = Ticket.OpenStatuses.ToList();
        var cap = options.Value.ListCountCap;
        var scopes = Queue.Every.Select(queue => InQueue(viewer, queue, db.Set<Ticket>().AsNoTracking())).ToList();
        IQueryable<int>? branches = null;
        for (var i = 0; i < scopes.Count; i++)
        {
            if (scopes[i].Tickets is not { } scoped)
            {
                continue;
            }

            var openInQueue = Queue.Every[i].OpenByDefinition ? scoped : scoped.Where(t => open.Contains(t.Status));
            var branch = ToCount(openInQueue, viewer, Queue.Every[i], new TicketFilter()).Take(cap + 1).Select(Position(i));
            branches = branches is null ? branch : branches.Concat(branch);
        }

        var counted = branches is null ? []
            : await branches.GroupBy(position => position).Select(g => new { Position = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Position, g => g.Count, cancellationToken);
        return Queue.Every.Select((queue, i) =>
        {
            var count = counted.GetValueOrDefault(i);
            return new QueueCount(queue.Name, queue.Title, Math.Min(count, cap), scopes[i].Explanation, count > cap);
        }).ToList();
    }

    /// <summary>
    /// A count branch's queue position as a constant of the expression tree, so the SQL says it as a literal. <c>EF.Constant</c>
    /// says the same, but EF inlines it while it makes the command for each execution's parameter values, and a command
    /// it made that way is never cached: on PostgreSQL the whole statement's SQL was generated again on every page.
    /// </summary>
    private static Expression<Func<Ticket, int>> Position(int position) =>
        Expression.Lambda<Func<Ticket, int>>(Expression.Constant(position), Expression.Parameter(typeof(Ticket), "t"));

    /// <summary>
    /// A queue's tickets as a capped count reads them: on PostgreSQL newest first for a viewer who does not see everything,
    /// their whole queue of one or more statuses, nothing else narrowing it. Unordered, the visibility rule (six alternatives, one of
    /// them on an unindexed column) is counted to the cap by a sequential scan the planner expects to stop early, but open
    /// tickets are the newest, at the end of the table, and a scan starts where the last one left off (synchronized scans):
    /// a site technician's count took 4 ms, and one in forty took 250–330 ms reading the closed past (900,000 rows, with
    /// 100,000 open at a million; bench/README.md). Newest first, it walks the updated-at index backwards, 5 ms every time.
    /// Not elsewhere: a queue or filter with an index of its own is counted index-only to the cap (about 1 ms), where the
    /// order made the planner sort every match (33 ms for 2,700), and a text search's rare matches would walk the whole
    /// index. SQLite counts the visibility rule by the status index and is left as it was.
    /// </summary>
    private IQueryable<Ticket> ToCount(IQueryable<Ticket> tickets, Viewer viewer, Queue queue, TicketFilter filter) =>
        db.Database.IsSqlite() || viewer.SeesAll || queue.Name != Queue.All || !IsUnfiltered(filter with { Statuses = null })
            ? tickets
            : tickets.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id);

    /// <summary>Only paging and sorting chosen: the list is the queue's open tickets, whose number <see cref="CountAsync"/> gives.</summary>
    private static bool IsUnfiltered(TicketFilter filter) =>
        filter with { Sort = TicketSort.Updated, Descending = true, Page = 1, PageSize = PageRequest.DefaultSize } == new TicketFilter();

    private (IQueryable<Ticket>? Tickets, string? Explanation) InQueue(Viewer viewer, Queue queue, IQueryable<Ticket> tickets)
    {
        var soon = clock.GetUtcNow().AddMinutes(options.Value.ServiceLevels.BreachingSoonMinutes);
        var visible = viewer.Visible(tickets);
        var userId = viewer.UserId;
        var teams = viewer.Teams.ToList();
        var siteIds = viewer.Sites.ToList();
        return queue.Name switch
        {
            Queue.Mine => (visible.Where(t => t.AssigneeUserId == userId), null),
            Queue.MySites when siteIds.Count == 0 => (null, NoSites),
            Queue.MySites => (visible.Where(t => siteIds.Contains(t.SiteId)), null),
            Queue.Team when teams.Count == 0 => (null, NoTeam),
            Queue.Team => (visible.Where(InTeams(teams)), null),
            Queue.Unassigned when viewer.SeesAll => (visible.Where(t => t.AssigneeUserId == null), null),
            Queue.Unassigned when teams.Count == 0 => (null, NoTeam),
            Queue.Unassigned => (visible.Where(InTeams(teams)).Where(t => t.AssigneeUserId == null), null),
            // Each deadline is a range on its own partial index of running tickets; as one OR, SQLite read the whole first
            // index (40 ms with 60,000 open tickets), as two ranges it searches both (3 ms; ADR 0036). The second range
            // leaves out what the first holds, so the two are added (UNION ALL), which a capped count stops reading at the
            // cap; a UNION must first gather both whole to drop the repeats (SQLite: 245 ms a page with 118,000 due).
            Queue.BreachingSoon => (Running(visible).Where(t => t.ResponseDueAt != null && t.ResponseDueAt <= soon)
                .Concat(Running(visible).Where(t => t.ResolutionDueAt != null && t.ResolutionDueAt <= soon
                    && !(t.ResponseDueAt != null && t.ResponseDueAt <= soon))), null),
            Queue.Breached => (visible.Where(t => t.Status != TicketStatus.Solved && t.Status != TicketStatus.Closed && (t.ResponseBreached || t.ResolutionBreached)), null),
            _ => (visible, null),
        };
    }

    /// <summary>
    /// Tickets of the viewer's teams; one team (nearly everyone) is said as an equality. A list of one is an array to
    /// PostgreSQL, which then cannot read the team's open-tickets index (ADR 0043) in its order: it sorted the team's every
    /// open ticket or walked every ticket newest first past the other teams' (19–48 ms for the help desk's 78 open tickets
    /// among 54,000 of another team's; bench/README.md), where the equality reads the page's 50 index entries (0.2 ms).
    /// </summary>
    private static Expression<Func<Ticket, bool>> InTeams(List<int> teams)
    {
        if (teams.Count == 1)
        {
            var team = teams[0];
            return t => t.TeamId == team;
        }

        return t => t.TeamId != null && teams.Contains(t.TeamId.Value);
    }

    /// <summary>Open tickets whose service-level clock runs: not breached yet and not paused (the deadlines' partial indexes).</summary>
    private static IQueryable<Ticket> Running(IQueryable<Ticket> tickets) =>
        tickets.Where(t => t.Status != TicketStatus.Solved && t.Status != TicketStatus.Closed
            && !t.ResponseBreached && !t.ResolutionBreached && t.ServiceLevelPausedSince == null);

    /// <summary>
    /// Tickets whose title contains the text, case-insensitively: on PostgreSQL an ILIKE served by the pg_trgm
    /// index, on SQLite the trigram FTS5 table <c>helpdesk_tickets_fts</c> (Platform/Data/Migrations/HandWritten) — except
    /// among open tickets only, a few hundred rows the status index finds, where a plain LIKE is faster.
    /// </summary>
    private IQueryable<Ticket> Searched(string? text, bool openOnly)
    {
        if (text is null)
        {
            return db.Set<Ticket>().AsNoTracking();
        }

        var pattern = "%" + new string(text.Where(c => c is not ('%' or '_' or '\\')).ToArray()) + "%";
        return db.Database.IsSqlite() && openOnly
            ? db.Set<Ticket>().AsNoTracking().Where(t => EF.Functions.Like(t.Title, pattern))
            : db.Database.IsSqlite()
            ? db.Set<Ticket>().FromSql($"SELECT * FROM helpdesk_tickets WHERE \"Id\" IN (SELECT rowid FROM helpdesk_tickets_fts WHERE \"Title\" LIKE {pattern})").AsNoTracking()
            : db.Set<Ticket>().AsNoTracking().Where(t => EF.Functions.ILike(t.Title, pattern));
    }

    private IQueryable<Ticket> Filtered(IQueryable<Ticket> tickets, TicketFilter filter, IReadOnlyList<IssueType> issueTypes, bool openByQueue)
    {
        if (filter.Number is { } number)
        {
            tickets = tickets.Where(t => t.Id == number);
        }

        if (filter.EffectiveStatuses is { } statuses && statuses.Count < Enum.GetValues<TicketStatus>().Length
            && !(openByQueue && statuses.ToHashSet().SetEquals(Ticket.OpenStatuses)))
        {
            var list = statuses.ToList();
            tickets = tickets.Where(t => list.Contains(t.Status));
        }

        if (filter.Site is { } site)
        {
            tickets = tickets.Where(t => t.SiteId == site);
        }

        if (filter.IssueType is { } issueType)
        {
            var withDescendants = IssueTypeTree.Below(issueTypes.Select(c => (c.Id, c.ParentId)), issueType);
            tickets = tickets.Where(t => withDescendants.Contains(t.IssueTypeId));
        }

        if (filter.Priority is { } priority)
        {
            tickets = tickets.Where(t => t.Priority == priority);
        }

        if (filter.Assignee is { } assignee)
        {
            tickets = tickets.Where(t => t.AssigneeUserId == assignee);
        }
        else if (filter.Unassigned)
        {
            tickets = tickets.Where(t => t.AssigneeUserId == null);
        }

        if (filter.OlderThanDays is { } days)
        {
            var before = clock.GetUtcNow().AddDays(-days);
            tickets = tickets.Where(t => t.CreatedAt < before);
        }

        if (filter.CreatedFrom is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            tickets = tickets.Where(t => t.CreatedAt >= start);
        }

        if (filter.CreatedTo is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            tickets = tickets.Where(t => t.CreatedAt < end);
        }

        return tickets;
    }

    /// <summary>The breaching-soon and breached order: the nearest first-response or resolution deadline first, so the least time left leads.</summary>
    private static IOrderedQueryable<Ticket> NearestDeadlineFirst(IQueryable<Ticket> tickets) =>
        tickets.OrderBy(t => t.ResponseDueAt != null && (t.ResolutionDueAt == null || t.ResponseDueAt < t.ResolutionDueAt) ? t.ResponseDueAt : t.ResolutionDueAt)
            .ThenBy(t => t.Id);

    private static IOrderedQueryable<Ticket> Sorted(IQueryable<Ticket> tickets, TicketFilter filter) => (filter.Sort, filter.Descending) switch
    {
        (TicketSort.Created, true) => tickets.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
        (TicketSort.Created, false) => tickets.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
        (TicketSort.Priority, false) => tickets.OrderBy(t => t.Priority).ThenByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id),
        (TicketSort.Priority, true) => tickets.OrderByDescending(t => t.Priority).ThenByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id),
        (TicketSort.Number, true) => tickets.OrderByDescending(t => t.Id),
        (TicketSort.Number, false) => tickets.OrderBy(t => t.Id),
        (_, false) => tickets.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Id),
        _ => tickets.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id),
    };
}
