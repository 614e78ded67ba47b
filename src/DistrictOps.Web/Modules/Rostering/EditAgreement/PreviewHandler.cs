using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Modules.Rostering.Sharing;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Rostering.EditAgreement;

/// <summary>How many rows of one kind a package would hold.</summary>
public sealed record PreviewCount(string What, int Count);

/// <summary>
/// Exactly what an agreement's revision would share today: the rows per file, the people by kind, which user fields are
/// filled, and a few sample people and enrollments as the app would see them (the fields it does not get left empty).
/// </summary>
public sealed record AgreementPreview(
    AgreementView Agreement, IReadOnlyList<PreviewCount> Files, IReadOnlyList<PreviewCount> People, IReadOnlyList<string> FieldsShared,
    IReadOnlyList<string> FieldsWithheld, IReadOnlyList<RosterUser> SampleUsers, IReadOnlyList<RosterEnrollment> SampleEnrollments);

public sealed class PreviewHandler(AppDbContext db, IRosterData roster, IPeopleDirectory people, AgreementHandler agreements)
{
    public const int SampleSize = 5;

    private static readonly (SharedFields Field, string Columns)[] UserFields =
    [
        (SharedFields.Username, "username"), (SharedFields.Email, "email"), (SharedFields.Phone, "phone, sms"), (SharedFields.Identifier, "identifier"),
        (SharedFields.Grades, "grades"), (SharedFields.PreferredNames, "preferredGivenName, preferredFamilyName"), (SharedFields.BirthDate, "birthDate"),
        (SharedFields.Sex, "sex"), (SharedFields.RaceAndEthnicity, "race and ethnicity"), (SharedFields.BirthPlace, "country, state and city of birth, residence status"),
    ];

    /// <summary>The preview; the sample people's records are shown to the reader, so the Directory's access log records them.</summary>
    public async Task<Result<AgreementPreview>> PreviewAsync(Guid appId, DirectoryReader reader, CancellationToken cancellationToken)
    {
        var view = await agreements.GetAsync(appId, cancellationToken);
        if (!view.Succeeded)
        {
            return view.Failure;
        }

        var agreement = await db.Set<SharingAgreement>().AsNoTracking().SingleAsync(a => a.AppId == appId, cancellationToken);
        var scope = AgreementRules.ScopeOf(agreement);
        var demographics = AgreementRules.SharesDemographics(agreement.Fields);
        var files = new List<PreviewCount>
        {
            new("orgs", await roster.Orgs(scope).CountAsync(cancellationToken)),
            new("academicSessions", await roster.Sessions().CountAsync(cancellationToken)),
            new("courses", await roster.Courses(scope).CountAsync(cancellationToken)),
            new("classes", await roster.Classes(scope).CountAsync(cancellationToken)),
            new("users", await roster.Users(scope).CountAsync(cancellationToken)),
            new("enrollments", await roster.Enrollments(scope).CountAsync(cancellationToken)),
        };
        if (demographics)
        {
            files.Add(new("demographics", await roster.Demographics(scope).CountAsync(cancellationToken)));
        }

        var kinds = new List<PreviewCount>();
        foreach (var role in RolesOf(scope))
        {
            kinds.Add(new(role.ToString(), await roster.Users(scope with { Roles = role }).CountAsync(cancellationToken)));
        }

        var (users, enrollments) = await SamplesAsync(scope, agreement.Fields, reader, cancellationToken);
        var shared = UserFields.Where(f => agreement.Fields.HasFlag(f.Field)).Select(f => f.Columns).ToList();
        var withheld = UserFields.Where(f => !agreement.Fields.HasFlag(f.Field)).Select(f => f.Columns).ToList();
        return new AgreementPreview(view.Value, files, kinds, shared, withheld, users, enrollments);
    }

    private static IEnumerable<RosterRoles> RolesOf(RosterScope scope) =>
        Enum.GetValues<RosterRoles>().Where(r => r != RosterRoles.None && scope.Roles.HasFlag(r));

    /// <summary>One sample of each kind of person first, then more by source id, as the app would receive them; enrollments of those shown.</summary>
    private async Task<(List<RosterUser>, List<RosterEnrollment>)> SamplesAsync(RosterScope scope, SharedFields fields, DirectoryReader reader, CancellationToken cancellationToken)
    {
        var users = new List<RosterUser>();
        foreach (var role in RolesOf(scope))
        {
            users.AddRange(await roster.Users(scope with { Roles = role }).OrderBy(u => u.SourcedId).Take(1).ToListAsync(cancellationToken));
        }

        var shownIds = users.Select(u => u.Id).Distinct().ToList();
        users.AddRange(await roster.Users(scope).Where(u => !shownIds.Contains(u.Id)).OrderBy(u => u.SourcedId).Take(SampleSize - users.Count).ToListAsync(cancellationToken));
        var visible = (await people.FindManyAsync(users.Select(u => u.Id).Distinct().ToList(), reader, cancellationToken)).Select(p => p.Id).ToHashSet();
        users = users.Where(u => visible.Contains(u.Id)).Select(u => AgreementRules.Mask(u, fields)).ToList();
        var ids = users.Select(u => u.Id).Distinct().ToList();
        var enrollments = await roster.Enrollments(scope).Where(e => ids.Contains(e.PersonId)).OrderBy(e => e.SourcedId).Take(SampleSize).ToListAsync(cancellationToken);
        return (users, enrollments);
    }
}
