using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace DistrictOps.Web.Modules.Helpdesk.Reports;

/// <summary>What the index and every report page share: the GET filter form (from, to, site) read and validated like the API's.</summary>
public abstract class ReportPage(ReportClock clock, ISiteDirectory siteDirectory) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "site")]
    public string? Site { get; set; }

    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];

    public ReportFilter? Filter { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>The page at <paramref name="path"/> with the same filters (and, for a download, the format).</summary>
    public string Link(string path, string? format = null)
    {
        var query = new Dictionary<string, string?>();
        if (Filter is { } filter)
        {
            query["from"] = filter.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            query["to"] = filter.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (filter.SiteId is { } site)
            {
                query["site"] = site.ToString();
            }
        }

        if (format is not null)
        {
            query["format"] = format;
        }

        return QueryHelpers.AddQueryString(path, query);
    }

    protected async Task<bool> ReadFilterAsync(CancellationToken cancellationToken)
    {
        Sites = await siteDirectory.ListAsync(cancellationToken);
        var filter = ReportFilter.Parse(From, To, Site, clock.Today, Sites);
        if (!filter.Succeeded)
        {
            Errors = filter.Failure.Errors;
            return false;
        }

        Filter = filter.Value;
        From ??= Filter!.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        To ??= Filter!.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    protected static FileContentResult Download(ExportTable table, string report, ReportRange range, string format) =>
        table.Download(format, $"helpdesk-{report}-{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}");
}
