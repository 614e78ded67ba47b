using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class HelpdeskNotificationsPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task On_a_phone_the_notifications_page_shows_the_empty_state_then_a_new_request_and_marks_it_read_from_the_keyboard()
    {
        var page = await fixture.NewPageAsync(width: 360, height: 740);
        await ShellTests.SignInAsync(page, "helpdesk@bayview.example");

        await page.GotoAsync("/helpdesk/notifications");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No notifications yet" })).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page));

        await page.GotoAsync("/account/tokens");
        await page.GetByLabel("Token name").FillAsync("notifications test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var token = await page.Locator("code.secret").InnerTextAsync();
        var number = await page.EvaluateAsync<string>("""
            async token => {
              const auth = { authorization: 'Bearer ' + token };
              const sites = await (await fetch('/api/v1/directory/sites?query=Bayview%20High', { headers: auth })).json();
              const response = await fetch('/api/v1/helpdesk/tickets', {
                method: 'POST',
                headers: { ...auth, 'content-type': 'application/json' },
                body: JSON.stringify({ title: 'Lab printer <jammed>', description: 'Paper jam.', siteId: sites.items[0].id, issueTypeId: 3 }),
              });
              return (await response.json()).number;
            }
            """, token);
        await page.GotoAsync("/helpdesk/notifications");

        var link = page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", $"/helpdesk/requests/{number}");
        await Assertions.Expect(page.GetByText("Lab printer <jammed>", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#unread-count")).ToHaveTextAsync("1 unread");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Mark all read" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 notification marked read.");
        await Assertions.Expect(page.Locator("#unread-count")).ToHaveTextAsync("0 unread");
        await page.Context.CloseAsync();
    }
}
