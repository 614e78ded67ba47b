using DistrictOps.Cli;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.IntegrationTests.Platform;

public sealed class SettingsTests
{
    private const string SampleRateMessage = "Helpdesk:Surveys:SampleRate must be between 0 and 1";

    [Theory]
    [Providers]
    public async Task An_out_of_range_setting_stops_the_web_app_before_it_touches_the_database(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateEmptyAsync(provider);
        await using var app = new DistrictOpsFactory(db, new Dictionary<string, string?> { ["Helpdesk:Surveys:SampleRate"] = "2" });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(SampleRateMessage, error.Message, StringComparison.Ordinal);
        await AssertNotMigratedAsync(db);
    }

    [Theory]
    [Providers]
    public async Task An_out_of_range_setting_stops_the_cli_with_its_name(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateEmptyAsync(provider);

        var result = await RunAsync(db, "Helpdesk:Surveys:SampleRate", "-0.5", "db", "migrate");

        Assert.Equal(ExitCodes.Usage, result.Code);
        Assert.Contains(SampleRateMessage, result.Error, StringComparison.Ordinal);
        await AssertNotMigratedAsync(db);
    }

    [Theory]
    [InlineData("Directory:Calendar:TimeZone", "Mars/Olympus", "Directory:Calendar:TimeZone must be a time zone id")]
    [InlineData("Directory:Calendar:SchoolEnd", "06:30", "Directory:Calendar:SchoolEnd must be later than SchoolStart")]
    [InlineData("Http:PublicBaseUrl", "helpdesk.bayview.example", "Http:PublicBaseUrl must be an absolute http or https address")]
    [InlineData("Jobs:Intervals:helpdesk.close-solved", "-00:30:00", "Jobs:Intervals:helpdesk.close-solved must be a positive time span")]
    [InlineData("Email:MaxRetryDelay", "00:00:10", "Email:MaxRetryDelay must not be shorter than RetryDelay")]
    [InlineData("Email:Smtp:Port", "0", "Email:Smtp:Port must be between 1 and 65535")]
    [InlineData("Demo:Students", "-1", "Demo:Students must be between 0 and 1000000")]
    [InlineData("Directory:Import:MaxQuarantineShare", "1.5", "Directory:Import:MaxQuarantineShare must be between 0 and 1")]
    public async Task Each_rule_names_the_setting_it_refuses(string key, string value, string expected)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var result = await RunAsync(db, key, value, "db", "migrate");

        Assert.Equal(ExitCodes.Usage, result.Code);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    private static Task<CliResult> RunAsync(TestDatabase db, string key, string value, params string[] args)
    {
        var settings = db.Settings();
        settings[key] = value;
        return CliRunner.RunAsync(settings, args);
    }

    private static async Task AssertNotMigratedAsync(TestDatabase db)
    {
        await using var context = db.OpenContext();
        Assert.Empty(await context.Database.GetAppliedMigrationsAsync());
    }
}
