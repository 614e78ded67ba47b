using System.Security.Claims;
using DistrictOps.Web.Modules.Knowledge.Articles;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Knowledge.WriteArticle;

public sealed record SendBackCommand(string? Reason);

public static class WriteArticleApi
{
    public static RouteGroupBuilder MapWriteArticleApi(this RouteGroupBuilder group)
    {
        var articles = group.MapGroup("/articles").RequireAuthorization(KnowledgePermissions.Write);
        articles.MapPost("/", async (SaveArticleCommand command, ClaimsPrincipal user, PermissionRegistry permissions, WriteArticleHandler handler, CancellationToken ct) =>
                (await handler.CreateAsync(command, KnowledgeReader.For(user, permissions), cancellationToken: ct)).ToCreated(a => $"/api/v1/knowledge/articles/{a.Id}", a => a))
            .WithSummary("Write an article or procedure (kind); it starts as a draft, version 1. A translation gives its original's slug and another language.");
        articles.MapPut("/{id:long}", async (long id, SaveArticleCommand command, ClaimsPrincipal user, PermissionRegistry permissions, WriteArticleHandler handler, CancellationToken ct) =>
                (await handler.UpdateAsync(id, command, KnowledgeReader.For(user, permissions), ct)).ToOk())
            .WithSummary("Save new content as the next version (a draft; readers keep the live one). baseVersion refuses with 409 when someone saved in between; the same content again changes nothing.");
        articles.MapDelete("/{id:long}", async (long id, ClaimsPrincipal user, PermissionRegistry permissions, WriteArticleHandler handler, CancellationToken ct) =>
                (await handler.DeleteAsync(id, KnowledgeReader.For(user, permissions), ct)).ToNoContent())
            .WithSummary("Delete a draft that was never published; a published article is retired instead (409).");
        articles.MapPost("/{id:long}/submit", async (long id, ClaimsPrincipal user, PermissionRegistry permissions, WriteArticleHandler handler, CancellationToken ct) =>
                (await handler.SubmitAsync(id, KnowledgeReader.For(user, permissions), ct)).ToOk())
            .WithSummary("Send the latest version for review.");
        articles.MapPost("/{id:long}/approve", async (long id, ClaimsPrincipal user, PermissionRegistry permissions, WriteArticleHandler handler, CancellationToken ct) =>
                (await handler.ApproveAsync(id, KnowledgeReader.For(user, permissions), ct)).ToOk())
            .WithSummary("Publish the version in review (a reviewer who did not write it). Its review-by date starts again.")
            .RequireAuthorization(KnowledgePermissions.Review);
        articles.MapPost("/{id:long}/send-back", async (long id, SendBackCommand command, ClaimsPrincipal user, PermissionRegistry permissions, WriteArticleHandler handler, CancellationToken ct) =>
                (await handler.SendBackAsync(id, command.Reason, KnowledgeReader.For(user, permissions), ct)).ToOk())
            .WithSummary("Return the version in review to draft with a reason, which becomes a task for the owner.")
            .RequireAuthorization(KnowledgePermissions.Review);
        articles.MapPost("/{id:long}/retire", async (long id, ClaimsPrincipal user, PermissionRegistry permissions, WriteArticleHandler handler, CancellationToken ct) =>
                (await handler.RetireAsync(id, KnowledgeReader.For(user, permissions), ct)).ToOk())
            .WithSummary("Take the article down; readers no longer see it. Approving a later version puts it back.")
            .RequireAuthorization(KnowledgePermissions.Review);
        articles.MapPost("/{id:long}/versions/{number:int}/restore", async (long id, int number, ClaimsPrincipal user, PermissionRegistry permissions, WriteArticleHandler handler, CancellationToken ct) =>
                (await handler.RestoreAsync(id, number, KnowledgeReader.For(user, permissions), ct)).ToOk())
            .WithSummary("Save an earlier version's content again as the next version, a draft.");
        articles.MapPost("/{id:long}/reviewed", async (long id, ClaimsPrincipal user, PermissionRegistry permissions, WriteArticleHandler handler, CancellationToken ct) =>
                (await handler.MarkReviewedAsync(id, KnowledgeReader.For(user, permissions), ct)).ToOk())
            .WithSummary("The owner or a reviewer read it again and it holds: the next review is a review period from today.");
        return group;
    }
}
