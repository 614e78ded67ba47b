using System.Net;
using System.Text;
using Ganss.Xss;
using Markdig;

namespace DistrictOps.Web.Modules.Knowledge.Articles;

/// <summary>A numbered step of a procedure and the role that does it.</summary>
public sealed record ProcedureStep(int Number, string Role, string Text);

/// <summary>An article body split into Markdown and, in a procedure, its steps block, in the order they come.</summary>
public sealed record ArticleBody(IReadOnlyList<BodyPart> Parts)
{
    public IReadOnlyList<ProcedureStep> Steps => Parts.OfType<StepsPart>().SelectMany(p => p.Steps).ToList();
}

public abstract record BodyPart;

public sealed record MarkdownPart(string Markdown) : BodyPart;

public sealed record StepsPart(IReadOnlyList<ProcedureStep> Steps) : BodyPart;

/// <summary>
/// Article bodies: CommonMark (Markdig, raw HTML off, the result sanitized again), and a procedure's steps written as a
/// block of lines <c>Responsible role | what to do</c> between <c>:::steps</c> and <c>:::</c>. Parsing says which line
/// is wrong; rendering never fails on a body that parsed.
/// </summary>
public static class ArticleMarkdown
{
    public const string StepsOpen = ":::steps";
    public const string StepsClose = ":::";
    public const int MaxSteps = 40;
    public const int RoleMaxLength = 80;

    /// <summary>Where an article's own pictures are served; a picture from anywhere else is dropped.</summary>
    public const string FilesPath = "/knowledge/files/";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .UseListExtras()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>The body's parts, or the problems found, each naming its line (1-based, as the editor shows it).</summary>
    public static (ArticleBody? Body, IReadOnlyList<string> Problems) Parse(string body)
    {
        var parts = new List<BodyPart>();
        var problems = new List<string>();
        var markdown = new StringBuilder();
        List<ProcedureStep>? steps = null;
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var openedAt = 0;
        var stepLines = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (steps is null)
            {
                if (trimmed.Equals(StepsOpen, StringComparison.OrdinalIgnoreCase))
                {
                    Flush(markdown, parts);
                    steps = [];
                    openedAt = i + 1;
                    stepLines = 0;
                }
                else
                {
                    markdown.Append(line).Append('\n');
                }

                continue;
            }

            if (trimmed == StepsClose)
            {
                if (stepLines == 0)
                {
                    problems.Add($"Line {openedAt}: the steps block is empty; write one step per line as 'Responsible role | what to do'.");
                }

                parts.Add(new StepsPart(steps));
                steps = null;
                continue;
            }

            if (trimmed.Length == 0)
            {
                continue;
            }

            stepLines++;
            var bar = trimmed.IndexOf('|', StringComparison.Ordinal);
            var role = bar < 0 ? "" : trimmed[..bar].Trim();
            var text = bar < 0 ? "" : trimmed[(bar + 1)..].Trim();
            if (role.Length == 0 || text.Length == 0 || text.Contains('|', StringComparison.Ordinal))
            {
                problems.Add($"Line {i + 1}: a step is written 'Responsible role | what to do', with one '|'; found '{Shorten(trimmed)}'.");
            }
            else if (role.Length > RoleMaxLength)
            {
                problems.Add($"Line {i + 1}: the responsible role is limited to {RoleMaxLength} characters.");
            }
            else
            {
                steps.Add(new ProcedureStep(0, role, text));
            }
        }

        if (steps is not null)
        {
            problems.Add($"Line {openedAt}: the steps block that starts here has no closing '{StepsClose}' line.");
        }

        Flush(markdown, parts);
        var numbered = Number(parts);
        if (numbered.OfType<StepsPart>().Sum(p => p.Steps.Count) > MaxSteps)
        {
            problems.Add($"A procedure has at most {MaxSteps} steps.");
        }

        return problems.Count > 0 ? (null, problems) : (new ArticleBody(numbered), []);
    }

    /// <summary>Safe HTML for a body that <see cref="Parse"/> accepted; a steps block is a numbered list with each step's role.</summary>
    public static string ToHtml(ArticleBody body)
    {
        var html = new StringBuilder();
        foreach (var part in body.Parts)
        {
            if (part is MarkdownPart markdown)
            {
                html.Append(Markdown.ToHtml(markdown.Markdown, Pipeline));
                continue;
            }

            var steps = (StepsPart)part;
            html.Append("<ol class=\"steps\">");
            foreach (var step in steps.Steps)
            {
                html.Append("<li><span class=\"step-role\">").Append(WebUtility.HtmlEncode(step.Role)).Append("</span> ")
                    .Append(InlineHtml(step.Text)).Append("</li>");
            }

            html.Append("</ol>");
        }

        return Sanitizer.Sanitize(html.ToString());
    }

    /// <summary>One line of Markdown as inline HTML (no paragraph around it), sanitized.</summary>
    public static string InlineHtml(string markdown)
    {
        var html = Markdown.ToHtml(markdown, Pipeline).Trim();
        if (html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal))
        {
            html = html[3..^4];
        }

        return Sanitizer.Sanitize(html);
    }

    /// <summary>The words of the body for the search index: Markdown without its marks, steps as "role: text".</summary>
    public static string ToPlainText(ArticleBody body)
    {
        var text = new StringBuilder();
        foreach (var part in body.Parts)
        {
            if (part is MarkdownPart markdown)
            {
                text.Append(Markdown.ToPlainText(markdown.Markdown, Pipeline));
                continue;
            }

            foreach (var step in ((StepsPart)part).Steps)
            {
                text.Append(step.Number).Append(". ").Append(step.Role).Append(": ")
                    .Append(Markdown.ToPlainText(step.Text, Pipeline).Trim()).Append('\n');
            }
        }

        return string.Join(' ', text.ToString().Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
    }

    private static void Flush(StringBuilder markdown, List<BodyPart> parts)
    {
        if (markdown.ToString().Trim().Length > 0)
        {
            parts.Add(new MarkdownPart(markdown.ToString()));
        }

        markdown.Clear();
    }

    private static List<BodyPart> Number(List<BodyPart> parts)
    {
        var number = 0;
        return parts.Select(p => p is StepsPart s
            ? new StepsPart(s.Steps.Select(step => step with { Number = ++number }).ToList())
            : p).ToList();
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedClasses.Clear();
        sanitizer.AllowedClasses.Add("steps");
        sanitizer.AllowedClasses.Add("step-role");
        // Links leave with no referrer, and a link to another site cannot reach back into this window. Pictures come only
        // from the article's own files: one from elsewhere would tell another site who reads the article, and when.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer");
            }
            else if (e.Node is AngleSharp.Dom.IElement { TagName: "IMG" } image)
            {
                if (image.GetAttribute("src")?.StartsWith(FilesPath, StringComparison.Ordinal) == true)
                {
                    image.SetAttribute("loading", "lazy");
                }
                else
                {
                    image.Remove();
                }
            }
        };
        return sanitizer;
    }
}
