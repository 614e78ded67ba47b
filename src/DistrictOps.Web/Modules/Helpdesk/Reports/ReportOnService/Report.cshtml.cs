using DistrictOps.Web.Modules.Directory.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DistrictOps.Web.Modules.Helpdesk.Reports.ReportOnService;

[Authorize(Policy = HelpdeskPermissions.SeeAll)]
public sealed class ReportModel(ServiceReportsHandler handler, ReportClock clock, ISiteDirectory siteDirectory) : ReportPage(clock, siteDirectory)
{
    public string Name { get; private set; } = "";

    public BacklogReport? Backlog { get; private set; }

    public VolumeReport? Volume { get; private set; }

    public ResponseTimesReport? Times { get; private set; }

    public AttainmentReport? Attainment { get; private set; }

    public ResolutionRatesReport? Rates { get; private set; }

    public WorkloadReport? Workload { get; private set; }

    public string Title => Name switch
    {
        "backlog" => "Backlog",
        "volume" => "New tickets by channel",
        "response-times" => "Response and resolution times",
        "attainment" => "Service-level attainment",
        "resolution-rates" => "Resolution rates",
        _ => "Workload",
    };

    public async Task<IActionResult> OnGetAsync(string name, string? format, CancellationToken cancellationToken)
    {
        if (!ReportExports.Names.Contains(name) || format is not (null or "csv" or "xlsx"))
        {
            return NotFound();
        }

        Name = name;
        if (!await ReadFilterAsync(cancellationToken))
        {
            return Page();
        }

        var filter = Filter!;
        switch (name)
        {
            case "backlog":
                Backlog = await handler.BacklogAsync(filter, cancellationToken);
                return format is null ? Page() : Download(ReportExports.Backlog(Backlog), name, Backlog.Range, format);
            case "volume":
                Volume = await handler.VolumeAsync(filter, cancellationToken);
                return format is null ? Page() : Download(ReportExports.Volume(Volume), name, Volume.Range, format);
            case "response-times":
                Times = await handler.ResponseTimesAsync(filter, cancellationToken);
                return format is null ? Page() : Download(ReportExports.ResponseTimes(Times), name, Times.Range, format);
            case "attainment":
                Attainment = await handler.AttainmentAsync(filter, cancellationToken);
                return format is null ? Page() : Download(ReportExports.Attainment(Attainment), name, Attainment.Range, format);
            case "resolution-rates":
                Rates = await handler.ResolutionRatesAsync(filter, cancellationToken);
                return format is null ? Page() : Download(ReportExports.ResolutionRates(Rates), name, Rates.Range, format);
            default:
                Workload = await handler.WorkloadAsync(filter, cancellationToken);
                return format is null ? Page() : Download(ReportExports.Workload(Workload), name, Workload.Range, format);
        }
    }
}
