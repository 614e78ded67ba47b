using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

/// <summary>An agent's day from the header: log a call, search, and work a ticket in the one composer, on a laptop and a phone.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class HelpdeskAgentDayTests(BrowserFixture fixture)
{
    public static TheoryData<int, int> Screens() => new() { { 1366, 768 }, { 390, 844 } };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task New_ticket_in_the_header_logs_a_call_and_the_look_up_keeps_what_was_typed(int width, int height)
    {
        // The look-up is a submit button of the one form and the page's own flow uses no script, so this is the flow without JavaScript too.
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "helpdesk@bayview.example");
        var caller = await SomeRequesterAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "New ticket", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Take a call");
        await Check(page);
        await page.GetByLabel("In a few words, what is wrong?").FillAsync("Smartboard pen does not draw");
        await page.GetByLabel("What happened, and what do you see?").FillAsync("The pen lights up but nothing appears.");
        await page.GetByLabel("Name, email, phone or employee id").FillAsync(string.Join(' ', caller.Reverse()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Find caller" }).ClickAsync();
        await page.GetByRole(AriaRole.List, new() { Name = "Matching people" }).GetByRole(AriaRole.Button).First.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Their open tickets" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("In a few words, what is wrong?")).ToHaveValueAsync("Smartboard pen does not draw");
        await Assertions.Expect(page.GetByLabel("What happened, and what do you see?")).ToHaveValueAsync("The pen lights up but nothing appears.");
        await Check(page);
        await page.GetByLabel("Site", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("What kind of problem is it?").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Open ticket" }).ClickAsync();

        await page.WaitForArrivalAsync(url => TicketPage().IsMatch(url));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ticket opened.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Smartboard pen does not draw");
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_header_search_jumps_to_a_ticket_number_and_highlights_words_and_people(int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "helpdesk@bayview.example");
        await page.GotoAsync("/helpdesk/queues/all");
        var number = (await page.Locator("a[href^='/helpdesk/tickets/BV-']").First.InnerTextAsync()).Trim();

        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search tickets and people" });
        await box.FillAsync(number);
        await box.PressAsync("Enter");
        await page.WaitForArrivalAsync(url => url.EndsWith($"/helpdesk/tickets/{number}", StringComparison.Ordinal));
        var word = (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).First(w => w.Length >= 4 && w.All(char.IsLetter));

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search tickets and people" }).FillAsync(word);
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search tickets and people" }).PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Search");
        await Assertions.Expect(page.Locator("#ticket-results + ul mark").First).ToHaveTextAsync(new Regex(Regex.Escape(word), RegexOptions.IgnoreCase));
        await Check(page);
        var person = await SomeRequesterAsync(page);
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search tickets and people" }).FillAsync(string.Join(' ', person.Reverse().Select(w => w[..3])));
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search tickets and people" }).PressAsync("Enter");
        await Assertions.Expect(page.Locator("#people-results + ul")).ToContainTextAsync(string.Join(' ', person));
        await Check(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_composer_keeps_a_draft_takes_a_macro_for_review_sends_and_solves_and_a_merge_compares_both_tickets(int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "helpdesk@bayview.example");
        // Open tickets only: the macro below sets Pending, which a ticket already pending would show as "Leave as it is".
        await page.GotoAsync("/helpdesk/queues/all?status=Open");
        var numbers = (await page.Locator("a[href^='/helpdesk/tickets/BV-']").AllInnerTextsAsync()).Select(n => n.Trim()).Where(n => n.StartsWith("BV-", StringComparison.Ordinal)).Distinct().ToList();
        var (ticket, duplicate, target) = (numbers[width % 3], numbers[3 + width % 3], numbers[6 + width % 3]);
        await page.GotoAsync($"/helpdesk/tickets/{ticket}");
        await Check(page);

        var body = page.GetByLabel("Reply or note");
        await body.FillAsync("Checked the cable first.");
        await page.GetByLabel("Room", new() { Exact = true }).FillAsync("Library");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ticket updated.");
        await Assertions.Expect(body).ToHaveValueAsync("Checked the cable first.");

        await page.GetByLabel("Macro", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Need more information" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Fill from the macro" }).ClickAsync();
        await Assertions.Expect(body).ToHaveValueAsync(new Regex("^Checked the cable first\\.\\n\\nThanks for letting us know"));
        await Assertions.Expect(page.GetByLabel("Status", new() { Exact = true })).ToHaveValueAsync("Pending");
        await Check(page);
        await page.GetByLabel("Minutes spent (optional)").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send and mark Solved" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Reply sent.");
        await Assertions.Expect(page.Locator(".tag.status-solved").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Reply or note")).ToHaveValueAsync("");

        await page.GotoAsync($"/helpdesk/tickets/{duplicate}");
        await page.GetByLabel("Merge this duplicate into ticket").FillAsync(target);
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare and merge" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Merge {duplicate}");
        await Check(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Merge {duplicate} into {target}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Note)).ToContainTextAsync($"merged into {target} and is read-only");
        await Assertions.Expect(page.GetByLabel("Reply or note")).ToHaveCountAsync(0);
        await Check(page);
        await page.Context.CloseAsync();
    }

    /// <summary>The words of the name of the requester of the first ticket in the help desk's queue, a person in the demo directory.</summary>
    private static async Task<string[]> SomeRequesterAsync(IPage page)
    {
        await page.GotoAsync("/helpdesk/queues/all");
        await page.Locator("a[href^='/helpdesk/tickets/BV-']").First.ClickAsync();
        var requester = await page.Locator("dl.facts dd").First.InnerTextAsync();
        return requester.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => !w.Contains('@', StringComparison.Ordinal)).ToArray();
    }

    private static async Task Check(IPage page)
    {
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));
    }

    [GeneratedRegex(@"/helpdesk/tickets/BV-\d{6}$")]
    private static partial Regex TicketPage();
}
