using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DistrictOps.Web.Platform.Data;

/// <summary>
/// SQLite writes queue instead of colliding (ADR 0018). SQLite has one writer at a time; when a second one finds the
/// database locked, Microsoft.Data.Sqlite sleeps 150 ms and tries again, so concurrent requests wait in 150 ms steps and
/// throughput does not grow. Here every write transaction (and every SaveChanges outside one) of this process first takes
/// one async gate, so writers wait their turn without sleeping and the database is never busy for them. Each physical
/// connection also gets, once, a busy timeout (for writers in other processes: the CLI, a second app instance) and, in WAL,
/// <c>synchronous=NORMAL</c> (a commit no longer waits for the disk; a power cut can lose the last commits, never the file).
/// Registered for SQLite only; PostgreSQL has row locks and is not gated.
/// </summary>
internal sealed class SqliteWriteQueue : IDbConnectionInterceptor, IDbTransactionInterceptor, ISaveChangesInterceptor, IDisposable
{
    public const int BusyTimeoutMilliseconds = 5_000;

    /// <summary>As long as Microsoft.Data.Sqlite's own default command timeout, the longest a writer waited before.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<object, object> _prepared = [];

    public void Dispose() => _gate.Dispose();

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Prepare(connection);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Prepare(connection);
        return Task.CompletedTask;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(eventData.Context, SqliteWriteTurn.None);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(eventData.Context, SqliteWriteTurn.None);
        return Task.CompletedTask;
    }

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Leave(eventData.Context, SqliteWriteTurn.None);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(eventData.Context, SqliteWriteTurn.None);
        return Task.CompletedTask;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(eventData.Context, SqliteWriteTurn.Transaction);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, SqliteWriteTurn.Transaction, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.Context, SqliteWriteTurn.Transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, SqliteWriteTurn.Transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.Context, SqliteWriteTurn.Transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, SqliteWriteTurn.Transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(eventData.Context, SqliteWriteTurn.Transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, SqliteWriteTurn.Transaction);
        return Task.CompletedTask;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (WritesOutsideTransaction(eventData.Context))
        {
            Enter(eventData.Context, SqliteWriteTurn.Save);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (WritesOutsideTransaction(eventData.Context))
        {
            await EnterAsync(eventData.Context, SqliteWriteTurn.Save, cancellationToken);
        }

        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Leave(eventData.Context, SqliteWriteTurn.Save);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, SqliteWriteTurn.Save);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Leave(eventData.Context, SqliteWriteTurn.Save);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, SqliteWriteTurn.Save);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Leave(eventData.Context, SqliteWriteTurn.Save);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, SqliteWriteTurn.Save);
        return Task.CompletedTask;
    }

    // A save with nothing to write takes no turn: a context may save nothing while another in the same flow holds the gate.
    private static bool WritesOutsideTransaction(DbContext? context) =>
        context is not null && context.Database.CurrentTransaction is null && context.ChangeTracker.HasChanges();

    private void Enter(DbContext? context, SqliteWriteTurn hold)
    {
        if (context is AppDbContext { Notes.WriteTurn: SqliteWriteTurn.None } app)
        {
            if (!_gate.Wait(LongestWait))
            {
                throw Busy();
            }

            app.Notes.WriteTurn = hold;
        }
    }

    private async Task EnterAsync(DbContext? context, SqliteWriteTurn hold, CancellationToken cancellationToken)
    {
        if (context is AppDbContext { Notes.WriteTurn: SqliteWriteTurn.None } app)
        {
            if (!await _gate.WaitAsync(LongestWait, cancellationToken))
            {
                throw Busy();
            }

            app.Notes.WriteTurn = hold;
        }
    }

    /// <summary>Gives the turn back; <see cref="SqliteWriteTurn.None"/> gives it back whatever took it (the connection closed).</summary>
    private void Leave(DbContext? context, SqliteWriteTurn taken)
    {
        if (context is AppDbContext { Notes.WriteTurn: not SqliteWriteTurn.None and var held } app && (taken == SqliteWriteTurn.None || held == taken))
        {
            app.Notes.WriteTurn = SqliteWriteTurn.None;
            _gate.Release();
        }
    }

    private static TimeoutException Busy() =>
        new($"Another write to the SQLite database took longer than {LongestWait.TotalSeconds:0} s; this write was not started.");

    private void Prepare(DbConnection connection)
    {
        var sqlite = (SqliteConnection)connection;
        if (sqlite.Handle is not { } handle || _prepared.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";
        command.ExecuteNonQuery();
        command.CommandText = "PRAGMA journal_mode;";
        // Until the migrator has switched a new file to WAL, look again at the next open.
        if (string.Equals(command.ExecuteScalar() as string, "wal", StringComparison.OrdinalIgnoreCase))
        {
            command.CommandText = "PRAGMA synchronous = NORMAL;";
            command.ExecuteNonQuery();
            _prepared.AddOrUpdate(handle, this);
        }
    }
}
