using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

/// <summary>Every page the roles reach runs under the Content-Security-Policy without one refused script or style.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CspTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_pages_run_without_a_content_security_policy_violation()
    {
        var page = await fixture.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };

        var signIn = await page.GotoAsync("/account/sign-in");
        Assert.Contains("nonce-", await signIn!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        await page.GetByLabel("Email").FillAsync("admin@bayview.example");
        await page.GetByLabel("Password").FillAsync(DistrictOpsFactory.DemoPassword);
        await page.GetByLabel("Password").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("District administrator home");

        foreach (var path in (string[])["/admin/users", "/directory/sites", "/directory/imports", "/directory/imports/new", "/helpdesk/queues", "/helpdesk/requests/new",
                     "/helpdesk/settings", "/helpdesk/reports", "/helpdesk/reports/backlog", "/helpdesk/problems", "/admin/jobs", "/account/tokens",
                     "/knowledge", "/knowledge/reviews", "/knowledge/write", "/knowledge/reset-your-password/history"])
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }
}
