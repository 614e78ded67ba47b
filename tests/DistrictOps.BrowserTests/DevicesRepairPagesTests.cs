using System.Globalization;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

/// <summary>Loaner pools, repairs and parts: each page at a desktop width and a phone's, with the accessibility check.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DevicesRepairPagesTests(BrowserFixture fixture)
{
    private static readonly Guid Standard = Guid.Parse("6c0d7e52-2b8f-4a8e-9d59-4f1b0c3a7e11");

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_manager_creates_a_pool_lends_a_loaner_for_a_ticket_that_disrupts_instruction_and_takes_it_back(int width, int height)
    {
        var (ticket, siteId) = await DisruptedTicketAsync(even: width > 1000);
        var tags = await AddDevicesAsync($"L{width}", 2, siteId);
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "it.manager@bayview.example");

        await page.GotoAsync("/devices/loaners");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Loaners");
        await CheckAsync(page);
        await page.GetByLabel("Site").SelectOptionAsync(siteId.ToString());
        await page.GetByLabel("Name").FillAsync($"Loaners {width}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create pool" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"The pool Loaners {width} is ready.");
        await CheckAsync(page);
        await page.GetByLabel("Asset tags").FillAsync(string.Join("\n", tags));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the pool" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 added to the pool");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Lend for {ticket}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#lend-ticket")).ToHaveValueAsync(ticket);
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lend", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{tags[0]} lent to");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{ticket} notes the loaner.");
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Take back {tags[0]}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{tags[0]} is back in the pool.");

        await page.GotoAsync("/devices/loaners");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Loaners {width}" })).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task A_repair_opened_from_the_device_uses_a_part_and_closes_and_the_parts_page_marks_what_to_reorder(int width, int height)
    {
        var tag = (await AddDevicesAsync($"R{width}", 1, siteId: null))[0];
        var partNumber = $"SCR-{width}";
        await AddPartAsync(partNumber, onHand: 1, reorderLevel: 1);
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "it.manager@bayview.example");

        await page.GotoAsync($"/devices/repairs/new?device={tag}");
        await Assertions.Expect(page.GetByLabel("Device's asset tag")).ToHaveValueAsync(tag);
        await CheckAsync(page);
        await page.GetByLabel("Problem").FillAsync("Screen cracked across the top.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the repair" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{tag} is in repair.");
        await CheckAsync(page);
        await page.GetByLabel("Part", new() { Exact = true }).SelectOptionAsync(partNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the parts" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Parts saved");
        await page.GetByLabel("Resolution").FillAsync("Replaced the screen.");
        await page.Locator("#close-labor").FillAsync("25.00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the repair" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Repair closed.");
        await Assertions.Expect(page.GetByText("Turnaround")).ToBeVisibleAsync();
        await CheckAsync(page);

        await page.GotoAsync("/devices/repairs?status=Done");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = tag })).ToBeVisibleAsync();
        await CheckAsync(page);

        await page.GotoAsync("/devices/parts?below=true");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = partNumber });
        await Assertions.Expect(row.GetByText("Reorder", new() { Exact = true })).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.GetByLabel($"Quantity of {partNumber} received").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Receive {partNumber}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Received 5 of {partNumber}; 5 on hand.");
        await page.GotoAsync($"/devices/parts?q={partNumber}");
        await page.GetByRole(AriaRole.Link, new() { Name = partNumber }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(partNumber);
        await CheckAsync(page);
        await page.GetByLabel("Reorder level").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Part {partNumber} saved.");
        await page.Context.CloseAsync();
    }

    /// <summary>The number and site of an open demo ticket that disrupts instruction and was raised by a staff member; odd and even ids for the two widths.</summary>
    private async Task<(string Number, Guid SiteId)> DisruptedTicketAsync(bool even)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var staff = db.Set<Person>().Where(p => p.Kind != PersonKind.Student && p.Kind != PersonKind.Guardian && p.LeftAt == null).Select(p => p.Id);
        var candidates = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.InstructionDisrupted && t.InstructionRestoredAt == null && t.MergedIntoId == null && t.Status != TicketStatus.Solved && t.Status != TicketStatus.Closed
                && t.RequesterPersonId != null && staff.Contains(t.RequesterPersonId.Value))
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.SiteId }).Take(200).ToListAsync();
        var chosen = candidates.First(t => t.Id % 2 == (even ? 0 : 1));
        return ($"BV-{chosen.Id.ToString("D6", CultureInfo.InvariantCulture)}", chosen.SiteId);
    }

    private async Task<IReadOnlyList<string>> AddDevicesAsync(string prefix, int count, Guid? siteId)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        if (await db.Set<DeviceStandard>().FindAsync(Standard) is null)
        {
            db.Add(new DeviceStandard
            {
                Id = Standard, Name = "Repair pages tablet", Manufacturer = "Lenovo", Model = "10w Gen 3", Status = StandardStatus.Approved, UnitCostCents = 35_000,
                ExpectedLifeYears = 5, UpdatedAt = now,
            });
        }

        var site = siteId ?? await db.Set<Site>().OrderBy(s => s.Name).Select(s => s.Id).FirstAsync();
        var tags = Enumerable.Range(1, count).Select(i => $"{prefix}-{i}").ToList();
        db.AddRange(tags.Select(tag => new Device
        {
            Id = Guid.NewGuid(), AssetTag = tag, Serial = "SN-" + tag, StandardId = Standard, Status = DeviceStatus.InStock, SiteId = site, CreatedAt = now, UpdatedAt = now,
        }));
        await db.SaveChangesAsync();
        return tags;
    }

    private async Task AddPartAsync(string partNumber, int onHand, int reorderLevel)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(new Part { Id = Guid.NewGuid(), PartNumber = partNumber, Name = $"Screen {partNumber}", StandardId = Standard, OnHand = onHand, ReorderLevel = reorderLevel, UnitCostCents = 4_500 });
        await db.SaveChangesAsync();
    }

    private static async Task CheckAsync(IPage page)
    {
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));
    }
}
