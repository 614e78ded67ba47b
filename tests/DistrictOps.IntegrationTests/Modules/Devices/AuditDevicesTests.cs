using System.Net;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Devices;

public sealed class AuditDevicesTests
{
    [Theory]
    [Providers]
    public async Task An_audit_finds_what_is_scanned_lists_the_rest_as_missing_and_closing_stamps_the_scanned_devices(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(4, world.Elementary);
        await world.AddDevicesAsync(1, world.High, first: 5);
        await using (var context = world.Db.OpenContext())
        {
            await context.Set<Device>().Where(d => d.AssetTag == "T-00001" || d.AssetTag == "T-00002").ExecuteUpdateAsync(s => s.SetProperty(d => d.Room, "Library"));
            await context.Set<Device>().Where(d => d.AssetTag == "T-00004").ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeviceStatus.Lost));
        }

        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var (created, audit) = await tech.SendAsync("/api/v1/devices/audits", new { siteId = world.Elementary });
        var id = audit.GetProperty("id").GetInt64();
        var (again, _) = await tech.SendAsync("/api/v1/devices/audits", new { siteId = world.Elementary });
        var (_, room) = await tech.SendAsync("/api/v1/devices/audits", new { siteId = world.Elementary, room = " library " });
        Assert.Equal((HttpStatusCode.Created, 3), (created, audit.GetProperty("expected").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal(2, room.GetProperty("expected").GetInt32());

        var scans = new List<JsonElement>();
        foreach (var code in (string[])["t-00001", "T-00001", "SN-00002", "T-00005", "T-00004"])
        {
            var (status, scan) = await tech.SendAsync($"/api/v1/devices/audits/{id}/scans", new { device = code });
            Assert.True(status == HttpStatusCode.OK, scan.ToString());
            scans.Add(scan);
        }

        Assert.Equal(["Found", "AlreadyScanned", "Found", "Unexpected", "Unexpected"], scans.Select(s => s.GetProperty("outcome").GetString()));
        Assert.Contains("T-00005 is registered at Bayview High.", scans[3].GetProperty("warnings").Strings());
        Assert.Contains(scans[4].GetProperty("warnings").Strings(), w => w.Contains("recorded as lost", StringComparison.Ordinal));
        Assert.Equal((2, 3, 2), (scans[4].GetProperty("progress").GetProperty("found").GetInt32(), scans[4].GetProperty("progress").GetProperty("expected").GetInt32(),
            scans[4].GetProperty("progress").GetProperty("unexpected").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await tech.SendAsync($"/api/v1/devices/audits/{id}/scans", new { device = "NOPE-1" })).Status);
        Assert.Equal(["T-00003"], Tags(await tech.GetJsonAsync($"/api/v1/devices/audits/{id}?list=Missing")));
        Assert.Equal(["T-00004", "T-00005"], Tags(await tech.GetJsonAsync($"/api/v1/devices/audits/{id}?list=unexpected")));

        var (_, closed) = await tech.SendAsync($"/api/v1/devices/audits/{id}/close");
        var (_, closedAgain) = await tech.SendAsync($"/api/v1/devices/audits/{id}/close");
        Assert.Equal((2, 1, 2), (closed.GetProperty("found").GetInt32(), closed.GetProperty("missing").GetInt32(), closed.GetProperty("unexpected").GetInt32()));
        Assert.Equal(closed.GetProperty("closedAt").GetDateTimeOffset(), closedAgain.GetProperty("closedAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Conflict, (await tech.SendAsync($"/api/v1/devices/audits/{id}/scans", new { device = "T-00003" })).Status);

        await using (var context = world.Db.OpenContext())
        {
            var devices = await context.Set<Device>().AsNoTracking().ToDictionaryAsync(d => d.AssetTag);
            var items = await context.Set<AuditItem>().AsNoTracking().Where(i => i.AuditId == id).ToDictionaryAsync(i => i.DeviceId);
            Assert.Equal(items[devices["T-00001"].Id].ScannedAt, devices["T-00001"].LastAuditedAt);
            Assert.NotNull(devices["T-00005"].LastAuditedAt);
            Assert.Null(devices["T-00003"].LastAuditedAt);
            var stored = await context.Set<Audit>().SingleAsync(a => a.Id == id);
            Assert.Equal((2, 1), (stored.FoundCount, stored.MissingCount));
            var audited = await context.Set<DeviceEvent>().Where(e => e.Kind == DeviceEventKind.Audited).Select(e => e.DeviceId).ToListAsync();
            Assert.Equal(new[] { "T-00001", "T-00002", "T-00004", "T-00005" }.Select(t => devices[t].Id).Order(), audited.Order());
        }

        var browser = world.App.Browser();
        await browser.SignInAsync(HelpdeskWorld.SiteTech);
        var csv = await browser.GetAsync($"/devices/audits/{id}?handler=Export");
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("Asset tag,Serial,Model,Status,Room,Holder,Last audited\r\nT-00003,SN-00003,10w Gen 3,in stock,,,\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("T-00001", text, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task A_site_technician_audits_only_their_own_sites_and_scans_into_an_audit_from_the_scan_page(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(1, world.Elementary);
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var highTech = await world.App.ApiClientAsync(HelpdeskWorld.SecondTech);
        var (_, audit) = await tech.SendAsync("/api/v1/devices/audits", new { siteId = world.Elementary });
        var id = audit.GetProperty("id").GetInt64();

        var (refused, problem) = await highTech.SendAsync("/api/v1/devices/audits", new { siteId = world.Elementary });
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Contains("your own sites", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await highTech.GetAsync($"/api/v1/devices/audits/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await highTech.SendAsync($"/api/v1/devices/audits/{id}/scans", new { device = "T-00001" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await highTech.SendAsync($"/api/v1/devices/audits/{id}/close")).Status);
        Assert.Equal(0, (await highTech.GetJsonAsync("/api/v1/devices/audits")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await tech.GetJsonAsync("/api/v1/devices/audits")).GetProperty("total").GetInt32());
        var (bad, invalid) = await tech.SendAsync("/api/v1/devices/audits", new { room = new string('r', 65) });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal(["room", "siteId"], invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        var browser = world.App.Browser();
        await browser.SignInAsync(HelpdeskWorld.SiteTech);
        var scanPage = $"/devices/scan?mode=audit&audit={id}";
        var posted = await browser.PostFormAsync(scanPage, $"/devices/audits/{id}?handler=Scan", new() { ["code"] = "T-00001", ["back"] = "scan" });
        Assert.Equal(scanPage, posted.Headers.Location!.OriginalString);
        var shown = await browser.GetStringAsync(scanPage);
        Assert.Contains("Found T-00001 (10w Gen 3).", shown, StringComparison.Ordinal);
        Assert.Contains("Found 1 of 1 expected; 0 unexpected.", shown, StringComparison.Ordinal);
        await using var context = world.Db.OpenContext();
        Assert.Null(await context.Set<Audit>().Where(a => a.Id == id).Select(a => a.ClosedAt).SingleAsync());
        Assert.NotNull(await context.Set<AuditItem>().Where(i => i.AuditId == id).Select(i => i.ScannedAt).SingleAsync());
    }

    private static List<string> Tags(JsonElement detail) =>
        detail.GetProperty("devices").GetProperty("items").EnumerateArray().Select(d => d.GetProperty("assetTag").GetString()!).ToList();
}
