using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Platform;

/// <summary>Bad input is a 4xx that names what was wrong, in Development as in Production, never a 500.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string, DatabaseProvider> Environments() => ProviderCases.Each(["Development", "Production"]);

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task Each_bad_api_value_is_a_400_naming_its_field(string environment, DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db) { Environment = environment };
        var admin = await app.ApiClientAsync("admin@bayview.example");

        var wrongType = await ErrorsAsync(await admin.PostAsync("/api/v1/users", Json("""{"email": "a@bayview.example", "roles": 5}""")));
        Assert.StartsWith("roles: ", wrongType.GetProperty("roles")[0].GetString(), StringComparison.Ordinal);

        var malformed = await ErrorsAsync(await admin.PostAsync("/api/v1/users", Json("""{"email": "a@bayview.example", """)));
        Assert.NotEmpty(malformed.EnumerateObject());

        var unknownEnum = await ErrorsAsync(await admin.PatchAsync("/api/v1/helpdesk/tickets/BV-000001", Json("""{"status": "Exploded"}""")));
        Assert.StartsWith("status: ", unknownEnum.GetProperty("status")[0].GetString(), StringComparison.Ordinal);

        var routeId = await ErrorsAsync(await admin.GetAsync("/api/v1/directory/people/not-a-guid"));
        Assert.Equal("id: expected an id (a GUID); got 'not-a-guid'.", routeId.GetProperty("id")[0].GetString());

        var noList = await ErrorsAsync(await admin.PostAsync("/api/v1/helpdesk/tickets/bulk", Json("""{"changes": {"status": "Open"}}""")));
        Assert.Equal("Choose from 1 to 500 tickets.", noList.GetProperty("numbers")[0].GetString());

        foreach (var list in (string[])["/api/v1/helpdesk/tickets", "/api/v1/helpdesk/requests", "/api/v1/helpdesk/notifications", "/api/v1/helpdesk/problems", "/api/v1/helpdesk/queues/all"])
        {
            var paging = await ErrorsAsync(await admin.GetAsync(list + "?page=1000000000&pageSize=x"));
            Assert.Equal("page: expected a whole number from 1 to 100000; got '1000000000'.", paging.GetProperty("page")[0].GetString());
            Assert.Equal("pageSize: expected a whole number from 1 to 500; got 'x'.", paging.GetProperty("pageSize")[0].GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task Pages_answer_bad_requests_with_a_4xx_error_page(string environment, DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db) { Environment = environment };
        var browser = app.Browser();
        await browser.SignInAsync("admin@bayview.example");

        var token = await browser.AntiforgeryTokenAsync("/admin/users");
        var unknownHandler = await browser.PostAsync("/admin/users?handler=Nope", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, unknownHandler.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/directory/sites?handler=Nope")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/error/418")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/error/200")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/error/403")).StatusCode);

        foreach (var page in (string[])["/helpdesk/requests", "/helpdesk/notifications"])
        {
            var html = await browser.GetStringAsync(page + "?page=x");
            Assert.Contains("page: expected a whole number from 1 to 100000; got &#x27;x&#x27;.", html, StringComparison.Ordinal);
        }

        var problems = await browser.GetAsync("/helpdesk/problems?page=1000000000");
        Assert.Equal(HttpStatusCode.BadRequest, problems.StatusCode);
        Assert.Contains("page: expected a whole number from 1 to 100000", await problems.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task An_oversized_upload_is_a_413_with_a_message_on_the_page_and_the_api(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db, new Dictionary<string, string?> { ["Http:MaxRequestBytes"] = "65536" });
        var browser = app.Browser();
        await browser.SignInAsync("data.services@bayview.example");
        var api = await app.ApiClientAsync("data.services@bayview.example");
        var large = new byte[100_000];

        var form = new MultipartFormDataContent
        {
            { new StringContent(await browser.AntiforgeryTokenAsync("/directory/imports/new")), "__RequestVerificationToken" },
            { new ByteArrayContent(large), "package", "roster.zip" },
        };
        var page = await browser.PostAsync("/directory/imports/new?handler=Plan", form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
        var body = await page.Content.ReadAsStringAsync();
        Assert.True(body.Contains("At most 0.06 MB can be sent at once.", StringComparison.Ordinal), body);

        var upload = new MultipartFormDataContent { { new ByteArrayContent(large), "file", "roster.zip" }, { new StringContent("plan"), "mode" } };
        var response = await api.PostAsync("/api/v1/directory/imports", upload);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("The request is 0.1 MB; at most 0.06 MB can be sent.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.GetProperty("errors");
    }
}
