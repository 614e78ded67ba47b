using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

/// <summary>The scan-first pages, audits, collections and devices to recover, on a wide screen and a phone.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DevicesScanPagesTests(BrowserFixture fixture)
{
    private const string SiteTech = "site.tech@bayview.example";
    private static readonly Guid Standard = Guid.Parse("0f6a4b8e-1c1d-4a53-9d4e-7a3f1d2b6c99");

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task A_technician_checks_a_cart_out_and_in_by_keyboard_alone_and_undoes_the_last_scan(int width, int height)
    {
        var place = await ArrangeAsync($"BT{width}");
        var page = await fixture.NewPageAsync(width, height);
        var violations = WatchCsp(page);
        await ShellTests.SignInAsync(page, SiteTech);
        await page.GotoAsync("/devices/scan");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Scan devices");
        var field = page.Locator("#scan-code");
        await Assertions.Expect(field).ToBeFocusedAsync();
        await CheckAsync(page);

        // A keyboard-wedge scanner: the code typed, then Enter.
        await page.Keyboard.TypeAsync(place.StudentNumber);
        await page.Keyboard.PressAsync("Enter");
        var result = page.GetByRole(AriaRole.Status).And(page.Locator("#scan-result"));
        await Assertions.Expect(result).ToContainTextAsync("now scan the device");
        await Assertions.Expect(page.Locator("label[for=scan-code]")).ToContainTextAsync("Device tag for");
        await Assertions.Expect(field).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync($"{place.Prefix}-1");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(result).ToContainTextAsync($"Checked out {place.Prefix}-1");
        await Assertions.Expect(result).ToContainTextAsync("No device agreement on file");
        await Assertions.Expect(result).ToHaveClassAsync("scan-result tone-warning flash");
        await Assertions.Expect(page.Locator("[data-scan-count]")).ToHaveTextAsync("1 device scanned this session");
        await Assertions.Expect(page.Locator("label[for=scan-code]")).ToHaveTextAsync("Student or staff number");
        await Assertions.Expect(field).ToBeFocusedAsync();
        await CheckAsync(page);

        var undo = page.GetByRole(AriaRole.Button, new() { Name = "Undo last scan" });
        for (var i = 0; i < 6 && !await undo.EvaluateAsync<bool>("b => b === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(undo).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(result).ToContainTextAsync($"Undone: {place.Prefix}-1");
        await Assertions.Expect(page.Locator("[data-scan-count]")).ToHaveTextAsync("0 devices scanned this session");
        await Assertions.Expect(undo).ToBeHiddenAsync();
        await Assertions.Expect(field).ToBeFocusedAsync();
        Assert.Equal(DeviceStatus.InStock, await StatusAsync($"{place.Prefix}-1"));

        await page.Keyboard.TypeAsync("NO-SUCH-PERSON");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(result).ToHaveClassAsync("scan-result tone-error flash");
        await Assertions.Expect(result).ToContainTextAsync("Not done:");

        await page.GotoAsync("/devices/scan?mode=checkin");
        await Assertions.Expect(field).ToBeFocusedAsync();
        await CheckAsync(page);
        await page.Keyboard.TypeAsync($"{place.Prefix}-2");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(result).ToContainTextAsync("is in stock, not checked out");
        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task A_room_is_audited_by_scanning_and_the_audit_collection_and_recovery_pages_pass_the_checks(int width, int height)
    {
        var place = await ArrangeAsync($"BA{width}", room: $"R{width}", leaver: true);
        var page = await fixture.NewPageAsync(width, height);
        var violations = WatchCsp(page);
        await ShellTests.SignInAsync(page, SiteTech);

        await page.GotoAsync("/devices/scan?mode=audit");
        await CheckAsync(page);
        await page.GotoAsync("/devices/audits");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Device audits");
        await CheckAsync(page);
        await page.Locator("#Input_SiteId").SelectOptionAsync(place.SiteId.ToString());
        await page.GetByLabel("Room (optional").FillAsync($"R{width}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the audit" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("3 device(s) expected");
        await CheckAsync(page);
        await page.Locator("#scan-code").FillAsync($"{place.Prefix}-1");
        await page.Locator("#scan-code").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#scan-result")).ToContainTextAsync($"Found {place.Prefix}-1");
        await Assertions.Expect(page.Locator("[data-progress-label]")).ToHaveTextAsync("Found 1 of 3 expected; 0 unexpected.");
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the audit" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Audit closed: 1 of 3 found, 2 missing");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the missing list (CSV)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(2);
        await CheckAsync(page);

        await page.GotoAsync("/devices/recover");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"{place.Prefix}-3" })).ToBeVisibleAsync();
        await CheckAsync(page);
        Assert.Empty(violations);
        await page.Context.CloseAsync();

        // One collection per site and school year: each screen size starts its own at a different site, as the IT manager who sees them all.
        var manager = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(manager, "it.manager@bayview.example");
        await manager.GotoAsync("/devices/collections");
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Year-end collections");
        await CheckAsync(manager);
        var site = await manager.Locator("#Input_SiteId option").Nth(width == 1366 ? 1 : 2).GetAttributeAsync("value");
        await manager.Locator("#Input_SiteId").SelectOptionAsync(site!);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Start the collection" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Outstanding devices" })).ToBeVisibleAsync();
        await CheckAsync(manager);
        await manager.GotoAsync("/devices/collections");
        await CheckAsync(manager);
        await manager.Context.CloseAsync();
    }

    private sealed record Place(string Prefix, Guid SiteId, string StudentNumber);

    /// <summary>
    /// Devices PREFIX-1…3 in stock at a site of the demo's site technician, a student there to scan, and with
    /// <paramref name="leaver"/> the third device out with a student who left last week.
    /// </summary>
    private async Task<Place> ArrangeAsync(string prefix, string? room = null, bool leaver = false)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        var tech = await db.Users.Where(u => u.Email == SiteTech).Select(u => u.Id).SingleAsync();
        var sites = await db.UserSites.Where(s => s.UserId == tech).Select(s => s.SiteId).ToListAsync();
        var students = await db.Set<Person>()
            .Where(p => p.Kind == PersonKind.Student && p.PrimarySiteId != null && sites.Contains(p.PrimarySiteId.Value) && p.Identifier != null
                && !db.Set<DeviceAgreement>().Any(a => a.StudentId == p.Id))
            .OrderBy(p => p.Identifier).Select(p => new { p.Id, p.Identifier, p.GivenName, p.FamilyName, SiteId = p.PrimarySiteId!.Value, p.LeftAt }).ToListAsync();
        var student = students.First(s => s.LeftAt == null);
        var gone = students.Last(s => s.SiteId == student.SiteId);
        if (await db.Set<DeviceStandard>().FindAsync(Standard) is null)
        {
            db.Add(new DeviceStandard
            {
                Id = Standard, Name = "Browser tablet", Manufacturer = "Lenovo", Model = "10w Gen 3", Status = StandardStatus.Approved, UnitCostCents = 35_000, ExpectedLifeYears = 5, UpdatedAt = now,
            });
        }

        foreach (var i in new[] { 1, 2, 3 })
        {
            var isOut = leaver && i == 3;
            db.Add(new Device
            {
                Id = Guid.NewGuid(), AssetTag = $"{prefix}-{i}", Serial = $"SN-{prefix}-{i}", StandardId = Standard, SiteId = gone.SiteId, Room = room,
                Status = isOut ? DeviceStatus.Assigned : DeviceStatus.InStock, HolderKind = isOut ? HolderKind.Student : null, HolderId = isOut ? gone.Id : null,
                HolderName = isOut ? $"{gone.GivenName} {gone.FamilyName}" : null, CreatedAt = now, UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync();
        if (leaver)
        {
            await db.Set<Person>().Where(p => p.Id == gone.Id && p.LeftAt == null).ExecuteUpdateAsync(s => s.SetProperty(p => p.LeftAt, now.AddDays(-7)));
        }

        return new Place(prefix, student.SiteId, student.Identifier!);
    }

    private async Task<DeviceStatus> StatusAsync(string tag)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Device>().Where(d => d.AssetTag == tag).Select(d => d.Status).SingleAsync();
    }

    private static List<string> WatchCsp(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };
        return violations;
    }

    private static async Task CheckAsync(IPage page)
    {
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));
    }
}
