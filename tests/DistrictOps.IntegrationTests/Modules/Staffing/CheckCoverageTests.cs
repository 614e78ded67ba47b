using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Staffing.Data;
using DistrictOps.Web.Modules.Staffing.Sizing;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Staffing;

/// <summary>
/// Coverage in the small district: Ivan Petrov covers the elementary school (1.00) and half the high school, Sam Ruiz the other
/// half; the model asks 0.5 FTE for an elementary school and 1.0 for a high school.
/// </summary>
public sealed class CheckCoverageTests
{
    [Theory]
    [Providers]
    public async Task A_share_set_through_the_api_reaches_my_sites_counts_towards_overloads_and_is_removed_by_zero(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await AddModelAsync(world);
        var sam = await EmployeeAsync(world, "E902");
        var ticket = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var samApi = await world.App.ApiClientAsync(HelpdeskWorld.SecondTech);
        Assert.DoesNotContain(ticket, await MySitesAsync(samApi));

        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        var set = await manager.PutAsJsonAsync("/api/v1/staffing/coverage", new { personId = sam, siteId = world.Elementary, share = 0.5m });
        var change = Json(await set.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal((0.5m, 2.5m, 1.0m, false), (change.GetProperty("share").GetDecimal(), change.GetProperty("daysPerWeek").GetDecimal(),
            change.GetProperty("technicianTotalShare").GetDecimal(), change.GetProperty("overloaded").GetBoolean()));
        Assert.Contains(ticket, await MySitesAsync(samApi));

        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync("/api/v1/staffing/coverage", new { personId = sam, siteId = world.Elementary, share = 0.5m })).StatusCode);
        Assert.Equal(4, await CoverageRowsAsync(world));

        var more = Json(await (await manager.PutAsJsonAsync("/api/v1/staffing/coverage", new { personId = sam, siteId = world.Elementary, share = 0.75m })).Content.ReadAsStringAsync());
        Assert.True(more.GetProperty("overloaded").GetBoolean());
        var report = Json(await manager.GetStringAsync("/api/v1/staffing/coverage"));
        var overloads = report.GetProperty("overloads").EnumerateArray().Select(o => (o.GetProperty("name").GetString(), o.GetProperty("excess").GetDecimal())).OrderBy(o => o.Item1).ToList();
        Assert.Equal([("Ivan Petrov", 0.5m), ("Sam Ruiz", 0.25m)], overloads);

