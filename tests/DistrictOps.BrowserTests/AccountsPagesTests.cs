using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

/// <summary>Directory accounts as an IT manager uses them: the directories, a plan, applying it, the changes made; at a desktop width and a phone's.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccountsPagesTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_IT_manager_reads_the_plan_applies_it_and_finds_each_change_in_the_audit(int width, int height)
    {
        var target = DirectoryTargets.Name(width);
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "it.manager@bayview.example");

        await page.GotoAsync("/accounts");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Directory accounts");
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = target, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Plan for {target}");
        await page.GotoAsync($"/accounts/{target}?pageSize=500");
        var creates = page.GetByRole(AriaRole.Table, new() { Name = "Changes" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "New administrator" });
        await Assertions.Expect(creates.First).ToBeVisibleAsync();
        var planned = await creates.CountAsync();
        await CheckAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Apply this plan" }).ClickAsync();
        // The apply runs on the server; the page follows its progress and then shows what it did.
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(", 0 failed.", new() { Timeout = 120_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "See the changes" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nothing to change" })).ToBeVisibleAsync();
        await CheckAsync(page);

        await page.GotoAsync($"/accounts/changes?target={target}&pageSize=500");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "New administrator" })).ToHaveCountAsync(planned);
        await CheckAsync(page);
        await page.GetByLabel("Username or DN").FillAsync("nobody.at.all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No changes yet" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private static async Task CheckAsync(IPage page)
    {
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));
    }
}
