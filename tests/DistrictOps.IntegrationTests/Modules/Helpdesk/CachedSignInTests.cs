using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

/// <summary>
/// A token's sign-in and a viewer's teams are held in memory (ADR 0022); each token here is used once before the change,
/// so the change must reach the copy the app already holds, on the very next request.
/// </summary>
public sealed class CachedSignInTests
{
    [Theory]
    [Providers]
    public async Task A_token_used_before_its_role_is_removed_or_its_account_disabled_acts_with_the_change_at_once(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var admin = await world.App.ApiClientAsync("admin@bayview.example");
        var token = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);
        var id = world.Users[HelpdeskWorld.HelpDesk];
        Assert.Contains("HelpDesk", await RolesAsync(token));

        (await admin.DeleteAsync($"/api/v1/users/{id}/roles/HelpDesk")).EnsureSuccessStatusCode();
        Assert.DoesNotContain("HelpDesk", await RolesAsync(token));

        (await admin.PostAsync($"/api/v1/users/{id}/disable", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me")).StatusCode);

        (await admin.PostAsync($"/api/v1/users/{id}/enable", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory]
    [Providers]
    public async Task A_technician_taken_off_a_team_stops_seeing_its_tickets_at_once(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var ticket = await world.TicketAsync(number);
        // Sam covers only the high school: the elementary school's ticket reaches him through his team alone.
        Assert.Equal((world.Elementary, HelpdeskDefaults.SiteTechnicianTeam), (ticket.SiteId, ticket.TeamId));
        var sam = await world.App.ApiClientAsync(HelpdeskWorld.SecondTech);
        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync($"/api/v1/helpdesk/tickets/{number}")).StatusCode);

        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var samId = world.Users[HelpdeskWorld.SecondTech];
            await db.Set<TeamMember>().Where(m => m.UserId == samId && m.TeamId == HelpdeskDefaults.SiteTechnicianTeam).ExecuteDeleteAsync();
        }

        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync($"/api/v1/helpdesk/tickets/{number}")).StatusCode);
    }

    [Theory]
    [Providers]
    public async Task A_new_ticket_goes_to_the_technician_the_coverage_names_now_after_a_removal_a_bulk_load_or_a_leaver(DatabaseProvider provider)
    {
        // The site's technicians are held in memory (ADR 0027); the first ticket fills the copy.
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        Assert.Equal(world.Users[HelpdeskWorld.SiteTech], (await world.TicketAsync(await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet()))).AssigneeUserId);
        Guid sam;
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            sam = await db.Set<Person>().Where(p => p.EmployeeId == "E902").Select(p => p.Id).SingleAsync();
            await db.Set<TechnicianCoverage>().Where(c => c.SiteId == world.Elementary).ExecuteDeleteAsync();
        }

        Assert.Null((await world.TicketAsync(await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet()))).AssigneeUserId);

        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            // A bulk load writes beside EF's commands (COPY on PostgreSQL): it must move the copy all the same.
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().InsertAsync([new TechnicianCoverage { PersonId = sam, SiteId = world.Elementary, Share = 1m }]);
        }

        Assert.Equal(world.Users[HelpdeskWorld.SecondTech], (await world.TicketAsync(await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet()))).AssigneeUserId);

        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<Person>().Where(p => p.Id == sam).ExecuteUpdateAsync(p => p.SetProperty(x => x.LeftAt, TimeProvider.System.GetUtcNow()));
        }

        Assert.Null((await world.TicketAsync(await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet()))).AssigneeUserId);
    }

    private static async Task<List<string?>> RolesAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("roles").EnumerateArray().Select(r => r.GetString())];
}
