using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

public sealed partial class SearchTests
{
    [Theory]
    [Providers]
    public async Task A_search_in_windows_of_the_newest_numbers_shows_the_same_page_as_a_search_of_all(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider, new Dictionary<string, string?> { ["Helpdesk:SearchWindow"] = "30" });
        var reply = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Slow login", description = "Takes minutes.", siteId = world.Elementary, issueTypeId = 3 });
        await using (var context = world.Db.OpenContext())
        {
            var now = TimeProvider.System.GetUtcNow();
            // Every third of 300 tickets matches: the window of 30 numbers holds 10 of them, the window of 300 a full page of 100.
            context.Set<Ticket>().AddRange(Enumerable.Range(0, 300).Select(i => new Ticket
            {
                Title = i % 3 == 0 ? $"Gymnasium projector {i}" : $"Printer {i}", Description = "Generated.", RequesterName = "Maria Lopez",
                SiteId = world.Elementary, IssueTypeId = 3, Priority = 3, Status = TicketStatus.Closed, CreatedAt = now, UpdatedAt = now, StatusChangedAt = now,
            }));
            await context.SaveChangesAsync();
        }

        var api = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        (await api.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{reply}/comments", new { body = "Met them in the gymnasium.", isPublic = false })).EnsureSuccessStatusCode();
        var desk = world.App.Browser();
        await desk.SignInAsync(HelpdeskWorld.HelpDesk);

        var html = await desk.GetStringAsync("/helpdesk/search?q=gymnasium");
        var shown = TicketLink().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();

        await using var db = world.Db.OpenContext();
        var matching = await db.Set<Ticket>().Where(t => t.Title.StartsWith("Gymnasium")).OrderByDescending(t => t.Id).Select(t => t.Id).Take(50).ToListAsync();
        Assert.Equal(matching.Select(id => $"BV-{id:D6}"), shown);
        var few = await desk.GetStringAsync("/helpdesk/search?q=met%20them");
        Assert.Equal([reply], TicketLink().Matches(few).Select(m => m.Groups[1].Value).Distinct());
    }

    [Theory]
    [Providers]
    public async Task A_rare_match_older_than_the_window_is_found_and_a_site_technician_never_sees_another_sites(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider, new Dictionary<string, string?> { ["Helpdesk:SearchWindow"] = "5" });
        await using (var context = world.Db.OpenContext())
        {
            var now = TimeProvider.System.GetUtcNow();
            Ticket Generated(string title, Guid site) => new()
            {
                Title = title, Description = "Generated.", RequesterName = "Maria Lopez", SiteId = site, IssueTypeId = 3, Priority = 3,
                Status = TicketStatus.Closed, CreatedAt = now, UpdatedAt = now, StatusChangedAt = now,
            };
            // Added one by one so the numbers keep this order: the two matches first, then 20 newer tickets that do not match.
            foreach (var ticket in new[] { Generated("Zebra crossing lamp", world.District), Generated("Zebra crossing sign", world.High) }
                .Concat(Enumerable.Range(0, 20).Select(i => Generated($"Printer {i}", world.Elementary))))
            {
                context.Add(ticket);
                await context.SaveChangesAsync();
            }
        }

        await using var db = world.Db.OpenContext();
        var numbers = await db.Set<Ticket>().Where(t => t.Title.StartsWith("Zebra")).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
        var (district, high) = ($"BV-{numbers[0]:D6}", $"BV-{numbers[1]:D6}");
        var tech = world.App.Browser();
        await tech.SignInAsync(HelpdeskWorld.SiteTech);
        var desk = world.App.Browser();
        await desk.SignInAsync(HelpdeskWorld.HelpDesk);

        var seen = TicketLink().Matches(await tech.GetStringAsync("/helpdesk/search?q=zebra%20crossing")).Select(m => m.Groups[1].Value).Distinct();
        var all = TicketLink().Matches(await desk.GetStringAsync("/helpdesk/search?q=zebra%20crossing")).Select(m => m.Groups[1].Value).Distinct();

