using System.Data.Common;
using DistrictOps.Web.Platform.Settings;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace DistrictOps.Web.Platform.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string ConnectionStringName = "DistrictOps";

    /// <summary>How many statements Npgsql keeps prepared on each PostgreSQL connection unless the connection string says (ADR 0044).</summary>
    internal const int AutoPreparedStatements = 64;

    /// <summary>
    /// Registers <see cref="AppDbContext"/> for the configured provider, with every registered EF interceptor (the email
    /// outbox's wake-up) and on SQLite the write queue (<see cref="SqliteWriteQueue"/>).
    /// </summary>
    public static IServiceCollection AddPlatformDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddSettings<DatabaseOptions>(configuration, DatabaseOptions.Section);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        services.AddSingleton<IInterceptor, TableWatchInterceptor>();

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(options, connectionString, configuration[DistrictOpsHome.EnvironmentVariable]);
                services.AddSingleton<SqliteWriteQueue>();
                services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) => Common(o.UseSqlite(sqlite), sp).AddInterceptors(sp.GetRequiredService<SqliteWriteQueue>()));
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        $"Database:Provider is Postgres but ConnectionStrings:{ConnectionStringName} is not set " +
                        $"(environment variable ConnectionStrings__{ConnectionStringName}).");
                }

                var postgres = PostgresConnectionString(connectionString);
                services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => Common(o.UseNpgsql(postgres), sp));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported; use Sqlite or Postgres.");
        }

        services.AddScoped<DatabaseMigrator>();
        return services;
    }

    /// <summary>
    /// Every registered interceptor, and no warning for a row limit without an order: lists count their matches
    /// only up to a cap (<c>Take(cap + 1).Count()</c>, any rows will do), while every page they show is ordered.
    /// </summary>
    private static DbContextOptionsBuilder Common(DbContextOptionsBuilder options, IServiceProvider services) =>
        options.AddInterceptors(services.GetServices<IInterceptor>())
            .ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));

    /// <summary>
    /// The configured PostgreSQL connection string with Npgsql's automatic preparation on, unless it names its own
    /// <c>Max Auto Prepare</c> (0 turns it off): a statement run five times on a connection is then prepared there, and
    /// PostgreSQL parses and plans it once per connection instead of at every execution (ADR 0044).
    /// </summary>
    internal static string PostgresConnectionString(string configured)
    {
        var named = new DbConnectionStringBuilder { ConnectionString = configured };
        return named.ContainsKey("Max Auto Prepare") || named.ContainsKey("MaxAutoPrepare")
            ? configured
            : new NpgsqlConnectionStringBuilder(configured) { MaxAutoPrepare = AutoPreparedStatements }.ConnectionString;
    }

    internal static string SqliteConnectionString(DatabaseOptions options, string? configured, string? home)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var path = DistrictOpsHome.ResolvePath(options.SqlitePath, home);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }
}
