using DistrictOps.Web.Modules.Directory.Importing;

namespace DistrictOps.Web.Modules.Directory.UploadImport;

public enum FindingSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One finding of a plan, as the conformance report lists it for the SIS vendor: <paramref name="Value"/> is the value at
/// its line and column as the file writes it (empty for a finding about a whole file), <paramref name="Fix"/> what to change.
/// </summary>
public sealed record ImportFinding(FindingSeverity Severity, string File, int Line, int Column, string Message, string Value, string Fix)
{
    /// <summary>The rule broken: the message with its quoted values left out, the same for every finding of the rule.</summary>
    public string Rule => WarningGroup.RuleOf(Message);

    private static string GeneralFix(FindingSeverity severity) => severity == FindingSeverity.Error
        ? "Correct this in the export: DistrictOps applies nothing from a package with errors."
        : "DistrictOps applied it as the message says; correct it in the export so the file conforms.";

    public string Location => Line == 0 ? File : $"{File}:{Line}:{Column}";

    /// <summary>As the command line writes it: <c>file:line:column — message</c>.</summary>
    public string Text => $"{Location} — {Message}";

    public static ImportFinding Of(FindingSeverity severity, ImportError error) =>
        new(severity, error.File, error.Line, error.Column, error.Message, error.Value ?? "", error.Fix ?? GeneralFix(severity));
}

/// <summary>Findings of one rule: how many there are and the first few in full.</summary>
public sealed record FindingGroup(FindingSeverity Severity, string Rule, int Count, IReadOnlyList<ImportFinding> First);

/// <summary>
/// A plan as it is kept with its attempt, shown on the review page and downloaded as the conformance report: what would
/// change, every finding listed (up to the import's cap), findings grouped by rule, and the shrink guard's refusals.
/// </summary>
public sealed record ImportReport(
    string Source,
    string Version,
    IReadOnlyList<EntityPlanResponse> Entities,
    IReadOnlyList<ImportFinding> Findings,
    IReadOnlyList<FindingGroup> Groups,
    int ErrorCount,
    int WarningCount,
    IReadOnlyList<GuardFinding> Guard,
    IReadOnlyList<string> OtherRefusals)
{
    public const int ShownPerGroup = WarningGroup.Shown;

    public bool ChangesNothing => Entities.All(e => e.Add + e.Update + e.Remove == 0);

    public bool Refused => Guard.Count > 0 || OtherRefusals.Count > 0;

    /// <summary>Findings the import counted beyond those it kept.</summary>
    public int Unlisted => ErrorCount + WarningCount - Findings.Count;

    public static ImportReport From(ImportPlan plan)
    {
        var errors = plan.Errors.Select(e => ImportFinding.Of(FindingSeverity.Error, e)).ToList();
        var errorGroups = errors.GroupBy(e => e.Rule, StringComparer.Ordinal)
            .Select(g => new FindingGroup(FindingSeverity.Error, g.Key, g.Count(), g.Take(ShownPerGroup).ToList()));
        var warningGroups = plan.WarningGroups
            .Select(g => new FindingGroup(FindingSeverity.Warning, g.Rule, g.Count, g.First.Select(w => ImportFinding.Of(FindingSeverity.Warning, w)).ToList()));
        var guardTexts = plan.Guard.Select(g => g.Text).ToHashSet(StringComparer.Ordinal);
        return new ImportReport(
            plan.Source, plan.Version, ImportPlanResponse.EntitiesOf(plan),
            [.. errors, .. plan.Warnings.Select(w => ImportFinding.Of(FindingSeverity.Warning, w))],
            [.. errorGroups, .. warningGroups], plan.ErrorCount, plan.WarningCount, plan.Guard,
            plan.Refusals.Where(r => !guardTexts.Contains(r)).ToList());
    }
}
