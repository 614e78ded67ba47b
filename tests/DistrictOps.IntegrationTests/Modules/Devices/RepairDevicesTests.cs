using System.Net;
using System.Net.Http.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using static DistrictOps.IntegrationTests.Modules.Devices.LendLoanersTests;

namespace DistrictOps.IntegrationTests.Modules.Devices;

public sealed class RepairDevicesTests
{
    [Theory]
    [Providers]
    public async Task A_repair_from_a_ticket_takes_its_parts_from_stock_and_gives_the_device_back_to_its_holder_once(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(2, world.Elementary);
        await AssignAsync(world, "T-00001", "s-es-1");
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var ticket = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Cracked screen", description = "A student dropped it.", siteId = world.Elementary, issueTypeId = 3, assetTag = "T-00001" });
        var screen = await manager.PostAsJsonAsync("/api/v1/devices/parts", new { partNumber = "scr-101", name = "Screen 10.1 in", onHand = 2, reorderLevel = 1, unitCostCents = 4_500 });
        Assert.Equal(HttpStatusCode.Created, screen.StatusCode);

        var opened = await tech.PostAsJsonAsync("/api/v1/devices/repairs", new { device = "t-00001", kind = "InHouse", problem = "Cracked screen", ticket });
        var openedAgain = await tech.PostAsJsonAsync("/api/v1/devices/repairs", new { device = "T-00001", kind = "InHouse", problem = "Cracked screen", ticket });
        var another = await tech.PostAsJsonAsync("/api/v1/devices/repairs", new { device = "T-00001", kind = "InHouse", problem = "Battery" });

        var repair = Json(await opened.Content.ReadAsStringAsync());
        var id = repair.GetProperty("id").GetInt64();
        Assert.Equal((HttpStatusCode.Created, "InRepair", "Assigned", ticket), (opened.StatusCode, repair.GetProperty("deviceStatus").GetString(), repair.GetProperty("statusBefore").GetString(), repair.GetProperty("ticketNumber").GetString()));
        Assert.Equal(id, Json(await openedAgain.Content.ReadAsStringAsync()).GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, another.StatusCode);
        Assert.Contains($"already has an open repair, number {id}", await another.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var context = world.Db.OpenContext())
        {
            Assert.Equal(1, await context.Set<RepairOrder>().CountAsync());
            Assert.Equal((await world.TicketAsync(ticket)).Id, (await context.Set<RepairOrder>().SingleAsync()).TicketId);
            Assert.Equal(1, await context.Set<Assignment>().CountAsync(a => a.InAt == null));
            var line = await context.Set<DeviceEvent>().SingleAsync(e => e.Kind == DeviceEventKind.RepairOpened);
            Assert.Equal((DeviceStatus.Assigned, DeviceStatus.InRepair), (line.FromStatus!.Value, line.ToStatus!.Value));
        }

        var tooMany = await tech.PostAsJsonAsync($"/api/v1/devices/repairs/{id}/parts", new { part = "SCR-101", quantity = 3 });
        Assert.Equal(HttpStatusCode.Conflict, tooMany.StatusCode);
        Assert.Contains("Not enough Screen 10.1 in (SCR-101) on hand: 2 in stock, 3 more needed.", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((2, 0), await StockAsync(world, "SCR-101"));
        var two = await tech.PostAsJsonAsync($"/api/v1/devices/repairs/{id}/parts", new { part = "scr-101", quantity = 2 });
        var twoAgain = await tech.PostAsJsonAsync($"/api/v1/devices/repairs/{id}/parts", new { part = "SCR-101", quantity = 2 });
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, (0, 2)), (two.StatusCode, twoAgain.StatusCode, await StockAsync(world, "SCR-101")));
        Assert.Equal(HttpStatusCode.OK, (await tech.PostAsJsonAsync($"/api/v1/devices/repairs/{id}/parts", new { part = "SCR-101", quantity = 1 })).StatusCode);
        Assert.Equal((1, 1), await StockAsync(world, "SCR-101"));
        Assert.Equal(HttpStatusCode.OK, (await tech.PatchAsJsonAsync($"/api/v1/devices/repairs/{id}", new { laborCents = 3_000, status = "WaitingForParts" })).StatusCode);

        var closed = await tech.PostAsJsonAsync($"/api/v1/devices/repairs/{id}/close", new { outcome = "Repaired", resolution = "Replaced the screen." });
        var closedAgain = await tech.PostAsJsonAsync($"/api/v1/devices/repairs/{id}/close", new { outcome = "BeyondRepair", resolution = "Changed my mind." });

