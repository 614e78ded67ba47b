using System.Security.Claims;
using DistrictOps.Web.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DistrictOps.Web.Modules.Users.GetCurrentUser;

public sealed record CurrentUserResponse(Guid Id, string Name, string Email, IReadOnlyList<string> Roles, IReadOnlyList<Guid> Sites);

internal static class GetCurrentUserApi
{
    public static RouteGroupBuilder MapCurrentUserApi(this RouteGroupBuilder group)
    {
        group.MapGet("/me", (ClaimsPrincipal user) => Handle(user))
            .WithSummary("Who the bearer token belongs to: name, email, roles and sites.");
        return group;
    }

    private static Ok<CurrentUserResponse> Handle(ClaimsPrincipal user) =>
        TypedResults.Ok(new CurrentUserResponse(
            user.UserId()!.Value,
            user.FindFirstValue(AppClaimsPrincipalFactory.DisplayNameClaim) ?? "",
            user.FindFirstValue(ClaimTypes.Email) ?? "",
            user.RoleNames(),
            user.SiteIds()));
}
