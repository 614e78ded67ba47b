using System.Diagnostics;
using System.Globalization;
using System.Text;
using DistrictOps.Cli;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Modules.Rostering.Packages;
using DistrictOps.Web.Platform.Data;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// A bulk OneRoster 1.2 export of a synthetic district: <c>users</c> people (schools of 2,000 students and 80 teachers, each
/// person in 10 classes, so about 10 enrollments a user, students with demographics), imported once through the CLI, then
/// the package written by the rostering exporter (every role and field) and checked by the import's rules, each timed.
/// </summary>
internal static class RosterExportBench
{
    private const int StudentsPerSchool = 2000;
    private const int TeachersPerSchool = 80;
    private const int Periods = 10;

    public static async Task RunAsync(int users, string provider, Dictionary<string, string?> settings, string work, string[] args)
    {
        Console.WriteLine($"DistrictOps roster export benchmark: {users:N0} users on {provider}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var marker = Path.Combine(work, "roster-loaded");
        if (!File.Exists(marker))
        {
            var package = Path.Combine(work, "roster");
            await TimedAsync("generate", () => { Generate(package, users); return Task.FromResult(""); });
            await CliAsync(settings, "db", "migrate");
            await TimedAsync("import (apply, empty database)", () => CliAsync(settings, "import", "oneroster", package, "--apply"));
            File.WriteAllText(marker, "");
        }

        settings["Jobs:Enabled"] = "false";
        settings["Demo:Seed"] = "false";
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DISTRICTOPS_WEB", Path.Combine(DistrictOpsHome.Resolve(), "src", "DistrictOps.Web"));
        await using var app = new HelpdeskBench.BenchApp(settings);
        await using var scope = app.Services.CreateAsyncScope();
        var agreement = new SharingAgreement
        {
            Id = Guid.NewGuid(), AppId = Guid.NewGuid(), Roles = SharedRoles.Students | SharedRoles.Teachers | SharedRoles.Administrators | SharedRoles.Guardians,
            Fields = (SharedFields)1023, Format = ExportFormat.OneRoster12, Mode = ExportMode.Bulk, Enabled = true,
        };
        var zip = Path.Combine(work, $"export-{Guid.NewGuid():N}.zip");
        var people = zip + ".people";
        var exported = await TimedAsync("export, bulk OneRoster 1.2", async () =>
        {
            var clock = Stopwatch.StartNew();
            var steps = args.Contains("--phases") ? new Progress<(string Subject, int Percent)>(p => Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:0.0} s  {p.Subject}")) : null;
            var package = await scope.ServiceProvider.GetRequiredService<RosterExporter>().WriteAsync(ExportRequest.Of(agreement, null), zip, people, steps, CancellationToken.None);
            return $"{new FileInfo(zip).Length / (1024.0 * 1024):N1} MiB; " + string.Join(", ", package.Files.Select(f => $"{f.File} {f.Rows:N0}"));
        });
        await TimedAsync("check by the import's rules", async () =>
        {
            var check = await scope.ServiceProvider.GetRequiredService<IRosterPackageCheck>().CheckAsync(zip);
            return check.Passed ? "passed" : $"{check.ErrorCount:N0} error(s): {string.Join(" | ", check.FirstErrors)}";
        });
        File.Delete(zip);
        File.Delete(people);
    }

    private static async Task<string> CliAsync(Dictionary<string, string?> settings, params string[] args)
    {
        var output = new StringWriter();
        var code = await CliApp.RunAsync(args, output, Console.Error, settings);
        return code == 0 ? "" : throw new InvalidOperationException($"districtops {string.Join(' ', args)} exited {code}: {output}");
    }

    private static async Task<string> TimedAsync(string step, Func<Task<string>> work)
    {
        using var before = Process.GetCurrentProcess();
        var cpu = before.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var what = await work();
        var wall = Stopwatch.GetElapsedTime(started);
        using var after = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {step} | {wall.TotalSeconds:0.0} s | {(after.TotalProcessorTime - cpu).TotalSeconds:0.0} s | {after.PeakWorkingSet64 >> 20:N0} MiB | {File.ReadAllText("/proc/loadavg").Trim()} | {what} |"));
        return what;
    }

    /// <summary>Writes the synthetic district as a OneRoster 1.2 bulk package folder.</summary>
    private static void Generate(string folder, int users)
    {
        Directory.CreateDirectory(folder);
        var schools = Math.Max(1, (users + StudentsPerSchool + TeachersPerSchool - 1) / (StudentsPerSchool + TeachersPerSchool));
        var sections = TeachersPerSchool;
        using var orgs = Csv(folder, "orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId");
        using var sessions = Csv(folder, "academicSessions.csv", "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear");
        using var courses = Csv(folder, "courses.csv", "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes");
        using var classes = Csv(folder, "classes.csv", "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods");
        using var people = Csv(folder, "users.csv", "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns");
        using var roles = Csv(folder, "roles.csv", "sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId,userProfileSourcedId,beginDate,endDate");
        using var demographics = Csv(folder, "demographics.csv", "sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus");
        using var enrollments = Csv(folder, "enrollments.csv", "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate");
        orgs.WriteLine(",,,Synthetic Unified,district,0000000,".Insert(0, "d"));
        sessions.WriteLine("sy,,,2026-27,schoolYear,2026-08-12,2027-06-03,,2027");
        var made = 0;
        for (var s = 0; s < schools && made < users; s++)
        {
            var org = $"sch{s:D5}";
            orgs.WriteLine($"{org},,,School {s},school,{6000000 + s},d");
            for (var p = 0; p < Periods; p++)
            {
                courses.WriteLine($"{org}-c{p},,,sy,Course {p},C{p},09,{org},Subject {p},");
                for (var x = 0; x < sections; x++)
                {
                    classes.WriteLine($"{org}-c{p}-{x:D2},,,Course {p} section {x},09,{org}-c{p},C{p}-{x},scheduled,Room {x},{org},sy,Subject {p},,{p + 1}");
                }
            }

            for (var i = 0; i < StudentsPerSchool + TeachersPerSchool && made < users; i++, made++)
            {
                var teacher = i >= StudentsPerSchool;
                var id = $"{org}-{(teacher ? "t" : "s")}{i:D4}";
                people.WriteLine($"{id},,,true,{id},,Given{i},Family{s},,{id.ToUpperInvariant()},{id}@synthetic.example,,,,{(teacher ? "" : "09")},,,,,,,{org},");
                roles.WriteLine($"r-{id},,,{id},primary,{(teacher ? "teacher" : "student")},{org},,,");
                if (!teacher)
                {
                    demographics.WriteLine($"{id},,,2011-0{1 + (i % 9)}-1{i % 10},{(i % 2 == 0 ? "female" : "male")},,,,,,,,,,,");
                }

                for (var p = 0; p < Periods; p++)
                {
                    var section = teacher ? i - StudentsPerSchool : i % sections;
                    enrollments.WriteLine($"e-{id}-{p},,,{org}-c{p}-{section:D2},{org},{id},{(teacher ? "teacher" : "student")},{(teacher ? "true" : "false")},,");
                }
            }
        }

        File.WriteAllText(Path.Combine(folder, "manifest.csv"),
            "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.orgs,bulk\nfile.academicSessions,bulk\nfile.courses,bulk\nfile.classes,bulk\n" +
            "file.roles,bulk\nfile.users,bulk\nfile.demographics,bulk\nfile.enrollments,bulk\n");
    }

    private static StreamWriter Csv(string folder, string file, string header)
    {
        var writer = new StreamWriter(Path.Combine(folder, file), false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine(header);
        return writer;
    }
}
