using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
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

    private static async Task<List<string?>> RolesAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("roles").EnumerateArray().Select(r => r.GetString())];
}
