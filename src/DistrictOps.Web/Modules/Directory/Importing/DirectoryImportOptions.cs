using System.ComponentModel.DataAnnotations;

namespace DistrictOps.Web.Modules.Directory.Importing;

/// <summary>Settings of the OneRoster import (section <c>Directory:Import</c>).</summary>
public sealed class DirectoryImportOptions
{
    public const string Section = "Directory:Import";

    /// <summary>
    /// The largest share of a file's rows that may be left out for naming something that does not exist (0 to 1).
    /// Beyond it the file is more likely cut short or out of step with the others than a few stray rows, so nothing is applied.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MaxQuarantineShare { get; set; } = 0.01;

    /// <summary>
    /// Rows added, changed and removed from which an apply on PostgreSQL refreshes the planner's statistics of the tables it
    /// wrote at once, rather than leaving them to autovacuum's next round.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int AnalyzeFromRows { get; set; } = 10_000;
}
