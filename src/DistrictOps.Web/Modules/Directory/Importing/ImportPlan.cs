namespace DistrictOps.Web.Modules.Directory.Importing;

/// <summary>How an import runs; with <c>Strict</c> every warning is an error, so nothing is applied with a normalisation.</summary>
public sealed record ImportOptions(bool AllowShrink = false, double MaxShrinkShare = 0.10, string RunBy = "system", bool Strict = false)
{
    /// <summary>Compare every row even if the same files were compared before and nothing was written since (ADR 0025).</summary>
    public bool Recheck { get; init; }

    /// <summary>Compares with nothing stored, as a fresh database would: for checking a package written for someone else.</summary>
    internal bool AgainstNothing { get; init; }

    /// <summary>Hears each step as it starts, for a progress bar.</summary>
    public IProgress<ImportStep>? Progress { get; init; }
}

/// <summary>A step of an import as a progress bar shows it: what it does (an English template such as "Checking {0}"), to which file, and how many steps came before it.</summary>
public sealed record ImportStep(string Step, string? File, int Done, int Total)
{
    public int Percent => Total == 0 ? 0 : Math.Min(99, Done * 100 / Total);
}

/// <summary>Counts an import's steps and tells the listener as each starts.</summary>
internal sealed class ImportSteps(IProgress<ImportStep>? progress, int total)
{
    private int _done;

    public void Next(string step, string? file = null) => progress?.Report(new ImportStep(step, file, _done++, total));
}

/// <summary>
/// A shrink guard's refusal: an entity (<see cref="Noun"/>, e.g. "people") that would lose more than the allowed share, or, with
/// <see cref="Site"/>, a school that would be left without students. <see cref="Text"/> is the command line's wording; a page
/// words it itself.
/// </summary>
public sealed record GuardFinding(string Noun, int Removed, int Of, double MaxShare, string? Site = null, string? SiteSourcedId = null)
{
    public double Share => Of == 0 ? 0 : (double)Removed / Of;

    public string Text { get; init; } = "";

    public static GuardFinding Shrink(string noun, int removed, int of, double maxShare) => new(noun, removed, of, maxShare)
    {
        Text = $"This import would remove {removed:N0} of {of:N0} {noun} ({100.0 * removed / of:0.#}%), more than the {maxShare * 100:0.#}% allowed. " +
            "If the source really shrank, apply again with --allow-shrink.",
    };

    public static GuardFinding EmptiedSite(string site, string siteSourcedId, int students, double maxShare) => new("students", students, students, maxShare, site, siteSourcedId)
    {
        Text = $"This import would leave {site} ({siteSourcedId}) with no students (it has {students:N0}). If that is right, apply again with --allow-shrink.",
    };
}

public enum PlannedChange
{
    Add,
    Update,
    Remove,
}

/// <summary>One of the first rows of a kind of change, to show before applying.</summary>
public sealed record PlanSample(PlannedChange Change, string SourcedId, int Line, string? Fields);

/// <summary>What an import does to one entity: counts per kind of change and the first rows of each.</summary>
public sealed class EntityPlan(string entity, string file, ImportFileMode mode)
{
    public const int SamplesPerKind = 5;

    public string Entity { get; } = entity;

    public string File { get; } = file;

    public ImportFileMode Mode { get; } = mode;

    public int Add { get; internal set; }

    public int Update { get; internal set; }

    public int Leave { get; internal set; }

    public int Remove { get; internal set; }

    public List<PlanSample> Samples { get; } = [];

    internal void Count(PlannedChange change, string sourcedId, int line, string? fields = null)
    {
        switch (change)
        {
            case PlannedChange.Add:
                Add++;
                break;
            case PlannedChange.Update:
                Update++;
                break;
            default:
                Remove++;
                break;
        }

        if (Samples.Count(s => s.Change == change) < SamplesPerKind)
        {
            Samples.Add(new PlanSample(change, sourcedId, line, fields));
        }
    }
}

/// <summary>The plan of an import: what would change, or why it cannot be applied.</summary>
public sealed record ImportPlan(
    string Source,
    string Version,
    IReadOnlyList<EntityPlan> Entities,
    IReadOnlyList<ImportError> Errors,
    int ErrorCount,
    IReadOnlyList<string> Refusals)
{
    /// <summary>What was applied with a documented normalisation, or left out, and why.</summary>
    public IReadOnlyList<ImportError> Warnings { get; init; } = [];

    public int WarningCount { get; init; }

    public IReadOnlyCollection<WarningGroup> WarningGroups { get; init; } = [];

    /// <summary>The shrink guard's refusals, each also one of <see cref="Refusals"/>.</summary>
    public IReadOnlyList<GuardFinding> Guard { get; init; } = [];

    /// <summary>
    /// When these same files were last compared row by row, if this plan was recalled from that comparison because nothing
    /// the import compares with was written since (ADR 0025); null for a plan compared now.
    /// </summary>
    public DateTimeOffset? SameFilesComparedAt { get; init; }

    /// <summary>
    /// The files were recalled by their rows (ADR 0041): the same rows as at <see cref="SameFilesComparedAt"/>, in another
    /// order or with other dateLastModified values.
    /// </summary>
    public bool SameRowsOnly { get; init; }

    public bool CanApply => ErrorCount == 0 && Refusals.Count == 0;

    public bool ChangesNothing => Entities.All(e => e.Add + e.Update + e.Remove == 0);
}

public sealed record ImportOutcome(ImportPlan Plan, Guid? RunId);
