using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform.Auth;

namespace DistrictOps.Web.Modules.Helpdesk;

public static class HelpdeskPermissions
{
    /// <summary>Ask for help and follow one's own requests.</summary>
    public const string Request = "helpdesk.request";

    /// <summary>Work tickets: queues, replies, notes, assignment, escalation.</summary>
    public const string Work = "helpdesk.work";

    /// <summary>See every ticket: the central help desk answers callers about any of them.</summary>
    public const string SeeAll = "helpdesk.all";

    /// <summary>See every ticket and configure routing, issue types, teams, macros and priorities.</summary>
    public const string Manage = "helpdesk.manage";

    public static readonly IReadOnlyList<string> Technicians =
        [Roles.HelpDesk, Roles.SiteTechnician, Roles.SeniorTechnician, Roles.NetworkEngineer, Roles.ItManager, Roles.DistrictAdmin];

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Request, "Ask for help and follow your own requests.", Roles.Staff),
        new(Work, "Work tickets in your sites' and teams' queues.", Technicians),
        new(SeeAll, "See every ticket in the district.", [Roles.HelpDesk, Roles.ItManager, Roles.DistrictAdmin]),
        new(Manage, "See every ticket; edit routing, issue types, teams, macros and the priority matrix.", [Roles.ItManager, Roles.DistrictAdmin]),
    ];
}

public static class TechnicianAccounts
{
    /// <summary>Everyone who can work tickets, by name: the choices for assignees, team members and rule targets.</summary>
    public static async Task<IReadOnlyList<UserSummary>> TechniciansAsync(this IUserDirectory users, CancellationToken cancellationToken)
    {
        var technicians = new List<UserSummary>();
        foreach (var role in HelpdeskPermissions.Technicians)
        {
            technicians.AddRange(await users.InRoleAsync(role, cancellationToken));
        }

        return technicians.DistinctBy(u => u.Id).OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>Whether the account may be given tickets: it holds a role that works them.</summary>
    public static bool IsTechnician(this UserSummary user) => user.Roles.Any(HelpdeskPermissions.Technicians.Contains);
}
