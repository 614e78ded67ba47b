using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

/// <summary>The IT manager reads the department's positions today and as proposed, then adds a proposed position and deletes it.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class StaffingPositionsPageTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_it_manager_compares_the_org_charts_and_adds_a_proposed_position(int width, int height)
    {
        var title = $"Instructional Technology Coach {width}";
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "it.manager@bayview.example");

        await page.GotoAsync("/staffing/positions");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Positions: current and proposed");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Org chart: Proposed structure" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Org chart: Current structure" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Typist Clerk 2" }).Last).ToContainTextAsync("Eliminated");
        await CheckAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a proposed position" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the position" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Give the position's title")).ToBeVisibleAsync();
        await CheckAsync(page);

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Job family").SelectOptionAsync(new SelectOptionValue { Label = "Site support" });
        await page.GetByLabel("FTE", new() { Exact = true }).FillAsync("0.5");
        await page.GetByLabel("Reports to").SelectOptionAsync(new SelectOptionValue { Label = "— Director of Technical Services (Vacant)" });
        await page.GetByLabel("Find a staff member").FillAsync("Rosa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("found");
        await page.GetByLabel("Rosa Martinez", new() { Exact = false }).First.CheckAsync();
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the position" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Position added.");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = title }).Last;
        await Assertions.Expect(row).ToContainTextAsync("Rosa Martinez");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {title}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Position deleted.");
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
