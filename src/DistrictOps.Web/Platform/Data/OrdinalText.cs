using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DistrictOps.Web.Platform.Data;

/// <summary>
/// Codes that are compared and sorted character by character (asset tags, serials), the same on both databases: SQLite
/// compares text that way already; PostgreSQL is told to (collation "C") instead of the server's language rules, under
/// which a dash may be ignored and a prefix's range would not hold its matches. A prefix search is then a range the
/// column's index answers, where <c>LIKE 'x%'</c> would read every row on both.
/// </summary>
public static class OrdinalText
{
    public const string Annotation = "DistrictOps:OrdinalText";

    public static PropertyBuilder<string> IsOrdinalText(this PropertyBuilder<string> property) => property.HasAnnotation(Annotation, true);

    /// <summary>The range [From, To) that holds exactly the values starting with <paramref name="prefix"/>, compared by character.</summary>
    public static (string From, string To) PrefixRange(string prefix) =>
        prefix.Length == 0 || prefix[^1] == char.MaxValue ? (prefix, prefix + char.MaxValue) : (prefix, prefix[..^1] + (char)(prefix[^1] + 1));
}
