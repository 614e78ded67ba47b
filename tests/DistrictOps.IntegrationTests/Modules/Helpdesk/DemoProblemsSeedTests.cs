using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

public sealed class DemoProblemsSeedTests
{
    [Theory]
    [Providers]
    public async Task The_demo_gets_device_models_one_schools_ipads_as_a_recurring_issue_and_a_known_error_and_a_second_run_changes_nothing(DatabaseProvider provider)
    {
        await using var db = await DemoWorld.CopyAsync(provider);
        await using var app = DemoWorld.Start(db);
        await using var scope = app.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var device = new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
        var tickets = await context.Set<Ticket>().AsNoTracking().Select(t => new { t.Id, t.IssueTypeId, t.DeviceModel, t.ProblemId }).ToListAsync();
        Assert.All(tickets.Where(t => device.Contains(t.IssueTypeId)), t => Assert.NotNull(t.DeviceModel));
        Assert.All(tickets.Where(t => !device.Contains(t.IssueTypeId)), t => Assert.Null(t.DeviceModel));

        var problem = await context.Set<Problem>().AsNoTracking().SingleAsync();
        Assert.Equal((ProblemStatus.KnownError, 9), (problem.Status, problem.IssueTypeId));
        Assert.False(string.IsNullOrWhiteSpace(problem.RootCause));
        Assert.False(string.IsNullOrWhiteSpace(problem.Workaround));
        var linked = tickets.Where(t => t.ProblemId == problem.Id).Select(t => t.Id).Order().ToList();
        Assert.NotEmpty(linked);
        Assert.Equal(linked, (await context.Set<TicketEvent>().Where(e => e.Kind == TicketEventKind.ProblemLinked).Select(e => e.TicketId).ToListAsync()).Order());

        var report = await (await app.ApiClientAsync("it.manager@bayview.example")).GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/reports/recurring-issues");
        var school = await context.Set<Ticket>().Where(t => t.Title == "iPad keeps dropping off the wireless").Select(t => t.SiteId).Distinct().SingleAsync();
        var iPads = report.GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("deviceModel").GetString() == "iPad (9th generation)" && c.GetProperty("issueTypeId").GetInt32() == 3 && c.GetProperty("siteId").GetGuid() == school);
        Assert.InRange(iPads.GetProperty("tickets").GetInt32(), 3, 20);
        Assert.Equal(JsonValueKind.Null, iPads.GetProperty("openProblemId").ValueKind);
        Assert.Contains(report.GetProperty("items").EnumerateArray(), c => c.GetProperty("issueTypeId").GetInt32() == 9 && c.GetProperty("openProblemId").GetInt64() == problem.Id);

        var seed = scope.ServiceProvider.GetServices<IDemoSeed>().Single(s => s.Order == 23);
        await seed.SeedAsync(CancellationToken.None);
        Assert.Equal(1, await context.Set<Problem>().CountAsync());
        Assert.Equal(linked.Count, await context.Set<TicketEvent>().CountAsync(e => e.Kind == TicketEventKind.ProblemLinked));
    }
}
