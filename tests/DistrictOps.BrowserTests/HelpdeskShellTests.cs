using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Work.ListNotifications;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

/// <summary>Issue 12's queue, shell, teacher's request, charts and times, each at a laptop's and a phone's size.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class HelpdeskShellTests(BrowserFixture fixture)
{
    private const int Laptop = 1366;
    private const int Phone = 390;

    // A 1×1 PNG: the upload check reads the content, not the name.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    public static TheoryData<int, int> Sizes() => new() { { Laptop, 768 }, { Phone, 844 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task The_queue_fits_the_screen_its_filters_fold_and_the_bulk_bar_appears_when_tickets_are_ticked(int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "helpdesk@bayview.example");
        await page.GotoAsync("/helpdesk/queues/all");

        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));
        Assert.True(await page.EvaluateAsync<bool>("() => { const r = document.querySelector('.queue-region'); return r.scrollWidth <= r.clientWidth + 1; }"), "the queue scrolls sideways");
        var firstRow = page.Locator("table.tickets tbody tr").First;
        foreach (var cell in new[] { "th.ticket-number", "td.ticket-title", "td[data-label='Requester']", "td[data-label='Site']", "td[data-label='Status'] .tag", "td[data-label='Assignee']", "td.age" })
        {
            // A phone's card is taller than the screen: each cell must be reachable by scrolling down, not sideways.
            await firstRow.Locator(cell).ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(firstRow.Locator(cell)).ToBeInViewportAsync();
        }

        Assert.Matches(@"^status-\w+", (await firstRow.Locator("td[data-label='Status'] .tag").GetAttributeAsync("class"))!.Split(' ')[1]);
        Assert.Equal(width == Laptop ? "table-row" : "block", await firstRow.EvaluateAsync<string>("r => getComputedStyle(r).display"));

        var filters = page.Locator("details.filters-panel");
        await Assertions.Expect(page.GetByLabel("Number or title")).Not.ToBeVisibleAsync();
        await filters.Locator("summary").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Number or title")).ToBeVisibleAsync();

        var bulk = page.Locator("form#bulk");
        await Assertions.Expect(bulk).ToBeHiddenAsync();
        await page.Locator("table.tickets tbody input[type=checkbox]").Nth(1).CheckAsync();
        await Assertions.Expect(bulk).ToBeVisibleAsync();
        await Assertions.Expect(bulk.Locator(".selected-count")).ToHaveTextAsync("1 ticket selected");
        await page.GetByLabel("Select every ticket on this page").CheckAsync();
        var rows = await page.Locator("table.tickets tbody tr").CountAsync();
        await Assertions.Expect(bulk.Locator(".selected-count")).ToHaveTextAsync($"{rows} tickets selected");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.GetByLabel("Select every ticket on this page").UncheckAsync();
        await Assertions.Expect(bulk).ToBeHiddenAsync();

        await page.GotoAsync("/helpdesk/queues/unassigned");
        Assert.True(await page.Locator("table.tickets tbody tr").CountAsync() > 0, "the demo has no unassigned tickets");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_javascript_the_bulk_form_is_always_there_and_the_menu_opens_with_its_checkbox()
    {
        // The app's scripts are refused rather than JavaScript switched off: with JavaScriptEnabled=false this
        // Playwright and Chromium hang in the page's checks instead of failing, and the page is the same either way.
        var page = await fixture.NewPageAsync(Phone, 844);
        var context = page.Context;
        await context.RouteAsync("**/js/**", route => route.AbortAsync());
        await ShellTests.SignInAsync(page, "helpdesk@bayview.example");

        await page.GotoAsync("/helpdesk/queues/all");
        await Assertions.Expect(page.Locator("form#bulk")).ToBeVisibleAsync();
        var tickets = page.Locator("#main-nav").GetByRole(AriaRole.Link, new() { Name = "Tickets" });
        await Assertions.Expect(tickets).Not.ToBeVisibleAsync();
        await page.Locator("label[for=menu-toggle]").ClickAsync();
        await Assertions.Expect(tickets).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task The_shell_groups_the_navigation_opens_the_phone_menu_by_keyboard_and_switches_language(int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "it.manager@bayview.example");

        var nav = page.Locator("#main-nav");
        Assert.Equal(["Help desk", "Devices", "Directory", "Planning", "Administration"], (await nav.Locator(".nav-group-title").AllTextContentsAsync()).Select(t => t.Trim()));
        var menu = page.Locator("button.menu-button");
        if (width == Phone)
        {
            await Assertions.Expect(nav).ToBeHiddenAsync();
            await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
            await menu.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Reports" })).ToBeVisibleAsync();
            Assert.Empty(await Axe.SeriousViolationsAsync(page));
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(nav).ToBeHiddenAsync();
        }
        else
        {
            await Assertions.Expect(menu).ToBeHiddenAsync();
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Reports" })).ToBeVisibleAsync();
        }

        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));
        var icon = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        var favicon = await page.APIRequest.GetAsync(icon!);
        Assert.Equal("image/svg+xml", favicon.Headers["content-type"]);
        Assert.Contains("<svg", await favicon.TextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Español" })).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task The_teacher_reports_a_problem_with_a_photo_is_told_when_to_expect_an_answer_and_the_technician_sees_the_unread_count(int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "teacher@bayview.example");

        var report = page.GetByRole(AriaRole.Link, new() { Name = "Report a problem" });
        await Assertions.Expect(report).ToBeVisibleAsync();
        Assert.True((await report.BoundingBoxAsync())!.Height >= 48, "the Report a problem button is not big");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await report.ClickAsync();

        var photo = page.GetByLabel("A photo or screenshot (optional)");
        Assert.Equal(("image/*", "environment"), (await photo.GetAttributeAsync("accept"), await photo.GetAttributeAsync("capture")));
        await page.GetByLabel("What kind of problem is it?").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("In a few words, what is wrong?").FillAsync($"Projector shows no picture ({width} px)");
        await page.GetByLabel("What happened, and what do you see?").FillAsync("The projector turns on but the screen stays blue.");
        await photo.SetInputFilesAsync(new FilePayload { Name = "projector.png", MimeType = "image/png", Buffer = Png });
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));
        // The knowledge base answered while she typed; none was it, so she sends the request with its photo.
        await Assertions.Expect(page.Locator("#suggestions")).ToContainTextAsync("The projector shows \"No signal\"");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();

        var sent = page.Locator("section.sent");
        await Assertions.Expect(sent.GetByRole(AriaRole.Heading)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Your request BV-\d{6} was sent$"));
        await Assertions.Expect(sent).ToContainTextAsync("What happens next");
        await Assertions.Expect(sent.Locator(".promise")).ToContainTextAsync("Expected first answer");
        await Assertions.Expect(page.GetByText("Attached projector.png.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dl.facts dd").Filter(new() { HasText = "Rosa Martinez" })).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));

        var number = long.Parse(page.Url.Split('/')[^1].Split('?')[0].Split('-')[1], System.Globalization.CultureInfo.InvariantCulture);
        var (email, unread) = await AssigneeAsync(number);
        if (email is not null)
        {
            var technician = await fixture.NewPageAsync(width, height);
            await ShellTests.SignInAsync(technician, email);
            if (width == Phone)
            {
                await Assertions.Expect(technician.Locator(".menu-button .count")).ToContainTextAsync(unread.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await technician.Locator(".menu-button").ClickAsync();
            }

            await Assertions.Expect(technician.Locator("#main-nav a[href='/helpdesk/notifications'] .count"))
                .ToHaveTextAsync($"{unread} unread");
            Assert.Empty(await Axe.SeriousViolationsAsync(technician));
            await technician.Context.CloseAsync();
        }

        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Report_charts_keep_every_label_inside_show_the_ends_of_long_lists_and_define_every_tile(int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "it.manager@bayview.example");

        await page.GotoAsync("/helpdesk/reports");
        var tiles = page.Locator("dl.headlines > div");
        Assert.True(await tiles.CountAsync() >= 8);
        foreach (var tile in await tiles.AllAsync())
        {
            Assert.False(string.IsNullOrWhiteSpace(await tile.Locator("dd.definition").InnerTextAsync()));
        }

        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        foreach (var report in new[] { "backlog", "volume", "response-times", "attainment" })
        {
            await page.GotoAsync($"/helpdesk/reports/{report}");
            Assert.Empty(await ClippedChartTextAsync(page));
            Assert.Empty(await Axe.SeriousViolationsAsync(page));
            Assert.Empty(await ShellTests.TooWideAsync(page));
            foreach (var caption in await page.Locator("figure.chart-figure figcaption .definition").AllInnerTextsAsync())
            {
                Assert.False(string.IsNullOrWhiteSpace(caption));
            }
        }

        var technicians = page.Locator("figure[aria-labelledby='technician-attainment-chart-caption']");
        await Assertions.Expect(technicians.Locator("figcaption")).ToContainTextAsync("Targets met by technician");
        var sites = page.Locator("figure[aria-labelledby='attainment-chart-caption']");
        Assert.Equal(16, await sites.Locator(".chart-scroll").First.Locator("svg tspan:first-child").CountAsync());
        await sites.Locator("details.show-all summary").ClickAsync();
        Assert.True(await sites.Locator("details.show-all svg tspan:first-child").CountAsync() > 16);
        Assert.Empty(await ClippedChartTextAsync(page));
        if (width == Phone)
        {
            // Text stays readable: a chart scrolls inside its frame instead of shrinking below 10 px.
            Assert.True(await page.EvaluateAsync<double>("() => { const s = document.querySelector('svg.chart'); return s.getBoundingClientRect().width / s.viewBox.baseVal.width * 12; }") >= 10);
        }

        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Pages_show_times_in_the_district_zone_and_never_in_utc(int width, int height)
    {
        string zone;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            zone = scope.ServiceProvider.GetRequiredService<DistrictTime>().Zone.Id;
        }

        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "helpdesk@bayview.example");
        await page.GotoAsync("/helpdesk/queues/all");
        var ticket = await page.Locator("table.tickets tbody th a").First.GetAttributeAsync("href");

        foreach (var path in new[] { "/helpdesk/queues/all", ticket!, "/helpdesk/notifications", "/helpdesk/requests", "/helpdesk/problems" })
        {
            await page.GotoAsync(path);
            var wrong = await page.EvaluateAsync<string[]>(
                """
                zone => {
                  const clock = (d, timeZone) => new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(d).replace(/\u202f/g, ' ');
                  const bad = [...document.querySelectorAll('time[datetime]')].flatMap(t => {
                    const at = new Date(t.getAttribute('datetime'));
                    const shown = (t.title + ' ' + t.textContent).replace(/\u202f/g, ' ');
                    const local = clock(at, zone), utc = clock(at, 'UTC');
                    return shown.includes(local) && (local === utc || !shown.includes(utc)) ? [] : [t.outerHTML];
                  });
                  const text = document.body.innerText;
                  if (/\d{4}-\d\d-\d\dT\d\d:\d\d/.test(text) || /\bUTC\b/.test(text)) bad.push('UTC text on the page');
                  return bad;
                }
                """, zone);
            Assert.True(wrong.Length == 0, $"{path}: {string.Join("\n", wrong)}");
        }

        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    /// <summary>Chart text that reaches past its SVG's drawing area, where the browser cuts it off.</summary>
    private static Task<string[]> ClippedChartTextAsync(IPage page) =>
        page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('svg.chart')].filter(s => s.getClientRects().length > 0).flatMap(svg => {
              const box = svg.viewBox.baseVal;
              return [...svg.querySelectorAll('text')].filter(t => {
                const b = t.getBBox();
                return b.x < box.x - 0.5 || b.y < box.y - 0.5 || b.x + b.width > box.x + box.width + 0.5 || b.y + b.height > box.y + box.height + 0.5;
              }).map(t => svg.id + ' ' + t.textContent);
            })
            """);

    private async Task<(string? Email, int Unread)> AssigneeAsync(long number)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var assignee = await db.Set<Ticket>().Where(t => t.Id == number).Select(t => t.AssigneeUserId).SingleAsync();
        if (assignee is not { } userId)
        {
            return (null, 0);
        }

        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId.ToString());
        return (user!.Email, await scope.ServiceProvider.GetRequiredService<ListNotificationsHandler>().UnreadCountAsync(userId));
    }
}
