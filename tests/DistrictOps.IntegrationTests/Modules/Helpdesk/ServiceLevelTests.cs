using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.ManageCalendar;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.ServiceLevels.TrackServiceLevels;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Email;
using DistrictOps.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

/// <summary>
/// The district standard policy on school time (07:00-15:00 Los Angeles): a teacher's tablet ticket is priority 4,
/// first response 8 school hours, resolution 5 school days. Opened Monday 5 October 2026 09:00 local (16:00 UTC).
/// </summary>
public sealed class ServiceLevelTests
{
    private static readonly DateTimeOffset MondayNine = new(2026, 10, 5, 16, 0, 0, TimeSpan.Zero);

    private static async Task<(HelpdeskWorld World, FakeTimeProvider Clock)> WorldAsync(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(MondayNine);
        var world = await HelpdeskWorld.CreateAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        await using var context = world.Db.OpenContext();
        context.Add(new CalendarYear { Id = Guid.NewGuid(), FirstDay = new DateOnly(2026, 8, 17), LastDay = new DateOnly(2027, 6, 4), Name = "2026-27" });
        var team = await context.Set<Team>().SingleAsync(t => t.Id == HelpdeskDefaults.SiteTechnicianTeam);
        team.LeadUserId = world.Users[HelpdeskWorld.SecondTech];
        await context.SaveChangesAsync();
        return (world, clock);
    }

    private static object Tablet(HelpdeskWorld world, bool disrupted = false) =>
        new { title = "Tablet won't connect", description = "No wireless.", siteId = world.Elementary, issueTypeId = 3, instructionDisrupted = disrupted };

