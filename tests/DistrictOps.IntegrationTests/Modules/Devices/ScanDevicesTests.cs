using System.Net;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Devices;

public sealed class ScanDevicesTests
{
    private const string CheckOut = "/api/v1/devices/scans/check-out";
    private const string CheckIn = "/api/v1/devices/scans/check-in";

    [Theory]
    [Providers]
    public async Task Scanning_checks_out_warns_of_a_missing_agreement_changes_nothing_twice_and_undoes_the_last_scan(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(2, world.Elementary);
        await world.AgreementAsync("s-es-2");
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);

        var (status, first) = await tech.SendAsync(CheckOut, new { person = "S-ES-1", device = "t-00001", accessories = new[] { "Charger", "case" } });
        var (_, again) = await tech.SendAsync(CheckOut, new { person = "S-ES-1", device = "T-00001", accessories = new[] { "Charger", "Case" } });
        var (_, signed) = await tech.SendAsync(CheckOut, new { person = "S-ES-2", device = "SN-00002" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("T-00001", "10w Gen 3", "Kid1 Garcia", "Assigned", false), (Text(first, "assetTag"), Text(first, "model"), Text(first, "holder"), Text(first, "status"), first.GetProperty("repeated").GetBoolean()));
        Assert.Contains(first.GetProperty("warnings").Strings(), w => w.StartsWith("No device agreement on file for Kid1 Garcia", StringComparison.Ordinal));
        Assert.True(again.GetProperty("repeated").GetBoolean());
        Assert.Equal(first.GetProperty("assignmentId").GetInt64(), again.GetProperty("assignmentId").GetInt64());
        Assert.Empty(signed.GetProperty("warnings").EnumerateArray());
        var device = await world.DeviceAsync("T-00001");
        Assert.Equal((DeviceStatus.Assigned, HolderKind.Student, Accessories.Charger | Accessories.Case), (device.Status, device.HolderKind!.Value, device.AccessoriesOut));
        Assert.Equal(1, await AssignmentsAsync(world, "T-00001"));

        var (_, back) = await tech.SendAsync(CheckIn, new { device = "T-00001", condition = "b", accessories = new[] { "Charger" }, notes = "Scratched lid." });
        Assert.Equal(("InStock", "Kid1 Garcia"), (Text(back, "status"), Text(back, "holder")));
        Assert.Contains("Not returned: Case.", back.GetProperty("warnings").Strings());
        var (undoStatus, undone) = await tech.SendAsync($"/api/v1/devices/scans/{back.GetProperty("assignmentId").GetInt64()}/undo");
        Assert.Equal((HttpStatusCode.OK, "Assigned"), (undoStatus, Text(undone, "status")));
        Assert.Equal((DeviceStatus.Assigned, "Kid1 Garcia"), ((await world.DeviceAsync("T-00001")).Status, (await world.DeviceAsync("T-00001")).HolderName));

        var (_, outAgain) = await tech.SendAsync($"/api/v1/devices/scans/{signed.GetProperty("assignmentId").GetInt64()}/undo");
        Assert.Equal("InStock", Text(outAgain, "status"));
        Assert.Equal((DeviceStatus.InStock, 0), ((await world.DeviceAsync("T-00002")).Status, await AssignmentsAsync(world, "T-00002")));
        var (twice, _) = await tech.SendAsync($"/api/v1/devices/scans/{signed.GetProperty("assignmentId").GetInt64()}/undo");
        Assert.Equal(HttpStatusCode.NotFound, twice);
    }

