namespace DistrictOps.Web.Modules.Directory.Demo;

internal sealed record CoverageShare(int Technician, string SiteSourcedId, decimal Share);

/// <summary>
/// The 33 positions of the Information Technology Department as the staffing review describes them today, and the
/// desktop technicians' site coverage: one technician per attendance area, a few busy sites shared half and half.
/// </summary>
internal static class TechnologyDepartment
{
    public const string Department = "Information Technology";
    public const string DesktopTechnician = "Desktop Technician";
    public const int DesktopTechnicians = DistrictPlan.AreaCount;

    public static readonly IReadOnlyList<(string Title, int Count)> Positions =
    [
        ("Chief Technology Officer", 1),
        ("Senior Administrative Secretary", 1),
        ("Director, Systems Integration", 1),
        ("Student Information System Supervisor", 1),
        ("State Reporting Specialist", 1),
        ("Database Administrator", 1),
        ("Data Integration Analyst", 1),
        ("Attendance Enrollment Technician", 3),
        ("Data Entry Clerk", 3),
        (VacantTypistClerk, 1),
        ("Senior Network Engineer", 1),
        ("Network Engineer", 1),
        ("VoIP Programmer and Technician", 1),
        ("IT Operations Manager", 1),
        ("Technology Operations Supervisor", 1),
        ("Network Technician", 2),
        ("Help Desk Technician", 3),
        (DesktopTechnician, DesktopTechnicians),
    ];

    // The review finds the typist clerk 2 position vacant for several months: its last holder has left.
    public const string VacantTypistClerk = "Typist Clerk 2";
    public static readonly DateOnly TypistClerkLeft = new(2026, 3, 31);

    // "the recent addition of two permanent desktop technicians"
    public const int RecentlyHiredDesktopTechnicians = 2;
    public static readonly DateOnly RecentHireStart = new(2026, 7, 1);

    public static IReadOnlyList<CoverageShare> Coverage(DistrictPlan plan)
    {
        var shares = plan.Schools.Select(s => new CoverageShare(s.Area, s.SourcedId, 1.00m)).ToList();

        // The two biggest high schools share their technician with the next area's.
        var biggest = plan.Schools.Where(s => s.Level == SchoolLevel.High)
            .OrderByDescending(s => s.Students).ThenBy(s => s.SourcedId, StringComparer.Ordinal).Take(2);
        foreach (var school in biggest)
        {
            shares.RemoveAll(s => s.SiteSourcedId == school.SourcedId);
            shares.Add(new(school.Area, school.SourcedId, 0.50m));
            shares.Add(new((school.Area + 1) % DesktopTechnicians, school.SourcedId, 0.50m));
        }

        shares.Add(new(0, DistrictPlan.DistrictOfficeId, 0.50m));
        shares.Add(new(1, DistrictPlan.DistrictOfficeId, 0.50m));
        shares.Add(new(DesktopTechnicians - 1, DistrictPlan.TechCenterId, 1.00m));
        return shares.OrderBy(s => s.Technician).ThenBy(s => s.SiteSourcedId, StringComparer.Ordinal).ToList();
    }
}
