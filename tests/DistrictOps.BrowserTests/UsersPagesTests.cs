using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class UsersPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_administrator_adds_a_person_then_takes_a_role_away_and_disables_the_account_on_its_page()
    {
        var page = await fixture.NewPageAsync();
        await ShellTests.SignInAsync(page, "admin@bayview.example");
        await page.GotoAsync("/admin/users/new");
        await page.GetByLabel("Email").FillAsync("browser.user@bayview.example");
        await page.GetByLabel("Help desk technician", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Network engineer", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The account was created.")).ToBeVisibleAsync();

        await page.GotoAsync("/admin/users?query=browser.user");
        await page.GetByRole(AriaRole.Link, new() { Name = "browser.user", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("browser.user");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.GetByLabel("Help desk technician", new() { Exact = true }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save roles and sites" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Roles and sites saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Help desk technician", new() { Exact = true })).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Network engineer", new() { Exact = true })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Disable account" }).ClickAsync();
        await Assertions.Expect(page.GetByText("This account is disabled")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enable account" })).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_account_pages_fit_a_phone_and_pass_the_accessibility_check()
    {
        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await ShellTests.SignInAsync(page, "admin@bayview.example");
        await page.GotoAsync("/admin/users?query=teacher%40bayview.example");
        await page.Locator("main table a[href^='/admin/users/']").First.ClickAsync();
        await page.WaitForArrivalAsync(url => url.Contains("/admin/users/", StringComparison.Ordinal) && !url.Contains('?', StringComparison.Ordinal));
        await AssertFitsAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Disable account" })).ToBeVisibleAsync();

        foreach (var path in new[] { "/admin/users/history", "/directory/access-log", "/account/password" })
        {
            await page.GotoAsync(path);
            await AssertFitsAsync(page);
        }

        var signedOut = await fixture.NewPageAsync(width: 390, height: 844);
        await signedOut.GotoAsync("/account/reset-password/not-a-link");
        await Assertions.Expect(signedOut.GetByRole(AriaRole.Alert)).ToContainTextAsync("This password reset link is not valid.");
        await AssertFitsAsync(signedOut);
        await page.Context.CloseAsync();
        await signedOut.Context.CloseAsync();
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        Assert.Empty(await ShellTests.TooWideAsync(page));
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
    }
}
