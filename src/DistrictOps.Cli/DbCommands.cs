using System.CommandLine;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.Cli;

internal static class DbCommands
{
    public static Command Build(CliContext cli)
    {
        var migrate = new Command("migrate", "Apply pending database migrations (the web app also does this at start-up).");
        migrate.SetAction((_, cancellationToken) => cli.RunAsync(async (services, ct) =>
        {
            var applied = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            cli.Out.WriteLine(applied.Count == 0
                ? "The database is up to date."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return ExitCodes.Ok;
        }, cancellationToken, migrate: false));

        return new Command("db", "Database maintenance.") { migrate };
    }
}
