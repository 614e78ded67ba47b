using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Modules.Rostering.Sharing;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Rostering.ServeOneRosterApi;

/// <summary>The app calling the API, as its token and its agreement say.</summary>
public sealed record ApiCaller(Guid AppId, string ClientId, RosterScope Scope, SharedFields Fields, int Revision, IReadOnlyList<string> Scopes);

/// <summary>
/// The Directory's roster cut to the caller's agreement, in the shapes the endpoints serve: every query starts here, so no
/// endpoint can reach past the agreement. Collections nested under a record (a school's classes) are null when that
/// record is not in the agreement, which the endpoint answers as not found.
/// </summary>
public sealed class ApiSource(ApiCaller caller, bool includeRemoved, IRosterData roster, AppDbContext db, HttpContext http)
{
    public ApiCaller Caller { get; } = caller;

    public IRosterData Roster { get; } = roster;

    public string Id(string name = "sourcedId") => http.GetRouteValue(name) as string ?? "";

    public IQueryable<RosterOrg> Orgs => Roster.Orgs(Caller.Scope, includeRemoved);

    public IQueryable<RosterOrg> Schools => Orgs.Where(o => o.TypeName == "school");

    public IQueryable<RosterSession> Sessions => Roster.Sessions(includeRemoved);

    /// <summary>The sessions a year is divided into: terms, and semesters (a term by another name).</summary>
    public IQueryable<RosterSession> Terms => Sessions.Where(s => s.Type == "term" || s.Type == "semester");

    public IQueryable<RosterSession> GradingPeriods => Sessions.Where(s => s.Type == "gradingPeriod");

    public IQueryable<RosterCourse> Courses => Roster.Courses(Caller.Scope, includeRemoved);

    public IQueryable<RosterClass> Classes => Roster.Classes(Caller.Scope, includeRemoved);

    /// <summary>
    /// The agreement's people; with removed rows, also everyone this app received (by the API or a delivery) who has left
    /// since, wherever they were: a person who left no longer belongs to a site, yet the app must hear they are tobedeleted.
    /// </summary>
    public IQueryable<RosterUser> Users
    {
        get
        {
            if (!includeRemoved)
            {
                return Roster.Users(Caller.Scope);
            }

            var scoped = Roster.Users(Caller.Scope, includeLeft: true);
            var received = db.Set<SharedPerson>().Where(s => s.AppId == Caller.AppId);
            return Roster.Users(RosterScope.Everything, includeLeft: true)
                .Where(u => scoped.Any(x => x.Id == u.Id) || (u.Left && received.Any(s => s.PersonId == u.Id)));
        }
    }

    public IQueryable<RosterUser> Students => Users.Where(u => u.SourceRole == "student");

    public IQueryable<RosterUser> Teachers => Users.Where(u => u.SourceRole == "teacher");

    public IQueryable<RosterEnrollment> Enrollments => Roster.Enrollments(Caller.Scope, includeRemoved);

    /// <summary>Only when the agreement shares a demographic field: otherwise the records would hold nothing but ids.</summary>
    public IQueryable<RosterDemographics> Demographics => AgreementRules.SharesDemographics(Caller.Fields)
        ? Roster.Demographics(Caller.Scope, includeRemoved)
        : Enumerable.Empty<RosterDemographics>().AsQueryable();

    /// <summary>The query, when the record named by the route value is in it.</summary>
    public async Task<IQueryable<T>?> UnderAsync<TParent, T>(IQueryable<TParent> parents, string parentId, Func<string, IQueryable<T>> children)
        where TParent : RosterRecord =>
        await parents.AnyAsync(p => p.SourcedId == parentId, http.RequestAborted) ? children(parentId) : null;

    /// <summary>The users of <paramref name="people"/> at one school of the agreement (belonging to it, as the scope means it).</summary>
    public async Task<IQueryable<RosterUser>?> AtSchoolAsync(IQueryable<RosterUser> people, string schoolId)
    {
        var site = await Schools.Where(o => o.SourcedId == schoolId).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(http.RequestAborted);
        if (site is not { } id)
        {
            return null;
        }

        var there = Roster.Users(new RosterScope([id], Caller.Scope.Roles, RosterClassFilter.All, []), includeRemoved);
        return people.Where(u => there.Any(t => t.Id == u.Id));
    }

    /// <summary>The users of <paramref name="people"/> enrolled in a class (of the agreement) with the role.</summary>
    public IQueryable<RosterUser> InClass(IQueryable<RosterUser> people, string classId, string role)
    {
        var enrolled = Enrollments.Where(e => e.ClassSourcedId == classId && e.Role == role);
        return people.Where(u => enrolled.Any(e => e.PersonId == u.Id));
    }

    /// <summary>The classes a user is enrolled in.</summary>
    public IQueryable<RosterClass> ClassesOf(string userId)
    {
        var mine = Enrollments.Where(e => e.UserSourcedId == userId);
        return Classes.Where(c => mine.Any(e => e.ClassSourcedId == c.SourcedId));
    }

    public async Task OrgChildrenAsync(IReadOnlyList<RosterOrg> page, PageContext context)
    {
        var ids = page.Select(o => o.SourcedId).ToList();
        var children = await Roster.Orgs(Caller.Scope).Where(o => o.ParentSourcedId != null && ids.Contains(o.ParentSourcedId))
            .Select(o => new { Parent = o.ParentSourcedId!, o.SourcedId }).ToListAsync(http.RequestAborted);
        context.Children = children.OrderBy(c => c.SourcedId, StringComparer.Ordinal).ToLookup(c => c.Parent, c => c.SourcedId, StringComparer.Ordinal);
    }

    public async Task SessionChildrenAsync(IReadOnlyList<RosterSession> page, PageContext context)
    {
        var ids = page.Select(s => s.SourcedId).ToList();
        var children = await Roster.Sessions().Where(s => s.ParentSourcedId != null && ids.Contains(s.ParentSourcedId))
            .Select(s => new { Parent = s.ParentSourcedId!, s.SourcedId }).ToListAsync(http.RequestAborted);
        context.Children = children.OrderBy(c => c.SourcedId, StringComparer.Ordinal).ToLookup(c => c.Parent, c => c.SourcedId, StringComparer.Ordinal);
    }

    public async Task UserLinksAsync(IReadOnlyList<RosterUser> page, PageContext context) =>
        context.UserLinks = await Roster.LinksAsync(Caller.Scope, page.Select(u => u.Id).ToList(), http.RequestAborted);
}
