using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Settings.ManageRoutingRules;

/// <summary>A routing rule as the API and the settings page read and write it: lists as arrays.</summary>
public sealed record RoutingRuleDto(
    int Id,
    int Order,
    string Name,
    bool Enabled,
    DateTimeOffset? ExpiresAt,
    IReadOnlyList<Guid> SiteIds,
    IReadOnlyList<string> SiteTypes,
    IReadOnlyList<int> IssueTypeIds,
    IReadOnlyList<string> RequesterRoles,
    IReadOnlyList<string> Channels,
    IReadOnlyList<int> Priorities,
    int? SetTeamId,
    bool AssignSiteTechnician,
    Guid? SetAssigneeUserId,
    int? SetPriority,
    IReadOnlyList<string> AddTags,
    bool StopProcessing) : IConditionLists;

public sealed record SaveRoutingRuleCommand(
    int Order,
    string? Name,
    bool Enabled = true,
    DateTimeOffset? ExpiresAt = null,
    IReadOnlyList<Guid>? SiteIds = null,
    IReadOnlyList<string>? SiteTypes = null,
    IReadOnlyList<int>? IssueTypeIds = null,
    IReadOnlyList<string>? RequesterRoles = null,
    IReadOnlyList<string>? Channels = null,
    IReadOnlyList<int>? Priorities = null,
    int? SetTeamId = null,
    bool AssignSiteTechnician = false,
    Guid? SetAssigneeUserId = null,
    int? SetPriority = null,
    IReadOnlyList<string>? AddTags = null,
    bool StopProcessing = false) : IConditionLists;

/// <summary>A sample ticket for the simulator.</summary>
public sealed record SimulateRoutingCommand(
    Guid SiteId,
    int IssueTypeId,
    TicketImpact Impact = TicketImpact.Person,
    TicketUrgency Urgency = TicketUrgency.Medium,
    TicketChannel Channel = TicketChannel.Web,
    string? RequesterRole = null);

public sealed record SimulatedRouting(
    int Priority,
    string PriorityName,
    int TeamId,
    string Team,
    string? Assignee,
    IReadOnlyList<string> Tags,
    IReadOnlyList<FiredRule> Fired);

