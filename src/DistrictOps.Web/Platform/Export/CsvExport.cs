using System.Globalization;
using System.Text;

namespace DistrictOps.Web.Platform.Export;

/// <summary>
/// RFC 4180 CSV (comma, CRLF, fields quoted when they hold a comma, quote or line break, quotes doubled), UTF-8 with a BOM
/// so spreadsheet programs read accents. Text that a spreadsheet would run as a formula (starting with = + - @, tab or
/// carriage return) gets a leading apostrophe, as does such text after a semicolon, where a spreadsheet set to split on
/// semicolons starts a new cell (and a field holding one is quoted); numbers are written as numbers, invariant culture,
/// dates as YYYY-MM-DD.
/// </summary>
public static partial class CsvExport
{
    public static byte[] Write(ExportTable table)
    {
        var csv = new StringBuilder();
        Line(csv, table.Columns.Select(c => Text(c.Name)));
        foreach (var row in table.Rows)
        {
            Line(csv, row.Select(Field));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static string Field(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        int or long or short or byte => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static string Text(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        text = FormulaAfterSemicolon().Replace(text, ";'");
        return text.AsSpan().IndexOfAny(",;\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@";(?=[ \t\r]*[=+\-@\t\r])")]
    private static partial System.Text.RegularExpressions.Regex FormulaAfterSemicolon();

    private static void Line(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields);
        csv.Append("\r\n");
    }
}
