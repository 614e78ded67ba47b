using Sylvan.Data.Csv;

namespace DistrictOps.Web.Modules.Devices.ImportDevices;

/// <summary>One problem in a file, where a spreadsheet shows it: the line (the header is line 1) and the column.</summary>
public sealed record ImportFinding(string File, int Line, int Column, string ColumnName, string Message)
{
    public string Text => Line == 0 ? $"{File}: {Message}" : $"{File}:{Line}:{Column} ({ColumnName}): {Message}";
}

/// <summary>
/// Reads a device CSV (UTF-8 with or without BOM, comma, RFC 4180 quoting) by column name, each known column under any of
/// its names (a vendor's "Serial number" is our serial), and keeps the physical line of every record, counting line
/// breaks inside quoted values, so an error points where a spreadsheet or editor shows it.
/// </summary>
public sealed class DeviceCsv : IDisposable
{
    private const int RecordLimit = 1 << 16;

    private readonly CsvDataReader csv;
    private readonly Dictionary<string, int> ordinals;
    private int next;

    private DeviceCsv(string file, CsvDataReader csv, Dictionary<string, int> ordinals, int next) => (File, this.csv, this.ordinals, this.next) = (file, csv, ordinals, next);

    public string File { get; }

    public int Line { get; private set; } = 1;

    /// <summary>
    /// Opens the file and matches its header to <paramref name="columns"/> (our name → the names a file may use, compared
    /// without case, spaces, dashes or underscores). Missing required columns and unreadable files are findings; then null.
    /// </summary>
    public static DeviceCsv? Open(string file, TextReader text, IReadOnlyDictionary<string, string[]> columns, IReadOnlyCollection<string> required, List<ImportFinding> findings)
    {
        CsvDataReader csv;
        try
        {
            csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, BufferSize = RecordLimit, Delimiter = ',' });
        }
        catch (CsvFormatException)
        {
            findings.Add(new ImportFinding(file, 1, 1, "", "The header is not valid CSV (comma separated, values with commas in double quotes)."));
            return null;
        }

        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var breaks = 0;
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var name = Key(csv.GetName(i));
            breaks += csv.GetName(i).Count(c => c == '\n');
            var known = columns.FirstOrDefault(c => Key(c.Key) == name || c.Value.Any(alias => Key(alias) == name)).Key;
            if (known is not null && !ordinals.TryAdd(known, i))
            {
                findings.Add(new ImportFinding(file, 1, i + 1, csv.GetName(i), $"The column {known} appears twice."));
            }
        }

        foreach (var missing in required.Where(c => !ordinals.ContainsKey(c)))
        {
            findings.Add(new ImportFinding(file, 1, 0, missing, $"The header has no {missing} column; expected the columns {string.Join(",", columns.Keys)}."));
        }

        if (findings.Count > 0)
        {
            csv.Dispose();
            return null;
        }

        return new DeviceCsv(file, csv, ordinals, 2 + breaks);
    }

    /// <summary>The next record; false at the end, or with a finding where the file stops being CSV.</summary>
    public bool Read(List<ImportFinding> findings)
    {
        try
        {
            if (!csv.Read())
            {
                return false;
            }
        }
        catch (CsvFormatException e)
        {
            findings.Add(new ImportFinding(File, next, e.FieldOrdinal + 1, "", e is CsvRecordTooLargeException
                ? $"The record is longer than {RecordLimit / 1024} KB; is a closing quote missing?"
                : "This is not valid CSV here (a quote not closed?); nothing after it was read."));
            return false;
        }

        Line = next;
        var breaks = 0;
        for (var i = 0; i < csv.RowFieldCount; i++)
        {
            breaks += csv.GetFieldSpan(i).Count('\n');
        }

        next = Line + 1 + breaks;
        return true;
    }

    /// <summary>The trimmed value of a column, or null when the file has no such column or the value is empty.</summary>
    public string? this[string column] =>
        ordinals.TryGetValue(column, out var i) && i < csv.RowFieldCount && csv.GetFieldSpan(i).Trim() is { Length: > 0 } value ? value.ToString() : null;

    /// <summary>The column's position in the file (1 for the first), 0 when the file has none.</summary>
    public int Column(string column) => ordinals.TryGetValue(column, out var i) ? i + 1 : 0;

    public ImportFinding Finding(string column, string message) => new(File, Line, Column(column), column, message);

    public void Dispose() => csv.Dispose();

    private static string Key(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
