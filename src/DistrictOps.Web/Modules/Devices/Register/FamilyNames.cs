using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Directory.Contracts;

namespace DistrictOps.Web.Modules.Devices.Register;

/// <summary>
/// Whether staff may be shown the name of a student or guardian that the register keeps a copy of (an incident's student,
/// a family's statement): the Directory's student rule for the site, and for no site only a district-wide reader. Where it
/// does not allow it, pages say "A student"; a page about one student logs what it showed with <see cref="IPeopleDirectory.ShownAsync"/>.
/// </summary>
public static class FamilyNames
{
    /// <summary>What a page, a file and the API say instead of a student's name the reader may not see.</summary>
    public const string Hidden = "A student";

    public static bool MayShow(IPeopleDirectory people, DeviceUser user, Guid? siteId) => people.MayShowFamily(user.Principal, siteId ?? Guid.Empty);

    /// <summary>The name, or null where the rule hides it.</summary>
    public static string? Shown(IPeopleDirectory people, DeviceUser user, Guid? siteId, string? name) => MayShow(people, user, siteId) ? name : null;

    /// <summary>A device's or assignment's holder as the reader may see it: staff and rooms always, a student's name only where the rule allows, else <see cref="Hidden"/>.</summary>
    public static string? Holder(IPeopleDirectory people, DeviceUser user, HolderKind? kind, Guid? siteId, string? name) =>
        kind == HolderKind.Student && !MayShow(people, user, siteId) ? Hidden : name;
}
