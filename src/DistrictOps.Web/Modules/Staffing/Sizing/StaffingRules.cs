using DistrictOps.Web.Modules.Staffing.Data;

namespace DistrictOps.Web.Modules.Staffing.Sizing;

/// <summary>One row of the review's site support table: a site type, its sites, the FTE per site and their product.</summary>
public sealed record SiteTypeLine(string SiteType, int? Sites, decimal FtePerSite, decimal TotalFte);

/// <summary>The review's first table: site technician FTE by site type, the administrative offices' flat FTE first.</summary>
public sealed record SiteSupport(IReadOnlyList<SiteTypeLine> Lines, int Sites, decimal TotalFte);

/// <summary>One row of the review's second table: a tier's current titles and FTE against the proposed title and FTE.</summary>
public sealed record TitleChange(string CurrentTitle, decimal CurrentFte, string ProposedTitle, decimal ProposedFte)
{
    public decimal NetIncrease => ProposedFte - CurrentFte;
}

/// <summary>What a scenario (or the model) comes to: FTE, devices per technician, yearly cost and the workload-based estimate.</summary>
public sealed record ScenarioFigures(
    SiteSupport Support, int Tier2Positions, decimal TotalFte, int Devices, decimal? DevicesPerTechnician, decimal YearlyCost,
    decimal YearlyIncrease, decimal? WorkloadFte);

/// <summary>
/// The staffing calculator, as pure functions: the review's ratio model (FTE per site by type, the administrative offices as
/// one flat figure, second-tier positions on top) and MetricNet's workload model (tickets × handling time ÷ ticket hours).
/// </summary>
public static class StaffingRules
{
    /// <summary>The site types a ratio applies to, in the review's order; Administrative is the flat line before them.</summary>
    public static readonly IReadOnlyList<string> SchoolTypes = ["Alternative", "Elementary", "Middle", "High", "Other"];

    public const string Administrative = "Administrative";

    /// <summary>The ratio a Directory site type is staffed by: its own, or Other's for a type the calculator does not name.</summary>
    public static string RatioTypeOf(string siteType) => SchoolTypes.Contains(siteType) ? siteType : "Other";

    /// <summary>Where a site type comes in the review's table (Administrative first, unknown types last).</summary>
    public static int TypeOrder(string siteType) => siteType == Administrative ? -1 : SchoolTypes.Contains(siteType) ? SchoolTypes.ToList().IndexOf(siteType) : SchoolTypes.Count;

    /// <summary>The review's defaults: 0.25 for an alternative or small school, 0.5 elementary, 0.75 middle, 1.0 high.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> DefaultRatios = new Dictionary<string, decimal>
    {
        ["Alternative"] = 0.25m, ["Elementary"] = 0.50m, ["Middle"] = 0.75m, ["High"] = 1.00m, ["Other"] = 0.25m,
    };

    /// <summary>Districts report 1,100 to 1,900 devices per technician.</summary>
    public const int BenchmarkLowDevicesPerTechnician = 1100;
    public const int BenchmarkHighDevicesPerTechnician = 1900;

    /// <summary>
    /// The site support table for these schools' types (the Directory's sites, administrative and district sites left out:
    /// the administrative offices are one flat line). A type with no sites and no ratio is left out; one a scenario adds
    /// sites to is shown.
    /// </summary>
    public static SiteSupport SiteSupport(IEnumerable<string> siteTypes, IReadOnlyCollection<SiteTypeRatio> ratios, decimal administrativeFte)
    {
        var counts = siteTypes.GroupBy(RatioTypeOf).ToDictionary(g => g.Key, g => g.Count());
        var lines = new List<SiteTypeLine> { new(Administrative, null, administrativeFte, administrativeFte) };
        foreach (var type in SchoolTypes)
        {
            var ratio = ratios.FirstOrDefault(r => r.SiteType == type);
            var sites = Math.Max(0, counts.GetValueOrDefault(type) + (ratio?.SitesAdded ?? 0));
            var fte = ratio?.FtePerSite ?? 0;
            if (sites > 0 || (ratio is not null && type != "Other"))
            {
                lines.Add(new(type, sites, fte, sites * fte));
            }
        }

        return new SiteSupport(lines, lines.Sum(l => l.Sites ?? 0), lines.Sum(l => l.TotalFte));
    }

