using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

public sealed class WorkTicketTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Theory]
    [Providers]
    public async Task Replies_notes_and_status_follow_the_conversation(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);

        await Ok(tech.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{number}/comments", new { body = "Checked the access point: it was unplugged.", isPublic = false, minutes = 15 }));
        Assert.Null((await world.TicketAsync(number)).FirstResponseAt);
        await Ok(tech.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{number}/comments", new { body = "Which room is the cart in now?" }));
        await Ok(tech.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{number}", new { status = "Pending" }));
        var waiting = await world.TicketAsync(number);
        Assert.Equal((TicketStatus.Pending, 15), (waiting.Status, waiting.MinutesSpent));
        Assert.NotNull(waiting.FirstResponseAt);

        await Ok(teacher.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{number}/comments", new { body = "Room 14." }));

        Assert.Equal(TicketStatus.Open, (await world.TicketAsync(number)).Status);
        var seen = await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/helpdesk/tickets/{number}");
        var bodies = seen.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("body").GetString()).ToList();
        Assert.Contains("Which room is the cart in now?", bodies);
        Assert.DoesNotContain("Checked the access point: it was unplugged.", bodies);
        var note = await teacher.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{number}/comments", new { body = "secret", isPublic = false });
        Assert.Equal(HttpStatusCode.Forbidden, note.StatusCode);
        await using var context = world.Db.OpenContext();
        Assert.Equal(1, await context.Set<Notification>().CountAsync(n => n.UserId == world.Users[HelpdeskWorld.Teacher] && n.Kind == "reply"));
        Assert.Equal(1, await context.Set<Notification>().CountAsync(n => n.UserId == world.Users[HelpdeskWorld.SiteTech] && n.Kind == "reply"));
    }

    [Theory]
    [Providers]
    public async Task A_requester_reopens_a_solved_ticket_inside_the_window_and_not_after(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 5, 16, 0, 0, TimeSpan.Zero));
        await using var world = await HelpdeskWorld.CreateAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var first = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var second = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);
        await Ok(tech.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{first}", new { status = "Solved" }));
        await Ok(tech.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{second}", new { status = "Solved" }));
        Assert.Equal(HttpStatusCode.BadRequest, (await tech.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{first}", new { status = "New" })).StatusCode);

        clock.Advance(TimeSpan.FromDays(13));
        await Ok(teacher.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{first}/reopen", new { reason = "Cart dropped off again." }));
        clock.Advance(TimeSpan.FromDays(2));
        var late = await teacher.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{second}/reopen", new { reason = "Again." });

        var reopened = await world.TicketAsync(first);
        Assert.Equal((TicketStatus.Open, 1, (DateTimeOffset?)null), (reopened.Status, reopened.ReopenCount, reopened.SolvedAt));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("more than 14 days ago", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Solved, (await world.TicketAsync(second)).Status);
        var statuses = (await world.EventsAsync(first)).Where(e => e.Kind == TicketEventKind.StatusChanged).Select(e => (e.FromStatus, e.ToStatus));
        Assert.Equal([(TicketStatus.New, TicketStatus.Solved), (TicketStatus.Solved, TicketStatus.Open)], statuses);
    }

    [Theory]
    [Providers]
    public async Task Escalation_needs_a_reason_and_goes_up_a_tier(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);

        var noReason = await tech.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{number}/escalate", new { reason = " " });
        var down = await tech.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{number}/escalate", new { reason = "x", teamId = HelpdeskDefaults.HelpDeskTeam });
        await Ok(tech.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{number}/escalate", new { reason = "Needs a re-image with the new standard." }));

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("\"reason\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, down.StatusCode);
        var ticket = await world.TicketAsync(number);
        Assert.Equal((HelpdeskDefaults.SeniorTechnicianTeam, (Guid?)null, TicketStatus.Open), (ticket.TeamId, ticket.AssigneeUserId, ticket.Status));
        Assert.Contains(await world.EventsAsync(number), e => e.Kind == TicketEventKind.Escalated
            && e.Body == "Escalated to Senior technicians (tier 3): Needs a re-image with the new standard.");
    }

    [Theory]
    [Providers]
    public async Task Assignment_goes_to_technicians_only_and_the_same_change_twice_changes_nothing(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var number = await world.OpenAsync(HelpdeskWorld.HelpDesk, new { title = "Printer jam", description = "Jammed.", siteId = world.District, issueTypeId = HelpdeskDefaults.Printing });
        var desk = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);

        var toTeacher = await desk.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{number}", new { assigneeUserId = world.Users[HelpdeskWorld.Teacher] });
        var first = await desk.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{number}", new { assignToMe = true, priority = 2, addTags = "Printer, toner" });
        var eventsAfterFirst = (await world.EventsAsync(number)).Count;
        var again = await desk.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{number}", new { assignToMe = true, priority = 2, addTags = "toner" });

        Assert.Equal(HttpStatusCode.BadRequest, toTeacher.StatusCode);
        Assert.True((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetBoolean());
        Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetBoolean());
        Assert.Equal(eventsAfterFirst, (await world.EventsAsync(number)).Count);
        var ticket = await world.TicketAsync(number);
        Assert.Equal(("Priya Natarajan", 2, "printer toner"), (ticket.AssigneeName, ticket.Priority, ticket.Tags));
        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{number}", new { status = "Solved" })).StatusCode);
    }

    [Theory]
    [Providers]
    public async Task A_duplicate_merges_into_the_surviving_ticket_once(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var original = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var duplicate = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);

        var self = await tech.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{duplicate}/merge", new { into = duplicate });
        await Ok(tech.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{duplicate}/merge", new { into = original }));
        var again = await tech.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{duplicate}/merge", new { into = original });
        var reverse = await tech.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{original}/merge", new { into = duplicate });

        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, reverse.StatusCode);
        var merged = await world.TicketAsync(duplicate);
        Assert.Equal((TicketStatus.Closed, (await world.TicketAsync(original)).Id), (merged.Status, merged.MergedIntoId));
        Assert.Single(await world.EventsAsync(original), e => e.Kind == TicketEventKind.Merged);
        Assert.Single(await world.EventsAsync(duplicate), e => e.Kind == TicketEventKind.Merged);
    }

    [Theory]
    [Providers]
    public async Task A_bulk_update_applies_to_every_ticket_or_to_none(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var a = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var b = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);

        var refused = await manager.PostAsJsonAsync("/api/v1/helpdesk/tickets/bulk", new { numbers = new[] { a, b, "BV-999999" }, changes = new { status = "OnHold" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(TicketStatus.New, (await world.TicketAsync(a)).Status);

        await Ok(manager.PostAsJsonAsync("/api/v1/helpdesk/tickets/bulk", new { numbers = new[] { a, b }, changes = new { status = "OnHold", teamId = HelpdeskDefaults.SeniorTechnicianTeam } }));
        Assert.All(new[] { await world.TicketAsync(a), await world.TicketAsync(b) }, t => Assert.Equal((TicketStatus.OnHold, HelpdeskDefaults.SeniorTechnicianTeam), (t.Status, t.TeamId)));
    }

    [Theory]
    [Providers]
    public async Task Attachments_are_typed_by_content_limited_in_size_and_kept_once(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider, new Dictionary<string, string?> { ["Helpdesk:MaxAttachmentBytes"] = "1024" });
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);

        var picture = await Upload(teacher, number, Png, "screen.txt");
        var again = await Upload(teacher, number, Png, "copy.png");
        var program = await Upload(teacher, number, [0x4D, 0x5A, 0x90, 0x00, 0x03], "photo.png");
        var huge = await Upload(teacher, number, [.. Png, .. new byte[2048]], "big.png");

        Assert.Equal(HttpStatusCode.Created, picture.StatusCode);
        var attached = await picture.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("image/png", attached.GetProperty("contentType").GetString());
        Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, program.StatusCode);
        Assert.Contains("PNG, JPEG, GIF, WebP", await program.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        var id = attached.GetProperty("id").GetInt64();
        var download = await (await world.App.ApiClientAsync(HelpdeskWorld.SiteTech)).GetAsync($"/api/v1/helpdesk/tickets/{number}/attachments/{id}");
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        var outsider = await world.App.ApiClientAsync(HelpdeskWorld.Network);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/helpdesk/tickets/{number}/attachments/{id}")).StatusCode);
        await using var context = world.Db.OpenContext();
        Assert.Equal(1, await context.Set<TicketAttachment>().CountAsync());
    }

    [Theory]
    [Providers]
    public async Task A_macro_replies_and_sets_the_status_together(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);

        await Ok(tech.PostAsync($"/api/v1/helpdesk/tickets/{number}/macros/1", null));

        var ticket = await world.TicketAsync(number);
        Assert.Equal(TicketStatus.Pending, ticket.Status);
        Assert.NotNull(ticket.FirstResponseAt);
        Assert.Contains(await world.EventsAsync(number), e => e.Kind == TicketEventKind.PublicReply && e.Body!.StartsWith("Thanks for letting us know.", StringComparison.Ordinal));
    }

    [Theory]
    [Providers]
    public async Task Each_ticket_action_answers_a_missing_ticket_404_a_forbidden_one_403_and_a_ticket_in_the_wrong_state_409(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var duplicate = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);
        const string Missing = "/api/v1/helpdesk/tickets/BV-999999";

        foreach (var response in new[]
        {
            await tech.PatchAsJsonAsync(Missing, new { status = "Open" }),
            await tech.PostAsJsonAsync(Missing + "/comments", new { body = "Hello?" }),
            await tech.PostAsJsonAsync(Missing + "/escalate", new { reason = "Needs tier 3." }),
            await tech.PostAsJsonAsync(Missing + "/reopen", new { reason = "Back." }),
            await tech.PostAsJsonAsync(Missing + "/merge", new { into = number }),
            await tech.PostAsync(Missing + "/instruction-restored", null),
            await tech.PostAsync(Missing + "/macros/1", null),
            await tech.PostAsync($"/api/v1/helpdesk/tickets/{number}/macros/999", null),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{number}/escalate", new { reason = "Faster, please." })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{duplicate}/merge", new { into = number })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{number}", new { status = "Solved" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await tech.PostAsync($"/api/v1/helpdesk/tickets/{number}/instruction-restored", null)).StatusCode);

        await Ok(tech.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{duplicate}/merge", new { into = number }));
        var closed = await teacher.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{duplicate}/comments", new { body = "Still broken." });
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("is read-only", await closed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await tech.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{duplicate}/escalate", new { reason = "Needs tier 3." })).StatusCode);
        Assert.Equal(TicketStatus.New, (await world.TicketAsync(number)).Status);
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, string number, byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var form = new MultipartFormDataContent { { file, "file", name } };
        return await client.PostAsync($"/api/v1/helpdesk/tickets/{number}/attachments", form);
    }

    private static async Task Ok(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}

public sealed class WorkTicketPageTests
{
    [Theory]
    [Providers]
    public async Task A_technician_works_a_ticket_from_its_page_and_a_refused_escalation_says_why(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Projector <b>dead</b>", description = "No picture.", siteId = world.Elementary, issueTypeId = 51 });
        var tech = world.App.Browser();
        await tech.SignInAsync(HelpdeskWorld.SiteTech);
        var page = $"/helpdesk/tickets/{number}";

        var html = await tech.GetStringAsync(page);
        var refused = await tech.PostFormAsync(page, page + "?handler=Escalate", new() { ["reason"] = "" });
        var classified = await tech.PostFormAsync(page, page + "?handler=Update", new() { ["issueTypeId"] = "51", ["impact"] = "Person", ["urgency"] = "Medium", ["room"] = "4", ["assetTag"] = "" });
        var solved = await tech.PostFormAsync(page, page + "?handler=Compose", new() { ["Draft.Body"] = "On my way.", ["Draft.IsPublic"] = "true", ["Draft.Minutes"] = "10", ["markSolved"] = "true" });

        Assert.Contains("Projector &lt;b&gt;dead&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, classified.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Say why the ticket needs the next tier.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, solved.StatusCode);
        var ticket = await world.TicketAsync(number);
        Assert.Equal((TicketStatus.Solved, "4", 10), (ticket.Status, ticket.Room, ticket.MinutesSpent));
        var teacher = world.App.Browser();
        await teacher.SignInAsync(HelpdeskWorld.Teacher);
        Assert.NotEqual(HttpStatusCode.OK, (await teacher.GetAsync(page)).StatusCode);
    }
}
