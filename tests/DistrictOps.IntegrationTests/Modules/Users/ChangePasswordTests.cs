using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Modules.Users;

public sealed class ChangePasswordTests
{
    [Theory]
    [Providers]
    public async Task A_person_changes_their_password_with_the_current_one_and_their_other_sessions_end(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var here = app.Browser();
        await here.SignInAsync("teacher@bayview.example");
        var elsewhere = app.Browser();
        await elsewhere.SignInAsync("teacher@bayview.example");
        const string page = "/account/password";

        var wrong = await (await here.PostFormAsync(page, page, new()
        {
            ["Input.CurrentPassword"] = "not my password",
            ["Input.NewPassword"] = "short",
            ["Input.ConfirmPassword"] = "short",
        })).Content.ReadAsStringAsync();
        Assert.Contains("The current password is not right.", wrong, StringComparison.Ordinal);
        var differ = await (await here.PostFormAsync(page, page, new()
        {
            ["Input.CurrentPassword"] = DistrictOpsFactory.DemoPassword,
            ["Input.NewPassword"] = "plum orchard lantern",
            ["Input.ConfirmPassword"] = "plum orchard lanterns",
        })).Content.ReadAsStringAsync();
        Assert.Contains("The two new passwords differ", differ, StringComparison.Ordinal);
        Assert.Contains("12", await (await here.PostFormAsync(page, page, new()
        {
            ["Input.CurrentPassword"] = DistrictOpsFactory.DemoPassword,
            ["Input.NewPassword"] = "short",
            ["Input.ConfirmPassword"] = "short",
        })).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var common = await (await here.PostFormAsync(page, page, new()
        {
            ["Input.CurrentPassword"] = DistrictOpsFactory.DemoPassword,
            ["Input.NewPassword"] = "Summer2026!!!!",
            ["Input.ConfirmPassword"] = "Summer2026!!!!",
        })).Content.ReadAsStringAsync();
        Assert.Contains("This password is too common", common, StringComparison.Ordinal);

        var changed = await here.PostFormAsync(page, page, new()
        {
            ["Input.CurrentPassword"] = DistrictOpsFactory.DemoPassword,
            ["Input.NewPassword"] = "plum orchard lantern",
            ["Input.ConfirmPassword"] = "plum orchard lantern",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Your password is changed.", await here.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync(page)).StatusCode);
        var fresh = app.Browser();
        await fresh.SignInAsync("teacher@bayview.example", "plum orchard lantern");
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync(page)).StatusCode);
        var admin = await app.ApiClientAsync("admin@bayview.example");
        var history = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users/history?account=teacher@");
        var latest = history.GetProperty("items")[0];
        Assert.Equal(("PasswordChanged", "Rosa Martinez"), (latest.GetProperty("change").GetString(), latest.GetProperty("actorName").GetString()));
        Assert.Equal(1, history.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("change").GetString() == "PasswordChanged"));
    }

    [Theory]
    [Providers]
    public async Task The_api_changes_the_token_owners_password_by_the_pages_rules_and_ends_their_sessions(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var session = app.Browser();
        await session.SignInAsync("teacher@bayview.example");
        var api = await app.ApiClientAsync("teacher@bayview.example");
        const string endpoint = "/api/v1/me/password";

        var empty = await api.PostAsJsonAsync(endpoint, new { });
        var wrong = await api.PostAsJsonAsync(endpoint, new { currentPassword = "not my password", newPassword = "plum orchard lantern" });
        var tooShort = await api.PostAsJsonAsync(endpoint, new { currentPassword = DistrictOpsFactory.DemoPassword, newPassword = "short" });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("currentPassword", out _) && errors.TryGetProperty("newPassword", out _), errors.GetRawText());
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("The current password is not right.",
            (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("currentPassword")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("12", (await tooShort.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("newPassword")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account/password")).StatusCode);

        var changed = await api.PostAsJsonAsync(endpoint, new { currentPassword = DistrictOpsFactory.DemoPassword, newPassword = "plum orchard lantern" });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/account/password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        var fresh = app.Browser();
        await fresh.SignInAsync("teacher@bayview.example", "plum orchard lantern");
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/account/password")).StatusCode);
        var admin = await app.ApiClientAsync("admin@bayview.example");
        var history = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users/history?account=teacher@");
        Assert.Equal("PasswordChanged", history.GetProperty("items")[0].GetProperty("change").GetString());
    }
}
