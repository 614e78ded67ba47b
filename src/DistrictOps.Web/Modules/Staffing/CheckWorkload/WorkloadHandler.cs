using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Staffing.Sizing;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Export;
using DistrictOps.Web.Platform.Time;

namespace DistrictOps.Web.Modules.Staffing.CheckWorkload;

/// <summary>The workload page's request: the window in days (30, 90 or 365), the sites' sort and page; <c>All</c>: every site on one page (a download).</summary>
public sealed record WorkloadQuery(int? Days, string? Sort, bool Descending, int? Page, bool All = false);

/// <summary>A site's workload with the workload-based FTE its tickets call for (null without a model).</summary>
public sealed record SiteWorkloadRow(SiteWorkload Site, decimal? WorkloadFte);

/// <summary>A technician's workload with where their devices per FTE fall against the benchmark (-1 below, 0 within, 1 above).</summary>
public sealed record TechnicianWorkloadRow(TechnicianWorkload Technician, int? AgainstBenchmark);

/// <summary>
/// The workload check: the district against the model — today's site technician FTE and the model's ratio-based FTE, devices
/// per technician for each against the benchmark, and the workload-based FTE — then each site (sorted, paged) and technician.
/// </summary>
public sealed record WorkloadView(
    int Days, DateOnly FirstDay, WorkloadSnapshot Snapshot, decimal CurrentFte, decimal ModelFte, decimal? DevicesPerCurrentTechnician,
    decimal? DevicesPerModelTechnician, decimal? WorkloadFte, int MinutesPerTicket, int TicketHoursPerFte, PagedResult<SiteWorkloadRow> Sites,
    IReadOnlyList<TechnicianWorkloadRow> Technicians, string Sort, bool Descending);

/// <summary>Workload per site and technician over the last 30, 90 or 365 days (in district time), against the model and the benchmark.</summary>
public sealed class WorkloadHandler(WorkloadFigures figures, DistrictTime districtTime)
{
    public static readonly IReadOnlyList<int> Windows = [30, 90, 365];

    public const int DefaultDays = 90;

    public const int SitesPerPage = 50;

    /// <summary>The columns the sites sort by, as the query names them; "name" first, the default.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["name", "devices", "per-technician", "tickets", "backlog", "median", "attainment", "satisfaction", "workload-fte"];

