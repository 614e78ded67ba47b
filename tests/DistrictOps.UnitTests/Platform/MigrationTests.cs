using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.UnitTests.Platform;

/// <summary>Fails when an entity changed without `scripts/add-migration NAME`, for each provider.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration: the SQLite model has changes without a migration.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration: the PostgreSQL model has changes without a migration.");
        Assert.Equal(
            new SqliteDesignTimeFactory().CreateDbContext([]).Database.GetMigrations().Select(Name),
            db.Database.GetMigrations().Select(Name));
    }

    [Fact]
    public void Every_table_is_prefixed_by_its_module()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var unprefixed = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Where(t => !t.Contains('_', StringComparison.Ordinal)).ToList();
        Assert.Empty(unprefixed);
    }

    private static string Name(string migrationId) => migrationId[(migrationId.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
