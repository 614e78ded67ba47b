using System.Globalization;
using System.Text;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Demo;

namespace DistrictOps.Web.Modules.Directory.Demo;

public sealed record GenerateDemoDistrictCommand(
    string OutputDirectory,
    int Students = GenerateDemoDistrictHandler.DefaultStudents,
    int Seed = GenerateDemoDistrictHandler.DefaultSeed,
    bool Force = false);

public sealed record DemoFileCount(string RelativePath, long Rows);

public sealed record DemoDistrictSummary(string OutputDirectory, int Students, int Guardians, int StaffUsers, IReadOnlyList<DemoFileCount> Files);

/// <summary>
/// Writes the Bayview Unified School District demo package: OneRoster 1.2 bulk CSV, the HR staff and coverage files
/// and the 2026-27 calendar. The same seed and size give the same bytes; files are streamed area by area, so a
/// million students need no more memory than one attendance area.
/// </summary>
public static class GenerateDemoDistrictHandler
{
    public const int DefaultStudents = 30_000;
    public const int DefaultSeed = 2026;
    public const int MaxStudents = 2_000_000;

    private static readonly string[] AbsentFiles =
    [
        "categories", "classResources", "courseResources", "lineItems", "resources", "results", "userProfiles", "scoreScales",
        "lineItemLearningObjectiveIds", "lineItemScoreScales", "resultLearningObjectiveIds", "resultScoreScales",
    ];

    private static readonly (string Title, string Department)[] DistrictAdministrators =
    [
        ("Superintendent", "Superintendent's Office"),
        ("Deputy Superintendent", "Superintendent's Office"),
        ("Assistant Superintendent, Educational Services", "Educational Services"),
        ("Assistant Superintendent, Human Resources", "Human Resources"),
        ("Chief Business Official", "Business Services"),
        ("Chief Data Officer", "Educational Services"),
    ];

    public static Result<DemoDistrictSummary> Handle(GenerateDemoDistrictCommand command, CancellationToken cancellationToken = default)
    {
        var errors = Validate(command);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var directory = Path.GetFullPath(command.OutputDirectory);
        System.IO.Directory.CreateDirectory(directory);
        var random = new Random(command.Seed);
        var plan = DistrictPlan.Create(command.Students, random);
        var coverage = TechnologyDepartment.Coverage(plan);
        var files = new List<DemoFileCount>();
        var guardians = 0;
        int staffUsers;
        using (var package = new DemoPackage(directory))
        {
            var parts = new UsernameParts();
            var staff = new StaffRegistry(package, random, parts);
            ReserveDemoAccountNames(staff, plan, coverage);
            WriteSessionsOrgsAndCourses(package, plan);
            var technicians = HireTechnologyDepartment(staff, coverage);
            foreach (var share in coverage)
            {
                package.Coverage.Row(technicians[share.Technician], share.SiteSourcedId, share.Share.ToString("0.00", CultureInfo.InvariantCulture));
            }

            foreach (var (title, department) in DistrictAdministrators)
            {
                staff.AddUser(DistrictPlan.DistrictOfficeId, "districtAdministrator", title, department);
            }

            var nextStudent = 1;
            var nextGuardian = 1;
            for (var area = 0; area < DistrictPlan.AreaCount; area++)
            {
                var writer = new AttendanceAreaWriter(package, staff, random, parts, plan.SchoolsInArea(area).ToList());
                writer.Write(nextStudent, nextGuardian, cancellationToken);
                nextStudent += writer.Students;
                nextGuardian += writer.Guardians;
            }

            guardians = nextGuardian - 1;
            staffUsers = staff.Users;
            files.Add(new("manifest.csv", WriteManifest(directory)));
            files.AddRange(((IEnumerable<CsvTable>)[.. package.OneRosterTables, package.Staff, package.Coverage]).Select(t => new DemoFileCount(t.RelativePath, t.Rows)));
        }

        DemoCalendar.Write(directory);
        files.Add(new(DemoCalendar.RelativePath, DemoCalendar.EventCount));
        var summary = new DemoDistrictSummary(directory, command.Students, guardians, staffUsers, files);
        WriteReadme(directory, command, summary);
        return summary;
    }

    private static ErrorList Validate(GenerateDemoDistrictCommand command)
    {
        var errors = new ErrorList();
        errors.Range("students", command.Students, 1, MaxStudents,
            string.Create(CultureInfo.InvariantCulture, $"Give between 1 and {MaxStudents:N0} students; {command.Students:N0} is out of range."));
        if (errors.Required("out", command.OutputDirectory, "Give the folder to write the demo district into.") is not { } folder)
        {
            return errors;
        }

        var directory = Path.GetFullPath(folder);
        if (File.Exists(directory))
        {
            errors.Add("out", $"'{directory}' is a file; give a folder to write the demo district into.");
        }
        else if (System.IO.Directory.Exists(directory) && System.IO.Directory.EnumerateFileSystemEntries(directory).Any() && !command.Force)
        {
            errors.Add("out", $"The folder '{directory}' is not empty. Give a new or empty folder, or pass --force to write the demo files into it anyway.");
        }

        return errors;
    }

