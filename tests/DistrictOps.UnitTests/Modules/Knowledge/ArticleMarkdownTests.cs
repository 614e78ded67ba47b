using DistrictOps.Web.Modules.Knowledge.Articles;

namespace DistrictOps.UnitTests.Modules.Knowledge;

public sealed class ArticleMarkdownTests
{
    [Fact]
    public void Steps_are_numbered_across_blocks_with_their_roles_and_the_markdown_around_them_kept_in_order()
    {
        var (body, problems) = ArticleMarkdown.Parse("Intro.\n:::steps\nTeacher | Report it.\n\nSite technician | Fix **it**.\n:::\nBetween.\n:::steps\nPrincipal | Decide.\n:::\nEnd.");

        Assert.Empty(problems);
        Assert.Equal([(1, "Teacher", "Report it."), (2, "Site technician", "Fix **it**."), (3, "Principal", "Decide.")], body!.Steps.Select(s => (s.Number, s.Role, s.Text)));
        Assert.Equal(["Markdown", "Steps", "Markdown", "Steps", "Markdown"], body.Parts.Select(p => p is StepsPart ? "Steps" : "Markdown"));
        Assert.Equal("Intro. 1. Teacher: Report it. 2. Site technician: Fix it. Between. 3. Principal: Decide. End.", ArticleMarkdown.ToPlainText(body));
    }

    [Theory]
    [InlineData(":::steps\nTeacher | Report it.\n", "Line 1: the steps block that starts here has no closing ':::' line.")]
    [InlineData("Intro\n:::steps\n:::", "Line 2: the steps block is empty")]
    [InlineData(":::steps\nReport it without a role\n:::", "Line 2: a step is written 'Responsible role | what to do'")]
    [InlineData(":::steps\nTeacher | Report | it\n:::", "Line 2: a step is written 'Responsible role | what to do', with one '|'")]
    public void A_broken_steps_block_is_refused_naming_its_line(string body, string expected)
    {
        var (parsed, problems) = ArticleMarkdown.Parse(body);

        Assert.Null(parsed);
        Assert.StartsWith(expected, Assert.Single(problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)", "data:")]
    [InlineData("![tracker](https://example.org/pixel.png)", "<img")]
    public void Raw_html_and_script_links_never_reach_the_page(string markdown, string forbidden)
    {
        var html = ArticleMarkdown.ToHtml(ArticleMarkdown.Parse(markdown).Body!);

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_articles_own_pictures_are_kept_and_load_lazily()
    {
        var html = ArticleMarkdown.ToHtml(ArticleMarkdown.Parse("![The charging port](/knowledge/files/7/port.png)").Body!);

        Assert.Contains("<img src=\"/knowledge/files/7/port.png\" alt=\"The charging port\" loading=\"lazy\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_are_kept_and_leave_without_a_referrer()
    {
        var html = ArticleMarkdown.ToHtml(ArticleMarkdown.Parse("See [the form](/helpdesk/requests/new) and <https://example.org/a>.").Body!);

        Assert.Contains("<a href=\"/helpdesk/requests/new\" rel=\"noopener noreferrer\">the form</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/a\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Printer shows \"Offline\"", "printer-shows-offline")]
    [InlineData("Contraseña olvidada: ¿qué hago?", "contrasena-olvidada-que-hago")]
    [InlineData("Reviews", "reviews-article")]
    [InlineData("¿?", "article")]
    public void A_slug_is_made_from_the_title_without_accents_or_reserved_words(string title, string slug)
    {
        Assert.Equal(slug, ArticleRules.SlugFrom(title));
        Assert.True(ArticleRules.IsSlug(slug));
    }

    [Theory]
    [InlineData("write")]
    [InlineData("Printer")]
    [InlineData("a--b")]
    [InlineData("-a")]
    [InlineData("ñu")]
    public void Reserved_and_malformed_addresses_are_not_slugs(string slug) => Assert.False(ArticleRules.IsSlug(slug));

    [Fact]
    public void Search_words_are_letters_and_digits_only_so_no_engine_syntax_gets_through()
    {
        Assert.Equal(["printer", "NEAR", "OR", "x", "año", "2"], ArticleSearch.Words("printer\" NEAR(OR x* -año:2"));
        Assert.Equal("a &lt;b&gt; <mark>c</mark>", ArticleSearch.SnippetHtml($"a <b> {ArticleSearch.MarkStart}c{ArticleSearch.MarkEnd}"));
    }
}
