using DistrictOps.Web.Platform.Jobs;

namespace DistrictOps.Web.Modules.Helpdesk.Reports.ReportOnService;

/// <summary>
/// Keeps the reports' stored days current (ADR 0038): stores each past day not stored yet (the whole kept span on the first
/// run, newest first), refills the days changed tickets touched, and drops days older than the kept span. A report refills
/// changed days itself before it reads, so this run only saves it that work; without it, reports count live.
/// </summary>
public sealed class StoreReportDaysWork(ServiceReportsHandler reports) : IScheduledWork
{
    public const string Name = "helpdesk.report-days";

    public async Task<WorkDone> RunAsync(CancellationToken cancellationToken)
    {
        var days = await reports.RefreshStoredDaysAsync(fill: true, cancellationToken);
        return new WorkDone(days, $"{days} day(s) of help desk report counts stored.");
    }
}
