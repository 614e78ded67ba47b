using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

/// <summary>The IT manager checks technician coverage against the model, changes a share, and reads the workload against the benchmark.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class StaffingCoverageAndWorkloadPagesTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_manager_finds_the_gaps_and_is_told_what_a_share_must_be(int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "it.manager@bayview.example");

        await page.GotoAsync("/staffing/coverage");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Technician coverage");
        await Assertions.Expect(page.GetByRole(AriaRole.Table).First).ToContainTextAsync("days");
        await CheckAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Show only the gaps" }).ClickAsync();
        // The demo covers every school with at least its model FTE (the two biggest high schools by two half shares).
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No gaps" })).ToBeVisibleAsync();
        await CheckAsync(page);

        await page.GetByLabel("Technician", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Site", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Share of a full-time technician").FillAsync("1.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the share" }).ClickAsync();
        await Assertions.Expect(page.GetByText("is not", new() { Exact = false }).First).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_manager_reads_the_workload_against_the_benchmark_and_sorts_the_sites(int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "it.manager@bayview.example");

        await page.GotoAsync("/staffing/workload");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Workload check");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Devices per technician against the benchmark" })).ToBeVisibleAsync();
        await CheckAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Backlog" }).ClickAsync();
        await Assertions.Expect(page.Locator("th[aria-sort=ascending]")).ToContainTextAsync("Backlog");
        await page.GetByLabel("Window", new() { Exact = true }).SelectOptionAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Window", new() { Exact = true })).ToHaveValueAsync("30");
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
