using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Directory;

public sealed class DirectoryAccessTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("districtops-access-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    [Theory]
    [Providers]
    public async Task Students_are_need_to_know_and_every_view_of_one_is_logged(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Equal(0, (await CliRunner.RunAsync(db, "import", "oneroster", RosterPackage.SmallDistrict().WriteTo(_folder), "--apply")).Code);
        await using var app = new DistrictOpsFactory(db);
        await using var context = db.OpenContext();
        var people = await context.Set<Person>().ToDictionaryAsync(p => p.SourcedId, p => p.Id);
        var highSchool = await context.Set<Site>().Where(s => s.SourcedId == "org-hs-01").Select(s => s.Id).SingleAsync();

        var teacher = await app.ApiClientAsync("teacher@bayview.example");
        var teacherSearch = await teacher.GetFromJsonAsync<JsonElement>("/api/v1/directory/people?query=garcia");
        Assert.Equal(0, teacherSearch.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"/api/v1/directory/people/{people["s-es-1"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync($"/api/v1/directory/people/{people["t-hs"]}")).StatusCode);

        var helpdesk = await app.ApiClientAsync("helpdesk@bayview.example");
        var search = await helpdesk.GetFromJsonAsync<JsonElement>("/api/v1/directory/people?query=garcia&role=Student");
        Assert.Equal(5, search.GetProperty("total").GetInt32());
        var student = await helpdesk.GetFromJsonAsync<JsonElement>($"/api/v1/directory/people/{people["s-es-1"]}");
        Assert.Equal("2021-03-01", student.GetProperty("demographics").GetProperty("birthDate").GetString());
        Assert.Equal("Rosa Garcia", Assert.Single(student.GetProperty("related").EnumerateArray()).GetProperty("name").GetString());

        var admin = await app.ApiClientAsync("admin@bayview.example");
        var added = await admin.PostAsJsonAsync("/api/v1/users", new { email = "hs.tech@bayview.example", roles = new[] { "SiteTechnician" }, sites = new[] { highSchool } });
        added.EnsureSuccessStatusCode();
        var siteTech = await app.ApiClientAsync("hs.tech@bayview.example");
        Assert.Equal(HttpStatusCode.OK, (await siteTech.GetAsync($"/api/v1/directory/people/{people["s-hs-1"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await siteTech.GetAsync($"/api/v1/directory/people/{people["s-es-1"]}")).StatusCode);
        var scoped = await siteTech.GetFromJsonAsync<JsonElement>("/api/v1/directory/people?role=Student");
        Assert.Equal(5, scoped.GetProperty("total").GetInt32());
        Assert.All(scoped.GetProperty("items").EnumerateArray(), s => Assert.Equal("Bayview High", s.GetProperty("site").GetString()));

        // Each student's record and the guardian shown with it.
        var log = await context.Set<AccessLogEntry>().AsNoTracking().Where(e => e.PersonId != null).ToListAsync();
        Assert.All(log, e => Assert.Equal("api", e.Via));
        Assert.Equal(new[] { people["s-es-1"], people["g-1"], people["s-hs-1"], people["g-2"] }.Order(), log.Select(e => e.PersonId!.Value).Order());
    }

    [Theory]
    [Providers]
    public async Task Sites_list_with_type_grades_enrollment_and_staff(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Equal(0, (await CliRunner.RunAsync(db, "import", "oneroster", RosterPackage.SmallDistrict().WriteTo(_folder), "--apply")).Code);
        await using var app = new DistrictOpsFactory(db);
        var manager = await app.ApiClientAsync("it.manager@bayview.example");

        var sites = await manager.GetFromJsonAsync<JsonElement>("/api/v1/directory/sites?type=High");
        var high = Assert.Single(sites.GetProperty("items").EnumerateArray());
        Assert.Equal("Bayview High", high.GetProperty("name").GetString());
        Assert.Equal("10", high.GetProperty("grades").GetString());
        Assert.Equal(5, high.GetProperty("enrollment").GetInt32());

        var detail = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/directory/sites/{high.GetProperty("id").GetGuid()}");
        Assert.Equal("Bayview Unified", detail.GetProperty("parentName").GetString());
        Assert.Equal("David Nguyen", Assert.Single(detail.GetProperty("staff").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/directory/sites/{Guid.NewGuid()}")).StatusCode);

        var browser = app.Browser();
        await browser.SignInAsync("it.manager@bayview.example");
        var page = await browser.GetStringAsync("/directory/sites");
        Assert.Contains("Harbor View Elementary", page, StringComparison.Ordinal);
        Assert.Contains("Elementary", page, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task The_person_page_shows_a_student_to_the_help_desk_and_logs_it(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Equal(0, (await CliRunner.RunAsync(db, "import", "oneroster", RosterPackage.SmallDistrict().WriteTo(_folder), "--apply")).Code);
        await using var app = new DistrictOpsFactory(db);
        await using var context = db.OpenContext();
        var student = await context.Set<Person>().Where(p => p.SourcedId == "s-es-2").Select(p => p.Id).SingleAsync();
        var helpdesk = app.Browser();
        await helpdesk.SignInAsync("helpdesk@bayview.example");
        var teacher = app.Browser();
        await teacher.SignInAsync("teacher@bayview.example");

        var page = await helpdesk.GetStringAsync($"/directory/people/{student}");
        var denied = await teacher.GetAsync($"/directory/people/{student}");

        Assert.Contains("Kid2 Garcia", page, StringComparison.Ordinal);
        Assert.Contains("Rosa Garcia", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/access-denied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var entries = await context.Set<AccessLogEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.Equal(("page", student), (entries[0].Via, entries[0].PersonId));
        Assert.NotEqual(student, entries[1].PersonId);
    }
}
