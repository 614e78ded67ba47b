using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DistrictOps.Web.Modules.Directory.Data;

internal static class ImportedConfiguration
{
    public const int SourcedIdLength = 255;

    public static void ConfigureImported<T>(this EntityTypeBuilder<T> builder, string table) where T : class, IImported
    {
        builder.ToTable(table);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.SourcedId).HasMaxLength(SourcedIdLength);
        builder.HasIndex(e => e.SourcedId).IsUnique();
        builder.HasIndex(e => e.ModifiedAt);
    }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.ConfigureImported("directory_sites");
        builder.Property(s => s.Name).HasMaxLength(Site.NameMaxLength);
        builder.Property(s => s.Identifier).HasMaxLength(64);
        builder.Property(s => s.OrgType).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.DeclaredType).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.ParentSourcedId).HasMaxLength(ImportedConfiguration.SourcedIdLength);
        builder.Property(s => s.Grades).HasMaxLength(64);
        builder.HasIndex(s => s.Name);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ConfigureImported("directory_people");
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.SourceRole).HasMaxLength(32);
        foreach (var name in new[] { nameof(Person.GivenName), nameof(Person.FamilyName), nameof(Person.MiddleName), nameof(Person.PreferredGivenName), nameof(Person.PreferredFamilyName), nameof(Person.Username), nameof(Person.Email), nameof(Person.PositionTitle), nameof(Person.Department) })
        {
            builder.Property(name).HasMaxLength(Person.NameMaxLength);
        }

        builder.Property(p => p.Identifier).HasMaxLength(64);
        builder.Property(p => p.Phone).HasMaxLength(32);
        builder.Property(p => p.Grades).HasMaxLength(64);
        builder.Property(p => p.EmployeeId).HasMaxLength(64);
        builder.Property(p => p.HrStatus).HasMaxLength(16);
        builder.Ignore(p => p.DisplayName);
        builder.Property(p => p.SortName).HasMaxLength(Person.SortNameMaxLength);
        builder.HasIndex(p => p.SortName);
        builder.HasIndex(p => new { p.Kind, p.FamilyName });
        builder.HasIndex(p => p.PrimarySiteId);
        builder.HasIndex(p => p.Identifier);
        builder.HasIndex(p => p.EmployeeId).IsUnique();
    }
}

internal sealed class PersonSiteConfiguration : IEntityTypeConfiguration<PersonSite>
{
    public void Configure(EntityTypeBuilder<PersonSite> builder)
    {
        builder.ToTable("directory_person_sites");
        builder.HasKey(s => new { s.PersonId, s.SiteId, s.Role });
        builder.Property(s => s.Role).HasMaxLength(32);
        builder.HasIndex(s => s.SiteId);
    }
}

internal sealed class GuardianLinkConfiguration : IEntityTypeConfiguration<GuardianLink>
{
    public void Configure(EntityTypeBuilder<GuardianLink> builder)
    {
        builder.ToTable("directory_guardian_links");
        builder.HasKey(g => new { g.GuardianId, g.StudentId });
        builder.HasIndex(g => g.StudentId);
    }
}

internal sealed class DemographicsConfiguration : IEntityTypeConfiguration<Demographics>
{
    public void Configure(EntityTypeBuilder<Demographics> builder)
    {
        builder.ToTable("directory_demographics");
        builder.HasKey(d => d.PersonId);
        builder.Property(d => d.Sex).HasMaxLength(16);
        builder.Property(d => d.CountryOfBirthCode).HasMaxLength(8);
        builder.Property(d => d.StateOfBirthAbbreviation).HasMaxLength(8);
        builder.Property(d => d.CityOfBirth).HasMaxLength(128);
        builder.Property(d => d.PublicSchoolResidenceStatus).HasMaxLength(64);
    }
}

internal sealed class AcademicSessionConfiguration : IEntityTypeConfiguration<AcademicSession>
{
    public void Configure(EntityTypeBuilder<AcademicSession> builder)
    {
        builder.ConfigureImported("directory_academic_sessions");
        builder.Property(s => s.Title).HasMaxLength(255);
        builder.Property(s => s.Type).HasMaxLength(16);
        builder.Property(s => s.SchoolYear).HasMaxLength(8);
        builder.Property(s => s.ParentSourcedId).HasMaxLength(ImportedConfiguration.SourcedIdLength);
    }
}

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.ConfigureImported("directory_courses");
        builder.Property(c => c.Title).HasMaxLength(255);
        builder.Property(c => c.CourseCode).HasMaxLength(64);
        builder.Property(c => c.Grades).HasMaxLength(64);
        builder.Property(c => c.Subjects).HasMaxLength(255);
        builder.Property(c => c.SchoolYearSourcedId).HasMaxLength(ImportedConfiguration.SourcedIdLength);
        builder.HasIndex(c => c.SiteId);
    }
}

internal sealed class ClassSectionConfiguration : IEntityTypeConfiguration<ClassSection>
{
    public void Configure(EntityTypeBuilder<ClassSection> builder)
    {
        builder.ConfigureImported("directory_classes");
        builder.Property(c => c.Title).HasMaxLength(255);
        builder.Property(c => c.ClassCode).HasMaxLength(64);
        builder.Property(c => c.ClassType).HasMaxLength(16);
        builder.Property(c => c.Location).HasMaxLength(128);
        builder.Property(c => c.Grades).HasMaxLength(64);
        builder.Property(c => c.Subjects).HasMaxLength(255);
        builder.Property(c => c.Periods).HasMaxLength(64);
        builder.Property(c => c.TermSourcedIds).HasMaxLength(1024);
        builder.HasIndex(c => c.SiteId);
        builder.HasIndex(c => c.CourseId);
    }
}

