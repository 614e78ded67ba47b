using System.Security.Claims;
using DistrictOps.Web.Modules.Knowledge.Articles;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DistrictOps.Web.Modules.Knowledge.ReadArticle;

public static class ReadArticleApi
{
    public static RouteGroupBuilder MapReadArticleApi(this RouteGroupBuilder group)
    {
        var articles = group.MapGroup("/articles");
        articles.MapGet("/{id:long}", async Task<Results<Ok<ArticleDetail>, NotFound>> (long id, string? version, ClaimsPrincipal user, PermissionRegistry permissions, ArticleDetails details, CancellationToken ct) =>
                await details.FindAsync(id, KnowledgeReader.For(user, permissions), version == "latest", ct) is { } article ? TypedResults.Ok(article) : TypedResults.NotFound())
            .AllowAnonymous()
            .WithSummary("One article as the caller may read it: the live version (version=latest: the newest, for writers); public ones without a token.");
        articles.MapGet("/{id:long}/versions", async (long id, ClaimsPrincipal user, PermissionRegistry permissions, ArticleDetails details, ReadArticleHandler handler, CancellationToken ct) =>
                await details.ReadableAsync(id, KnowledgeReader.For(user, permissions), ct) ? Results.Ok(await handler.HistoryAsync(id, ct)) : Results.NotFound())
            .RequireAuthorization(KnowledgePermissions.Write)
            .WithSummary("Every version, newest first: who saved it, when, the note, and who approved it.");
        articles.MapGet("/{id:long}/diff", async (long id, int from, int to, ReadArticleHandler handler, CancellationToken ct) =>
                (await handler.DiffAsync(id, from, to, ct)).ToOk())
            .RequireAuthorization(KnowledgePermissions.Write)
            .WithSummary("Two versions compared line by line (fields, then the body): Same, Added and Removed lines.");
        articles.MapPost("/{id:long}/votes", async (long id, VoteCommand command, ClaimsPrincipal user, PermissionRegistry permissions, ReadArticleHandler handler, CancellationToken ct) =>
                (await handler.VoteAsync(id, command, KnowledgeReader.For(user, permissions), ct)).ToOk())
            .RequireAuthorization(KnowledgePermissions.Read)
            .WithSummary("Say whether the article helped (once per person; again replaces the vote). Not helpful puts a task on the owner's list.");
        articles.MapGet("/{id:long}/files", async (long id, ClaimsPrincipal user, PermissionRegistry permissions, ArticleDetails details, ArticleFiles files, CancellationToken ct) =>
                await details.ReadableAsync(id, KnowledgeReader.For(user, permissions), ct) ? Results.Ok(await files.ListAsync(id, ct)) : Results.NotFound())
            .AllowAnonymous()
            .WithSummary("The article's pictures and PDFs: address, type, size, and the Markdown that shows or links each.");
        articles.MapPost("/{id:long}/files", async (long id, IFormFile file, ClaimsPrincipal user, PermissionRegistry permissions, ArticleFiles files, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                return (await files.AddAsync(id, file.FileName, content, KnowledgeReader.For(user, permissions), ct)).ToCreated(f => f.Url, f => f);
            })
            .RequireAuthorization(KnowledgePermissions.Write)
            .DisableAntiforgery()
            .WithSummary("Add a picture or PDF (multipart field 'file', at most 5 MB; the type is detected from the content). The same content again is the same file.");
        return group;
    }

    /// <summary>An article's file at <c>/knowledge/files/{id}/{name}</c>, for whoever may read the article (pages and emails link here).</summary>
    public static IEndpointRouteBuilder MapArticleFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ArticleMarkdown.FilesPath + "{id:long}/{name}", async (long id, ClaimsPrincipal user, PermissionRegistry permissions, ArticleFiles files, HttpResponse response, CancellationToken ct) =>
            {
                if (await files.FindAsync(id, KnowledgeReader.For(user, permissions), ct) is not { } file)
                {
                    return Results.NotFound();
                }

                response.Headers.CacheControl = "private, max-age=3600";
                return FileSignature.IsImage(file.ContentType) ? Results.File(file.Content, file.ContentType) : Results.File(file.Content, file.ContentType, file.FileName);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }
}
