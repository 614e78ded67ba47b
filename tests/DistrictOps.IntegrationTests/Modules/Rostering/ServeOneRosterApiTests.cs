using System.Collections.Concurrent;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Rostering;

/// <summary>One world per provider for every read-only test of the class: the API reads, and each test asserts its own calls.</summary>
public sealed class OneRosterApiFixture : IAsyncDisposable
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<(OneRosterApiWorld World, HttpClient Client)>>> _worlds = new();

    public Task<(OneRosterApiWorld World, HttpClient Client)> GetAsync(DatabaseProvider provider) =>
        _worlds.GetOrAdd(provider, p => new Lazy<Task<(OneRosterApiWorld, HttpClient)>>(async () =>
        {
            var world = await OneRosterApiWorld.CreateAsync(p);
            return (world, await world.ClientAsync());
        })).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var world in _worlds.Values.Where(w => w.IsValueCreated))
        {
            await (await world.Value).World.DisposeAsync();
        }
    }
}

public sealed class ServeOneRosterApiTests(OneRosterApiFixture fixture) : IClassFixture<OneRosterApiFixture>
{
    private const string V11 = "/ims/oneroster/v1p1";
    private const string V12 = "/ims/oneroster/rostering/v1p2";
    private static readonly string[] Versions = [V11, V12];

    private async Task<ApiAnswer> GetAsync(DatabaseProvider provider, string url) =>
        await ApiAnswer.GetAsync((await fixture.GetAsync(provider)).Client, url);

    private async Task<List<string>> IdsAsync(DatabaseProvider provider, string url, string envelope)
    {
        var answer = await GetAsync(provider, url);
        Assert.True(answer.Status == 200, url + " → " + answer);
        return answer.Ids(envelope);
    }

    private async Task NotFoundAsync(DatabaseProvider provider, string url)
    {
        var answer = await GetAsync(provider, url);
        Assert.True(answer.Status == 404, url + " → " + answer);
        Assert.Equal("unknownobject", answer.CodeMinor);
        Assert.Equal("failure", answer.Json.GetProperty("imsx_codeMajor").GetString());
    }

