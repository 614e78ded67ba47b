using System.Globalization;
using System.Text;

namespace DistrictOps.Web.Modules.Rostering.Packages;

/// <summary>
/// How a package writes values (pure): dates <c>YYYY-MM-DD</c>, instants <c>YYYY-MM-DDTHH:MM:SS.sssZ</c> in UTC, booleans
/// <c>true</c>/<c>false</c>, lists comma-separated (so quoted), and RFC 4180 quoting: a field with a comma, a quote or a line
/// break is quoted, its quotes doubled; records end with CRLF. Files are UTF-8 without a byte order mark.
/// </summary>
public static class RosterCsv
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public const string LineEnd = "\r\n";

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Instant(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) ?? "";

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Bool(bool? value) => value is { } known ? Bool(known) : "";

    public static string List(IEnumerable<string> values) => string.Join(',', values);

    /// <summary>A value as one CSV field.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>One record: its fields quoted as needed, joined by commas, ended by CRLF.</summary>
    public static void WriteRecord(TextWriter writer, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(Field(fields[i]));
        }

        writer.Write(LineEnd);
    }

    public static string Record(IReadOnlyList<string?> fields)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteRecord(writer, fields);
        return writer.ToString();
    }
}

/// <summary>A CSV file being written into a package: its header, then records, counting them.</summary>
public sealed class CsvFileWriter(TextWriter writer, IReadOnlyList<string> header)
{
    public int Rows { get; private set; }

    public IReadOnlyList<string> Header { get; } = header;

    public void WriteHeader() => RosterCsv.WriteRecord(writer, Header);

    public void Write(IReadOnlyList<string?> fields)
    {
        if (fields.Count != Header.Count)
        {
            throw new InvalidOperationException($"A record has {fields.Count} fields; the header has {Header.Count}.");
        }

        RosterCsv.WriteRecord(writer, fields);
        Rows++;
    }
}
