using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DistrictOps.IntegrationTests.Platform;

/// <summary>Rows written in bulk are stored exactly as EF stores them: the same queries find them and read the same values.</summary>
public sealed class BulkInsertTests
{
    [Theory]
    [Providers]
    public async Task Bulk_rows_are_found_and_read_like_rows_saved_by_EF(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);
        var site = new Site { Id = Guid.CreateVersion7(), SourcedId = "org-1", Name = "Bayview High" };
        var start = new DateOnly(2026, 8, 17);
        var left = new DateTimeOffset(2026, 12, 4, 15, 30, 0, TimeSpan.Zero);
        Person Make(string sourcedId) => new()
        {
            Id = Guid.CreateVersion7(),
            SourcedId = sourcedId,
            Kind = PersonKind.Staff,
            EnabledUser = false,
            GivenName = "Zoë",
            // Longer than the bulk writer's first text buffer once encoded (two bytes each 'ñ'): it must grow, not cut.
            FamilyName = "O'Neil-" + new string('ñ', 200),
            MiddleName = null,
            // An empty text is stored empty, not as NULL (the bulk writer binds it from a span of no bytes).
            PositionTitle = "",
            Grades = "09,10",
            PrimarySiteId = site.Id,
            ContentHash = long.MinValue + 7,
            LeftAt = left,
            HrStartDate = start,
        };

        var saved = Make("saved");
        var bulk = Make("bulk");
        await using (var context = database.OpenContext())
        {
            context.AddRange(site, saved);
            await context.SaveChangesAsync();
            await context.InsertAsync([bulk]);
        }

        await using var read = database.OpenContext();
        var found = await read.Set<Person>().AsNoTracking()
            .Where(p => p.PrimarySiteId == site.Id && p.HrStartDate == start && p.LeftAt == left && p.Kind == PersonKind.Staff && !p.EnabledUser && p.MiddleName == null)
            .OrderBy(p => p.SourcedId)
            .ToListAsync();
        Assert.Equal(["bulk", "saved"], found.Select(p => p.SourcedId));
        Assert.Equal(bulk.Id, (await read.Set<Person>().SingleAsync(p => p.Id == bulk.Id)).Id);
        object Values(Person p) => new { p.Kind, p.EnabledUser, p.GivenName, p.FamilyName, p.MiddleName, p.PositionTitle, p.Grades, p.PrimarySiteId, p.ContentHash, p.LeftAt, p.HrStartDate, p.HrEndDate };
        Assert.Equal(Values(found[1]), Values(found[0]));
        Assert.Equal(Values(saved), Values(found[0]));
    }

    [Theory]
    [Providers]
    public async Task A_load_into_an_empty_table_ends_with_the_same_indexes_and_a_failed_one_leaves_nothing(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);
        Person Make(string sourcedId) => new() { Id = Guid.CreateVersion7(), SourcedId = sourcedId, GivenName = "Ana", FamilyName = "Silva", SortName = "Silva, Ana" };
        await using var context = database.OpenContext();
        await context.Database.OpenConnectionAsync();
        var before = await IndexesAsync(context);
        Assert.Contains(before, i => i.Contains("SourcedId", StringComparison.Ordinal));

        await using (var failing = await context.Database.BeginTransactionAsync())
        {
            // The unique index on SourcedId is created again after the rows: the repeat is refused then, and the rollback keeps the indexes.
            await Assert.ThrowsAnyAsync<Exception>(() => context.LoadWithoutIndexesAsync([typeof(Person)], () => context.InsertAsync([Make("p-1"), Make("p-1")])));
        }

        Assert.Equal(before, await IndexesAsync(context));
        Assert.Equal(0, await context.Set<Person>().CountAsync());

        var during = new List<string>();
        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            await context.LoadWithoutIndexesAsync([typeof(Person)], async () =>
            {
                await context.InsertAsync([Make("p-1"), Make("p-2")]);
                during.AddRange(await IndexesAsync(context));
            });
            await transaction.CommitAsync();
        }

        Assert.Equal(before, await IndexesAsync(context));
        Assert.Equal(2, await context.Set<Person>().CountAsync(p => p.SourcedId == "p-1" || p.SourcedId == "p-2"));
        // SQLite drops what it can (only its primary key's index stays); PostgreSQL keeps every index.
        var kept = provider == DatabaseProvider.Sqlite ? before.Where(i => !i.StartsWith("CREATE", StringComparison.Ordinal)).ToList() : before;
        Assert.Equal(kept, during);
        Assert.NotEmpty(kept);

        await using (var second = await context.Database.BeginTransactionAsync())
        {
            during.Clear();
            await context.LoadWithoutIndexesAsync([typeof(Person)], async () => during.AddRange(await IndexesAsync(context)));
        }

        Assert.Equal(before, during);
    }

    [Fact]
    public async Task A_bulk_load_on_SQLite_journals_its_statements_in_memory_and_puts_the_connection_back_as_it_was()
    {
        await using var database = await MigratedAsync(DatabaseProvider.Sqlite);
        await using var context = database.OpenContext();
        await context.Database.OpenConnectionAsync();
        var before = (await PragmaAsync(context, "cache_size"), await PragmaAsync(context, "temp_store"));

        await using (await context.PrepareBulkLoadAsync())
        {
            Assert.Equal((-262144L, 2L), (await PragmaAsync(context, "cache_size"), await PragmaAsync(context, "temp_store")));
            await using var transaction = await context.Database.BeginTransactionAsync();
            await Assert.ThrowsAsync<InvalidOperationException>(() => context.PrepareBulkLoadAsync());
        }

        Assert.NotEqual(2L, before.Item2);
        Assert.Equal(before, (await PragmaAsync(context, "cache_size"), await PragmaAsync(context, "temp_store")));

        // Closed under the scope, the connection went back to the pool with the load's settings: it must not be handed out again.
        await using (await context.PrepareBulkLoadAsync())
        {
            await context.Database.CloseConnectionAsync();
        }

        await context.Database.OpenConnectionAsync();
        Assert.Equal(before, (await PragmaAsync(context, "cache_size"), await PragmaAsync(context, "temp_store")));
    }

    private static async Task<long> PragmaAsync(AppDbContext context, string pragma)
    {
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<TestDatabase> MigratedAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var migrate = await CliRunner.RunAsync(database, "db", "migrate");
        Assert.True(migrate.Code == 0, migrate.Error);
        return database;
    }

    /// <summary>Each index of the people table as its definition (SQLite keeps none for its primary key's index: then its name).</summary>
    private static async Task<List<string>> IndexesAsync(AppDbContext context)
    {
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = context.Database.IsSqlite()
            ? "SELECT COALESCE(sql, name) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'directory_people' ORDER BY name"
            : "SELECT indexdef FROM pg_indexes WHERE tablename = 'directory_people' ORDER BY indexname";
        var indexes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            indexes.Add(reader.GetString(0));
        }

        return indexes;
    }
}
