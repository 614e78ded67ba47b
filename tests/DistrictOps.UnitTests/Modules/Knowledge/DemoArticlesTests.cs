using System.Text.RegularExpressions;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Knowledge.Articles;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Modules.Knowledge.Demo;

namespace DistrictOps.UnitTests.Modules.Knowledge;

/// <summary>The demo knowledge base's files pass the same rules as an article written in the editor.</summary>
public sealed partial class DemoArticlesTests
{
    private static readonly IReadOnlyList<IssueTypeSummary> IssueTypes =
        HelpdeskDefaults.IssueTypes.Select(c => new IssueTypeSummary(c.Id, c.ParentId, c.Path, c.Active)).ToList();

    [Fact]
    public void Every_demo_file_is_a_valid_article_and_the_set_covers_the_review()
    {
        var files = Files();

        foreach (var file in files)
        {
            var kind = ArticleRules.ParseKind(file.Command.Kind);
            Assert.NotNull(kind);
            var content = ArticleRules.Check(file.Command, kind.Value, IssueTypes);
            Assert.True(content.Succeeded, $"{file.Slug}.{file.Language}: {content.Failure?.Message}");
            Assert.True(ArticleRules.ReviewMonthChoices.Contains(file.Command.ReviewMonths!.Value), file.Slug);
        }

        Assert.True(files.Count(f => f.Language == ArticleLanguages.English) >= 40, "at least 40 articles and procedures");
        Assert.True(files.Count(f => f.Command.Kind == "procedure" && f.Language == ArticleLanguages.English) >= 5, "the review's procedures");
        Assert.All(files.Where(f => f.Command.Audience == "public"), f => Assert.Contains(files, t => t.Slug == f.Slug && t.Language != f.Language));
        Assert.All(files.Where(f => f.Language == ArticleLanguages.Spanish), f => Assert.Contains(files, o => o.Slug == f.Slug && o.Language == ArticleLanguages.English));
        foreach (var slug in new[] { "report-a-broken-device", "technology-for-new-staff-member", "move-classroom-or-office-equipment", "report-a-technology-issue", "report-a-lost-or-stolen-device" })
        {
            Assert.Contains(files, f => f.Slug == slug && f.Command.Kind == "procedure");
        }
    }

    [Fact]
    public void Links_between_demo_articles_lead_to_articles_that_exist()
    {
        var files = Files();
        var slugs = files.Select(f => f.Slug).ToHashSet(StringComparer.Ordinal);

        var links = files.SelectMany(f => KnowledgeLink().Matches(f.Command.Body!).Select(m => (f.Slug, Target: m.Groups[1].Value))).ToList();

        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.True(slugs.Contains(link.Target), $"{link.Slug} links to /knowledge/{link.Target}"));
    }

    [Fact]
    public void A_malformed_file_is_refused_with_its_name_and_line()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DemoArticleFile.Parse("x.en.md", "---\ntitle: X\nsummary: Y\nkind: article\naudience: staff\ncategories: Nowhere\ntags: a\nreview-months: 6\n---\nBody", IssueTypes));

        Assert.Equal("x.en.md:6: 'Nowhere' is not a help desk issue type.", error.Message);
    }

    private static List<DemoArticleFile> Files()
    {
        var assembly = typeof(DemoKnowledgeSeed).Assembly;
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith("knowledge/", StringComparison.Ordinal))
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return DemoArticleFile.Parse(n["knowledge/".Length..], reader.ReadToEnd(), IssueTypes);
            })
            .ToList();
    }

    [GeneratedRegex(@"\(/knowledge/([a-z0-9-]+)\)")]
    private static partial Regex KnowledgeLink();
}
