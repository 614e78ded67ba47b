namespace DistrictOps.Web.Modules.Directory.Data;

public enum ImportKind
{
    OneRoster,
    HrStaff,
    Calendar,
}

public enum ChangeKind
{
    Joined,
    Changed,
    Left,
}

/// <summary>One applied import: who ran it, when, from what, and what it changed.</summary>
public sealed class ImportRun
{
    public Guid Id { get; set; }

    public ImportKind Kind { get; set; }

    /// <summary>The file or folder name, never its content.</summary>
    public required string Source { get; set; }

    /// <summary>e.g. "OneRoster 1.2: users bulk, enrollments delta".</summary>
    public required string Description { get; set; }

    public required string RunBy { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset CompletedAt { get; set; }

    /// <summary>Counts per entity and change kind, as JSON: {"Person":{"Joined":3,…},…}.</summary>
    public required string CountsJson { get; set; }
}

/// <summary>A row of a run's change set: an entity that joined, changed (which fields) or left.</summary>
public sealed class ImportChange
{
    public const int EntityMaxLength = 32;

    public long Id { get; set; }

    public Guid RunId { get; set; }

    /// <summary>Site, Person, AcademicSession, Course, ClassSection, Enrollment.</summary>
    public required string Entity { get; set; }

    public Guid EntityId { get; set; }

    public required string SourcedId { get; set; }

    public ChangeKind Kind { get; set; }

    /// <summary>For Changed: the names of the fields that changed, comma-separated.</summary>
    public string? Fields { get; set; }
}
