using System.Security.Claims;
using DistrictOps.Web.Modules.Knowledge.Articles;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DistrictOps.Web.Modules.Knowledge.SearchArticles;

public sealed record SearchHit(long Id, string Slug, string Language, string Kind, string Audience, string Status, string Title, string Summary, string Snippet, string Url, double Rank);

public static class SearchArticlesApi
{
    public const int MaxSuggestions = 10;

    public static RouteGroupBuilder MapSearchArticlesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/search", async Task<Results<Ok<PagedResult<SearchHit>>, ValidationProblem, ProblemHttpResult>> (
                    string? q, string? audience, string? lang, int? category, string? kind, string? status, string? tag, HttpRequest request,
                    ClaimsPrincipal user, PermissionRegistry permissions, ArticleSearch search, CancellationToken ct) =>
                (await Query(q, audience, lang, category, kind, status)
                    .ThenAsync(query => QueryReader.ReadPaging(request.Query).ThenAsync(async page =>
                        Paged(await search.SearchAsync(query with { Tag = tag }, KnowledgeReader.For(user, permissions), page, ct))))).ToOk())
            .AllowAnonymous()
            .WithSummary("Full-text search, best first, with snippets (matched words between ⟦ and ⟧); filters audience, lang, category (issue type id), kind, tag, and status for writers. Without a token: public articles only.");
        group.MapGet("/suggest", async Task<Results<Ok<IReadOnlyList<SearchHit>>, ValidationProblem, ProblemHttpResult>> (
                    string? text, int? issueTypeId, string? lang, int? max, ClaimsPrincipal user, PermissionRegistry permissions, ArticleSearch search, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["Give the words of the request being typed."] });
                }

                var hits = await search.SuggestAsync(text, issueTypeId is { } id ? [id] : null, lang, KnowledgeReader.For(user, permissions), Math.Clamp(max ?? 3, 1, MaxSuggestions), ct);
                return TypedResults.Ok<IReadOnlyList<SearchHit>>(hits.Select(Hit).ToList());
            })
            .AllowAnonymous()
            .WithSummary("Live articles for a request being typed (any of its words; those filed under issueTypeId first), 3 by default, at most 10.");
        return group;
    }

    private static Result<ArticleQuery> Query(string? q, string? audience, string? lang, int? category, string? kind, string? status)
    {
        var errors = new ErrorList();
        var parsedAudience = ArticleRules.ParseAudience(audience);
        if (audience is not null && parsedAudience is null)
        {
            errors.Add("audience", $"Expected one of {string.Join(", ", Enum.GetNames<ArticleAudience>())}.");
        }

        if (lang is not null && !ArticleLanguages.All.Contains(lang))
        {
            errors.Add("lang", $"Expected one of {string.Join(", ", ArticleLanguages.All)}.");
        }

        var parsedKind = ArticleRules.ParseKind(kind);
        if (kind is not null && parsedKind is null)
        {
            errors.Add("kind", $"Expected one of {string.Join(", ", Enum.GetNames<ArticleKind>())}.");
        }

        var parsedStatus = ArticleRules.ParseStatus(status);
        if (status is not null && parsedStatus is null)
        {
            errors.Add("status", $"Expected one of {string.Join(", ", Enum.GetNames<ArticleStatus>())}.");
        }

        errors.MaxLength("q", q, ArticleSearch.MaxTextLength);
        return errors.Any ? Result.Invalid(errors) : new ArticleQuery(q, category is { } c ? [c] : null, parsedAudience, lang, parsedKind, parsedStatus);
    }

    private static PagedResult<SearchHit> Paged(PagedResult<ArticleHit> page) => new(page.Items.Select(Hit).ToList(), page.Total, page.Page, page.PageSize);

    private static SearchHit Hit(ArticleHit h) => new(h.Id, h.Slug, h.Language, h.Kind, h.Audience, h.Status, h.Title, h.Summary, h.Snippet, h.Url, Math.Round(h.Rank, 4));
}
