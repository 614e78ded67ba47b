using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

public sealed class ListNotificationsTests
{
    [Theory]
    [Providers]
    public async Task Each_person_sees_only_their_own_notifications_newest_first_and_marks_them_read(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var first = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Tablet cart", description = "No wireless.", siteId = world.Elementary, issueTypeId = 3 });
        var second = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Document camera", description = "No picture.", siteId = world.Elementary, issueTypeId = 3 });
        var technician = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);

        var assigned = await technician.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/notifications?pageSize=1");
        Assert.Equal((2, 1, 1), (assigned.GetProperty("total").GetInt32(), assigned.GetProperty("page").GetInt32(), assigned.GetProperty("pageSize").GetInt32()));
        var newest = assigned.GetProperty("items")[0];
        Assert.Equal((second, "assigned", true, $"/helpdesk/tickets/{second}"), (newest.GetProperty("number").GetString(), newest.GetProperty("kind").GetString(), newest.GetProperty("unread").GetBoolean(), newest.GetProperty("link").GetString()));
        var own = await teacher.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/notifications");
        Assert.Equal(
            [(second, "created", $"/helpdesk/requests/{second}"), (first, "created", $"/helpdesk/requests/{first}")],
            own.GetProperty("items").EnumerateArray().Select(n => (n.GetProperty("number").GetString(), n.GetProperty("kind").GetString(), n.GetProperty("link").GetString())));

        var firstId = (await technician.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/notifications")).GetProperty("items")[1].GetProperty("id").GetInt64();
        var teachersIds = own.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetInt64()).ToArray();
        var marked = await technician.PostAsJsonAsync("/api/v1/helpdesk/notifications/read", new { ids = teachersIds.Append(firstId) });
        Assert.Equal(1, (await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marked").GetInt32());
        Assert.Equal(
            [true, false],
            (await technician.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/notifications")).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("unread").GetBoolean()));
        Assert.All((await teacher.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/notifications")).GetProperty("items").EnumerateArray(), n => Assert.True(n.GetProperty("unread").GetBoolean()));

        var all = await technician.PostAsync("/api/v1/helpdesk/notifications/read", JsonContent.Create(new { }));
        Assert.Equal(1, (await all.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marked").GetInt32());
    }

    [Theory]
    [Providers]
    public async Task The_page_lists_notifications_with_links_marks_them_all_read_and_says_what_to_do_when_there_are_none(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Tablet <cart>", description = "No wireless.", siteId = world.Elementary, issueTypeId = 3 });
        var browser = world.App.Browser();
        await browser.SignInAsync(HelpdeskWorld.SiteTech);

        var page = await browser.GetStringAsync("/helpdesk/notifications");
        Assert.Contains($"<a href=\"/helpdesk/tickets/{number}\">{number}</a>", page, StringComparison.Ordinal);
        Assert.Contains("Tablet &lt;cart&gt;", page, StringComparison.Ordinal);
        Assert.Contains("1 unread", page, StringComparison.Ordinal);

        var posted = await browser.PostFormAsync("/helpdesk/notifications", "/helpdesk/notifications?handler=Read", new());
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await browser.GetStringAsync(posted.Headers.Location!.ToString());
        Assert.Contains("1 notification marked read.", after, StringComparison.Ordinal);
        Assert.Contains("0 unread", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Mark all read", after, StringComparison.Ordinal);

        var network = world.App.Browser();
        await network.SignInAsync(HelpdeskWorld.Network);
        Assert.Contains("No notifications yet", await network.GetStringAsync("/helpdesk/notifications"), StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task The_navigation_counts_unread_notifications_up_to_99_and_then_says_99_plus(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var ticketId = (await world.TicketAsync(number)).Id;
        var browser = world.App.Browser();
        await browser.SignInAsync(HelpdeskWorld.SiteTech);
        async Task<string> BadgeAsync() =>
            Regex.Match(WebUtility.HtmlDecode(await browser.GetStringAsync("/")), "href=\"/helpdesk/notifications\"[^>]*>[^<]*<span class=\"count\">([^<]*)<").Groups[1].Value;

        async Task AddAsync(int count)
        {
            await using var context = world.Db.OpenContext();
            context.AddRange(Enumerable.Range(0, count).Select(i => new Notification { UserId = world.Users[HelpdeskWorld.SiteTech], TicketId = ticketId, Kind = "reply", Text = $"Reply {i}", At = TimeProvider.System.GetUtcNow() }));
            await context.SaveChangesAsync();
        }

        await AddAsync(98);
        Assert.Equal("99", await BadgeAsync());
        await AddAsync(1);
        Assert.Equal("99+", await BadgeAsync());
        Assert.Contains("100 unread", WebUtility.HtmlDecode(await browser.GetStringAsync("/helpdesk/notifications")), StringComparison.Ordinal);
    }
}
