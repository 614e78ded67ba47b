using System.Globalization;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Knowledge.Articles;

namespace DistrictOps.Web.Modules.Knowledge.Demo;

/// <summary>One demo article file: <c>slug.lang.md</c> with a front matter of seven keys in order, then the Markdown body.</summary>
public sealed record DemoArticleFile(string Slug, string Language, SaveArticleCommand Command)
{
    private static readonly string[] Keys = ["title", "summary", "kind", "audience", "categories", "tags", "review-months"];

    /// <summary>The file's article, or the first problem as <c>file:line: what was expected</c>.</summary>
    public static DemoArticleFile Parse(string fileName, string text, IReadOnlyList<IssueTypeSummary> issueTypes)
    {
        var parts = fileName.Split('.');
        if (parts.Length != 3 || parts[2] != "md" || !ArticleRules.IsSlug(parts[0]))
        {
            throw Problem(fileName, 1, "the name should be <slug>.<language>.md, e.g. printer-shows-offline.en.md");
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length < Keys.Length + 2 || lines[0] != "---" || lines[Keys.Length + 1] != "---")
        {
            throw Problem(fileName, 1, $"expected a '---' line, the {Keys.Length} keys {string.Join(", ", Keys)} one per line, and a '---' line");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Keys.Length; i++)
        {
            var line = lines[i + 1];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || line[..colon] != Keys[i])
            {
                throw Problem(fileName, i + 2, $"expected '{Keys[i]}: …'");
            }

            values[Keys[i]] = line[(colon + 1)..].Trim();
        }

        var paths = issueTypes.ToDictionary(c => c.Path, c => c.Id, StringComparer.Ordinal);
        var categories = new List<int>();
        foreach (var path in values["categories"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            categories.Add(paths.TryGetValue(path, out var id) ? id : throw Problem(fileName, 6, $"'{path}' is not a help desk issue type"));
        }

        if (!int.TryParse(values["review-months"], NumberStyles.None, CultureInfo.InvariantCulture, out var months))
        {
            throw Problem(fileName, 8, "review-months should be a whole number of months");
        }

        var body = string.Join('\n', lines.Skip(Keys.Length + 2)).Trim() + "\n";
        return new DemoArticleFile(parts[0], parts[1], new SaveArticleCommand(
            values["title"], values["summary"], body, values["audience"], categories, values["tags"], Kind: values["kind"],
            Language: parts[1], Slug: parts[0], ReviewMonths: months));
    }

    private static InvalidOperationException Problem(string fileName, int line, string expected) => new($"{fileName}:{line}: {expected}.");
}
