using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace DistrictOps.Web.Modules.Helpdesk.Work.SearchEverything;

/// <summary>Marks what a search matched: the text is HTML-encoded piece by piece and only the marks are markup.</summary>
public static class Highlight
{
    /// <summary>
    /// <paramref name="text"/> with every case-insensitive occurrence of any of <paramref name="terms"/> in <c>&lt;mark&gt;</c>;
    /// when <paramref name="length"/> is given and the text is longer, a window of about that length around the first match.
    /// </summary>
    public static IHtmlContent Marked(string text, IReadOnlyList<string> terms, int length = 0)
    {
        var wanted = terms.Where(t => t.Length > 0).ToList();
        var (start, end) = Window(text, wanted, length);
        var html = new StringBuilder();
        if (start > 0)
        {
            html.Append('…');
        }

        var at = start;
        while (at < end)
        {
            var (found, term) = Next(text, wanted, at, end);
            if (found < 0)
            {
                html.Append(HtmlEncoder.Default.Encode(text[at..end]));
                break;
            }

            html.Append(HtmlEncoder.Default.Encode(text[at..found]))
                .Append("<mark>").Append(HtmlEncoder.Default.Encode(text.Substring(found, term.Length))).Append("</mark>");
            at = found + term.Length;
        }

        if (end < text.Length)
        {
            html.Append('…');
        }

        return new HtmlString(html.ToString());
    }

    public static bool Matches(string? text, IReadOnlyList<string> terms) =>
        text is not null && terms.Any(t => t.Length > 0 && text.Contains(t, StringComparison.OrdinalIgnoreCase));

    private static (int Start, int End) Window(string text, List<string> terms, int length)
    {
        if (length <= 0 || text.Length <= length)
        {
            return (0, text.Length);
        }

        var first = Next(text, terms, 0, text.Length).At;
        var start = Math.Clamp(first - length / 3, 0, text.Length - length);
        return (start, start + length);
    }

    /// <summary>The earliest match in [from, end) that ends before <paramref name="end"/>, the longest term first at a tie.</summary>
    private static (int At, string Term) Next(string text, List<string> terms, int from, int end)
    {
        var best = (At: -1, Term: "");
        foreach (var term in terms)
        {
            var at = term.Length <= end - from ? text.IndexOf(term, from, end - from, StringComparison.OrdinalIgnoreCase) : -1;
            if (at >= 0 && (best.At < 0 || at < best.At || (at == best.At && term.Length > best.Term.Length)))
            {
                best = (at, term);
            }
        }

        return best;
    }
}