    [Theory]
    [Providers]
    public async Task A_wrong_state_bad_input_and_another_sites_device_are_refused_as_problems_and_change_nothing(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(2, world.Elementary);
        await world.ScanOutAsync(HelpdeskWorld.SiteTech, "S-ES-1", "T-00001");
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var highTech = await world.App.ApiClientAsync(HelpdeskWorld.SecondTech);

        var (taken, conflict) = await tech.SendAsync(CheckOut, new { person = "S-ES-3", device = "T-00001" });
        var (notOut, stocked) = await tech.SendAsync(CheckIn, new { device = "T-00002" });
        var (bad, invalid) = await tech.SendAsync(CheckIn, new { device = " ", condition = "E", accessories = new[] { "Cable" } });
        var (guardian, refusedGuardian) = await tech.SendAsync(CheckOut, new { person = "G-1", device = "T-00002" });
        var (nobody, _) = await tech.SendAsync(CheckOut, new { person = "S-XX-9", device = "T-00002" });
        var (elsewhere, _) = await highTech.SendAsync(CheckIn, new { device = "T-00001" });
        var (elsewhereOut, _) = await highTech.SendAsync(CheckOut, new { person = "S-HS-1", device = "T-00002" });

        Assert.Equal(HttpStatusCode.Conflict, taken);
        Assert.Contains("already out with Kid1 Garcia", Text(conflict, "detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, notOut);
        Assert.Contains("not checked out", Text(stocked, "detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        var errors = invalid.GetProperty("errors");
        Assert.Equal(["accessories", "condition", "device"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("got 'E'", errors.GetProperty("condition")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("got 'Cable'", errors.GetProperty("accessories")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, guardian);
        Assert.Contains("is a guardian", refusedGuardian.GetProperty("errors").GetProperty("person")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, nobody);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere);
        Assert.Equal(HttpStatusCode.NotFound, elsewhereOut);
        Assert.Equal((DeviceStatus.Assigned, "Kid1 Garcia"), ((await world.DeviceAsync("T-00001")).Status, (await world.DeviceAsync("T-00001")).HolderName));
        Assert.Equal(DeviceStatus.InStock, (await world.DeviceAsync("T-00002")).Status);
        Assert.Equal(1, await AssignmentsAsync(world, "T-00001"));
        Assert.Equal(0, await AssignmentsAsync(world, "T-00002"));
    }

    [Theory]
    [Providers]
    public async Task The_scan_page_works_by_form_posts_and_answers_its_script_in_json(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(1, world.Elementary);
        var browser = world.App.Browser();
        await browser.SignInAsync(HelpdeskWorld.SiteTech);

        var person = await browser.PostFormAsync("/devices/scan", "/devices/scan?handler=CheckOut", new() { ["Input.Code"] = "S-ES-1", ["Input.Count"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, person.StatusCode);
        var chosen = await browser.GetStringAsync(person.Headers.Location!.OriginalString);
        Assert.Contains("Device tag for Kid1 Garcia", chosen, StringComparison.Ordinal);
        Assert.Contains("value=\"S-ES-1\" data-state=\"person\"", chosen, StringComparison.Ordinal);

        var device = await browser.PostFormAsync("/devices/scan", "/devices/scan?handler=CheckOut",
            new() { ["Input.Code"] = "T-00001", ["Input.Person"] = "S-ES-1", ["Input.Next"] = "Device tag for Kid1 Garcia", ["Input.Count"] = "0", ["Input.Accessories"] = "Charger" });
        var done = await browser.GetStringAsync(device.Headers.Location!.OriginalString);
        Assert.Contains("?mode=checkout&count=1&accessories=Charger", device.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Checked out T-00001 (10w Gen 3) to Kid1 Garcia.", done, StringComparison.Ordinal);
        Assert.Contains("1 device scanned this session", done, StringComparison.Ordinal);
        Assert.Contains("Student or staff number", done, StringComparison.Ordinal);

        var token = await browser.AntiforgeryTokenAsync("/devices/scan?mode=checkin");
        using var checkIn = new HttpRequestMessage(HttpMethod.Post, "/devices/scan?handler=CheckIn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.Code"] = "T-00001", ["Input.Condition"] = "D", ["Input.Count"] = "1", ["Input.Accessories"] = "Charger",
            }),
        };
        checkIn.Headers.Accept.ParseAdd("application/json");
        var json = await browser.SendAsync(checkIn);
        var reply = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((HttpStatusCode.OK, "Warning", 2), (json.StatusCode, Text(reply, "tone"), reply.GetProperty("count").GetInt32()));
        Assert.Contains("Checked in T-00001", Text(reply, "line"), StringComparison.Ordinal);
        Assert.Contains(reply.GetProperty("details").Strings(), d => d.Contains("now Damaged", StringComparison.Ordinal));
        Assert.Equal(DeviceStatus.Damaged, (await world.DeviceAsync("T-00001")).Status);

        using var undo = new HttpRequestMessage(HttpMethod.Post, "/devices/scan?handler=Undo")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.Undo"] = reply.GetProperty("undoId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Count"] = "2", ["Input.Mode"] = "checkin",
            }),
        };
        undo.Headers.Accept.ParseAdd("application/json");
        var undone = JsonDocument.Parse(await (await browser.SendAsync(undo)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("Ok", 1, JsonValueKind.Null), (Text(undone, "tone"), undone.GetProperty("count").GetInt32(), undone.GetProperty("undoId").ValueKind));
        Assert.Equal(DeviceStatus.Assigned, (await world.DeviceAsync("T-00001")).Status);
    }

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();

    private static async Task<int> AssignmentsAsync(HelpdeskWorld world, string tag)
    {
        await using var context = world.Db.OpenContext();
        var device = await context.Set<Device>().SingleAsync(d => d.AssetTag == tag);
        return await context.Set<Assignment>().CountAsync(a => a.DeviceId == device.Id);
    }
}
