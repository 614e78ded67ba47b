using DistrictOps.Web.Platform.Auth;

namespace DistrictOps.Web.Modules.Staffing;

public static class StaffingPermissions
{
    /// <summary>See the staffing model, positions, coverage, workload, the plan and scenarios, with their costs.</summary>
    public const string Read = "staffing.read";

    /// <summary>Change the model's ratios and costs, positions, coverage and the plan; make and delete scenarios; hold checkpoints.</summary>
    public const string Manage = "staffing.manage";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Read, "See the staffing model, the department's positions and org charts, technician coverage, workload, the phased plan and scenarios, with salaries and costs.",
            [Roles.ItManager, Roles.DistrictAdmin]),
        new(Manage, "Change the staffing model's ratios and costs, positions and coverage, the phased plan and its checkpoints; make and delete scenarios.",
            [Roles.ItManager, Roles.DistrictAdmin]),
    ];
}
