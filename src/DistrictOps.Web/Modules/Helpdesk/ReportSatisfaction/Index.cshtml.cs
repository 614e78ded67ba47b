using DistrictOps.Web.Modules.Directory.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Helpdesk.ReportSatisfaction;

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

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Sites = (await sites.ListAsync(cancellationToken)).OrderBy(s => s.Name, StringComparer.CurrentCulture).ToList();
        var result = await handler.HandleAsync(new SatisfactionQuery(From, To, Site), cancellationToken);
        Report = result.Value;
        Errors = result.Errors;
    }
}
