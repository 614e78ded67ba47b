using System.Net;
using System.Net.Http.Json;
using System.Text;
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

        // A body that is not JSON, and a value of the wrong type, are named by where they are (the endpoints' binding is
        // generated at build time, ADR 0037; these messages come from its exceptions).
        var notJson = await admin.PostAsync("/api/v1/users", new StringContent("not JSON", Encoding.UTF8, "application/json"));
        Assert.StartsWith("body: the request body is not valid JSON (line 1",
            (await AssertProblemAsync(notJson, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        var wrongType = await admin.PostAsync("/api/v1/users", new StringContent("{\"email\": \"a@bayview.example\", \"roles\": 7}", Encoding.UTF8, "application/json"));
        Assert.StartsWith("roles: not valid JSON here",
            (await AssertProblemAsync(wrongType, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("roles")[0].GetString(), StringComparison.Ordinal);

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

    [Theory]
    [Providers]
    public async Task Every_list_refuses_a_bad_page_by_name_on_the_api_and_on_its_page(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var admin = await app.ApiClientAsync("admin@bayview.example");
        var browser = app.Browser();
        await browser.SignInAsync("admin@bayview.example");

        foreach (var list in (string[])["/api/v1/users", "/api/v1/directory/sites", "/api/v1/directory/people", "/api/v1/directory/imports", "/api/v1/jobs/runs"])
        {
            var problem = await AssertProblemAsync(await admin.GetAsync(list + "?page=0&pageSize=x"), HttpStatusCode.BadRequest);
            Assert.StartsWith("page: expected a whole number from 1 to", problem.GetProperty("errors").GetProperty("page")[0].GetString(), StringComparison.Ordinal);
            Assert.Equal("pageSize: expected a whole number from 1 to 500; got 'x'.", problem.GetProperty("errors").GetProperty("pageSize")[0].GetString());
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(list + "?page=1&pageSize=5")).StatusCode);
        }

        var site = await AssertProblemAsync(await admin.GetAsync("/api/v1/directory/people?site=nowhere&role=Wizard"), HttpStatusCode.BadRequest);
        Assert.Equal("site: expected a site id; got 'nowhere'.", site.GetProperty("errors").GetProperty("site")[0].GetString());
        Assert.StartsWith("role: expected one of ", site.GetProperty("errors").GetProperty("role")[0].GetString(), StringComparison.Ordinal);

        foreach (var page in (string[])["/admin/users", "/directory/sites", "/directory/people", "/directory/imports", "/admin/jobs"])
        {
            var html = await browser.GetStringAsync(page + "?page=-2");
            Assert.Contains("page: expected a whole number from 1 to 100000; got &#x27;-2&#x27;.", html, StringComparison.Ordinal);
        }
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
