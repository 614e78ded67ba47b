using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

/// <summary>The staffing model as the IT manager uses it: the review's tables, a scenario, the plan and a checkpoint, the board print.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class StaffingPagesTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_manager_reads_the_model_tries_a_scenario_and_reads_the_plan(int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "it.manager@bayview.example");

        await page.GotoAsync("/staffing");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Staffing model");
        var sites = page.GetByRole(AriaRole.Table, new() { Name = "Technology support specialist 1 (direct site support)" });
        await Assertions.Expect(sites.GetByRole(AriaRole.Row).Filter(new() { HasText = "Elementary" })).ToContainTextAsync("40");
        await Assertions.Expect(sites.Locator("tfoot tr")).ToContainTextAsync("37.0");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Site technology support: current and proposed" })).ToContainTextAsync("+28.0");
        await CheckAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Scenarios" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Staffing scenarios");
        await CheckAsync(page);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"High schools at 1.5 ({width})");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the scenario" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"High schools at 1.5 ({width})");
        await CheckAsync(page);
        await page.GetByLabel("FTE per site: High", new() { Exact = true }).FillAsync("1.5");
        await page.GetByLabel("Minutes per ticket").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Minutes a ticket takes");
        await CheckAsync(page);
        await page.GetByLabel("Minutes per ticket").FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var compare = page.GetByRole(AriaRole.Table, new() { Name = "Scenarios side by side" });
        await Assertions.Expect(compare.GetByRole(AriaRole.Row).Filter(new() { HasText = "Site technicians, FTE" })).ToContainTextAsync("41.5");

        await page.GotoAsync("/staffing/plan");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Phased plan");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Phases" })).ToContainTextAsync("Phase 2: 15,000 more tablets");
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "2027-01-29" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Checkpoint: Phase 1: the first 8,000 tablets");
        await CheckAsync(page);

        await page.GotoAsync("/staffing/print");
        await Assertions.Expect(page.GetByRole(AriaRole.Table).First).ToContainTextAsync("Alternative/Small Schools");
        await CheckAsync(page);
        await page.Context.CloseAsync();
    }

    private static async Task CheckAsync(IPage page)
    {
        var violations = await Axe.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        var tooWide = await ShellTests.TooWideAsync(page);
        Assert.True(tooWide.Length == 0, string.Join("\n", tooWide));
    }
}