    private static async Task<WorkDone> RunJobAsync(HelpdeskWorld world)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ServiceLevelWork>().RunAsync(CancellationToken.None);
    }

    private static async Task Ok(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [Providers]
    public async Task Every_change_the_clock_reads_recomputes_the_ticket_at_once(DatabaseProvider provider)
    {
        var (world, clock) = await WorldAsync(provider);
        await using var _ = world;
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, Tablet(world));
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);

        var opened = await world.TicketAsync(number);
        Assert.Equal((HelpdeskDefaults.DistrictStandardPolicy, 4), (opened.ServiceLevelPolicyId, opened.Priority));
        Assert.Equal(new DateTimeOffset(2026, 10, 6, 16, 0, 0, TimeSpan.Zero), opened.ResponseDueAt);
        Assert.Equal(new DateTimeOffset(2026, 10, 12, 16, 0, 0, TimeSpan.Zero), opened.ResolutionDueAt);
        Assert.Equal(new DateTimeOffset(2026, 10, 5, 20, 0, 0, TimeSpan.Zero), opened.ServiceLevelCheckAt);

        clock.Advance(TimeSpan.FromHours(1));
        await Ok(tech.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{number}", new { status = "Pending" }));
        var pending = await world.TicketAsync(number);
        Assert.Equal((MondayNine.AddHours(1), (DateTimeOffset?)null, (DateTimeOffset?)null, (DateTimeOffset?)null), (pending.ServiceLevelPausedSince, pending.ResponseDueAt, pending.ResolutionDueAt, pending.ServiceLevelCheckAt));

        clock.Advance(TimeSpan.FromHours(2));
        await Ok(tech.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{number}", new { status = "Open" }));
        var resumed = await world.TicketAsync(number);
        Assert.Null(resumed.ServiceLevelPausedSince);
        Assert.Equal(new DateTimeOffset(2026, 10, 6, 18, 0, 0, TimeSpan.Zero), resumed.ResponseDueAt);

        await Ok(tech.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{number}", new { priority = 2 }));
        var urgent = await world.TicketAsync(number);
        Assert.True(urgent.ResponseBreached);
        Assert.Equal(MondayNine.AddHours(1), urgent.ResponseDueAt);

        await Ok(tech.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{number}/comments", new { body = "On my way." }));
        await Ok(tech.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{number}", new { status = "Solved" }));
        var solved = await world.TicketAsync(number);
        Assert.Equal((60, 60, (DateTimeOffset?)null, (DateTimeOffset?)null), (solved.ResponseMinutes, solved.ResolutionMinutes, solved.ResolutionDueAt, solved.ServiceLevelCheckAt));
        Assert.False(solved.FirstContactResolution);

        var detail = JsonDocument.Parse(await tech.GetStringAsync($"/api/v1/helpdesk/tickets/{number}")).RootElement.GetProperty("serviceLevel");
        var targets = detail.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("target").GetString()!, t => t.GetProperty("state").GetString());
        Assert.Equal("Met", targets["FirstResponse"]);
        Assert.Equal("Met", targets["Resolution"]);
    }

    [Theory]
    [Providers]
    public async Task The_job_sends_each_ladder_step_once(DatabaseProvider provider)
    {
        var (world, clock) = await WorldAsync(provider);
        await using var _ = world;
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, Tablet(world));

        clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
        var half = await RunJobAsync(world);
        var again = await RunJobAsync(world);

        Assert.Equal(1, half.Changed);
        Assert.Equal(0, again.Changed);
        await using (var context = world.Db.OpenContext())
        {
            var alerts = await context.Set<Notification>().Where(n => n.Kind == "service-level").ToListAsync();
            Assert.Equal([world.Users[HelpdeskWorld.SiteTech]], alerts.Select(n => n.UserId));
            Assert.Equal(1, await context.Set<OutboxMessage>().CountAsync(m => m.Kind == "helpdesk.service-level"));

            // The deadline, Tuesday morning in Los Angeles, as the district's clocks show it.
            Assert.Contains("due Tue 6 Oct 2026, ", alerts.Single().Text, StringComparison.Ordinal);
            Assert.DoesNotContain("UTC", alerts.Single().Text, StringComparison.Ordinal);
        }

        // Tuesday 10:00: the 8 school hours to a first response are gone.
        clock.SetUtcNow(new DateTimeOffset(2026, 10, 6, 17, 0, 0, TimeSpan.Zero));
        var breach = await RunJobAsync(world);
        var twice = await RunJobAsync(world);

        Assert.Equal((1, 0), (breach.Changed, twice.Changed));
        var ticket = await world.TicketAsync(number);
        Assert.True(ticket.ResponseBreached);
        Assert.Equal(ServiceLevelAlerts.Response50 | ServiceLevelAlerts.Response75 | ServiceLevelAlerts.ResponseBreach, ticket.ServiceLevelAlertsSent);
        await using (var context = world.Db.OpenContext())
        {
            var told = await context.Set<Notification>().Where(n => n.Kind == "service-level" && n.Text.Contains("breached")).Select(n => n.UserId).ToListAsync();
            Assert.Equal(new[] { world.Users[HelpdeskWorld.SecondTech], world.Users[HelpdeskWorld.Manager] }.Order(), told.Order());
        }

        var events = (await world.EventsAsync(number)).Where(e => e.Kind == TicketEventKind.ServiceLevel).ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.False(e.IsPublic));
    }

    [Theory]
    [Providers]
    public async Task A_no_school_day_added_in_the_calendar_editor_moves_an_open_tickets_deadline(DatabaseProvider provider)
    {
        var (world, clock) = await WorldAsync(provider);
        await using var _ = world;
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, Tablet(world));
        Assert.Equal(new DateTimeOffset(2026, 10, 6, 16, 0, 0, TimeSpan.Zero), (await world.TicketAsync(number)).ResponseDueAt);

        clock.Advance(TimeSpan.FromMinutes(5));
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<CalendarEditor>().AddNoSchoolDayAsync(new DateOnly(2026, 10, 6), "Staff development", null);
            Assert.True(added.Succeeded);
        }

        Assert.Equal(clock.GetUtcNow(), (await world.TicketAsync(number)).ServiceLevelCheckAt);
        await RunJobAsync(world);

        var moved = await world.TicketAsync(number);
        Assert.Equal(new DateTimeOffset(2026, 10, 7, 16, 0, 0, TimeSpan.Zero), moved.ResponseDueAt);
        Assert.Equal(new DateTimeOffset(2026, 10, 5, 20, 0, 0, TimeSpan.Zero), moved.ServiceLevelCheckAt);
    }

    [Theory]
    [Providers]
    public async Task Instruction_restored_meets_the_restore_target_once(DatabaseProvider provider)
    {
        var (world, clock) = await WorldAsync(provider);
        await using var _ = world;
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, Tablet(world, disrupted: true));
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        Assert.Equal(MondayNine.AddMinutes(30), (await world.TicketAsync(number)).RestoreDueAt);

        clock.Advance(TimeSpan.FromMinutes(20));
        var first = await tech.PostAsync($"/api/v1/helpdesk/tickets/{number}/instruction-restored", null);
        clock.Advance(TimeSpan.FromMinutes(20));
        var second = await tech.PostAsync($"/api/v1/helpdesk/tickets/{number}/instruction-restored", null);
        var plain = await world.OpenAsync(HelpdeskWorld.Teacher, Tablet(world));
        var refused = await tech.PostAsync($"/api/v1/helpdesk/tickets/{plain}/instruction-restored", null);

        Assert.True(JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("changed").GetBoolean());
        Assert.False(JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("changed").GetBoolean());
        Assert.Equal(System.Net.HttpStatusCode.Conflict, refused.StatusCode);
        var ticket = await world.TicketAsync(number);
        Assert.Equal((MondayNine.AddMinutes(20), (DateTimeOffset?)null, false), (ticket.InstructionRestoredAt, ticket.RestoreDueAt, ticket.RestoreBreached));
        Assert.Single(await world.EventsAsync(number), e => e.Kind == TicketEventKind.InstructionRestored);
    }

    [Theory]
    [Providers]
    public async Task Breaching_soon_lists_visible_tickets_nearest_deadline_first(DatabaseProvider provider)
    {
        var (world, clock) = await WorldAsync(provider);
        await using var _ = world;
        var first = await world.OpenAsync(HelpdeskWorld.Teacher, Tablet(world));
        clock.Advance(TimeSpan.FromMinutes(10));
        var second = await world.OpenAsync(HelpdeskWorld.Teacher, Tablet(world));
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var other = await world.App.ApiClientAsync(HelpdeskWorld.Network);

        var now = await tech.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/queues/breaching-soon");
        Assert.Equal(0, now.GetProperty("total").GetInt32());

        // Tuesday 08:00: both first responses are due within two hours.
        clock.SetUtcNow(new DateTimeOffset(2026, 10, 6, 15, 0, 0, TimeSpan.Zero));
        await Ok(tech.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{first}", new { priority = 3 }));
        var soon = await tech.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/queues/breaching-soon");
        var breached = await tech.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/queues/breached");
        var hidden = await other.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/queues/breaching-soon");

        // The first is now priority 3 (4 school hours to respond): breached since Monday 13:00, so it is listed as breached, not as breaching soon.
        Assert.Equal([(second, true, false)], Rows(soon));
        Assert.Equal([(first, false, true)], Rows(breached));
        Assert.Equal(0, hidden.GetProperty("total").GetInt32());
    }

    [Theory]
    [Providers]
    public async Task Breaching_soon_is_as_wide_as_the_configured_window_and_a_window_out_of_range_stops_the_start(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(MondayNine);
        await using var world = await HelpdeskWorld.CreateAsync(provider, new Dictionary<string, string?> { ["Helpdesk:ServiceLevels:BreachingSoonMinutes"] = "30" }, s => s.AddSingleton<TimeProvider>(clock));
        await using (var context = world.Db.OpenContext())
        {
            context.Add(new CalendarYear { Id = Guid.NewGuid(), FirstDay = new DateOnly(2026, 8, 17), LastDay = new DateOnly(2027, 6, 4), Name = "2026-27" });
            await context.SaveChangesAsync();
        }

        var number = await world.OpenAsync(HelpdeskWorld.Teacher, Tablet(world));
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var due = (await world.TicketAsync(number)).ResponseDueAt!.Value;

        clock.SetUtcNow(due.AddMinutes(-40));
        Assert.Empty(Rows(await tech.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/queues/breaching-soon")));
        clock.SetUtcNow(due.AddMinutes(-20));
        Assert.Equal([(number, true, false)], Rows(await tech.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/queues/breaching-soon")));

        async Task ListedAndCountedOnceAsync()
        {
            var list = await tech.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/queues/breaching-soon");
            Assert.Equal([(number, true, false)], Rows(list));
            Assert.Equal(1, list.GetProperty("total").GetInt32());
            var counts = await tech.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/queues");
            Assert.Equal(1, counts.EnumerateArray().Single(q => q.GetProperty("name").GetString() == "breaching-soon").GetProperty("count").GetInt32());
        }

        // With its resolution due within the window too, the ticket is still listed and counted once (each deadline is
        // searched on its own index, the second leaving out what the first found).
        var id = (await world.TicketAsync(number)).Id;
        await using (var context = world.Db.OpenContext())
        {
            await context.Set<Ticket>().Where(t => t.Id == id).ExecuteUpdateAsync(u => u.SetProperty(t => t.ResolutionDueAt, due.AddMinutes(5)));
        }

        await ListedAndCountedOnceAsync();

        // Only its resolution within the window (the response due after it): found by the second deadline alone.
        await using (var context = world.Db.OpenContext())
        {
            await context.Set<Ticket>().Where(t => t.Id == id).ExecuteUpdateAsync(u => u.SetProperty(t => t.ResponseDueAt, due.AddHours(3)));
        }

        await ListedAndCountedOnceAsync();

        await using var refused = new DistrictOpsFactory(world.Db, new Dictionary<string, string?> { ["Helpdesk:ServiceLevels:BreachingSoonMinutes"] = "0" });
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => refused.CreateClient());
        Assert.Contains("Helpdesk:ServiceLevels:BreachingSoonMinutes must be between 1 and 10080", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task A_request_with_a_photo_is_confirmed_with_its_team_and_the_first_answer_due_in_school_time_and_a_bad_photo_opens_nothing(DatabaseProvider provider)
    {
        var (world, _) = await WorldAsync(provider);
        await using var _w = world;
        var teacher = world.App.Browser();
        await teacher.SignInAsync(HelpdeskWorld.Teacher);

        var notAPicture = await PostRequestAsync(teacher, world, "notes.png", "just text"u8.ToArray());
        Assert.Equal(System.Net.HttpStatusCode.OK, notAPicture.StatusCode);
        Assert.Contains("Only pictures (PNG, JPEG, GIF, WebP) and PDF files can be attached", await notAPicture.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var context = world.Db.OpenContext())
        {
            Assert.Equal(0, await context.Set<Ticket>().CountAsync());
        }

        var sent = await PostRequestAsync(teacher, world, "screen shot.jpg", Png);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, sent.StatusCode);
        var location = sent.Headers.Location!.OriginalString;
        Assert.Matches(@"^/helpdesk/requests/BV-\d{6}\?sent=1$", location);
        var number = location.Split('/')[^1].Split('?')[0];
        var ticket = await world.TicketAsync(number);
        await using (var context = world.Db.OpenContext())
        {
            var attachment = await context.Set<TicketAttachment>().SingleAsync(a => a.TicketId == ticket.Id);
            Assert.Equal(("screen shot.png", "image/png", Png.Length), (attachment.FileName, attachment.ContentType, (int)attachment.Size));
        }

        var page = System.Net.WebUtility.HtmlDecode(await teacher.GetStringAsync(location));
        await using var scope = world.App.Services.CreateAsyncScope();
        var due = scope.ServiceProvider.GetRequiredService<DistrictOps.Web.Platform.Time.DistrictTime>().Absolute(ticket.ResponseDueAt!.Value, culture: System.Globalization.CultureInfo.GetCultureInfo("en"));
        Assert.Contains($"Your request {number} was sent", page, StringComparison.Ordinal);
        Assert.Contains("What happens next: the Site technicians team looks at it", page, StringComparison.Ordinal);
        Assert.Contains("Expected first answer: in ", page, StringComparison.Ordinal);
        Assert.Contains(" of school time, by", page, StringComparison.Ordinal);
        Assert.Contains(due, page, StringComparison.Ordinal);
        Assert.DoesNotContain("was sent", System.Net.WebUtility.HtmlDecode(await teacher.GetStringAsync(location.Split('?')[0])), StringComparison.Ordinal);
    }

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private static async Task<HttpResponseMessage> PostRequestAsync(HttpClient teacher, HelpdeskWorld world, string fileName, byte[] photo)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await teacher.AntiforgeryTokenAsync("/helpdesk/requests/new")), "__RequestVerificationToken" },
            { new StringContent(world.Elementary.ToString()), "Input.SiteId" },
            { new StringContent("4"), "Input.IssueTypeId" },
            { new StringContent("Tablet will not sign in"), "Input.Title" },
            { new StringContent("It says the trust relationship failed."), "Input.Description" },
            { new ByteArrayContent(photo), "Photo", fileName },
        };
        return await teacher.PostAsync("/helpdesk/requests/new", form);
    }

    private static List<(string? Number, bool DueSoon, bool Breached)> Rows(JsonElement list) =>
        list.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("number").GetString(), i.GetProperty("dueSoon").GetBoolean(), i.GetProperty("breached").GetBoolean())).ToList();
}
