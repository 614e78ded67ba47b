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
}
