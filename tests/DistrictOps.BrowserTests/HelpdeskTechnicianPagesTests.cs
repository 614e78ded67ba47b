using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class HelpdeskTechnicianPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_site_technician_works_a_ticket_from_the_queue_on_a_phone_and_the_pages_pass_the_accessibility_check()
    {
        var page = await fixture.NewPageAsync(width: 360, height: 740);
        await ShellTests.SignInAsync(page, "site.tech@bayview.example");

        await page.GotoAsync("/helpdesk/queues/my-sites");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));
        var first = page.Locator("table.tickets tbody a[href^='/helpdesk/tickets/BV-']").First;
        var number = (await first.InnerTextAsync()).Trim();
        await first.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForArrivalAsync(url => url.EndsWith($"/helpdesk/tickets/{number}", StringComparison.Ordinal));
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));
        await page.GetByLabel("Reply or note").FillAsync("Swapped the tablet for a loaner.");
        await page.GetByLabel("Internal note (technicians only)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Note added.");
        await Assertions.Expect(page.GetByText("Swapped the tablet for a loaner.")).ToBeVisibleAsync();

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_manager_simulates_routing_and_the_settings_pages_pass_the_accessibility_check()
    {
        var page = await fixture.NewPageAsync(width: 1280, height: 900);
        await ShellTests.SignInAsync(page, "it.manager@bayview.example");

        await page.GotoAsync("/helpdesk/routing");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.GetByLabel("Issue type", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Printing" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Simulate" }).ClickAsync();
        await Assertions.Expect(page.Locator("#simulation")).ToContainTextAsync("It would go to");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));

        await page.GotoAsync("/helpdesk/settings");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.Context.CloseAsync();
    }
}
