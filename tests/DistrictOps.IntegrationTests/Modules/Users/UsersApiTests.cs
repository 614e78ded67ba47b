using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Modules.Users;

public sealed class UsersApiTests
{
    [Theory]
    [Providers]
    public async Task Me_returns_the_callers_name_email_roles_and_sites(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var admin = await app.ApiClientAsync("admin@bayview.example");
        var site = Guid.NewGuid();
        var added = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            email = "tech.north@bayview.example",
            displayName = "Noor Tech",
            roles = new[] { "SiteTechnician", "HelpDesk" },
            sites = new[] { site },
            password = "correct horse battery",
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var tech = await app.ApiClientAsync("tech.north@bayview.example");
        var me = await tech.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal("Noor Tech", me.GetProperty("name").GetString());
        Assert.Equal("tech.north@bayview.example", me.GetProperty("email").GetString());
        Assert.Equal(["HelpDesk", "SiteTechnician"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Equal(site, Assert.Single(me.GetProperty("sites").EnumerateArray()).GetGuid());
    }

    [Theory]
    [Providers]
    public async Task Adding_the_same_user_twice_changes_nothing_the_second_time(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var admin = await app.ApiClientAsync("admin@bayview.example");
        var request = new { email = "aide@bayview.example", roles = new[] { "SiteStaff" } };

        var first = await admin.PostAsJsonAsync("/api/v1/users", request);
        var second = await admin.PostAsJsonAsync("/api/v1/users", request);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.NotNull((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("generatedPassword").GetString());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var again = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(again.GetProperty("created").GetBoolean());
        Assert.Empty(again.GetProperty("addedRoles").EnumerateArray());
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?query=aide");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Theory]
    [Providers]
    public async Task A_short_or_common_password_is_refused_and_nothing_is_created(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var admin = await app.ApiClientAsync("admin@bayview.example");

        var response = await admin.PostAsJsonAsync("/api/v1/users", new { email = "short@bayview.example", roles = new[] { "HelpDesk" }, password = "abc" });
        var common = await admin.PostAsJsonAsync("/api/v1/users", new { email = "short@bayview.example", roles = new[] { "HelpDesk" }, password = "Bayview2026!!!" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (response.StatusCode, common.StatusCode));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("12", problem.GetProperty("errors").GetProperty("password")[0].GetString(), StringComparison.Ordinal);
        var commonProblem = await common.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("This password is too common", commonProblem.GetProperty("errors").GetProperty("password")[0].GetString(), StringComparison.Ordinal);
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?query=short");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Theory]
    [Providers]
    public async Task The_user_list_pages_and_filters_by_role(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var admin = await app.ApiClientAsync("admin@bayview.example");

        var page1 = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?pageSize=4");
        var page3 = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?pageSize=4&page=3");
        var parents = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?role=Parent");

        Assert.Equal(9, page1.GetProperty("total").GetInt32());
        Assert.Equal(4, page1.GetProperty("items").GetArrayLength());
        Assert.Equal(1, page3.GetProperty("items").GetArrayLength());
        Assert.Equal("parent@bayview.example", Assert.Single(parents.GetProperty("items").EnumerateArray()).GetProperty("email").GetString());
    }
}
