using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Platform;

public sealed class JobsTests
{
    private const string Manager = "it.manager@bayview.example";
    private const string Teacher = "teacher@bayview.example";

    [Theory]
    [Providers]
    public async Task Managers_see_the_jobs_and_run_one_now_from_the_page_the_api_and_the_cli(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        _ = app.Services.GetRequiredService<JobRunner>();

        var browser = app.Browser();
        await browser.SignInAsync(Manager);
        var page = await browser.GetStringAsync("/admin/jobs");
        foreach (var job in new[] { "helpdesk.pending-reminder", "helpdesk.auto-close-pending", "helpdesk.close-solved", "helpdesk.send-surveys", "helpdesk.service-levels" })
        {
            Assert.Contains($"<code>{job}</code>", page, StringComparison.Ordinal);
        }

        Assert.Contains("No job has run yet", page, StringComparison.Ordinal);
        var ran = await browser.PostFormAsync("/admin/jobs", "/admin/jobs?handler=Run", new() { ["name"] = "helpdesk.close-solved" });
        Assert.Equal(HttpStatusCode.Redirect, ran.StatusCode);
        var after = await browser.GetStringAsync("/admin/jobs");
        Assert.Contains("helpdesk.close-solved ran: Succeeded, 0 changed.", after, StringComparison.Ordinal);
        Assert.Contains("<td>Marcus Lee</td>", after, StringComparison.Ordinal);

        var api = await app.ApiClientAsync(Manager);
        var jobs = JsonDocument.Parse(await api.GetStringAsync("/api/v1/jobs")).RootElement;
        var closeSolved = jobs.EnumerateArray().Single(j => j.GetProperty("name").GetString() == "helpdesk.close-solved");
        Assert.Equal("Succeeded", closeSolved.GetProperty("lastRun").GetProperty("outcome").GetString());
        var run = await api.PostAsync("/api/v1/jobs/helpdesk.send-surveys/run", null);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var logged = await run.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Succeeded", 0), (logged.GetProperty("outcome").GetString(), logged.GetProperty("changed").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("/api/v1/jobs/helpdesk.nothing/run", null)).StatusCode);
        var runs = JsonDocument.Parse(await api.GetStringAsync("/api/v1/jobs/runs?job=helpdesk.send-surveys")).RootElement;
        Assert.Equal(1, runs.GetProperty("total").GetInt32());

        var teacherApi = await app.ApiClientAsync(Teacher);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacherApi.GetAsync("/api/v1/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacherApi.PostAsync("/api/v1/jobs/helpdesk.close-solved/run", null)).StatusCode);
        var teacher = app.Browser();
        await teacher.SignInAsync(Teacher);
        var refused = await teacher.GetAsync("/admin/jobs");
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, refused.StatusCode.ToString());
        Assert.DoesNotContain("/admin/jobs", await teacher.GetStringAsync("/"), StringComparison.Ordinal);

        var list = await CliRunner.RunAsync(db, "jobs", "list");
        Assert.Equal(0, list.Code);
        Assert.Contains("helpdesk.send-surveys\tevery 00:15:00\tlast run", list.Out, StringComparison.Ordinal);
        Assert.Matches(@"last run \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} America/Los_Angeles: ", list.Out);
        Assert.Contains("12 job(s)", list.Out, StringComparison.Ordinal);
        Assert.Contains("rostering.deliver\tevery 00:05:00", list.Out, StringComparison.Ordinal);
        Assert.Contains("rostering.prune-api-tokens\tevery 1.00:00:00", list.Out, StringComparison.Ordinal);
        var cliRun = await CliRunner.RunAsync(db, "jobs", "run", "helpdesk.pending-reminder");
        Assert.Equal(0, cliRun.Code);
        Assert.Contains("helpdesk.pending-reminder: Succeeded, 0 changed.", cliRun.Out, StringComparison.Ordinal);
        var unknown = await CliRunner.RunAsync(db, "jobs", "run", "helpdesk.nothing");
        Assert.Equal(1, unknown.Code);
        Assert.Contains("error: name: No job is named 'helpdesk.nothing'", unknown.Error, StringComparison.Ordinal);

        await using var context = db.OpenContext();
        var triggers = await context.Set<JobRun>().OrderBy(r => r.Id).Select(r => r.TriggeredBy).ToListAsync();
        Assert.Equal(3, triggers.Count);
        Assert.Equal(["Marcus Lee", "Marcus Lee"], triggers[..2]);
        Assert.StartsWith("cli:", triggers[^1], StringComparison.Ordinal);
    }
}
