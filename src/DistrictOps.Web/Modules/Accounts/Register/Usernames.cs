using System.Globalization;
using System.Text;

namespace DistrictOps.Web.Modules.Accounts.Register;

/// <summary>
/// Usernames from templates: each template in order, then the first with a counter from 2, each normalized (diacritics
/// removed, lower case, only letters, digits, dot, dash and underscore; at most the directory's length, cut before the
/// counter so the counter always fits). A name is taken if anyone has ever held it in any directory: names are never reused.
/// </summary>
public static class Usernames
{
    /// <summary>The names of a person's parts a template may use.</summary>
    public sealed record Parts(string First, string Last, string? Middle, string Id);

    /// <summary>
    /// The first name not taken. <paramref name="counters"/>, kept by a caller picking many names against names that are
    /// only ever added, remembers where each stem's counter got to, so the thousandth Maria Garcia is not a thousand tries.
    /// </summary>
    public static string Pick(IReadOnlyList<string> templates, Parts parts, int maxLength, Func<string, bool> taken, Dictionary<string, int>? counters = null)
    {
        foreach (var template in templates)
        {
            var name = Normalize(Fill(template, parts), maxLength);
            if (name.Length > 0 && !taken(name))
            {
                return name;
            }
        }

        var stem = Normalize(Fill(templates[0], parts), maxLength);
        if (stem.Length == 0)
        {
            // No letter of the name survives (a name in another script): the source id, then with a counter.
            stem = Normalize(parts.Id, maxLength);
            if (!taken(stem))
            {
                return stem;
            }
        }

        for (var counter = counters?.GetValueOrDefault(stem, 2) ?? 2; ; counter++)
        {
            var suffix = counter.ToString(CultureInfo.InvariantCulture);
            var name = stem[..Math.Min(stem.Length, maxLength - suffix.Length)].TrimEnd('.', '-', '_') + suffix;
            if (!taken(name))
            {
                if (counters is not null)
                {
                    counters[stem] = counter + 1;
                }

                return name;
            }
        }
    }

    public static string Fill(string template, Parts parts) => template
        .Replace("{first}", parts.First, StringComparison.Ordinal)
        .Replace("{last}", parts.Last, StringComparison.Ordinal)
        .Replace("{middle}", parts.Middle ?? "", StringComparison.Ordinal)
        .Replace("{f}", Initial(parts.First), StringComparison.Ordinal)
        .Replace("{m}", Initial(parts.Middle), StringComparison.Ordinal)
        .Replace("{l}", Initial(parts.Last), StringComparison.Ordinal)
        .Replace("{id}", parts.Id, StringComparison.Ordinal);

    /// <summary>"José María O'Brien-Núñez" → "josemaria.obrien-nunez" as far as the template made it; never two dots in a row, none at either end.</summary>
    public static string Normalize(string text, int maxLength)
    {
        var plain = new StringBuilder(text.Length);
        var spelled = text.Replace("ß", "ss", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal).Replace("Æ", "Ae", StringComparison.Ordinal)
            .Replace("œ", "oe", StringComparison.Ordinal).Replace("Œ", "Oe", StringComparison.Ordinal);
        foreach (var c in spelled.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c switch { 'ø' or 'Ø' => 'o', 'đ' or 'Đ' or 'ð' => 'd', 'ł' or 'Ł' => 'l', _ => c });
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9' || (lower is '.' or '-' or '_' && plain.Length > 0 && plain[^1] is not ('.' or '-' or '_')))
            {
                plain.Append(lower);
            }
        }

        var name = plain.ToString().Trim('.', '-', '_');
        return name.Length <= maxLength ? name : name[..maxLength].TrimEnd('.', '-', '_');
    }

    private static string Initial(string? part) => Normalize(part ?? "", 64) is { Length: > 0 } p ? p[..1] : "";
}
