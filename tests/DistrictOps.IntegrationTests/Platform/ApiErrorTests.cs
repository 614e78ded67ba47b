using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Platform;

public sealed class ApiErrorTests
{
    private const string ProblemJson = "application/problem+json";

    [Theory]
    [Providers]
    public async Task Every_api_error_is_problem_details(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db, services: s => s.AddSingleton<IStartupFilter, ThrowingEndpoint>());
        var anonymous = app.CreateClient();
        var teacher = await app.ApiClientAsync("teacher@bayview.example");
        var admin = await app.ApiClientAsync("admin@bayview.example");

        await AssertProblemAsync(await anonymous.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await teacher.GetAsync("/api/v1/users"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await admin.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);

        var invalid = await admin.PostAsJsonAsync("/api/v1/users", new { email = "not-an-email", roles = new[] { "Wizard" } });
        var problem = await AssertProblemAsync(invalid, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("not an email address", errors.GetProperty("email")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Unknown role(s) 'Wizard'", errors.GetProperty("roles")[0].GetString(), StringComparison.Ordinal);

        var crash = await AssertProblemAsync(await admin.GetAsync(ThrowingEndpoint.Path), HttpStatusCode.InternalServerError);
        Assert.DoesNotContain(ThrowingEndpoint.Secret, crash.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task A_revoked_or_unknown_token_is_refused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "dop_made-up");

        await AssertProblemAsync(await client.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [Providers]
    public async Task The_api_ignores_the_sign_in_cookie(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var browser = app.Browser();
        await browser.SignInAsync("admin@bayview.example");

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/users")).StatusCode);
        await AssertProblemAsync(await browser.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        return body;
    }

    /// <summary>Adds an API route that fails, behind the app's own middleware.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public const string Path = "/api/v1/test/throw";
        public const string Secret = "internal detail that must not leak";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(Path, a => a.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }
}
