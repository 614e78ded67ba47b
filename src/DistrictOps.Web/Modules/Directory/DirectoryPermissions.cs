using DistrictOps.Web.Platform.Auth;

namespace DistrictOps.Web.Modules.Directory;

public static class DirectoryPermissions
{
    public const string View = "directory.view";
    public const string ViewStudents = "directory.students";
    public const string Import = "directory.import";
    public const string Calendar = "directory.calendar";
    public const string StaffHr = "directory.staff-hr";
    public const string AccessLog = "directory.access-log";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(View, "See sites, staff and the school calendar.", Roles.Staff),
        new(ViewStudents, "See student records (every view is written to the access log).",
            [Roles.DistrictAdmin, Roles.DataServices, Roles.HelpDesk, Roles.SiteTechnician, Roles.SeniorTechnician]),
        new(Import, "Plan and apply roster and HR imports.", [Roles.DistrictAdmin, Roles.DataServices]),
        new(StaffHr, "See staff members' HR fields: employee id, HR status, start and end dates.", [Roles.DistrictAdmin, Roles.DataServices]),
        new(AccessLog, "See who was shown student and guardian records, and when (the access log).", [Roles.DistrictAdmin]),
        new(Calendar, "Import and edit the school calendar and site hours.", [Roles.DistrictAdmin, Roles.ItManager, Roles.DataServices]),
    ];
}
