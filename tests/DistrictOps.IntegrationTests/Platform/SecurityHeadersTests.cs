using System.Net;
using System.Text.RegularExpressions;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Platform;

public sealed partial class SecurityHeadersTests
{
    [Theory]
    [Providers]
    public async Task Pages_carry_a_nonce_policy_and_api_answers_are_not_cached(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var browser = app.Browser();

        var first = await browser.GetAsync("/account/sign-in");
        var second = await browser.GetAsync("/account/sign-in");
        var policy = Assert.Single(first.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        var nonce = Nonce().Match(policy).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.DoesNotContain(nonce, Assert.Single(second.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(first.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(first.Headers.GetValues("Referrer-Policy")));

        var api = await app.ApiClientAsync("admin@bayview.example");
        foreach (var path in (string[])["/api/v1/me", "/api/v1/directory/people", "/api/v1/no-such-thing"])
        {
            var response = await api.GetAsync(path);
            Assert.True(response.Headers.CacheControl?.NoStore, path);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        }
    }

    [Theory]
    [Providers]
    public async Task The_antiforgery_cookie_is_secure_behind_an_https_proxy(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db, new Dictionary<string, string?> { ["FORWARDEDHEADERS_ENABLED"] = "true" });
        var client = app.Browser();

        var plain = await client.GetAsync("/account/sign-in");
        Assert.DoesNotContain("secure", AntiforgeryCookie(plain), StringComparison.OrdinalIgnoreCase);

        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        proxied.Headers.Add("X-Forwarded-Proto", "https");
        var secure = await app.CreateClient().SendAsync(proxied);
        Assert.Contains("secure", AntiforgeryCookie(secure), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [Providers]
    public async Task In_production_the_openapi_document_needs_a_sign_in_unless_configured(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var production = new DistrictOpsFactory(db) { Environment = "Production" })
        {
            var anonymous = await production.Browser().GetAsync("/openapi/v1.json");
            Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
            var withToken = await (await production.ApiClientAsync("teacher@bayview.example")).GetAsync("/openapi/v1.json");
            Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
            var browser = production.Browser();
            await browser.SignInAsync("teacher@bayview.example");
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/openapi/v1.json")).StatusCode);
        }

        await using var open = new DistrictOpsFactory(db, new Dictionary<string, string?> { ["Http:OpenApiAnonymous"] = "true" }) { Environment = "Production" };
        Assert.Equal(HttpStatusCode.OK, (await open.CreateClient().GetAsync("/openapi/v1.json")).StatusCode);
    }

    private static string AntiforgeryCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));

    [GeneratedRegex("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'")]
    private static partial Regex Nonce();
}
