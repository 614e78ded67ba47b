using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

/// <summary>The instructional apps as the data integration analyst keeps them: the registry, an agreement, its preview, who received whose data.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RosteringPagesTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_analyst_registers_an_app_writes_what_it_may_receive_and_previews_it(int width, int height)
    {
        var name = $"Newsela {width}";
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "data.services@bayview.example");

        await page.GotoAsync("/rostering");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Instructional apps");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Destiny" })).ToContainTextAsync("Ends");
        await CheckAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Register an app" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register the app" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Name the vendor who runs the app")).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.GetByLabel("Vendor", new() { Exact = true }).FillAsync("Newsela, Inc.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register the app" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"What {name} receives");
        await CheckAsync(page);
        await page.GetByLabel("Only the sites ticked below").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Sites" }).GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Fields beyond names and ids" }).GetByLabel("Username", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the agreement" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"What {name} would receive");
        await Assertions.Expect(page.GetByRole(AriaRole.Table).First).ToContainTextAsync("users");
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enable sharing of revision 2" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("only an active app receives data");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_analyst_reads_an_apps_agreement_and_looks_up_who_received_a_students_data(int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "data.services@bayview.example");

        await page.GotoAsync("/rostering");
        await page.GetByRole(AriaRole.Link, new() { Name = "Read 180" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Read 180");
        await Assertions.Expect(page.GetByText("Classes in the subjects English Language Arts")).ToBeVisibleAsync();
        await CheckAsync(page);

        await page.GotoAsync("/rostering/shared");
        await CheckAsync(page);
        await page.GetByLabel("Name, email or student number").FillAsync("zzzz nobody");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Nobody you may see matches");
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
