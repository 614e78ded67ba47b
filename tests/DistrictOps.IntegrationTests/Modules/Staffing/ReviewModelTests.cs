using System.Net;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Staffing.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Staffing;

public sealed class ReviewModelTests
{
    [Theory]
    [Providers]
    public async Task The_demo_district_reproduces_the_reviews_two_tables_from_its_sites_and_positions(DatabaseProvider provider)
    {
        await using var db = await DemoWorld.CopyAsync(provider);
        await using var app = DemoWorld.Start(db);
        var manager = await app.ApiClientAsync("it.manager@bayview.example");

        var model = JsonDocument.Parse(await manager.GetStringAsync("/api/v1/staffing/model")).RootElement;

        var support = model.GetProperty("model").GetProperty("figures").GetProperty("support");
        var lines = support.GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("siteType").GetString(), l.GetProperty("sites").ValueKind == JsonValueKind.Null ? (int?)null : l.GetProperty("sites").GetInt32(),
                l.GetProperty("ftePerSite").GetDecimal(), l.GetProperty("totalFte").GetDecimal())).ToList();
        Assert.Equal(
            [("Administrative", null, 1.0m, 1.0m), ("Alternative", 4, 0.25m, 1.0m), ("Elementary", 40, 0.5m, 20.0m), ("Middle", 8, 0.75m, 6.0m), ("High", 9, 1.0m, 9.0m)],
            lines);
        Assert.Equal((61, 37.0m), (support.GetProperty("sites").GetInt32(), support.GetProperty("totalFte").GetDecimal()));
        var titles = model.GetProperty("titles").EnumerateArray()
            .Select(t => (t.GetProperty("currentTitle").GetString(), t.GetProperty("currentFte").GetDecimal(), t.GetProperty("proposedTitle").GetString(),
                t.GetProperty("proposedFte").GetDecimal(), t.GetProperty("netIncrease").GetDecimal())).ToList();
        Assert.Equal(
            [("Desktop Technician", 9.0m, "Technology Support Specialist 1", 37.0m, 28.0m), ("NA", 0m, "Technology Support Specialist 2", 2m, 2m)],
            titles);
        Assert.Equal(2, model.GetProperty("model").GetProperty("settings").GetProperty("tier2Positions").GetInt32());
        Assert.Equal((28.0m * 96_500m) + (2 * 118_000m), model.GetProperty("model").GetProperty("figures").GetProperty("yearlyIncrease").GetDecimal());

        await using (var context = db.OpenContext())
        {
            Assert.Equal(33, await context.Set<Position>().CountAsync(p => p.Structure == OrgStructure.Current));
            Assert.Equal(1, await context.Set<Position>().CountAsync(p => p.Structure == OrgStructure.Current && p.PersonId == null));
        }

        var page = app.Browser();
        await page.SignInAsync("it.manager@bayview.example");
        var html = await page.GetStringAsync("/staffing");
        Assert.Contains("Alternative/Small Schools", html, StringComparison.Ordinal);
        var board = await page.GetStringAsync("/staffing/print");
        Assert.Contains("Alternative/Small Schools", board, StringComparison.Ordinal);
        Assert.Contains("Phase 2: 15,000 more tablets", board, StringComparison.Ordinal);
        var csv = await page.GetStringAsync("/staffing?handler=Export&table=sites&format=csv");
        Assert.Contains("Elementary,40,0.5,20", csv.Replace("0.50", "0.5", StringComparison.Ordinal).Replace("20.0", "20", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.StartsWith("School/Site Type,Number of Sites,FTE Per School,Total Recommended FTE", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync("teacher@bayview.example")).GetAsync("/api/v1/staffing/model")).StatusCode);
    }
}
