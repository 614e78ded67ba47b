using Microsoft.AspNetCore.Mvc;

namespace DistrictOps.Web.Platform.Export;

public enum ExportKind
{
    Text,
    Number,
    Date,
}

public sealed record ExportColumn(string Name, ExportKind Kind = ExportKind.Text);

/// <summary>One sheet of figures to download: a header row and typed values (string, whole or decimal number, DateOnly, or null for empty).</summary>
public sealed record ExportTable(string Title, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The download for a <c>format</c> query value: <c>xlsx</c>, otherwise CSV.</summary>
    public (byte[] Content, string ContentType) Render(string format) => format == "xlsx"
        ? (XlsxExport.Write(this), XlsxContentType)
        : (CsvExport.Write(this), CsvContentType);

    /// <summary>The download for a <c>format</c> query value (<c>xlsx</c>, otherwise CSV) as a file <paramref name="name"/> with its extension.</summary>
    public FileContentResult Download(string? format, string name)
    {
        var xlsx = format == "xlsx";
        var (content, contentType) = Render(xlsx ? "xlsx" : "csv");
        return new FileContentResult(content, contentType) { FileDownloadName = $"{name}.{(xlsx ? "xlsx" : "csv")}" };
    }
}
