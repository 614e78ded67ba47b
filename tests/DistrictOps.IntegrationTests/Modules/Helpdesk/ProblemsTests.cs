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

public sealed class ProblemsTests
{
    // A Wednesday; the default period is the 28 days 2026-10-29 … 2026-11-25, the one before 2026-10-01 … 2026-10-28.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 18, 0, 0, TimeSpan.Zero);
    private const int WirelessTablet = 3;
    private const int BrokenScreen = 5;
    private const int Password = 11;
    private const string IPad = "iPad (9th generation)";
    private const string Report = "/api/v1/helpdesk/reports/recurring-issues";

    [Theory]
    [Providers]
    public async Task Recurring_issues_count_clusters_in_the_period_largest_first_with_the_previous_period_and_respect_filters(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        await SeedClustersAsync(world);
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);

        var report = await manager.GetFromJsonAsync<JsonElement>(Report);

        Assert.Equal(("2026-10-29", "2026-11-25", "2026-10-01", "2026-10-28", 3),
            (report.GetProperty("from").GetString(), report.GetProperty("to").GetString(), report.GetProperty("previousFrom").GetString(), report.GetProperty("previousTo").GetString(), report.GetProperty("minimumTickets").GetInt32()));
        Assert.Equal(
            [("Device › Tablet › Won't connect to wireless", IPad, "Harbor View Elementary", 5, 2), ("Device › Tablet › Broken screen", null, "Bayview High", 4, 6), ("Accounts › Password", null, "Harbor View Elementary", 3, 0)],
            Clusters(report));
        Assert.All(report.GetProperty("items").EnumerateArray(), c => Assert.Equal(0, c.GetProperty("linkedToProblem").GetInt32()));

        var high = await manager.GetFromJsonAsync<JsonElement>($"{Report}?site={world.High}");
        Assert.Equal([("Device › Tablet › Broken screen", null, "Bayview High", 4, 6)], Clusters(high));
        var october = await manager.GetFromJsonAsync<JsonElement>($"{Report}?from=2026-10-01&to=2026-10-28");
        Assert.Equal([("Device › Tablet › Broken screen", null, "Bayview High", 6, 0)], Clusters(october));

