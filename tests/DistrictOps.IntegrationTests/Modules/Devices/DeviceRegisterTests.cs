using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Modules.Devices.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Devices;

public sealed class DeviceRegisterTests
{
    [Theory]
    [Providers]
    public async Task Check_out_warns_of_a_missing_agreement_never_blocks_and_a_repeat_or_a_second_holder_changes_nothing(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(2, world.Elementary);
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);

        var first = await tech.PostAsJsonAsync("/api/v1/devices/t-00001/check-out", new { personNumber = "S-ES-3", accessories = "Charger, Case" });
        var repeat = await tech.PostAsJsonAsync("/api/v1/devices/T-00001/check-out", new { personNumber = "S-ES-3", accessories = "Charger, Case" });
        var other = await tech.PostAsJsonAsync("/api/v1/devices/T-00001/check-out", new { personNumber = "S-ES-4" });
        var nobody = await tech.PostAsJsonAsync("/api/v1/devices/T-00002/check-out", new { personNumber = "S-XX-9" });
        var guardian = await tech.PostAsJsonAsync("/api/v1/devices/T-00002/check-out", new { personNumber = "G-1" });

        var done = Json(await first.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.OK, "Assigned", "Kid3 Garcia", false), (first.StatusCode, done.GetProperty("status").GetString(), done.GetProperty("holderName").GetString(), done.GetProperty("repeated").GetBoolean()));
        Assert.Contains("No device agreement on file for Kid3 Garcia", done.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        Assert.True(Json(await repeat.Content.ReadAsStringAsync()).GetProperty("repeated").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Contains("already out with Kid3 Garcia", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, guardian.StatusCode);

        var back = Json(await (await tech.PostAsJsonAsync("/api/v1/devices/T-00001/check-in", new { condition = "D", accessories = "Case", notes = "Cracked corner" })).Content.ReadAsStringAsync());
        var backAgain = Json(await (await tech.PostAsJsonAsync("/api/v1/devices/T-00001/check-in", new { condition = "D" })).Content.ReadAsStringAsync());
        Assert.Equal("Damaged", back.GetProperty("status").GetString());
        Assert.Contains("Not returned: Charger.", back.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.True(backAgain.GetProperty("repeated").GetBoolean());

        await using var context = world.Db.OpenContext();
        var assignment = Assert.Single(await context.Set<Assignment>().ToListAsync());
        Assert.Equal((false, Condition.D, Accessories.Charger | Accessories.Case, Accessories.Case), (assignment.AgreementOnFile, assignment.ConditionIn!.Value, assignment.AccessoriesOut, assignment.AccessoriesIn));
        var kinds = await context.Set<DeviceEvent>().OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
        Assert.Equal([DeviceEventKind.CheckedOut, DeviceEventKind.CheckedIn], kinds);
    }

    [Theory]
    [Providers]
    public async Task The_list_is_scoped_to_a_site_technicians_sites_and_shows_a_student_holder_only_to_roles_that_may_see_students(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(3, world.Elementary);
        await world.AddDevicesAsync(2, world.High, first: 100);
        var helpDesk = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);
        Assert.Equal(HttpStatusCode.OK, (await helpDesk.PostAsJsonAsync("/api/v1/devices/T-00002/check-out", new { personNumber = "S-ES-1" })).StatusCode);
        var highTech = await world.App.ApiClientAsync(HelpdeskWorld.SecondTech);
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);

        var highOnly = Json(await highTech.GetStringAsync("/api/v1/devices"));
        var elementaryDevice = await highTech.GetAsync("/api/v1/devices/T-00001");
        var byHolder = Json(await helpDesk.GetStringAsync("/api/v1/devices?q=garcia%20kid1"));
        var managerSees = Json(await manager.GetStringAsync($"/api/v1/devices?site={world.Elementary}&status=Assigned"));
        var badFilter = await manager.GetAsync("/api/v1/devices?status=Borrowed");
        var byTagPrefix = Json(await manager.GetStringAsync("/api/v1/devices?q=t-0010"));
        var bySerialPrefix = Json(await manager.GetStringAsync("/api/v1/devices?q=SN-0000"));
        var byDashOnly = Json(await manager.GetStringAsync("/api/v1/devices?q=T-"));
        var byNoPrefix = Json(await manager.GetStringAsync("/api/v1/devices?q=T-002"));

        Assert.Equal(["T-00100", "T-00101"], Tags(highOnly));
        Assert.Equal(HttpStatusCode.NotFound, elementaryDevice.StatusCode);
        Assert.Equal(["T-00002"], Tags(byHolder));
        Assert.Equal("Kid1 Garcia", byHolder.GetProperty("items")[0].GetProperty("holder").GetString());
        Assert.Equal((1, "A student"), (managerSees.GetProperty("total").GetInt32(), managerSees.GetProperty("items")[0].GetProperty("holder").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.Equal(["T-00100", "T-00101"], Tags(byTagPrefix));
        Assert.Equal(["T-00001", "T-00002", "T-00003"], Tags(bySerialPrefix));
        Assert.Equal(5, byDashOnly.GetProperty("total").GetInt32());
        Assert.Empty(Tags(byNoPrefix));

        var csv = await (await SignedInAsync(world, HelpdeskWorld.HelpDesk)).GetStringAsync($"/devices?site={world.Elementary}&format=csv");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("asset_tag,serial,standard,status,site,room,purchase_order,purchased_on,cost,funding_source,warranty_ends,notes,holder,last_seen", lines[0]);
        Assert.Equal("T-00002,SN-00002,Student tablet 2025,Assigned,org-es-01,,,2025-08-01,350.00,,,,Kid1 Garcia,", lines[2]);
    }

    [Theory]
    [Providers]
    public async Task Registering_checks_every_field_refuses_a_tag_or_serial_in_use_and_a_page_shows_history_and_tickets(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(1, world.Elementary);
        var senior = await world.App.ApiClientAsync(HelpdeskWorld.SeniorTech);
        var device = new { assetTag = "t-20001", serial = "pf3x9k", standard = "student tablet 2025", site = "org-es-01", room = "12", purchasedOn = "2026-08-03", cost = "349.00" };

        var created = await senior.PostAsJsonAsync("/api/v1/devices", device);
        var again = await senior.PostAsJsonAsync("/api/v1/devices", device);
        var clash = await senior.PostAsJsonAsync("/api/v1/devices", device with { assetTag = "T-20002" });
        var invalid = await senior.PostAsJsonAsync("/api/v1/devices", new { assetTag = "T-3", serial = "S-3", standard = "Chromebook", site = "org-xx", purchasedOn = "08/03/2026", cost = "abc", status = "Assigned" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False(Json(await again.Content.ReadAsStringAsync()).GetProperty("changed").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains("The serial PF3X9K is already registered as T-20001", await clash.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var errors = Json(await invalid.Content.ReadAsStringAsync()).GetProperty("errors");
        Assert.Equal(["cost", "purchasedOn", "site", "standard", "status"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("Expected a date as YYYY-MM-DD; got \u201c08/03/2026\u201d", errors.GetProperty("purchasedOn")[0].GetString(), StringComparison.Ordinal);

        var stale = await senior.PutAsJsonAsync("/api/v1/devices/T-20001", new { fields = device with { room = "14" }, version = 0 });
        var moved = await senior.PutAsJsonAsync("/api/v1/devices/T-20001", new { fields = device with { room = "14" }, version = 1 });
        var retired = await senior.PostAsJsonAsync("/api/v1/devices/T-20001/status", new { status = "Retired", reason = "Screen beyond repair" });
        var back = await senior.PostAsJsonAsync("/api/v1/devices/T-20001/status", new { status = "InStock", reason = "Oops" });
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Tablet screen cracked", description = "Dropped.", siteId = world.Elementary, issueTypeId = 3, assetTag = "t-20001" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, back.StatusCode);
        Assert.Contains("A device that is retired cannot become in stock; it can become disposed.", await back.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = Json(await (await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk)).GetStringAsync("/api/v1/devices/T-20001"));
        Assert.Equal(["StatusChanged", "Edited", "Added"], page.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()!).ToArray());
        Assert.Equal(number, page.GetProperty("tickets")[0].GetProperty("number").GetString());
        Assert.Equal(["Disposed"], page.GetProperty("moves").EnumerateArray().Select(m => m.GetString()!).ToArray());
        var html = await (await SignedInAsync(world, HelpdeskWorld.HelpDesk)).GetStringAsync("/devices/T-20001");
        Assert.Contains("Screen beyond repair", html, StringComparison.Ordinal);
        Assert.Contains($"/helpdesk/tickets/{number}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/devices/register/T-20001", html, StringComparison.Ordinal);
        var seniorPages = await SignedInAsync(world, HelpdeskWorld.SeniorTech);
        Assert.Contains("href=\"/devices/register/T-20001\"", await seniorPages.GetStringAsync("/devices/T-20001"), StringComparison.Ordinal);
        var form = await seniorPages.GetAsync("/devices/register/T-20001");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("value=\"PF3X9K\"", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpClient> SignedInAsync(HelpdeskWorld world, string email)
    {
        var browser = world.App.Browser();
        await browser.SignInAsync(email);
        return browser;
    }

    private static string[] Tags(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("assetTag").GetString()!).ToArray();

    private static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;
}
