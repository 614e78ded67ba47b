using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Knowledge.Articles;
using DistrictOps.Web.Modules.Knowledge.Contracts;
using DistrictOps.Web.Modules.Knowledge.DeflectRequests;
using DistrictOps.Web.Modules.Knowledge.Demo;
using DistrictOps.Web.Modules.Knowledge.ReadArticle;
using DistrictOps.Web.Modules.Knowledge.ReviewContent;
using DistrictOps.Web.Modules.Knowledge.SearchArticles;
using DistrictOps.Web.Modules.Knowledge.WriteArticle;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Demo;
using DistrictOps.Web.Platform.Jobs;
using DistrictOps.Web.Platform.Modules;

namespace DistrictOps.Web.Modules.Knowledge;

/// <summary>Articles and procedures that answer recurring problems, suggested while a request is typed.</summary>
public sealed class KnowledgeModule : IModule
{
    public string Name => "Knowledge";

    public IReadOnlyList<Permission> Permissions => KnowledgePermissions.All;

    public IReadOnlyList<NavItem> Navigation { get; } =
    [
        new("Knowledge base", "/knowledge", KnowledgePermissions.Read, "Answers to common problems and the district's technology procedures.", NavGroups.HelpDesk),
        new("Knowledge reviews", "/knowledge/reviews", KnowledgePermissions.Write, "Drafts waiting for review, articles past their review date and readers' feedback.", NavGroups.HelpDesk),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ArticleDetails>();
        services.AddScoped<ArticleFiles>();
        services.AddScoped<ArticleSearch>();
        services.AddScoped<WriteArticleHandler>();
        services.AddScoped<ReadArticleHandler>();
        services.AddScoped<DeflectionHandler>();
        services.AddScoped<ReviewContentHandler>();
        services.AddScheduledWork<ReviewReminderWork>(ReviewReminderWork.Name, TimeSpan.FromHours(6),
            "Emails owners once about their published articles that reached their review-by date.");
        services.AddScoped<IDemoSeed, DemoKnowledgeSeed>();
        services.AddScoped<KnowledgeArticles>();
        services.AddScoped<IKnowledgeArticles>(sp => sp.GetRequiredService<KnowledgeArticles>());
        services.AddScoped<IArticleLinks>(sp => sp.GetRequiredService<KnowledgeArticles>());
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/knowledge").WithTags("Knowledge")
            .MapSearchArticlesApi()
            .MapReadArticleApi()
            .MapWriteArticleApi();
        endpoints.MapArticleFiles();
    }
}
