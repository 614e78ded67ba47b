using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DistrictOps.IntegrationTests.Platform;

public sealed class DatabaseMigrationTests
{
    [Theory]
    [Providers]
    public async Task Migrating_an_empty_database_creates_the_hand_written_ticket_search_objects(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateEmptyAsync(provider);

        var migrate = await CliRunner.RunAsync(db, "db", "migrate");

        Assert.True(migrate.Code == 0, migrate.Error);
        await using var context = db.OpenContext();
        var found = await context.Database.SqlQueryRaw<string>(provider == DatabaseProvider.Sqlite
            ? """SELECT name AS "Value" FROM sqlite_master WHERE name IN ('helpdesk_tickets_fts', 'helpdesk_ticket_events_fts') OR (type = 'trigger' AND tbl_name IN ('helpdesk_tickets', 'helpdesk_ticket_events'))"""
            : """SELECT indexname AS "Value" FROM pg_indexes WHERE tablename IN ('helpdesk_tickets', 'helpdesk_ticket_events') AND indexdef LIKE '%gin_trgm_ops%' UNION ALL SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'""")
            .ToListAsync();
        string[] expected = provider == DatabaseProvider.Sqlite
            ?
            [
                "helpdesk_ticket_events_fts", "helpdesk_ticket_events_fts_delete", "helpdesk_ticket_events_fts_insert",
                "helpdesk_tickets_fts", "helpdesk_tickets_fts_delete", "helpdesk_tickets_fts_insert", "helpdesk_tickets_fts_update",
            ]
            : ["IX_helpdesk_ticket_events_Body_trgm", "IX_helpdesk_tickets_Description_trgm", "IX_helpdesk_tickets_RequesterName_trgm", "IX_helpdesk_tickets_Title_trgm", "pg_trgm"];
        Assert.Equal(expected, found.Order(StringComparer.Ordinal));
    }

    [Theory]
    [Providers]
    public async Task Starting_on_an_empty_database_migrates_it_without_logging_an_error(DatabaseProvider provider)
    {
        var sink = new CapturingLoggerProvider();
        await using var db = await TestDatabase.CreateEmptyAsync(provider);
        await using var app = new DistrictOpsFactory(db, services: s => s.AddSingleton<ILoggerProvider>(sink));

        var ready = await app.CreateClient().GetAsync("/health/ready");

        Assert.True(ready.IsSuccessStatusCode, ready.StatusCode.ToString());
        Assert.Contains(sink.Lines, l => l.Message.StartsWith("Applied ", StringComparison.Ordinal));
        // Npgsql's provider reads the migration history before creating its table, and EF logs each failed read as an error.
        Assert.DoesNotContain(sink.Lines, l => l.Message.StartsWith("Failed executing DbCommand", StringComparison.Ordinal));
    }

    [Theory]
    [Providers]
    public async Task A_database_migrated_before_the_baseline_is_refused_in_one_line_and_left_alone(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateEmptyAsync(provider);
        await using (var context = db.OpenContext())
        {
            await context.Database.ExecuteSqlRawAsync("""CREATE TABLE "__EFMigrationsHistory" ("MigrationId" varchar(150) PRIMARY KEY, "ProductVersion" varchar(32) NOT NULL)""");
            await context.Database.ExecuteSqlRawAsync("""INSERT INTO "__EFMigrationsHistory" VALUES ('20261128175201_Initial', '10.0.0')""");
        }

        var migrate = await CliRunner.RunAsync(db, "db", "migrate");

        Assert.Equal(2, migrate.Code);
        var line = Assert.Single(migrate.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: The database has migrations this version does not know (20261128175201_Initial)", line, StringComparison.Ordinal);
        await using var after = db.OpenContext();
        Assert.Equal(["20261128175201_Initial"], await after.Database.GetAppliedMigrationsAsync());
    }
}
