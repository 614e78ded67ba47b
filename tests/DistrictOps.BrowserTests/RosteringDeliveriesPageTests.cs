using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

/// <summary>An app's deliveries as the data integration analyst uses them: none yet, make a package, follow it, download it; at a desktop width and a phone's.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RosteringDeliveriesPageTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_analyst_makes_a_package_follows_it_and_downloads_it(int width, int height)
    {
        var appId = await AddAppAsync($"Destiny {width}");
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "data.services@bayview.example");

        await page.GotoAsync($"/rostering/apps/{appId}/deliveries");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Deliveries to Destiny {width}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nothing delivered yet" })).ToBeVisibleAsync();
        await CheckAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Make a package now" }).ClickAsync();
        // The package is made on the server; the page follows it and shows the delivery once it is made.
        var delivered = page.GetByRole(AriaRole.Table, new() { Name = "Deliveries" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Delivered" });
        await Assertions.Expect(delivered).ToHaveCountAsync(1, new() { Timeout = 120_000 });
        await Assertions.Expect(delivered).ToContainTextAsync("users.csv");
        await CheckAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => delivered.GetByRole(AriaRole.Link, new() { Name = "Download" }).ClickAsync());
        Assert.StartsWith($"destiny-{width}-oneroster-1.2-bulk-", download.SuggestedFilename, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    private async Task<Guid> AddAppAsync(string name)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var app = new RosterApp { Id = Guid.NewGuid(), Name = name, Vendor = "Follett", Status = AppStatus.Active };
        db.AddRange(app, new SharingAgreement
        {
            Id = Guid.NewGuid(), AppId = app.Id, Roles = SharedRoles.Students | SharedRoles.Teachers, Fields = SharedFields.Username | SharedFields.Grades,
            Format = ExportFormat.OneRoster12, Method = DeliveryMethod.Download, Enabled = true, UpdatedBy = "test",
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
