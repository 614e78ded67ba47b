using System.Text;
using DistrictOps.Web.Platform.Export;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DistrictOps.UnitTests.Platform.Export;

public sealed class ExportTests
{
    private static readonly ExportTable Table = new(
        "Backlog: by day",
        [new("Date", ExportKind.Date), new("Site"), new("Open", ExportKind.Number), new("Met %", ExportKind.Number)],
        [
            [new DateOnly(2026, 10, 5), "Harbor View, \"Main\"", 12, 87.5],
            [new DateOnly(2026, 10, 6), "=HYPERLINK(\"http://x\")", -3, null],
            [new DateOnly(2026, 10, 7), "+1 line\r\nsecond", 0, 100.0],
            [new DateOnly(2026, 10, 8), "@SUM(A1)", 4, 0.25],
        ]);

    [Fact]
    public void Csv_is_rfc_4180_with_a_bom_and_formula_text_defused()
    {
        var bytes = CsvExport.Write(Table);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal(
            "Date,Site,Open,Met %\r\n" +
            "2026-10-05,\"Harbor View, \"\"Main\"\"\",12,87.5\r\n" +
            "2026-10-06,\"'=HYPERLINK(\"\"http://x\"\")\",-3,\r\n" +
            "2026-10-07,\"'+1 line\r\nsecond\",0,100\r\n" +
            "2026-10-08,'@SUM(A1),4,0.25\r\n",
            text);
    }

    [Theory]
    [InlineData("Lab;=cmd|' /C calc'!A0", "\"Lab;'=cmd|' /C calc'!A0\"")]
    [InlineData("a; +1", "\"a;' +1\"")]
    [InlineData("a;@x;-y", "\"a;'@x;'-y\"")]
    [InlineData("rooms 3;4", "\"rooms 3;4\"")]
    public void A_formula_after_a_semicolon_is_defused_for_spreadsheets_that_split_on_semicolons(string text, string expected) =>
        Assert.Equal(expected, CsvExport.Field(text));

    [Fact]
    public void Negative_numbers_stay_numbers_and_a_dash_in_text_is_defused()
    {
        Assert.Equal("-3", CsvExport.Field(-3));
        Assert.Equal("-1.5", CsvExport.Field(-1.5));
        Assert.Equal("'-3", CsvExport.Field("-3"));
    }

    [Fact]
    public void Xlsx_opens_with_a_header_row_typed_numbers_and_real_dates()
    {
        var bytes = XlsxExport.Write(Table);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single();
        Assert.Equal("Backlog  by day", sheet.Name!.Value);
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(5, rows.Count);
        Assert.Equal(["Date", "Site", "Open", "Met %"], rows[0].Elements<Cell>().Select(c => c.InlineString!.InnerText));

        var first = rows[1].Elements<Cell>().ToList();
        Assert.Equal("A2", first[0].CellReference!.Value);
        Assert.Equal(new DateTime(2026, 10, 5), DateTime.FromOADate(double.Parse(first[0].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        var dateFormat = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)first[0].StyleIndex!.Value);
        Assert.Equal(164u, dateFormat.NumberFormatId!.Value);
        Assert.Equal("yyyy-mm-dd", workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single().FormatCode!.Value);
        Assert.Equal(CellValues.InlineString, first[1].DataType!.Value);
        Assert.Equal("Harbor View, \"Main\"", first[1].InlineString!.InnerText);
        Assert.Equal((CellValues.Number, "12"), (first[2].DataType!.Value, first[2].CellValue!.Text));
        Assert.Equal((CellValues.Number, "87.5"), (first[3].DataType!.Value, first[3].CellValue!.Text));

        var second = rows[2].Elements<Cell>().ToList();
        Assert.Equal(3, second.Count);
        Assert.Equal("=HYPERLINK(\"http://x\")", second[1].InlineString!.InnerText);
        Assert.Null(second[1].CellFormula);
        Assert.Equal("-3", second[2].CellValue!.Text);
    }

    [Theory]
    [InlineData(0, 1u, "A1")]
    [InlineData(25, 2u, "Z2")]
    [InlineData(26, 3u, "AA3")]
    [InlineData(701, 10u, "ZZ10")]
    [InlineData(702, 10u, "AAA10")]
    public void Cell_references_count_columns_in_letters(int column, uint row, string reference) =>
        Assert.Equal(reference, XlsxExport.Reference(column, row));
}
