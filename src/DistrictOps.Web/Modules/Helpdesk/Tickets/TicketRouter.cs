using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>
/// Runs the routing rules on a new ticket and stamps every rule that fired on its timeline. "The
/// site's technician" is the Directory's coverage for the site, taken round-robin among those who
/// have a DistrictOps account.
/// </summary>
public sealed class TicketRouter(AppDbContext db, ISiteDirectory sites, IUserDirectory users, HelpdeskSettingsCache settingsCache, SiteTechnicians siteTechnicians)
{
    /// <summary>
    /// Routes a ticket before it is saved: sets its priority, team, tags and assignee. A site technician's turn is taken here, in a
    /// short transaction of its own, so tickets opened at once at one site do not wait for each other's commits on the turn's row
    /// (PostgreSQL) and the turn's write still takes the SQLite write gate; a ticket that then fails to save skips one turn.
    /// </summary>
    public async Task<Routed> RouteAsync(Ticket ticket, string? siteType, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var decision = await DecideAsync(ticket, siteType, now, cancellationToken);
        ticket.Priority = decision.Priority;
        ticket.TeamId = decision.TeamId ?? HelpdeskDefaults.HelpDeskTeam;
        ticket.Tags = string.Join(' ', Routing.Tags(ticket.Tags + " " + string.Join(' ', decision.Tags)));
        UserSummary? assignee = null;
        if (decision.AssigneeUserId is { } named)
        {
            assignee = (await users.FindAsync([named], cancellationToken)).SingleOrDefault();
        }
        else if (decision.AssignSiteTechnician)
        {
            assignee = await NextSiteTechnicianAsync(ticket.SiteId, cancellationToken);
        }

        if (assignee is not null)
        {
            ticket.AssigneeUserId = assignee.Id;
            ticket.AssigneeName = assignee.DisplayName;
        }

        return new Routed(decision, assignee);
    }

    /// <summary>Stamps the routing of a saved ticket on its timeline: every rule that fired, then whom it went to.</summary>
    public void Record(Ticket ticket, Routed routed, DateTimeOffset now)
    {
        foreach (var rule in routed.Decision.Fired)
        {
            db.Add(ticket, null, "Routing", TicketEventKind.RuleApplied, now, $"Rule “{rule.Name}” applied: {rule.Actions}.");
        }

        if (routed.Assignee is { } assignee)
        {
            db.Add(ticket, null, "Routing", TicketEventKind.Assigned, now, $"Assigned to {assignee.DisplayName}.");
        }
        else if (routed.Decision is { AssigneeUserId: null, AssignSiteTechnician: true })
        {
            db.Add(ticket, null, "Routing", TicketEventKind.RuleApplied, now, "No technician covering this site has a DistrictOps account; the ticket waits in the team queue.");
        }
    }

    /// <summary>What routing would decide for this ticket, without changing anything: the simulator.</summary>
    public async Task<RoutingDecision> DecideAsync(Ticket ticket, string? siteType, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = await settingsCache.GetAsync(db, cancellationToken);
        var ancestry = IssueTypeAncestry(settings.IssueTypeParents, ticket.IssueTypeId);
        return Routing.Route(settings.RoutingRules, new RoutingInput(ticket.SiteId, siteType, ancestry, ticket.RequesterRole, ticket.Channel, ticket.Priority, now));
    }

    /// <summary>The accounts of the technicians covering the site, largest share first (held in memory: <see cref="SiteTechnicians"/>).</summary>
    public Task<IReadOnlyList<UserSummary>> SiteTechniciansAsync(Guid siteId, CancellationToken cancellationToken) =>
        siteTechnicians.OfAsync(db, siteId, async () =>
        {
            var coverage = await sites.CoverageAsync(siteId, cancellationToken);
            var accounts = await users.ForPeopleAsync(coverage.Select(c => c.PersonId).ToList(), cancellationToken);
            return coverage.Select(c => accounts.FirstOrDefault(a => a.PersonId == c.PersonId)).OfType<UserSummary>().ToList();
        });

    private async Task<UserSummary?> NextSiteTechnicianAsync(Guid siteId, CancellationToken cancellationToken)
    {
        var technicians = await SiteTechniciansAsync(siteId, cancellationToken);
        if (technicians.Count == 0)
        {
            return null;
        }

        // One statement takes the turn and moves the cursor on, so tickets opened at once take turns: read-then-write let
        // two of them read the same turn, and on a site's first ticket both inserted the cursor and one failed (PostgreSQL).
        var key = $"site:{siteId}";
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var turns = await db.Database.SqlQuery<int>($"""
            INSERT INTO helpdesk_round_robin ("Key", "Next") VALUES ({key}, 1)
            ON CONFLICT ("Key") DO UPDATE SET "Next" = helpdesk_round_robin."Next" + 1
            RETURNING "Next" - 1 AS "Value"
            """).ToListAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return technicians[turns.Single() % technicians.Count];
    }

    private static List<int> IssueTypeAncestry(IReadOnlyDictionary<int, int?> parents, int issueTypeId)
    {
        var chain = new List<int>();
        for (int? id = issueTypeId; id is { } current && !chain.Contains(current) && parents.ContainsKey(current); id = parents[current])
        {
            chain.Add(current);
        }

        return chain;
    }
}

/// <summary>
/// Each site's technicians with an account (ADR 0027), which every routed ticket needs: held in memory until the coverage,
/// the people or the accounts and their roles are written through the app, bulk loads included (<see cref="TableWatch"/>),
/// or <see cref="TableWatch.CopyLifetime"/> passes (a write by another process: the CLI, another instance).
/// </summary>
public sealed class SiteTechnicians
{
    private readonly TableCopies<Guid, IReadOnlyList<UserSummary>> _copies;

    public SiteTechnicians(TimeProvider clock) => _copies = new(Watch, clock);

    public TableWatch Watch { get; } = new("directory_technician_coverage", "directory_people", "auth_users", "auth_user_roles", "auth_roles");

    public Task<IReadOnlyList<UserSummary>> OfAsync(AppDbContext db, Guid siteId, Func<Task<List<UserSummary>>> load) =>
        _copies.GetAsync(db, siteId, async () => (IReadOnlyList<UserSummary>)await load());
}

/// <summary>A routed ticket: the decision and the account it was assigned to (null: none).</summary>
public sealed record Routed(RoutingDecision Decision, UserSummary? Assignee);
