using System.Linq.Expressions;
using System.Security.Claims;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>
/// Who is looking, and which tickets they may see: requesters their own (site staff optionally their
/// sites'), technicians their sites', teams' and assigned ones, the central help desk and managers all.
/// </summary>
public sealed record Viewer(
    Guid UserId,
    string Name,
    string? Email,
    Guid? PersonId,
    bool SeesAll,
    bool Works,
    bool Manages,
    IReadOnlyList<Guid> Sites,
    IReadOnlyList<int> Teams,
    bool SeesSiteRequests,
    Func<Guid, bool>? ShowsFamilyAt = null)
{
    /// <summary>A ticket's requester as this viewer may see them (<see cref="RequesterNames"/>).</summary>
    public string RequesterName(string name, string? requesterRole, Guid siteId) => RequesterNames.Shown(name, requesterRole, siteId, this);

    private Func<Ticket, bool>? canSee;

    /// <summary>
    /// The one visibility rule: the database filters with it in every list, search and report, and
    /// <see cref="CanSee"/> runs the same expression in memory on a ticket already loaded.
    /// </summary>
    public Expression<Func<Ticket, bool>> Sees()
    {
        if (SeesAll)
        {
            return t => true;
        }

        var userId = UserId;
        var personId = PersonId;
        var sites = Works || SeesSiteRequests ? Sites.ToList() : [];
        var teams = Works ? Teams.ToList() : [];
        return t => t.RequesterUserId == userId || t.SubmittedByUserId == userId
            || (personId != null && t.RequesterPersonId == personId)
            || t.AssigneeUserId == userId
            || (t.TeamId != null && teams.Contains(t.TeamId.Value))
            || sites.Contains(t.SiteId);
    }

    public IQueryable<Ticket> Visible(IQueryable<Ticket> tickets) => SeesAll ? tickets : tickets.Where(Sees());

    public bool CanSee(Ticket ticket) => (canSee ??= Sees().Compile(preferInterpretation: true))(ticket);

    /// <summary>Technicians may work a ticket they can see; requesters may only reply to and reopen their own.</summary>
    public bool CanWork(Ticket t) => Works && CanSee(t);
}

/// <summary>
/// Builds the viewer of a request. A technician's sites are the account's site scope and every site the Directory's coverage
/// gives their person (the staffing coverage page edits it), so a coverage change reaches "My sites" on the next request.
/// </summary>
public sealed class ViewerFactory(
    AppDbContext db, PermissionRegistry permissions, IPeopleDirectory people, IOptions<HelpdeskOptions> options, TeamMemberships memberships, ITechnicianCoverage coverage,
    CoveredSites coveredSites)
{
    public async Task<Viewer> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.UserId() ?? throw new InvalidOperationException("The helpdesk needs a signed-in user.");
        var teams = await memberships.OfAsync(db, userId, cancellationToken);
        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name;
        var works = permissions.Grants(user, HelpdeskPermissions.Work);
        var sites = user.SiteIds();
        if (works && user.PersonId() is { } personId)
        {
            sites = [.. sites.Union(await coveredSites.OfAsync(db, coverage, personId, cancellationToken))];
        }

        return new Viewer(
            userId,
            user.DisplayName(),
            email,
            user.PersonId(),
            permissions.Grants(user, HelpdeskPermissions.SeeAll),
            works,
            permissions.Grants(user, HelpdeskPermissions.Manage),
            sites,
            teams,
            options.Value.SiteStaffSeeSiteTickets,
            site => people.MayShowFamily(user, site));
    }
}

/// <summary>
/// The teams of each user who asked, held in memory (ADR 0022): every help desk request builds a viewer. Dropped on any write
/// through the app to the teams or their members, so a removed member stops seeing the team's tickets on the next request.
/// </summary>
public sealed class TeamMemberships
{
    private readonly TableCopies<Guid, IReadOnlyList<int>> _copies;

    public TeamMemberships(TimeProvider clock) => _copies = new(Watch, clock);

    public TableWatch Watch { get; } = new("helpdesk_team_members", "helpdesk_teams");

    public Task<IReadOnlyList<int>> OfAsync(AppDbContext db, Guid userId, CancellationToken cancellationToken) =>
        _copies.GetAsync(db, userId, async () => (IReadOnlyList<int>)await db.Set<TeamMember>().Where(m => m.UserId == userId).Select(m => m.TeamId).ToListAsync(cancellationToken));
}

/// <summary>
/// The sites each technician covers (the Directory's coverage), held in memory like <see cref="TeamMemberships"/>: every help
/// desk request builds a viewer. Dropped on any write through the app to the coverage or the sites (the staffing coverage
/// page, an HR import), so a changed share reaches "My sites" on the next request.
/// </summary>
public sealed class CoveredSites
{
    private readonly TableCopies<Guid, IReadOnlyList<Guid>> _copies;

    public CoveredSites(TimeProvider clock) => _copies = new(Watch, clock);

    public TableWatch Watch { get; } = new("directory_technician_coverage", "directory_sites");

    public Task<IReadOnlyList<Guid>> OfAsync(AppDbContext db, ITechnicianCoverage coverage, Guid personId, CancellationToken cancellationToken) =>
        _copies.GetAsync(db, personId, () => coverage.SitesOfAsync(personId, cancellationToken));
}
