using DistrictOps.Web.Modules.Directory.Contracts;
using Microsoft.AspNetCore.Authorization;

namespace DistrictOps.Web.Modules.Helpdesk.Reports.ReportOnService;

[Authorize(Policy = HelpdeskPermissions.SeeAll)]
public sealed class IndexModel(ServiceReportsHandler handler, ReportClock clock, ISiteDirectory siteDirectory) : ReportPage(clock, siteDirectory)
{
    public ReportHeadlines? Headlines { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ReadFilterAsync(cancellationToken))
        {
            Headlines = await handler.HeadlinesAsync(Filter!, cancellationToken);
        }
    }
}