    /// <summary>Whether a Directory site is a school the ratios apply to (not the district, not an administrative office).</summary>
    public static bool IsSchool(string siteType) => siteType is not (Administrative or "District");

    /// <summary>FTE the ticket load needs: tickets a year × minutes each ÷ 60 ÷ ticket hours a technician has in a year.</summary>
    public static decimal? WorkloadFte(int ticketsPerYear, int minutesPerTicket, int ticketHoursPerFte) =>
        ticketHoursPerFte <= 0 ? null : Math.Round(ticketsPerYear * (decimal)minutesPerTicket / 60m / ticketHoursPerFte, 1);

    public static decimal? DevicesPerTechnician(int devices, decimal technicianFte) =>
        technicianFte <= 0 ? null : Math.Round(devices / technicianFte, 0);

    /// <summary>Where a devices-per-technician figure falls against the districts' benchmark range: -1 below, 0 within, 1 above.</summary>
    public static int AgainstBenchmark(decimal devicesPerTechnician) =>
        devicesPerTechnician < BenchmarkLowDevicesPerTechnician ? -1 : devicesPerTechnician > BenchmarkHighDevicesPerTechnician ? 1 : 0;

    /// <summary>
    /// A scenario's figures against today's department (<paramref name="currentTier1Fte"/>, <paramref name="currentTier2"/>):
    /// devices are today's plus what the scenario adds; the cost is the yearly salary and benefits of every site technician
    /// and second-tier position it calls for, the increase what it adds to today's.
    /// </summary>
    public static ScenarioFigures Figures(
        StaffingScenario scenario, IReadOnlyCollection<SiteTypeRatio> ratios, IEnumerable<string> siteTypes, int devicesToday, int? ticketsPerYear,
        decimal currentTier1Fte, int currentTier2)
    {
        var support = SiteSupport(siteTypes, ratios, scenario.AdministrativeFte);
        var devices = Math.Max(0, devicesToday + scenario.DevicesAdded);
        var cost = (support.TotalFte * scenario.Tier1CostPerFte) + (scenario.Tier2Positions * scenario.Tier2CostPerPosition);
        var today = (currentTier1Fte * scenario.Tier1CostPerFte) + (currentTier2 * scenario.Tier2CostPerPosition);
        return new ScenarioFigures(support, scenario.Tier2Positions, support.TotalFte + scenario.Tier2Positions, devices,
            DevicesPerTechnician(devices, support.TotalFte), cost, cost - today,
            ticketsPerYear is { } tickets ? WorkloadFte(tickets, scenario.MinutesPerTicket, scenario.TicketHoursPerFte) : null);
    }

    /// <summary>The review's second table: each tier's current titles and FTE against the proposed title and the model's FTE.</summary>
    public static IReadOnlyList<TitleChange> TitleChanges(IReadOnlyCollection<Position> positions, decimal proposedTier1Fte, int proposedTier2)
    {
        TitleChange Tier(int tier, decimal proposed, string fallback)
        {
            var current = positions.Where(p => p.Structure == OrgStructure.Current && p.SupportTier == tier).ToList();
            var titles = string.Join(", ", current.Select(p => p.Title).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            var proposedTitle = positions.Where(p => p.Structure == OrgStructure.Proposed && p.SupportTier == tier).Select(p => p.Title).Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal).FirstOrDefault() ?? fallback;
            return new TitleChange(titles.Length == 0 ? "NA" : titles, current.Sum(p => p.Fte), proposedTitle, proposed);
        }

        return [Tier(1, proposedTier1Fte, "Technology Support Specialist 1"), Tier(2, proposedTier2, "Technology Support Specialist 2")];
    }
}
