using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Modules.Staffing;

public sealed class PlanPhasesTests
{
    [Theory]
    [Providers]
    public async Task The_demo_plan_reaches_the_model_in_two_costed_phases_and_a_checkpoint_is_recorded_once(DatabaseProvider provider)
    {
        await using var db = await DemoWorld.CopyAsync(provider);
        await using var app = DemoWorld.Start(db);
        var manager = await app.ApiClientAsync("it.manager@bayview.example");

        var plan = JsonDocument.Parse(await manager.GetStringAsync("/api/v1/staffing/plan")).RootElement;
        Assert.Equal((9.0m, 37.0m, 37.0m, 2), (plan.GetProperty("tier1FteToday").GetDecimal(), plan.GetProperty("modelTier1Fte").GetDecimal(),
            plan.GetProperty("tier1FtePlanned").GetDecimal(), plan.GetProperty("tier2Planned").GetInt32()));
        var phases = plan.GetProperty("phases").EnumerateArray().ToList();
        Assert.Equal([(8000, 19.0m, 10m * 96_500m + 2 * 118_000m), (23000, 37.0m, 18m * 96_500m)],
            phases.Select(p => (p.GetProperty("programDevices").GetInt32(), p.GetProperty("tier1FteAfter").GetDecimal(), p.GetProperty("phaseYearlyCost").GetDecimal())).ToList());

        var duplicate = await manager.PostAsJsonAsync("/api/v1/staffing/plan/phases",
            new { number = 2, name = "Again", devicesAdded = 10, startsOn = "2028-07-01", checkpointOn = "2028-06-01", tier1FteAdded = 1, tier2PositionsAdded = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var errors = JsonDocument.Parse(await duplicate.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("exists already", errors.GetProperty("number")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("after the phase starts", errors.GetProperty("checkpointOn")[0].GetString(), StringComparison.Ordinal);

        var third = await manager.PostAsJsonAsync("/api/v1/staffing/plan/phases",
            new { number = 3, name = "Phase 3: refresh", devicesAdded = 2000, startsOn = "2028-07-01", checkpointOn = "2029-01-26", tier1FteAdded = 2.5m, tier2PositionsAdded = 0 });
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
        Assert.Equal(39.5m, JsonDocument.Parse(await manager.GetStringAsync("/api/v1/staffing/plan")).RootElement.GetProperty("tier1FtePlanned").GetDecimal());

        var decision = new { decision = "Fund phase 2 as planned: backlog per technician fell by half." };
        var held = JsonDocument.Parse(await (await manager.PostAsJsonAsync("/api/v1/staffing/plan/phases/1/checkpoint", decision)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("Reviewed", "it.manager@bayview.example"), (held.GetProperty("status").GetString(), held.GetProperty("reviewedBy").GetString()));
        var again = JsonDocument.Parse(await (await manager.PostAsJsonAsync("/api/v1/staffing/plan/phases/1/checkpoint", decision)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(held.GetProperty("reviewedAt").GetString(), again.GetProperty("reviewedAt").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await manager.DeleteAsync("/api/v1/staffing/plan/phases/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync("/api/v1/staffing/plan/phases/3")).StatusCode);

        var page = app.Browser();
        await page.SignInAsync("it.manager@bayview.example");
        var checkpoint = await page.GetStringAsync("/staffing/plan/phases/1/checkpoint");
        Assert.Contains("backlog per technician fell by half", checkpoint, StringComparison.Ordinal);
        Assert.Contains("Help desk before and during the phase", checkpoint, StringComparison.Ordinal);
        Assert.Contains("its figures come once it is under way", await page.GetStringAsync("/staffing/plan/phases/2/checkpoint"), StringComparison.Ordinal);
        Assert.Contains("Phase 2: 15,000 more tablets", await page.GetStringAsync("/staffing/plan"), StringComparison.Ordinal);

        // The chart's and the table's figures as a download: today, then each phase with its devices and the decision taken.
        var csv = (await page.GetStringAsync("/staffing/plan?handler=Export&format=csv")).TrimStart('\uFEFF').TrimEnd('\r', '\n').Split("\r\n");
        Assert.Equal(4, csv.Length);
        Assert.StartsWith("Phase,Status,Starts,Checkpoint,Devices added,Program devices after,", csv[0], StringComparison.Ordinal);
        Assert.StartsWith("Today,", csv[1], StringComparison.Ordinal);
        Assert.Contains(",Reviewed,", csv[2], StringComparison.Ordinal);
        Assert.EndsWith("backlog per technician fell by half.", csv[2], StringComparison.Ordinal);
        Assert.Contains(",15000,23000,", csv[3], StringComparison.Ordinal);
    }
}
