using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Directory;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Rostering;

public sealed partial class IssueApiCredentialsTests
{
    private const string V12Users = "/ims/oneroster/rostering/v1p2/users";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Theory]
    [Providers]
    public async Task A_token_is_issued_for_the_right_secret_only_and_stops_when_the_secret_changes_or_the_app_may_not_receive_data(DatabaseProvider provider)
    {
        await using var world = await OneRosterApiWorld.CreateAsync(provider);
        var granted = await world.TokenAsync(basic: true);
        var token = await JsonAsync(granted);
        Assert.True(granted.IsSuccessStatusCode, token.ToString());
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.InRange(token.GetProperty("expires_in").GetInt32(), 3590, 3600);
        Assert.Equal(HttpStatusCode.Unauthorized, (await world.TokenAsync(secret: world.Secret + "x")).StatusCode);
        Assert.Equal("invalid_client", (await JsonAsync(await world.TokenAsync(clientId: "oneroster-nobody"))).GetProperty("error").GetString());
        Assert.Equal("unsupported_grant_type", (await JsonAsync(await world.TokenAsync(grant: "password"))).GetProperty("error").GetString());
        Assert.Equal("invalid_scope", (await JsonAsync(await world.TokenAsync(scope: "roster.createput"))).GetProperty("error").GetString());
        var unscoped = await world.ClientAsync(scope: null!);
        Assert.Equal(200, (await ApiAnswer.GetAsync(unscoped, V12Users)).Status);

        var before = await world.ClientAsync();
        var page = world.App.Browser();
        await page.SignInAsync("data.services@bayview.example");
        var url = $"/rostering/apps/{world.AppId}/credentials";
        var rotated = await page.PostFormAsync(url, url + "?handler=Rotate", new() { ["stamp"] = await StampAsync(page, url) });
        var newSecret = SecretOf(await rotated.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await world.TokenAsync()).StatusCode);
        Assert.Equal(401, (await ApiAnswer.GetAsync(before, V12Users)).Status);
        var after = await world.ClientAsync(secret: newSecret);
        Assert.Equal(200, (await ApiAnswer.GetAsync(after, V12Users)).Status);

        await SetAsync(world, app => app.Status = AppStatus.Suspended);
        var suspended = await world.TokenAsync(secret: newSecret);
        Assert.Equal(HttpStatusCode.BadRequest, suspended.StatusCode);
        Assert.Equal("unauthorized_client", (await JsonAsync(suspended)).GetProperty("error").GetString());
        var refused = await ApiAnswer.GetAsync(after, V12Users);
        Assert.Equal((403, "forbidden"), (refused.Status, refused.CodeMinor));
        await SetAsync(world, app => app.Status = AppStatus.Active);
        await using (var db = world.Db.OpenContext())
        {
            await db.Set<SharingAgreement>().Where(a => a.AppId == world.AppId).ExecuteUpdateAsync(u => u.SetProperty(a => a.Enabled, false));
        }

        Assert.Equal(403, (await ApiAnswer.GetAsync(after, V12Users)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await world.TokenAsync(secret: newSecret)).StatusCode);
        await using (var db = world.Db.OpenContext())
        {
            await db.Set<SharingAgreement>().Where(a => a.AppId == world.AppId).ExecuteUpdateAsync(u => u.SetProperty(a => a.Enabled, true));
        }

        Assert.Equal(200, (await ApiAnswer.GetAsync(after, V12Users)).Status);
        await SetAsync(world, app => app.AgreementExpiresOn = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-2));
        var lapsed = await ApiAnswer.GetAsync(after, V12Users);
        Assert.Equal((403, "forbidden"), (lapsed.Status, lapsed.CodeMinor));
        Assert.Contains("data-privacy agreement ended on", lapsed.Json.GetProperty("imsx_description").GetString(), StringComparison.Ordinal);
        Assert.Equal("unauthorized_client", (await JsonAsync(await world.TokenAsync(secret: newSecret))).GetProperty("error").GetString());
        Assert.Contains("data-privacy agreement ended on", await page.GetStringAsync(url), StringComparison.Ordinal);
        await SetAsync(world, app => app.AgreementExpiresOn = null);
        Assert.Equal(200, (await ApiAnswer.GetAsync(after, V12Users)).Status);
        var revoked = await page.PostFormAsync(url, url + "?handler=Revoke", new() { ["stamp"] = await StampAsync(page, url) });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(401, (await ApiAnswer.GetAsync(after, V12Users)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await world.TokenAsync(secret: newSecret)).StatusCode);
        await using var check = world.Db.OpenContext();
        Assert.Null(await check.Set<RosterApp>().Where(a => a.Id == world.AppId).Select(a => a.ClientId).SingleAsync());
    }

    [Theory]
    [Providers]
    public async Task The_page_shows_a_secret_once_and_a_second_click_changes_nothing(DatabaseProvider provider)
    {
        await using var world = await OneRosterApiWorld.CreateAsync(provider);
        var page = world.App.Browser();
        await page.SignInAsync("data.services@bayview.example");
        var url = $"/rostering/apps/{world.AppId}/credentials";
        var shown = await page.GetStringAsync(url);
        Assert.Contains(world.ClientId, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Secret, shown, StringComparison.Ordinal);
        Assert.Contains("/ims/oneroster/oauth/token", shown, StringComparison.Ordinal);

        var stamp = await StampAsync(page, url);
        var first = await page.PostFormAsync(url, url + "?handler=Rotate", new() { ["stamp"] = stamp });
        Assert.True(first.Headers.CacheControl?.NoStore, "a page with a secret is not stored");
        var secret = SecretOf(await first.Content.ReadAsStringAsync());
        var again = await page.PostFormAsync(url, url + "?handler=Rotate", new() { ["stamp"] = stamp });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.DoesNotContain("class=\"secret\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await world.TokenAsync(secret: secret)).IsSuccessStatusCode, "the secret shown first still works");
        Assert.DoesNotContain(secret, await page.GetStringAsync(url), StringComparison.Ordinal);

        await page.PostFormAsync(url, url + "?handler=Revoke", new() { ["stamp"] = await StampAsync(page, url) });
        Assert.Contains("Issue credentials", await page.GetStringAsync(url), StringComparison.Ordinal);
        var issued = await page.PostFormAsync(url, url + "?handler=Issue", []);
        var fresh = SecretOf(await issued.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await page.PostFormAsync(url, url + "?handler=Issue", [])).StatusCode);
        await using var db = world.Db.OpenContext();
        var clientId = await db.Set<RosterApp>().Where(a => a.Id == world.AppId).Select(a => a.ClientId).SingleAsync();
        Assert.NotEqual(world.ClientId, clientId);
        Assert.True((await world.TokenAsync(clientId: clientId, secret: fresh)).IsSuccessStatusCode);

        var teacher = world.App.Browser();
        await teacher.SignInAsync("teacher@bayview.example");
        Assert.NotEqual(HttpStatusCode.OK, (await teacher.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/rostering/apps/{Guid.NewGuid()}/credentials")).StatusCode);

        // The same through the API, with the same handler.
        var api = await world.App.ApiClientAsync("data.services@bayview.example");
        var at = $"/api/v1/rostering/apps/{world.AppId}/credentials";
        var state = await JsonAsync(await api.GetAsync(at));
        Assert.Equal(clientId, state.GetProperty("clientId").GetString());
        Assert.False(state.TryGetProperty("clientSecret", out _));
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync(at + "/rotate?stamp=stale", null)).StatusCode);
        var rotated = await api.PostAsync(at + "/rotate?stamp=" + Uri.EscapeDataString(state.GetProperty("stamp").GetString()!), null);
        var apiSecret = (await JsonAsync(rotated)).GetProperty("clientSecret").GetString();
        Assert.True((await world.TokenAsync(clientId: clientId, secret: apiSecret)).IsSuccessStatusCode);
        var current = (await JsonAsync(await api.GetAsync(at))).GetProperty("stamp").GetString()!;
        var gone = await JsonAsync(await api.DeleteAsync(at + "?stamp=" + Uri.EscapeDataString(current)));
        Assert.Equal(JsonValueKind.Null, gone.GetProperty("clientId").ValueKind);
        var created = await api.PostAsync(at, null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("oneroster-", (await JsonAsync(created)).GetProperty("clientId").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await world.App.ApiClientAsync("teacher@bayview.example")).GetAsync(at)).StatusCode);
    }

    [Theory]
    [Providers]
    public async Task A_person_who_left_reaches_a_delta_as_tobedeleted_and_no_longer_appears_otherwise(DatabaseProvider provider)
    {
        await using var world = await OneRosterApiWorld.CreateAsync(provider);
        var client = await world.ClientAsync();
        // The app has read the users once: a person it received and who then left is one it must be told about.
        Assert.Contains("s-es-5", (await ApiAnswer.GetAsync(client, "/ims/oneroster/v1p1/users")).Ids("users"));
        var since = TimeProvider.System.GetUtcNow().AddSeconds(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var package = RosterPackage.SmallDistrict();
        package.Row(OneRosterSpec.Users, "s-es-2")["givenName"] = "Kiddo";
        package.RemoveRows(OneRosterSpec.Users, r => r["sourcedId"] == "s-es-5");
        package.RemoveRows(OneRosterSpec.Roles, r => r["userSourcedId"] == "s-es-5");
        package.RemoveRows(OneRosterSpec.Enrollments, r => r["userSourcedId"] == "s-es-5");
        package.RemoveRows(OneRosterSpec.Demographics, r => r["sourcedId"] == "s-es-5");
        var folder = System.IO.Directory.CreateTempSubdirectory("districtops-oneroster-delta-").FullName;
        try
        {
            Assert.Equal(0, (await CliRunner.RunAsync(world.Db, "import", "oneroster", package.WriteTo(folder), "--apply")).Code);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }

        foreach (var v in new[] { "/ims/oneroster/v1p1", "/ims/oneroster/rostering/v1p2" })
        {
            var delta = await ApiAnswer.GetAsync(client, $"{v}/users?filter={Uri.EscapeDataString($"dateLastModified>'{since}'")}");
            Assert.Equal([("s-es-2", "active"), ("s-es-5", "tobedeleted")],
                delta.Json.GetProperty("users").EnumerateArray().Select(u => (u.GetProperty("sourcedId").GetString(), u.GetProperty("status").GetString())));
            var gone = await ApiAnswer.GetAsync(client, $"{v}/enrollments?filter={Uri.EscapeDataString("status='tobedeleted'")}");
            Assert.Equal(["enr-es-5"], gone.Ids("enrollments"));
            Assert.DoesNotContain("s-es-5", (await ApiAnswer.GetAsync(client, v + "/users")).Ids("users"));
            Assert.Equal(404, (await ApiAnswer.GetAsync(client, v + "/users/s-es-5")).Status);
        }
    }

    private static async Task SetAsync(OneRosterApiWorld world, Action<RosterApp> change)
    {
        await using var db = world.Db.OpenContext();
        change(await db.Set<RosterApp>().SingleAsync(a => a.Id == world.AppId));
        await db.SaveChangesAsync();
    }

    private static async Task<string> StampAsync(HttpClient page, string url) =>
        WebUtility.HtmlDecode(StampField().Match(await page.GetStringAsync(url)).Groups[1].Value);

    private static string SecretOf(string html)
    {
        var match = SecretCode().Match(html);
        Assert.True(match.Success, "No secret on the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"stamp\" value=\"([^\"]+)\"")]
    private static partial Regex StampField();

    [GeneratedRegex("<code class=\"secret\" id=\"client-secret\">([^<]+)</code>")]
    private static partial Regex SecretCode();
}
