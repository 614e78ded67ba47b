using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DistrictOps.IntegrationTests.Platform;

/// <summary>Issue 11 items 3, 5 and 6: demo accounts outside demo mode, guessing at the sign-in page, and sign-out.</summary>
public sealed partial class SignInProtectionTests
{
    private const string Incorrect = "The email or password is incorrect.";
    private const string TooMany = "Too many sign-in attempts.";

    [Theory]
    [Providers]
    public async Task Demo_accounts_of_an_earlier_demo_start_are_refused_everywhere_once_demo_mode_is_off(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        HttpClient token;
        string cookie;
        await using (var demo = new DistrictOpsFactory(db))
        {
            token = await demo.ApiClientAsync("admin@bayview.example");
            cookie = CookieOf(await demo.Browser().SignInAsync("admin@bayview.example"));
        }

        var log = new CapturingLoggerProvider();
        await using var app = new DistrictOpsFactory(db, new Dictionary<string, string?> { ["Demo:Seed"] = "false" },
            s => s.AddSingleton<ILoggerProvider>(log));
        var browser = app.Browser();

        var signIn = await browser.SignInAsync("it.manager@bayview.example");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("Demo accounts are switched off on this installation.", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);

        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = token.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);

        var copied = await WithCookieAsync(app, cookie);
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);

        var line = Assert.Single(log.Lines, l => l.Message.Contains("demo accounts", StringComparison.Ordinal));
        Assert.Contains("Demo:Seed=false", line.Message, StringComparison.Ordinal);
        Assert.Contains("9 demo accounts", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(log.Lines, l => DemoAccounts.All.Any(a => l.Message.Contains(a.Email, StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [Providers]
    public async Task Wrong_passwords_at_the_sign_in_page_do_not_stop_the_accounts_api_tokens(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var api = await app.ApiClientAsync("helpdesk@bayview.example");

        for (var i = 0; i < 6; i++)
        {
            await app.Browser().SignInAsync("helpdesk@bayview.example", "not-the-password");
        }

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        var right = await app.Browser().SignInAsync("helpdesk@bayview.example");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [Theory]
    [Providers]
    public async Task Unknown_and_known_emails_get_the_same_answer_in_comparable_time(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var browser = app.Browser();
        await TimedWrongSignInAsync(browser, "helpdesk@bayview.example");

        var known = new List<TimeSpan>();
        var unknown = new List<TimeSpan>();
        for (var i = 0; i < 7; i++)
        {
            var (knownTime, knownPage) = await TimedWrongSignInAsync(browser, "helpdesk@bayview.example");
            var (unknownTime, unknownPage) = await TimedWrongSignInAsync(browser, $"nobody{i}@bayview.example");
            Assert.Equal(Alert(knownPage), Alert(unknownPage));
            Assert.Equal(Incorrect, Alert(unknownPage));
            known.Add(knownTime);
            unknown.Add(unknownTime);
        }

        // The password hash dominates a known email's answer; without it an unknown email answers several times faster.
        var ratio = Median(unknown) / Median(known);
        Assert.True(ratio > 0.5, $"unknown {Median(unknown).TotalMilliseconds} ms vs known {Median(known).TotalMilliseconds} ms");
    }

    [Theory]
    [Providers]
    public async Task Sign_in_is_limited_per_email_known_or_not_with_429_and_retry_after(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db, new Dictionary<string, string?> { ["Authentication:SignIn:PerAccountLimit"] = "3" });

        foreach (var email in new[] { "helpdesk@bayview.example", "nobody@bayview.example" })
        {
            for (var i = 0; i < 3; i++)
            {
                var wrong = await app.Browser().SignInAsync(email, "not-the-password");
                Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
                Assert.Equal(Incorrect, Alert(await wrong.Content.ReadAsStringAsync()));
            }

            var refused = await app.Browser().SignInAsync(email);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.StartsWith(TooMany, Alert(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            var retryAfter = refused.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().SignInAsync("teacher@bayview.example")).StatusCode);
    }

    [Theory]
    [Providers]
    public async Task Sign_in_is_limited_per_client_address(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db, new Dictionary<string, string?> { ["Authentication:SignIn:PerAddressLimit"] = "4" });

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Browser().SignInAsync($"guess{i}@bayview.example", "not-the-password")).StatusCode);
        }

        var refused = await app.Browser().SignInAsync("teacher@bayview.example");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Theory]
    [Providers]
    public async Task A_sign_in_limit_out_of_range_stops_start_up_with_its_key(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db, new Dictionary<string, string?> { ["Authentication:SignIn:PerAccountWindow"] = "00:00:00" });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Authentication:SignIn:PerAccountWindow", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task Sign_out_ends_copied_cookies_and_the_accounts_other_sessions(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var browser = app.Browser();
        var copy = CookieOf(await browser.SignInAsync("it.manager@bayview.example"));
        var otherDevice = app.Browser();
        await otherDevice.SignInAsync("it.manager@bayview.example");
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(app, copy)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherDevice.GetAsync("/")).StatusCode);

        await browser.PostFormAsync("/", "/account/sign-out", []);

        Assert.Equal(HttpStatusCode.Redirect, (await WithCookieAsync(app, copy)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await otherDevice.GetAsync("/")).StatusCode);
        var again = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync("it.manager@bayview.example")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/")).StatusCode);
    }

    private static string CookieOf(HttpResponseMessage signIn) =>
        string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    private static async Task<HttpResponseMessage> WithCookieAsync(DistrictOpsFactory app, string cookie)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static async Task<(TimeSpan Time, string Page)> TimedWrongSignInAsync(HttpClient browser, string email)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "not-the-password",
            ["__RequestVerificationToken"] = await browser.AntiforgeryTokenAsync("/account/sign-in"),
        };
        var clock = Stopwatch.StartNew();
        var response = await browser.PostAsync("/account/sign-in", new FormUrlEncodedContent(fields));
        var elapsed = clock.Elapsed;
        return (elapsed, await response.Content.ReadAsStringAsync());
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    private static string Alert(string page) =>
        AlertText().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "";

    [GeneratedRegex("<div class=\"alert error\" role=\"alert\">([^<]*)</div>")]
    private static partial Regex AlertText();
}