/// <summary>Lists, saves, deletes and simulates routing rules. Every saved rule is checked against the sites, issue types, teams and technicians that exist.</summary>
public sealed class RoutingRulesHandler(AppDbContext db, ISiteDirectory sites, IUserDirectory users, TicketRouter router, TimeProvider clock)
{
    public async Task<IReadOnlyList<RoutingRuleDto>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.Set<RoutingRule>().AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(cancellationToken)).Select(ToDto).ToList();

    public async Task<RoutingRuleDto?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<RoutingRule>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is { } rule ? ToDto(rule) : null;

    /// <summary>Creates a rule (id null) or replaces one; saving the same rule again changes nothing.</summary>
    public async Task<Result<RoutingRuleDto>> SaveAsync(int? id, SaveRoutingRuleCommand command, CancellationToken cancellationToken = default)
    {
        RoutingRule? rule = null;
        if (id is { } existing && (rule = await db.Set<RoutingRule>().SingleOrDefaultAsync(r => r.Id == existing, cancellationToken)) is null)
        {
            return Result.NotFound($"There is no routing rule {existing}.");
        }

        var errors = await ValidateAsync(command, cancellationToken);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        rule ??= db.Set<RoutingRule>().Add(new RoutingRule { Name = "" }).Entity;
        rule.Order = command.Order;
        rule.Name = command.Name!.Trim();
        rule.Enabled = command.Enabled;
        rule.ExpiresAt = command.ExpiresAt;
        TicketConditions.Write(rule, command);
        rule.SetTeamId = command.SetTeamId;
        rule.AssignSiteTechnician = command.AssignSiteTechnician;
        rule.SetAssigneeUserId = command.SetAssigneeUserId;
        rule.SetPriority = command.SetPriority;
        rule.AddTags = Routing.Join(Routing.Tags(string.Join(',', command.AddTags ?? [])));
        rule.StopProcessing = command.StopProcessing;
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(rule);
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<RoutingRule>().Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken) == 1;

    /// <summary>What would happen to this ticket, changing nothing (the round-robin does not move).</summary>
    public async Task<Result<SimulatedRouting>> SimulateAsync(SimulateRoutingCommand command, CancellationToken cancellationToken = default)
    {
        var site = await sites.FindAsync(command.SiteId, cancellationToken);
        var errors = new ErrorList();
        if (site is null)
        {
            errors.Add(nameof(command.SiteId), "Choose a site.");
        }

        if (!await db.Set<IssueType>().AnyAsync(c => c.Id == command.IssueTypeId, cancellationToken))
        {
            errors.Add(nameof(command.IssueTypeId), "Choose an issue type.");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var matrix = await db.Set<PriorityCell>().AsNoTracking().ToListAsync(cancellationToken);
        var sample = new Ticket
        {
            Title = "", Description = "", RequesterName = "", SiteId = site!.Id, IssueTypeId = command.IssueTypeId,
            Channel = command.Channel, RequesterRole = command.RequesterRole?.ToLowerInvariant(),
            Priority = Priorities.From(matrix, command.Impact, command.Urgency),
        };
        var decision = await router.DecideAsync(sample, site.Type, clock.GetUtcNow(), cancellationToken);
        var teamId = decision.TeamId ?? HelpdeskDefaults.HelpDeskTeam;
        var team = await db.Set<Team>().Where(t => t.Id == teamId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
        string? assignee = null;
        if (decision.AssigneeUserId is { } named)
        {
            assignee = (await users.FindAsync([named], cancellationToken)).SingleOrDefault()?.DisplayName;
        }
        else if (decision.AssignSiteTechnician)
        {
            var technicians = await router.SiteTechniciansAsync(site.Id, cancellationToken);
            var next = await db.Set<RoundRobinCursor>().Where(c => c.Key == $"site:{site.Id}").Select(c => c.Next).SingleOrDefaultAsync(cancellationToken);
            assignee = technicians.Count == 0 ? null : technicians[next % technicians.Count].DisplayName;
        }

        return new SimulatedRouting(decision.Priority, Priorities.Name(decision.Priority), teamId, team, assignee, decision.Tags, decision.Fired);
    }

    private async Task<ErrorList> ValidateAsync(SaveRoutingRuleCommand command, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        if (string.IsNullOrWhiteSpace(command.Name) || command.Name.Trim().Length > RoutingRule.NameMaxLength)
        {
            errors.Add(nameof(command.Name), $"Give the rule a name of up to {RoutingRule.NameMaxLength} characters.");
        }

        await TicketConditions.ValidateAsync(command, db, sites, errors, cancellationToken);
        if (command.SetPriority is < 1 or > 5)
        {
            errors.Add(nameof(command.SetPriority), "Priority is 1 (Critical) to 5 (Planning).");
        }

        if (command.SetTeamId is { } team && !await db.Set<Team>().AnyAsync(t => t.Id == team, cancellationToken))
        {
            errors.Add(nameof(command.SetTeamId), $"There is no team {team}.");
        }

        if (command.SetAssigneeUserId is { } assignee
            && !(await users.FindAsync([assignee], cancellationToken)).Any(u => u.IsTechnician()))
        {
            errors.Add(nameof(command.SetAssigneeUserId), "Tickets can only be assigned to technicians.");
        }

        if (command.SetTeamId is null && !command.AssignSiteTechnician && command.SetAssigneeUserId is null && command.SetPriority is null && (command.AddTags?.Count ?? 0) == 0)
        {
            errors.Add("actions", "A rule needs at least one action: a team, an assignee, the site's technician, a priority or tags.");
        }

        return errors;
    }

    private static RoutingRuleDto ToDto(RoutingRule r)
    {
        var when = TicketConditions.Read(r);
        return new(
            r.Id, r.Order, r.Name, r.Enabled, r.ExpiresAt,
            when.SiteIds, when.SiteTypes, when.IssueTypeIds, when.RequesterRoles, when.Channels, when.Priorities,
            r.SetTeamId, r.AssignSiteTechnician, r.SetAssigneeUserId, r.SetPriority, Routing.Tags(r.AddTags), r.StopProcessing);
    }
}
