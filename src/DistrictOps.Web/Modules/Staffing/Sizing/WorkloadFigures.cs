using System.Security.Claims;
using DistrictOps.Web.Modules.Devices.Contracts;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Contracts;

namespace DistrictOps.Web.Modules.Staffing.Sizing;

/// <summary>
/// A site's workload in a window: its devices, the technician FTE covering it (the Directory's shares) against the model's FTE
/// for its type (null for offices and without a model), and its help desk figures.
/// </summary>
public sealed record SiteWorkload(Guid SiteId, string Name, string Type, int Devices, decimal CoveredFte, decimal? ModelFte, WorkloadCounts Tickets, double TicketsPerMonth)
{
    /// <summary>Devices per covering FTE; null when nobody covers the site.</summary>
    public decimal? DevicesPerTechnician => StaffingRules.DevicesPerTechnician(Devices, CoveredFte);
}

/// <summary>
/// A technician's workload: the sites they cover (total share), the devices they support (Σ share × the site's devices), and
/// the help desk figures of the tickets assigned to them.
/// </summary>
public sealed record TechnicianWorkload(Guid PersonId, string Name, decimal TotalShare, int SitesCovered, int Devices, WorkloadCounts Tickets, double TicketsPerMonth)
{
    /// <summary>Devices per FTE of their coverage; null when they cover nothing.</summary>
    public decimal? DevicesPerTechnician => StaffingRules.DevicesPerTechnician(Devices, TotalShare);
}

/// <summary>
/// Workload for a window [<see cref="From"/>, <see cref="To"/>): the district's totals, every current site (by name) and every
/// site technician — today's tier-1 position holders and anyone in the coverage table (by name).
/// </summary>
public sealed record WorkloadSnapshot(
    DateTimeOffset From, DateTimeOffset To, string DeviceSource, int Devices, decimal CoveredFte, WorkloadCounts District, double TicketsPerMonth,
    IReadOnlyList<SiteWorkload> Sites, IReadOnlyList<TechnicianWorkload> Technicians, DistrictModel Model)
{
    /// <summary>Tickets opened in the window, at the window's pace for a year (365.25 days).</summary>
    public int TicketsPerYear => WorkloadFigures.PerYear(District.Opened, To - From);
}

/// <summary>
/// The shared reader of workload figures for staffing pages (workload, the phase checkpoints): call
/// <see cref="ForWindowAsync"/> with the window's instants. Devices come from the Devices module, coverage from the Directory,
/// ticket figures from the help desk (<see cref="IHelpdeskWorkload"/>: median resolution in counted school minutes).
/// </summary>
public sealed class WorkloadFigures(IHelpdeskWorkload helpdesk, IDeviceCounts deviceCounts, ISiteDirectory siteDirectory, ITechnicianCoverage coverage,
    IPeopleDirectory people, DistrictModelReader models)
{
    /// <summary>Average days in a month (365.25 ÷ 12), for tickets per month.</summary>
    public const double DaysPerMonth = 365.25 / 12;

    public async Task<WorkloadSnapshot> ForWindowAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        (await ForWindowsAsync([(from, to)], cancellationToken))[0];

    /// <summary>Several windows (a checkpoint's phase and as long before it) over one reading of devices, sites, coverage and the model.</summary>
    public async Task<IReadOnlyList<WorkloadSnapshot>> ForWindowsAsync(IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> windows, CancellationToken cancellationToken = default)
    {
        if (windows.Any(w => w.To <= w.From))
        {
            throw new ArgumentOutOfRangeException(nameof(windows), "A window ends after it starts.");
        }

        var devices = await deviceCounts.PerSiteAsync(cancellationToken);
        var sites = await siteDirectory.ListAsync(cancellationToken);
        var shares = await coverage.ListAsync(cancellationToken);
        var model = await models.ReadAsync(cancellationToken);
        var names = shares.GroupBy(s => s.PersonId).ToDictionary(g => g.Key, g => g.First().PersonName);
        var missing = model.SiteTechnicians.Where(id => !names.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            // Staff are never written to the access log and never hidden by the student rule, so no user is needed to read them.
            foreach (var person in await people.FindManyAsync(missing, new DirectoryReader(new ClaimsPrincipal(new ClaimsIdentity()), "/staffing"), cancellationToken))
            {
                names[person.Id] = person.Name;
            }
        }

        var snapshots = new List<WorkloadSnapshot>();
        foreach (var (from, to) in windows)
        {
            snapshots.Add(Snapshot(from, to, await helpdesk.ForWindowAsync(from, to, cancellationToken), devices, sites, shares, model, names));
        }

        return snapshots;
    }

    private static WorkloadSnapshot Snapshot(
        DateTimeOffset from, DateTimeOffset to, HelpdeskWorkload tickets, DeviceCounts devices, IReadOnlyList<SiteSummary> sites, IReadOnlyList<CoverageAssignment> shares,
        DistrictModel model, Dictionary<Guid, string> names)
    {
        var window = to - from;
        var covered = shares.GroupBy(s => s.SiteId).ToDictionary(g => g.Key, g => g.Sum(s => s.Share));
        var siteRows = sites.Select(s =>
            {
                var counts = tickets.PerSite.GetValueOrDefault(s.Id) ?? WorkloadCounts.None;
                return new SiteWorkload(s.Id, s.Name, s.Type, devices.PerSite.GetValueOrDefault(s.Id), covered.GetValueOrDefault(s.Id), model.FtePerSite(s.Type), counts,
                    PerMonth(counts.Opened, window));
            })
            .ToList();

        var technicians = names.Select(n =>
            {
                var own = shares.Where(s => s.PersonId == n.Key).ToList();
                var counts = tickets.PerTechnician.GetValueOrDefault(n.Key) ?? WorkloadCounts.None;
                return new TechnicianWorkload(n.Key, n.Value, own.Sum(s => s.Share), own.Count, TechnicianDevices(own.Select(s => (s.Share, devices.PerSite.GetValueOrDefault(s.SiteId)))),
                    counts, PerMonth(counts.Opened, window));
            })
            .OrderBy(t => t.Name, StringComparer.CurrentCulture).ToList();

        return new WorkloadSnapshot(from, to, devices.Source, sites.Sum(s => devices.PerSite.GetValueOrDefault(s.Id)), shares.Sum(s => s.Share), tickets.District,
            PerMonth(tickets.District.Opened, window), siteRows, technicians, model);
    }

    /// <summary>A count over a window as a monthly rate (a month being <see cref="DaysPerMonth"/> days), to one decimal.</summary>
    public static double PerMonth(int count, TimeSpan window) =>
        window <= TimeSpan.Zero ? 0 : Math.Round(count / (window.TotalDays / DaysPerMonth), 1, MidpointRounding.AwayFromZero);

    /// <summary>A count over a window at the same pace for a year of 365.25 days, rounded to a whole number.</summary>
    public static int PerYear(int count, TimeSpan window) =>
        window <= TimeSpan.Zero ? 0 : (int)Math.Round(count * 365.25 / window.TotalDays, MidpointRounding.AwayFromZero);

    /// <summary>The devices a technician supports: each covered site's devices times their share of it, rounded to a whole device.</summary>
    public static int TechnicianDevices(IEnumerable<(decimal Share, int Devices)> sites) =>
        (int)Math.Round(sites.Sum(s => s.Share * s.Devices), MidpointRounding.AwayFromZero);
}
