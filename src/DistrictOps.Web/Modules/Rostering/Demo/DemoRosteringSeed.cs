using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Rostering.Demo;

/// <summary>
/// The five apps the staffing review names, each with the agreement a district would write for it: the assessment platform
/// gets demographics, the library system names and grades only, the reading program only English classes.
/// </summary>
internal sealed class DemoRosteringSeed(AppDbContext db, ISiteDirectory sites, TimeProvider clock, DistrictTime districtTime, IOptions<DemoOptions> options) : IDemoSeed
{
    private const string Seeder = "Demo data";

    public int Order => 35;

    public string Title => "Instructional apps and what each may receive";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Students <= 0 || await db.Set<RosterApp>().AnyAsync(cancellationToken))
        {
            return;
        }

        var all = await sites.ListAsync(cancellationToken);
        string SitesOf(params string[] types) => string.Join(',', all.Where(s => types.Contains(s.Type)).Select(s => s.Id).Order());
        var today = districtTime.Today;
        var now = clock.GetUtcNow();
        const SharedRoles classroom = SharedRoles.Students | SharedRoles.Teachers;
        Add(now, App("Illuminate Education", "Illuminate Education, Inc.", "Dana Whitfield", "dwhitfield@illuminate.example", "CA-NDPA 2025-0311", new(2025, 7, 1), new(2028, 6, 30), AppStatus.Active),
            new SharingAgreement
            {
                Roles = classroom | SharedRoles.Administrators, Fields = SharedFields.Username | SharedFields.Email | SharedFields.Identifier | SharedFields.Grades |
                    SharedFields.BirthDate | SharedFields.Sex | SharedFields.RaceAndEthnicity,
                Format = ExportFormat.OneRoster12, Mode = ExportMode.Delta, Method = DeliveryMethod.Api, Enabled = true,
            });
        Add(now, App("Destiny", "Follett School Solutions", "Marcus Bell", "mbell@follett.example", "CA-NDPA 2024-0877", new(2024, 1, 20), today.AddDays(40), AppStatus.Active),
            new SharingAgreement
            {
                Roles = classroom, Fields = SharedFields.Username | SharedFields.Identifier | SharedFields.Grades,
                Format = ExportFormat.OneRoster11, Mode = ExportMode.Bulk, Method = DeliveryMethod.Download, Enabled = true,
            });
        Add(now, App("Renaissance", "Renaissance Learning, Inc.", "Priya Raman", "praman@renaissance.example", "CA-NDPA 2025-0450", new(2025, 8, 4), new(2028, 8, 3), AppStatus.Active),
            new SharingAgreement
            {
                SiteIds = SitesOf("Elementary", "Middle"), Roles = classroom, Fields = SharedFields.Username | SharedFields.Grades,
                Format = ExportFormat.OneRoster12, Mode = ExportMode.Bulk, Method = DeliveryMethod.Api, Enabled = true,
            });
        Add(now, App("OneLogin", "One Identity LLC", "Support desk", "k12-support@onelogin.example", "CA-NDPA 2025-0102", new(2025, 3, 10), new(2028, 3, 9), AppStatus.Active),
            new SharingAgreement
            {
                Roles = classroom | SharedRoles.Administrators, Fields = SharedFields.Username | SharedFields.Email,
                Format = ExportFormat.OneRoster12, Mode = ExportMode.Bulk, Method = DeliveryMethod.Download, Enabled = true,
            });
        Add(now, App("Read 180", "Houghton Mifflin Harcourt", "Lena Ortiz", "lortiz@hmh.example", null, null, null, AppStatus.Pending),
            new SharingAgreement
            {
                SiteIds = SitesOf("Middle", "High"), Roles = classroom, Classes = ClassScope.Subjects, ClassValues = "English Language Arts",
                Fields = SharedFields.Username | SharedFields.Grades, Format = ExportFormat.OneRoster11, Mode = ExportMode.Delta, Method = DeliveryMethod.Sftp,
                Schedule = "0 30 1 ? * MON-FRI", SftpHost = "sftp.hmh.example", SftpUsername = "bayview-usd", SftpFolder = "/incoming",
            });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static RosterApp App(string name, string vendor, string contact, string email, string? agreement, DateOnly? signed, DateOnly? ends, AppStatus status) => new()
    {
        Name = name, Vendor = vendor, ContactName = contact, ContactEmail = email, PrivacyAgreement = agreement, AgreementSignedOn = signed,
        AgreementExpiresOn = ends, Status = status,
        Notes = status == AppStatus.Pending ? "Waiting for the vendor's signed data-privacy agreement; the SFTP account is set up, its password not yet received." : null,
    };

    private void Add(DateTimeOffset now, RosterApp app, SharingAgreement agreement)
    {
        app.Id = Guid.CreateVersion7(now);
        (app.CreatedAt, app.UpdatedAt) = (now, now);
        agreement.Id = Guid.CreateVersion7(now);
        agreement.AppId = app.Id;
        (agreement.UpdatedAt, agreement.UpdatedBy) = (now, Seeder);
        if (agreement.Enabled)
        {
            (agreement.PreviewedRevision, agreement.PreviewedAt) = (agreement.Revision, now);
        }

        db.Add(app);
        db.Add(agreement);
    }
}
