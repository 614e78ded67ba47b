using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

public sealed class RoutingRulesTests
{
    [Theory]
    [Providers]
    public async Task The_simulator_shows_which_rules_fire_and_who_would_get_it_without_moving_the_round_robin(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        var sample = new { siteId = world.High, issueTypeId = 5, impact = "District", urgency = "High" };

        var first = await manager.PostAsJsonAsync("/api/v1/helpdesk/routing-rules/simulate", sample);
        var second = await (await manager.PostAsJsonAsync("/api/v1/helpdesk/routing-rules/simulate", sample)).Content.ReadFromJsonAsync<JsonElement>();

        var result = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Site technicians", "Luis Ortega", 1), (result.GetProperty("team").GetString(), result.GetProperty("assignee").GetString(), result.GetProperty("priority").GetInt32()));
        Assert.Equal([1, 2, 5], result.GetProperty("fired").EnumerateArray().Select(f => f.GetProperty("ruleId").GetInt32()));
        Assert.Equal(["outage"], result.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Luis Ortega", second.GetProperty("assignee").GetString());
        var page = world.App.Browser();
        await page.SignInAsync(HelpdeskWorld.Manager);
        var html = await page.GetStringAsync($"/helpdesk/routing?Simulate.SiteId={world.High}&Simulate.IssueTypeId=5");
        Assert.Contains("Devices, printing and classroom AV at a school go to its technician", html, StringComparison.Ordinal);
        Assert.Contains("Site technicians — Luis Ortega", html, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task A_new_rule_routes_the_next_ticket_and_an_expired_or_disabled_one_does_not(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        var rule = new { order = 25, name = "Illuminate at the high school to senior techs", siteIds = new[] { world.High }, issueTypeIds = new[] { 31 }, setTeamId = HelpdeskDefaults.SeniorTechnicianTeam, addTags = new[] { "Illuminate" } };

        var created = await manager.PostAsJsonAsync("/api/v1/helpdesk/routing-rules", rule);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var routed = await world.TicketAsync(await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Illuminate down", description = "Grades won't load.", siteId = world.High, issueTypeId = 31 }));
        Assert.Equal((HelpdeskDefaults.SeniorTechnicianTeam, "illuminate"), (routed.TeamId, routed.Tags));

        var disabled = await manager.PutAsJsonAsync($"/api/v1/helpdesk/routing-rules/{id}", new { order = 25, name = "Illuminate at the high school to senior techs", enabled = false, siteIds = new[] { world.High }, issueTypeIds = new[] { 31 }, setTeamId = HelpdeskDefaults.SeniorTechnicianTeam });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        var notRouted = await world.TicketAsync(await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Illuminate down again", description = "Same.", siteId = world.High, issueTypeId = 31 }));
        Assert.Equal(HelpdeskDefaults.HelpDeskTeam, notRouted.TeamId);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/helpdesk/routing-rules/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.DeleteAsync($"/api/v1/helpdesk/routing-rules/{id}")).StatusCode);
        var gone = await manager.PutAsJsonAsync($"/api/v1/helpdesk/routing-rules/{id}", rule);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains($"There is no routing rule {id}.", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task An_invalid_rule_names_each_field_and_saves_nothing_and_only_managers_may_edit(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);

        var response = await manager.PostAsJsonAsync("/api/v1/helpdesk/routing-rules", new
        {
            order = 1, name = "", siteTypes = new[] { "Castle" }, issueTypeIds = new[] { 999 }, channels = new[] { "Pigeon" }, priorities = new[] { 9 }, requesterRoles = new[] { "wizard" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["actions", "channels", "issueTypeIds", "name", "priorities", "requesterRoles", "siteTypes"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        await using var context = world.Db.OpenContext();
        Assert.Equal(5, await context.Set<RoutingRule>().CountAsync());
        var technician = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        Assert.Equal(HttpStatusCode.Forbidden, (await technician.GetAsync("/api/v1/helpdesk/routing-rules")).StatusCode);
    }
}
