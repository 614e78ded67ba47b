using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Surveys;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class HelpdeskReportsPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_manager_reads_the_reports_on_a_phone_with_charts_a_screen_reader_can_read()
    {
        var page = await fixture.NewPageAsync(width: 360, height: 740);
        await ShellTests.SignInAsync(page, "it.manager@bayview.example");

        await page.GotoAsync("/helpdesk/reports");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Backlog", Exact = true }).ClickAsync();

        await page.WaitForArrivalAsync(url => url.Contains("/helpdesk/reports/backlog", StringComparison.Ordinal));
        var chart = page.GetByRole(AriaRole.Img).First;
        await Assertions.Expect(chart).ToBeVisibleAsync();
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("svg[role=img] desc").First.TextContentAsync()));
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));

        foreach (var path in new[] { "/helpdesk/reports/volume", "/helpdesk/reports/satisfaction", "/helpdesk/problems/recurring", "/helpdesk/problems", "/helpdesk/settings/service-levels", "/helpdesk/queues/breaching-soon", "/admin/jobs" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            Assert.Empty(await Axe.SeriousViolationsAsync(page));
            Assert.Empty(await ShellTests.TooWideAsync(page));
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_parent_answers_the_survey_from_the_email_link_on_a_phone_without_signing_in()
    {
        string url;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var survey = await db.Set<Survey>().Where(s => s.Sampled && s.SentAt != null && s.AnsweredAt == null).OrderBy(s => s.Id).FirstAsync();
            var links = scope.ServiceProvider.GetRequiredService<SurveyLinks>();
            url = new Uri(links.Url(links.Token(survey.Id, TimeProvider.System.GetUtcNow()), "bad")).PathAndQuery;
        }

        var page = await fixture.NewPageAsync(width: 360, height: 740);
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How did we do?" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Bad")).ToBeCheckedAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));

        await page.GetByLabel("Anything to add? (optional)").FillAsync("The loaner had no charger.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answer" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();

        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByText("already answered")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
