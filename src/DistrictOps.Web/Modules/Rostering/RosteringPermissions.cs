using DistrictOps.Web.Platform.Auth;

namespace DistrictOps.Web.Modules.Rostering;

public static class RosteringPermissions
{
    /// <summary>See the apps, their agreements (what is shared, never sample rows) and the record of every delivery.</summary>
    public const string Read = "rostering.read";

    /// <summary>Register apps, write their agreements, see the preview's sample rows, enable sharing and issue API credentials.</summary>
    public const string Manage = "rostering.manage";

    /// <summary>Make a package now and download it, or push it to the app: student data leaves the district.</summary>
    public const string Deliver = "rostering.deliver";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Read, "See instructional apps, what each agreement shares, and every delivery: which app received which data, and when.",
            [Roles.DataServices, Roles.ItManager, Roles.DistrictAdmin]),
        new(Manage, "Register instructional apps, write their data-sharing agreements, preview them with sample rows, enable sharing and issue API credentials.",
            [Roles.DataServices, Roles.ItManager, Roles.DistrictAdmin]),
        new(Deliver, "Make an app's roster package now: download it or push it to the app.", [Roles.DataServices, Roles.ItManager, Roles.DistrictAdmin]),
    ];
}
