using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Modules.Devices;

public sealed class HelpdeskDevicesTests
{
    [Theory]
    [Providers]
    public async Task A_teacher_is_offered_her_own_device_first_the_ticket_carries_its_model_and_reports_count_the_register(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(3, world.Elementary);
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        Assert.Equal(HttpStatusCode.OK, (await tech.PostAsJsonAsync("/api/v1/devices/T-00002/check-out", new { personNumber = "E001" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tech.PostAsJsonAsync("/api/v1/devices/T-00003/status", new { status = "Retired", reason = "Cracked beyond repair" })).StatusCode);
        var senior = await world.App.ApiClientAsync(HelpdeskWorld.SeniorTech);
        Assert.Equal(HttpStatusCode.OK, (await senior.PostAsJsonAsync("/api/v1/devices/T-00003/status", new { status = "Retired", reason = "Cracked beyond repair" })).StatusCode);
        var teacher = world.App.Browser();
        await teacher.SignInAsync(HelpdeskWorld.Teacher);

        var form = await teacher.GetStringAsync("/helpdesk/requests/new");
        var mine = await teacher.GetStringAsync("/devices/mine");
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Laptop will not charge", description = "The light stays off.", siteId = world.Elementary, issueTypeId = 3, assetTag = "t-00002" });
        var ticket = await world.TicketAsync(number);

        Assert.Contains("value=\"T-00002\"> T-00002 · 10w Gen 3", form, StringComparison.Ordinal);
        Assert.Contains("/helpdesk/requests/new?assetTag=T-00002", mine, StringComparison.Ordinal);
        Assert.Equal(("T-00002", "10w Gen 3"), (ticket.AssetTag, ticket.DeviceModel));

        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var workload = JsonDocument.Parse(await manager.GetStringAsync(FormattableString.Invariant($"/api/v1/helpdesk/reports/workload?from={today.AddDays(-7):yyyy-MM-dd}&to={today:yyyy-MM-dd}"))).RootElement;
        var elementary = workload.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("siteId").GetGuid() == world.Elementary);
        Assert.Equal(("register", 2), (workload.GetProperty("deviceCountSource").GetString(), elementary.GetProperty("devices").GetInt32()));
    }

    [Theory]
    [Providers]
    public async Task The_ticket_page_links_its_device_and_offers_a_repair_and_a_loaner_only_to_those_who_may(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(2, world.Elementary);
        var pool = await LendLoanersTests.CreatePoolAsync(await world.App.ApiClientAsync(HelpdeskWorld.Manager), world.Elementary, "Library loaners");
        var named = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Cracked screen", description = "Dropped.", siteId = world.Elementary, issueTypeId = 3, assetTag = "t-00001" });
        var unknown = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Borrowed laptop", description = "Not ours.", siteId = world.Elementary, issueTypeId = 3, assetTag = "X-999" });
        // A wireless problem goes to the network team, whose engineer may see devices but not lend or repair them.
        var wireless = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Security error", description = "On this tablet.", siteId = world.Elementary, issueTypeId = 22, assetTag = "T-00001" });
        var tech = world.App.Browser();
        await tech.SignInAsync(HelpdeskWorld.SiteTech);
        var network = world.App.Browser();
        await network.SignInAsync(HelpdeskWorld.Network);

        var techPage = await tech.GetStringAsync($"/helpdesk/tickets/{named}");
        var networkPage = await network.GetStringAsync($"/helpdesk/tickets/{wireless}");
        var unknownPage = await tech.GetStringAsync($"/helpdesk/tickets/{unknown}");

        Assert.Contains("<a href=\"/devices/T-00001\">T-00001 · 10w Gen 3</a>", techPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/devices/repairs/new?ticket={named}\"", techPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/devices/loaners/{pool}?ticket={named}\"", techPage, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/devices/T-00001\">", networkPage, StringComparison.Ordinal);
        Assert.DoesNotContain("/devices/repairs/new", networkPage, StringComparison.Ordinal);
        Assert.DoesNotContain("/devices/loaners/", networkPage, StringComparison.Ordinal);
        Assert.Contains("X-999", unknownPage, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/devices/X-999\"", unknownPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/devices/loaners/{pool}?ticket={unknown}\"", unknownPage, StringComparison.Ordinal);
    }
}
