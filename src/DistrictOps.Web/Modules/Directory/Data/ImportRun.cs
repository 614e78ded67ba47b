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

/// <summary>How an attempt ended; an attempt still in its background job is <see cref="Running"/>.</summary>
public enum AttemptOutcome
{
    Running,
    Planned,
    Unchanged,
    RefusedByGuard,
    Invalid,
    Applied,
    Failed,
}

/// <summary>
/// One plan or apply of an import sent through the page or the API, whatever came of it: kept with its plan and findings
/// (never the file's content) so the runs page lists refusals too and the conformance report can be downloaded later.
/// </summary>
public sealed class ImportAttempt
{
    public Guid Id { get; set; }

    public ImportKind Kind { get; set; }

    /// <summary>The file name, never its content.</summary>
    public required string Source { get; set; }

    /// <summary>False for a plan, true for an apply.</summary>
    public bool Apply { get; set; }

    public required string RequestedBy { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public AttemptOutcome Outcome { get; set; }

    public int ErrorCount { get; set; }

    public int WarningCount { get; set; }

    /// <summary>The stored upload it reads, while it is kept for the apply.</summary>
    public Guid? UploadId { get; set; }

    public Guid? JobId { get; set; }

    /// <summary>The import run it applied.</summary>
    public Guid? RunId { get; set; }

    /// <summary>The plan with its findings as JSON (<c>ImportReport</c>), once planned.</summary>
    public string? ReportJson { get; set; }
}
