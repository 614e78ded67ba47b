using DistrictOps.Web.Platform.Jobs;

namespace DistrictOps.Web.Modules.Helpdesk.Reports.ReportOnService;

/// <summary>
/// Keeps the reports' stored days current (ADR 0038): stores each past day not stored yet (the whole kept span on the first
/// run, newest first), refills the days changed tickets touched, and drops days older than the kept span. Until a changed
/// day is refilled, reports count it live; without any stored days, reports count everything live.
/// </summary>
public sealed class StoreReportDaysWork(ServiceReportsHandler reports) : IScheduledWork
{
    public const string Name = "helpdesk.report-days";

    public async Task<WorkDone> RunAsync(CancellationToken cancellationToken)
    {
        var days = await reports.RefreshStoredDaysAsync(cancellationToken);
        return new WorkDone(days, $"{days} day(s) of help desk report counts stored.");
    }
}
