using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Modules.Devices;

public sealed class LendLoanersTests
{
    [Theory]
    [Providers]
    public async Task Lending_from_a_ticket_notes_the_ticket_restores_instruction_and_a_retry_changes_nothing(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(3, world.Elementary);
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var pool = await CreatePoolAsync(manager, world.Elementary, "Library loaners");
        var again = await manager.PostAsJsonAsync("/api/v1/devices/pools", new { siteId = world.Elementary, name = "Library loaners" });
        Assert.Equal(pool, Json(await again.Content.ReadAsStringAsync()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/devices/pools/{pool}/devices", new { add = new[] { "T-00001", "t-00002" } })).StatusCode);
        var ticket = await world.OpenAsync(HelpdeskWorld.Teacher, new
        {
            title = "My tablet will not turn on", description = "Black screen since this morning.", siteId = world.Elementary, issueTypeId = 3,
            instructionDisrupted = true, assetTag = "T-00003",
        });

        var waiting = Json(await tech.GetStringAsync($"/api/v1/devices/pools/{pool}")).GetProperty("waiting").EnumerateArray().Select(t => t.GetProperty("number").GetString()).ToList();
        var first = await tech.PostAsJsonAsync($"/api/v1/devices/pools/{pool}/loans", new { ticket });
        var retry = await tech.PostAsJsonAsync($"/api/v1/devices/pools/{pool}/loans", new { ticket });

        Assert.Contains(ticket, waiting);
        var lent = Json(await first.Content.ReadAsStringAsync());
        var today = await TodayAsync(world);
        var due = today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(("T-00001", "Maria Lopez", due, ticket, true, false),
            (lent.GetProperty("assetTag").GetString(), lent.GetProperty("holderName").GetString(), lent.GetProperty("dueOn").GetString(),
             lent.GetProperty("ticketNumber").GetString(), lent.GetProperty("ticketNoted").GetBoolean(), lent.GetProperty("repeated").GetBoolean()));
        var repeated = Json(await retry.Content.ReadAsStringAsync());
        Assert.Equal((lent.GetProperty("assignmentId").GetInt64(), true, false),
            (repeated.GetProperty("assignmentId").GetInt64(), repeated.GetProperty("repeated").GetBoolean(), repeated.GetProperty("ticketNoted").GetBoolean()));
        var notes = (await world.EventsAsync(ticket)).Count(e => e.Body == $"Loaner T-00001 issued, due back {due}.");
        Assert.Equal(1, notes);
        Assert.NotNull((await world.TicketAsync(ticket)).InstructionRestoredAt);
        await using (var context = world.Db.OpenContext())
        {
            var loan = await context.Set<Assignment>().SingleAsync(a => a.InAt == null);
            Assert.Equal((true, pool, (await world.TicketAsync(ticket)).Id, HolderKind.Staff), (loan.IsLoan, loan.PoolId!.Value, loan.TicketId!.Value, loan.HolderKind));
            Assert.Equal([("T-00001", DeviceStatus.Loaner), ("T-00002", DeviceStatus.InStock)],
                (await context.Set<Device>().Where(d => d.PoolId == pool).OrderBy(d => d.AssetTag).ToListAsync()).Select(d => (d.AssetTag, d.Status)));
        }

        var card = Json(await tech.GetStringAsync($"/api/v1/devices/pools/{pool}"));
        Assert.Equal((2, 1, 1, 0), (card.GetProperty("pool").GetProperty("devices").GetInt32(), card.GetProperty("pool").GetProperty("outNow").GetInt32(),
            card.GetProperty("pool").GetProperty("available").GetInt32(), card.GetProperty("pool").GetProperty("overdue").GetInt32()));
        Assert.DoesNotContain(ticket, card.GetProperty("waiting").EnumerateArray().Select(t => t.GetProperty("number").GetString()));
        Assert.Equal("T-00001", Assert.Single(card.GetProperty("loans").EnumerateArray()).GetProperty("assetTag").GetString());

        var back = await tech.PostAsJsonAsync($"/api/v1/devices/pools/{pool}/returns", new { device = "T-00001", condition = "B" });
        var backAgain = await tech.PostAsJsonAsync($"/api/v1/devices/pools/{pool}/returns", new { device = "T-00001", condition = "B" });
        Assert.Equal((HttpStatusCode.OK, "InStock", false), (back.StatusCode, Json(await back.Content.ReadAsStringAsync()).GetProperty("status").GetString(), Json(await back.Content.ReadAsStringAsync()).GetProperty("repeated").GetBoolean()));
        Assert.True(Json(await backAgain.Content.ReadAsStringAsync()).GetProperty("repeated").GetBoolean());
        await using (var context = world.Db.OpenContext())
        {
            Assert.Equal(Condition.B, (await context.Set<Assignment>().SingleAsync()).ConditionIn);
            Assert.Equal(1, await context.Set<DeviceEvent>().CountAsync(e => e.Kind == DeviceEventKind.LoanReturned));
        }
    }

    [Theory]
    [Providers]
    public async Task Only_devices_in_stock_join_a_pool_one_refused_tag_changes_nothing_and_without_a_ticket_the_borrower_makes_a_retry_the_same_lend(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(4, world.Elementary);
        await world.AddDevicesAsync(1, world.High, first: 5);
        await SetStatusAsync(world, "T-00004", DeviceStatus.Damaged);
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var pool = await CreatePoolAsync(manager, world.Elementary, "Front office");

        var refused = await manager.PostAsJsonAsync($"/api/v1/devices/pools/{pool}/devices", new { add = new[] { "T-00001", "T-00004", "T-00077" } });
        var byTech = await tech.PostAsJsonAsync($"/api/v1/devices/pools/{pool}/devices", new { add = new[] { "T-00001" } });
        var added = await manager.PostAsJsonAsync($"/api/v1/devices/pools/{pool}/devices", new { add = new[] { "T-00001\nT-00005" } });
        var addedAgain = await manager.PostAsJsonAsync($"/api/v1/devices/pools/{pool}/devices", new { add = new[] { "T-00001", "T-00005" } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var messages = Json(await refused.Content.ReadAsStringAsync()).GetProperty("errors").GetProperty("add").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(["T-00004: damaged; only a device in stock can join a loaner pool.", "T-00077: no device has this tag or serial."], messages);
        Assert.Equal(HttpStatusCode.Forbidden, byTech.StatusCode);
        Assert.Equal((2, 0), ReadChange(await added.Content.ReadAsStringAsync()));
        Assert.Equal((0, 2), ReadChange(await addedAgain.Content.ReadAsStringAsync()));
        await using (var context = world.Db.OpenContext())
        {
            // The high school's device moved to the pool's site with it.
            Assert.Equal([("T-00001", world.Elementary), ("T-00005", world.Elementary)],
                (await context.Set<Device>().Where(d => d.PoolId == pool).OrderBy(d => d.AssetTag).ToListAsync()).Select(d => (d.AssetTag, d.SiteId!.Value)));
        }

        var lend = new { personNumber = "E001", device = "T-00005" };
        var first = Json(await (await tech.PostAsJsonAsync($"/api/v1/devices/pools/{pool}/loans", lend)).Content.ReadAsStringAsync());
        var retry = Json(await (await tech.PostAsJsonAsync($"/api/v1/devices/pools/{pool}/loans", new { personNumber = "E001" })).Content.ReadAsStringAsync());
        var onLoan = await manager.PostAsJsonAsync($"/api/v1/devices/pools/{pool}/devices", new { remove = new[] { "T-00005" } });
        var pastDue = await tech.PostAsJsonAsync($"/api/v1/devices/pools/{pool}/loans", new { personNumber = "E900", dueOn = "2020-01-01" });
        var nobody = await tech.PostAsJsonAsync($"/api/v1/devices/pools/{pool}/loans", new { });

        Assert.Equal(("T-00005", false), (first.GetProperty("assetTag").GetString(), first.GetProperty("repeated").GetBoolean()));
        Assert.Equal((first.GetProperty("assignmentId").GetInt64(), "T-00005", true),
            (retry.GetProperty("assignmentId").GetInt64(), retry.GetProperty("assetTag").GetString(), retry.GetProperty("repeated").GetBoolean()));
        Assert.Equal(HttpStatusCode.BadRequest, onLoan.StatusCode);
        Assert.Contains("T-00005: out on loan", await onLoan.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, pastDue.StatusCode);
        Assert.Contains("dueOn", await pastDue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        Assert.Contains("personNumber", await nobody.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var context = world.Db.OpenContext())
        {
            Assert.Equal(1, await context.Set<Assignment>().CountAsync());
            Assert.Equal(DeviceStatus.InStock, await context.Set<Device>().Where(d => d.AssetTag == "T-00001").Select(d => d.Status).SingleAsync());
        }
    }

    [Theory]
    [Providers]
    public async Task The_recommended_size_counts_the_sites_last_year_and_a_site_technician_sees_only_the_pools_of_their_sites(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(5, world.Elementary);
        await world.AddDevicesAsync(1, world.High, first: 6);
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        var pool = await CreatePoolAsync(manager, world.Elementary, "Spares");
        await CreatePoolAsync(manager, world.High, "High school spares");
        var now = TimeProvider.System.GetUtcNow();
        var today = await TodayAsync(world);
        await using (var context = world.Db.OpenContext())
        {
            var devices = await context.Set<Device>().ToDictionaryAsync(d => d.AssetTag);
            Incident Damaged(string tag, int daysAgo, IncidentKind kind = IncidentKind.Damaged) => new()
            {
                DeviceId = devices[tag].Id, Kind = kind, OccurredOn = today.AddDays(-daysAgo), Description = "Dropped.", ReportedAt = now.AddDays(-daysAgo), ReportedByName = "Test",
            };
            var counted = Damaged("T-00001", 110);
            context.AddRange(counted, Damaged("T-00002", 400), Damaged("T-00003", 5, IncidentKind.Lost), Damaged("T-00006", 10));
            await context.SaveChangesAsync();
            RepairOrder Repair(string tag, int openedDaysAgo, double? closedAfterDays, RepairStatus status = RepairStatus.Done, long? incidentId = null) => new()
            {
                DeviceId = devices[tag].Id, Kind = RepairKind.InHouse, Status = status, Problem = "Broken.", OpenedAt = now.AddDays(-openedDaysAgo), OpenedByName = "Test",
                ClosedAt = closedAfterDays is { } days ? now.AddDays(-openedDaysAgo + days) : null, IncidentId = incidentId,
            };
            context.AddRange(
                Repair("T-00002", 20, 4),                                    // a failure; 4 days
                Repair("T-00001", 100, 2, incidentId: counted.Id),           // the damaged incident's repair: not a second failure; 2 days
                Repair("T-00003", 30, 1, RepairStatus.Cancelled),            // no failure, no turnaround
                Repair("T-00004", 50, null, RepairStatus.Open),              // a failure, still open
                Repair("T-00005", 600, 5),                                   // too long ago
                Repair("T-00006", 10, 9));                                   // another site
            devices["T-00004"].PoolId = pool;
            devices["T-00005"].PoolId = pool;
            devices["T-00005"].Status = DeviceStatus.Loaner;
            context.AddRange(
                new Assignment { DeviceId = devices["T-00004"].Id, HolderKind = HolderKind.Staff, HolderName = "Maria Lopez", OutAt = now.AddDays(-60), InAt = now.AddDays(-15), OutByName = "Test", IsLoan = true, PoolId = pool, DueOn = today.AddDays(-50) },
                new Assignment { DeviceId = devices["T-00005"].Id, HolderKind = HolderKind.Staff, HolderName = "Maria Lopez", OutAt = now.AddDays(-9), OutByName = "Test", IsLoan = true, PoolId = pool, DueOn = today.AddDays(-1) });
            await context.SaveChangesAsync();
        }

        var siteTech = Json(await (await world.App.ApiClientAsync(HelpdeskWorld.SiteTech)).GetStringAsync("/api/v1/devices/pools"));
        var secondTech = await world.App.ApiClientAsync(HelpdeskWorld.SecondTech);
        var highOnly = Json(await secondTech.GetStringAsync("/api/v1/devices/pools"));

        var card = siteTech.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == pool);
        var sizing = card.GetProperty("sizing");
        Assert.Equal((1, 2, 3, 0.017m, 3m, 2, false, 1),
            (sizing.GetProperty("damagedIncidents").GetInt32(), sizing.GetProperty("repairsOpened").GetInt32(), sizing.GetProperty("failures").GetInt32(),
             sizing.GetProperty("failuresPerSchoolDay").GetDecimal(), sizing.GetProperty("repairDays").GetDecimal(), sizing.GetProperty("closedRepairs").GetInt32(),
             sizing.GetProperty("repairDaysAssumed").GetBoolean(), sizing.GetProperty("recommended").GetInt32()));
        // 45 days of the returned loan inside the window and 9 of the open one, over 2 devices × 90 days.
        Assert.Equal((2, 1, 1, 0.3m), (card.GetProperty("devices").GetInt32(), card.GetProperty("outNow").GetInt32(), card.GetProperty("overdue").GetInt32(), card.GetProperty("utilization").GetDecimal()));
        Assert.Equal(["High school spares", "Spares"], siteTech.EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(["High school spares"], highOnly.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await secondTech.GetAsync($"/api/v1/devices/pools/{pool}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secondTech.PostAsJsonAsync($"/api/v1/devices/pools/{pool}/loans", new { personNumber = "E902" })).StatusCode);
        var other = Json(await secondTech.GetStringAsync("/api/v1/devices/pools")).EnumerateArray().Single().GetProperty("sizing");
        Assert.Equal((1, 1, 9m), (other.GetProperty("damagedIncidents").GetInt32(), other.GetProperty("repairsOpened").GetInt32(), other.GetProperty("repairDays").GetDecimal()));

        var browser = world.App.Browser();
        await browser.SignInAsync(HelpdeskWorld.SiteTech);
        var page = await browser.GetStringAsync($"/devices/loaners/{pool}");
        Assert.Contains("T-00005", page, StringComparison.Ordinal);
        Assert.Contains("Overdue", page, StringComparison.Ordinal);
    }

    internal static async Task<Guid> CreatePoolAsync(HttpClient manager, Guid siteId, string name)
    {
        var response = await manager.PostAsJsonAsync("/api/v1/devices/pools", new { siteId, name });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return Json(body).GetProperty("id").GetGuid();
    }

    internal static async Task<DateOnly> TodayAsync(HelpdeskWorld world)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<DistrictTime>().Today;
    }

    internal static async Task SetStatusAsync(HelpdeskWorld world, string tag, DeviceStatus status)
    {
        await using var context = world.Db.OpenContext();
        await context.Set<Device>().Where(d => d.AssetTag == tag).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, status));
    }

    internal static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;

    private static (int Added, int Unchanged) ReadChange(string body) =>
        (Json(body).GetProperty("added").GetInt32(), Json(body).GetProperty("unchanged").GetInt32());
}
