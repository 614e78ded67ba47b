using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Rostering;

public sealed class ManageAppsTests
{
    private const string DataServices = "data.services@bayview.example";

    [Theory]
    [Providers]
    public async Task Data_services_registers_an_app_and_it_becomes_active_only_under_a_signed_agreement_in_force(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var analyst = await SignedInAsync(world, DataServices);
        var api = await world.App.ApiClientAsync(DataServices);

        var bad = await analyst.PostFormAsync("/rostering/apps/edit", "/rostering/apps/edit", new()
        {
            ["Input.Name"] = "Read 180", ["Input.Vendor"] = "", ["Input.ContactEmail"] = "lortiz at hmh", ["Input.Status"] = "Active",
            ["Input.AgreementSignedOn"] = "2026-08-01", ["Input.AgreementExpiresOn"] = "2026-07-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var page = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Name the vendor who runs the app", page);
        Assert.Contains("'lortiz at hmh' is not an email address", page);
        Assert.Contains("cannot end (2026-07-01) before it was signed (2026-08-01)", page);
        await using (var db = world.Db.OpenContext())
        {
            Assert.False(await db.Set<RosterApp>().AnyAsync());
        }

        var unsigned = await api.PostAsJsonAsync("/api/v1/rostering/apps", new { name = "Read 180", vendor = "Houghton Mifflin Harcourt", status = "Active" });
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Contains("only under a signed data-privacy agreement", await unsigned.Content.ReadAsStringAsync());

        var created = await analyst.PostFormAsync("/rostering/apps/edit", "/rostering/apps/edit", new()
        {
            ["Input.Name"] = "Read 180", ["Input.Vendor"] = "Houghton Mifflin Harcourt", ["Input.ContactEmail"] = "lortiz@hmh.example", ["Input.Status"] = "Pending",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[3]);
        Assert.Equal($"/rostering/apps/{id}/agreement", created.Headers.Location.OriginalString);

        var twice = await api.PostAsJsonAsync("/api/v1/rostering/apps", new { name = "Read 180", vendor = "HMH" });
        Assert.Contains("already registered", await twice.Content.ReadAsStringAsync());

        var active = await api.PutAsJsonAsync($"/api/v1/rostering/apps/{id}", new
        {
            name = "Read 180", vendor = "Houghton Mifflin Harcourt", privacyAgreement = "CA-NDPA 2026-0142", agreementSignedOn = "2026-08-01",
            agreementExpiresOn = "2029-06-30", status = "Active",
        });
        Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        var list = Json(await api.GetStringAsync("/api/v1/rostering/apps?status=Active"));
        Assert.Equal(("Read 180", "Active", false), (list.GetProperty("items")[0].GetProperty("name").GetString(), list.GetProperty("items")[0].GetProperty("status").GetString(),
            list.GetProperty("items")[0].GetProperty("sharingEnabled").GetBoolean()));
        Assert.Contains("Read 180", await analyst.GetStringAsync("/rostering"));
        Assert.Contains("CA-NDPA 2026-0142", await analyst.GetStringAsync($"/rostering/apps/{id}"));

        var technician = await SignedInAsync(world, HelpdeskWorld.SeniorTech);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await world.App.ApiClientAsync(HelpdeskWorld.SeniorTech)).GetAsync("/api/v1/rostering/apps")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await technician.GetAsync("/rostering")).StatusCode);
    }

    [Theory]
    [Providers]
    public async Task An_agreement_is_previewed_as_the_app_would_see_it_and_enabled_only_for_the_revision_seen(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var analyst = await SignedInAsync(world, DataServices);
        var api = await world.App.ApiClientAsync(DataServices);
        var id = await ActiveAppAsync(api, "Destiny");

        var agreement = new Dictionary<string, object?>
        {
            ["siteIds"] = new[] { world.High }, ["roles"] = new[] { "Students", "Teachers" }, ["classes"] = "All", ["fields"] = new[] { "Username", "Grades" },
            ["format"] = "OneRoster12", ["mode"] = "Bulk", ["method"] = "Download", ["revision"] = 1,
        };
        var saved = Json(await (await api.PutAsJsonAsync($"/api/v1/rostering/apps/{id}/agreement", agreement)).Content.ReadAsStringAsync());
        Assert.Equal((2, false), (saved.GetProperty("revision").GetInt32(), saved.GetProperty("enabled").GetBoolean()));
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync($"/api/v1/rostering/apps/{id}/agreement", agreement)).StatusCode);

        var preview = Json(await api.GetStringAsync($"/api/v1/rostering/apps/{id}/agreement/preview"));
        var files = preview.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("what").GetString()!, f => f.GetProperty("count").GetInt32());
        Assert.Equal(6, files["users"]);
        Assert.Equal(6, files["enrollments"]);
        Assert.Equal(2, files["orgs"]);
        Assert.False(files.ContainsKey("demographics"));
        var sample = preview.GetProperty("sampleUsers").EnumerateArray().ToList();
        Assert.Contains(sample, u => u.GetProperty("sourcedId").GetString() == "s-hs-1" && u.GetProperty("username").GetString() == "s-hs-1" && u.GetProperty("email").ValueKind == JsonValueKind.Null);
        Assert.DoesNotContain(sample, u => u.GetProperty("sourcedId").GetString()!.StartsWith("s-es", StringComparison.Ordinal));
        await using (var db = world.Db.OpenContext())
        {
            Assert.True(await db.Set<AccessLogEntry>().AnyAsync(e => e.Path == $"/api/v1/rostering/apps/{id}/agreement/preview"));
        }

        var stale = await api.PostAsJsonAsync($"/api/v1/rostering/apps/{id}/agreement/enable", new { revision = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("preview it again", await stale.Content.ReadAsStringAsync());
        var enabled = await analyst.PostFormAsync($"/rostering/apps/{id}/preview", $"/rostering/apps/{id}/preview?handler=Enable", new() { ["revision"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.True(Json(await api.GetStringAsync($"/api/v1/rostering/apps/{id}/agreement")).GetProperty("enabled").GetBoolean());

        agreement["revision"] = 2;
        agreement["method"] = "Sftp";
        agreement["schedule"] = "0 0 2 ? * MON-FRI";
        var sftp = await api.PutAsJsonAsync($"/api/v1/rostering/apps/{id}/agreement", agreement);
        var problems = await sftp.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, sftp.StatusCode);
        Assert.Contains("Give the vendor's SFTP server", problems);
        Assert.Contains("Give the SFTP password", problems);
        Assert.Contains("Give the server's host key fingerprint", problems);

        agreement["sftpHost"] = "sftp.follett.example";
        agreement["sftpUsername"] = "bayview";
        agreement["sftpSecret"] = "correct horse battery staple";
        agreement["sftpHostKey"] = "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8";
        var delivery = Json(await (await api.PutAsJsonAsync($"/api/v1/rostering/apps/{id}/agreement", agreement)).Content.ReadAsStringAsync());
        Assert.Equal((2, true, true), (delivery.GetProperty("revision").GetInt32(), delivery.GetProperty("enabled").GetBoolean(), delivery.GetProperty("hasSftpSecret").GetBoolean()));
        Assert.False(delivery.TryGetProperty("sftpSecret", out _));
        await using (var db = world.Db.OpenContext())
        {
            var stored = await db.Set<SharingAgreement>().SingleAsync(a => a.AppId == id);
            Assert.DoesNotContain("horse", stored.SftpSecret);
        }

        agreement["fields"] = new[] { "Username", "Grades", "Email" };
        var widened = Json(await (await api.PutAsJsonAsync($"/api/v1/rostering/apps/{id}/agreement", agreement)).Content.ReadAsStringAsync());
        Assert.Equal((3, false), (widened.GetProperty("revision").GetInt32(), widened.GetProperty("enabled").GetBoolean()));
    }

    [Theory]
    [Providers]
    public async Task Who_received_a_students_data_is_answered_from_the_sharing_record_and_the_lookup_is_logged(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var analyst = await SignedInAsync(world, DataServices);
        var api = await world.App.ApiClientAsync(DataServices);
        var id = await ActiveAppAsync(api, "Renaissance");
        Guid student;
        var first = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        await using (var db = world.Db.OpenContext())
        {
            student = await db.Set<Person>().Where(p => p.SourcedId == "s-es-1").Select(p => p.Id).SingleAsync();
            db.Add(new SharedPerson { AppId = id, PersonId = student, FirstSharedAt = first, LastSharedAt = first.AddDays(30) });
            await db.SaveChangesAsync();
        }

        var shared = Json(await api.GetStringAsync($"/api/v1/rostering/shared/{student}"));
        var app = shared.GetProperty("apps")[0];
        Assert.Equal(("Renaissance", first, first.AddDays(30)), (app.GetProperty("appName").GetString(), app.GetProperty("firstSharedAt").GetDateTimeOffset(), app.GetProperty("lastSharedAt").GetDateTimeOffset()));
        Assert.Contains("The OneRoster API", await analyst.GetStringAsync($"/rostering/shared?person={student}"));
        Assert.Contains("Kid1 Garcia", await analyst.GetStringAsync("/rostering/shared?q=garcia"));
        Assert.Contains("Renaissance: first", await analyst.GetStringAsync($"/directory/people/{student}"));
        var technician = await SignedInAsync(world, HelpdeskWorld.SeniorTech);
        var personPage = await technician.GetStringAsync($"/directory/people/{student}");
        Assert.Contains("Kid1 Garcia", personPage);
        Assert.DoesNotContain("received this person", personPage);
        await using (var db = world.Db.OpenContext())
        {
            Assert.True(await db.Set<AccessLogEntry>().AnyAsync(e => e.PersonId == student && e.Path == $"/api/v1/rostering/shared/{student}"));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/rostering/shared/{Guid.NewGuid()}")).StatusCode);
    }

    private static async Task<Guid> ActiveAppAsync(HttpClient api, string name)
    {
        var created = await api.PostAsJsonAsync("/api/v1/rostering/apps", new
        {
            name, vendor = name + " Inc.", privacyAgreement = "CA-NDPA 2026-0001", agreementSignedOn = "2026-08-01", status = "Active",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return Json(await created.Content.ReadAsStringAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<HttpClient> SignedInAsync(HelpdeskWorld world, string email)
    {
        var browser = world.App.Browser();
        await browser.SignInAsync(email);
        return browser;
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
