using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Email;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Directory;

/// <summary>
/// Issue 11 item 4, the side doors left after the student rule: a student requester's name in help desk emails, timeline
/// text and queue search; the related students on a guardian's page; the access-log row for a ticket that names a student.
/// </summary>
public sealed class StudentSideDoorTests
{
    private const string Hidden = "A student or family member";

    [Theory]
    [Providers]
    public async Task A_student_requesters_name_is_in_no_assignment_email_and_no_merge_entry_of_the_timeline(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var student = await world.PersonIdAsync("s-es-4");
        var helpdesk = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);
        var number = await world.OpenAsync(HelpdeskWorld.HelpDesk, Call(world, "Cannot sign in to the reading app", student));
        var target = await world.OpenAsync(HelpdeskWorld.Teacher, Call(world, "Reading app down in room 4", requester: null));

        (await helpdesk.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{number}", new { assigneeUserId = world.Users[HelpdeskWorld.Network] })).EnsureSuccessStatusCode();
        (await helpdesk.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{number}/merge", new { into = target })).EnsureSuccessStatusCode();
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        var seenByManager = await manager.GetStringAsync($"/api/v1/helpdesk/tickets/{target}");

        var assignments = (await OutboxAsync(world)).Where(m => m.Kind == "helpdesk.ticket-assigned" && m.Subject.Contains("reading app", StringComparison.Ordinal)).ToList();
        Assert.Contains(assignments, m => m.To == HelpdeskWorld.Network);
        Assert.All(assignments, m =>
        {
            Assert.DoesNotContain("Kid4", m.TextBody + m.HtmlBody + m.Subject, StringComparison.Ordinal);
            Assert.Contains($"Requester: {Hidden}.", m.TextBody, StringComparison.Ordinal);
        });
        var merged = Assert.Single(await world.EventsAsync(target), e => e.Kind == TicketEventKind.Merged);
        Assert.Equal($"{number} from {Hidden} was merged into this ticket: Cannot sign in to the reading app", merged.Body);
        Assert.DoesNotContain("Kid4", seenByManager, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task The_queue_search_finds_a_student_requesters_ticket_by_its_title_never_by_the_students_name(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var student = await world.PersonIdAsync("s-es-5");
        await world.OpenAsync(HelpdeskWorld.HelpDesk, Call(world, "Headphones broken", student));
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);

        var byName = await manager.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/tickets?q=Kid5");
        var byTitle = await manager.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/tickets?q=headphones");

        Assert.Equal(0, byName.GetProperty("total").GetInt32());
        var row = Assert.Single(byTitle.GetProperty("items").EnumerateArray());
        Assert.Equal(Hidden, row.GetProperty("requester").GetString());
    }

    [Theory]
    [Providers]
    public async Task Viewing_a_ticket_that_shows_a_student_requesters_name_is_written_to_the_access_log(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var student = await world.PersonIdAsync("s-es-3");
        var number = await world.OpenAsync(HelpdeskWorld.HelpDesk, Call(world, "Lost charger", student));
        var helpdesk = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);
        var browser = world.App.Browser();
        await browser.SignInAsync(HelpdeskWorld.HelpDesk);
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);

        var api = await helpdesk.GetFromJsonAsync<JsonElement>($"/api/v1/helpdesk/tickets/{number}");
        var page = await browser.GetStringAsync($"/helpdesk/tickets/{number}");
        (await manager.GetAsync($"/api/v1/helpdesk/tickets/{number}")).EnsureSuccessStatusCode();

        Assert.Equal("Kid3 Garcia", api.GetProperty("requesterName").GetString());
        Assert.Contains("Kid3 Garcia", page, StringComparison.Ordinal);
        var views = (await StudentDataTests.LogAsync(world)).Where(e => e.Path.StartsWith("/api/v1/helpdesk/tickets/", StringComparison.Ordinal) || e.Path.StartsWith("/helpdesk/tickets/", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [(student, "api", $"/api/v1/helpdesk/tickets/{number}", world.Users[HelpdeskWorld.HelpDesk]), (student, "page", $"/helpdesk/tickets/{number}", world.Users[HelpdeskWorld.HelpDesk])],
            views.Select(e => (e.PersonId!.Value, e.Via, e.Path, e.UserId)));
    }

    [Theory]
    [Providers]
    public async Task A_guardians_page_shows_only_the_students_the_viewer_may_see_and_logs_each_one_shown(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var guardian = await world.PersonIdAsync("g-2");
        var teen = await world.PersonIdAsync("s-hs-1");
        var kid = await world.PersonIdAsync("s-es-1");
        await using (var context = world.Db.OpenContext())
        {
            context.Add(new GuardianLink { GuardianId = guardian, StudentId = kid });
            await context.SaveChangesAsync();
        }

        var highTech = await world.App.ApiClientAsync(HelpdeskWorld.SecondTech);
        var atHighOnly = await highTech.GetFromJsonAsync<JsonElement>($"/api/v1/directory/people/{guardian}");
        var logAfterHighTech = await StudentDataTests.LogAsync(world);
        var helpdesk = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);
        var districtWide = await helpdesk.GetFromJsonAsync<JsonElement>($"/api/v1/directory/people/{guardian}");

        Assert.Equal([teen], Related(atHighOnly));
        Assert.Equal(new[] { kid, teen }.Order(), Related(districtWide).Order());
        Assert.Equal(new[] { guardian, teen }.Order(), logAfterHighTech.Select(e => e.PersonId!.Value).Order());
        Assert.All(logAfterHighTech, e => Assert.Equal((world.Users[HelpdeskWorld.SecondTech], $"/api/v1/directory/people/{guardian}"), (e.UserId, e.Path)));
        Assert.Equal(new[] { guardian, kid, teen }.Order(), (await StudentDataTests.LogAsync(world)).Skip(logAfterHighTech.Count).Select(e => e.PersonId!.Value).Order());
    }

    private static object Call(HelpdeskWorld world, string title, Guid? requester) =>
        new { title, description = "Called in.", siteId = world.Elementary, issueTypeId = 5, channel = requester is null ? "Web" : "Phone", requesterPersonId = requester };

    private static List<Guid> Related(JsonElement person) =>
        person.GetProperty("related").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();

    private static async Task<List<OutboxMessage>> OutboxAsync(HelpdeskWorld world)
    {
        await using var context = world.Db.OpenContext();
        return await context.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }
}
