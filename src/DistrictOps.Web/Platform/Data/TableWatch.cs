using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace DistrictOps.Web.Platform.Data;

/// <summary>
/// Tells an in-memory copy of some tables that the app wrote one of them (ADR 0020, 0022): <see cref="Version"/> moves when a
/// command that writes one of the tables runs (<see cref="TableWatchInterceptor"/>), and again when that command's transaction
/// commits, so a reader between the write and the commit cannot keep the old copy. A write this process does not see (another
/// instance, the CLI, hand-made SQL) is only caught by the copy's lifetime.
/// </summary>
public sealed class TableWatch(params string[] tables)
{
    /// <summary>
    /// How long a copy is kept when nothing in this process tells it of a write: a write from another instance, the CLI or
    /// hand-made SQL reaches the copies within this time.
    /// </summary>
    public static readonly TimeSpan CopyLifetime = TimeSpan.FromSeconds(30);

    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public void Invalidate() => Interlocked.Increment(ref _version);

    internal bool Watches(string sql)
    {
        foreach (var table in tables)
        {
            if (sql.Contains(table, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the context's open transaction wrote one of the tables: what it reads must not be kept beyond it.</summary>
    public bool WroteInCurrentTransaction(AppDbContext db) =>
        db.Database.CurrentTransaction is { } transaction && TableWatchInterceptor.Wrote(transaction.GetDbTransaction(), this);
}

/// <summary>One copy of what a loader reads from watched tables, read again after a watched write or after <see cref="TableWatch.CopyLifetime"/>.</summary>
public sealed class TableCopy<T>(TableWatch watch, TimeProvider clock)
    where T : class
{
    private readonly TableCopies<bool, T> _copies = new(watch, clock);

    public Task<T> GetAsync(AppDbContext db, Func<Task<T>> load) => _copies.GetAsync(db, true, load);
}

/// <summary>
/// Copies by key (a token, a user) of what a loader reads from watched tables. A watched write drops every copy, so the
/// copies never outnumber the keys used since the last write; nothing found (null) is not kept, so unknown keys cost no memory.
/// Each copy is read again after <see cref="TableWatch.CopyLifetime"/>.
/// </summary>
public sealed class TableCopies<TKey, T>(TableWatch watch, TimeProvider clock)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Held> _held = new();
    private long _heldVersion;

    public async Task<T> GetAsync(AppDbContext db, TKey key, Func<Task<T>> load)
    {
        var version = watch.Version;
        if (Interlocked.Exchange(ref _heldVersion, version) != version)
        {
            _held.Clear();
        }

        if (_held.TryGetValue(key, out var current) && current.Version == version && clock.GetUtcNow() - current.Loaded < TableWatch.CopyLifetime)
        {
            return current.Value;
        }

        var loaded = clock.GetUtcNow();
        var value = await load();
        if (value is not null && !watch.WroteInCurrentTransaction(db))
        {
            _held[key] = new Held(value, version, loaded);
        }

        return value;
    }

    private sealed record Held(T Value, long Version, DateTimeOffset Loaded);
}

/// <summary>Moves every <see cref="TableWatch"/> whose tables a command writes, and again when that write commits.</summary>
internal sealed class TableWatchInterceptor(IEnumerable<TableWatch> watches) : DbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbTransaction, ConcurrentDictionary<TableWatch, bool>> Writers = [];
    private readonly TableWatch[] _watches = [.. watches];

    internal static bool Wrote(DbTransaction transaction, TableWatch watch) =>
        Writers.TryGetValue(transaction, out var wrote) && wrote.ContainsKey(watch);

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

    private static void Committed(DbTransaction transaction)
    {
        if (Writers.TryGetValue(transaction, out var wrote))
        {
            Writers.Remove(transaction);
            foreach (var watch in wrote.Keys)
            {
                watch.Invalidate();
            }
        }
    }

    /// <summary>Moves the watches of a table that a bulk load wrote beside EF's commands (PostgreSQL COPY, SQLite's prepared insert).</summary>
    internal static void BulkWrote(AppDbContext db, string table)
    {
        var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors ?? [];
        foreach (var interceptor in interceptors.OfType<TableWatchInterceptor>())
        {
            interceptor.Check(table, db.Database.CurrentTransaction?.GetDbTransaction());
        }
    }

    private void Check(DbCommand command)
    {
        var sql = command.CommandText;
        if (!sql.AsSpan().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            Check(sql, command.Transaction);
        }
    }

    private void Check(string sql, DbTransaction? transaction)
    {
        foreach (var watch in _watches)
        {
            if (!watch.Watches(sql))
            {
                continue;
            }

            watch.Invalidate();
            if (transaction is not null)
            {
                Writers.GetValue(transaction, _ => new ConcurrentDictionary<TableWatch, bool>())[watch] = true;
            }
        }
    }
}
