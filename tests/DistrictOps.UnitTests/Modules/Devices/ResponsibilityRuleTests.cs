using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.ReportIncidents;

namespace DistrictOps.UnitTests.Modules.Devices;

public sealed class ResponsibilityRuleTests
{
    [Theory]
    [InlineData(IncidentKind.Lost, null, true, false, "District,Family")]
    [InlineData(IncidentKind.Lost, null, true, true, "District,Family,Protection")]
    [InlineData(IncidentKind.Lost, null, false, false, "District")]
    [InlineData(IncidentKind.Stolen, null, true, false, "District")]
    [InlineData(IncidentKind.Stolen, null, true, true, "District,Protection")]
    [InlineData(IncidentKind.Damaged, DamageCause.Accidental, true, false, "District,Warranty")]
    [InlineData(IncidentKind.Damaged, DamageCause.Accidental, true, true, "District,Warranty,Protection")]
    [InlineData(IncidentKind.Damaged, DamageCause.Willful, true, false, "District,Family")]
    [InlineData(IncidentKind.Damaged, DamageCause.Willful, false, true, "District")]
    public void The_district_always_the_family_only_for_unreturned_or_willful_the_warranty_for_accidents_and_protection_only_when_chosen(
        IncidentKind kind, DamageCause? cause, bool hasStudent, bool protectionOptIn, string expected)
    {
        var allowed = ResponsibilityRule.Allowed(new IncidentFacts(kind, cause, hasStudent, protectionOptIn));

        Assert.Equal(expected, string.Join(",", allowed));
    }

    [Theory]
    [InlineData(Responsibility.Family, IncidentKind.Stolen, null, true, "A family is responsible only for a device not returned (lost) or damaged on purpose (willful); this one was stolen.")]
    [InlineData(Responsibility.Family, IncidentKind.Damaged, DamageCause.Accidental, true, "A family is responsible only for a device not returned (lost) or damaged on purpose (willful); this one was damaged by accident.")]
    [InlineData(Responsibility.Family, IncidentKind.Lost, null, false, "No student held this device, so there is no family to be responsible.")]
    [InlineData(Responsibility.Warranty, IncidentKind.Damaged, DamageCause.Willful, true, "The warranty covers accidental damage only.")]
    [InlineData(Responsibility.Protection, IncidentKind.Damaged, DamageCause.Accidental, true, "The family did not opt in to the voluntary device protection in that school year's agreement.")]
    [InlineData(Responsibility.Undecided, IncidentKind.Lost, null, true, "Choose who is responsible.")]
    public void A_choice_the_rule_leaves_out_is_refused_with_the_reason(Responsibility choice, IncidentKind kind, DamageCause? cause, bool hasStudent, string expected)
    {
        Assert.Equal(expected, ResponsibilityRule.Refusal(choice, new IncidentFacts(kind, cause, hasStudent, ProtectionOptIn: false)));
    }
}
