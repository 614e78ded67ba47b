using System.Diagnostics;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DistrictOps.IntegrationTests.Platform;

public sealed class LoggingTests
{
    [Theory]
    [Providers]
    public async Task Request_logs_carry_a_request_id_and_the_route_but_never_the_path_or_query(DatabaseProvider provider)
    {
        var sink = new CapturingLoggerProvider();
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db, services: s => s.AddSingleton<ILoggerProvider>(sink));
        var admin = await app.ApiClientAsync("admin@bayview.example");

        var response = await admin.GetAsync("/api/v1/users?query=Maria%20Student-Surname");
        response.EnsureSuccessStatusCode();

        var line = Assert.Single(sink.Lines, l => l.Message.StartsWith("HTTP GET /api/v1/users", StringComparison.Ordinal));
        Assert.Contains("RequestId=", line.Scopes, StringComparison.Ordinal);
        Assert.Contains("responded 200", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sink.Lines, l => (l.Message + l.Scopes).Contains("Surname", StringComparison.Ordinal));
    }

    [Theory]
    [Providers]
    public async Task Development_logs_at_debug_carry_no_query_value_and_every_request_line_a_trace_id(DatabaseProvider provider)
    {
        var sink = new CapturingLoggerProvider();
        await using var db = await TestDatabase.CreateAsync(provider);
        var verbose = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Debug",
        };
        await using var app = new DistrictOpsFactory(db, verbose, s => s.AddSingleton<ILoggerProvider>(sink)) { Environment = "Development" };
        var admin = await app.ApiClientAsync("admin@bayview.example");
        var browser = app.Browser();
        await browser.SignInAsync("admin@bayview.example");

        (await admin.GetAsync("/api/v1/directory/people?query=Quetzalli%20Surname")).EnsureSuccessStatusCode();
        (await browser.GetAsync("/directory/people?query=Quetzalli%20Surname")).EnsureSuccessStatusCode();
        (await browser.GetAsync("/helpdesk/queues?q=Quetzalli%20Surname")).EnsureSuccessStatusCode();

        Assert.DoesNotContain(sink.Lines, l => (l.Message + l.Scopes).Contains("Quetzalli", StringComparison.Ordinal));
        var requestLines = sink.Lines.Where(l => l.Message.StartsWith("HTTP GET ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, requestLines.Count(l => l.Message.Contains("responded 200", StringComparison.Ordinal)));
        Assert.All(requestLines, l => Assert.Matches("TraceId=[0-9a-f]{32}", l.Scopes));
    }

    [Theory]
    [Providers]
    public async Task A_job_run_outside_any_request_logs_with_a_trace_id_of_its_own(DatabaseProvider provider)
    {
        var sink = new CapturingLoggerProvider();
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db, services: s => s.AddSingleton<ILoggerProvider>(sink));
        var runner = app.Services.GetRequiredService<JobRunner>();
        Assert.Null(Activity.Current);

        await runner.RunAsync("helpdesk.send-surveys", "schedule", CancellationToken.None);
        await runner.RunAsync("helpdesk.send-surveys", "schedule", CancellationToken.None);

        var runs = sink.Lines.Where(l => l.Message.StartsWith("Job helpdesk.send-surveys run ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, runs.Count);
        var traces = runs.Select(l => System.Text.RegularExpressions.Regex.Match(l.Scopes, "TraceId=([0-9a-f]{32})").Groups[1].Value).ToList();
        Assert.All(traces, t => Assert.Equal(32, t.Length));
        Assert.NotEqual(traces[0], traces[1]);
        Assert.All(runs, l => Assert.Contains("Work=Job helpdesk.send-surveys", l.Scopes, StringComparison.Ordinal));
        Assert.Null(Activity.Current);
    }
}