    public async Task<Result<WorkloadView>> HandleAsync(WorkloadQuery query, CancellationToken cancellationToken = default)
    {
        var errors = new ErrorList();
        var days = query.Days ?? DefaultDays;
        if (!Windows.Contains(days))
        {
            errors.Add("days", $"Choose a window of 30, 90 or 365 days; {days} is not one of them.");
        }

        var sort = string.IsNullOrWhiteSpace(query.Sort) ? "name" : query.Sort.Trim().ToLowerInvariant();
        if (!Sorts.Contains(sort))
        {
            errors.Add("sort", $"Sort by one of {string.Join(", ", Sorts)}; '{query.Sort}' is not one of them.");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var firstDay = districtTime.Today.AddDays(1 - days);
        var snapshot = await figures.ForWindowAsync(districtTime.StartOf(firstDay), districtTime.Now, cancellationToken);
        var model = snapshot.Model;
        var scenario = model.Model;
        decimal? WorkloadFte(int opened) =>
            StaffingRules.WorkloadFte(WorkloadFigures.PerYear(opened, snapshot.To - snapshot.From), scenario.MinutesPerTicket, scenario.TicketHoursPerFte);

        var modelFte = StaffingRules.SiteSupport(snapshot.Sites.Where(s => StaffingRules.IsSchool(s.Type)).Select(s => s.Type), model.Ratios, scenario.AdministrativeFte).TotalFte;
        var rows = Sorted(snapshot.Sites.Select(s => new SiteWorkloadRow(s, WorkloadFte(s.Tickets.Opened))), sort, query.Descending).ToList();
        var page = new PageRequest(query.Page, SitesPerPage);
        // A download takes every site: more than a page may hold (PageRequest stops at 500).
        var sites = query.All
            ? new PagedResult<SiteWorkloadRow>(rows, rows.Count, 1, Math.Max(1, rows.Count))
            : new PagedResult<SiteWorkloadRow>(rows.Skip(page.Skip).Take(page.Size).ToList(), rows.Count, page.Page, page.Size);
        var technicians = snapshot.Technicians
            .Select(t => new TechnicianWorkloadRow(t, t.DevicesPerTechnician is { } d ? StaffingRules.AgainstBenchmark(d) : null)).ToList();
        return new WorkloadView(
            days, firstDay, snapshot, model.SiteTechnicianFte, modelFte, StaffingRules.DevicesPerTechnician(snapshot.Devices, model.SiteTechnicianFte),
            StaffingRules.DevicesPerTechnician(snapshot.Devices, modelFte), WorkloadFte(snapshot.District.Opened), scenario.MinutesPerTicket,
            scenario.TicketHoursPerFte, sites, technicians, sort, query.Descending);
    }

    /// <summary>The sites as the page lists them (every one when the view holds them all), for CSV or XLSX.</summary>
    public static ExportTable SitesTable(WorkloadView view) => new($"Sites, last {view.Days} days",
        [
            new("Site"), new("Type"), new("Devices", ExportKind.Number), new("Covered FTE", ExportKind.Number), new("Model FTE", ExportKind.Number),
            new("Devices per FTE", ExportKind.Number), new("Tickets a month", ExportKind.Number), new("Opened", ExportKind.Number), new("Resolved", ExportKind.Number),
            new("Backlog", ExportKind.Number), new("Median resolution (school minutes)", ExportKind.Number), new("Within target (%)", ExportKind.Number),
            new("Satisfied (%)", ExportKind.Number), new("Workload-based FTE", ExportKind.Number),
        ],
        [.. view.Sites.Items.Select(r => (IReadOnlyList<object?>)[
            r.Site.Name, StaffingText.SiteTypeName(r.Site.Type), r.Site.Devices, r.Site.CoveredFte, r.Site.ModelFte, r.Site.DevicesPerTechnician, r.Site.TicketsPerMonth,
            .. Figures(r.Site.Tickets), r.WorkloadFte])]);

    /// <summary>The site technicians, by name, for CSV or XLSX.</summary>
    public static ExportTable TechniciansTable(WorkloadView view) => new($"Technicians, last {view.Days} days",
        [
            new("Technician"), new("Sites covered", ExportKind.Number), new("FTE", ExportKind.Number), new("Devices supported", ExportKind.Number),
            new("Devices per FTE", ExportKind.Number), new("Tickets a month", ExportKind.Number), new("Opened", ExportKind.Number), new("Resolved", ExportKind.Number),
            new("Backlog", ExportKind.Number), new("Median resolution (school minutes)", ExportKind.Number), new("Within target (%)", ExportKind.Number),
            new("Satisfied (%)", ExportKind.Number),
        ],
        [.. view.Technicians.Select(r => r.Technician).Select(t => (IReadOnlyList<object?>)[
            t.Name, t.SitesCovered, t.TotalShare, t.Devices, t.DevicesPerTechnician, t.TicketsPerMonth, .. Figures(t.Tickets)])]);

    private static object?[] Figures(WorkloadCounts c) =>
        [c.Opened, c.Resolved, c.Backlog, c.MedianResolutionSchoolMinutes, c.AttainmentPercent, c.SatisfiedPercent];

    /// <summary>Sites in the chosen order, empty figures (no tickets resolved, no surveys) last whichever way; ties by name.</summary>
    public static IEnumerable<SiteWorkloadRow> Sorted(IEnumerable<SiteWorkloadRow> rows, string sort, bool descending)
    {
        Func<SiteWorkloadRow, double?> key = sort switch
        {
            "devices" => r => r.Site.Devices,
            "per-technician" => r => (double?)r.Site.DevicesPerTechnician,
            "tickets" => r => r.Site.TicketsPerMonth,
            "backlog" => r => r.Site.Tickets.Backlog,
            "median" => r => r.Site.Tickets.MedianResolutionSchoolMinutes,
            "attainment" => r => r.Site.Tickets.AttainmentPercent,
            "satisfaction" => r => r.Site.Tickets.SatisfiedPercent,
            "workload-fte" => r => (double?)r.WorkloadFte,
            _ => _ => null,
        };
        var byName = StringComparer.CurrentCulture;
        if (sort == "name")
        {
            return descending ? rows.OrderByDescending(r => r.Site.Name, byName) : rows.OrderBy(r => r.Site.Name, byName);
        }

        var known = rows.OrderBy(r => key(r) is null);
        return (descending ? known.ThenByDescending(key) : known.ThenBy(key)).ThenBy(r => r.Site.Name, byName);
    }
}
