using System.Globalization;
using System.Net;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Devices.CollectDevices;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Email;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Devices;

public sealed class CollectDevicesTests
{
    [Theory]
    [Providers]
    public async Task A_collection_counts_devices_checked_in_after_it_started_and_reminds_each_family_once_a_day(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(5, world.Elementary);
        foreach (var (person, device) in (List<(string, string)>)[("S-ES-1", "T-00001"), ("S-ES-2", "T-00002"), ("S-ES-3", "T-00003"), ("S-ES-4", "T-00004"), ("E001", "T-00005")])
        {
            await world.ScanOutAsync(HelpdeskWorld.SiteTech, person, device);
        }

        await using (var context = world.Db.OpenContext())
        {
            // Kid3's only guardian has no email on file; Kid4 has no guardian at all.
            var minh = await context.Set<Person>().SingleAsync(p => p.SourcedId == "g-2");
            minh.Email = null;
            context.Add(new GuardianLink { GuardianId = minh.Id, StudentId = await context.Set<Person>().Where(p => p.SourcedId == "s-es-3").Select(p => p.Id).SingleAsync() });
            await context.SaveChangesAsync();
        }

        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var due = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (created, collection) = await tech.SendAsync("/api/v1/devices/collections", new { siteId = world.Elementary, dueOn = due });
        var id = collection.GetProperty("id").GetInt64();
        Assert.Equal((HttpStatusCode.Created, 4, 0), (created, collection.GetProperty("expected").GetInt32(), collection.GetProperty("collected").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, (await tech.SendAsync("/api/v1/devices/collections", new { siteId = world.Elementary, dueOn = due })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await tech.SendAsync("/api/v1/devices/collections", new { siteId = world.High, dueOn = "2020-06-01" })).Status);

        var (_, returned) = await tech.SendAsync("/api/v1/devices/scans/check-in", new { device = "T-00002" });
        var detail = await tech.GetJsonAsync($"/api/v1/devices/collections/{id}");
        Assert.Equal((4, 1), (detail.GetProperty("collection").GetProperty("expected").GetInt32(), detail.GetProperty("collection").GetProperty("collected").GetInt32()));
        Assert.Equal(["Kid1 Garcia", "Kid3 Garcia", "Kid4 Garcia"], Students(detail));
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        Assert.Equal(["A student", "A student", "A student"], Students(await manager.GetJsonAsync($"/api/v1/devices/collections/{id}")));

        var (_, sent) = await tech.SendAsync($"/api/v1/devices/collections/{id}/reminders");
        var (_, again) = await tech.SendAsync($"/api/v1/devices/collections/{id}/reminders");
        Assert.Equal((1, 1, false), (sent.GetProperty("students").GetInt32(), sent.GetProperty("emails").GetInt32(), sent.GetProperty("alreadyToday").GetBoolean()));
        Assert.Equal([("Kid3 Garcia", "Minh Tran"), ("Kid4 Garcia", null)],
            sent.GetProperty("noEmail").EnumerateArray().Select(n => (n.GetProperty("student").GetString(), n.GetProperty("guardian").GetString())).OrderBy(n => n.Item1));
        Assert.Equal((0, true), (again.GetProperty("emails").GetInt32(), again.GetProperty("alreadyToday").GetBoolean()));
        await using (var context = world.Db.OpenContext())
        {
            var email = Assert.Single(await context.Set<OutboxMessage>().Where(m => m.Kind == CollectDevicesHandler.EmailKind).ToListAsync());
            Assert.Equal("rosa.garcia@family.example", email.To);
            Assert.Contains("- Kid1 Garcia: 10w Gen 3, asset tag T-00001", email.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("T-00002", email.TextBody, StringComparison.Ordinal);
        }

        Assert.Equal([1, 0, 0], (await tech.GetJsonAsync($"/api/v1/devices/collections/{id}")).GetProperty("outstanding").GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("reminders").GetInt32()));
        await tech.SendAsync($"/api/v1/devices/scans/{returned.GetProperty("assignmentId").GetInt64()}/undo");
        Assert.Equal(0, (await tech.GetJsonAsync($"/api/v1/devices/collections/{id}")).GetProperty("collection").GetProperty("collected").GetInt32());
        var highTech = await world.App.ApiClientAsync(HelpdeskWorld.SecondTech);
        Assert.Equal(HttpStatusCode.NotFound, (await highTech.GetAsync($"/api/v1/devices/collections/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await highTech.SendAsync($"/api/v1/devices/collections/{id}/reminders")).Status);
    }

    private static List<string> Students(JsonElement detail) =>
        detail.GetProperty("outstanding").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("student").GetString()!).ToList();
}
