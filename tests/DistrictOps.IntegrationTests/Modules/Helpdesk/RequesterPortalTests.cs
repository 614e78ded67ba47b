using System.Net;
using System.Net.Http.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Users;
using DistrictOps.Web.Modules.Users.AddUser;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

public sealed class RequesterPortalTests
{
    private const string OtherTeacher = "teacher2@bayview.example";
    private const int DroppedOffTheDomain = 4;

    [Theory]
    [Providers]
    public async Task A_requester_sees_only_her_own_requests_and_another_teacher_sees_none_of_them(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await AddOtherTeacherAsync(world);
        var hers = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Tablets off the domain", description = "Trust relationship failed.", siteId = world.Elementary, issueTypeId = DroppedOffTheDomain });
        var technicians = await world.OpenAsync(HelpdeskWorld.SiteTech, new { title = "My own laptop", description = "Slow.", siteId = world.Elementary, issueTypeId = 7 });
        var maria = (await world.TicketAsync(hers)).RequesterPersonId!.Value;
        var phoned = await world.OpenAsync(HelpdeskWorld.HelpDesk, new { title = "Projector dead", description = "No picture.", siteId = world.Elementary, issueTypeId = 51, channel = "Phone", requesterPersonId = maria });

        var teacher = world.App.Browser();
        await teacher.SignInAsync(HelpdeskWorld.Teacher);
        var list = await teacher.GetStringAsync("/helpdesk/requests");
        Assert.Contains(hers, list, StringComparison.Ordinal);
        Assert.Contains(phoned, list, StringComparison.Ordinal);
        Assert.DoesNotContain(technicians, list, StringComparison.Ordinal);
        Assert.True(list.IndexOf(phoned, StringComparison.Ordinal) < list.IndexOf(hers, StringComparison.Ordinal), "newest first");
        var detail = await teacher.GetStringAsync($"/helpdesk/requests/{hers}");
        Assert.Contains("Tablets off the domain", detail, StringComparison.Ordinal);
        Assert.Contains("Request received.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Rule “", detail, StringComparison.Ordinal);

        var other = world.App.Browser();
        await other.SignInAsync(OtherTeacher);
        Assert.Contains("You have no requests yet", await other.GetStringAsync("/helpdesk/requests"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/helpdesk/requests/{hers}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/helpdesk/requests/BV-999999")).StatusCode);

        var api = await world.App.ApiClientAsync(OtherTeacher);
        Assert.Contains("\"total\":0", await api.GetStringAsync("/api/v1/helpdesk/requests"), StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task Asking_for_help_names_each_missing_field_creates_nothing_then_opens_the_request_and_shows_it(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var teacher = world.App.Browser();
        await teacher.SignInAsync(HelpdeskWorld.Teacher);

        var form = await teacher.GetStringAsync("/helpdesk/requests/new");
        Assert.Contains($"selected=\"selected\" value=\"{world.Elementary}\"", form, StringComparison.Ordinal);
        Assert.Contains("<optgroup label=\"Device\">", form, StringComparison.Ordinal);

        var invalid = await teacher.PostFormAsync("/helpdesk/requests/new", "/helpdesk/requests/new", new()
        {
            ["Input.SiteId"] = world.Elementary.ToString(),
            ["Input.Title"] = "",
            ["Input.Description"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var errors = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("Say in a few words what is wrong.", errors, StringComparison.Ordinal);
        Assert.Contains("Choose what kind of problem it is.", errors, StringComparison.Ordinal);
        Assert.Contains("Describe the problem", errors, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", errors, StringComparison.Ordinal);
        Assert.Equal(0, await CountTicketsAsync(world));

        var valid = await teacher.PostFormAsync("/helpdesk/requests/new", "/helpdesk/requests/new", new()
        {
            ["Input.SiteId"] = world.Elementary.ToString(),
            ["Input.Room"] = "12",
            ["Input.IssueTypeId"] = DroppedOffTheDomain.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Title"] = "Cart tablets can't sign in",
            ["Input.Description"] = "Half the cart says the trust relationship failed.",
            ["Input.Impact"] = "Class",
            ["Input.Urgency"] = "High",
            ["Input.InstructionDisrupted"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, valid.StatusCode);
        var location = valid.Headers.Location!.OriginalString;
        Assert.Matches(@"^/helpdesk/requests/BV-\d{6}\?sent=1$", location);
        var ticket = await world.TicketAsync(location.Split('/')[^1].Split('?')[0]);
        Assert.Equal(
            (TicketChannel.Web, world.Users[HelpdeskWorld.Teacher], "12", TicketImpact.Class, TicketUrgency.High, true, HelpdeskDefaults.SiteTechnicianTeam),
            (ticket.Channel, ticket.RequesterUserId!.Value, ticket.Room, ticket.Impact, ticket.Urgency, ticket.InstructionDisrupted, ticket.TeamId!.Value));
        var page = await teacher.GetStringAsync(location);
        Assert.Contains("Cart tablets can&#x27;t sign in", page, StringComparison.Ordinal);
        Assert.Equal(1, await CountTicketsAsync(world));
    }

    [Theory]
    [Providers]
    public async Task The_help_desk_finds_a_caller_and_records_the_phone_call_on_her_behalf(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var helpDesk = world.App.Browser();
        await helpDesk.SignInAsync(HelpdeskWorld.HelpDesk);

        var search = await (await helpDesk.PostFormAsync("/helpdesk/intake", "/helpdesk/intake?handler=Lookup", new() { ["Caller"] = "Lopez" })).Content.ReadAsStringAsync();
        Assert.Contains("Maria Lopez", search, StringComparison.Ordinal);
        Guid maria;
        await using (var context = world.Db.OpenContext())
        {
            maria = await context.Set<Person>().Where(p => p.EmployeeId == "E001").Select(p => p.Id).SingleAsync();
        }

        Assert.Contains($"name=\"Choose\" value=\"{maria}\"", search, StringComparison.Ordinal);
        var chosen = await helpDesk.GetStringAsync($"/helpdesk/intake?caller=Lopez&person={maria}");
        Assert.Contains($"name=\"Input.RequesterPersonId\" value=\"{maria}\"", chosen, StringComparison.Ordinal);
        Assert.Contains($"selected=\"selected\" value=\"{world.Elementary}\"", chosen, StringComparison.Ordinal);

        var response = await helpDesk.PostFormAsync("/helpdesk/intake", "/helpdesk/intake", new()
        {
            ["Input.Channel"] = "Phone",
            ["Input.RequesterPersonId"] = maria.ToString(),
            ["Input.SiteId"] = world.Elementary.ToString(),
            ["Input.IssueTypeId"] = "9",
            ["Input.Title"] = "Desktop icons gone",
            ["Input.Description"] = "Called: her folders vanished after signing in.",
            ["Input.Impact"] = "Person",
            ["Input.Urgency"] = "Medium",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var number = response.Headers.Location!.OriginalString.Split('/')[^1];
        var ticket = await world.TicketAsync(number);
        Assert.Equal(
            (TicketChannel.Phone, (Guid?)maria, (Guid?)world.Users[HelpdeskWorld.HelpDesk], (Guid?)null, "Maria Lopez"),
            (ticket.Channel, ticket.RequesterPersonId, ticket.SubmittedByUserId, ticket.RequesterUserId, ticket.RequesterName));
        Assert.Equal($"/helpdesk/tickets/{number}", response.Headers.Location.OriginalString);

        var teacher = world.App.Browser();
        await teacher.SignInAsync(HelpdeskWorld.Teacher);
        Assert.Contains(number, await teacher.GetStringAsync("/helpdesk/requests"), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await teacher.GetAsync("/helpdesk/intake")).StatusCode);
    }

    [Theory]
    [Providers]
    public async Task A_technician_stopped_at_a_site_enters_a_caller_who_is_not_in_the_directory(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var technician = world.App.Browser();
        await technician.SignInAsync(HelpdeskWorld.SiteTech);
        Assert.Contains("Nobody in the directory matches", await technician.GetStringAsync("/helpdesk/intake?caller=Zzyzx"), StringComparison.Ordinal);

        var missingName = await technician.PostFormAsync("/helpdesk/intake", "/helpdesk/intake", new()
        {
            ["Input.Channel"] = "DirectToTechnician", ["Input.SiteId"] = world.High.ToString(), ["Input.IssueTypeId"] = "40",
            ["Input.Title"] = "Printer jam", ["Input.Description"] = "Jammed.",
        });
        Assert.Contains("Find the caller in the directory, or type their name.", await missingName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountTicketsAsync(world));

        var response = await technician.PostFormAsync("/helpdesk/intake", "/helpdesk/intake", new()
        {
            ["Input.Channel"] = "DirectToTechnician", ["Input.RequesterName"] = "Pat Visitor", ["Input.RequesterEmail"] = "pat@example.org",
            ["Input.SiteId"] = world.High.ToString(), ["Input.IssueTypeId"] = "40", ["Input.Title"] = "Printer jam", ["Input.Description"] = "Jammed.",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var ticket = await world.TicketAsync(response.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.Equal(
            (TicketChannel.DirectToTechnician, (Guid?)null, "Pat Visitor", "pat@example.org", (Guid?)world.Users[HelpdeskWorld.SiteTech]),
            (ticket.Channel, ticket.RequesterPersonId, ticket.RequesterName, ticket.RequesterEmail, ticket.SubmittedByUserId));
    }

    [Theory]
    [Providers]
    public async Task The_requester_replies_from_the_portal_and_reopens_her_solved_request(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Icons gone", description = "Again.", siteId = world.Elementary, issueTypeId = 9 });
        var teacher = world.App.Browser();
        await teacher.SignInAsync(HelpdeskWorld.Teacher);
        var page = $"/helpdesk/requests/{number}";

        var empty = await teacher.PostFormAsync(page, page + "?handler=Reply", new() { ["Reply"] = " " });
        Assert.Contains("Write a reply or a note.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var replied = await teacher.PostFormAsync(page, page + "?handler=Reply", new() { ["Reply"] = "It happens on the cart laptops too." });
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        var shown = await teacher.GetStringAsync(page);
        Assert.Contains("It happens on the cart laptops too.", shown, StringComparison.Ordinal);
        Assert.Contains("Your reply was sent.", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Reopen this request", shown, StringComparison.Ordinal);

        var technician = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        Assert.True((await technician.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{number}", new { status = "Solved" })).IsSuccessStatusCode);
        Assert.Contains("Reopen this request", await teacher.GetStringAsync(page), StringComparison.Ordinal);
        var reopened = await teacher.PostFormAsync(page, page + "?handler=Reopen", new() { ["Reason"] = "Still gone this morning." });
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Contains("The request was reopened.", await teacher.GetStringAsync(page), StringComparison.Ordinal);
        var ticket = await world.TicketAsync(number);
        Assert.Equal((TicketStatus.Open, 1), (ticket.Status, ticket.ReopenCount));
        Assert.Contains(await world.EventsAsync(number), e => e.Kind == TicketEventKind.PublicReply && e.Body == "It happens on the cart laptops too." && e.ActorUserId == world.Users[HelpdeskWorld.Teacher]);

        var other = world.App.Browser();
        await AddOtherTeacherAsync(world);
        await other.SignInAsync(OtherTeacher);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/helpdesk/requests/new", page + "?handler=Reply", new() { ["Reply"] = "Hi" })).StatusCode);
    }

    private static async Task<int> CountTicketsAsync(HelpdeskWorld world)
    {
        await using var context = world.Db.OpenContext();
        return await context.Set<Ticket>().CountAsync();
    }

    private static async Task AddOtherTeacherAsync(HelpdeskWorld world)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<AddUserHandler>().HandleAsync(
            new AddUserCommand(OtherTeacher, "Tom Other", [Roles.SiteStaff], [world.Elementary], DistrictOpsFactory.DemoPassword), Actor.Operator);
        Assert.True(added.Succeeded);
    }
}
