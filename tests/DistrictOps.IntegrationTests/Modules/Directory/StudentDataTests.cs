using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Directory;

/// <summary>
/// Issue 11 item 4: the student rule on every path that returns a student's name (the intake caller look-up and a ticket's
/// requester id included), the access log for lists and searches, and staff HR fields only for the roles that need them.
/// </summary>
public sealed class StudentDataTests
{
    [Theory]
    [Providers]
    public async Task The_intake_look_up_shows_a_student_only_to_roles_that_may_see_them_and_logs_it(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var student = await world.PersonIdAsync("s-es-1");
        var network = world.App.Browser();
        await network.SignInAsync(HelpdeskWorld.Network);
        var helpdesk = world.App.Browser();
        await helpdesk.SignInAsync(HelpdeskWorld.HelpDesk);

        var denied = await network.GetStringAsync($"/helpdesk/intake?caller=garcia&person={student}");
        Assert.Empty(await LogAsync(world));
        var shown = await helpdesk.GetStringAsync($"/helpdesk/intake?caller=garcia&person={student}");

        Assert.DoesNotContain("Kid1 Garcia", denied, StringComparison.Ordinal);
        Assert.Contains("Kid1 Garcia", shown, StringComparison.Ordinal);
        var entry = Assert.Single(await LogAsync(world));
        Assert.Equal((student, "page", "/helpdesk/intake", 1, world.Users[HelpdeskWorld.HelpDesk]), (entry.PersonId!.Value, entry.Via, entry.Path, entry.Records, entry.UserId));
    }

    [Theory]
    [Providers]
    public async Task A_students_id_as_requester_is_no_person_to_a_role_without_the_student_permission(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var elementaryStudent = await world.PersonIdAsync("s-es-2");
        var highStudent = await world.PersonIdAsync("s-hs-2");
        object Call(Guid requester) => new { title = "Chromebook will not charge", description = "No light.", siteId = world.Elementary, issueTypeId = 5, channel = "Phone", requesterPersonId = requester };

        var network = await world.App.ApiClientAsync(HelpdeskWorld.Network);
        var asStudent = await network.PostAsJsonAsync("/api/v1/helpdesk/tickets", Call(elementaryStudent));
        var asNobody = await network.PostAsJsonAsync("/api/v1/helpdesk/tickets", Call(Guid.NewGuid()));
        var siteTech = await world.App.ApiClientAsync(HelpdeskWorld.SecondTech);
        var otherSite = await siteTech.PostAsJsonAsync("/api/v1/helpdesk/tickets", Call(elementaryStudent));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (asStudent.StatusCode, asNobody.StatusCode, otherSite.StatusCode));
        Assert.Equal(await RequesterErrorAsync(asNobody), await RequesterErrorAsync(asStudent));
        Assert.Equal(await RequesterErrorAsync(asNobody), await RequesterErrorAsync(otherSite));
        Assert.Empty(await LogAsync(world));

