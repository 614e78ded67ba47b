using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Demo;
using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class ShellTests(BrowserFixture fixture)
{
    public static TheoryData<string> DemoEmails() => [.. DemoAccounts.All.Select(a => a.Email)];

    [Theory]
    [MemberData(nameof(DemoEmails))]
    public async Task A_demo_user_signs_in_with_the_keyboard_and_reaches_their_role_home(string email)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");

        Assert.EndsWith("/account/sign-in?ReturnUrl=%2F", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DistrictOpsFactory.DemoPassword);
        await page.GetByLabel("Password").PressAsync("Enter");

        var role = Roles.Find(DemoAccounts.All.Single(a => a.Email == email).Role)!;
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Assertions.Expect(heading).ToHaveTextAsync($"{role.DisplayName} home");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task In_demo_mode_one_click_signs_in_as_a_demo_account()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/sign-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in as Priya Natarajan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Help desk technician home");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_sign_in_and_home_pages_have_no_serious_accessibility_violations()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));

        await SignInAsync(page, "admin@bayview.example");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));

        await page.GotoAsync("/admin/users");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));

        await page.GotoAsync("/account/tokens");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_accessibility_check_does_find_a_serious_violation()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.EvaluateAsync("() => { const i = document.createElement('input'); i.type = 'text'; document.querySelector('main').appendChild(i); }");

        var violations = await Axe.SeriousViolationsAsync(page);

        Assert.Contains(violations, v => v.Id == "label");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_and_moves_focus_to_the_main_content()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/sign-in");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Pages_fit_a_small_phone_screen_without_sideways_scrolling()
    {
        var page = await fixture.NewPageAsync(width: 360, height: 740);
        await page.GotoAsync("/account/sign-in");
        Assert.Empty(await TooWideAsync(page));

        await SignInAsync(page, "it.manager@bayview.example");
        Assert.Empty(await TooWideAsync(page));
        await page.GotoAsync("/admin/users");
        Assert.Empty(await TooWideAsync(page));
        await page.Context.CloseAsync();
    }

    internal static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DistrictOpsFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForArrivalAsync(url => !url.Contains("sign-in", StringComparison.Ordinal));
    }

    /// <summary>The elements that reach past the right edge of the screen, outside any scrolling region.</summary>
    internal static Task<string[]> TooWideAsync(IPage page) =>
        page.EvaluateAsync<string[]>(
            """
            () => document.documentElement.scrollWidth <= window.innerWidth ? [] :
              [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-region'))
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')
            """);
}
