using System.IO.Hashing;
using System.Text;

namespace DistrictOps.Web.Modules.Directory.ImportOneRoster;

/// <summary>A stable 64-bit hash of a row's imported fields: equal hashes mean nothing to write.</summary>
internal static class ContentHash
{
    public static long Of(params object?[] fields)
    {
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            text.Append(field switch
            {
                null => "",
                DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                bool b => b ? "1" : "0",
                IEnumerable<string> list => string.Join(',', list),
                _ => Convert.ToString(field, System.Globalization.CultureInfo.InvariantCulture),
            });
            text.Append('\u001f');
        }

        return unchecked((long)XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>Sets a property only when the value differs, and remembers which fields changed.</summary>
internal sealed class FieldChanges
{
    private readonly List<string> _names = [];

    public IReadOnlyList<string> Names => _names;

    public T Set<T>(string name, T current, T value)
    {
        if (!EqualityComparer<T>.Default.Equals(current, value))
        {
            _names.Add(name);
        }

        return value;
    }

    public void Mark(string name) => _names.Add(name);
}
