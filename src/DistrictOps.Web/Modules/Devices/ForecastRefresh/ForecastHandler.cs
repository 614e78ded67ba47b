using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.ForecastRefresh;

/// <summary>Gathers the cohorts, funding and last year's observed rates from the register and runs <see cref="RefreshForecast"/>.</summary>
public sealed class ForecastHandler(AppDbContext db, DeviceHistory history)
{
    public const int DefaultYears = 8;

    /// <summary>When no repair was costed in the last year: a repair is taken to cost a tenth of the fleet's average unit cost.</summary>
    public const double DefaultRepairShare = 0.10;

    public async Task<Forecast> ComputeAsync(int years, CancellationToken cancellationToken)
    {
        var firstYear = SchoolYear.EndYear(history.Today);
        var groups = await (from d in db.Set<Device>()
                            join s in db.Set<DeviceStandard>() on d.StandardId equals s.Id
                            where DeviceStatuses.InServiceStatuses.Contains(d.Status)
                            group d by new { s.Name, s.UnitCostCents, s.ExpectedLifeYears, s.SupportEnds, d.PurchasedOn } into g
                            select new { g.Key.Name, g.Key.UnitCostCents, g.Key.ExpectedLifeYears, g.Key.SupportEnds, g.Key.PurchasedOn, Count = g.Count() }).ToListAsync(cancellationToken);
        var cohorts = groups
            .GroupBy(g => (g.Name, Year: g.PurchasedOn?.Year ?? firstYear - 1, g.UnitCostCents, g.ExpectedLifeYears, g.SupportEnds))
            .Select(g => new Cohort(g.Key.Name, g.Key.Year, g.Sum(x => x.Count), g.Key.UnitCostCents, g.Key.ExpectedLifeYears,
                Lifecycle.RetirementYear(new DateOnly(g.Key.Year, 7, 1), g.Key.ExpectedLifeYears, g.Key.SupportEnds, g.Key.Year)))
            .ToList();
        var funding = (await db.Set<FundingSource>().Where(f => f.Active).ToListAsync(cancellationToken)).Select(f => new Funding(f.Name, f.AnnualCents, f.EndsYear)).ToList();
        return RefreshForecast.Compute(cohorts, funding, await RatesAsync(cohorts, cancellationToken), firstYear, Math.Clamp(years, 1, 15));
    }

    private async Task<ObservedRates> RatesAsync(IReadOnlyList<Cohort> cohorts, CancellationToken cancellationToken)
    {
        var since = history.Now.AddDays(-365);
        var fleet = cohorts.Sum(c => c.Devices);
        var damaged = await db.Set<Incident>().CountAsync(i => i.ReportedAt >= since && i.Kind == IncidentKind.Damaged, cancellationToken);
        var lost = await db.Set<Incident>().CountAsync(i => i.ReportedAt >= since && i.Kind != IncidentKind.Damaged, cancellationToken);
        var repairs = await db.Set<RepairOrder>().Where(r => r.ClosedAt >= since && r.Status == RepairStatus.Done)
            .Select(r => new { r.LaborCents, r.VendorCents, Parts = r.Parts.Sum(p => (long)p.Quantity * p.UnitCostCents) }).ToListAsync(cancellationToken);
        var averageUnit = fleet == 0 ? 0 : cohorts.Sum(c => (long)c.Devices * c.UnitCostCents) / fleet;
        var averageRepair = repairs.Count > 0 ? (long)repairs.Average(r => r.LaborCents + r.VendorCents + r.Parts) : (long)(averageUnit * DefaultRepairShare);
        return fleet == 0 ? new ObservedRates(0, 0, averageRepair) : new ObservedRates((double)damaged / fleet, (double)lost / fleet, averageRepair);
    }
}
