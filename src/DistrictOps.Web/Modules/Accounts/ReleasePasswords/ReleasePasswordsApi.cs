using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Accounts.ReleasePasswords;

public static class ReleasePasswordsApi
{
    public static RouteGroupBuilder MapReleasePasswordsApi(this RouteGroupBuilder group)
    {
        group.MapPost("/passwords/class/{classId:guid}/release", async (Guid classId, HttpContext context, ReleasePasswordsHandler handler, CancellationToken ct) =>
                (await handler.ClassAsync(classId, DirectoryReader.Of(context), release: true, ct)).ToOk(ReleasedSheet.Of))
            .WithSummary("Releases a class's waiting first passwords: every current student with their accounts' states, and the passwords released by this call, "
                + "which are never returned again (a second call returns none). The class's teacher (accounts.passwords.class) or accounts.passwords; another class is 404.")
            .RequireAuthorization();
        return group;
    }
}

/// <summary>A class sheet as the API returns it: the password is set only on the rows this call released.</summary>
public sealed record ReleasedSheet(Guid ClassId, string Title, string Site, string? Periods, int Shown, IReadOnlyList<ReleasedRow> Rows)
{
    public static ReleasedSheet Of(ClassSheet sheet) =>
        new(sheet.Class.Id, sheet.Class.Title, sheet.Class.SiteName, sheet.Class.Periods, sheet.Shown,
            sheet.Rows.Select(r => new ReleasedRow(r.PersonId, r.Name, r.Number, r.Target, r.Username, r.State.ToString(), r.ReleasedAt, r.ReleasedBy, r.Password)).ToList());
}

public sealed record ReleasedRow(
    Guid PersonId, string Name, string? Number, string? Target, string? Username, string State, DateTimeOffset? ReleasedAt, string? ReleasedBy, string? Password);
