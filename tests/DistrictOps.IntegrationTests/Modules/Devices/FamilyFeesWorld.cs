using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Users;
using DistrictOps.Web.Modules.Users.AddUser;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Modules.Devices;

/// <summary>
/// Incidents, fees and families on the devices world: devices checked out through the custody kernel, reports through the
/// API, and parent accounts. Rosa Garcia (g-1) is guardian of Kid1 and Kid2 Garcia (s-es-1, s-es-2) at the elementary
/// school; Minh Tran (g-2) of Teen1 Tran (s-hs-1) at the high school. The IT manager keeps fees but may not see student
/// names; the district administrator may do both.
/// </summary>
internal static class FamilyFeesWorld
{
    public const string Rosa = "rosa.garcia@family.example";
    public const string Minh = "minh.tran@family.example";
    public const string Admin = "admin@bayview.example";

    public static string Day(int daysFromToday) =>
        DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().AddDays(daysFromToday).UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static object Lost(string tag, string description = "Left on the bus.") => new { device = tag, kind = "Lost", occurredOn = Day(-1), description };

    public static object Damaged(string tag, string cause, string description = "Screen cracked.") => new { device = tag, kind = "Damaged", cause, occurredOn = Day(-1), description };

    public static object Stolen(string tag) => new { device = tag, kind = "Stolen", policeReport = "BPD-2026-118", occurredOn = Day(-2), description = "Taken from a backpack." };

    /// <summary>Checks the device out to a student through <see cref="Custody"/>, as the help desk; returns what custody answered.</summary>
    public static async Task<CustodyDone> CheckOutAsync(this HelpdeskWorld world, string tag, string studentSourcedId, Accessories accessories = Accessories.Charger | Accessories.Case)
    {
        var student = await world.PersonIdAsync(studentSourcedId);
        await using var scope = world.App.Services.CreateAsyncScope();
        var done = await scope.ServiceProvider.GetRequiredService<Custody>().CheckOutAsync(new CheckOut(tag, PersonId: student, Accessories: accessories), HelpDesk(world), default);
        Assert.True(done.Succeeded, done.Failure?.Message);
        return done.Value;
    }

    /// <summary>Checks the device in through <see cref="Custody"/>, as the help desk, in the given condition.</summary>
    public static async Task CheckInAsync(this HelpdeskWorld world, string tag, Condition condition)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        var done = await scope.ServiceProvider.GetRequiredService<Custody>().CheckInAsync(new CheckIn(tag, condition), HelpDesk(world), default);
        Assert.True(done.Succeeded, done.Failure?.Message);
    }

    /// <summary>Reports an incident through the API (as the help desk unless said otherwise) and returns its JSON; asserts it was recorded.</summary>
    public static async Task<JsonElement> ReportAsync(this HelpdeskWorld world, object report, string email = HelpdeskWorld.HelpDesk)
    {
        var client = await world.App.ApiClientAsync(email);
        var response = await client.PostAsJsonAsync("/api/v1/devices/incidents", report);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The IT manager decides who is responsible; asserts it was recorded.</summary>
    public static async Task<JsonElement> DecideAsync(this HelpdeskWorld world, long incident, string responsibility, string reason = "Decided after talking with the family.")
    {
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        var response = await manager.PostAsJsonAsync($"/api/v1/devices/incidents/{incident}/decision", new { responsibility, reason });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>A parent's account linked to the guardian with this source id (g-1, g-2), as the Users module adds one.</summary>
    public static async Task AddParentAsync(this HelpdeskWorld world, string email, string name, string guardianSourcedId)
    {
        var guardian = await world.PersonIdAsync(guardianSourcedId);
        await using var scope = world.App.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<AddUserHandler>()
            .HandleAsync(new AddUserCommand(email, name, [Roles.Parent], [], DistrictOpsFactory.DemoPassword), Actor.Operator);
        Assert.True(added.Succeeded, added.Failure?.Message);
        Assert.True(await scope.ServiceProvider.GetRequiredService<IUserDirectory>().LinkPersonAsync(added.Value.UserId, guardian));
        world.Users[email] = added.Value.UserId;
    }

    /// <summary>A browser session signed in as <paramref name="email"/>.</summary>
    public static async Task<HttpClient> SignedInAsync(this HelpdeskWorld world, string email)
    {
        var browser = world.App.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email)).StatusCode);
        return browser;
    }

    public static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static DeviceUser HelpDesk(HelpdeskWorld world)
    {
        var id = world.Users[HelpdeskWorld.HelpDesk];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id.ToString()), new Claim(ClaimTypes.Role, Roles.HelpDesk)], "test"));
        return new DeviceUser(id, "Amy Chen", new DeviceScope(null), new DirectoryReader(principal, "/tests/check-out"));
    }
}
