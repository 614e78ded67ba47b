namespace DistrictOps.Web.Modules.Rostering.ServeOneRosterApi;

/// <summary>
/// The read-only OneRoster rostering API, 1.1 under <c>/ims/oneroster/v1p1</c> and 1.2 under
/// <c>/ims/oneroster/rostering/v1p2</c>, with the binding's paths and envelopes. Every route passes <see cref="OneRosterGate"/>:
/// a valid token of an app whose agreement is enabled, the agreement applied to every answer, each call recorded.
/// </summary>
public static class OneRosterApi
{
    public static IEndpointRouteBuilder MapOneRosterApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(OneRosterScopes.TokenPath, OneRosterToken.IssueAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithTags("OneRoster")
            .WithSummary("OAuth 2 client credentials (client_secret_basic or client_secret_post): an access token for the OneRoster API.");
        foreach (var version in Enum.GetValues<OneRosterVersion>())
        {
            var group = endpoints.MapGroup(version.BasePath())
                .AllowAnonymous()
                .AddEndpointFilter<OneRosterGate>()
                .WithTags("OneRoster " + version.Label());
            group.MapCore(version).MapNested(version).MapDemographics(version);
            group.MapGet("/{**rest}", () => new OneRosterErrorResult(OneRosterError.NotFound("The OneRoster binding has no such endpoint.")))
                .ExcludeFromDescription();
        }

        return endpoints;
    }

