namespace DistrictOps.Web.Modules.Directory.Data;

/// <summary>What every imported row has: a source id, a hash of its imported fields, and when it left.</summary>
public interface IImported
{
    Guid Id { get; set; }

    string SourcedId { get; set; }

    long ContentHash { get; set; }

    DateTimeOffset? LeftAt { get; set; }

    /// <summary>
    /// When an import last added, changed or removed the row (OneRoster's dateLastModified, what a delta export and the
    /// rostering API's <c>dateLastModified&gt;</c> filter read); null only for rows imported before it was kept.
    /// </summary>
    DateTimeOffset? ModifiedAt { get; set; }
}

public sealed class AcademicSession : IImported
{
    public Guid Id { get; set; }

    public required string SourcedId { get; set; }

    public required string Title { get; set; }

    /// <summary>schoolYear, semester, term or gradingPeriod.</summary>
    public required string Type { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public string? ParentSourcedId { get; set; }

    public required string SchoolYear { get; set; }

    public long ContentHash { get; set; }

    public DateTimeOffset? LeftAt { get; set; }

    public DateTimeOffset? ModifiedAt { get; set; }
}

public sealed class Course : IImported
{
    public Guid Id { get; set; }

    public required string SourcedId { get; set; }

    public required string Title { get; set; }

    public string? CourseCode { get; set; }

    public string? Grades { get; set; }

    public string? Subjects { get; set; }

    public string? SchoolYearSourcedId { get; set; }

    public Guid SiteId { get; set; }

    public long ContentHash { get; set; }

    public DateTimeOffset? LeftAt { get; set; }

    public DateTimeOffset? ModifiedAt { get; set; }
}

/// <summary>A OneRoster class: a section of a course at a site, in one or more terms.</summary>
public sealed class ClassSection : IImported
{
    public Guid Id { get; set; }

    public required string SourcedId { get; set; }

    public required string Title { get; set; }

    public string? ClassCode { get; set; }

    /// <summary>homeroom or scheduled.</summary>
    public required string ClassType { get; set; }

    public string? Location { get; set; }

    public string? Grades { get; set; }

    public string? Subjects { get; set; }

    public string? Periods { get; set; }

    public Guid CourseId { get; set; }

    public Guid SiteId { get; set; }

    public required string TermSourcedIds { get; set; }

    public long ContentHash { get; set; }

    public DateTimeOffset? LeftAt { get; set; }

    public DateTimeOffset? ModifiedAt { get; set; }
}

public sealed class Enrollment : IImported
{
    public Guid Id { get; set; }

    public required string SourcedId { get; set; }

    public Guid ClassId { get; set; }

    public Guid PersonId { get; set; }

    public Guid SiteId { get; set; }

    /// <summary>student, teacher, aide, administrator, proctor, guardian or parent.</summary>
    public required string Role { get; set; }

    public bool Primary { get; set; }

    public DateOnly? BeginDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public long ContentHash { get; set; }

    public DateTimeOffset? LeftAt { get; set; }

    public DateTimeOffset? ModifiedAt { get; set; }
}
