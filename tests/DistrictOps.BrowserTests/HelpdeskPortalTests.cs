using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class HelpdeskPortalTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_demo_teacher_asks_for_help_from_a_phone_with_the_keyboard_and_sees_her_new_request()
    {
        var page = await fixture.NewPageAsync(width: 360, height: 740);
        await ShellTests.SignInAsync(page, "teacher@bayview.example");

        await page.GotoAsync("/helpdesk/requests");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My requests");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Ask for help", Exact = true }).First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ask for help");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));

        var site = page.GetByLabel("Site", new() { Exact = true });
        Assert.NotEqual("", await site.InputValueAsync());
        await page.GetByLabel("Room or place").FocusAsync();
        await page.Keyboard.TypeAsync("Room 14");
        await page.Keyboard.PressAsync("Tab");
        for (var i = 0; i < 4; i++)
        {
            // Device, Tablet, Won't connect to wireless, Dropped off the domain.
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await Assertions.Expect(page.GetByLabel("What kind of problem is it?")).ToHaveValueAsync("4");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Cart tablets dropped off the domain");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Eight tablets on the cart say the trust relationship failed.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.GetByLabel("My class or a group")).ToBeCheckedAsync();
        await page.GetByLabel("Instruction is disrupted right now").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        // The knowledge base's suggestions came while she typed; none is for technicians only.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "These articles may answer it" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#suggestions")).Not.ToContainTextAsync("Rejoin a tablet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForArrivalAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/helpdesk/requests/BV-\d{6}\?sent=1$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Cart tablets dropped off the domain");
        await Assertions.Expect(page.GetByText("Request received.")).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));
        var number = page.Url.Split('/')[^1].Split('?')[0];

        await page.GetByRole(AriaRole.Link, new() { Name = "My requests", Exact = true }).Last.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = number })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
