using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Platform;

/// <summary>What the app's database registration does to save round trips (ADR 0044).</summary>
public sealed class RoundTripTests
{
    [Theory]
    [PostgresOnly]
    public async Task On_postgres_the_apps_connections_prepare_a_statement_they_repeat(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(database);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();

        // Npgsql prepares a statement on its fifth use on a connection.
        for (var i = 0; i < 5; i++)
        {
            await db.Set<Site>().CountAsync(s => s.Name != "no such site");
        }

        var prepared = await db.Database.SqlQueryRaw<string>("""SELECT statement AS "Value" FROM pg_prepared_statements""").ToListAsync();
        Assert.Contains(prepared, s => s.Contains("FROM directory_sites", StringComparison.Ordinal));
    }
}
