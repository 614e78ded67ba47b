using System.Security.Claims;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Users.ResetPassword;

internal static class ResetPasswordApi
{
    public static RouteGroupBuilder MapResetPasswordApi(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/reset-link", async (Guid id, ClaimsPrincipal user, PasswordResetHandler handler, CancellationToken ct) =>
                (await handler.IssueAsync(id, Actor.Of(user), ct)).ToOk())
            .WithSummary("Email the account a single-use link to set a new password (Users:ResetLinkLifetime); earlier unused links stop working. The link is never returned. Not one's own account, nor one with a role beyond the caller's.");
        return group;
    }
}
