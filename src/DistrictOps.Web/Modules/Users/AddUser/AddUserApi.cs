using System.Security.Claims;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Users.AddUser;

public sealed record AddUserRequest(string? Email, string? DisplayName, IReadOnlyList<string>? Roles, IReadOnlyList<Guid>? Sites, string? Password);

public sealed record AddUserResponse(Guid Id, bool Created, IReadOnlyList<string> AddedRoles, IReadOnlyList<Guid> AddedSites, string? GeneratedPassword);

internal static class AddUserApi
{
    public static RouteGroupBuilder MapAddUserApi(this RouteGroupBuilder group)
    {
        group.MapPost("/", HandleAsync)
            .Produces<AddUserResponse>(StatusCodes.Status201Created)
            .Produces<AddUserResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Add a user, or give an existing user (same email) the roles and sites they lack; only roles within the caller's own, never to the caller.");
        return group;
    }

    private static async Task<IResult> HandleAsync(AddUserRequest request, ClaimsPrincipal user, AddUserHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(
            new AddUserCommand(request.Email, request.DisplayName, request.Roles ?? [], request.Sites ?? [], request.Password), Actor.Of(user), cancellationToken);
        if (!result.Succeeded)
        {
            return result.Failure.ToProblem();
        }

        var r = result.Value;
        var response = new AddUserResponse(r.UserId, r.Created, r.AddedRoles, r.AddedSites, r.GeneratedPassword);
        return r.Created ? TypedResults.Created($"/api/v1/users/{r.UserId}", response) : TypedResults.Ok(response);
    }
}
