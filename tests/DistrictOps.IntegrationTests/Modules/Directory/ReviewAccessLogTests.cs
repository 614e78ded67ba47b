using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Modules.Directory;

/// <summary>Issue 11 item 4: an administrator answers "who looked at my child" from the access log, by person, user and days.</summary>
public sealed class ReviewAccessLogTests
{
    private const string Admin = "admin@bayview.example";

    [Theory]
    [Providers]
    public async Task An_administrator_sees_who_was_shown_a_childs_record_by_person_user_and_days(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var kid = await world.PersonIdAsync("s-es-1");
        var teen = await world.PersonIdAsync("s-hs-1");

        var helpdesk = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);
        (await helpdesk.GetAsync($"/api/v1/directory/people/{kid}")).EnsureSuccessStatusCode();
        (await helpdesk.GetAsync("/api/v1/directory/people?query=garcia")).EnsureSuccessStatusCode();
        var siteTech = await world.App.ApiClientAsync(HelpdeskWorld.SecondTech);
        (await siteTech.GetAsync($"/api/v1/directory/people/{teen}")).EnsureSuccessStatusCode();
        var admin = await world.App.ApiClientAsync(Admin);

        var forKid = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/directory/access-log?person={kid}");
        var byTech = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/directory/access-log?user={world.Users[HelpdeskWorld.SecondTech]}");
        var longAgo = await admin.GetFromJsonAsync<JsonElement>("/api/v1/directory/access-log?from=2000-01-01&to=2000-12-31");
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/v1/directory/access-log?from=2000-01-01&pageSize=2");
        var backwards = await admin.GetAsync("/api/v1/directory/access-log?from=2026-12-05&to=2026-12-01&person=x");
        var notAdmin = await helpdesk.GetAsync("/api/v1/directory/access-log");
        var csv = await admin.GetStringAsync($"/api/v1/directory/access-log.csv?person={kid}");

        Assert.Equal("Kid1 Garcia", forKid.GetProperty("personName").GetString());
        var kidEntries = forKid.GetProperty("entries").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, kidEntries.Count);
        Assert.Equal(("query=garcia page=1 pageSize=50", 6, JsonValueKind.Null), (kidEntries[0].GetProperty("query").GetString(), kidEntries[0].GetProperty("records").GetInt32(), kidEntries[0].GetProperty("personId").ValueKind));
        Assert.Equal((kid, "Kid1 Garcia", "api"), (kidEntries[1].GetProperty("personId").GetGuid(), kidEntries[1].GetProperty("person").GetString(), kidEntries[1].GetProperty("via").GetString()));
        Assert.All(kidEntries, e => Assert.Equal("Priya Natarajan", e.GetProperty("user").GetString()));
        // A student's record shows their guardians, and each is written to the log with it.
        var techEntries = byTech.GetProperty("entries").GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("person").GetString(), e.GetProperty("user").GetString()));
        Assert.Equal([("Minh Tran", "Sam Ruiz"), ("Teen1 Tran", "Sam Ruiz")], techEntries);
        Assert.Equal(0, longAgo.GetProperty("entries").GetProperty("total").GetInt32());
        // Three views and lists, the two guardians shown with the children, and the three readings of the log before this one.
        Assert.Equal((8, 4, 2), (all.GetProperty("entries").GetProperty("total").GetInt32(), all.GetProperty("entries").GetProperty("pageCount").GetInt32(), all.GetProperty("entries").GetProperty("items").GetArrayLength()));
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        var errors = JsonDocument.Parse(await backwards.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["person", "to"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("At (UTC),User,User id,Via,Path,Query,Records,Person,Person id", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains($",Priya Natarajan,{world.Users[HelpdeskWorld.HelpDesk]},api,/api/v1/directory/people/{kid},,1,Kid1 Garcia,{kid}", lines[3], StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task Reading_the_access_log_is_itself_logged_with_the_filter_and_the_family_it_named(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var kid = await world.PersonIdAsync("s-es-1");
        var helpdesk = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);
        (await helpdesk.GetAsync($"/api/v1/directory/people/{kid}")).EnsureSuccessStatusCode();
        var admin = await world.App.ApiClientAsync(Admin);
        var browser = world.App.Browser();
        await browser.SignInAsync(Admin);

        (await admin.GetAsync($"/api/v1/directory/access-log?person={kid}&from=2026-01-01")).EnsureSuccessStatusCode();
        await browser.GetStringAsync("/directory/access-log?to=2000-01-01");
        (await admin.GetAsync($"/api/v1/directory/access-log.csv?user={world.Users[HelpdeskWorld.HelpDesk]}")).EnsureSuccessStatusCode();
        var forKid = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/directory/access-log?person={kid}");

        var readings = forKid.GetProperty("entries").GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("path").GetString()!.Contains("access-log", StringComparison.Ordinal))
            .Select(e => (e.GetProperty("user").GetString(), e.GetProperty("via").GetString(), e.GetProperty("path").GetString(), e.GetProperty("query").GetString(), e.GetProperty("records").GetInt32()))
            .ToList();
        Assert.Equal(
            [
                ("Dana Reyes", "api", "/api/v1/directory/access-log.csv", $"user={world.Users[HelpdeskWorld.HelpDesk]}", 2),
                ("Dana Reyes", "api", "/api/v1/directory/access-log", $"person={kid} from=2026-01-01 page=1 pageSize=50", 1),
            ],
            readings);
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/v1/directory/access-log?pageSize=10");
        var pageReading = all.GetProperty("entries").GetProperty("items").EnumerateArray().Single(e => e.GetProperty("via").GetString() == "page");
        Assert.Equal(("/directory/access-log", "to=2000-01-01 page=1 pageSize=50", 0), (pageReading.GetProperty("path").GetString(), pageReading.GetProperty("query").GetString(), pageReading.GetProperty("records").GetInt32()));
    }

    [Theory]
    [Providers]
    public async Task The_access_log_page_filters_by_person_downloads_CSV_and_says_what_it_is_for_when_empty(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var kid = await world.PersonIdAsync("s-es-2");

        var admin = world.App.Browser();
        await admin.SignInAsync(Admin);
        var empty = await admin.GetStringAsync("/directory/access-log");
        var record = await admin.GetStringAsync($"/directory/people/{kid}");

        var page = await admin.GetStringAsync($"/directory/access-log?person={kid}");
        var download = await admin.GetAsync($"/directory/access-log?handler=Export&person={kid}");
        var teacher = world.App.Browser();
        await teacher.SignInAsync(HelpdeskWorld.Teacher);
        var denied = await teacher.GetAsync("/directory/access-log");

        Assert.Contains("Nobody was shown a student record here", empty, StringComparison.Ordinal);
        Assert.Contains($"href=\"/directory/access-log?person={kid}\"", record, StringComparison.Ordinal);
        Assert.Contains("Showing who was shown Kid2 Garcia", page, StringComparison.Ordinal);
        Assert.Contains("Dana Reyes", page, StringComparison.Ordinal);
        Assert.Contains("<time datetime=", page, StringComparison.Ordinal);
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Kid2 Garcia", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
    }
}
