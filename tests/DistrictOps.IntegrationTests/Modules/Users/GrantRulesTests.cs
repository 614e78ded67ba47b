using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Modules.Users;

/// <summary>Issue 11 item 1: nobody grants a role or permission they do not hold, nor changes their own roles.</summary>
public sealed class GrantRulesTests
{
    [Theory]
    [Providers]
    public async Task An_it_manager_cannot_make_anybody_a_district_administrator_themselves_included(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var manager = await app.ApiClientAsync("it.manager@bayview.example");

        var self = await manager.PostAsJsonAsync("/api/v1/users", new { email = "it.manager@bayview.example", roles = new[] { "DistrictAdmin" } });
        var other = await manager.PostAsJsonAsync("/api/v1/users", new { email = "friend@bayview.example", roles = new[] { "DistrictAdmin" } });
        var students = await manager.PostAsJsonAsync("/api/v1/users", new { email = "friend@bayview.example", roles = new[] { "HelpDesk" } });
        var within = await manager.PostAsJsonAsync("/api/v1/users", new { email = "network2@bayview.example", roles = new[] { "NetworkEngineer" } });

        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Equal("application/problem+json", self.Content.Headers.ContentType?.MediaType);
        var problem = await self.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("directory.import", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, students.StatusCode);
        Assert.Contains("directory.students", (await students.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, within.StatusCode);
        var admin = await app.ApiClientAsync("admin@bayview.example");
        var admins = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?role=DistrictAdmin");
        Assert.Equal(["admin@bayview.example"], admins.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("email").GetString()));
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?query=friend")).GetProperty("total").GetInt32());
    }

    [Theory]
    [Providers]
    public async Task Nobody_adds_roles_to_their_own_account_and_the_page_says_why(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var admin = await app.ApiClientAsync("admin@bayview.example");

        var own = await admin.PostAsJsonAsync("/api/v1/users", new { email = "ADMIN@bayview.example", roles = new[] { "HelpDesk" } });

        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("their own", (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(["DistrictAdmin"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var manager = app.Browser();
        await manager.SignInAsync("it.manager@bayview.example");
        var page = await manager.PostFormAsync("/admin/users/new", "/admin/users/new", new()
        {
            ["Input.Email"] = "it.manager@bayview.example",
            ["Input.Roles"] = "DistrictAdmin",
        });
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Matches("District administrator gives [a-z., -]*directory.import", html);
        Assert.Contains("name=\"Input.Email\"", html, StringComparison.Ordinal);
    }
}
