namespace DistrictOps.Web.Modules.Directory.Importing;

/// <summary>How an import runs; with <c>Strict</c> every warning is an error, so nothing is applied with a normalisation.</summary>
public sealed record ImportOptions(bool AllowShrink = false, double MaxShrinkShare = 0.10, string RunBy = "system", bool Strict = false);

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

    public bool CanApply => ErrorCount == 0 && Refusals.Count == 0;

    public bool ChangesNothing => Entities.All(e => e.Add + e.Update + e.Remove == 0);
}

public sealed record ImportOutcome(ImportPlan Plan, Guid? RunId);
