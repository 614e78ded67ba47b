using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>The help desk settings every ticket write reads: issue types, the priority matrix, routing rules and service levels.</summary>
public sealed record HelpdeskSettingsSnapshot(
    IReadOnlyList<IssueType> IssueTypes,
    IReadOnlyList<PriorityCell> PriorityMatrix,
    IReadOnlyList<RoutingRule> RoutingRules,
    IReadOnlyList<ServiceLevelPolicy> EnabledPolicies,
    IReadOnlyDictionary<(int PolicyId, int Priority), ServiceLevelTarget> Targets)
{
    public IReadOnlyDictionary<int, int?> IssueTypeParents { get; } = IssueTypes.ToDictionary(c => c.Id, c => c.ParentId);
}

/// <summary>
/// The settings snapshot held in memory (issue 14: a ticket write used to read them up to three times each). They change
/// when a manager edits them, so the copy is dropped when any of their tables is written through the app (<see cref="TableWatch"/>,
/// after the commit too); another instance of the app, a CLI run or hand-made SQL cannot tell it, so a copy is also dropped
/// after <see cref="TableWatch.CopyLifetime"/>: with several instances an edit reaches the others' routing and service levels within that
/// time. The entities are shared: read them, never change or attach them.
/// </summary>
public sealed class HelpdeskSettingsCache
{
    private readonly TableCopy<HelpdeskSettingsSnapshot> _copy;

    public HelpdeskSettingsCache(TimeProvider clock) => _copy = new(Watch, clock);

    public TableWatch Watch { get; } = new(
        "helpdesk_issue_types", "helpdesk_priority_matrix", "helpdesk_routing_rules", "helpdesk_service_level_policies", "helpdesk_service_level_targets");

    public Task<HelpdeskSettingsSnapshot> GetAsync(AppDbContext db, CancellationToken cancellationToken) =>
        _copy.GetAsync(db, async () => new HelpdeskSettingsSnapshot(
            await db.Set<IssueType>().AsNoTracking().ToListAsync(cancellationToken),
            await db.Set<PriorityCell>().AsNoTracking().ToListAsync(cancellationToken),
            await db.Set<RoutingRule>().AsNoTracking().ToListAsync(cancellationToken),
            await db.Set<ServiceLevelPolicy>().AsNoTracking().Where(p => p.Enabled).OrderBy(p => p.Order).ThenBy(p => p.Id).ToListAsync(cancellationToken),
            await db.Set<ServiceLevelTarget>().AsNoTracking().ToDictionaryAsync(t => (t.PolicyId, t.Priority), cancellationToken)));
}
