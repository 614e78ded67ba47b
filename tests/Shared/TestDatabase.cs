using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DistrictOps.Tests.Support;

/// <summary>
/// A fresh, empty database for one test: a temporary SQLite file, or a new PostgreSQL database on the
/// server scripts/test starts (connection in DISTRICTOPS_TEST_POSTGRES). Dropped when disposed.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "DISTRICTOPS_TEST_POSTGRES";

    private readonly string? _sqliteDirectory;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteDirectory, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteDirectory = sqliteDirectory;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    public static bool RunningInCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The configuration that points the app (web or CLI) at this database.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:DistrictOps"] = ConnectionString,
    };

    /// <summary>A context on this database, for arranging and asserting outside the app.</summary>
    public AppDbContext OpenContext() => Provider == DatabaseProvider.Sqlite
        ? new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(ConnectionString).Options)
        : new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(ConnectionString).Options);

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var dir = Directory.CreateTempSubdirectory("districtops-test-").FullName;
            return new TestDatabase(provider, $"Data Source={Path.Combine(dir, "test.db")};Pooling=False", dir, null);
        }

        var server = PostgresServer ?? throw new InvalidOperationException(
            $"{PostgresVariable} is not set. Run the tests with scripts/test, which starts a throwaway PostgreSQL and sets it.");
        var name = "districtops_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
        return new TestDatabase(provider, connection, null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A host still shutting down can hold the file a moment longer; the temp folder is cleaned by the OS.
            }
        }

        if (_postgresName is not null)
        {
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
