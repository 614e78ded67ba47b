using System.Collections.Concurrent;
using DistrictOps.Web.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DistrictOps.Tests.Support;

/// <summary>
/// A database of its own for one test: a temporary SQLite file, or a PostgreSQL database on the server scripts/test starts
/// (connection in DISTRICTOPS_TEST_POSTGRES). Dropped when disposed.
/// </summary>
/// <remarks>
/// Migrating takes longer than most tests, so each test process migrates once per provider into a template and every
/// test gets a copy of it: a file copy on SQLite, <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL. The app then finds
/// nothing to migrate at start-up. A more expensive world (a seeded district) can be made a template the same way with
/// <see cref="TemplateAsync"/>; templates are dropped when the test process exits. Connections are pooled, as the app pools
/// them in production (ADR 0037); a database's pool is cleared before it is copied or dropped.
/// </remarks>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "DISTRICTOPS_TEST_POSTGRES";

    private const string Migrated = "migrated";

    private static readonly ConcurrentDictionary<(DatabaseProvider, string), Lazy<Task<TestDatabase>>> Templates = new();

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

    private string SqliteFile => Path.Combine(_sqliteDirectory!, "test.db");

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

    /// <summary>A migrated database: a copy of this process's migrated template.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider) =>
        await CopyOfAsync(await TemplateAsync(provider, Migrated, MigrateAsync));

    /// <summary>A database with no tables at all, for tests of migrating itself.</summary>
    public static Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider) => NewAsync(provider, template: null);

    /// <summary>
    /// A copy of the named template, which <paramref name="build"/> makes once per test process from a migrated database.
    /// Whatever <paramref name="build"/> starts (an app host) must be stopped when it returns, so the template can be copied.
    /// </summary>
    public static async Task<TestDatabase> CreateFromAsync(DatabaseProvider provider, string template, Func<TestDatabase, Task> build) =>
        await CopyOfAsync(await TemplateAsync(provider, template, async db =>
        {
            await MigrateAsync(db);
            await build(db);
        }));

    private static Task<TestDatabase> TemplateAsync(DatabaseProvider provider, string name, Func<TestDatabase, Task> build) =>
        Templates.GetOrAdd((provider, name), _ => new Lazy<Task<TestDatabase>>(async () =>
        {
            var template = await NewAsync(provider, template: null);
            await build(template);
            await template.CloseConnectionsAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DropOnExit();
            return template;
        })).Value;

    private static async Task MigrateAsync(TestDatabase db)
    {
        await using var context = db.OpenContext();
        await new DatabaseMigrator(context, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
    }

    private static async Task<TestDatabase> CopyOfAsync(TestDatabase template)
    {
        if (template.Provider == DatabaseProvider.Sqlite)
        {
            var copy = await NewAsync(DatabaseProvider.Sqlite, template: null);
            File.Copy(template.SqliteFile, copy.SqliteFile);
            return copy;
        }

        return await NewAsync(DatabaseProvider.Postgres, template._postgresName);
    }

    private static async Task<TestDatabase> NewAsync(DatabaseProvider provider, string? template)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var dir = Directory.CreateTempSubdirectory("districtops-test-").FullName;
            return new TestDatabase(provider, $"Data Source={Path.Combine(dir, "test.db")}", dir, null);
        }

        var server = PostgresServer ?? throw new InvalidOperationException(
            $"{PostgresVariable} is not set. Run the tests with scripts/test, which starts a throwaway PostgreSQL and sets it.");
        var name = "districtops_test_" + Guid.NewGuid().ToString("N")[..16];
        await AdminAsync(template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}");
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(provider, connection, null, name);
    }

    /// <summary>
    /// Leaves the template copyable: PostgreSQL refuses to copy a database anyone is connected to, and a SQLite file copied
    /// while its write-ahead log still holds pages would miss them.
    /// </summary>
    private async Task CloseConnectionsAsync()
    {
        ClearPool();
        if (Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(ConnectionString);
            await connection.OpenAsync();
            await using var checkpoint = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE);", connection);
            await checkpoint.ExecuteNonQueryAsync();
            return;
        }

        await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_postgresName}' AND pid <> pg_backend_pid()");
    }

    /// <summary>Closes this database's pooled connections (only its own: other tests' pools stay warm).</summary>
    private void ClearPool()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            using var sqlite = new SqliteConnection(ConnectionString);
            SqliteConnection.ClearPool(sqlite);
            return;
        }

        using var postgres = new NpgsqlConnection(ConnectionString);
        NpgsqlConnection.ClearPool(postgres);
    }

    private static async Task AdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(PostgresServer);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    private void DropOnExit()
    {
        try
        {
            DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (NpgsqlException)
        {
            // The process is exiting; the throwaway cluster goes with scripts/test.
        }
    }

    public async ValueTask DisposeAsync()
    {
        ClearPool();
        if (_sqliteDirectory is not null)
        {
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
            await AdminAsync($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)");
        }
    }
}
