using System.Net;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

public sealed class HelpdeskSettingsTests
{
    private const string Page = "/helpdesk/settings";

    [Theory]
    [Providers]
    public async Task Renaming_an_issue_type_renames_the_types_under_it_and_a_loop_is_refused(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var manager = world.App.Browser();
        await manager.SignInAsync(HelpdeskWorld.Manager);

        var renamed = await manager.PostFormAsync(Page, Page + "?handler=IssueType&id=2", new() { ["name"] = "Tablet (1-to-1)", ["parentId"] = "1", ["active"] = "true" });
        var loop = await manager.PostFormAsync(Page, Page + "?handler=IssueType&id=1", new() { ["name"] = "Device", ["parentId"] = "3", ["active"] = "true" });
        var added = await manager.PostFormAsync(Page, Page + "?handler=IssueType", new() { ["name"] = "Stylus", ["parentId"] = "2", ["active"] = "true" });
        var missing = await manager.PostFormAsync(Page, Page + "?handler=IssueType&id=999", new() { ["name"] = "Nothing", ["active"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, loop.StatusCode);
        Assert.Contains("cannot go under itself", await loop.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await using var context = world.Db.OpenContext();
        var paths = await context.Set<IssueType>().Where(c => c.Path.StartsWith("Device › Tablet")).Select(c => c.Path).ToListAsync();
        Assert.Contains("Device › Tablet (1-to-1) › Won't connect to wireless", paths);
        Assert.Contains("Device › Tablet (1-to-1) › Stylus", paths);
        Assert.DoesNotContain("Device › Tablet › Broken screen", paths);
    }

    [Theory]
    [Providers]
    public async Task A_changed_priority_matrix_applies_to_the_next_ticket_and_teams_take_technicians_only(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var manager = world.App.Browser();
        await manager.SignInAsync(HelpdeskWorld.Manager);
        var cells = new Dictionary<string, string>();
        foreach (var impact in Enum.GetNames<TicketImpact>())
        {
            foreach (var urgency in Enum.GetNames<TicketUrgency>())
            {
                cells[$"cell-{impact}-{urgency}"] = impact == "Person" && urgency == "Medium" ? "2" : "3";
            }
        }

        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(Page, Page + "?handler=Matrix", cells)).StatusCode);
        var ticket = await world.TicketAsync(await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Mouse", description = "Broken.", siteId = world.District, issueTypeId = 8 }));
        Assert.Equal(2, ticket.Priority);

        var teacherInTeam = await manager.PostFormAsync(Page, Page + "?handler=Team&id=1", new() { ["members"] = world.Users[HelpdeskWorld.Teacher].ToString() });
        var helpDesk = await manager.PostFormAsync(Page, Page + "?handler=Team&id=1", new() { ["members"] = world.Users[HelpdeskWorld.HelpDesk].ToString(), ["leadUserId"] = world.Users[HelpdeskWorld.Manager].ToString(), ["escalatesToTeamId"] = "2" });
        Assert.Equal(HttpStatusCode.BadRequest, teacherInTeam.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, helpDesk.StatusCode);
        await using var context = world.Db.OpenContext();
        Assert.Equal([world.Users[HelpdeskWorld.HelpDesk]], await context.Set<TeamMember>().Where(m => m.TeamId == 1).Select(m => m.UserId).ToListAsync());
        Assert.Equal(world.Users[HelpdeskWorld.Manager], (await context.Set<Team>().SingleAsync(t => t.Id == 1)).LeadUserId);
    }
}
