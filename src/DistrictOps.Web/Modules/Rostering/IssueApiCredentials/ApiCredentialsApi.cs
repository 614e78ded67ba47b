using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Rostering.IssueApiCredentials;

public static class ApiCredentialsApi
{
    public static RouteGroupBuilder MapApiCredentialsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/apps/{id:guid}/credentials", async (Guid id, ApiCredentialsHandler handler, CancellationToken ct) => (await handler.GetAsync(id, ct)).ToOk())
            .WithSummary("An app's OneRoster API client: its client id, when its secret was issued, when it last got a token, and the stamp rotating or revoking needs (never the secret).")
            .RequireAuthorization(RosteringPermissions.Manage);
        group.MapPost("/apps/{id:guid}/credentials", async (Guid id, HttpContext context, ApiCredentialsHandler handler, CancellationToken ct) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return (await handler.IssueAsync(id, ct)).ToCreated(_ => $"/api/v1/rostering/apps/{id}/credentials", s => s);
            })
            .WithSummary("Issues the app a client id and secret for the OneRoster API; the secret is in this answer only. 409 when it has credentials already.")
            .RequireAuthorization(RosteringPermissions.Manage);
        group.MapPost("/apps/{id:guid}/credentials/rotate", async (Guid id, string? stamp, HttpContext context, ApiCredentialsHandler handler, CancellationToken ct) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return (await handler.RotateAsync(id, stamp, ct)).ToOk();
            })
            .WithSummary("A new secret for the same client id, in this answer only; the old secret and every token issued with it stop at once. stamp: the one the credentials were read with (409 when they changed since).")
            .RequireAuthorization(RosteringPermissions.Manage);
        group.MapDelete("/apps/{id:guid}/credentials", async (Guid id, string? stamp, ApiCredentialsHandler handler, CancellationToken ct) => (await handler.RevokeAsync(id, stamp, ct)).ToOk())
            .WithSummary("Revokes the app's client: its secret and tokens stop at once and the app has no client id. stamp as for rotate.")
            .RequireAuthorization(RosteringPermissions.Manage);
        return group;
    }
}
