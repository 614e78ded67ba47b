using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DistrictOps.Web.Platform.Export;

/// <summary>
/// One-sheet XLSX through the Open XML SDK: a bold header row, numbers as numeric cells, dates as real dates shown
/// YYYY-MM-DD, text as inline strings (never formulas).
/// </summary>
public static class XlsxExport
{
    private const uint DateStyle = 1;
    private const uint HeaderStyle = 2;

    public static byte[] Write(ExportTable table)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var widths = new Columns(table.Columns.Select((c, i) => new Column
            {
                Min = (uint)(i + 1), Max = (uint)(i + 1), CustomWidth = true,
                Width = Math.Clamp(Math.Max(c.Name.Length, c.Kind == ExportKind.Date ? 10 : 8) + 2, 8, 60),
            }));
            sheetPart.Worksheet = new Worksheet(widths, data);

            data.Append(new Row(table.Columns.Select((c, i) => TextCell(Reference(i, 1), c.Name, HeaderStyle))) { RowIndex = 1 });
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var rowIndex = (uint)(r + 2);
                var row = new Row { RowIndex = rowIndex };
                for (var c = 0; c < table.Rows[r].Count; c++)
                {
                    if (Cell(Reference(c, rowIndex), table.Rows[r][c]) is { } cell)
                    {
                        row.Append(cell);
                    }
                }

                data.Append(row);
            }

            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(table.Title) }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Column letters and row number: A1, B1, …, AA10.</summary>
    public static string Reference(int column, uint row)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Cell? Cell(string reference, object? value) => value switch
    {
        null => null,
        int i => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(i) },
        long l => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue((double)l) },
        double d => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(d) },
        decimal m => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(m) },
        DateOnly date => new Cell { CellReference = reference, StyleIndex = DateStyle, CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate()) },
        _ => TextCell(reference, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "", 0),
    };

    private static Cell TextCell(string reference, string text, uint style) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style == 0 ? null : style, InlineString = new InlineString(new Text(text)) };

    private static string SheetName(string title)
    {
        var name = new string(title.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? ' ' : c).ToArray()).Trim();
        return name.Length == 0 ? "Report" : name.Length > 31 ? name[..31] : name;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true }) { Count = 3 });
}
