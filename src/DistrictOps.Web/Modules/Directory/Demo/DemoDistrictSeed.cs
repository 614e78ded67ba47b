using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Modules.Directory.ManageCalendar;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Directory.Demo;

/// <summary>In demo mode, an empty directory gets Bayview Unified: generated, then imported the way a district's SIS export would be.</summary>
internal sealed class DemoDistrictSeed(
    AppDbContext db, OneRosterImporter importer, StaffImporter staff, CalendarImporter calendar, IUserDirectory users, IOptions<DemoOptions> options, ILogger<DemoDistrictSeed> logger) : IDemoSeed
{
    public int Order => 10;

    public string Title => "Generating and importing Bayview Unified (schools, students, classes, staff, calendar)";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var students = options.Value.Students;
        if (students <= 0 || await db.Set<Site>().AnyAsync(cancellationToken))
        {
            return;
        }

        var folder = System.IO.Directory.CreateTempSubdirectory("districtops-demo-").FullName;
        try
        {
            logger.LogInformation("Generating and importing the demo district ({Students} students); this takes a little while once.", students);
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            var generated = GenerateDemoDistrictHandler.Handle(new GenerateDemoDistrictCommand(folder, students, Force: true), cancellationToken);
            if (!generated.Succeeded)
            {
                throw new InvalidOperationException("The demo district could not be generated: " + generated.Failure.Message);
            }

            var generating = stopwatch.ElapsedMilliseconds;
            var errors = new ImportErrorLog();
            using var package = OneRosterPackage.Open(folder, errors);
            var outcome = await importer.ApplyAsync(package, errors, new ImportOptions(RunBy: "demo seed"), cancellationToken);
            if (outcome.RunId is null)
            {
                throw new InvalidOperationException("The demo district did not import: " + string.Join("; ", outcome.Plan.Errors.Select(e => e.ToString()).Concat(outcome.Plan.Refusals)));
            }

            await LinkParentAsync(cancellationToken);
            var rostering = stopwatch.ElapsedMilliseconds;
            var hrErrors = new ImportErrorLog();
            var hr = await staff.RunAsync(Path.Combine(folder, "hr"), hrErrors, new ImportOptions(RunBy: "demo seed"), apply: true, cancellationToken);
            if (hr.RunId is null)
            {
                throw new InvalidOperationException("The demo HR files did not import: " + string.Join("; ", hr.Plan.Errors.Select(e => e.ToString()).Concat(hr.Plan.Refusals)));
            }

            var staffing = stopwatch.ElapsedMilliseconds;
            var ics = System.IO.Directory.EnumerateFiles(Path.Combine(folder, "calendar"), "*.ics").Single();
            await using var stream = File.OpenRead(ics);
            var year = await calendar.RunAsync(ics, stream, apply: true, "demo seed", cancellationToken);
            if (!year.File.Succeeded)
            {
                throw new InvalidOperationException("The demo calendar did not import: " + string.Join("; ", year.File.Errors));
            }

            logger.LogInformation(
                "Demo district in {Milliseconds} ms: generating {Generating} ms, OneRoster import {Rostering} ms, HR import {Staffing} ms, calendar {Calendar} ms.",
                stopwatch.ElapsedMilliseconds, generating, rostering - generating, staffing - rostering, stopwatch.ElapsedMilliseconds - staffing);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The demo parent's sign-in is the guardian the generator gave its name (AttendanceAreaWriter.NewHousehold).</summary>
    private async Task LinkParentAsync(CancellationToken cancellationToken)
    {
        var guardian = await db.Set<Person>().Where(p => p.SourcedId == DemoAccounts.ParentGuardianSourcedId).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        var account = (await users.InRoleAsync(Roles.Parent, cancellationToken)).FirstOrDefault(u => u.Email == DemoAccounts.Parent.Email);
        if (guardian is { } personId && account is not null)
        {
            await users.LinkPersonAsync(account.Id, personId, cancellationToken);
        }
    }
}
