using DistrictOps.Web.Platform.Export;

namespace DistrictOps.Web.Modules.Helpdesk.Reports.ReportOnService;

/// <summary>Each report as one flat sheet for CSV and XLSX: the same figures the page's tables show, one row per day or group.</summary>
public static class ReportExports
{
    public static readonly IReadOnlyList<string> Names = ["backlog", "volume", "response-times", "attainment", "resolution-rates", "workload"];

    public static ExportTable Backlog(BacklogReport report) => new(
        "Backlog",
        [new("Date", ExportKind.Date), new("Open", ExportKind.Number), new("Pending", ExportKind.Number), new("Total", ExportKind.Number)],
        report.Days.Select(d => Row(d.Date, d.Open, d.Pending, d.Total)).ToList());

    public static ExportTable Volume(VolumeReport report) => new(
        "New tickets",
        [new("Date", ExportKind.Date), new("Web", ExportKind.Number), new("Phone", ExportKind.Number), new("Walk-in", ExportKind.Number),
            new("Email", ExportKind.Number), new("Direct to technician", ExportKind.Number), new("Total", ExportKind.Number)],
        report.Days.Select(d => Row(d.Date, d.Web, d.Phone, d.WalkIn, d.Email, d.DirectToTechnician, d.Total)).ToList());

    public static ExportTable ResponseTimes(ResponseTimesReport report) => new(
        "Response and resolution",
        [new("Group"), new("Name"), new("Responses", ExportKind.Number), new("Response median (school minutes)", ExportKind.Number),
            new("Response 90th percentile", ExportKind.Number), new("Resolutions", ExportKind.Number),
            new("Resolution median (school minutes)", ExportKind.Number), new("Resolution 90th percentile", ExportKind.Number)],
        new[] { ("All", (IEnumerable<TimeRow>)[report.Overall]), ("Site", report.BySite), ("Team", report.ByTeam), ("Priority", report.ByPriority) }
            .SelectMany(g => g.Item2.Select(r => Row(g.Item1, r.Label, r.Response.Count, r.Response.Median, r.Response.P90, r.Resolution.Count, r.Resolution.Median, r.Resolution.P90)))
            .ToList());

    public static ExportTable Attainment(AttainmentReport report) => new(
        "Service-level attainment",
        [new("Group"), new("Name"), new("Response targets", ExportKind.Number), new("Response met", ExportKind.Number), new("Response met %", ExportKind.Number),
            new("Resolution targets", ExportKind.Number), new("Resolution met", ExportKind.Number), new("Resolution met %", ExportKind.Number)],
        new[] { ("All", (IEnumerable<AttainmentRow>)[report.Overall]), ("Site", report.BySite), ("Team", report.ByTeam), ("Technician", report.ByTechnician), ("Issue type", report.ByIssueType) }
            .SelectMany(g => g.Item2.Select(r => Row(g.Item1, r.Label, r.Response.Of, r.Response.Count, r.Response.Percent, r.Resolution.Of, r.Resolution.Count, r.Resolution.Percent)))
            .ToList());

    public static ExportTable ResolutionRates(ResolutionRatesReport report) => new(
        "Resolution rates",
        [new("Site"), new("Opened", ExportKind.Number), new("Same-day %", ExportKind.Number), new("First-contact %", ExportKind.Number),
            new("Solved with first-contact recorded", ExportKind.Number), new("Bypass %", ExportKind.Number), new("Reopened %", ExportKind.Number)],
        report.BySite.Prepend(report.Overall)
            .Select(r => Row(r.Label, r.Opened, r.SameDay.Percent, r.FirstContact.Percent, r.FirstContact.Of, r.Bypass.Percent, r.Reopened.Percent)).ToList());

    public static ExportTable Workload(WorkloadReport report) => new(
        "Workload",
        [new("Kind"), new("Name"), new("Assigned or opened", ExportKind.Number), new("Solved", ExportKind.Number), new("Devices", ExportKind.Number), new("Tickets per 100 devices", ExportKind.Number)],
        report.Technicians.Select(t => Row("Technician", t.Name, t.Assigned, t.Solved, null, null))
            .Concat(report.Sites.Select(s => Row("Site", s.Name, s.Opened, null, s.Devices, s.PerHundredDevices))).ToList());

    private static object?[] Row(params object?[] values) => values;
}
