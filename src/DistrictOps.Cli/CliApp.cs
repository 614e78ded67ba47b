using System.CommandLine;
using DistrictOps.Web;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Settings;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DistrictOps.Cli;

/// <summary>
/// The <c>districtops</c> command. It reads the web app's configuration (appsettings.json, then
/// appsettings.{Environment}.json, then environment variables such as <c>Database__Provider</c>)
/// and calls the same handlers the pages and the API call.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var context = new CliContext(stdout, stderr, configuration);
        var root = new RootCommand("DistrictOps: operations platform for a school district's technology department. " + ExitCodes.Help)
        {
            DbCommands.Build(context),
            UsersCommands.Build(context),
            ImportCommands.Build(context),
            DemoCommands.Build(context),
            JobsCommands.Build(context),
            AccountsCommands.Build(context),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync($"error: {error.Message}");
            }

            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}

/// <summary>What every command needs: where to write, and a service provider on the shared configuration.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?>? overrides)
{
    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    /// <summary>
    /// Runs a command on the database, migrated first as the web app does at start-up; with <c>Database:MigrateOnStartup=false</c>
    /// a database that is not migrated is refused in one line (exit 3) instead.
    /// </summary>
    public async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> body, CancellationToken cancellationToken, bool migrate = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // stdout carries only the command's output, so it can be piped; every log line goes to stderr.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddPlatformCore(builder.Configuration, DistrictOpsModules.All);
        using var host = builder.Build();
        try
        {
            host.Services.ValidateSettings();
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                Error.WriteLine($"error: {failure}");
            }

            return ExitCodes.Usage;
        }

        await using var scope = host.Services.CreateAsyncScope();
        using var trace = TraceScope.Begin(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DistrictOps.Cli"), "DistrictOps.Command", "Command");
        try
        {
            if (migrate && await NotMigratedAsync(scope.ServiceProvider, cancellationToken))
            {
                await Error.WriteLineAsync("error: the database is not migrated and Database:MigrateOnStartup is false; run `districtops db migrate` first.");
                return ExitCodes.Usage;
            }

            return await body(scope.ServiceProvider, cancellationToken);
        }
        catch (UnknownMigrationHistoryException e)
        {
            await Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Refused;
        }
    }

    private static async Task<bool> NotMigratedAsync(IServiceProvider services, CancellationToken ct)
    {
        var migrator = services.GetRequiredService<DatabaseMigrator>();
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await migrator.MigrateAsync(ct);
            return false;
        }

        return !await migrator.IsCurrentAsync(ct);
    }

    /// <summary>Prints a handler's refusal on stderr, an invalid request as <c>field: message</c> lines, and returns the exit code for it.</summary>
    public int Fail(Failure failure)
    {
        if (failure.Kind != OutcomeKind.Invalid)
        {
            Error.WriteLine($"error: {failure.Message}");
            return ExitCodes.InvalidInput;
        }

        foreach (var (field, messages) in failure.Errors)
        {
            foreach (var message in messages)
            {
                Error.WriteLine($"error: {field}: {message}");
            }
        }

        return ExitCodes.InvalidInput;
    }
}

/// <summary>The exit codes of every command, listed in the README and the help.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int InvalidInput = 1;
    public const int Refused = 2;
    public const int Usage = 3;

    public const string Help = "Exit codes: 0 done, 1 invalid data (nothing applied), 2 refused by a guard, 3 usage or environment (a missing file, a database that is not migrated).";
}
