using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

/// <summary>An app's OneRoster API credentials as data services hands them to a vendor: issue, a new secret, revoke; at a desktop width and a phone's.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RosteringCredentialsPageTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task Data_services_issues_credentials_sees_the_secret_once_makes_a_new_one_and_revokes_them(int width, int height)
    {
        var appId = await RegisterAsync($"Reading Coach {width}");
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "data.services@bayview.example");

        await page.GotoAsync($"/rostering/apps/{appId}/credentials");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"API credentials: Reading Coach {width}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No API credentials" })).ToBeVisibleAsync();
        await CheckAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Issue credentials" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Credentials were issued.");
        var secret = await page.Locator("#client-secret").TextContentAsync();
        Assert.True(secret?.Length >= 40, secret);
        await Assertions.Expect(page.GetByText("/ims/oneroster/oauth/token")).ToBeVisibleAsync();
        await CheckAsync(page);

        await page.GotoAsync($"/rostering/apps/{appId}/credentials");
        await Assertions.Expect(page.Locator("#client-secret")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a new secret" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("no longer work");
        Assert.NotEqual(secret, await page.Locator("#client-secret").TextContentAsync());
        await CheckAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke credentials" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The credentials were revoked");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No API credentials" })).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.Context.CloseAsync();
    }

    /// <summary>An active app with an enabled agreement, written straight into the database (its pages belong to another slice).</summary>
    private async Task<Guid> RegisterAsync(string name)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var app = new RosterApp { Id = Guid.NewGuid(), Name = name, Vendor = "Acme Learning", Status = AppStatus.Active };
        db.Add(app);
        db.Add(new SharingAgreement
        {
            Id = Guid.NewGuid(), AppId = app.Id, Roles = SharedRoles.Students | SharedRoles.Teachers, Fields = SharedFields.Username | SharedFields.BirthDate,
            Method = DeliveryMethod.Api, Enabled = true, UpdatedBy = "test",
        });
        await db.SaveChangesAsync();
        return app.Id;
    }

    private static async Task CheckAsync(IPage page)
    {
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));
    }
}
