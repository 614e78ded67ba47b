using System.Globalization;

namespace DistrictOps.Web.Platform.Uploads;

/// <summary>The name an uploaded file is kept and offered under.</summary>
public static class UploadNames
{
    public const int MaxLength = 255;

    /// <summary>
    /// The last path segment without control or format characters (the bidi overrides that make <c>gpj.exe</c> read as
    /// <c>exe.jpg</c>) or quotes, ending in an extension of the type its content was detected as: the first of
    /// <paramref name="extensions"/> unless it already ends in one of them.
    /// </summary>
    public static string Clean(string? fileName, string fallback, params string[] extensions)
    {
        var name = new string(Path.GetFileName(fileName ?? "").Where(Kept).ToArray()).Trim().TrimEnd('.');
        if (name.Length == 0)
        {
            name = fallback;
        }

        if (!extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            var stem = Path.GetFileNameWithoutExtension(name);
            name = (stem.Length == 0 ? fallback : stem) + extensions[0];
        }

        return name.Length <= MaxLength ? name : name[^MaxLength..];
    }

    private static bool Kept(char c) =>
        !char.IsControl(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format && c is not ('"' or '\\' or '/');
}
