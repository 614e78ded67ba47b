using DistrictOps.Web.Modules.Devices.Data;

namespace DistrictOps.Web.Modules.Devices.ReportIncidents;

/// <summary>What an incident's decision is made from: what happened, whether a student held the device, and whether the family opted in to device protection that school year.</summary>
public sealed record IncidentFacts(IncidentKind Kind, DamageCause? Cause, bool HasStudent, bool ProtectionOptIn);

/// <summary>
/// Who may bear an incident's loss. The district always may. The family only for a device not returned (lost) or damaged
/// on purpose (willful): California makes parents liable for those (EC 48904) and nothing else. The warranty covers
/// accidental damage. The protection plan only when the family opted in to it in that school year's agreement; it is
/// voluntary (EC 49010-49013).
/// </summary>
public static class ResponsibilityRule
{
    public static IReadOnlyList<Responsibility> Allowed(IncidentFacts facts) =>
        [.. Enum.GetValues<Responsibility>().Where(r => Refusal(r, facts) is null)];

    /// <summary>Why <paramref name="choice"/> is not allowed for these facts, as a sentence; null when it is.</summary>
    public static string? Refusal(Responsibility choice, IncidentFacts facts) => choice switch
    {
        Responsibility.District => null,
        Responsibility.Family when !facts.HasStudent => "No student held this device, so there is no family to be responsible.",
        Responsibility.Family when facts.Kind == IncidentKind.Lost || (facts.Kind == IncidentKind.Damaged && facts.Cause == DamageCause.Willful) => null,
        Responsibility.Family => "A family is responsible only for a device not returned (lost) or damaged on purpose (willful); this one was "
            + (facts.Kind == IncidentKind.Stolen ? "stolen." : "damaged by accident."),
        Responsibility.Warranty when facts.Kind == IncidentKind.Damaged && facts.Cause == DamageCause.Accidental => null,
        Responsibility.Warranty => "The warranty covers accidental damage only.",
        Responsibility.Protection when facts.HasStudent && facts.ProtectionOptIn => null,
        Responsibility.Protection => "The family did not opt in to the voluntary device protection in that school year's agreement.",
        _ => "Choose who is responsible.",
    };
}
