using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Users.ListUsers;

internal static class ListUsersApi
{
    public static RouteGroupBuilder MapListUsersApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", async (HttpRequest request, ListUsersHandler handler, CancellationToken cancellationToken) =>
                (await ListUsersQuery.Read(request.Query).ThenAsync(q => handler.HandleAsync(q, cancellationToken))).ToOk())
            .WithSummary("List users, filtered by name or email and role, a page at a time.");
        return group;
    }
}
