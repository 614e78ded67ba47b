using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Work.ListQueues;

/// <summary>The queue page's filter choices: active issue types by path, the technicians in any team, and teams by tier.</summary>
public sealed record QueueChoices(IReadOnlyList<IssueType> IssueTypes, IReadOnlyList<UserSummary> Assignees, IReadOnlyList<Team> Teams);

/// <summary>
/// The queue page's filter choices held in memory (ADR 0022's copies): statements that every technician's every queue page
/// read again, although they change when a manager edits issue types, teams or accounts. The issue types come from the
/// settings copy (<see cref="HelpdeskSettingsCache"/>); teams and assignees are dropped on any write to their tables through
/// the app, and after <see cref="TableWatch.CopyLifetime"/>. The entities are shared: read them, never change or attach them.
/// </summary>
public sealed class QueuePageLookups
{
    private readonly HelpdeskSettingsCache _settings;
    private readonly TableCopy<Staff> _copy;

    public QueuePageLookups(HelpdeskSettingsCache settings, TimeProvider clock) => (_settings, _copy) = (settings, new(Watch, clock));

    public TableWatch Watch { get; } = new("helpdesk_team_members", "helpdesk_teams", "auth_users", "auth_user_roles", "auth_roles");

    public async Task<QueueChoices> GetAsync(AppDbContext db, IUserDirectory users, CancellationToken cancellationToken)
    {
        var issueTypes = (await _settings.GetAsync(db, cancellationToken)).IssueTypes.Where(c => c.Active).OrderBy(c => c.Path, StringComparer.CurrentCulture).ToList();
        var (assignees, teams) = await _copy.GetAsync(db, async () =>
        {
            var technicians = await db.Set<TeamMember>().AsNoTracking().Select(m => m.UserId).Distinct().ToListAsync(cancellationToken);
            return new Staff(await users.FindAsync(technicians, cancellationToken), await db.TeamsByTierAsync(cancellationToken));
        });
        return new QueueChoices(issueTypes, assignees, teams);
    }

    private sealed record Staff(IReadOnlyList<UserSummary> Assignees, IReadOnlyList<Team> Teams);
}
