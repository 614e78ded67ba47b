using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Modules.Staffing;

public sealed class EditScenariosTests
{
    [Theory]
    [Providers]
    public async Task A_scenario_copies_the_model_tries_more_schools_and_devices_and_is_compared_with_it_and_stale_or_repeated_saves_change_nothing(DatabaseProvider provider)
    {
        await using var db = await DemoWorld.CopyAsync(provider);
        await using var app = DemoWorld.Start(db);
        var manager = await app.ApiClientAsync("it.manager@bayview.example");

        var made = await manager.PostAsJsonAsync("/api/v1/staffing/scenarios", new { name = "Phase 2 with two new high schools" });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var scenario = JsonDocument.Parse(await made.Content.ReadAsStringAsync()).RootElement;
        var id = scenario.GetProperty("settings").GetProperty("id").GetGuid();
        Assert.Equal(37.0m, scenario.GetProperty("figures").GetProperty("support").GetProperty("totalFte").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsJsonAsync("/api/v1/staffing/scenarios", new { name = "Phase 2 with two new high schools" })).StatusCode);

        var save = Save(scenario.GetProperty("settings").GetProperty("version").GetString()!, highAdded: 2, devicesAdded: 15000, high: 1.0m);
        var saved = await manager.PutAsJsonAsync($"/api/v1/staffing/scenarios/{id}", save);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var figures = JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement.GetProperty("figures");
        Assert.Equal((63, 39.0m, 41.0m), (figures.GetProperty("support").GetProperty("sites").GetInt32(), figures.GetProperty("support").GetProperty("totalFte").GetDecimal(),
            figures.GetProperty("totalFte").GetDecimal()));
        Assert.Equal((30.0m * 96_500m) + (2 * 118_000m), figures.GetProperty("yearlyIncrease").GetDecimal());

        // The same form sent twice: the second names a version that is gone.
        var again = await manager.PutAsJsonAsync($"/api/v1/staffing/scenarios/{id}", save with { Ratios = [.. save.Ratios.Select(r => r with { FtePerSite = 2m })] });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var compared = JsonDocument.Parse(await manager.GetStringAsync("/api/v1/staffing/scenarios")).RootElement.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal([(true, 37.0m), (false, 39.0m)], compared.Select(s => (s.GetProperty("settings").GetProperty("isModel").GetBoolean(),
            s.GetProperty("figures").GetProperty("support").GetProperty("totalFte").GetDecimal())).ToList());
        var modelId = compared[0].GetProperty("settings").GetProperty("id").GetGuid();

        var imaginary = await manager.PutAsJsonAsync($"/api/v1/staffing/scenarios/{modelId}",
            Save(compared[0].GetProperty("settings").GetProperty("version").GetString()!, highAdded: 1, devicesAdded: 5, high: 1.0m) with { AdministrativeFte = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, imaginary.StatusCode);
        var errors = JsonDocument.Parse(await imaginary.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("make a scenario", errors.GetProperty("devicesAdded")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("open or close schools", errors.GetProperty("ratios[3].sitesAdded")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("administrativeFte", out _));
        Assert.Equal(HttpStatusCode.Conflict, (await manager.DeleteAsync($"/api/v1/staffing/scenarios/{modelId}")).StatusCode);
        Assert.Equal(37.0m, JsonDocument.Parse(await manager.GetStringAsync("/api/v1/staffing/model")).RootElement
            .GetProperty("model").GetProperty("figures").GetProperty("support").GetProperty("totalFte").GetDecimal());

        var page = app.Browser();
        await page.SignInAsync("it.manager@bayview.example");
        var html = await page.GetStringAsync("/staffing/scenarios");
        Assert.Contains("Phase 2 with two new high schools", html, StringComparison.Ordinal);
        var csv = (await page.GetStringAsync("/staffing/scenarios?handler=Export&format=csv")).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal(["Figure,District model,Phase 2 with two new high schools", "Sites,61,63"], csv[..2]);
        var devices = csv.Single(line => line.StartsWith("Devices,", StringComparison.Ordinal)).Split(',')[1..].Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(15_000, devices[1] - devices[0]);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync("senior.tech@bayview.example")).PostAsJsonAsync("/api/v1/staffing/scenarios", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/staffing/scenarios/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/staffing/scenarios/{id}")).StatusCode);
    }

    private static SaveCommand Save(string version, int highAdded, int devicesAdded, decimal high) => new(
        version, "Phase 2 with two new high schools", null, 1.0m, 2, devicesAdded, 96_500m, 118_000m, 45, 1300,
        [new("Alternative", 0.25m, 0), new("Elementary", 0.5m, 0), new("Middle", 0.75m, 0), new("High", high, highAdded), new("Other", 0.25m, 0)]);

    private sealed record SaveCommand(
        string Version, string Name, string? Notes, decimal AdministrativeFte, int Tier2Positions, int DevicesAdded, decimal Tier1CostPerFte, decimal Tier2CostPerPosition,
        int MinutesPerTicket, int TicketHoursPerFte, IReadOnlyList<Ratio> Ratios);

    private sealed record Ratio(string SiteType, decimal FtePerSite, int SitesAdded);
}
