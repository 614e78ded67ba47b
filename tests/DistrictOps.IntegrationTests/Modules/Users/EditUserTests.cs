using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Modules.Users;

/// <summary>Issue 11 item 2: roles and sites can be taken away, and an account disabled and enabled again.</summary>
public sealed class EditUserTests
{
    [Theory]
    [Providers]
    public async Task Removing_a_role_and_a_site_ends_the_sessions_and_the_token_acts_with_what_is_left(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (north, south) = (await AddSiteAsync(db, "North Elementary"), await AddSiteAsync(db, "South Middle"));
        await using var app = new DistrictOpsFactory(db);
        var admin = await app.ApiClientAsync("admin@bayview.example");
        var id = await AddAsync(admin, new { email = "noor@bayview.example", roles = new[] { "SiteTechnician", "HelpDesk" }, sites = new[] { north, south }, password = Password });
        var noor = app.Browser();
        await noor.SignInAsync("noor@bayview.example", Password);
        var token = await app.ApiClientAsync("noor@bayview.example");

        var changed = await admin.PostAsJsonAsync($"/api/v1/users/{id}/access", new { removeRoles = new[] { "HelpDesk" }, removeSites = new[] { south } });
        var again = await admin.DeleteAsync($"/api/v1/users/{id}/roles/HelpDesk");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["HelpDesk"], body.GetProperty("removedRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(south, Assert.Single(body.GetProperty("removedSites").EnumerateArray()).GetGuid());
        Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("removedRoles").EnumerateArray().Any());
        var me = await token.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(["SiteTechnician"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(north, Assert.Single(me.GetProperty("sites").EnumerateArray()).GetGuid());
        Assert.Equal(HttpStatusCode.Redirect, (await noor.GetAsync("/helpdesk/queues")).StatusCode);
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}");
        Assert.Equal("North Elementary", Assert.Single(detail.GetProperty("sites").EnumerateArray()).GetProperty("name").GetString());
    }

    [Theory]
    [Providers]
    public async Task Disabling_ends_every_session_and_token_at_once_and_enabling_lets_the_person_back(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var admin = await app.ApiClientAsync("admin@bayview.example");
        var id = await UserIdAsync(admin, "helpdesk@bayview.example");
        var session = app.Browser();
        await session.SignInAsync("helpdesk@bayview.example");
        var token = await app.ApiClientAsync("helpdesk@bayview.example");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/helpdesk/queues")).StatusCode);

        var disabled = await admin.PostAsync($"/api/v1/users/{id}/disable", null);

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/helpdesk/queues")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me")).StatusCode);
        var again = app.Browser();
        await again.SignInAsync("helpdesk@bayview.example");
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/helpdesk/queues")).StatusCode);
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?query=helpdesk@");
        Assert.True(Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("disabled").GetBoolean());
        var twice = await (await admin.PostAsync($"/api/v1/users/{id}/disable", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(twice.GetProperty("changed").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/users/{id}/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/me")).StatusCode);
        await again.SignInAsync("helpdesk@bayview.example");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/helpdesk/queues")).StatusCode);
    }

    [Theory]
    [Providers]
    public async Task Nobody_disables_or_changes_themselves_or_an_account_above_their_own_roles(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var admin = await app.ApiClientAsync("admin@bayview.example");
        var manager = await app.ApiClientAsync("it.manager@bayview.example");
        var adminId = await UserIdAsync(admin, "admin@bayview.example");
        var managerId = await UserIdAsync(admin, "it.manager@bayview.example");
        var teacherId = await UserIdAsync(admin, "teacher@bayview.example");
        var dataId = await UserIdAsync(admin, "data.services@bayview.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"/api/v1/users/{adminId}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync($"/api/v1/users/{managerId}/access", new { removeRoles = new[] { "ItManager" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"/api/v1/users/{adminId}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.DeleteAsync($"/api/v1/users/{adminId}/roles/DistrictAdmin")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"/api/v1/users/{dataId}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync($"/api/v1/users/{teacherId}/access", new { addRoles = new[] { "DataServices" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/users/{teacherId}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/users/{Guid.NewGuid()}/disable", null)).StatusCode);
        var unknown = await admin.PostAsJsonAsync($"/api/v1/users/{teacherId}/access", new { addRoles = new[] { "Janitor" }, addSites = new[] { Guid.NewGuid() } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("addRoles", out _));
        var me = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{adminId}");
        Assert.False(me.GetProperty("disabled").GetBoolean());
        Assert.Equal(["DistrictAdmin"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [Providers]
    public async Task The_last_enabled_district_administrator_cannot_be_disabled_or_lose_the_role(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        app.StartServer();

        var disable = await CliRunner.RunAsync(db, "users", "disable", "--email", "admin@bayview.example");
        var remove = await CliRunner.RunAsync(db, "users", "remove", "--email", "admin@bayview.example", "--role", "DistrictAdmin");

        Assert.Equal(1, disable.Code);
        Assert.Contains("last enabled district administrator", disable.Error, StringComparison.Ordinal);
        Assert.Equal(1, remove.Code);
        Assert.Contains("last enabled district administrator", remove.Error, StringComparison.Ordinal);
        var second = await CliRunner.RunAsync(db, "users", "add", "--email", "deputy@bayview.example", "--role", "DistrictAdmin");
        Assert.Equal(0, second.Code);
        Assert.Equal(0, (await CliRunner.RunAsync(db, "users", "disable", "--email", "admin@bayview.example")).Code);
        var deputy = await CliRunner.RunAsync(db, "users", "remove", "--email", "deputy@bayview.example", "--role", "DistrictAdmin");
        Assert.Equal(1, deputy.Code);
        var enable = await CliRunner.RunAsync(db, "users", "enable", "--email", "admin@bayview.example");
        Assert.Equal((0, "admin@bayview.example is enabled."), (enable.Code, enable.Out.Trim()));
        Assert.Equal(0, (await CliRunner.RunAsync(db, "users", "remove", "--email", "deputy@bayview.example", "--role", "DistrictAdmin")).Code);
        var list = await CliRunner.RunAsync(db, "users", "list", "--role", "DistrictAdmin");
        Assert.Contains("admin@bayview.example", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("deputy@", list.Out, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task The_user_page_changes_roles_and_status_and_explains_a_refusal(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var north = await AddSiteAsync(db, "North Elementary");
        await using var app = new DistrictOpsFactory(db);
        var admin = app.Browser();
        await admin.SignInAsync("admin@bayview.example");
        var id = await UserIdAsync(await app.ApiClientAsync("admin@bayview.example"), "teacher@bayview.example");
        Assert.Contains($"href=\"/admin/users/{id}\"", await admin.GetStringAsync("/admin/users?query=teacher"), StringComparison.Ordinal);
        var page = $"/admin/users/{id}";

        var saved = await admin.PostFormAsync(page, page + "?handler=Access", new() { ["Roles"] = "SiteStaff", ["Sites"] = north.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = await admin.GetStringAsync(page);
        Assert.Contains("Roles and sites saved.", html, StringComparison.Ordinal);
        Assert.Matches($"value=\"{north}\" checked", html);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, page + "?handler=Disable", [])).StatusCode);
        html = await admin.GetStringAsync(page);
        Assert.Contains("This account is disabled", html, StringComparison.Ordinal);
        Assert.Contains("Enable account", html, StringComparison.Ordinal);

        var manager = app.Browser();
        await manager.SignInAsync("it.manager@bayview.example");
        var refused = await manager.PostFormAsync(page, page + "?handler=Access", new() { ["Roles"] = "DataServices" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        html = await refused.Content.ReadAsStringAsync();
        Assert.Matches("Data services gives [a-z., -]*directory.students", html);
        Assert.Matches("value=\"DataServices\" checked", html);
        var adminId = await UserIdAsync(await app.ApiClientAsync("admin@bayview.example"), "admin@bayview.example");
        Assert.Contains("This is your own account", await admin.GetStringAsync($"/admin/users/{adminId}"), StringComparison.Ordinal);
    }

    private const string Password = "correct horse battery";

    private static async Task<Guid> AddAsync(HttpClient admin, object request)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/users", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> UserIdAsync(HttpClient admin, string email) =>
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users?query={Uri.EscapeDataString(email)}")).GetProperty("items").EnumerateArray())
            .GetProperty("id").GetGuid();

    private static async Task<Guid> AddSiteAsync(TestDatabase db, string name)
    {
        await using var context = db.OpenContext();
        var site = new Site { Id = Guid.CreateVersion7(), SourcedId = "org-" + name, Name = name };
        context.Add(site);
        await context.SaveChangesAsync();
        return site.Id;
    }
}
