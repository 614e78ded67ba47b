using System.Globalization;
using Sylvan.Data.Csv;

namespace DistrictOps.Web.Modules.Directory.Importing;

/// <summary>
/// Reads one OneRoster CSV file row by row, checking the header by name and each value by its rule.
/// Liberal on input (BOM, CRLF, any column order, TRUE/True for booleans, enumeration case), exact in messages.
/// </summary>
internal sealed class CsvFile : IDisposable
{
    internal const int RecordLimit = 1 << 16;

    private readonly TextReader _text;
    private readonly CsvDataReader _csv;
    private readonly Dictionary<string, int> _ordinals;
    private readonly ImportErrorLog _errors;

    /// <summary>The current row's errors, logged in column order when the row is done.</summary>
    private readonly List<ImportError> _rowErrors = [];

    /// <summary>The current row's dangling references: warnings when the row has no error, so it is left out; else errors.</summary>
    private readonly List<ImportError> _rowDangling = [];

    private CsvFile(string name, TextReader text, CsvDataReader csv, Dictionary<string, int> ordinals, ImportErrorLog errors)
    {
        Name = name;
        _text = text;
        _csv = csv;
        _ordinals = ordinals;
        _errors = errors;
    }

    public string Name { get; }

    /// <summary>The physical line the current row starts on (the header is line 1; a quoted line break moves the rows after it down).</summary>
    public int Line { get; private set; } = 1;

    /// <summary>The line the next row starts on.</summary>
    private int _next;

    /// <summary>The records read so far.</summary>
    public int Rows { get; private set; }

    /// <summary>The records left out so far for a dangling reference (see <see cref="Dangling"/>).</summary>
    public int LeftOut { get; private set; }

    /// <summary>The current row has a dangling reference and no error: it is left out with a warning.</summary>
    public bool IsLeftOut => _rowDangling.Count > 0 && _rowErrors.Count == 0;

    /// <summary>The file stopped being CSV part-way (its error is logged); the rows after that point were not read.</summary>
    public bool Broken { get; private set; }