    private static void WriteSessionsOrgsAndCourses(DemoPackage package, DistrictPlan plan)
    {
        foreach (var session in DemoSchoolYear.Sessions)
        {
            package.AcademicSessions.Row(session.SourcedId, null, null, session.Title, session.Type,
                DemoSchoolYear.Format(session.Start), DemoSchoolYear.Format(session.End), session.ParentSourcedId, DemoSchoolYear.OneRosterSchoolYear);
        }

        foreach (var org in plan.Orgs())
        {
            package.Orgs.Row(org.SourcedId, null, null, org.Name, org.Type, org.Identifier, org.ParentSourcedId, org.SiteType);
        }

        foreach (var course in CourseCatalog.All)
        {
            package.Courses.Row(course.SourcedId, null, null, DemoSchoolYear.Year.SourcedId, course.Title, course.Code,
                string.Join(',', course.Grades.Select(DemoSchoolYear.GradeCode)), DistrictPlan.DistrictId, course.Subject, null);
        }
    }

    /// <summary>
    /// Each demo sign-in is a person of the same name: the technology department's accounts hold their position at the
    /// technology center, the site technician is the one desktop technician of an elementary school, and the teacher teaches there.
    /// </summary>
    private static void ReserveDemoAccountNames(StaffRegistry staff, DistrictPlan plan, IReadOnlyList<CoverageShare> coverage)
    {
        var home = plan.Schools.First(s => s.Level == SchoolLevel.Elementary && coverage.Count(c => c.SiteSourcedId == s.SourcedId) == 1);
        var technician = coverage.Single(c => c.SiteSourcedId == home.SourcedId).Technician;
        foreach (var account in DemoAccounts.All.Where(a => a.Position is not null))
        {
            var sites = account.Position switch
            {
                DemoAccounts.TeacherPosition => home.SourcedId,
                DemoAccounts.DesktopTechnicianPosition => TechnicianSites(coverage, technician),
                _ => DistrictPlan.TechCenterId,
            };
            staff.Reserve(account.Position!, sites, account.GivenName, account.FamilyName);
        }
    }

    private static string TechnicianSites(IReadOnlyList<CoverageShare> coverage, int technician) =>
        string.Join(',', coverage.Where(c => c.Technician == technician).Select(c => c.SiteSourcedId));

    /// <summary>Writes the department's HR rows and returns the desktop technicians' employee ids, technician 0 first.</summary>
    private static List<string> HireTechnologyDepartment(StaffRegistry staff, IReadOnlyList<CoverageShare> coverage)
    {
        var technicians = new List<string>();
        foreach (var (title, count) in TechnologyDepartment.Positions)
        {
            for (var i = 0; i < count; i++)
            {
                if (title == TechnologyDepartment.DesktopTechnician)
                {
                    var sites = TechnicianSites(coverage, technicians.Count);
                    var recentHire = technicians.Count >= TechnologyDepartment.DesktopTechnicians - TechnologyDepartment.RecentlyHiredDesktopTechnicians;
                    technicians.Add(staff.AddHrOnly(title, TechnologyDepartment.Department, sites, "active",
                        recentHire ? TechnologyDepartment.RecentHireStart : null).EmployeeId);
                }
                else if (title == TechnologyDepartment.VacantTypistClerk)
                {
                    staff.AddHrOnly(title, TechnologyDepartment.Department, DistrictPlan.TechCenterId, "terminated",
                        new DateOnly(2018, 9, 4), TechnologyDepartment.TypistClerkLeft);
                }
                else
                {
                    staff.AddHrOnly(title, TechnologyDepartment.Department, DistrictPlan.TechCenterId, "active");
                }
            }
        }

        return technicians;
    }

    private static long WriteManifest(string directory)
    {
        using var manifest = new CsvTable(directory, "manifest.csv", ["propertyName", "value"]);
        manifest.Row("manifest.version", "1.0");
        manifest.Row("oneroster.version", "1.2");
        foreach (var file in (string[])["academicSessions", "orgs", "courses", "classes", "users", "roles", "enrollments", "demographics"])
        {
            manifest.Row("file." + file, "bulk");
        }

        foreach (var file in AbsentFiles)
        {
            manifest.Row("file." + file, "absent");
        }

        manifest.Row("source.systemName", "PowerSchool");
        manifest.Row("source.systemCode", "bayview-demo");
        return manifest.Rows;
    }

    private static void WriteReadme(string directory, GenerateDemoDistrictCommand command, DemoDistrictSummary summary)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            {DistrictPlan.DistrictName}: demo data

            Generated demo data. Every person in these files is fictional: names are drawn at random from
            lists, and any likeness to a real person is chance. The district, its schools and ids are invented too.

            Made by: districtops demo generate --students {command.Students} --seed {command.Seed}
            (the same seed and number of students always give the same files).

            - manifest.csv and the other CSV files here: a OneRoster 1.2 bulk package for school year 2026-27.
            - hr/staff.csv: staff in DistrictOps' HR format; hr/coverage.csv: desktop technicians' site coverage.
            - {DemoCalendar.RelativePath}: instructional year, days without school and minimum days (iCalendar).

            Students {summary.Students:N0}, guardians {summary.Guardians:N0}, staff in the roster {summary.StaffUsers:N0}.

            Rows per file (without the header; events for the calendar):

            """);
        foreach (var file in summary.Files)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {file.RelativePath,-34}{file.Rows,12:N0}\n");
        }

        File.WriteAllText(Path.Combine(directory, "README.txt"), text.ToString().ReplaceLineEndings("\n"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