    [Theory]
    [Providers]
    public async Task Orgs_and_schools_answer_in_their_envelopes_cut_to_the_agreement(DatabaseProvider provider)
    {
        foreach (var v in Versions)
        {
            Assert.Equal(["org-district", "org-es-01"], await IdsAsync(provider, v + "/orgs", "orgs"));
            Assert.Equal(["org-es-01"], await IdsAsync(provider, v + "/schools", "orgs"));
            var school = await GetAsync(provider, v + "/schools/org-es-01");
            var org = school.Json.GetProperty("org");
            Assert.Equal(("school", "Harbor View Elementary", "6000001"), (org.GetProperty("type").GetString(), org.GetProperty("name").GetString(), org.GetProperty("identifier").GetString()));
            Assert.Equal($"http://localhost{v}/orgs/org-district", org.GetProperty("parent").GetProperty("href").GetString());
            var district = (await GetAsync(provider, v + "/orgs/org-district")).Json.GetProperty("org");
            Assert.Equal(["org-es-01"], district.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("sourcedId").GetString()));
            await NotFoundAsync(provider, v + "/orgs/org-hs-01");
            await NotFoundAsync(provider, v + "/schools/org-hs-01");
            await NotFoundAsync(provider, v + "/schools/org-district");
        }
    }

    [Theory]
    [Providers]
    public async Task Sessions_terms_and_grading_periods(DatabaseProvider provider)
    {
        foreach (var v in Versions)
        {
            Assert.Equal(["s1-2027", "sy-2027"], await IdsAsync(provider, v + "/academicSessions", "academicSessions"));
            Assert.Equal(["s1-2027"], await IdsAsync(provider, v + "/terms", "academicSessions"));
            Assert.Empty(await IdsAsync(provider, v + "/gradingPeriods", "academicSessions"));
            Assert.Empty(await IdsAsync(provider, v + "/terms/s1-2027/gradingPeriods", "academicSessions"));
            var year = (await GetAsync(provider, v + "/academicSessions/sy-2027")).Json.GetProperty("academicSession");
            Assert.Equal(("schoolYear", "2026-08-12", "2027-06-03", "2027"),
                (year.GetProperty("type").GetString(), year.GetProperty("startDate").GetString(), year.GetProperty("endDate").GetString(), year.GetProperty("schoolYear").GetString()));
            Assert.Equal("s1-2027", year.GetProperty("children")[0].GetProperty("sourcedId").GetString());
            Assert.Equal("academicSession", year.GetProperty("children")[0].GetProperty("type").GetString());
            Assert.Equal(["s1-2027"], [(await GetAsync(provider, v + "/terms/s1-2027")).Json.GetProperty("academicSession").GetProperty("sourcedId").GetString()!]);
            await NotFoundAsync(provider, v + "/terms/sy-2027");
            await NotFoundAsync(provider, v + "/gradingPeriods/s1-2027");
            // The term's only class is at the high school, outside the agreement.
            Assert.Empty(await IdsAsync(provider, v + "/terms/s1-2027/classes", "classes"));
        }
    }

    [Theory]
    [Providers]
    public async Task Courses_and_classes_with_their_links(DatabaseProvider provider)
    {
        foreach (var v in Versions)
        {
            Assert.Equal(["crs-k"], await IdsAsync(provider, v + "/courses", "courses"));
            Assert.Equal(["crs-k"], await IdsAsync(provider, v + "/schools/org-es-01/courses", "courses"));
            Assert.Equal(["cls-k-1"], await IdsAsync(provider, v + "/classes", "classes"));
            Assert.Equal(["cls-k-1"], await IdsAsync(provider, v + "/schools/org-es-01/classes", "classes"));
            Assert.Equal(["cls-k-1"], await IdsAsync(provider, v + "/courses/crs-k/classes", "classes"));
            var course = (await GetAsync(provider, v + "/courses/crs-k")).Json.GetProperty("course");
            Assert.Equal(["KG"], course.GetProperty("grades").EnumerateArray().Select(g => g.GetString()));
            Assert.Equal("sy-2027", course.GetProperty("schoolYear").GetProperty("sourcedId").GetString());
            Assert.Equal("org-es-01", course.GetProperty("org").GetProperty("sourcedId").GetString());
            var cls = (await GetAsync(provider, v + "/classes/cls-k-1")).Json.GetProperty("class");
            Assert.Equal(("homeroom", "crs-k", "org-es-01", "sy-2027"),
                (cls.GetProperty("classType").GetString(), cls.GetProperty("course").GetProperty("sourcedId").GetString(), cls.GetProperty("school").GetProperty("sourcedId").GetString(),
                 cls.GetProperty("terms")[0].GetProperty("sourcedId").GetString()));
            Assert.Equal($"http://localhost{v}/courses/crs-k", cls.GetProperty("course").GetProperty("href").GetString());
            await NotFoundAsync(provider, v + "/courses/crs-bio");
            await NotFoundAsync(provider, v + "/classes/cls-bio-1");
            await NotFoundAsync(provider, v + "/schools/org-hs-01/classes");
            await NotFoundAsync(provider, v + "/courses/crs-bio/classes");
        }
    }

    [Theory]
    [Providers]
    public async Task Users_students_and_teachers_and_the_people_of_a_class_or_school(DatabaseProvider provider)
    {
        string[] students = ["s-es-1", "s-es-2", "s-es-3", "s-es-4", "s-es-5"];
        foreach (var v in Versions)
        {
            Assert.Equal([.. students, "t-es"], await IdsAsync(provider, v + "/users", "users"));
            Assert.Equal(students, await IdsAsync(provider, v + "/students", "users"));
            Assert.Equal(["t-es"], await IdsAsync(provider, v + "/teachers", "users"));
            Assert.Equal(students, await IdsAsync(provider, v + "/classes/cls-k-1/students", "users"));
            Assert.Equal(["t-es"], await IdsAsync(provider, v + "/classes/cls-k-1/teachers", "users"));
            Assert.Equal(students, await IdsAsync(provider, v + "/schools/org-es-01/students", "users"));
            Assert.Equal(["t-es"], await IdsAsync(provider, v + "/schools/org-es-01/teachers", "users"));
            Assert.Equal(students, await IdsAsync(provider, v + "/schools/org-es-01/classes/cls-k-1/students", "users"));
            Assert.Equal(["t-es"], await IdsAsync(provider, v + "/schools/org-es-01/classes/cls-k-1/teachers", "users"));
            Assert.Equal(["cls-k-1"], await IdsAsync(provider, v + "/students/s-es-1/classes", "classes"));
            Assert.Equal(["cls-k-1"], await IdsAsync(provider, v + "/teachers/t-es/classes", "classes"));
            Assert.Equal(["cls-k-1"], await IdsAsync(provider, v + "/users/s-es-2/classes", "classes"));
            Assert.Equal("s-es-3", (await GetAsync(provider, v + "/students/s-es-3")).Json.GetProperty("user").GetProperty("sourcedId").GetString());
            // The principal (administrators are not shared), the high school's students, a guardian: as if they did not exist.
            foreach (var outside in new[] { "/users/p-es", "/users/s-hs-1", "/users/g-1", "/students/t-es", "/teachers/s-es-1", "/users/s-hs-1/classes", "/classes/cls-bio-1/students" })
            {
                await NotFoundAsync(provider, v + outside);
            }
        }
    }

    [Theory]
    [Providers]
    public async Task A_user_is_written_in_each_version_shape_without_what_the_agreement_does_not_share(DatabaseProvider provider)
    {
        var v11 = (await GetAsync(provider, V11 + "/users/s-es-1")).Json.GetProperty("user");
        var v12 = (await GetAsync(provider, V12 + "/users/s-es-1")).Json.GetProperty("user");
        foreach (var user in new[] { v11, v12 })
        {
            Assert.Equal(("active", "true", "Kid1", "Garcia", "s-es-1", "S-ES-1"),
                (user.GetProperty("status").GetString(), user.GetProperty("enabledUser").GetString(), user.GetProperty("givenName").GetString(),
                 user.GetProperty("familyName").GetString(), user.GetProperty("username").GetString(), user.GetProperty("identifier").GetString()));
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", user.GetProperty("dateLastModified").GetString());
            Assert.Equal(["KG"], user.GetProperty("grades").EnumerateArray().Select(g => g.GetString()));
            Assert.False(user.TryGetProperty("email", out _), "email is not shared");
            Assert.False(user.TryGetProperty("phone", out _));
            // Guardians are not shared, so no agent is named.
            Assert.Empty(user.GetProperty("agents").EnumerateArray());
        }

        Assert.Equal("student", v11.GetProperty("role").GetString());
        Assert.Equal("org-es-01", v11.GetProperty("orgs")[0].GetProperty("sourcedId").GetString());
        Assert.False(v11.TryGetProperty("roles", out _));
        Assert.False(v12.TryGetProperty("role", out _));
        Assert.False(v12.TryGetProperty("orgs", out _));
        var role = v12.GetProperty("roles")[0];
        Assert.Equal(("primary", "student", "org-es-01", "org"),
            (role.GetProperty("roleType").GetString(), role.GetProperty("role").GetString(), role.GetProperty("org").GetProperty("sourcedId").GetString(), role.GetProperty("org").GetProperty("type").GetString()));
        Assert.Equal($"http://localhost{V12}/orgs/org-es-01", v12.GetProperty("primaryOrg").GetProperty("href").GetString());
    }

    [Theory]
    [Providers]
    public async Task Enrollments_of_the_agreement_and_of_a_school_or_class(DatabaseProvider provider)
    {
        string[] all = ["enr-es-1", "enr-es-2", "enr-es-3", "enr-es-4", "enr-es-5", "enr-t-es"];
        foreach (var v in Versions)
        {
            Assert.Equal(all, await IdsAsync(provider, v + "/enrollments", "enrollments"));
            Assert.Equal(all, await IdsAsync(provider, v + "/schools/org-es-01/enrollments", "enrollments"));
            Assert.Equal(all, await IdsAsync(provider, v + "/schools/org-es-01/classes/cls-k-1/enrollments", "enrollments"));
            var teacher = (await GetAsync(provider, v + "/enrollments/enr-t-es")).Json.GetProperty("enrollment");
            Assert.Equal(("teacher", "true", "t-es", "cls-k-1", "org-es-01"),
                (teacher.GetProperty("role").GetString(), teacher.GetProperty("primary").GetString(), teacher.GetProperty("user").GetProperty("sourcedId").GetString(),
                 teacher.GetProperty("class").GetProperty("sourcedId").GetString(), teacher.GetProperty("school").GetProperty("sourcedId").GetString()));
            await NotFoundAsync(provider, v + "/enrollments/enr-hs-1");
            await NotFoundAsync(provider, v + "/schools/org-es-01/classes/cls-bio-1/enrollments");
        }
    }

    [Theory]
    [Providers]
    public async Task Demographics_hold_only_the_shared_fields_and_need_their_scope(DatabaseProvider provider)
    {
        foreach (var v in Versions)
        {
            var all = await GetAsync(provider, v + "/demographics");
            Assert.Equal(["s-es-1", "s-es-2", "s-es-3", "s-es-4", "s-es-5"], all.Ids("demographics"));
            var one = (await GetAsync(provider, v + "/demographics/s-es-2")).Json.GetProperty("demographics");
            Assert.Equal("2021-03-02", one.GetProperty("birthDate").GetString());
            Assert.False(one.TryGetProperty("sex", out _), "sex is not shared");
            Assert.False(one.TryGetProperty("hispanicOrLatinoEthnicity", out _), "race and ethnicity are not shared");
            await NotFoundAsync(provider, v + "/demographics/s-hs-1");
        }

        var (world, _) = await fixture.GetAsync(provider);
        var core = await world.ClientAsync(scope: "https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly");
        var refused = await ApiAnswer.GetAsync(core, V12 + "/demographics");
        Assert.Equal(403, refused.Status);
        Assert.Equal("forbidden", refused.CodeMinor);
        Assert.Equal(200, (await ApiAnswer.GetAsync(core, V11 + "/users")).Status);
        var demographicsOnly = await world.ClientAsync(scope: "https://purl.imsglobal.org/spec/or/v1p1/scope/roster-demographics.readonly");
        Assert.Equal(403, (await ApiAnswer.GetAsync(demographicsOnly, V11 + "/users")).Status);
        Assert.Equal(200, (await ApiAnswer.GetAsync(demographicsOnly, V11 + "/demographics")).Status);
    }

    [Theory]
    [Providers]
    public async Task Pages_carry_the_total_and_links_and_go_on_where_the_last_one_ended(DatabaseProvider provider)
    {
        foreach (var v in Versions)
        {
            var first = await GetAsync(provider, v + "/users?limit=2&filter=" + Uri.EscapeDataString("status='active'"));
            Assert.Equal(["s-es-1", "s-es-2"], first.Ids("users"));
            Assert.Equal("6", first.Header("X-Total-Count"));
            var link = first.Header("Link")!;
            Assert.Contains($"<http://localhost{v}/users?filter=status%3D%27active%27&limit=2&offset=2>; rel=\"next\"", link, StringComparison.Ordinal);
            Assert.Contains("offset=4>; rel=\"last\"", link, StringComparison.Ordinal);
            Assert.DoesNotContain("rel=\"prev\"", link, StringComparison.Ordinal);
            Assert.Equal(["s-es-3", "s-es-4"], await IdsAsync(provider, v + "/users?limit=2&offset=2&filter=" + Uri.EscapeDataString("status='active'"), "users"));
            var last = await GetAsync(provider, v + "/users?limit=2&offset=4&filter=" + Uri.EscapeDataString("status='active'"));
            Assert.Equal(["s-es-5", "t-es"], last.Ids("users"));
            Assert.DoesNotContain("rel=\"next\"", last.Header("Link")!, StringComparison.Ordinal);
            Assert.Contains("offset=2>; rel=\"prev\"", last.Header("Link")!, StringComparison.Ordinal);
            // An offset no earlier page ended at is read by offset.
            Assert.Equal(["s-es-4", "s-es-5", "t-es"], await IdsAsync(provider, v + "/users?offset=3", "users"));
            Assert.Empty(await IdsAsync(provider, v + "/users?offset=60", "users"));
            // The cap: a larger limit is cut to it, and the links say so.
            Assert.Contains("limit=1000&offset=0", (await GetAsync(provider, v + "/users?limit=5000")).Header("Link")!, StringComparison.Ordinal);
            foreach (var bad in new[] { "limit=0", "limit=x", "offset=-1", "orderBy=up" })
            {
                var refused = await GetAsync(provider, v + "/users?" + bad);
                Assert.True(refused.Status == 400, bad + " → " + refused);
                Assert.Equal("invalid_selection_field", refused.CodeMinor);
            }
        }
    }

    [Theory]
    [Providers]
    public async Task Filters_follow_the_binding_grammar_on_the_fields_the_app_receives(DatabaseProvider provider)
    {
        foreach (var v in Versions)
        {
            async Task<List<string>> Filtered(string filter, string collection = "users") => await IdsAsync(provider, $"{v}/{collection}?filter={Uri.EscapeDataString(filter)}", collection);
            Assert.Equal(["s-es-1"], await Filtered("givenName='Kid1'"));
            Assert.Equal(["s-es-1", "s-es-2", "s-es-3", "s-es-4", "s-es-5"], await Filtered("familyName~'ARC'"));
            Assert.Equal(["t-es"], await Filtered("role='teacher'"));
            Assert.Equal(["s-es-4", "s-es-5"], await Filtered("role='student' AND givenName>='Kid4'"));
            Assert.Equal(["s-es-1", "t-es"], await Filtered("givenName='Kid1' OR familyName='Lopez'"));
            Assert.Equal(["s-es-2"], await Filtered("sourcedId='s-es-2'"));
            Assert.Equal(["s-es-5"], await Filtered("username='s-es-5' AND enabledUser='true'"));
            Assert.Equal(6, (await Filtered("dateLastModified>'2000-01-01T00:00:00Z'")).Count);
            Assert.Empty(await Filtered("dateLastModified>'2100-01-01'"));
            Assert.Equal(["cls-k-1"], await Filtered("classType='homeroom'", "classes"));
            Assert.Equal(["org-es-01"], await Filtered("type='school'", "orgs"));
            Assert.Equal(["enr-t-es"], await Filtered("primary='true'", "enrollments"));
            Assert.Equal(["sy-2027"], await Filtered("startDate<='2026-08-12' AND endDate>'2027-05-01'", "academicSessions"));
            foreach (var (filter, says) in new[]
            {
                ("nickname='Kid'", "nickname is not a field"), ("email='kid1.garcia@students.bayview.example'", "email is not shared"),
                ("givenName='Kid1", "closing quote"), ("givenName Kid1", "one of ="), ("dateLastModified>'yesterday'", "expected a date and time"),
                ("givenName='a' XOR familyName='b'", "AND or OR"), ("agents='g-1'", "cannot be used to filter"),
            })
            {
                var refused = await GetAsync(provider, $"{v}/users?filter={Uri.EscapeDataString(filter)}");
                Assert.True(refused.Status == 400, filter + " → " + refused);
                Assert.Equal("invalid_filter_field", refused.CodeMinor);
                Assert.Contains(says, refused.Json.GetProperty("imsx_description").GetString(), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [Providers]
    public async Task Sort_and_fields(DatabaseProvider provider)
    {
        foreach (var v in Versions)
        {
            Assert.Equal(["t-es", "s-es-5", "s-es-4", "s-es-3", "s-es-2", "s-es-1"], await IdsAsync(provider, v + "/users?sort=givenName&orderBy=desc", "users"));
            Assert.Equal(["s-es-1", "s-es-2", "s-es-3", "s-es-4", "s-es-5", "t-es"], await IdsAsync(provider, v + "/users?sort=familyName", "users"));
            Assert.Equal(["t-es", "s-es-5", "s-es-4", "s-es-3", "s-es-2", "s-es-1"], await IdsAsync(provider, v + "/users?orderBy=desc", "users"));
            var sortedByEmail = await GetAsync(provider, v + "/users?sort=email");
            Assert.Equal(400, sortedByEmail.Status);
            Assert.Equal(v == V11 ? "invalid_sort_field" : "invalid_selection_field", sortedByEmail.CodeMinor);

            var picked = await GetAsync(provider, v + "/users?fields=sourcedId,givenName&limit=1");
            var only = picked.Json.GetProperty("users")[0];
            Assert.Equal(["sourcedId", "givenName"], only.EnumerateObject().Select(p => p.Name));
            var one = (await GetAsync(provider, v + "/classes/cls-k-1?fields=title")).Json.GetProperty("class");
            Assert.Equal(["title"], one.EnumerateObject().Select(p => p.Name));
            var unknown = await GetAsync(provider, v + "/users?fields=sourcedId,shoeSize");
            Assert.Equal(400, unknown.Status);
            Assert.Equal("invalid_selection_field", unknown.CodeMinor);
            Assert.Contains("shoeSize", unknown.Json.GetProperty("imsx_description").GetString(), StringComparison.Ordinal);
            Assert.Equal(400, (await GetAsync(provider, v + "/users/s-es-1?fields=role2")).Status);
        }
    }

    [Theory]
    [Providers]
    public async Task A_request_without_a_valid_token_is_unauthorised_and_an_unknown_path_not_found(DatabaseProvider provider)
    {
        var (world, client) = await fixture.GetAsync(provider);
        var anonymous = world.App.CreateClient();
        var none = await ApiAnswer.GetAsync(anonymous, V12 + "/users");
        Assert.Equal(401, none.Status);
        Assert.Equal("unauthorisedrequest", none.CodeMinor);
        Assert.StartsWith("Bearer", none.Response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        Assert.Equal(401, (await ApiAnswer.GetAsync(anonymous, V11 + "/orgs")).Status);
        var unknown = await ApiAnswer.GetAsync(client, V11 + "/lineItems");
        Assert.Equal(404, unknown.Status);
        Assert.Equal("unknownobject", unknown.CodeMinor);
    }

    [Theory]
    [Providers]
    public async Task Every_call_is_recorded_and_the_people_it_returned_are_marked_shared_by_the_api(DatabaseProvider provider)
    {
        var (world, client) = await fixture.GetAsync(provider);
        Assert.Equal(200, (await ApiAnswer.GetAsync(client, V12 + "/teachers?fields=sourcedId&limit=7")).Status);
        Assert.Equal(404, (await ApiAnswer.GetAsync(client, V11 + "/users/s-hs-2?limit=8")).Status);
        Assert.Equal(200, (await ApiAnswer.GetAsync(client, V11 + "/demographics?limit=9")).Status);

        await using var db = world.Db.OpenContext();
        var calls = (await db.Set<ApiRequest>().Where(r => r.AppId == world.AppId).ToListAsync())
            .Where(r => r.Query is "?fields=sourcedId&limit=7" or "?limit=8" or "?limit=9").OrderBy(r => r.Returned).ToList();
        Assert.Equal(
            [("1.1", "users/{sourcedId}", "/users/s-hs-2", 404, 0), ("1.2", "teachers", "/teachers", 200, 1), ("1.1", "demographics", "/demographics", 200, 5)],
            calls.Select(c => (c.Version, c.Endpoint, c.Path, c.Status, c.Returned)));
        Assert.All(calls, c => Assert.Equal(world.ClientId, c.ClientId));
        var shared = await (from s in db.Set<SharedPerson>()
                            where s.AppId == world.AppId
                            join p in db.Set<DistrictOps.Web.Modules.Directory.Data.Person>() on s.PersonId equals p.Id
                            select new { p.SourcedId, s.LastDeliveryId }).ToListAsync();
        Assert.Contains(shared, s => s.SourcedId == "t-es");
        Assert.Contains(shared, s => s.SourcedId == "s-es-5");
        Assert.DoesNotContain(shared, s => s.SourcedId.Contains("hs", StringComparison.Ordinal));
        Assert.All(shared, s => Assert.Null(s.LastDeliveryId));
    }
}
