using System.Security.Claims;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DistrictOps.Web.Modules.Users.EditUser;

public sealed record ChangeAccessRequest(IReadOnlyList<string>? AddRoles, IReadOnlyList<string>? RemoveRoles, IReadOnlyList<Guid>? AddSites, IReadOnlyList<Guid>? RemoveSites);

internal static class EditUserApi
{
    public static RouteGroupBuilder MapEditUserApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}", async (Guid id, UserDetailHandler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToOk())
            .WithSummary("One account: name, email, roles, sites (with their names), created and disabled times.");
        group.MapPost("/{id:guid}/access", (Guid id, ChangeAccessRequest request, ClaimsPrincipal user, ChangeAccessHandler handler, CancellationToken ct) =>
                ChangeAsync(new ChangeAccessCommand(id, request.AddRoles ?? [], request.RemoveRoles ?? [], request.AddSites ?? [], request.RemoveSites ?? []), user, handler, ct))
            .WithSummary("Add and remove roles and sites; only roles within the caller's own, never on the caller's own account. Ends the account's sessions.");
        group.MapDelete("/{id:guid}/roles/{role}", (Guid id, string role, ClaimsPrincipal user, ChangeAccessHandler handler, CancellationToken ct) =>
                ChangeAsync(new ChangeAccessCommand(id, [], [role], [], []), user, handler, ct))
            .WithSummary("Remove one role from an account.");
        group.MapDelete("/{id:guid}/sites/{siteId:guid}", (Guid id, Guid siteId, ClaimsPrincipal user, ChangeAccessHandler handler, CancellationToken ct) =>
                ChangeAsync(new ChangeAccessCommand(id, [], [], [], [siteId]), user, handler, ct))
            .WithSummary("Remove one site from an account's scope.");
        group.MapPost("/{id:guid}/disable", async (Guid id, ClaimsPrincipal user, AccountStatusHandler handler, CancellationToken ct) =>
                (await handler.DisableAsync(id, Actor.Of(user), ct)).ToOk())
            .WithSummary("Disable an account: its sessions end and its API tokens stop at once. Not one's own, nor the last district administrator.");
        group.MapPost("/{id:guid}/enable", async (Guid id, ClaimsPrincipal user, AccountStatusHandler handler, CancellationToken ct) =>
                (await handler.EnableAsync(id, Actor.Of(user), ct)).ToOk())
            .WithSummary("Enable a disabled account again.");
        return group;
    }

    private static async Task<Results<Ok<AccessChange>, ValidationProblem, ProblemHttpResult>> ChangeAsync(ChangeAccessCommand command, ClaimsPrincipal user, ChangeAccessHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(command, Actor.Of(user), ct)).ToOk();
}
