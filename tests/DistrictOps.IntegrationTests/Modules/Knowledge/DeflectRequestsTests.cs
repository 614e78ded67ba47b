using System.Globalization;
using System.Net;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Knowledge;

public sealed class DeflectRequestsTests
{
    [Theory]
    [Providers]
    public async Task Suggestions_come_before_a_ticket_and_this_solved_it_ends_the_request_counted_once_and_reported(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var articleId = await world.PublishAsync(KnowledgeWorld.Article("Printer shows offline", "Check the printer's network cable, then restart the print queue.", categories: [KnowledgeWorld.Printing]));
        await world.PublishAsync(KnowledgeWorld.Article("Rejoin a printer to the print server", "Technicians only: re-add the queue.", "Technicians", [KnowledgeWorld.Printing]));
        var teacher = world.App.Browser();
        await teacher.SignInAsync(KnowledgeWorld.Reader);
        var form = new Dictionary<string, string>
        {
            ["Input.SiteId"] = world.Elementary.ToString(), ["Input.IssueTypeId"] = KnowledgeWorld.Printing.ToString(CultureInfo.InvariantCulture),
            ["Input.Title"] = "Printer offline", ["Input.Description"] = "The classroom printer says offline.",
            ["Input.Impact"] = "Person", ["Input.Urgency"] = "Medium",
        };

        var live = await teacher.GetStringAsync($"/helpdesk/requests/new?handler=Suggestions&issueTypeId={KnowledgeWorld.Printing}&text=" + Uri.EscapeDataString("printer offline"));
        var preview = await teacher.PostFormAsync("/helpdesk/requests/new", "/helpdesk/requests/new", new(form) { ["SuggestionsSeen"] = "false" });
        var previewPage = await preview.Content.ReadAsStringAsync();
        var solved = await teacher.PostFormAsync("/helpdesk/requests/new", "/knowledge/solved", new(form) { ["articleId"] = articleId.ToString(CultureInfo.InvariantCulture) });
        var solvedAgain = await teacher.PostFormAsync("/helpdesk/requests/new", "/knowledge/solved", new(form) { ["articleId"] = articleId.ToString(CultureInfo.InvariantCulture) });

        Assert.Contains("Printer shows offline", live, StringComparison.Ordinal);
        Assert.DoesNotContain("print server", live, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("These articles may answer it", previewPage, StringComparison.Ordinal);
        Assert.Contains("name=\"SuggestionsSeen\" value=\"true\"", previewPage, StringComparison.Ordinal);
        Assert.Contains("value=\"Printer offline\"", previewPage, StringComparison.Ordinal);
        Assert.Contains($"form=\"knowledge-solved\" name=\"articleId\" value=\"{articleId}\"", previewPage, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"hidden\" name=\"Input.SiteId\" value=\"{world.Elementary}\">", previewPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, solved.StatusCode);
        Assert.Contains("Your request was not sent", await solved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, solvedAgain.StatusCode);
        await using (var context = world.Db.OpenContext())
        {
            Assert.Equal(0, await context.Set<Ticket>().CountAsync());
            var deflection = Assert.Single(await context.Set<Deflection>().ToListAsync());
            Assert.Equal((articleId, world.Elementary, KnowledgeWorld.Printing, world.Users[KnowledgeWorld.Reader]), (deflection.ArticleId, deflection.SiteId, deflection.IssueTypeId, deflection.UserId));
        }

        var sent = await teacher.PostFormAsync("/helpdesk/requests/new", "/helpdesk/requests/new", new(form) { ["SuggestionsSeen"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var manager = world.App.Browser();
        await manager.SignInAsync(HelpdeskWorld.Manager);
        var reports = await manager.GetStringAsync("/helpdesk/reports");
        Assert.Matches(@"Answered by an article</dt><dd>50 %</dd>", reports);
    }
}
