using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace DistrictOps.Web.Modules.Directory.Importing;

/// <summary>A stable 64-bit hash of a row's imported fields: equal hashes mean nothing to write.</summary>
internal static class ContentHash
{
    [ThreadStatic]
    private static StringBuilder? t_text;

    public static long Of(params object?[] fields)
    {
        // The fields as text, each followed by a unit separator, hashed as UTF-8: stored hashes depend on exactly this.
        var text = t_text ??= new StringBuilder(512);
        text.Clear();
        foreach (var field in fields)
        {
            switch (field)
            {
                case null:
                    break;
                case string s:
                    text.Append(s);
                    break;
                case DateOnly d:
                    text.Append(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case bool b:
                    text.Append(b ? '1' : '0');
                    break;
                case IEnumerable<string> list:
                    text.AppendJoin(',', list);
                    break;
                default:
                    text.Append(Convert.ToString(field, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }

            text.Append('\u001f');
        }

        var chars = ArrayPool<char>.Shared.Rent(text.Length);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            text.CopyTo(0, chars, 0, text.Length);
            var length = Encoding.UTF8.GetBytes(chars, 0, text.Length, bytes, 0);
            return unchecked((long)XxHash3.HashToUInt64(bytes.AsSpan(0, length)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
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
