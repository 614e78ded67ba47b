using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Rostering.EditAgreement;

public sealed record EnableAgreementCommand(int Revision);

public static class AgreementApi
{
    public static RouteGroupBuilder MapAgreementApi(this RouteGroupBuilder group)
    {
        var agreement = group.MapGroup("/apps/{id:guid}/agreement");
        agreement.MapGet("/", async (Guid id, AgreementHandler handler, CancellationToken ct) => (await handler.GetAsync(id, ct)).ToOk())
            .WithSummary("What an app may receive and how it is delivered; the SFTP secret only as hasSftpSecret.")
            .RequireAuthorization(RosteringPermissions.Read);
        agreement.MapPut("/", async (Guid id, SaveAgreementCommand command, HttpContext context, AgreementHandler handler, CancellationToken ct) =>
                (await handler.SaveAsync(id, command, context.User.Identity?.Name ?? "", ct)).ToOk())
            .WithSummary("Write the agreement (every field; siteIds empty for every site; sftpSecret null keeps the one on file). A change to what is shared is a new revision and turns sharing off; revision refuses with 409 when someone saved in between.")
            .RequireAuthorization(RosteringPermissions.Manage);
        agreement.MapGet("/preview", async (Guid id, HttpContext context, PreviewHandler handler, CancellationToken ct) =>
                (await handler.PreviewAsync(id, new DirectoryReader(context.User, context.Request.Path), ct)).ToOk())
            .WithSummary("Exactly what the agreement would share now: rows per file, people by kind, fields filled and left empty, sample people and enrollments as the app would see them (written to the Directory's access log).")
            .RequireAuthorization(RosteringPermissions.Manage);
        agreement.MapPost("/enable", async (Guid id, EnableAgreementCommand command, HttpContext context, AgreementHandler handler, CancellationToken ct) =>
                (await handler.EnableAsync(id, command.Revision, context.User.Identity?.Name ?? "", ct)).ToOk())
            .WithSummary("Turn sharing on for the revision previewed (409 when the agreement changed since, the app is not active, its data-privacy agreement ended, or SFTP settings are missing).")
            .RequireAuthorization(RosteringPermissions.Manage);
        agreement.MapPost("/disable", async (Guid id, HttpContext context, AgreementHandler handler, CancellationToken ct) =>
                (await handler.DisableAsync(id, context.User.Identity?.Name ?? "", ct)).ToOk())
            .WithSummary("Turn sharing off: nothing is delivered and the app's API client is refused until it is enabled again.")
            .RequireAuthorization(RosteringPermissions.Manage);
        return group;
    }
}
