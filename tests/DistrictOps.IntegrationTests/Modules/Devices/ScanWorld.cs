using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Devices;

/// <summary>Helpers for the scan flows, audits, collections and devices to recover: API calls that answer JSON, and the register as stored.</summary>
internal static class ScanWorld
{
    /// <summary>Posts JSON and returns the status with the body (a ProblemDetails on refusal).</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(this HttpClient client, string url, object? command = null)
    {
        var response = command is null ? await client.PostAsync(url, null) : await client.PostAsJsonAsync(url, command);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Checks a device out by scanning as <paramref name="email"/>; asserts it went out.</summary>
    public static async Task<JsonElement> ScanOutAsync(this HelpdeskWorld world, string email, string person, string device)
    {
        var (status, body) = await (await world.App.ApiClientAsync(email)).SendAsync("/api/v1/devices/scans/check-out", new { person, device });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body;
    }

    public static async Task<Device> DeviceAsync(this HelpdeskWorld world, string tag)
    {
        await using var context = world.Db.OpenContext();
        return await context.Set<Device>().AsNoTracking().SingleAsync(d => d.AssetTag == tag);
    }

    /// <summary>Records the student's family signed this school year's device agreement.</summary>
    public static async Task AgreementAsync(this HelpdeskWorld world, string studentSourcedId)
    {
        var student = await world.PersonIdAsync(studentSourcedId);
        await using var context = world.Db.OpenContext();
        context.Add(new DeviceAgreement
        {
            StudentId = student, SchoolYear = SchoolYear.Of(DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime)), SignedAt = TimeProvider.System.GetUtcNow(),
            SignedByName = "Rosa Garcia", Method = AgreementMethod.Paper, RecordedByName = "Office",
        });
        await context.SaveChangesAsync();
    }

    public static IReadOnlyList<string> Strings(this JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();
}
