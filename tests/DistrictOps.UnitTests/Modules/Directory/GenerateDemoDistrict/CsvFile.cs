using System.Text;

namespace DistrictOps.UnitTests.Modules.Directory.GenerateDemoDistrict;

/// <summary>A CSV file read whole: RFC 4180 quoting (commas, doubled quotes and line breaks inside quotes).</summary>
public sealed class CsvFile
{
    private CsvFile(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        Header = header;
        Rows = rows;
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }

    public static CsvFile Read(string path)
    {
        var records = Parse(File.ReadAllText(path, Encoding.UTF8));
        var header = records[0];
        var rows = records.Skip(1).Select(fields =>
        {
            Assert.True(fields.Count == header.Count, $"{path}: a row has {fields.Count} fields, the header {header.Count}: {string.Join('|', fields)}");
            return (IReadOnlyDictionary<string, string>)header.Select((name, i) => (name, fields[i])).ToDictionary(x => x.name, x => x.Item2, StringComparer.Ordinal);
        }).ToList();
        return new CsvFile(header, rows);
    }

    public static string[] List(string field) => field.Length == 0 ? [] : field.Split(',');

    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                Assert.True(field.Length == 0, "A quote may only open a field.");
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.False(quoted, "The file ends inside a quoted field.");
        Assert.True(record.Count == 0 && field.Length == 0, "The last line must end with a line break.");
        return records;
    }
}
