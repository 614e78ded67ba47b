using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

public sealed class ServiceLevelSettingsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 18, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const string Api = "/api/v1/helpdesk/service-level-policies";
    private const string Page = "/helpdesk/settings/service-levels";

    [Theory]
    [Providers]
    public async Task A_saved_policy_round_trips_and_marks_only_open_tickets_for_recompute_and_a_deleted_one_is_gone(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider, services: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
        var open = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Tablet", description = "Dead.", siteId = world.Elementary, issueTypeId = 6 });
        var solved = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Mouse", description = "Dead.", siteId = world.Elementary, issueTypeId = 8 });
        await MarkAllAsync(world, solvedNumber: solved);
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);

        var seeded = await manager.GetFromJsonAsync<JsonElement>(Api);
        Assert.Equal(["Critical outages, around the clock", "District standard, school time"], seeded.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var created = await manager.PostAsJsonAsync(Api, new
        {
            order = 15,
            name = "High schools during testing",
            siteTypes = new[] { "high" },
            siteIds = new[] { world.High },
            issueTypeIds = new[] { HelpdeskDefaults.Device },
            requesterRoles = new[] { "Teacher" },
            channels = new[] { "phone" },
            priorities = new[] { 3, 2 },
            hours = "aroundtheclock",
            pauseOnHold = false,
            restoreInstructionMinutes = 20,
            targets = new[] { new { priority = 2, firstResponseMinutes = 30, resolutionMinutes = 240 }, new { priority = 3, firstResponseMinutes = 60, resolutionMinutes = 60 } },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var policy = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var id = policy.GetProperty("id").GetInt32();
        Assert.Equal($"{Api}/{id}", created.Headers.Location?.OriginalString);
        var read = await manager.GetFromJsonAsync<JsonElement>($"{Api}/{id}");
        Assert.Equal(("High", "teacher", "Phone", "AroundTheClock", false, 20),
            (read.GetProperty("siteTypes")[0].GetString(), read.GetProperty("requesterRoles")[0].GetString(), read.GetProperty("channels")[0].GetString(), read.GetProperty("hours").GetString(), read.GetProperty("pauseOnHold").GetBoolean(), read.GetProperty("restoreInstructionMinutes").GetInt32()));
        Assert.Equal([2, 3], read.GetProperty("priorities").EnumerateArray().Select(p => p.GetInt32()));
        Assert.Equal([(2, 30, 240), (3, 60, 60)], read.GetProperty("targets").EnumerateArray().Select(t => (t.GetProperty("priority").GetInt32(), t.GetProperty("firstResponseMinutes").GetInt32(), t.GetProperty("resolutionMinutes").GetInt32())));
        Assert.Equal(["Critical outages, around the clock", "High schools during testing", "District standard, school time"],
            (await manager.GetFromJsonAsync<JsonElement>(Api)).EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal((Now, Later), (await CheckAtAsync(world, open), await CheckAtAsync(world, solved)));

        await MarkAllAsync(world, solvedNumber: solved);
        var replaced = await manager.PutAsJsonAsync($"{Api}/{id}", new { order = 15, name = "High schools", targets = new[] { new { priority = 1, firstResponseMinutes = 10, resolutionMinutes = 120 } } });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        await using (var context = world.Db.OpenContext())
        {
            Assert.Equal([(1, 10, 120)], (await context.Set<ServiceLevelTarget>().Where(t => t.PolicyId == id).ToListAsync()).Select(t => (t.Priority, t.FirstResponseMinutes, t.ResolutionMinutes)));
        }

        Assert.Equal(Now, await CheckAtAsync(world, open));

        await MarkAllAsync(world, solvedNumber: solved);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"{Api}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{Api}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.DeleteAsync($"{Api}/{id}")).StatusCode);
        Assert.Equal((Now, Later), (await CheckAtAsync(world, open), await CheckAtAsync(world, solved)));
    }

    [Theory]
    [Providers]
    public async Task Invalid_policies_name_each_field_change_nothing_and_technicians_and_teachers_are_refused(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);

        var invalid = await manager.PostAsJsonAsync(Api, new
        {
            order = 5,
            name = " ",
            siteIds = new[] { Guid.NewGuid() },
            issueTypeIds = new[] { 999 },
            siteTypes = new[] { "Castle" },
            hours = "Weekends",
            restoreInstructionMinutes = 0,
            targets = new[] { new { priority = 1, firstResponseMinutes = 0, resolutionMinutes = 10 }, new { priority = 2, firstResponseMinutes = 60, resolutionMinutes = 30 } },
        });
        var noTargets = await manager.PostAsJsonAsync(Api, new { order = 5, name = "Empty" });
        var unknown = await manager.PutAsJsonAsync($"{Api}/999", new { order = 5, name = "Nobody", targets = new[] { new { priority = 1, firstResponseMinutes = 10, resolutionMinutes = 20 } } });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(
            ["hours", "issueTypeIds", "name", "restoreInstructionMinutes", "siteIds", "siteTypes", "targets[0].firstResponseMinutes", "targets[1].resolutionMinutes"],
            JsonDocument.Parse(await invalid.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["targets"], JsonDocument.Parse(await noTargets.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await using (var context = world.Db.OpenContext())
        {
            Assert.Equal(2, await context.Set<ServiceLevelPolicy>().CountAsync());
        }

        var technician = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        Assert.Equal(HttpStatusCode.Forbidden, (await technician.GetAsync(Api)).StatusCode);
        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync(Api)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsJsonAsync(Api, new { order = 1, name = "Mine" })).StatusCode);
    }

    [Theory]
    [Providers]
    public async Task The_settings_page_takes_targets_in_hours_and_school_days_reorders_and_disables_and_refuses_a_resolution_before_the_response(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var manager = world.App.Browser();
        await manager.SignInAsync(HelpdeskWorld.Manager);
        Assert.Contains($"href=\"{Page}\"", await manager.GetStringAsync("/helpdesk/settings"), StringComparison.Ordinal);

        var form = new Dictionary<string, string>
        {
            ["policy.Name"] = "Elementary devices", ["policy.Order"] = "30", ["policy.Enabled"] = "true", ["policy.Hours"] = "SchoolTime",
            ["policy.PauseOnHold"] = "true", ["policy.Restore"] = "45m", ["policy.SiteTypes"] = "Elementary",
        };
        var fields = form.ToList();
        foreach (var (response, resolution) in new[] { ("", ""), ("2h", "1.5d"), ("4h", "3d"), ("", ""), ("", "") })
        {
            fields.Add(new("policy.Response", response));
            fields.Add(new("policy.Resolution", resolution));
        }

        var saved = await PostAsync(manager, Page + "?handler=Save", fields);
        var refusedFields = fields.Select(f => f.Key == "policy.Resolution" && f.Value == "3d" ? new KeyValuePair<string, string>(f.Key, "1h") : f).ToList();
        var refused = await PostAsync(manager, Page + "?handler=Save", refusedFields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Priority 3: resolution cannot come before the first response.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        int id;
        await using (var context = world.Db.OpenContext())
        {
            var policy = await context.Set<ServiceLevelPolicy>().SingleAsync(p => p.Name == "Elementary devices");
            id = policy.Id;
            Assert.Equal(("Elementary", 45, ServiceHours.SchoolTime), (policy.SiteTypes, policy.RestoreInstructionMinutes, policy.Hours));
            Assert.Equal([(2, 120, 720), (3, 240, 1440)], (await context.Set<ServiceLevelTarget>().Where(t => t.PolicyId == id).OrderBy(t => t.Priority).ToListAsync()).Select(t => (t.Priority, t.FirstResponseMinutes, t.ResolutionMinutes)));
        }

        var page = await manager.GetStringAsync(Page + $"?edit={id}");
        Assert.Contains("value=\"12h\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"3d\"", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(Page, Page + $"?handler=Move&id={id}&up=true", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(Page, Page + $"?handler=Enable&id={HelpdeskDefaults.CriticalAroundTheClockPolicy}&enabled=false", [])).StatusCode);
        await using (var context = world.Db.OpenContext())
        {
            Assert.Equal(["Critical outages, around the clock", "Elementary devices", "District standard, school time"],
                await context.Set<ServiceLevelPolicy>().OrderBy(p => p.Order).Select(p => p.Name).ToListAsync());
            Assert.False((await context.Set<ServiceLevelPolicy>().SingleAsync(p => p.Id == HelpdeskDefaults.CriticalAroundTheClockPolicy)).Enabled);
        }

        var technician = world.App.Browser();
        await technician.SignInAsync(HelpdeskWorld.SiteTech);
        var denied = await technician.GetAsync(Page);
        Assert.True(denied.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, denied.StatusCode.ToString());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string action, List<KeyValuePair<string, string>> fields)
    {
        var withToken = fields.Append(new("__RequestVerificationToken", await client.AntiforgeryTokenAsync(Page))).ToList();
        return await client.PostAsync(action, new FormUrlEncodedContent(withToken));
    }

    private static async Task MarkAllAsync(HelpdeskWorld world, string solvedNumber)
    {
        var solved = (await world.TicketAsync(solvedNumber)).Id;
        await using var context = world.Db.OpenContext();
        await context.Set<Ticket>().Where(t => t.Id == solved).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Solved));
        await context.Set<Ticket>().ExecuteUpdateAsync(s => s.SetProperty(t => t.ServiceLevelCheckAt, Later));
    }

    private static async Task<DateTimeOffset?> CheckAtAsync(HelpdeskWorld world, string number) => (await world.TicketAsync(number)).ServiceLevelCheckAt;
}
