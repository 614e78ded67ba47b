using DistrictOps.Cli;

namespace DistrictOps.IntegrationTests.Infrastructure;

public sealed record CliResult(int Code, string Out, string Error);

/// <summary>Runs the districtops command in-process against a test database.</summary>
public static class CliRunner
{
    public static Task<CliResult> RunAsync(TestDatabase? db, params string[] args) => RunAsync(db?.Settings(), args);

    /// <summary>Runs the command with these settings in place of the configuration files' (a database's, and more).</summary>
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?>? settings, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, settings);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
