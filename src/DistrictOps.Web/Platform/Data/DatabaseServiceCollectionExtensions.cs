using DistrictOps.Web.Platform.Settings;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DistrictOps.Web.Platform.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string ConnectionStringName = "DistrictOps";

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

                services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => Common(o.UseNpgsql(connectionString), sp));
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