    // reportHeader is false when an earlier read checked the header, so its findings are not logged twice.
    public static CsvFile? Open(OneRosterPackage package, string file, IReadOnlyList<string> columns, ImportErrorLog errors, bool reportHeader = true)
    {
        var header = reportHeader ? errors : new ImportErrorLog();
        var text = package.OpenText(file);
        CsvDataReader csv;
        try
        {
            csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, BufferSize = RecordLimit });
        }
        catch (CsvFormatException e)
        {
            text.Dispose();
            header.Add(file, 1, e.FieldOrdinal + 1, Malformed(e));
            return null;
        }

        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var name = csv.GetName(i).Trim();
            var known = columns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (known is not null)
            {
                if (!ordinals.TryAdd(known, i))
                {
                    header.Add(file, 1, i + 1, $"column '{csv.GetName(i)}' appears twice.");
                    ok = false;
                }
            }
            else if (name.StartsWith("metadata.", StringComparison.Ordinal))
            {
                ordinals.TryAdd(name, i);
            }
            else if (name.Length == 0)
            {
                header.Warn(file, 1, i + 1, "a column without a name is ignored (trailing commas in the header?).");
            }
            else
            {
                header.Warn(file, 1, i + 1, $"unknown column '{csv.GetName(i)}' is ignored; the OneRoster columns are {string.Join(",", columns)} (and metadata.* extensions).");
            }
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (!ordinals.ContainsKey(columns[i]) && !OneRosterSpec.OptionalColumns.Contains(columns[i]))
            {
                header.Add(file, 1, i + 1, $"the header has no '{columns[i]}' column; OneRoster puts it in column {i + 1}.");
                ok = false;
            }
        }

        var result = new CsvFile(file, text, csv, ordinals, errors) { _next = 2 + LineBreaks(csv, header: true) };
        if (ok)
        {
            return result;
        }

        result.Dispose();
        return null;
    }

    public bool Read()
    {
        LogRowErrors();
        try
        {
            if (!_csv.Read())
            {
                return false;
            }
        }
        catch (CsvFormatException e)
        {
            // The reader cannot find where the next record starts, so the rest of the file is not read.
            _errors.Add(Name, _next, e.FieldOrdinal + 1, Malformed(e));
            Broken = true;
            return false;
        }

        Line = _next;
        _next = Line + 1 + LineBreaks(_csv, header: false);
        Rows++;
        return true;
    }

    /// <summary>Line breaks inside the quoted values of the current record, or of the header.</summary>
    private static int LineBreaks(CsvDataReader csv, bool header)
    {
        var breaks = 0;
        var count = header ? csv.FieldCount : csv.RowFieldCount;
        for (var i = 0; i < count; i++)
        {
            var value = header ? csv.GetName(i).AsSpan() : csv.GetFieldSpan(i);
            if (value.Contains('\n'))
            {
                breaks += value.Count('\n');
            }
        }

        return breaks;
    }

    /// <summary>
    /// The message for a file that is not CSV where it breaks. A record longer than <see cref="RecordLimit"/> characters
    /// is refused rather than read into memory: it is almost always a missing closing quote.
    /// </summary>
    internal static string Malformed(CsvFormatException e) => e switch
    {
        CsvRecordTooLargeException => $"the record is longer than {RecordLimit / 1024} KB; is a closing quote missing?",
        CsvInvalidCharacterException => "a quoted value has no closing quote.",
        _ => "this is not valid CSV.",
    };

    /// <summary>The characters of the current row's values, for a read that touches every value and keeps none.</summary>
    public int Characters()
    {
        var characters = 0;
        for (var i = 0; i < _csv.RowFieldCount; i++)
        {
            characters += _csv.GetFieldSpan(i).Length;
        }

        return characters;
    }

    public int Column(string name) => _ordinals.TryGetValue(name, out var i) ? i + 1 : 0;

    /// <summary>The header's names as the file writes them, in the file's order.</summary>
    public IEnumerable<string> Header => Enumerable.Range(0, _csv.FieldCount).Select(_csv.GetName);

    /// <summary>The current row's number of values.</summary>
    public int FieldCount => _csv.RowFieldCount;

    /// <summary>The current row's value in the file's column <paramref name="ordinal"/> (0-based), as written.</summary>
    public ReadOnlySpan<char> FieldAt(int ordinal) => _csv.GetFieldSpan(ordinal);

    public string Raw(string name)
    {
        var value = RawSpan(name);
        return value.IsEmpty ? "" : value.ToString();
    }

    /// <summary>The trimmed value without making a string of it.</summary>
    public ReadOnlySpan<char> RawSpan(string name) => Field(name).Trim();

    private ReadOnlySpan<char> Field(string name) =>
        _ordinals.TryGetValue(name, out var i) && i < _csv.RowFieldCount ? _csv.GetFieldSpan(i) : [];

    /// <summary>The value as the file writes it, spaces included: messages quote this, not the value as read.</summary>
    public string Written(string name) => Field(name).ToString();

    /// <summary>The entry of a comma-separated list as the file writes it, for the entry <paramref name="value"/> read from it.</summary>
    public string Written(string name, string value)
    {
        foreach (var entry in Written(name).Split(','))
        {
            if (entry.AsSpan().Trim().SequenceEqual(value))
            {
                return entry;
            }
        }

        return value;
    }

    public void Error(string column, string message) => _rowErrors.Add(Finding(column, message));

    /// <summary>A finding that does not stop the import: the row is applied with what the message says was done.</summary>
    public void Warn(string column, string message) => _errors.Warn(Finding(column, message));

    /// <summary>A finding at a column of the current row, with the column's value as the file writes it.</summary>
    private ImportError Finding(string column, string message, string? fix = null)
    {
        var at = Column(column);
        return new(Name, Line, at, message) { Value = at > 0 ? Written(column) : null, Fix = fix };
    }

    /// <summary>
    /// A reference to nothing (<paramref name="finding"/> without a full stop). Alone it only leaves the row out, with a
    /// warning; beside an error in the same row it is an error too, since nothing is applied then.
    /// </summary>
    public void Dangling(string column, string finding) =>
        _rowDangling.Add(Finding(column, finding, "Correct the reference, or send the row it names in the same export."));

    private void LogRowErrors()
    {
        if (IsLeftOut)
        {
            LeftOut++;
            foreach (var finding in _rowDangling)
            {
                _errors.Warn(finding with { Message = finding.Message + "; the row is left out." });
            }
        }
        else
        {
            _rowErrors.AddRange(_rowDangling.Select(d => d with { Message = d.Message + "." }));
        }

        _rowDangling.Clear();
        if (_rowErrors.Count == 0)
        {
            return;
        }

        foreach (var error in _rowErrors.OrderBy(e => e.Column))
        {
            _errors.Add(error);
        }

        _rowErrors.Clear();
    }

    public string? Text(string column, bool required = false, int maxLength = 255)
    {
        var value = Raw(column);
        if (value.Length == 0)
        {
            if (required)
            {
                Error(column, $"{column} is required.");
            }

            return null;
        }

        if (value.Length > maxLength)
        {
            Error(column, $"{column} is {value.Length} characters long; at most {maxLength} are allowed.");
            return null;
        }

        return value;
    }

    public string? Enum(string column, IReadOnlyList<string> allowed, bool required = true)
    {
        var value = Raw(column);
        if (value.Length == 0)
        {
            if (required)
            {
                Error(column, $"{column} is required; expected one of {string.Join(", ", allowed)}.");
            }

            return null;
        }

        string? match = null;
        for (var i = 0; i < allowed.Count && match is null; i++)
        {
            if (string.Equals(allowed[i], value, StringComparison.OrdinalIgnoreCase))
            {
                match = allowed[i];
            }
        }

        if (match is null)
        {
            Error(column, $"{column} '{Written(column)}' is not one of {string.Join(", ", allowed)}.");
        }
        else if (!string.Equals(match, value, StringComparison.Ordinal) && !column.StartsWith("metadata.", StringComparison.Ordinal))
        {
            Warn(column, $"{column} '{Written(column)}' is read as '{match}' (OneRoster enumerations are case-sensitive).");
        }

        return match;
    }

    public DateOnly? Date(string column, bool required = false)
    {
        var value = Raw(column);
        if (value.Length == 0)
        {
            if (required)
            {
                Error(column, $"{column} is required; expected a date YYYY-MM-DD.");
            }

            return null;
        }

        if (IsDate(value, out var date))
        {
            return date;
        }

        Error(column, $"{column} '{Written(column)}' is not a date; expected YYYY-MM-DD.");
        return null;
    }

    public DateTimeOffset? Instant(string column, bool required)
    {
        var value = Raw(column);
        if (value.Length == 0)
        {
            if (required)
            {
                Error(column, $"{column} is required in a delta file; expected YYYY-MM-DDTHH:MM:SS.sssZ.");
            }

            return null;
        }

        if (IsInstant(value, out var instant))
        {
            return instant;
        }

        if (IsDate(value, out var day))
        {
            Warn(column, $"{column} '{Written(column)}' is a date, not a date-time; it is read as midnight UTC.");
            return new DateTimeOffset(day, TimeOnly.MinValue, TimeSpan.Zero);
        }

        Error(column, $"{column} '{Written(column)}' is not a date-time; expected YYYY-MM-DDTHH:MM:SS.sssZ.");
        return null;
    }

    /// <summary>A date as <c>yyyy-MM-dd</c>, read by hand in the usual case (<see cref="IsoDates.TryDate"/>).</summary>
    private static bool IsDate(string value, out DateOnly date) =>
        IsoDates.TryDate(value, out date) || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>
    /// A date-time with a time (a 'T'): what <see cref="Instant"/> accepts without a warning. The usual shape is read by hand
    /// (<see cref="IsoDates.TryInstant"/>), any other as the framework reads one.
    /// </summary>
    internal static bool IsInstant(ReadOnlySpan<char> value, out DateTimeOffset instant) =>
        IsoDates.TryInstant(value, out instant)
        || (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant)
            && value.Contains('T'));

    public bool? Bool(string column, bool required = true)
    {
        var value = Raw(column);
        if (value.Length == 0)
        {
            if (required)
            {
                Error(column, $"{column} is required; expected true or false.");
            }

            return null;
        }

        if (bool.TryParse(value, out var b))
        {
            return b;
        }

        Error(column, $"{column} '{Written(column)}' is not a boolean; expected true or false.");
        return null;
    }

    public IReadOnlyList<string> List(string column) =>
        Raw(column).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A comma-separated list of grades, each from the OneRoster grade set.</summary>
    public string? GradeList(string column)
    {
        var grades = new List<string>();
        foreach (var grade in List(column))
        {
            var match = OneRosterSpec.Grades.FirstOrDefault(g => string.Equals(g, grade, StringComparison.OrdinalIgnoreCase));
            if (match is null && grade.Length == 1 && char.IsAsciiDigit(grade[0]) && grade[0] != '0')
            {
                match = "0" + grade;
                Warn(column, $"grade '{Written(column, grade)}' is read as '{match}' (OneRoster grades have two digits).");
            }
            else if (match is not null && !string.Equals(match, grade, StringComparison.Ordinal))
            {
                Warn(column, $"grade '{Written(column, grade)}' is read as '{match}' (OneRoster grades are case-sensitive).");
            }

            if (match is null)
            {
                Error(column, $"grade '{Written(column, grade)}' is not one of {string.Join(", ", OneRosterSpec.Grades)}.");
            }
            else
            {
                grades.Add(match);
            }
        }

        return grades.Count == 0 ? null : string.Join(',', grades);
    }

    public void Dispose()
    {
        LogRowErrors();
        _csv.Dispose();
        _text.Dispose();
    }
}
