namespace DistrictOps.Web.Modules.Directory.Data;

/// <summary>
/// The one row that counts writes to the tables a OneRoster import compares with (sites, sessions, courses, classes,
/// people, their sites, guardian links, demographics, enrollments). Database triggers add to <see cref="Value"/> on every
/// write, whoever makes it (ADR 0025), so an unchanged value means those tables are as they were.
/// </summary>
public sealed class DirectoryDataVersion
{
    public const int TheRow = 1;

    public int Id { get; set; }

    public long Value { get; set; }
}

/// <summary>
/// A package that was compared row by row and found to change nothing: the hash of its files (and of what else decides the
/// outcome), the <see cref="DirectoryDataVersion"/> it was compared with, and the plan it gave. The same files against the
/// same version give the same plan, so it is answered from here without reading a row (ADR 0025).
/// </summary>
public sealed class ImportFingerprint
{
    public const int SourceMaxLength = 16;

    public const int HashLength = 32;

    /// <summary>The kind of import, e.g. "oneroster"; one fingerprint per kind.</summary>
    public required string Source { get; set; }

    /// <summary>XxHash128 of the package's files and the options that decide a plan, as hex.</summary>
    public required string Hash { get; set; }

    public long DataVersion { get; set; }

    /// <summary>The plan's entities and warnings as JSON (<c>RecalledPlan</c>), never row content beyond what the plan shows.</summary>
    public required string PlanJson { get; set; }

    public DateTimeOffset ComparedAt { get; set; }
}
