using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Platform.Data;

/// <summary>Brings the database to the newest migration; shared by start-up and <c>districtops db migrate</c>.</summary>
public sealed class DatabaseMigrator(AppDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
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

    public async Task<bool> IsCurrentAsync(CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
        && !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
}
