using System.Net;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

public sealed class TakeCallTests
{
    private const string Intake = "/helpdesk/intake";

    [Theory]
    [Providers]
    public async Task The_caller_look_up_keeps_what_was_typed_shows_their_open_tickets_and_saving_opens_the_ticket_page(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var earlier = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Printer in room 4 jams", description = "Every page.", siteId = world.Elementary, issueTypeId = 3 });
        var maria = await world.PersonIdAsync("t-es");
        var helpDesk = world.App.Browser();
        await helpDesk.SignInAsync(HelpdeskWorld.HelpDesk);
        var typed = new Dictionary<string, string>
        {
            ["Caller"] = "maria lop",
            ["Input.Channel"] = "Phone",
            ["Input.IssueTypeId"] = "9",
            ["Input.Title"] = "Desktop icons gone",
            ["Input.Description"] = "Called: her folders vanished after signing in.",
            ["Input.Impact"] = "Person",
            ["Input.Urgency"] = "High",
        };

        var found = await (await helpDesk.PostFormAsync(Intake, Intake + "?handler=Lookup", new(typed))).Content.ReadAsStringAsync();
        var chosen = await (await helpDesk.PostFormAsync(Intake, Intake + "?handler=Lookup", new(typed) { ["Choose"] = maria.ToString() })).Content.ReadAsStringAsync();

        Assert.Contains($"name=\"Choose\" value=\"{maria}\"", found, StringComparison.Ordinal);
        foreach (var html in new[] { found, chosen })
        {
            Assert.Contains("value=\"Desktop icons gone\"", html, StringComparison.Ordinal);
            Assert.Contains(">Called: her folders vanished after signing in.</textarea>", html, StringComparison.Ordinal);
            Assert.Contains("value=\"High\" checked=\"checked\"", html, StringComparison.Ordinal);
        }

        Assert.Contains($"name=\"Input.RequesterPersonId\" value=\"{maria}\"", chosen, StringComparison.Ordinal);
        Assert.Contains($"href=\"/helpdesk/tickets/{earlier}\"", chosen, StringComparison.Ordinal);
        Assert.Contains($"selected=\"selected\" value=\"{world.Elementary}\"", chosen, StringComparison.Ordinal);
        Assert.DoesNotContain("field-error\">Say", found, StringComparison.Ordinal);

        var saved = await helpDesk.PostFormAsync(Intake, Intake, new(typed) { ["Input.RequesterPersonId"] = maria.ToString(), ["Input.SiteId"] = world.Elementary.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var number = saved.Headers.Location!.OriginalString.Split('/')[^1];
        Assert.Equal($"/helpdesk/tickets/{number}", saved.Headers.Location.OriginalString);
        var ticket = await world.TicketAsync(number);
        Assert.Equal((TicketChannel.Phone, (Guid?)maria, "Desktop icons gone"), (ticket.Channel, ticket.RequesterPersonId, ticket.Title));
        Assert.Contains("Ticket opened.", await helpDesk.GetStringAsync(saved.Headers.Location.OriginalString), StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task The_caller_look_up_finds_students_only_for_those_the_student_rule_allows(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var student = await world.PersonIdAsync("s-es-1");
        var network = world.App.Browser();
        await network.SignInAsync(HelpdeskWorld.Network);
        var helpDesk = world.App.Browser();
        await helpDesk.SignInAsync(HelpdeskWorld.HelpDesk);
        var form = new Dictionary<string, string> { ["Caller"] = "garcia" };

        var denied = await (await network.PostFormAsync(Intake, Intake + "?handler=Lookup", new(form))).Content.ReadAsStringAsync();
        var deniedPick = await (await network.PostFormAsync(Intake, Intake + "?handler=Lookup", new(form) { ["Choose"] = student.ToString() })).Content.ReadAsStringAsync();
        var shown = await (await helpDesk.PostFormAsync(Intake, Intake + "?handler=Lookup", new(form))).Content.ReadAsStringAsync();

        Assert.DoesNotContain("Kid1 Garcia", denied, StringComparison.Ordinal);
        Assert.DoesNotContain("Kid1 Garcia", deniedPick, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.RequesterPersonId", deniedPick, StringComparison.Ordinal);
        Assert.Contains("Kid1 Garcia", shown, StringComparison.Ordinal);
        await using var context = world.Db.OpenContext();
        var logged = await context.Set<AccessLogEntry>().Select(e => e.UserId).ToListAsync();
        Assert.Equal([world.Users[HelpdeskWorld.HelpDesk]], logged);
    }
}
