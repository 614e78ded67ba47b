using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Users.Data;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DistrictOps.IntegrationTests.Modules.Users;

/// <summary>Issue 11 item 2: an administrator emails a password reset link; it works once and for a short time.</summary>
public sealed partial class ResetPasswordTests
{
    private const string PublicUrl = "https://districtops.bayview.example";
    private const string NewPassword = "plum orchard lantern";

    [Theory]
    [Providers]
    public async Task A_reset_link_sets_a_password_once_and_ends_every_session_and_token_of_the_account(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db, Settings);
        var admin = await app.ApiClientAsync("admin@bayview.example");
        var teacherId = await UserIdAsync(admin, "teacher@bayview.example");
        var session = app.Browser();
        await session.SignInAsync("teacher@bayview.example");
        var token = await app.ApiClientAsync("teacher@bayview.example");

        var issued = await admin.PostAsync($"/api/v1/users/{teacherId}/reset-link", null);

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("teacher@bayview.example", body.GetProperty("email").GetString());
        Assert.DoesNotContain("reset-password", body.GetRawText(), StringComparison.Ordinal);
        var link = await EmailedLinkAsync(db);
        Assert.StartsWith(PublicUrl + "/account/reset-password/", link, StringComparison.Ordinal);
        var secret = link[(link.LastIndexOf('/') + 1)..];
        await using (var context = db.OpenContext())
        {
            var stored = await context.Set<PasswordResetLink>().SingleAsync(l => l.UserId == teacherId);
            Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), stored.TokenHash);
            Assert.Equal(TimeSpan.FromMinutes(60), stored.ExpiresAt - stored.IssuedAt);
        }

        var path = new Uri(link).PathAndQuery;
        var person = app.Browser();
        Assert.Contains("teacher@bayview.example", await person.GetStringAsync(path), StringComparison.Ordinal);
        Assert.Contains(link + "?culture=es", await EmailTextAsync(db), StringComparison.Ordinal);
        Assert.Contains("<h1>Establecer una contraseña nueva</h1>", await app.Browser().GetStringAsync(path + "?culture=es"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account/password")).StatusCode);
        var tooShort = await person.PostFormAsync(path, path, new() { ["Input.NewPassword"] = "short", ["Input.ConfirmPassword"] = "short" });
        Assert.Contains("12", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var set = await person.PostFormAsync(path, path, new() { ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Contains("Your password is set.", await person.GetStringAsync(set.Headers.Location!.ToString()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/account/password")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignedInAsync(app, "teacher@bayview.example", NewPassword)).StatusCode);

        var again = await person.GetAsync(path);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var reused = await person.PostFormAsync("/account/sign-in", path, new() { ["Input.NewPassword"] = "another long passphrase", ["Input.ConfirmPassword"] = "another long passphrase" });
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignedInAsync(app, "teacher@bayview.example", NewPassword)).StatusCode);

        var history = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/users/history?account=teacher@")).GetProperty("items").EnumerateArray()
            .Select(e => (e.GetProperty("change").GetString(), e.GetProperty("actorName").GetString())).ToList();
        Assert.Equal([("PasswordResetByLink", "Rosa Martinez"), ("ResetLinkIssued", "Dana Reyes")], history.Take(2));
    }

    [Theory]
    [Providers]
    public async Task A_link_replaced_or_past_its_lifetime_changes_nothing_and_only_a_permitted_administrator_issues_one(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db, Settings, s => s.AddSingleton<TimeProvider>(clock));
        var admin = await app.ApiClientAsync("admin@bayview.example");
        var teacherId = await UserIdAsync(admin, "teacher@bayview.example");

        var cli = await CliRunner.RunAsync(db.Settings().Concat(Settings).ToDictionary(), "users", "reset-link", "--email", "teacher@bayview.example");
        Assert.True(cli.Code == 0, cli.Error);
        Assert.Contains(" America/Los_Angeles.", cli.Out, StringComparison.Ordinal);
        var first = new Uri(await EmailedLinkAsync(db)).PathAndQuery;
        var browser = app.Browser();
        await browser.SignInAsync("admin@bayview.example");
        var page = $"/admin/users/{teacherId}";
        var fromPage = await browser.PostFormAsync(page, page + "/reset-link", []);
        Assert.Equal(HttpStatusCode.Redirect, fromPage.StatusCode);
        Assert.Contains("A password reset link was emailed to teacher@bayview.example", await browser.GetStringAsync(page), StringComparison.Ordinal);
        var second = new Uri(await EmailedLinkAsync(db)).PathAndQuery;
        Assert.NotEqual(first, second);

        var person = app.Browser();
        var replaced = await person.GetAsync(first);
        Assert.Equal(HttpStatusCode.Conflict, replaced.StatusCode);
        Assert.Contains("has expired, or a newer one was sent", await replaced.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync(second)).StatusCode);
        var form = await person.AntiforgeryTokenAsync(second);
        clock.Advance(TimeSpan.FromMinutes(61));
        var late = await person.PostAsync(second, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword, ["__RequestVerificationToken"] = form,
        }));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("has expired", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync("/account/reset-password/not-a-link")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignedInAsync(app, "teacher@bayview.example", DistrictOpsFactory.DemoPassword)).StatusCode);

        var dataServices = await UserIdAsync(admin, "data.services@bayview.example");
        var manager = await app.ApiClientAsync("it.manager@bayview.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"/api/v1/users/{dataServices}/reset-link", null)).StatusCode);
        var managerPage = app.Browser();
        await managerPage.SignInAsync("it.manager@bayview.example");
        var refused = await managerPage.PostFormAsync($"/admin/users/{dataServices}", $"/admin/users/{dataServices}/reset-link", []);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("directory.students", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"/api/v1/users/{await UserIdAsync(admin, "admin@bayview.example")}/reset-link", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/users/{Guid.NewGuid()}/reset-link", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/users/{teacherId}/reset-link", null)).StatusCode);
    }

    private static readonly Dictionary<string, string?> Settings = new() { ["Http:PublicBaseUrl"] = PublicUrl + "/" };

    /// <summary>The password page, after signing in with this password: 200 when it was right.</summary>
    private static async Task<HttpResponseMessage> SignedInAsync(DistrictOpsFactory app, string email, string password)
    {
        var browser = app.Browser();
        await browser.SignInAsync(email, password);
        return await browser.GetAsync("/account/password");
    }

    private static async Task<string> EmailedLinkAsync(TestDatabase db) => Link().Match(await EmailTextAsync(db)).Value;

    private static async Task<string> EmailTextAsync(TestDatabase db)
    {
        await using var context = db.OpenContext();
        var email = await context.Set<OutboxMessage>().Where(m => m.Kind == "users.password-reset").OrderByDescending(m => m.Id).FirstAsync();
        Assert.Equal("teacher@bayview.example", email.To);
        return email.TextBody;
    }

    private static async Task<Guid> UserIdAsync(HttpClient admin, string email) =>
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users?query={Uri.EscapeDataString(email)}")).GetProperty("items").EnumerateArray())
            .GetProperty("id").GetGuid();

    [GeneratedRegex(@"https?://\S+/account/reset-password/\S+")]
    private static partial Regex Link();
}
