using System.Buffers;
using System.Text;

namespace DistrictOps.Web.Modules.Directory.Demo;

/// <summary>
/// One CSV file written row by row: UTF-8 without BOM, "\n" line endings, a field quoted only when it holds
/// a comma, a quote or a line break (quotes doubled), so a list of ids becomes one quoted field.
/// </summary>
internal sealed class CsvTable : IDisposable
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private readonly StreamWriter _writer;
    private readonly int _columns;

    public CsvTable(string directory, string relativePath, IReadOnlyList<string> header)
    {
        RelativePath = relativePath;
        _columns = header.Count;
        var path = Path.Combine(directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        WriteFields([.. header]);
    }

    public string RelativePath { get; }

    public long Rows { get; private set; }

    public void Row(params ReadOnlySpan<string?> fields)
    {
        if (fields.Length != _columns)
        {
            throw new InvalidOperationException($"{RelativePath}: a row has {fields.Length} fields, the header {_columns}.");
        }

        WriteFields(fields);
        Rows++;
    }

    public void Dispose() => _writer.Dispose();

    private void WriteFields(ReadOnlySpan<string?> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            var value = fields[i];
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (value.AsSpan().IndexOfAny(NeedsQuotes) < 0)
            {
                _writer.Write(value);
            }
            else
            {
                _writer.Write('"');
                _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
                _writer.Write('"');
            }
        }

        _writer.Write('\n');
    }
}