internal sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> builder)
    {
        builder.ConfigureImported("directory_enrollments");
        builder.Property(e => e.Role).HasMaxLength(16);
        builder.HasIndex(e => e.ClassId);
        builder.HasIndex(e => e.PersonId);
    }
}

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.ToTable("directory_import_runs");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Source).HasMaxLength(255);
        builder.Property(r => r.Description).HasMaxLength(1024);
        builder.Property(r => r.RunBy).HasMaxLength(255);
        builder.HasIndex(r => r.StartedAt);
    }
}

internal sealed class ImportAttemptConfiguration : IEntityTypeConfiguration<ImportAttempt>
{
    public void Configure(EntityTypeBuilder<ImportAttempt> builder)
    {
        builder.ToTable("directory_import_attempts");
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Source).HasMaxLength(255);
        builder.Property(a => a.RequestedBy).HasMaxLength(255);
        builder.HasIndex(a => a.StartedAt);
        builder.HasIndex(a => a.RunId);
    }
}

internal sealed class DirectoryDataVersionConfiguration : IEntityTypeConfiguration<DirectoryDataVersion>
{
    public void Configure(EntityTypeBuilder<DirectoryDataVersion> builder)
    {
        builder.ToTable("directory_data_version");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new DirectoryDataVersion { Id = DirectoryDataVersion.TheRow, Value = 0 });
    }
}

internal sealed class ImportFingerprintConfiguration : IEntityTypeConfiguration<ImportFingerprint>
{
    public void Configure(EntityTypeBuilder<ImportFingerprint> builder)
    {
        builder.ToTable("directory_import_fingerprints");
        builder.HasKey(f => f.Source);
        builder.Property(f => f.Source).HasMaxLength(ImportFingerprint.SourceMaxLength);
        builder.Property(f => f.Hash).HasMaxLength(ImportFingerprint.HashLength);
    }
}

internal sealed class ImportChangeConfiguration : IEntityTypeConfiguration<ImportChange>
{
    public void Configure(EntityTypeBuilder<ImportChange> builder)
    {
        builder.ToTable("directory_import_changes");
        builder.Property(c => c.Entity).HasMaxLength(ImportChange.EntityMaxLength);
        builder.Property(c => c.SourcedId).HasMaxLength(ImportedConfiguration.SourcedIdLength);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.Fields).HasMaxLength(1024);
        builder.HasIndex(c => new { c.RunId, c.Entity, c.Kind });
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> builder)
    {
        builder.ToTable("directory_access_log");
        builder.Property(a => a.Via).HasMaxLength(16);
        builder.Property(a => a.Path).HasMaxLength(AccessLogEntry.PathMaxLength);
        builder.Property(a => a.Query).HasMaxLength(AccessLogEntry.QueryMaxLength);
        builder.HasIndex(a => new { a.PersonId, a.At });
        builder.HasIndex(a => new { a.UserId, a.At });
        builder.HasIndex(a => a.At);
    }
}

internal sealed class AccessLogListingConfiguration : IEntityTypeConfiguration<AccessLogListing>
{
    public void Configure(EntityTypeBuilder<AccessLogListing> builder)
    {
        builder.ToTable("directory_access_log_listings");
        builder.HasKey(l => new { l.EntryId, l.PersonId });
        builder.HasIndex(l => l.PersonId);
        builder.HasOne<AccessLogEntry>().WithMany(e => e.Listings).HasForeignKey(l => l.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportUploadConfiguration : IEntityTypeConfiguration<ImportUpload>
{
    public void Configure(EntityTypeBuilder<ImportUpload> builder)
    {
        builder.ToTable("directory_import_uploads");
        builder.Property(u => u.Name).HasMaxLength(255);
        builder.Property(u => u.UploadedBy).HasMaxLength(255);
    }
}

internal sealed class TechnicianCoverageConfiguration : IEntityTypeConfiguration<TechnicianCoverage>
{
    public void Configure(EntityTypeBuilder<TechnicianCoverage> builder)
    {
        builder.ToTable("directory_technician_coverage");
        builder.HasKey(c => new { c.PersonId, c.SiteId });
        builder.Property(c => c.Share).HasPrecision(4, 2);
        builder.HasIndex(c => c.SiteId);
    }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> builder)
    {
        builder.ToTable("directory_calendar_years");
        builder.Property(y => y.Name).HasMaxLength(128);
        builder.HasIndex(y => y.FirstDay).IsUnique();
    }
}

internal sealed class NoSchoolDayConfiguration : IEntityTypeConfiguration<NoSchoolDay>
{
    public void Configure(EntityTypeBuilder<NoSchoolDay> builder)
    {
        builder.ToTable("directory_no_school_days");
        builder.Property(d => d.Name).HasMaxLength(NoSchoolDay.NameMaxLength);
        builder.HasIndex(d => new { d.Date, d.SiteId });
    }
}

internal sealed class SpecialHoursConfiguration : IEntityTypeConfiguration<SpecialHours>
{
    public void Configure(EntityTypeBuilder<SpecialHours> builder)
    {
        builder.ToTable("directory_special_hours");
        builder.Property(d => d.Name).HasMaxLength(128);
        builder.HasIndex(d => new { d.Date, d.SiteId });
    }
}

internal sealed class SiteHoursConfiguration : IEntityTypeConfiguration<SiteHours>
{
    public void Configure(EntityTypeBuilder<SiteHours> builder)
    {
        builder.ToTable("directory_site_hours");
        builder.HasKey(h => h.SiteId);
        builder.Property(h => h.TimeZoneId).HasMaxLength(64);
    }
}