        var removed = Json(await (await manager.PutAsJsonAsync("/api/v1/staffing/coverage", new { personId = sam, siteId = world.Elementary, share = 0 })).Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Null, removed.GetProperty("share").ValueKind);
        Assert.Equal(3, await CoverageRowsAsync(world));
        Assert.DoesNotContain(ticket, await MySitesAsync(samApi));
    }

    [Theory]
    [Providers]
    public async Task Bad_shares_unknown_sites_and_people_and_students_are_refused_by_field_and_change_nothing(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var sam = await EmployeeAsync(world, "E902");
        var student = await world.PersonIdAsync("s-es-1");
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);

        async Task<JsonElement> RefusedAsync(object body)
        {
            var response = await manager.PutAsJsonAsync("/api/v1/staffing/coverage", body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
            return Json(text).GetProperty("errors");
        }

        Assert.Contains("from 0 to 1", (await RefusedAsync(new { personId = sam, siteId = world.Elementary, share = 1.5m })).GetProperty("share")[0].GetString());
        Assert.Contains("two decimals", (await RefusedAsync(new { personId = sam, siteId = world.Elementary, share = 0.333m })).GetProperty("share")[0].GetString());
        Assert.Contains("from 0 to 1", (await RefusedAsync(new { personId = sam, siteId = world.Elementary, share = -0.25m })).GetProperty("share")[0].GetString());
        Assert.Contains("Give the share", (await RefusedAsync(new { personId = sam, siteId = world.Elementary })).GetProperty("share")[0].GetString());
        Assert.Contains("no current site", (await RefusedAsync(new { personId = sam, siteId = Guid.NewGuid(), share = 0.5m })).GetProperty("siteId")[0].GetString());
        Assert.Contains("no current staff member", (await RefusedAsync(new { personId = Guid.NewGuid(), siteId = world.Elementary, share = 0.5m })).GetProperty("personId")[0].GetString());
        Assert.Contains("not a staff member", (await RefusedAsync(new { personId = student, siteId = world.Elementary, share = 0.5m })).GetProperty("personId")[0].GetString());
        Assert.Equal(3, await CoverageRowsAsync(world));

        var technician = await world.App.ApiClientAsync(HelpdeskWorld.SeniorTech);
        Assert.Equal(HttpStatusCode.Forbidden, (await technician.GetAsync("/api/v1/staffing/coverage")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await technician.PutAsJsonAsync("/api/v1/staffing/coverage", new { personId = sam, siteId = world.Elementary, share = 0.5m })).StatusCode);
        Assert.Equal(3, await CoverageRowsAsync(world));
    }

    [Theory]
    [Providers]
    public async Task The_report_lists_each_site_against_its_model_fte_with_gaps_and_overloads_and_the_page_edits_it(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await AddModelAsync(world);
        var (ivan, sam) = (await EmployeeAsync(world, "E900"), await EmployeeAsync(world, "E902"));
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);

        var report = Json(await manager.GetStringAsync("/api/v1/staffing/coverage"));
        var high = report.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == world.High);
        Assert.Equal((1.0m, 1.0m, false), (high.GetProperty("modelFte").GetDecimal(), high.GetProperty("coveredFte").GetDecimal(), high.GetProperty("gap").GetBoolean()));
        Assert.Equal(["Ivan Petrov", "Sam Ruiz"], high.GetProperty("technicians").EnumerateArray().Select(t => t.GetProperty("name").GetString()).Order());
        var district = report.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == world.District);
        Assert.Equal((JsonValueKind.Null, false), (district.GetProperty("modelFte").ValueKind, district.GetProperty("gap").GetBoolean()));
        var ivanRow = report.GetProperty("technicians").EnumerateArray().Single(t => t.GetProperty("personId").GetGuid() == ivan);
        Assert.Equal((1.5m, 7.5m, true), (ivanRow.GetProperty("totalShare").GetDecimal(), ivanRow.GetProperty("daysPerWeek").GetDecimal(), ivanRow.GetProperty("overloaded").GetBoolean()));
        Assert.Empty(report.GetProperty("gaps").EnumerateArray());

        var browser = world.App.Browser();
        await browser.SignInAsync(HelpdeskWorld.Manager);
        var bad = await browser.PostFormAsync("/staffing/coverage", "/staffing/coverage?handler=Set", new() { ["Input.PersonId"] = sam.ToString(), ["Input.SiteId"] = world.High.ToString(), ["Input.Share"] = "half" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("&#x27;half&#x27; is not a number", await bad.Content.ReadAsStringAsync());
        var saved = await browser.PostFormAsync("/staffing/coverage", "/staffing/coverage?handler=Set", new() { ["Input.PersonId"] = sam.ToString(), ["Input.SiteId"] = world.High.ToString(), ["Input.Share"] = "0,25" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var removed = await browser.PostFormAsync("/staffing/coverage", "/staffing/coverage?handler=Remove", new() { ["personId"] = ivan.ToString(), ["siteId"] = world.Elementary.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);

        var gaps = Json(await manager.GetStringAsync("/api/v1/staffing/coverage")).GetProperty("gaps").EnumerateArray()
            .Select(g => (g.GetProperty("siteId").GetGuid(), g.GetProperty("reason").GetString(), g.GetProperty("shortfall").GetDecimal())).OrderBy(g => g.Item2).ToList();
        Assert.Equal([(world.High, "below-model", 0.25m), (world.Elementary, "uncovered", 0.5m)], gaps);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/staffing/coverage?show=gaps"));
        Assert.Contains("Gap: no technician", page);
        Assert.Contains("Gap: 0.25 FTE short", page);
        Assert.DoesNotContain("Bayview Unified</th>", page);
    }

    /// <summary>The review's model, unless the app already made one (the staffing module does at start).</summary>
    internal static async Task AddModelAsync(HelpdeskWorld world)
    {
        await using var db = world.Db.OpenContext();
        if (await db.Set<StaffingScenario>().AnyAsync(s => s.IsModel))
        {
            return;
        }

        var model = StaffingDefaults.Model(DateTimeOffset.UnixEpoch, "test");
        db.Add(model);
        db.AddRange(StaffingDefaults.Ratios(model.Id));
        await db.SaveChangesAsync();
    }

    internal static async Task<Guid> EmployeeAsync(HelpdeskWorld world, string employeeId)
    {
        await using var db = world.Db.OpenContext();
        return await db.Set<Person>().Where(p => p.EmployeeId == employeeId).Select(p => p.Id).SingleAsync();
    }

    private static async Task<int> CoverageRowsAsync(HelpdeskWorld world)
    {
        await using var db = world.Db.OpenContext();
        return await db.Set<TechnicianCoverage>().CountAsync();
    }

    private static async Task<string[]> MySitesAsync(HttpClient client) =>
        Json(await client.GetStringAsync("/api/v1/helpdesk/queues/my-sites")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!).ToArray();

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
