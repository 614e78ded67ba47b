using System.Globalization;
using System.Text;

namespace DistrictOps.Web.Modules.Directory.Demo;

/// <summary>A name as it appears in a username: "Sebastián" → "sebastian", "De la Cruz" → "delacruz", "O'Brien" → "obrien".</summary>
internal sealed class UsernameParts
{
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);

    public string Of(string name)
    {
        if (!_cache.TryGetValue(name, out var part))
        {
            var builder = new StringBuilder(name.Length);
            foreach (var c in name.Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && char.IsAsciiLetter(c))
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }

            part = builder.ToString();
            _cache[name] = part;
        }

        return part;
    }
}
