using DistrictOps.Web.Platform.Auth;

namespace DistrictOps.Web.Modules.Knowledge;

public static class KnowledgePermissions
{
    /// <summary>Read articles for district staff (public ones need no sign-in).</summary>
    public const string Read = "knowledge.read";

    /// <summary>Read the technicians' troubleshooting articles too.</summary>
    public const string ReadTechnical = "knowledge.technical";

    /// <summary>Write and change drafts, send them for review, see every draft and the stale-content report.</summary>
    public const string Write = "knowledge.write";

    /// <summary>Approve and publish drafts someone else wrote, retire articles.</summary>
    public const string Review = "knowledge.review";

    private static readonly IReadOnlyList<string> Technicians =
        [Roles.HelpDesk, Roles.SiteTechnician, Roles.SeniorTechnician, Roles.NetworkEngineer, Roles.ItManager, Roles.DistrictAdmin];

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Read, "Read the knowledge base's articles and procedures for district staff.", Roles.Staff),
        new(ReadTechnical, "Read the technicians' troubleshooting articles too.", Technicians),
        new(Write, "Write articles and procedures, change drafts and send them for review; see the stale-content report.", Technicians),
        new(Review, "Approve and publish articles others wrote; retire articles.", [Roles.SeniorTechnician, Roles.ItManager, Roles.DistrictAdmin]),
    ];
}
