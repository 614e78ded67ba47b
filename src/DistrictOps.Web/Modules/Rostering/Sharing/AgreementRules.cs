using System.Globalization;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Rostering.Data;

namespace DistrictOps.Web.Modules.Rostering.Sharing;

/// <summary>
/// What an agreement lets out, as pure rules shared by the preview, every export and the OneRoster API: the Directory scope
/// it reads, and each record with the fields it does not share emptied. A name and the ids that tie records together are
/// always shared (OneRoster requires them); everything in <see cref="SharedFields"/> only when listed.
/// </summary>
public static class AgreementRules
{
    public const SharedFields DemographicFields = SharedFields.BirthDate | SharedFields.Sex | SharedFields.RaceAndEthnicity | SharedFields.BirthPlace;

    /// <summary>
    /// Why the app may not receive the district's data today, by any way (a package, a push, a token, an API page); null
    /// when it may: it is active, its data-privacy agreement has not ended by the district's date, and its data-sharing
    /// agreement is enabled. The enabling of an agreement asks the same question but for the last part.
    /// </summary>
    public static SharingRefusal? RefusalOf(RosterApp app, SharingAgreement? agreement, DateOnly today) =>
        AppRefusalOf(app, today)
        ?? (agreement is null ? new SharingRefusal("{0} has no data-sharing agreement yet.", app.Name)
            : !agreement.Enabled ? new SharingRefusal("{0}'s data-sharing agreement is not enabled: nothing is shared until it is.", app.Name)
            : null);

    /// <summary>Why the app itself may not receive data today (its status, its data-privacy agreement's end); null when it may.</summary>
    public static SharingRefusal? AppRefusalOf(RosterApp app, DateOnly today) =>
        app.Status != AppStatus.Active ? new SharingRefusal("{0} is {1}: only an active app receives data.", app.Name, app.Status.ToString().ToLowerInvariant())
        : app.AgreementExpiresOn is { } end && end < today
            ? new SharingRefusal("{0}'s data-privacy agreement ended on {1}: nothing is shared until its renewal is recorded.", app.Name, end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        : null;

    public static RosterScope ScopeOf(SharingAgreement agreement) => new(
        SiteIdsOf(agreement),
        (RosterRoles)(int)agreement.Roles,
        agreement.Classes switch
        {
            ClassScope.Subjects => RosterClassFilter.Subjects,
            ClassScope.CourseCodes => RosterClassFilter.CourseCodes,
            _ => RosterClassFilter.All,
        },
        ListOf(agreement.ClassValues));

    /// <summary>The agreement's sites; null when it shares every site.</summary>
    public static IReadOnlyList<Guid>? SiteIdsOf(SharingAgreement agreement) =>
        ListOf(agreement.SiteIds) is { Count: > 0 } ids ? ids.Select(Guid.Parse).ToList() : null;

    public static IReadOnlyList<string> ListOf(string commaSeparated) =>
        commaSeparated.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether any demographics file or endpoint is shared at all.</summary>
    public static bool SharesDemographics(SharedFields fields) => (fields & DemographicFields) != 0;

    public static RosterUser Mask(RosterUser user, SharedFields fields) => user with
    {
        Username = fields.HasFlag(SharedFields.Username) ? user.Username : null,
        Email = fields.HasFlag(SharedFields.Email) ? user.Email : null,
        Phone = fields.HasFlag(SharedFields.Phone) ? user.Phone : null,
        Identifier = fields.HasFlag(SharedFields.Identifier) ? user.Identifier : null,
        Grades = fields.HasFlag(SharedFields.Grades) ? user.Grades : null,
        PreferredGivenName = fields.HasFlag(SharedFields.PreferredNames) ? user.PreferredGivenName : null,
        PreferredFamilyName = fields.HasFlag(SharedFields.PreferredNames) ? user.PreferredFamilyName : null,
    };

    public static RosterDemographics Mask(RosterDemographics demographics, SharedFields fields)
    {
        var race = fields.HasFlag(SharedFields.RaceAndEthnicity);
        var place = fields.HasFlag(SharedFields.BirthPlace);
        return demographics with
        {
            BirthDate = fields.HasFlag(SharedFields.BirthDate) ? demographics.BirthDate : null,
            Sex = fields.HasFlag(SharedFields.Sex) ? demographics.Sex : null,
            AmericanIndianOrAlaskaNative = race ? demographics.AmericanIndianOrAlaskaNative : null,
            Asian = race ? demographics.Asian : null,
            BlackOrAfricanAmerican = race ? demographics.BlackOrAfricanAmerican : null,
            NativeHawaiianOrOtherPacificIslander = race ? demographics.NativeHawaiianOrOtherPacificIslander : null,
            White = race ? demographics.White : null,
            TwoOrMoreRaces = race ? demographics.TwoOrMoreRaces : null,
            HispanicOrLatinoEthnicity = race ? demographics.HispanicOrLatinoEthnicity : null,
            CountryOfBirthCode = place ? demographics.CountryOfBirthCode : null,
            StateOfBirthAbbreviation = place ? demographics.StateOfBirthAbbreviation : null,
            CityOfBirth = place ? demographics.CityOfBirth : null,
            PublicSchoolResidenceStatus = place ? demographics.PublicSchoolResidenceStatus : null,
        };
    }
}

/// <summary>Why an app may not receive data: a message format (pages translate it) and the names and dates it holds.</summary>
public sealed record SharingRefusal(string Format, params string[] Values)
{
    public string Message => string.Format(CultureInfo.InvariantCulture, Format, Values);
}
