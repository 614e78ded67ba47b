using System.Net;
using System.Text;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Devices;

public sealed class ImportDevicesTests
{
    [Theory]
    [Providers]
    public async Task A_file_with_problems_names_each_by_line_and_column_and_applies_nothing_then_a_good_one_applies_once(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(1, world.Elementary);
        var senior = await world.App.ApiClientAsync(HelpdeskWorld.SeniorTech);
        var bad = """
            asset_tag,serial,standard,site,purchased_on,cost,notes
            T-10001,SN-10001,Student tablet 2025,org-es-01,2026-08-03,349.00,"two
            lines"
            T-10002,SN-10002,Chromebook 9,org-es-01,08/03/2026,349.00,
            T-10001,SN-10003,Student tablet 2025,org-hs-01,2026-08-03,abc,
            T-10004,SN-00001,Student tablet 2025,org-hs-01,,,
            """;

        var plan = await PostAsync(senior, bad, apply: true);

        Assert.Equal(HttpStatusCode.BadRequest, plan.Status);
        var checkedOnly = await PostAsync(senior, bad, apply: false);
        var errors = checkedOnly.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(
        [
            "devices.csv:4:3 (standard): Expected an approved or retired standard; there is none called \u201cChromebook 9\u201d (for example Student tablet 2025).",
            "devices.csv:4:5 (purchased_on): Expected a date as YYYY-MM-DD; got \u201c08/03/2026\u201d.",
            "devices.csv:5:1 (asset_tag): The asset tag T-10001 is also on line 2.",
            "devices.csv:5:6 (cost): Expected an amount in dollars such as 349.00; got \u201cabc\u201d.",
            "devices.csv:6:2 (serial): The serial SN-00001 is registered as T-00001; correct the tag or the serial.",
        ], errors);
        await using (var context = world.Db.OpenContext())
        {
            Assert.Equal(1, await context.Set<Device>().CountAsync());
        }

        var good = "Asset Tag,Serial Number,Standard,Site,Room,Status\r\nt-10001,sn-10001,student tablet 2025,Harbor View Elementary,12,\r\nT-10002,SN-10002,Student tablet 2025,org-hs-01,,Retired\r\n";
        var applied = await PostAsync(senior, good, apply: true);
        var again = await PostAsync(senior, good, apply: true);

        Assert.Equal((HttpStatusCode.OK, true, 2), (applied.Status, applied.Json.GetProperty("applied").GetBoolean(), applied.Json.GetProperty("add").GetInt32()));
        Assert.Equal((false, 0, 0, 2), (again.Json.GetProperty("applied").GetBoolean(), again.Json.GetProperty("add").GetInt32(), again.Json.GetProperty("change").GetInt32(), again.Json.GetProperty("unchanged").GetInt32()));
        await using (var context = world.Db.OpenContext())
        {
            var added = await context.Set<Device>().Where(d => d.AssetTag != "T-00001").OrderBy(d => d.AssetTag).ToListAsync();
            Assert.Equal([("T-10001", "SN-10001", DeviceStatus.InStock, world.Elementary, "12"), ("T-10002", "SN-10002", DeviceStatus.Retired, world.High, null)],
                added.Select(d => (d.AssetTag, d.Serial, d.Status, d.SiteId!.Value, d.Room)).ToList());
            Assert.Equal(2, await context.Set<DeviceEvent>().CountAsync(e => e.Kind == DeviceEventKind.Imported));
        }

        var browser = world.App.Browser();
        await browser.SignInAsync(HelpdeskWorld.SeniorTech);
        Assert.Equal(HttpStatusCode.OK, (await senior.PostAsync("/api/v1/devices/T-10001/check-out", JsonBody(new { room = "12" }))).StatusCode);
        var export = await browser.GetStringAsync("/devices?format=csv");
        var reimport = await PostAsync(senior, export.TrimStart('\uFEFF'), apply: false);
        Assert.Equal((0, 0, 0, 3), (reimport.Json.GetProperty("errorCount").GetInt32(), reimport.Json.GetProperty("add").GetInt32(), reimport.Json.GetProperty("change").GetInt32(), reimport.Json.GetProperty("unchanged").GetInt32()));
    }

    [Theory]
    [Providers]
    public async Task A_device_management_export_updates_last_check_in_by_serial_lists_unknown_serials_and_feeds_the_not_seen_filter(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(3, world.Elementary);
        var senior = await world.App.ApiClientAsync(HelpdeskWorld.SeniorTech);
        var export = """
            Device ID,Device name,Enrollment date,Last check-in,OS version,Serial number,Manufacturer,Model,Compliance,Managed by,OS
            a1,HV-T-00001,2025-08-02 10:00:00.0000000,2026-12-05 13:22:10.0000000,10.0.22631.4602,SN-00001,LENOVO,10w,Compliant,Intune,Windows
            a2,HV-T-00002,2025-08-02 10:00:00.0000000,2026-09-01 08:00:00.0000000,10.0.22631.4037,SN-00002,LENOVO,10w,Noncompliant,Intune,Windows
            a3,HV-T-00002,2025-08-02 10:00:00.0000000,2026-08-01 08:00:00.0000000,10.0.22631.4037,SN-00002,LENOVO,10w,Noncompliant,Intune,Windows
            a4,LOST-1,2025-08-02 10:00:00.0000000,2026-12-01 08:00:00.0000000,10.0.22631.4602,SN-99999,LENOVO,10w,Compliant,Intune,Windows
            a5,BROKEN,2025-08-02 10:00:00.0000000,yesterday,10.0.22631.4602,SN-00003,LENOVO,10w,Compliant,Intune,Windows
            """;

        var refused = await PostAsync(senior, export, apply: true, kind: "Inventory");
        var fixedExport = export.Replace("yesterday", "12/4/2026 3:05:00 PM", StringComparison.Ordinal);
        var applied = await PostAsync(senior, fixedExport, apply: true, kind: "Inventory");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("devices.csv:6:4 (last_check_in)", refused.Json.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal((true, 3), (applied.Json.GetProperty("applied").GetBoolean(), applied.Json.GetProperty("change").GetInt32()));
        var notes = applied.Json.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.Contains("1 serials are not in the register (or not at your sites): SN-99999.", notes);
        Assert.Contains("1 rows repeat a serial; the latest check-in of each was kept.", notes);
        await using (var context = world.Db.OpenContext())
        {
            var second = await context.Set<Device>().SingleAsync(d => d.Serial == "SN-00002");
            Assert.Equal((new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero), "Noncompliant", "10.0.22631.4037"), (second.LastSeenAt!.Value, second.Compliance, second.OsVersion));
        }

        var notSeen = JsonDocument.Parse(await senior.GetStringAsync("/api/v1/devices?notSeenDays=30")).RootElement;
        Assert.Equal(["T-00002"], notSeen.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("assetTag").GetString()!).ToArray());
    }

    private static StringContent JsonBody(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private static async Task<(HttpStatusCode Status, JsonElement Json)> PostAsync(HttpClient client, string csv, bool apply, string kind = "Devices")
    {
        var response = await client.PostAsync($"/api/v1/devices/imports?kind={kind}&apply={apply.ToString().ToLowerInvariant()}&file=devices.csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }
}
