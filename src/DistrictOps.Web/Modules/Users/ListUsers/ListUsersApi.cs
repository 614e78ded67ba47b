using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DistrictOps.Web.Modules.Users.ListUsers;

internal static class ListUsersApi
{
    public static RouteGroupBuilder MapListUsersApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", async Task<Ok<PagedResult<UserRow>>> (string? query, string? role, int? page, int? pageSize, ListUsersHandler handler, CancellationToken cancellationToken) =>
                TypedResults.Ok(await handler.HandleAsync(new ListUsersQuery(query, role, page, pageSize), cancellationToken)))
            .WithSummary("List users, filtered by name or email and role, a page at a time.");
        return group;
    }
}
