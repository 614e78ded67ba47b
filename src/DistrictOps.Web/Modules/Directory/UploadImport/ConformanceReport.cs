using System.Globalization;
using System.Net;
using System.Text;
using DistrictOps.Web.Platform.Export;

namespace DistrictOps.Web.Modules.Directory.UploadImport;

/// <summary>
/// A plan's findings written for the SIS vendor: a CSV (one finding a row: file, line, column, value, rule, fix) and a
/// self-contained HTML page (its CSS inline, no scripts, nothing fetched) that can be mailed as it is.
/// </summary>
public static class ConformanceReport
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    private static readonly IReadOnlyList<ExportColumn> Columns =
        [new("severity"), new("file"), new("line", ExportKind.Number), new("column", ExportKind.Number), new("value"), new("rule"), new("fix")];

    /// <summary>The download for a <c>format</c>: <c>csv</c>, otherwise the HTML page.</summary>
    public static (byte[] Content, string ContentType, string FileName) Download(ImportReport report, string? format, DateTimeOffset checkedAt, string styleNonce) =>
        format == "csv"
            ? (Csv(report), ExportTable.CsvContentType, FileName(report, "csv"))
            : (Encoding.UTF8.GetBytes(Html(report, checkedAt, styleNonce)), HtmlContentType, FileName(report, "html"));

    private static string FileName(ImportReport report, string extension) =>
        $"conformance-{Path.GetFileNameWithoutExtension(report.Source)}.{extension}";

    public static byte[] Csv(ImportReport report) => CsvExport.Write(new ExportTable("Findings", Columns,
        report.Findings.Select(f => (IReadOnlyList<object?>)[f.Severity.ToString().ToLowerInvariant(), f.File, f.Line, f.Column, f.Value, f.Rule, f.Fix]).ToList()));

    /// <summary>The page; <paramref name="styleNonce"/> lets its inline style run under the app's Content-Security-Policy when opened from the app.</summary>
    public static string Html(ImportReport report, DateTimeOffset checkedAt, string styleNonce)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Conformance report: {{E(report.Source)}}</title>
            <style nonce="{{E(styleNonce)}}">
            body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1b1b1b; line-height: 1.4; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; }
            th { background: #eee; }
            .error { color: #a4161a; font-weight: bold; }
            .warning { color: #5c4300; font-weight: bold; }
            code { font-family: ui-monospace, monospace; }
            </style>
            </head>
            <body>
            <h1>Conformance report: {{E(report.Source)}}</h1>
            <p>{{E(report.Version == "HR" ? "HR files" : $"OneRoster {report.Version}")}}, checked by DistrictOps on {{checkedAt.UtcDateTime:yyyy-MM-dd HH:mm}} UTC.
            {{report.ErrorCount:N0}} error(s), {{report.WarningCount:N0}} warning(s).</p>
            <p>An error means DistrictOps imported nothing from this export; a warning means it imported the row as the rule says. Each finding names the file, its line and column (lines counted from 1, the header being line 1), the value found, the rule and what to fix.</p>

            """);
        AppendGuard(html, report);
        AppendSummary(html, report);
        AppendFindings(html, report);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendGuard(StringBuilder html, ImportReport report)
    {
        if (!report.Refused)
        {
            return;
        }

        html.Append("<h2>Refused</h2>\n<ul>\n");
        foreach (var g in report.Guard)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(g.Site is null
                ? $"The export would remove {g.Removed:N0} of {g.Of:N0} {g.Noun} ({100 * g.Share:0.#}%); at most {100 * g.MaxShare:0.#}% may go at once."
                : $"The export would leave {g.Site} ({g.SiteSourcedId}) without its {g.Of:N0} students.")}</li>\n");
        }

        foreach (var other in report.OtherRefusals)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(other)}</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static void AppendSummary(StringBuilder html, ImportReport report)
    {
        if (report.Groups.Count == 0)
        {
            html.Append("<p>No findings: the export conforms.</p>\n");
            return;
        }

        html.Append("<h2>By rule</h2>\n<table>\n<thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Rule</th><th scope=\"col\">Findings</th><th scope=\"col\">First</th></tr></thead>\n<tbody>\n");
        foreach (var group in report.Groups)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td class=\"{Css(group.Severity)}\">{group.Severity}</td><td>{E(group.Rule)}</td><td>{group.Count:N0}</td><td>{string.Join(", ", group.First.Select(f => $"<code>{E(f.Location)}</code>"))}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendFindings(StringBuilder html, ImportReport report)
    {
        if (report.Findings.Count == 0)
        {
            return;
        }

        html.Append("<h2>Findings</h2>\n<table>\n<thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">File</th><th scope=\"col\">Line</th><th scope=\"col\">Column</th><th scope=\"col\">Value</th><th scope=\"col\">Rule</th><th scope=\"col\">Fix</th></tr></thead>\n<tbody>\n");
        foreach (var f in report.Findings)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td class=\"{Css(f.Severity)}\">{f.Severity}</td><td>{E(f.File)}</td><td>{f.Line}</td><td>{f.Column}</td><td><code>{E(f.Value)}</code></td><td>{E(f.Rule)}</td><td>{E(f.Fix)}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (report.Unlisted > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{report.Unlisted:N0} more finding(s) of the same rules are counted above but not listed.</p>\n");
        }
    }

    private static string Css(FindingSeverity severity) => severity == FindingSeverity.Error ? "error" : "warning";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
