using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DistrictOps.Web.Platform.Data;

/// <summary>Brings the database to the newest migration; shared by start-up and <c>districtops db migrate</c>.</summary>
public sealed class DatabaseMigrator(AppDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Database.CanConnectAsync(cancellationToken))
        {
            await CreateHistoryTableAsync(cancellationToken);
            await RefuseUnknownHistoryAsync(cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers work while an import writes; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Applied {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }

        return pending;
    }

    /// <summary>Whether the database is there and fully migrated; a SQLite file that is not there is not created by asking.</summary>
    public async Task<bool> IsCurrentAsync(CancellationToken cancellationToken = default) =>
        !(db.Database.IsSqlite() && !File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource))
        && await db.Database.CanConnectAsync(cancellationToken)
        && !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();

    /// <summary>
    /// Npgsql's provider reads the migration history without checking that its table exists and EF logs each failed read
    /// as an error, so a first start would log three errors that are not; the table EF would create is created first.
    /// </summary>
    private async Task CreateHistoryTableAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
        }
    }

    /// <summary>
    /// A database whose history names migrations this version does not have was made before the migrations were
    /// re-baselined (or by a newer version); migrating it would fail halfway with a table that already exists.
    /// </summary>
    private async Task RefuseUnknownHistoryAsync(CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new UnknownMigrationHistoryException(unknown);
        }
    }
}

/// <summary>The database was migrated by another version of DistrictOps; the message says what to do, in one line.</summary>
public sealed class UnknownMigrationHistoryException(IReadOnlyList<string> unknown) : Exception(
    $"The database has migrations this version does not know ({string.Join(", ", unknown.Take(3))}{(unknown.Count > 3 ? ", …" : "")}): " +
    "it was created before the migrations were re-baselined on 2026-12-05 (nothing had been released), or by a newer DistrictOps. " +
    "Delete it (Database:SqlitePath, or drop the PostgreSQL database) and start again.");
