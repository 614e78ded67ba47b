using System.Globalization;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Export;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Helpdesk.Reports.ReportSatisfaction;

[Authorize(Policy = HelpdeskPermissions.SeeAll)]
public sealed class IndexModel(SatisfactionHandler handler, ISiteDirectory sites) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Site { get; set; }

    public SatisfactionReport? Report { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];

    /// <summary>The same filters as a download link: <c>csv</c> or <c>xlsx</c>.</summary>
    public string Link(string format) => QueryString.Create(new Dictionary<string, string?>
    {
        ["from"] = Report?.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = Report?.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["site"] = Report?.SiteId?.ToString(),
        ["format"] = format,
    }.Where(p => p.Value is not null)).ToUriComponent().Insert(0, "/helpdesk/reports/satisfaction");

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken)
    {
        if (format is not (null or "csv" or "xlsx"))
        {
            return NotFound();
        }

        Sites = (await sites.ListAsync(cancellationToken)).OrderBy(s => s.Name, StringComparer.CurrentCulture).ToList();
        var result = await handler.HandleAsync(new SatisfactionQuery(From, To, Site), cancellationToken);
        Report = result.Value;
        if (!result.Succeeded)
        {
            Errors = result.Failure.Errors;
        }

        if (format is null || Report is null)
        {
            return Page();
        }

        var (content, contentType) = Export(Report).Render(format);
        return File(content, contentType, $"helpdesk-satisfaction-{Report.From:yyyy-MM-dd}-{Report.To:yyyy-MM-dd}.{format}");
    }

    /// <summary>Every row of the page in one sheet, the grouping in the first column.</summary>
    public static ExportTable Export(SatisfactionReport report) => new(
        "Satisfaction",
        [
            new("Group"), new("Name"), new("Sent", ExportKind.Number), new("Answered", ExportKind.Number), new("Good", ExportKind.Number),
            new("Bad", ExportKind.Number), new("Response rate %", ExportKind.Number), new("Good %", ExportKind.Number),
        ],
        new[] { ("All", (IReadOnlyList<SatisfactionRow>)[report.Overall]), ("Technician", report.Technicians), ("Site", report.Sites), ("Issue type", report.IssueTypes) }
            .SelectMany(g => g.Item2.Select(r => (IReadOnlyList<object?>)[g.Item1, r.Name, r.Sent, r.Answered, r.Good, r.Bad, r.ResponseRatePercent, r.GoodPercent]))
            .ToList());
}
