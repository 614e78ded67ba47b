using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Work.ListQueues;

/// <summary>The queue page's filter choices: active issue types by path, the technicians in any team, and teams by tier.</summary>
public sealed record QueueChoices(IReadOnlyList<IssueType> IssueTypes, IReadOnlyList<UserSummary> Assignees, IReadOnlyList<Team> Teams);

/// <summary>
/// The queue page's filter choices held in memory (ADR 0022's copies): five statements that every technician's every queue
/// page read again, although they change when a manager edits issue types, teams or accounts. Dropped on any write to
/// those tables through the app, and after <see cref="HelpdeskSettingsCache.Lifetime"/>. The entities are shared: read them,
/// never change or attach them.
/// </summary>
public sealed class QueuePageLookups
{
    private readonly TableCopy<QueueChoices> _copy;

    public QueuePageLookups(TimeProvider clock) => _copy = new(Watch, clock, HelpdeskSettingsCache.Lifetime);

    public TableWatch Watch { get; } = new("helpdesk_issue_types", "helpdesk_team_members", "helpdesk_teams", "auth_users", "auth_user_roles", "auth_roles");

    public Task<QueueChoices> GetAsync(AppDbContext db, IUserDirectory users, CancellationToken cancellationToken) =>
        _copy.GetAsync(db, async () =>
        {
            var issueTypes = await db.ActiveIssueTypesAsync(cancellationToken);
            var technicians = await db.Set<TeamMember>().AsNoTracking().Select(m => m.UserId).Distinct().ToListAsync(cancellationToken);
            var assignees = await users.FindAsync(technicians, cancellationToken);
            return new QueueChoices(issueTypes, assignees, await db.TeamsByTierAsync(cancellationToken));
        });
}
