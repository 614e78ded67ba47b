using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class KnowledgePagesTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_teacher_finds_an_answer_reads_it_says_it_helped_and_an_answer_while_typing_ends_her_request(int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "teacher@bayview.example");

        await page.GotoAsync("/knowledge");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Knowledge base");
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync("printer offline");
        await page.GetByLabel("Search", new() { Exact = true }).PressAsync("Enter");
        var first = page.Locator(".kb-results li").First;
        await Assertions.Expect(first.Locator("mark").First).ToBeVisibleAsync();
        await CheckAsync(page);
        await first.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator(".kb-body")).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, it helped" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Thank you for saying so.");

        await page.GotoAsync("/helpdesk/requests/new");
        await page.GetByLabel("What kind of problem is it?").SelectOptionAsync("40");
        // Typed without input events, so no suggestion came yet: the send asks for them first, shows them and stops.
        await page.EvaluateAsync("""
            () => {
              document.querySelector('[name="Input.Title"]').value = 'Printer offline';
              document.querySelector('[name="Input.Description"]').value = 'The classroom printer says it is offline.';
            }
            """);
        await page.GetByLabel("In a few words, what is wrong?").PressAsync("Enter");
        var suggestions = page.Locator("#suggestions");
        await Assertions.Expect(suggestions.GetByRole(AriaRole.Heading, new() { Name = "These articles may answer it" })).ToBeFocusedAsync();
        Assert.EndsWith("/helpdesk/requests/new", page.Url, StringComparison.Ordinal);
        Assert.InRange(await suggestions.Locator("li").CountAsync(), 1, 3);
        await CheckAsync(page);
        await suggestions.GetByRole(AriaRole.Button, new() { Name = "This solved it" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Glad that solved it");
        await CheckAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task A_technician_writes_a_procedure_a_reviewer_approves_it_and_its_history_shows_the_change(int width, int height)
    {
        var title = $"Lend a hotspot to a family ({width})";
        var slug = $"lend-a-hotspot-to-a-family-{width}";
        var writer = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(writer, "helpdesk@bayview.example");
        await writer.GotoAsync("/knowledge/write?kind=Procedure");
        await Assertions.Expect(writer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New procedure");
        await CheckAsync(writer);
        await writer.GetByLabel("Title").FillAsync(title);
        await writer.GetByLabel("Summary").FillAsync("How a school lends a wireless hotspot and gets it back.");
        await writer.GetByLabel("Everyone, families too, without signing in").CheckAsync();
        await writer.GetByLabel("Introduction and steps").FillAsync("For office managers.\n\n:::steps\nOffice manager | Check out the hotspot to the student.\n:::\n");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(writer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(writer.Locator("ol.steps .step-role")).ToHaveTextAsync("Office manager");
        await CheckAsync(writer);
        await writer.GetByRole(AriaRole.Button, new() { Name = "Send for review" }).ClickAsync();
        await Assertions.Expect(writer.GetByRole(AriaRole.Status)).ToContainTextAsync("Sent for review.");

        var reviewer = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(reviewer, "senior.tech@bayview.example");
        await reviewer.GotoAsync("/knowledge/reviews");
        await CheckAsync(reviewer);
        await reviewer.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved and published.");

        await writer.GotoAsync($"/knowledge/{slug}");
        await writer.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await writer.GetByLabel("Introduction and steps").FillAsync("For office managers.\n\n:::steps\nOffice manager | Check out the hotspot to the student.\nFamily | Return it by the last day of school.\n:::\n");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await writer.GetByRole(AriaRole.Link, new() { Name = "History and changes" }).ClickAsync();
        await Assertions.Expect(writer.Locator("pre.diff .diff-added")).ToContainTextAsync("Family | Return it by the last day of school.");
        await CheckAsync(writer);
        await writer.Context.CloseAsync();
        await reviewer.Context.CloseAsync();
    }

    [Fact]
    public async Task A_family_reads_the_public_portal_in_spanish_on_a_phone_without_signing_in()
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseUrl, Locale = "es-US", ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/knowledge");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Base de conocimientos");
        // Each article once, in Spanish where it is translated (English only where it is not).
        await Assertions.Expect(page.Locator(".kb-results a[href='/knowledge/tablet-wont-charge?lang=es']")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator(".kb-results a[href='/knowledge/tablet-wont-charge']").CountAsync());
        await CheckAsync(page);
        await page.Locator(".kb-results li[lang=es] a").First.ClickAsync();
        await Assertions.Expect(page.Locator("article.kb-article[lang=es]")).ToBeVisibleAsync();
        await CheckAsync(page);
        await context.CloseAsync();
    }

    private static async Task CheckAsync(IPage page)
    {
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));
    }
}