    private static RouteGroupBuilder MapCore(this RouteGroupBuilder group, OneRosterVersion v)
    {
        var users = ApiResources.Users(v);
        var enrollments = ApiResources.Enrollments(v);
        group.MapGet("/orgs", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, ApiResources.Orgs, s => Q(s.Orgs), Children));
        group.MapGet("/orgs/{sourcedId}", (HttpContext h, OneRosterReader r) => r.OneAsync(h, v, ApiResources.Orgs, s => s.Orgs, Children));
        group.MapGet("/schools", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, ApiResources.Orgs, s => Q(s.Schools), Children));
        group.MapGet("/schools/{sourcedId}", (HttpContext h, OneRosterReader r) => r.OneAsync(h, v, ApiResources.Orgs, s => s.Schools, Children));
        group.MapGet("/academicSessions", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, ApiResources.Sessions, s => Q(s.Sessions), Children));
        group.MapGet("/academicSessions/{sourcedId}", (HttpContext h, OneRosterReader r) => r.OneAsync(h, v, ApiResources.Sessions, s => s.Sessions, Children));
        group.MapGet("/terms", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, ApiResources.Sessions, s => Q(s.Terms), Children));
        group.MapGet("/terms/{sourcedId}", (HttpContext h, OneRosterReader r) => r.OneAsync(h, v, ApiResources.Sessions, s => s.Terms, Children));
        group.MapGet("/gradingPeriods", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, ApiResources.Sessions, s => Q(s.GradingPeriods), Children));
        group.MapGet("/gradingPeriods/{sourcedId}", (HttpContext h, OneRosterReader r) => r.OneAsync(h, v, ApiResources.Sessions, s => s.GradingPeriods, Children));
        group.MapGet("/courses", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, ApiResources.Courses, s => Q(s.Courses)));
        group.MapGet("/courses/{sourcedId}", (HttpContext h, OneRosterReader r) => r.OneAsync(h, v, ApiResources.Courses, s => s.Courses));
        group.MapGet("/classes", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, ApiResources.Classes, s => Q(s.Classes)));
        group.MapGet("/classes/{sourcedId}", (HttpContext h, OneRosterReader r) => r.OneAsync(h, v, ApiResources.Classes, s => s.Classes));
        group.MapGet("/users", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, users, s => Q(s.Users), Links));
        group.MapGet("/users/{sourcedId}", (HttpContext h, OneRosterReader r) => r.OneAsync(h, v, users, s => s.Users, Links));
        group.MapGet("/students", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, users, s => Q(s.Students), Links));
        group.MapGet("/students/{sourcedId}", (HttpContext h, OneRosterReader r) => r.OneAsync(h, v, users, s => s.Students, Links));
        group.MapGet("/teachers", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, users, s => Q(s.Teachers), Links));
        group.MapGet("/teachers/{sourcedId}", (HttpContext h, OneRosterReader r) => r.OneAsync(h, v, users, s => s.Teachers, Links));
        group.MapGet("/enrollments", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, enrollments, s => Q(s.Enrollments)));
        group.MapGet("/enrollments/{sourcedId}", (HttpContext h, OneRosterReader r) => r.OneAsync(h, v, enrollments, s => s.Enrollments));
        return group;
    }

    private static RouteGroupBuilder MapNested(this RouteGroupBuilder group, OneRosterVersion v)
    {
        var users = ApiResources.Users(v);
        var enrollments = ApiResources.Enrollments(v);
        var classes = ApiResources.Classes;
        group.MapGet("/schools/{sourcedId}/classes", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, classes, s => s.UnderAsync(s.Schools, s.Id(), id => s.Classes.Where(c => c.SchoolSourcedId == id))));
        group.MapGet("/schools/{sourcedId}/courses", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, ApiResources.Courses, s => s.UnderAsync(s.Schools, s.Id(), id => s.Courses.Where(c => c.OrgSourcedId == id))));
        group.MapGet("/schools/{sourcedId}/enrollments", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, enrollments, s => s.UnderAsync(s.Schools, s.Id(), id => s.Enrollments.Where(e => e.SchoolSourcedId == id))));
        group.MapGet("/schools/{sourcedId}/students", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, users, s => s.AtSchoolAsync(s.Students, s.Id()), Links));
        group.MapGet("/schools/{sourcedId}/teachers", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, users, s => s.AtSchoolAsync(s.Teachers, s.Id()), Links));
        group.MapGet("/schools/{schoolSourcedId}/classes/{classSourcedId}/enrollments", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, enrollments, s => SchoolClassAsync(s, id => s.Enrollments.Where(e => e.ClassSourcedId == id))));
        group.MapGet("/schools/{schoolSourcedId}/classes/{classSourcedId}/students", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, users, s => SchoolClassAsync(s, id => s.InClass(s.Students, id, "student")), Links));
        group.MapGet("/schools/{schoolSourcedId}/classes/{classSourcedId}/teachers", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, users, s => SchoolClassAsync(s, id => s.InClass(s.Teachers, id, "teacher")), Links));
        group.MapGet("/classes/{sourcedId}/students", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, users, s => s.UnderAsync(s.Classes, s.Id(), id => s.InClass(s.Students, id, "student")), Links));
        group.MapGet("/classes/{sourcedId}/teachers", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, users, s => s.UnderAsync(s.Classes, s.Id(), id => s.InClass(s.Teachers, id, "teacher")), Links));
        group.MapGet("/courses/{sourcedId}/classes", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, classes, s => s.UnderAsync(s.Courses, s.Id(), id => s.Classes.Where(c => c.CourseSourcedId == id))));
        group.MapGet("/users/{sourcedId}/classes", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, classes, s => s.UnderAsync(s.Users, s.Id(), s.ClassesOf)));
        group.MapGet("/students/{sourcedId}/classes", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, classes, s => s.UnderAsync(s.Students, s.Id(), s.ClassesOf)));
        group.MapGet("/teachers/{sourcedId}/classes", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, classes, s => s.UnderAsync(s.Teachers, s.Id(), s.ClassesOf)));
        group.MapGet("/terms/{sourcedId}/classes", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, classes, s => s.UnderAsync(s.Terms, s.Id(), id => s.Classes.Where(c => ("," + c.TermSourcedIds + ",").Contains("," + id + ",")))));
        group.MapGet("/terms/{sourcedId}/gradingPeriods", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, ApiResources.Sessions, s => s.UnderAsync(s.Terms, s.Id(), id => s.GradingPeriods.Where(p => p.ParentSourcedId == id)), Children));
        return group;
    }

    private static RouteGroupBuilder MapDemographics(this RouteGroupBuilder group, OneRosterVersion v)
    {
        group.MapGet("/demographics", (HttpContext h, OneRosterReader r) => r.ListAsync(h, v, ApiResources.Demographics, s => Q(s.Demographics)))
            .WithMetadata(new DemographicsEndpoint());
        group.MapGet("/demographics/{sourcedId}", (HttpContext h, OneRosterReader r) => r.OneAsync(h, v, ApiResources.Demographics, s => s.Demographics))
            .WithMetadata(new DemographicsEndpoint());
        return group;
    }

    private static Task<IQueryable<T>?> Q<T>(IQueryable<T> query) => Task.FromResult<IQueryable<T>?>(query);

    private static async Task<IQueryable<T>?> SchoolClassAsync<T>(ApiSource s, Func<string, IQueryable<T>> children)
    {
        var school = s.Id("schoolSourcedId");
        return await s.UnderAsync(s.Schools, school, _ => s.Classes.Where(c => c.SchoolSourcedId == school)) is { } classes
            ? await s.UnderAsync(classes, s.Id("classSourcedId"), children)
            : null;
    }

    private static Task Children(ApiSource s, IReadOnlyList<Directory.Contracts.RosterOrg> page, PageContext context) => s.OrgChildrenAsync(page, context);

    private static Task Children(ApiSource s, IReadOnlyList<Directory.Contracts.RosterSession> page, PageContext context) => s.SessionChildrenAsync(page, context);

    private static Task Links(ApiSource s, IReadOnlyList<Directory.Contracts.RosterUser> page, PageContext context) => s.UserLinksAsync(page, context);
}