        Assert.Equal([high], seen);
        Assert.Equal([high, district], all);
    }

    [GeneratedRegex("href=\"/helpdesk/tickets/(BV-\\d{6})\"")]
    private static partial Regex TicketLink();

    [Theory]
    [Providers]
    public async Task A_ticket_number_jumps_to_the_ticket_and_text_finds_title_description_comments_and_requester_highlighted(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var projector = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Projector bulb out", description = "The <script>alert(1)</script> lamp flickers.", siteId = world.Elementary, issueTypeId = 3 });
        var wireless = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Wireless drops", description = "Near the Gymnasium doors.", siteId = world.Elementary, issueTypeId = 3 });
        var login = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Slow login", description = "Takes minutes.", siteId = world.Elementary, issueTypeId = 3 });
        var api = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        (await api.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{login}/comments", new { body = "Replaced the gymnasium switch.", isPublic = false })).EnsureSuccessStatusCode();
        var tech = world.App.Browser();
        await tech.SignInAsync(HelpdeskWorld.SiteTech);
        var otherSite = world.App.Browser();
        await otherSite.SignInAsync(HelpdeskWorld.Network);

        var jump = await tech.GetAsync($"/helpdesk/search?q={projector.ToLowerInvariant()}");
        var gym = await tech.GetStringAsync("/helpdesk/search?q=GYMNASIUM");
        var script = await tech.GetStringAsync("/helpdesk/search?q=alert");
        var requester = await tech.GetStringAsync("/helpdesk/search?q=lopez");
        var notTheirs = await otherSite.GetStringAsync("/helpdesk/search?q=gymnasium");
        var tooShort = await tech.GetAsync("/helpdesk/search?q=ab");

        Assert.Equal((HttpStatusCode.Redirect, $"/helpdesk/tickets/{projector}"), (jump.StatusCode, jump.Headers.Location!.OriginalString));
        Assert.Contains($"/helpdesk/tickets/{wireless}", gym, StringComparison.Ordinal);
        Assert.Contains("Near the <mark>Gymnasium</mark> doors.", gym, StringComparison.Ordinal);
        Assert.Contains($"/helpdesk/tickets/{login}", gym, StringComparison.Ordinal);
        Assert.Contains("Replaced the <mark>gymnasium</mark> switch.", gym, StringComparison.Ordinal);
        Assert.DoesNotContain($"/helpdesk/tickets/{projector}", gym, StringComparison.Ordinal);
        Assert.Contains("The &lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt; lamp flickers.", script, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", script, StringComparison.Ordinal);
        Assert.All(new[] { projector, wireless, login }, number => Assert.Contains($"/helpdesk/tickets/{number}", requester, StringComparison.Ordinal));
        Assert.Contains("Maria <mark>Lopez</mark>", requester, StringComparison.Ordinal);
        Assert.DoesNotContain("/helpdesk/tickets/BV-", notTheirs, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("at least 3 characters", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task People_match_names_in_any_order_partial_names_and_email_and_students_only_under_the_student_rule(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var maria = await world.PersonIdAsync("t-es");
        var student = await world.PersonIdAsync("s-es-3");
        var ticket = await world.OpenAsync(HelpdeskWorld.HelpDesk, new { title = "Login fails", description = "Password rejected.", siteId = world.Elementary, issueTypeId = 5, channel = "Phone", requesterPersonId = student });
        var helpDesk = world.App.Browser();
        await helpDesk.SignInAsync(HelpdeskWorld.HelpDesk);
        var manager = world.App.Browser();
        await manager.SignInAsync(HelpdeskWorld.Manager);

        foreach (var query in new[] { "maria lop", "lopez maria", "LOP", "maria.lopez@" })
        {
            Assert.Contains($"/helpdesk/intake?person={maria}", await helpDesk.GetStringAsync($"/helpdesk/search?q={Uri.EscapeDataString(query)}"), StringComparison.Ordinal);
        }

        Assert.DoesNotContain($"person={maria}", await helpDesk.GetStringAsync("/helpdesk/search?q=maria%20petrov"), StringComparison.Ordinal);
        var allowed = await helpDesk.GetStringAsync("/helpdesk/search?q=kid3");
        var hidden = await manager.GetStringAsync("/helpdesk/search?q=kid3");

        Assert.Contains($"/helpdesk/intake?person={student}", allowed, StringComparison.Ordinal);
        Assert.Contains($"/helpdesk/tickets/{ticket}", allowed, StringComparison.Ordinal);
        Assert.Contains("<mark>Kid3</mark> Garcia", allowed, StringComparison.Ordinal);
        Assert.DoesNotContain("Kid3 Garcia", hidden, StringComparison.Ordinal);
        Assert.DoesNotContain($"person={student}", hidden, StringComparison.Ordinal);
        Assert.DoesNotContain($"/helpdesk/tickets/{ticket}", hidden, StringComparison.Ordinal);
    }
}
