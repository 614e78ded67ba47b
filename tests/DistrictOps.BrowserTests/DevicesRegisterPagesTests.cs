using System.Text;
using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class DevicesRegisterPagesTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_senior_technician_finds_a_tablet_reads_its_page_checks_an_import_and_cannot_approve_an_untested_standard(int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "senior.tech@bayview.example");

        await page.GotoAsync("/devices");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Devices");
        await CheckAsync(page);
        await page.GetByLabel("Asset tag, serial or holder").FillAsync("bv-00001");
        await page.GetByLabel("Asset tag, serial or holder").PressAsync("Enter");
        await page.WaitForURLAsync("**/devices?q=bv-00001*");
        await Assertions.Expect(page.Locator("table.devices tbody tr").First).ToContainTextAsync("BV-00001");
        await page.Locator("table.devices tbody tr").First.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "History" })).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Serial number")).Not.ToBeEmptyAsync();
        await CheckAsync(page);

        await page.GotoAsync("/devices/standards");
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Student tablet 2027 (pilot)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve standard" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Document cameras (failed)");
        await CheckAsync(page);

        await page.GotoAsync("/devices/import");
        await page.GetByLabel("CSV file").First.SetInputFilesAsync(new FilePayload
        {
            Name = "new-carts.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes($"asset_tag,serial,standard,purchased_on\r\nCART-{width}-1,CS-{width}-1,Student tablet 2026,2026-08-01\r\nCART-{width}-2,CS-{width}-2,Student tablet 1999,08/01/2026\r\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".findings")).ToContainTextAsync("new-carts.csv:3:3 (standard)");
        await Assertions.Expect(page.Locator(".findings")).ToContainTextAsync("new-carts.csv:3:4 (purchased_on)");
        await CheckAsync(page);

        await page.GotoAsync("/devices/forecast");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Cost per school year, thousands of dollars" })).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task A_teacher_without_a_device_is_told_what_to_do_next(int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "teacher@bayview.example");
        await page.GotoAsync("/devices/mine");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My devices");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Report a problem" })).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.Context.CloseAsync();
    }

    private static async Task CheckAsync(IPage page)
    {
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));
    }
}
