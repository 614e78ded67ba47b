using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Knowledge.Articles;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Knowledge.Demo;

/// <summary>
/// In demo mode: the knowledge base the review asked for, from the recurring issues and the district's procedures, in
/// English and, where families read them, Spanish (<c>Demo/Articles</c>). Each was written by a technician and approved
/// by the IT manager some months ago, has been read and voted on, and a few are past their review date; one change waits
/// for review, and the Ask-for-help form has been answered by an article now and then. Runs once: a database with
/// articles, or one without a demo district (<c>Demo:Students=0</c>), is left alone.
/// </summary>
internal sealed class DemoKnowledgeSeed(
    AppDbContext db, IHelpdeskKnowledgeSources helpdesk, ISiteDirectory sites, DistrictTime time, IOptions<DemoOptions> options, ILogger<DemoKnowledgeSeed> logger) : IDemoSeed
{
    private const string ResourcePrefix = "knowledge/";

    /// <summary>After the help desk (20–23).</summary>
    public int Order => 30;

    public string Title => "Knowledge base articles and procedures";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Students <= 0 || await db.Set<Article>().AnyAsync(cancellationToken))
        {
            return;
        }

        var issueTypes = await helpdesk.IssueTypesAsync(cancellationToken);
        var files = ReadFiles(issueTypes);
        var accounts = await db.Users.AsNoTracking().Where(u => u.Email != null && DemoEmails.Contains(u.Email))
            .ToDictionaryAsync(u => u.Email!, u => (u.Id, u.DisplayName), cancellationToken);
        var random = new Random(30);
        var now = time.Now;
        var today = time.Today;
        var articles = new List<Article>();
        foreach (var (file, index) in files.Select((f, i) => (f, i)))
        {
            var content = ArticleRules.Check(file.Command, ArticleRules.ParseKind(file.Command.Kind)!.Value, issueTypes);
            if (!content.Succeeded)
            {
                throw new InvalidOperationException($"{file.Slug}.{file.Language}.md: {content.Failure.Message}");
            }

            var technical = content.Value.Audience == ArticleAudience.Technicians;
            var (authorId, authorName) = accounts.GetValueOrDefault(technical ? "senior.tech@bayview.example" : "helpdesk@bayview.example");
            var (_, approverName) = accounts.GetValueOrDefault("it.manager@bayview.example");
            // Every seventh article went live more than its review period ago: the stale-content report has work.
            var age = index % 7 == 3 ? file.Command.ReviewMonths!.Value * 31 + random.Next(5, 40) : random.Next(20, 150);
            var written = now.AddDays(-age).AddHours(-random.Next(0, 8));
            var article = new Article
            {
                Slug = file.Slug, Language = file.Language, Kind = ArticleRules.ParseKind(file.Command.Kind)!.Value,
                Title = content.Value.Title, Summary = content.Value.Summary, Body = content.Value.Body, PlainText = content.Value.PlainText,
                OwnerUserId = authorId == Guid.Empty ? null : authorId, OwnerName = authorName ?? "Help desk", ReviewMonths = file.Command.ReviewMonths!.Value,
                CreatedAt = written, UpdatedAt = written, LatestVersion = 1,
                Views = random.Next(5, 400), Helpful = random.Next(0, 30), NotHelpful = random.Next(0, 4),
            };
            var version = new ArticleVersion
            {
                Number = 1, Title = content.Value.Title, Summary = content.Value.Summary, Body = content.Value.Body, Audience = content.Value.Audience,
                Tags = content.Value.Tags, CategoryIds = content.Value.CategoryList, DeviceModels = content.Value.DeviceModels,
                EditedByUserId = article.OwnerUserId, EditedByName = article.OwnerName, EditedAt = written, Note = "First version",
                ApprovedByName = approverName ?? "IT manager", ApprovedAt = written.AddDays(1),
            };
            WriteArticleHandler.Publish(article, version, written.AddDays(1), DateOnly.FromDateTime(time.InDistrict(written.AddDays(1)).DateTime));
            db.Add(article);
            articles.Add(article);
            await db.SaveChangesAsync(cancellationToken);
            version.ArticleId = article.Id;
            db.Add(version);
        }

        await db.SaveChangesAsync(cancellationToken);
        await FeedbackAsync(articles, accounts, now, cancellationToken);
        await DeflectionsAsync(articles, random, now, cancellationToken);
        logger.LogInformation("Demo knowledge base: {Articles} articles and procedures ({Spanish} in Spanish), {Stale} past their review date.",
            articles.Count, articles.Count(a => a.Language == ArticleLanguages.Spanish), articles.Count(a => a.ReviewBy < today));
    }

    private static readonly string[] DemoEmails = ["senior.tech@bayview.example", "helpdesk@bayview.example", "it.manager@bayview.example", "site.tech@bayview.example"];

    private static List<DemoArticleFile> ReadFiles(IReadOnlyList<IssueTypeSummary> issueTypes)
    {
        var assembly = typeof(DemoKnowledgeSeed).Assembly;
        var files = new List<DemoArticleFile>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            files.Add(DemoArticleFile.Parse(name[ResourcePrefix.Length..], reader.ReadToEnd(), issueTypes));
        }

        // Originals before their translations, so a translation always has one.
        return files.OrderBy(f => f.Language == ArticleLanguages.English ? 0 : 1).ThenBy(f => f.Slug, StringComparer.Ordinal).ToList();
    }

    /// <summary>A reader's "not helpful" with a comment on one article, and a change by the site technician waiting for review on another.</summary>
    private async Task FeedbackAsync(List<Article> articles, Dictionary<string, (Guid Id, string DisplayName)> accounts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (articles.FirstOrDefault(a => a.Slug == "printer-shows-offline") is { } printer)
        {
            db.Add(new ReviewTask
            {
                ArticleId = printer.Id, RaisedByName = "Rosa Martinez", RaisedAt = now.AddDays(-2),
                Reason = "A reader said it did not help: our printer is a copier in the workroom and the steps did not match its screen.",
            });
        }

        if (articles.FirstOrDefault(a => a.Slug == "projector-shows-no-signal") is { } projector
            && accounts.TryGetValue("site.tech@bayview.example", out var siteTech))
        {
            var live = await db.Set<ArticleVersion>().AsNoTracking().SingleAsync(v => v.ArticleId == projector.Id, cancellationToken);
            db.Add(new ArticleVersion
            {
                ArticleId = projector.Id, Number = 2, Title = live.Title, Summary = live.Summary, Audience = live.Audience, Tags = live.Tags + ", hdmi",
                CategoryIds = live.CategoryIds, DeviceModels = live.DeviceModels, EditedByUserId = siteTech.Id, EditedByName = siteTech.DisplayName,
                EditedAt = now.AddDays(-1), Note = "Added the wall-plate HDMI check that fixes most of these at Harbor View.",
                Body = live.Body.TrimEnd() + "\n\n## Still no picture?\n\nSome rooms have an HDMI wall plate between the cart and the projector. Unplug the cable from the wall plate and plug it in again firmly; a loose plate is the most common cause.\n",
            });
            projector.LatestVersion = 2;
            projector.Status = ArticleStatus.InReview;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Requests answered by an article before they became tickets over the last 60 days, at the schools.</summary>
    private async Task DeflectionsAsync(List<Article> articles, Random random, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var siteIds = (await sites.ListAsync(cancellationToken)).Select(s => s.Id).ToList();
        var answering = articles.Where(a => a.Audience != ArticleAudience.Technicians && a.Language == ArticleLanguages.English).ToList();
        if (siteIds.Count == 0 || answering.Count == 0)
        {
            return;
        }

        for (var i = 0; i < 180; i++)
        {
            var article = answering[random.Next(answering.Count)];
            db.Add(new Deflection
            {
                ArticleId = article.Id, SiteId = siteIds[random.Next(siteIds.Count)], IssueTypeId = article.Categories.FirstOrDefault()?.IssueTypeId,
                At = now.AddMinutes(-random.Next(60, 60 * 24 * 60)),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
