using System.Security.Claims;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Users.ChangePassword;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

internal static class ChangePasswordApi
{
    public static RouteGroupBuilder MapChangePasswordApi(this RouteGroupBuilder group)
    {
        group.MapPost("/me/password", async (ChangePasswordRequest request, ClaimsPrincipal user, ChangePasswordHandler handler, CancellationToken ct) =>
                (await handler.HandleAsync(Actor.Of(user), new ChangePasswordCommand(request.CurrentPassword, request.NewPassword, null), ct)).ToNoContent())
            .WithSummary("Change the token owner's own password: the current one is required, the new one follows the page's rules. Ends the account's page sessions; API tokens keep working.");
        return group;
    }
}