        var invalid = await manager.GetAsync($"{Report}?from=2026-13-01&to=2026-10-01&site=nowhere");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["from", "site"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [Providers]
    public async Task Opening_a_problem_from_a_cluster_twice_makes_one_problem_and_links_the_open_and_recent_tickets_once(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var ids = await SeedClustersAsync(world);
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        var cluster = new { issueTypeId = WirelessTablet, deviceModel = IPad, siteId = world.Elementary };

        var first = await manager.PostAsJsonAsync($"{Report}/problems", cluster);
        var opened = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        var browser = world.App.Browser();
        await browser.SignInAsync(HelpdeskWorld.Manager);
        var again = await browser.PostFormAsync("/helpdesk/problems/recurring", "/helpdesk/problems/recurring?handler=OpenProblem",
            new() { ["issueTypeId"] = "3", ["deviceModel"] = IPad, ["siteId"] = world.Elementary.ToString() });
        var third = await manager.PostAsJsonAsync($"{Report}/problems", cluster);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(6, opened.GetProperty("linkedTickets").GetInt32());
        var problemId = opened.GetProperty("problemId").GetInt64();
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal($"/helpdesk/problems/{problemId}", again.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        var existing = JsonDocument.Parse(await third.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((problemId, false), (existing.GetProperty("problemId").GetInt64(), existing.GetProperty("created").GetBoolean()));

        await using var context = world.Db.OpenContext();
        var problem = await context.Set<Problem>().SingleAsync();
        Assert.Equal(("Device › Tablet › Won't connect to wireless — iPad (9th generation) at Harbor View Elementary", WirelessTablet, IPad, world.Elementary, ProblemStatus.Open),
            (problem.Title, problem.IssueTypeId, problem.DeviceModel, problem.SiteId, problem.Status));
        var linked = await context.Set<Ticket>().Where(t => t.ProblemId == problem.Id).Select(t => t.Id).OrderBy(id => id).ToListAsync();
        Assert.Equal(ids.IPadCurrent.Append(ids.IPadOldOpen).Order(), linked);
        var events = await context.Set<TicketEvent>().Where(e => e.Kind == TicketEventKind.ProblemLinked).ToListAsync();
        Assert.Equal(linked, events.Select(e => e.TicketId).Order());
        Assert.All(events, e => Assert.False(e.IsPublic));
        Assert.All(events, e => Assert.Contains($"PRB-{problemId:D6}", e.Body, StringComparison.Ordinal));

        var report = await manager.GetFromJsonAsync<JsonElement>(Report);
        var top = report.GetProperty("items")[0];
        Assert.Equal((5, problemId, $"PRB-{problemId:D6}"), (top.GetProperty("linkedToProblem").GetInt32(), top.GetProperty("openProblemId").GetInt64(), top.GetProperty("openProblem").GetString()));
    }

    [Theory]
    [Providers]
    public async Task Linking_and_unlinking_tickets_writes_internal_events_and_technicians_who_cannot_see_a_ticket_only_count_it(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var helpDesk = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);
        var created = await helpDesk.PostAsJsonAsync("/api/v1/helpdesk/problems", new { title = "Projectors lose signal", workaround = "Reseat the HDMI cable at the wall plate." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var elementary = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Projector", description = "No signal.", siteId = world.Elementary, issueTypeId = 51 });
        var high = await world.OpenAsync(HelpdeskWorld.HelpDesk, new { title = "Projector too", description = "No signal.", siteId = world.High, issueTypeId = 51 });

        Assert.Equal(HttpStatusCode.OK, (await helpDesk.PostAsJsonAsync($"/api/v1/helpdesk/problems/{id}/tickets", new { number = elementary })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await helpDesk.PostAsJsonAsync($"/api/v1/helpdesk/problems/{id}/tickets", new { number = elementary.ToLowerInvariant() })).StatusCode);
        var both = await helpDesk.PostAsJsonAsync($"/api/v1/helpdesk/problems/{id}/tickets", new { number = high });
        var unknown = await helpDesk.PostAsJsonAsync($"/api/v1/helpdesk/problems/{id}/tickets", new { number = "BV-999999" });
        var other = await helpDesk.PostAsJsonAsync("/api/v1/helpdesk/problems", new { title = "Projector bulbs" });
        var otherId = JsonDocument.Parse(await other.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var taken = await helpDesk.PostAsJsonAsync($"/api/v1/helpdesk/problems/{otherId}/tickets", new { number = high });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(["number"], JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains($"is already part of PRB-{id:D6}", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var detail = JsonDocument.Parse(await both.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal([high, elementary], detail.GetProperty("ticketNumbers").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal([TicketEventKind.ProblemLinked], (await world.EventsAsync(elementary)).Where(e => e.Kind == TicketEventKind.ProblemLinked).Select(e => e.Kind));

        var network = await world.App.ApiClientAsync(HelpdeskWorld.Network);
        var asNetwork = await network.GetFromJsonAsync<JsonElement>($"/api/v1/helpdesk/problems/{id}");
        Assert.Equal((0, 2), (asNetwork.GetProperty("ticketNumbers").GetArrayLength(), asNetwork.GetProperty("hiddenTickets").GetInt32()));
        Assert.False(asNetwork.GetProperty("canEdit").GetBoolean());

        var unlinked = await helpDesk.DeleteAsync($"/api/v1/helpdesk/problems/{id}/tickets/{elementary}");
        Assert.Equal(HttpStatusCode.OK, unlinked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await helpDesk.DeleteAsync($"/api/v1/helpdesk/problems/{id}/tickets/{elementary}")).StatusCode);
        Assert.Null((await world.TicketAsync(elementary)).ProblemId);
        var events = (await world.EventsAsync(elementary)).Where(e => e.Kind == TicketEventKind.ProblemLinked).ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.False(e.IsPublic));
        Assert.StartsWith("No longer part of problem PRB-", events[1].Body, StringComparison.Ordinal);

        var technician = world.App.Browser();
        await technician.SignInAsync(HelpdeskWorld.SiteTech);
        var ticketPage = await technician.GetStringAsync($"/helpdesk/tickets/{high}");
        Assert.Contains($"PRB-{id:D6}", ticketPage, StringComparison.Ordinal);
        Assert.Contains("Reseat the HDMI cable at the wall plate.", ticketPage, StringComparison.Ordinal);
        var problemPage = await technician.GetStringAsync($"/helpdesk/problems/{id}");
        Assert.Contains($"href=\"/helpdesk/tickets/{high}\"", problemPage, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task Problem_fields_are_validated_by_name_status_moves_set_resolved_at_and_only_the_help_desk_and_managers_edit(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);

        var invalid = await manager.PostAsJsonAsync("/api/v1/helpdesk/problems", new { title = " ", status = "Fixed", issueTypeId = 999, siteId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["issueTypeId", "siteId", "status", "title"],
            JsonDocument.Parse(await invalid.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        var created = await manager.PostAsJsonAsync("/api/v1/helpdesk/problems", new { title = "Chromebooks lose their charger port", issueTypeId = 6, deviceModel = "Chromebook C340", siteId = world.High });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var knownError = await (await manager.PatchAsJsonAsync($"/api/v1/helpdesk/problems/{id}", new { status = "KnownError", rootCause = "A batch of bad ports." })).Content.ReadFromJsonAsync<JsonElement>();
        var resolved = await (await manager.PatchAsJsonAsync($"/api/v1/helpdesk/problems/{id}", new { status = "Resolved" })).Content.ReadFromJsonAsync<JsonElement>();
        var closed = await (await manager.PutAsJsonAsync($"/api/v1/helpdesk/problems/{id}", new { title = "Chromebook C340 charger ports", status = "Closed" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(("KnownError", "A batch of bad ports.", JsonValueKind.Null), (knownError.GetProperty("status").GetString(), knownError.GetProperty("rootCause").GetString(), knownError.GetProperty("resolvedAt").ValueKind));
        Assert.Equal(("Resolved", Now), (resolved.GetProperty("status").GetString(), resolved.GetProperty("resolvedAt").GetDateTimeOffset()));
        Assert.Equal(("Closed", Now, "Chromebook C340 charger ports", JsonValueKind.Null, JsonValueKind.Null),
            (closed.GetProperty("status").GetString(), closed.GetProperty("resolvedAt").GetDateTimeOffset(), closed.GetProperty("title").GetString(), closed.GetProperty("rootCause").ValueKind, closed.GetProperty("siteId").ValueKind));
        var list = await manager.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/problems?status=closed");
        Assert.Equal((1, 1, 50), (list.GetProperty("total").GetInt32(), list.GetProperty("page").GetInt32(), list.GetProperty("pageSize").GetInt32()));
        Assert.Equal(0, (await manager.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/problems?status=Open")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/v1/helpdesk/problems?status=Fixed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PatchAsJsonAsync("/api/v1/helpdesk/problems/999", new { status = "Open" })).StatusCode);

        var network = await world.App.ApiClientAsync(HelpdeskWorld.Network);
        Assert.Equal(HttpStatusCode.OK, (await network.GetAsync("/api/v1/helpdesk/problems")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await network.PostAsJsonAsync("/api/v1/helpdesk/problems", new { title = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await network.PatchAsJsonAsync($"/api/v1/helpdesk/problems/{id}", new { status = "Open" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await network.PostAsJsonAsync($"{Report}/problems", new { issueTypeId = 6, siteId = world.High })).StatusCode);
        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("/api/v1/helpdesk/problems")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"/api/v1/helpdesk/problems/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync(Report)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("/api/v1/helpdesk/service-level-policies")).StatusCode);

        var browser = world.App.Browser();
        await browser.SignInAsync(HelpdeskWorld.Manager);
        var empty = await browser.GetStringAsync("/helpdesk/problems?status=Open");
        Assert.Contains("No problem records with this status", empty, StringComparison.Ordinal);
        Assert.Contains("href=\"/helpdesk/problems/recurring\"", empty, StringComparison.Ordinal);
        Assert.Contains("Chromebook C340 charger ports", await browser.GetStringAsync("/helpdesk/problems"), StringComparison.Ordinal);
    }

    private static Task<HelpdeskWorld> CreateAsync(DatabaseProvider provider) =>
        HelpdeskWorld.CreateAsync(provider, services: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));

    private static List<(string?, string?, string?, int, int)> Clusters(JsonElement report) =>
        report.GetProperty("items").EnumerateArray()
            .Select(c => (c.GetProperty("issueType").GetString(), c.GetProperty("deviceModel").GetString(), c.GetProperty("site").GetString(), c.GetProperty("tickets").GetInt32(), c.GetProperty("previousTickets").GetInt32()))
            .ToList();

    private sealed record Seeded(List<long> IPadCurrent, long IPadOldOpen);

    /// <summary>
    /// Elementary iPads on the wireless: 5 this period (and a merged duplicate), 2 before, one open from September, one solved from September.
    /// High broken screens without a model: 4 this period, 6 before. Elementary passwords: 3, all new. Elementary Chromebooks: 2, under the minimum.
    /// </summary>
    private static async Task<Seeded> SeedClustersAsync(HelpdeskWorld world)
    {
        await using var context = world.Db.OpenContext();
        var current = new DateTimeOffset(2026, 11, 2, 16, 0, 0, TimeSpan.Zero);
        var previous = new DateTimeOffset(2026, 10, 5, 16, 0, 0, TimeSpan.Zero);
        Ticket New(Guid site, int issueType, string? model, DateTimeOffset at, TicketStatus status = TicketStatus.Solved) => new()
        {
            Title = "Seeded", Description = "Seeded.", RequesterName = "Maria Lopez", SiteId = site, IssueTypeId = issueType, DeviceModel = model,
            Status = status, Priority = 4, CreatedAt = at, UpdatedAt = at, StatusChangedAt = at,
        };

        var iPads = Enumerable.Range(0, 5).Select(i => New(world.Elementary, WirelessTablet, IPad, current.AddDays(i * 3), i < 2 ? TicketStatus.Open : TicketStatus.Solved)).ToList();
        var oldOpen = New(world.Elementary, WirelessTablet, IPad, new DateTimeOffset(2026, 9, 15, 16, 0, 0, TimeSpan.Zero), TicketStatus.Pending);
        context.Set<Ticket>().AddRange(iPads);
        context.Set<Ticket>().Add(oldOpen);
        context.Set<Ticket>().AddRange(
            New(world.Elementary, WirelessTablet, IPad, previous),
            New(world.Elementary, WirelessTablet, IPad, previous.AddDays(4)),
            New(world.Elementary, WirelessTablet, IPad, new DateTimeOffset(2026, 9, 1, 16, 0, 0, TimeSpan.Zero)),
            New(world.Elementary, Password, null, current),
            New(world.Elementary, Password, null, current.AddDays(1)),
            New(world.Elementary, Password, null, Now.AddHours(-1)),
            New(world.Elementary, WirelessTablet, "Chromebook C340", current),
            New(world.Elementary, WirelessTablet, "Chromebook C340", current.AddDays(2)));
        context.Set<Ticket>().AddRange(Enumerable.Range(0, 4).Select(i => New(world.High, BrokenScreen, null, current.AddDays(i))));
        context.Set<Ticket>().AddRange(Enumerable.Range(0, 6).Select(i => New(world.High, BrokenScreen, null, previous.AddDays(i))));
        await context.SaveChangesAsync();
        var duplicate = New(world.Elementary, WirelessTablet, IPad, current.AddDays(1), TicketStatus.Closed);
        duplicate.MergedIntoId = iPads[0].Id;
        context.Set<Ticket>().Add(duplicate);
        await context.SaveChangesAsync();
        return new Seeded(iPads.Select(t => t.Id).ToList(), oldOpen.Id);
    }
}