        var done = Json(await closed.Content.ReadAsStringAsync());
        Assert.Equal(("Done", "Assigned", 4_500L, 3_000L, 7_500L), (done.GetProperty("status").GetString(), done.GetProperty("deviceStatus").GetString(),
            done.GetProperty("partsCents").GetInt64(), done.GetProperty("laborCents").GetInt64(), done.GetProperty("totalCents").GetInt64()));
        Assert.True(done.GetProperty("turnaroundDays").GetDecimal() >= 0);
        var again = Json(await closedAgain.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.OK, "Done", "Replaced the screen.", done.GetProperty("closedAt").GetString()),
            (closedAgain.StatusCode, again.GetProperty("status").GetString(), again.GetProperty("resolution").GetString(), again.GetProperty("closedAt").GetString()));
        await using (var context = world.Db.OpenContext())
        {
            var device = await context.Set<Device>().SingleAsync(d => d.AssetTag == "T-00001");
            Assert.Equal((DeviceStatus.Assigned, await world.PersonIdAsync("s-es-1")), (device.Status, device.HolderId!.Value));
            Assert.Equal(1, await context.Set<Assignment>().CountAsync(a => a.InAt == null));
            Assert.Equal(1, await context.Set<DeviceEvent>().CountAsync(e => e.Kind == DeviceEventKind.RepairClosed));
        }

        Assert.Equal(HttpStatusCode.Conflict, (await tech.PostAsJsonAsync($"/api/v1/devices/repairs/{id}/parts", new { part = "SCR-101", quantity = 2 })).StatusCode);
        Assert.Equal((1, 1), await StockAsync(world, "SCR-101"));
    }

    [Theory]
    [Providers]
    public async Task Status_follows_the_repair_to_stock_or_retirement_only_along_allowed_moves_and_site_technicians_see_their_sites(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(3, world.Elementary);
        await world.AddDevicesAsync(1, world.High, first: 4);
        await AssignAsync(world, "T-00002", "s-es-2");
        await SetStatusAsync(world, "T-00003", DeviceStatus.Lost);
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var highTech = await world.App.ApiClientAsync(HelpdeskWorld.SecondTech);

        var bad = await tech.PostAsJsonAsync("/api/v1/devices/repairs", new { device = "T-00001", kind = "InHouse", vendorRma = "RMA-1", problem = " " });
        var lost = await tech.PostAsJsonAsync("/api/v1/devices/repairs", new { device = "T-00003", kind = "InHouse", problem = "Found again, broken." });
        var elsewhere = await highTech.PostAsJsonAsync("/api/v1/devices/repairs", new { device = "T-00001", kind = "InHouse", problem = "Broken." });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["problem", "vendorRma"], Json(await bad.Content.ReadAsStringAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Contains("A device that is lost cannot become in repair", await lost.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);

        var vendor = await OpenAsync(tech, new { device = "T-00001", kind = "Vendor", problem = "Will not charge." });
        var atVendorWithoutRma = await tech.PatchAsJsonAsync($"/api/v1/devices/repairs/{vendor}", new { status = "AtVendor" });
        var atVendor = await tech.PatchAsJsonAsync($"/api/v1/devices/repairs/{vendor}", new { status = "AtVendor", vendorRma = "RMA-77", vendorCents = 12_000 });
        var cancelled = await tech.PostAsJsonAsync($"/api/v1/devices/repairs/{vendor}/close", new { outcome = "Cancelled" });
        var beyond = await OpenAsync(tech, new { device = "T-00002", kind = "InHouse", problem = "Water damage." });
        var unsaid = await tech.PostAsJsonAsync($"/api/v1/devices/repairs/{beyond}/close", new { outcome = "BeyondRepair" });
        var retired = await tech.PostAsJsonAsync($"/api/v1/devices/repairs/{beyond}/close", new { outcome = "BeyondRepair", resolution = "Board corroded.", laborCents = 1_500 });
        var highRepair = await OpenAsync(highTech, new { device = "T-00004", kind = "InHouse", problem = "Keyboard keys missing." });

        Assert.Equal(HttpStatusCode.BadRequest, atVendorWithoutRma.StatusCode);
        Assert.Equal(HttpStatusCode.OK, atVendor.StatusCode);
        Assert.Equal(("Cancelled", "InStock", 12_000L), (Json(await cancelled.Content.ReadAsStringAsync()).GetProperty("status").GetString(),
            Json(await cancelled.Content.ReadAsStringAsync()).GetProperty("deviceStatus").GetString(), Json(await cancelled.Content.ReadAsStringAsync()).GetProperty("totalCents").GetInt64()));
        Assert.Equal(HttpStatusCode.BadRequest, unsaid.StatusCode);
        Assert.Equal(("Done", "Retired"), (Json(await retired.Content.ReadAsStringAsync()).GetProperty("status").GetString(), Json(await retired.Content.ReadAsStringAsync()).GetProperty("deviceStatus").GetString()));
        await using (var context = world.Db.OpenContext())
        {
            var assignment = await context.Set<Assignment>().SingleAsync();
            Assert.Equal(Condition.D, assignment.ConditionIn);
            Assert.Null((await context.Set<Device>().SingleAsync(d => d.AssetTag == "T-00002")).HolderId);
            Assert.Equal([DeviceStatus.InRepair, DeviceStatus.Damaged, DeviceStatus.Retired],
                await context.Set<DeviceEvent>().Where(e => e.DeviceId == assignment.DeviceId && e.ToStatus != null && e.Kind != DeviceEventKind.CheckedOut).OrderBy(e => e.Id).Select(e => e.ToStatus!.Value).ToListAsync());
        }

        var mine = Json(await highTech.GetStringAsync("/api/v1/devices/repairs")).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToList();
        var all = Json(await tech.GetStringAsync("/api/v1/devices/repairs")).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToList();
        var vendorOnly = Json(await tech.GetStringAsync("/api/v1/devices/repairs?kind=Vendor&status=Cancelled,Done")).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToList();
        var open = Json(await tech.GetStringAsync($"/api/v1/devices/repairs?status=Open&site={world.High}")).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToList();
        var badFilter = await tech.GetAsync("/api/v1/devices/repairs?status=Broken");
        Assert.Equal([highRepair], mine);
        Assert.Equal([highRepair, beyond, vendor], all);
        Assert.Equal([vendor], vendorOnly);
        Assert.Equal([highRepair], open);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.Equal("status: expected one of Open, WaitingForParts, AtVendor, Done, Cancelled; got 'Broken'.",
            Json(await badFilter.Content.ReadAsStringAsync()).GetProperty("errors").GetProperty("status")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await highTech.GetAsync($"/api/v1/devices/repairs/{vendor}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await highTech.PostAsJsonAsync($"/api/v1/devices/repairs/{vendor}/close", new { outcome = "Cancelled" })).StatusCode);
    }

    [Theory]
    [Providers]
    public async Task The_new_repair_form_takes_the_device_from_the_device_page_and_the_device_and_problem_from_a_ticket(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(1, world.Elementary);
        var ticket = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Keyboard keys missing", description = "Three keys fell off.", siteId = world.Elementary, issueTypeId = 3, assetTag = "t-00001" });
        var browser = world.App.Browser();
        await browser.SignInAsync(HelpdeskWorld.SiteTech);

        var fromDevice = await browser.GetStringAsync("/devices/repairs/new?device=T-00001");
        var fromTicket = await browser.GetStringAsync($"/devices/repairs/new?ticket={ticket}");
        var posted = await browser.PostFormAsync($"/devices/repairs/new?ticket={ticket}", "/devices/repairs/new", new()
        {
            ["Input.Device"] = "T-00001", ["Input.Kind"] = "InHouse", ["Input.Problem"] = "Keyboard keys missing", ["Input.Ticket"] = ticket,
        });
        var unknown = await browser.GetStringAsync("/devices/repairs/new?ticket=BV-999999&device=T-09999");

        Assert.Contains("value=\"T-00001\"", fromDevice, StringComparison.Ordinal);
        Assert.Contains("value=\"T-00001\"", fromTicket, StringComparison.Ordinal);
        Assert.Contains($"value=\"{ticket}\"", fromTicket, StringComparison.Ordinal);
        Assert.Contains(">Keyboard keys missing</textarea>", fromTicket, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await browser.GetStringAsync(posted.Headers.Location!.OriginalString);
        Assert.Contains("is in repair", page, StringComparison.Ordinal);
        Assert.Contains(ticket, page, StringComparison.Ordinal);
        Assert.Contains("There is no ticket BV-999999 that you can see.", unknown, StringComparison.Ordinal);
        Assert.Contains("No device has the tag or serial T-09999.", unknown, StringComparison.Ordinal);
    }

    private static async Task<long> OpenAsync(HttpClient client, object command)
    {
        var response = await client.PostAsJsonAsync("/api/v1/devices/repairs", command);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return Json(body).GetProperty("id").GetInt64();
    }

    private static async Task<(int OnHand, int Used)> StockAsync(HelpdeskWorld world, string partNumber)
    {
        await using var context = world.Db.OpenContext();
        var part = await context.Set<Part>().SingleAsync(p => p.PartNumber == partNumber);
        return (part.OnHand, await context.Set<RepairPart>().Where(p => p.PartId == part.Id).SumAsync(p => p.Quantity));
    }

    /// <summary>Puts the device out with the student, as a check-out leaves it.</summary>
    internal static async Task AssignAsync(HelpdeskWorld world, string tag, string studentSourcedId)
    {
        var studentId = await world.PersonIdAsync(studentSourcedId);
        await using var context = world.Db.OpenContext();
        var device = await context.Set<Device>().SingleAsync(d => d.AssetTag == tag);
        (device.Status, device.HolderKind, device.HolderId, device.HolderName) = (DeviceStatus.Assigned, HolderKind.Student, studentId, "Student " + studentSourcedId);
        context.Add(new Assignment
        {
            DeviceId = device.Id, HolderKind = HolderKind.Student, HolderId = studentId, HolderName = device.HolderName, SiteId = device.SiteId,
            OutAt = TimeProvider.System.GetUtcNow().AddDays(-30), OutByName = "Test",
        });
        await context.SaveChangesAsync();
    }
}
