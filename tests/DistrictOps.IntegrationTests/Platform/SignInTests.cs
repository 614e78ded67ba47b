using System.Net;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;

namespace DistrictOps.IntegrationTests.Platform;

public sealed class SignInTests
{
    [Theory]
    [Providers]
    public async Task Every_demo_user_signs_in_and_lands_on_their_role_home(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);

        foreach (var account in DemoAccounts.All)
        {
            var browser = app.Browser();
            var signIn = await browser.SignInAsync(account.Email);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Equal("/", signIn.Headers.Location?.OriginalString);

            var home = await browser.GetStringAsync("/");
            Assert.Contains($"<h1>{Roles.Find(account.Role)!.DisplayName} home</h1>", home, StringComparison.Ordinal);

            // A parent is told about registration, never to ask for "the role you work in"; staff without tools are.
            var family = account.Role == Roles.Parent;
            Assert.Equal(family, home.Contains("Online registration is not open yet", StringComparison.Ordinal));
            Assert.DoesNotContain(family ? "the role you work in" : "Online registration", home, StringComparison.Ordinal);
        }
    }

    [Theory]
    [Providers]
    public async Task Signed_out_pages_redirect_to_sign_in_and_show_the_demo_accounts(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var browser = app.Browser();

        var home = await browser.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/sign-in", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var page = await browser.GetStringAsync("/account/sign-in");
        Assert.Contains("helpdesk@bayview.example", page, StringComparison.Ordinal);
        Assert.Contains(DistrictOpsFactory.DemoPassword, page, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task Outside_demo_mode_nobody_is_seeded_and_no_password_is_shown(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db, new Dictionary<string, string?> { ["Demo:Seed"] = "false" });
        var browser = app.Browser();

        var page = await browser.GetStringAsync("/account/sign-in");
        Assert.DoesNotContain(DistrictOpsFactory.DemoPassword, page, StringComparison.Ordinal);
        var signIn = await browser.SignInAsync("admin@bayview.example");
        Assert.Contains("Demo accounts are switched off on this installation.", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task Pages_check_permissions(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var teacher = app.Browser();
        await teacher.SignInAsync("teacher@bayview.example");

        var denied = await teacher.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/access-denied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/users\"", await teacher.GetStringAsync("/"), StringComparison.Ordinal);

        var admin = app.Browser();
        await admin.SignInAsync("admin@bayview.example");
        var users = await admin.GetStringAsync("/admin/users?query=reyes");
        Assert.Contains("admin@bayview.example", users, StringComparison.Ordinal);
        Assert.DoesNotContain("teacher@bayview.example", users, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task Sign_out_ends_the_session(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var browser = app.Browser();
        await browser.SignInAsync("it.manager@bayview.example");

        var signOut = await browser.PostFormAsync("/", "/account/sign-out", []);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }
}
