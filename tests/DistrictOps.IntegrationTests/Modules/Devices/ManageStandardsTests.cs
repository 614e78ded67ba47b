using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Modules.Devices;

public sealed class ManageStandardsTests
{
    private static readonly string[] Items = ["DocumentCameras", "Printers", "CoreSoftware", "Wireless", "DomainJoin", "ManagementEnrolment"];

    [Theory]
    [Providers]
    public async Task A_standard_is_approved_only_after_every_compatibility_check_passed_and_its_image_is_then_fixed(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var senior = await world.App.ApiClientAsync(HelpdeskWorld.SeniorTech);
        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);
        var standard = new { name = "Student tablet 2026", manufacturer = "Lenovo", model = "10w Gen 4", imageName = "Student", imageVersion = "2026.1", grades = "k, 1, 2,03", unitCost = "$349.50", expectedLifeYears = 5, supportEnds = "2031-06-30" };

        var refused = await teacher.PostAsJsonAsync("/api/v1/devices/standards", standard);
        var proposed = await senior.PostAsJsonAsync("/api/v1/devices/standards", standard);
        var invalid = await senior.PostAsJsonAsync("/api/v1/devices/standards", new { name = "", manufacturer = "Lenovo", model = "X", grades = "13", unitCost = "12.345", expectedLifeYears = 40 });
        var created = Json(await proposed.Content.ReadAsStringAsync());
        Assert.True(proposed.StatusCode == HttpStatusCode.Created, created.ToString());
        var id = created.GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        Assert.Equal(("Proposed", "KG,01,02,03", 34_950L), (created.GetProperty("status").GetString(), created.GetProperty("grades").GetString(), created.GetProperty("unitCostCents").GetInt64()));
        Assert.All(created.GetProperty("checks").EnumerateArray(), c => Assert.Equal("NotTested", c.GetProperty("result").GetString()));
        var problems = Json(await invalid.Content.ReadAsStringAsync()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["expectedLifeYears", "grades", "name", "unitCost"], problems.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("Unknown grade 13", problems.GetProperty("grades")[0].GetString(), StringComparison.Ordinal);

        var failNoNotes = await senior.PostAsJsonAsync($"/api/v1/devices/standards/{id}/checks", new { item = "DocumentCameras", result = "Fail" });
        Assert.Equal(HttpStatusCode.BadRequest, failNoNotes.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await senior.PostAsJsonAsync($"/api/v1/devices/standards/{id}/checks", new { item = "DocumentCameras", result = "Fail", notes = "No driver for the Elmo MX-P2" })).StatusCode);
        foreach (var item in Items.Skip(2))
        {
            Assert.Equal(HttpStatusCode.OK, (await senior.PostAsJsonAsync($"/api/v1/devices/standards/{id}/checks", new { item, result = "Pass" })).StatusCode);
        }

        var early = await senior.PostAsync($"/api/v1/devices/standards/{id}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Document cameras (failed), Printers (not tested)", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var item in Items.Take(2))
        {
            await senior.PostAsJsonAsync($"/api/v1/devices/standards/{id}/checks", new { item, result = "Pass" });
        }

        var approved = Json(await (await senior.PostAsync($"/api/v1/devices/standards/{id}/approve", null)).Content.ReadAsStringAsync());
        var again = await senior.PostAsync($"/api/v1/devices/standards/{id}/approve", null);
        var newImage = await senior.PutAsJsonAsync($"/api/v1/devices/standards/{id}", standard with { imageVersion = "2026.2" });
        var newPrice = await senior.PutAsJsonAsync($"/api/v1/devices/standards/{id}", standard with { unitCost = "329" });
        var lateCheck = await senior.PostAsJsonAsync($"/api/v1/devices/standards/{id}/checks", new { item = "Printers", result = "Fail", notes = "late" });

        Assert.Equal(("Approved", "Grace Kim"), (approved.GetProperty("status").GetString(), approved.GetProperty("approvedByName").GetString()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, newImage.StatusCode);
        Assert.Contains("write a new standard for a new image", await newImage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(32_900L, Json(await newPrice.Content.ReadAsStringAsync()).GetProperty("unitCostCents").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, lateCheck.StatusCode);
    }

    private static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;
}
