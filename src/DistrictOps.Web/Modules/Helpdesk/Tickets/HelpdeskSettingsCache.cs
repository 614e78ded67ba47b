using System.Data.Common;
using System.Runtime.CompilerServices;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

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
/// when a manager edits them, so this instance drops its copy when any of their tables is written through the app
/// (<see cref="HelpdeskSettingsCacheInterceptor"/>, after the commit too); another instance of the app, a CLI run or hand-made
/// SQL cannot tell it, so a copy is also dropped after <see cref="Lifetime"/>: with several instances an edit reaches
/// the others' routing and service levels within that time. The entities are shared: read them, never change or attach them.
/// </summary>
public sealed class HelpdeskSettingsCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    internal static readonly string[] Tables =
    [
        "helpdesk_issue_types", "helpdesk_priority_matrix", "helpdesk_routing_rules", "helpdesk_service_level_policies", "helpdesk_service_level_targets",
    ];

    private Held? _current;
    private long _version;

    public async Task<HelpdeskSettingsSnapshot> GetAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var version = Interlocked.Read(ref _version);
        if (Volatile.Read(ref _current) is { } current && current.Version == version && clock.GetUtcNow() - current.Loaded < Lifetime)
        {
            return current.Snapshot;
        }

        var loaded = clock.GetUtcNow();
        var snapshot = new HelpdeskSettingsSnapshot(
            await db.Set<IssueType>().AsNoTracking().ToListAsync(cancellationToken),
            await db.Set<PriorityCell>().AsNoTracking().ToListAsync(cancellationToken),
            await db.Set<RoutingRule>().AsNoTracking().ToListAsync(cancellationToken),
            await db.Set<ServiceLevelPolicy>().AsNoTracking().Where(p => p.Enabled).OrderBy(p => p.Order).ThenBy(p => p.Id).ToListAsync(cancellationToken),
            await db.Set<ServiceLevelTarget>().AsNoTracking().ToDictionaryAsync(t => (t.PolicyId, t.Priority), cancellationToken));
        // Read inside a caller's transaction that changed the settings itself, the snapshot must not outlive that transaction.
        if (db.Database.CurrentTransaction is null || !HelpdeskSettingsCacheInterceptor.Wrote(db.Database.CurrentTransaction.GetDbTransaction()))
        {
            Volatile.Write(ref _current, new Held(snapshot, version, loaded));
        }

        return snapshot;
    }

    public void Invalidate() => Interlocked.Increment(ref _version);

    private sealed record Held(HelpdeskSettingsSnapshot Snapshot, long Version, DateTimeOffset Loaded);
}

/// <summary>Drops <see cref="HelpdeskSettingsCache"/>' copy when a command writes one of its tables, and again when that write commits.</summary>
internal sealed class HelpdeskSettingsCacheInterceptor(HelpdeskSettingsCache cache) : DbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbTransaction, object> Writers = [];

    internal static bool Wrote(DbTransaction transaction) => Writers.TryGetValue(transaction, out _);

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    private void Committed(DbTransaction transaction)
    {
        if (Writers.Remove(transaction))
        {
            cache.Invalidate();
        }
    }

    private void Check(DbCommand command)
    {
        var sql = command.CommandText.AsSpan().TrimStart();
        if (sql.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || !Writes(command.CommandText))
        {
            return;
        }

        cache.Invalidate();
        if (command.Transaction is { } transaction)
        {
            Writers.AddOrUpdate(transaction, Writers);
        }
    }

    private static bool Writes(string sql)
    {
        foreach (var table in HelpdeskSettingsCache.Tables)
        {
            if (sql.Contains(table, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
