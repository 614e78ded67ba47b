using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Modules.Rostering.Sharing;

namespace DistrictOps.UnitTests.Modules.Rostering;

public sealed class AgreementRulesTests
{
    private static readonly RosterUser Student = new()
    {
        SourcedId = "s-1", GivenName = "Ana", FamilyName = "Ruiz", PreferredGivenName = "Annie", Username = "aruiz", Email = "aruiz@students.example",
        Phone = "555-0100", Identifier = "100234", Grades = "03",
    };

    [Fact]
    public void An_app_receives_data_only_while_active_under_a_data_privacy_agreement_in_force_and_an_enabled_sharing_agreement()
    {
        var today = new DateOnly(2026, 12, 6);
        var enabled = new SharingAgreement { Enabled = true };

        Assert.Null(AgreementRules.RefusalOf(App(AppStatus.Active, today), enabled, today));
        Assert.Equal("Destiny's data-privacy agreement ended on 2026-12-05: nothing is shared until its renewal is recorded.",
            AgreementRules.RefusalOf(App(AppStatus.Active, today.AddDays(-1)), enabled, today)?.Message);
        Assert.Equal("Destiny is suspended: only an active app receives data.", AgreementRules.RefusalOf(App(AppStatus.Suspended, null), enabled, today)?.Message);
        Assert.Equal("Destiny has no data-sharing agreement yet.", AgreementRules.RefusalOf(App(AppStatus.Active, null), null, today)?.Message);
        Assert.StartsWith("Destiny's data-sharing agreement is not enabled", AgreementRules.RefusalOf(App(AppStatus.Active, null), new SharingAgreement(), today)?.Message, StringComparison.Ordinal);
        Assert.Null(AgreementRules.AppRefusalOf(App(AppStatus.Active, null), today));

        static RosterApp App(AppStatus status, DateOnly? ends) => new() { Name = "Destiny", Vendor = "Follett", Status = status, AgreementExpiresOn = ends };
    }

    [Fact]
    public void A_user_keeps_only_the_fields_the_agreement_lists_and_always_the_name()
    {
        var masked = AgreementRules.Mask(Student, SharedFields.Username | SharedFields.Grades);

        Assert.Equal(("Ana", "Ruiz", "aruiz", "03"), (masked.GivenName, masked.FamilyName, masked.Username, masked.Grades));
        Assert.All(new[] { masked.Email, masked.Phone, masked.Identifier, masked.PreferredGivenName }, Assert.Null);
    }

    [Fact]
    public void Demographics_are_shared_field_group_by_field_group()
    {
        var full = new RosterDemographics { SourcedId = "s-1", BirthDate = new DateOnly(2017, 4, 2), Sex = "female", Asian = true, CityOfBirth = "Fresno" };

        var birthDateOnly = AgreementRules.Mask(full, SharedFields.BirthDate);

        Assert.Equal((new DateOnly(2017, 4, 2), null, null, null), (birthDateOnly.BirthDate, birthDateOnly.Sex, birthDateOnly.Asian, birthDateOnly.CityOfBirth));
        Assert.False(AgreementRules.SharesDemographics(SharedFields.Email | SharedFields.Username));
        Assert.True(AgreementRules.SharesDemographics(SharedFields.RaceAndEthnicity));
    }

    [Fact]
    public void An_agreement_becomes_the_directory_scope_it_reads()
    {
        var site = Guid.CreateVersion7();
        var agreement = new SharingAgreement
        {
            SiteIds = $" {site} ,", Roles = SharedRoles.Students | SharedRoles.Guardians, Classes = ClassScope.CourseCodes, ClassValues = "ELA-180, ELA-181",
        };

        var scope = AgreementRules.ScopeOf(agreement);

        Assert.Equal([site], scope.SiteIds);
        Assert.Equal(RosterRoles.Students | RosterRoles.Guardians, scope.Roles);
        Assert.Equal(RosterClassFilter.CourseCodes, scope.Classes);
        Assert.Equal(["ELA-180", "ELA-181"], scope.ClassValues);
        Assert.Null(AgreementRules.ScopeOf(new SharingAgreement()).SiteIds);
    }
}
