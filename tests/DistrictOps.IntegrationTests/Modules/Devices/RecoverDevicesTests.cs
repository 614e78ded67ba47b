using System.Net;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Devices;

public sealed class RecoverDevicesTests
{
    [Theory]
    [Providers]
    public async Task Devices_still_held_by_people_who_left_are_listed_most_recent_leaver_first(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(4, world.Elementary);
        await world.ScanOutAsync(HelpdeskWorld.SiteTech, "S-ES-1", "T-00001");
        await world.ScanOutAsync(HelpdeskWorld.SiteTech, "E001", "T-00002");
        await world.ScanOutAsync(HelpdeskWorld.SiteTech, "S-ES-2", "T-00003");
        await world.ScanOutAsync(HelpdeskWorld.SiteTech, "S-ES-3", "T-00004");
        var now = TimeProvider.System.GetUtcNow();
        await using (var context = world.Db.OpenContext())
        {
            await context.Set<Person>().Where(p => p.SourcedId == "s-es-1").ExecuteUpdateAsync(s => s.SetProperty(p => p.LeftAt, now.AddDays(-5)));
            await context.Set<Person>().Where(p => p.SourcedId == "t-es").ExecuteUpdateAsync(s => s.SetProperty(p => p.LeftAt, now.AddDays(-20)));
            await context.Set<Person>().Where(p => p.SourcedId == "s-es-3").ExecuteUpdateAsync(s => s.SetProperty(p => p.LeftAt, now.AddDays(-400)));
        }

        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var listed = await tech.GetJsonAsync("/api/v1/devices/to-recover");
        Assert.Equal([("T-00001", "Kid1 Garcia", "Student"), ("T-00002", "Maria Lopez", "Teacher")], Rows(listed));
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        Assert.Equal([("T-00001", "A student", "Student"), ("T-00002", "Maria Lopez", "Teacher")], Rows(await manager.GetJsonAsync("/api/v1/devices/to-recover")));
        var highTech = await world.App.ApiClientAsync(HelpdeskWorld.SecondTech);
        Assert.Equal(0, (await highTech.GetJsonAsync("/api/v1/devices/to-recover")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await tech.GetJsonAsync($"/api/v1/devices/to-recover?siteId={world.High}")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await tech.GetAsync("/api/v1/devices/to-recover?siteId=nope")).StatusCode);

        var browser = world.App.Browser();
        await browser.SignInAsync(HelpdeskWorld.SiteTech);
        var page = await browser.GetStringAsync("/devices/recover");
        Assert.Contains("<a href=\"/devices/T-00001\">T-00001</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("T-00003", page, StringComparison.Ordinal);
    }

    private static List<(string?, string?, string?)> Rows(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(r => (r.GetProperty("assetTag").GetString(), r.GetProperty("holder").GetString(), r.GetProperty("holderKind").GetString())).ToList();
}
