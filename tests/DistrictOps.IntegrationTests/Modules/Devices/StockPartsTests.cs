using System.Net;
using System.Net.Http.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using static DistrictOps.IntegrationTests.Modules.Devices.LendLoanersTests;

namespace DistrictOps.IntegrationTests.Modules.Devices;

public sealed class StockPartsTests
{
    [Theory]
    [Providers]
    public async Task Managers_add_parts_and_receive_stock_once_and_the_reorder_filter_lists_what_is_at_or_below_its_level(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var battery = await AddAsync(manager, new { partNumber = "bat-10w", name = "Battery", onHand = 3, reorderLevel = 3, unitCostCents = 3_900 });
        await AddAsync(manager, new { partNumber = "KBD-10W", name = "Keyboard", onHand = 12, reorderLevel = 4, unitCostCents = 2_500 });
        await AddAsync(manager, new { partNumber = "CHG-45", name = "Charger", onHand = 0, reorderLevel = 5, unitCostCents = 1_900 });

        var same = await manager.PostAsJsonAsync("/api/v1/devices/parts", new { partNumber = "BAT-10W", name = "Battery", onHand = 3, reorderLevel = 3, unitCostCents = 3_900 });
        var clash = await manager.PostAsJsonAsync("/api/v1/devices/parts", new { partNumber = "BAT-10W", name = "Another battery" });
        var bad = await manager.PostAsJsonAsync("/api/v1/devices/parts", new { partNumber = "", name = "X", reorderLevel = -1, unitCostCents = -5 });
        var byTech = await tech.PostAsJsonAsync("/api/v1/devices/parts", new { partNumber = "SCR-1", name = "Screen" });
        var low = Json(await tech.GetStringAsync("/api/v1/devices/parts?below=true")).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("partNumber").GetString()).ToList();
        var found = Json(await tech.GetStringAsync("/api/v1/devices/parts?q=keyb")).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("partNumber").GetString()).ToList();

        Assert.Equal((HttpStatusCode.Created, battery), (same.StatusCode, Json(await same.Content.ReadAsStringAsync()).GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Equal(["partNumber", "reorderLevel", "unitCostCents"], Json(await bad.Content.ReadAsStringAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, byTech.StatusCode);
        Assert.Equal(["BAT-10W", "CHG-45"], low);
        Assert.Equal(["KBD-10W"], found);

        var received = await manager.PostAsJsonAsync($"/api/v1/devices/parts/{battery}/receive", new { quantity = 10, onHandBefore = 3 });
        var retried = await manager.PostAsJsonAsync($"/api/v1/devices/parts/{battery}/receive", new { quantity = 10, onHandBefore = 3 });
        var more = await manager.PostAsJsonAsync($"/api/v1/devices/parts/{battery}/receive", new { quantity = 2 });
        var none = await manager.PostAsJsonAsync($"/api/v1/devices/parts/{battery}/receive", new { quantity = 0 });
        var recount = await manager.PutAsJsonAsync($"/api/v1/devices/parts/{battery}", new { partNumber = "BAT-10W", name = "Battery 10 in", reorderLevel = 20, unitCostCents = 4_100, onHand = 99 });
        var edited = await manager.PutAsJsonAsync($"/api/v1/devices/parts/{battery}", new { partNumber = "BAT-10W", name = "Battery 10 in", reorderLevel = 20, unitCostCents = 4_100 });

        Assert.Equal(13, Json(await received.Content.ReadAsStringAsync()).GetProperty("onHand").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, retried.StatusCode);
        Assert.Contains("On hand is now 13, not the 3 you saw", await retried.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(15, Json(await more.Content.ReadAsStringAsync()).GetProperty("onHand").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, recount.StatusCode);
        var part = Json(await edited.Content.ReadAsStringAsync());
        Assert.Equal(("Battery 10 in", 15, 20, true), (part.GetProperty("name").GetString(), part.GetProperty("onHand").GetInt32(), part.GetProperty("reorderLevel").GetInt32(), part.GetProperty("low").GetBoolean()));
        await using var context = world.Db.OpenContext();
        Assert.Equal(3, await context.Set<Part>().CountAsync());
    }

    private static async Task<Guid> AddAsync(HttpClient manager, object part)
    {
        var response = await manager.PostAsJsonAsync("/api/v1/devices/parts", part);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return Json(body).GetProperty("id").GetGuid();
    }
}
