using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class DirectoryPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_help_desk_finds_a_school_and_a_student_with_the_keyboard_and_every_page_passes_the_accessibility_check()
    {
        var page = await fixture.NewPageAsync();
        await ShellTests.SignInAsync(page, "helpdesk@bayview.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sites", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sites");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        var rows = await page.Locator("tbody tr").CountAsync();
        Assert.Equal(64, rows);

        await page.GetByRole(AriaRole.Link, new() { Name = "Bayview High", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bayview High");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));

        await page.GotoAsync("/directory/people");
        await page.GetByLabel("Role").SelectOptionAsync("Student");
        await page.GetByLabel("Family name, or an id").PressAsync("Enter");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        var firstStudent = page.Locator("tbody tr td a").First;
        var name = await firstStudent.InnerTextAsync();
        await firstStudent.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Demographics" })).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_finds_who_has_seen_a_students_record_and_every_page_passes_the_accessibility_check()
    {
        var page = await fixture.NewPageAsync();
        await ShellTests.SignInAsync(page, "admin@bayview.example");

        await page.GotoAsync("/directory/people?role=Student");
        var firstStudent = page.Locator("tbody tr td a").First;
        var name = await firstStudent.InnerTextAsync();
        await firstStudent.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Who has seen this record" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Access log");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync(name);
        var row = page.Locator("tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("Dana Reyes");
        await Assertions.Expect(row.Locator("time")).ToHaveAttributeAsync("datetime", new System.Text.RegularExpressions.Regex("Z$"));
        Assert.Empty(await Axe.SeriousViolationsAsync(page));

        await page.GetByLabel("To", new() { Exact = true }).FillAsync("2000-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nobody was shown a student record here" })).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Data_services_sees_the_demo_import_and_the_upload_page()
    {
        var page = await fixture.NewPageAsync(width: 360, height: 740);
        await ShellTests.SignInAsync(page, "data.services@bayview.example");

        await page.GotoAsync("/directory/imports");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.Locator("tbody tr", new() { HasText = "Applied" }).Locator("td a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Import run");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));

        await page.GotoAsync("/directory/imports/new");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));

        await page.GotoAsync("/directory/calendar");
        await Assertions.Expect(page.GetByText("Thanksgiving break").First).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));
        await page.Context.CloseAsync();
    }
}
