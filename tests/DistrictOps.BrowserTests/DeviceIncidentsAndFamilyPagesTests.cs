using System.Security.Claims;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class DeviceIncidentsAndFamilyPagesTests(BrowserFixture fixture)
{
    private static readonly Guid Standard = Guid.Parse("0f6a4b8e-1c1d-4a53-9d4e-7a3f1d2b6c02");

    private static readonly byte[] Photo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task A_damaged_device_is_reported_with_a_photo_the_family_is_charged_and_the_guardian_signs_and_sees_the_statement(int width, int height)
    {
        var tag = $"BT-{width}";
        var (studentId, student) = await ArrangeAsync(tag);

        var tech = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(tech, "helpdesk@bayview.example");
        await tech.GotoAsync($"/devices/incidents/new?device={tag}");
        await Assertions.Expect(tech.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Report a lost, stolen or damaged device");
        await Assertions.Expect(tech.Locator("dl.facts")).ToContainTextAsync(student);
        await CheckAsync(tech);
        await tech.GetByLabel("Damaged", new() { Exact = true }).CheckAsync();
        await tech.GetByLabel("Willful", new() { Exact = true }).CheckAsync();
        await tech.GetByLabel("What happened", new() { Exact = true }).FillAsync("Screen smashed against a desk on purpose, seen by the teacher.");
        await tech.GetByLabel("Photos (optional)").SetInputFilesAsync(new FilePayload { Name = "screen.png", MimeType = "image/png", Buffer = Photo });
        await tech.GetByRole(AriaRole.Button, new() { Name = "Report the incident" }).ClickAsync();
        await tech.WaitForArrivalAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/devices/incidents/\d+$"));
        await Assertions.Expect(tech.GetByRole(AriaRole.Status)).ToContainTextAsync("Incident reported.");
        await Assertions.Expect(tech.Locator("ul.photos img")).ToHaveCountAsync(1);
        await CheckAsync(tech);
        var incident = tech.Url;
        await tech.GotoAsync("/devices/incidents?kind=Damaged");
        await Assertions.Expect(tech.GetByRole(AriaRole.Cell, new() { Name = tag, Exact = true }).First).ToBeVisibleAsync();
        await CheckAsync(tech);

        var admin = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(admin, "admin@bayview.example");
        await admin.GotoAsync(incident);
        await admin.GetByLabel("The family", new() { Exact = true }).CheckAsync();
        await admin.GetByLabel("Why", new() { Exact = true }).FillAsync("Willful damage, seen by the teacher.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Decision recorded.");
        await admin.GetByLabel("Amount in dollars").FillAsync("120.00");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Record the charge" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Charge recorded on the family's ledger.");
        await CheckAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "The family's ledger" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{student}: devices");
        await CheckAsync(admin);
        var waiver = admin.Locator("form").Filter(new() { Has = admin.GetByRole(AriaRole.Heading, new() { Name = "Waive a charge" }) });
        await waiver.GetByLabel("Amount in dollars").FillAsync("20");
        await waiver.GetByLabel("Why it is waived").FillAsync("First incident; the principal asked.");
        await waiver.GetByRole(AriaRole.Button, new() { Name = "Waive" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Waiver recorded.");
        await CheckAsync(admin);
        await admin.GotoAsync($"/devices/fees/{studentId}/statement");
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator(".statement")).ToContainTextAsync("First incident; the principal asked.");
        await CheckAsync(admin);

        var parent = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(parent, DemoAccounts.Parent.Email);
        await parent.GetByRole(AriaRole.Link, new() { Name = "Your children's devices" }).First.ClickAsync();
        await Assertions.Expect(parent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your children's devices");
        await CheckAsync(parent);
        var child = parent.Locator("section.child").Filter(new() { Has = parent.GetByRole(AriaRole.Heading, new() { Name = student, Exact = true }) });
        await child.GetByLabel("Type your full name to sign").FillAsync(DemoAccounts.Parent.DisplayName);
        await child.GetByRole(AriaRole.Button, new() { Name = $"Sign the agreement for {student}" }).ClickAsync();
        await Assertions.Expect(parent.GetByRole(AriaRole.Status)).ToContainTextAsync("Thank you: the device agreement is signed.");
        await Assertions.Expect(parent.Locator("#fees")).ToBeVisibleAsync();
        await Assertions.Expect(parent.Locator("section.statement")).ToContainTextAsync("Waived, approved by");
        await CheckAsync(parent);
        foreach (var page in new[] { tech, admin, parent })
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// A device checked out to the demo parent's first child (a device the demo does not have yet), and no agreement on file
    /// for that child, so the page offers to sign. Returns the child's id and name.
    /// </summary>
    private async Task<(Guid Id, string Name)> ArrangeAsync(string tag)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var guardian = await db.Set<Person>().Where(p => p.SourcedId == DemoAccounts.ParentGuardianSourcedId).Select(p => p.Id).SingleAsync();
        var child = (await scope.ServiceProvider.GetRequiredService<IPeopleDirectory>().FamilyAsync(guardian)).Students[0];
        if (await db.Set<DeviceStandard>().FindAsync(Standard) is null)
        {
            db.Add(new DeviceStandard
            {
                Id = Standard, Name = "Browser test tablet", Manufacturer = "Lenovo", Model = "10w Gen 3", Status = StandardStatus.Approved,
                UnitCostCents = 35_000, ExpectedLifeYears = 5, UpdatedAt = TimeProvider.System.GetUtcNow(),
            });
        }

        db.Add(new Device
        {
            Id = Guid.NewGuid(), AssetTag = tag, Serial = "SN-" + tag, StandardId = Standard, Status = DeviceStatus.InStock, SiteId = child.PrimarySiteId,
            CreatedAt = TimeProvider.System.GetUtcNow(), UpdatedAt = TimeProvider.System.GetUtcNow(),
        });
        await db.Set<DeviceAgreement>().Where(a => a.StudentId == child.Id).ExecuteDeleteAsync();
        await db.SaveChangesAsync();

        var helpDesk = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("helpdesk@bayview.example");
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, helpDesk!.Id.ToString()), new Claim(ClaimTypes.Role, Roles.HelpDesk)], "test"));
        var user = new DeviceUser(helpDesk.Id, helpDesk.DisplayName, new DeviceScope(null), new DirectoryReader(principal, "/tests/arrange"));
        var done = await scope.ServiceProvider.GetRequiredService<Custody>().CheckOutAsync(new CheckOut(tag, PersonId: child.Id, Accessories: Accessories.Charger), user, default);
        Assert.True(done.Succeeded, done.Failure?.Message);
        return (child.Id, child.Name);
    }

    private static async Task CheckAsync(IPage page)
    {
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));
    }
}
