namespace DistrictOps.Web.Modules.Devices.ForecastRefresh;

/// <summary>Devices bought together: a standard and a purchase year, how many are in service, and their replacement cost.</summary>
public sealed record Cohort(string Standard, int PurchaseYear, int Devices, long UnitCostCents, int ExpectedLifeYears, int RetirementYear);

/// <summary>Money a funding source gives each year for devices, until its last year (null: no end).</summary>
public sealed record Funding(string Name, long AnnualCents, int? EndsYear);

/// <summary>
/// Observed over the last year, per device in service: the share damaged and the share lost or stolen, and what a repair
/// cost on average.
/// </summary>
public sealed record ObservedRates(double BreakageRate, double LossRate, long AverageRepairCents);

public sealed record ForecastYear(int Year, int Replacements, long ReplacementCents, long BreakageCents, long LossCents, long FundedCents)
{
    public long TotalCents => ReplacementCents + BreakageCents + LossCents;

    public long GapCents => Math.Max(0, TotalCents - FundedCents);
}

public sealed record CostOfOwnership(string Standard, int Devices, long UnitCostCents, int ExpectedLifeYears, long PerDevicePerYearCents);

public sealed record Forecast(IReadOnlyList<ForecastYear> Years, IReadOnlyList<Cohort> Cohorts, IReadOnlyList<CostOfOwnership> Ownership, ObservedRates Rates)
{
    public long TotalGapCents => Years.Sum(y => y.GapCents);
}

/// <summary>
/// The refresh forecast as a pure calculation. Each cohort is replaced, at its standard's current unit cost, in its
/// retirement year (the earlier of purchase plus expected life and the end of manufacturer support; a cohort already past
/// it is due in the first year), and the replacement starts a new cohort of the same life, so the fleet keeps its size.
/// Breakage and loss cost each year the observed rates times the fleet: repairs at their average cost, losses at the unit
/// cost. Funding is every source's annual amount in the years it runs; the gap is what the sources do not cover.
/// </summary>
public static class RefreshForecast
{
    public static Forecast Compute(IReadOnlyList<Cohort> cohorts, IReadOnlyList<Funding> funding, ObservedRates rates, int firstYear, int years)
    {
        var live = cohorts.Select(c => (c.Devices, c.UnitCostCents, c.ExpectedLifeYears, Due: Math.Max(c.RetirementYear, firstYear))).ToList();
        var fleet = cohorts.Sum(c => c.Devices);
        var fleetCost = cohorts.Sum(c => (long)c.Devices * c.UnitCostCents);
        var averageUnit = fleet == 0 ? 0 : fleetCost / fleet;
        var rows = new List<ForecastYear>();
        for (var year = firstYear; year < firstYear + years; year++)
        {
            var due = live.Where(c => c.Due == year).ToList();
            var replacements = due.Sum(c => c.Devices);
            var replacementCents = due.Sum(c => (long)c.Devices * c.UnitCostCents);
            live = [.. live, .. due.Select(c => (c.Devices, c.UnitCostCents, c.ExpectedLifeYears, Due: year + Math.Max(1, c.ExpectedLifeYears)))];
            var breakage = (long)Math.Round(fleet * rates.BreakageRate * rates.AverageRepairCents);
            var loss = (long)Math.Round(fleet * rates.LossRate * averageUnit);
            var funded = funding.Where(f => f.EndsYear is null || f.EndsYear >= year).Sum(f => f.AnnualCents);
            rows.Add(new ForecastYear(year, replacements, replacementCents, breakage, loss, funded));
        }

        var ownership = cohorts.GroupBy(c => c.Standard).Select(g =>
        {
            var devices = g.Sum(c => c.Devices);
            var unit = g.First().UnitCostCents;
            var life = Math.Max(1, g.First().ExpectedLifeYears);
            var perYear = (unit / life) + (long)Math.Round(rates.BreakageRate * rates.AverageRepairCents) + (long)Math.Round(rates.LossRate * unit);
            return new CostOfOwnership(g.Key, devices, unit, life, perYear);
        }).OrderBy(o => o.Standard, StringComparer.CurrentCulture).ToList();
        return new Forecast(rows, cohorts.OrderBy(c => c.RetirementYear).ThenBy(c => c.Standard, StringComparer.CurrentCulture).ToList(), ownership, rates);
    }
}