        var number = await world.OpenAsync(HelpdeskWorld.SecondTech, Call(highStudent));
        Assert.Equal("Teen2 Tran", (await world.TicketAsync(number)).RequesterName);
        var entry = Assert.Single(await LogAsync(world));
        Assert.Equal((highStudent, "api", "/api/v1/helpdesk/tickets", world.Users[HelpdeskWorld.SecondTech]), (entry.PersonId!.Value, entry.Via, entry.Path, entry.UserId));
    }

    [Theory]
    [Providers]
    public async Task A_ticket_shows_a_student_requesters_name_and_email_only_to_roles_that_may_see_them(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var student = await world.PersonIdAsync("s-es-3");
        var number = await world.OpenAsync(HelpdeskWorld.HelpDesk, new { title = "Login fails", description = "Password rejected.", siteId = world.Elementary, issueTypeId = 5, channel = "Phone", requesterPersonId = student });
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        var helpdesk = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);
        var browser = world.App.Browser();
        await browser.SignInAsync(HelpdeskWorld.Manager);

        var hidden = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/helpdesk/tickets/{number}");
        var hiddenRow = Assert.Single((await manager.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/tickets")).GetProperty("items").EnumerateArray());
        var page = await browser.GetStringAsync($"/helpdesk/tickets/{number}");
        var queue = await browser.GetStringAsync("/helpdesk/queues/all");
        var shown = await helpdesk.GetFromJsonAsync<JsonElement>($"/api/v1/helpdesk/tickets/{number}");

        Assert.Equal(("A student or family member", JsonValueKind.Null), (hidden.GetProperty("requesterName").GetString(), hidden.GetProperty("requesterEmail").ValueKind));
        Assert.Equal("A student or family member", hiddenRow.GetProperty("requester").GetString());
        Assert.DoesNotContain("Kid3 Garcia", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Kid3 Garcia", queue, StringComparison.Ordinal);
        Assert.Equal("Kid3 Garcia", shown.GetProperty("requesterName").GetString());
    }

    [Theory]
    [Providers]
    public async Task Every_list_or_search_that_shows_students_is_logged_with_its_query_and_count_never_their_names(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var helpdesk = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);
        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);
        var browser = world.App.Browser();
        await browser.SignInAsync(HelpdeskWorld.HelpDesk);

        var staffOnly = await teacher.GetFromJsonAsync<JsonElement>("/api/v1/directory/people?query=garcia");
        var staffSearch = await helpdesk.GetFromJsonAsync<JsonElement>("/api/v1/directory/people?query=lopez");
        Assert.Empty(await LogAsync(world));
        var students = await helpdesk.GetFromJsonAsync<JsonElement>("/api/v1/directory/people?role=Student&pageSize=3&page=2");
        var page = await browser.GetStringAsync("/directory/people?query=garcia");

        Assert.Equal((0, 1, 10), (staffOnly.GetProperty("total").GetInt32(), staffSearch.GetProperty("total").GetInt32(), students.GetProperty("total").GetInt32()));
        Assert.Contains("Kid1 Garcia", page, StringComparison.Ordinal);
        var log = await LogAsync(world);
        Assert.Equal(2, log.Count);
        var api = log[0];
        Assert.Equal(("api", "/api/v1/directory/people", "role=Student page=2 pageSize=3", 3, (Guid?)null), (api.Via, api.Path, api.Query, api.Records, api.PersonId));
        var listed = students.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Order().ToList();
        Assert.Equal(listed, api.Listings.Select(l => l.PersonId).Order().ToList());
        var search = log[1];
        Assert.Equal(("page", "/directory/people", "query=garcia page=1 pageSize=50", 6), (search.Via, search.Path, search.Query, search.Records));
        Assert.Equal(world.Users[HelpdeskWorld.HelpDesk], search.UserId);
        Assert.DoesNotContain(log, e => e.Query!.Contains("Kid", StringComparison.OrdinalIgnoreCase) || e.Query.Contains("Tran", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [Providers]
    public async Task Staff_HR_fields_are_shown_only_to_roles_that_hold_the_HR_permission(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var maria = await world.PersonIdAsync("t-es");
        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);
        var dataServices = await world.App.ApiClientAsync("data.services@bayview.example");
        var browser = world.App.Browser();
        await browser.SignInAsync(HelpdeskWorld.Manager);

        var hidden = (await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/directory/people/{maria}")).GetProperty("hr");
        var shown = (await dataServices.GetFromJsonAsync<JsonElement>($"/api/v1/directory/people/{maria}")).GetProperty("hr");
        var page = await browser.GetStringAsync($"/directory/people/{maria}");
        var byIdHidden = await teacher.GetFromJsonAsync<JsonElement>("/api/v1/directory/people?query=E001");
        var byIdShown = await dataServices.GetFromJsonAsync<JsonElement>("/api/v1/directory/people?query=E001");

        Assert.Equal("Teacher", hidden.GetProperty("positionTitle").GetString());
        Assert.All(new[] { "employeeId", "status", "startDate", "endDate" }, field => Assert.Equal(JsonValueKind.Null, hidden.GetProperty(field).ValueKind));
        Assert.Equal(("E001", "active", "2015-08-10"), (shown.GetProperty("employeeId").GetString(), shown.GetProperty("status").GetString(), shown.GetProperty("startDate").GetString()));
        Assert.Contains("Teacher", page, StringComparison.Ordinal);
        Assert.DoesNotContain("E001", page, StringComparison.Ordinal);
        Assert.DoesNotContain("2015-08-10", page, StringComparison.Ordinal);
        Assert.Equal((0, 1), (byIdHidden.GetProperty("total").GetInt32(), byIdShown.GetProperty("total").GetInt32()));
    }

    internal static async Task<List<AccessLogEntry>> LogAsync(HelpdeskWorld world)
    {
        await using var context = world.Db.OpenContext();
        return await context.Set<AccessLogEntry>().AsNoTracking().Include(e => e.Listings).OrderBy(e => e.Id).ToListAsync();
    }

    private static async Task<string> RequesterErrorAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("requesterPersonId")[0].GetString()!;
}
