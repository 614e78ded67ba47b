using DistrictOps.Web.Modules.Staffing.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Staffing.Sizing;

/// <summary>The district's model with its site-type ratios, and who holds today's site technician (tier-1) positions, with their FTE.</summary>
public sealed record DistrictModel(StaffingScenario Model, IReadOnlyList<SiteTypeRatio> Ratios, IReadOnlyList<Guid> SiteTechnicians, decimal SiteTechnicianFte)
{
    /// <summary>
    /// The model's technician FTE for one site of this Directory type: the type's ratio (a type the calculator does not name is
    /// "Other"); null for the administrative offices and the district office, which the model staffs as one flat position.
    /// </summary>
    public decimal? FtePerSite(string siteType) => ModelFtePerSite(siteType, Ratios);

    public static decimal? ModelFtePerSite(string siteType, IReadOnlyCollection<SiteTypeRatio> ratios)
    {
        if (!StaffingRules.IsSchool(siteType))
        {
            return null;
        }

        var type = StaffingRules.RatioTypeOf(siteType);
        return ratios.FirstOrDefault(r => r.SiteType == type)?.FtePerSite;
    }
}

/// <summary>
/// Reads the <see cref="DistrictModel"/>: the model scenario (through <see cref="StaffingReader.ModelAsync"/>, so it is made
/// with the review's defaults on a first read here as on the model page), its ratios and the current tier-1 positions.
/// </summary>
public sealed class DistrictModelReader(AppDbContext db, StaffingReader reader)
{
    public async Task<DistrictModel> ReadAsync(CancellationToken cancellationToken = default)
    {
        var model = await reader.ModelAsync(cancellationToken);
        var ratios = await db.Set<SiteTypeRatio>().AsNoTracking().Where(r => r.ScenarioId == model.Id).ToListAsync(cancellationToken);
        var positions = await db.Set<Position>().AsNoTracking().Where(p => p.Structure == OrgStructure.Current && p.SupportTier == 1)
            .Select(p => new { p.PersonId, p.Fte }).ToListAsync(cancellationToken);
        return new DistrictModel(model, ratios, positions.Where(p => p.PersonId is not null).Select(p => p.PersonId!.Value).Distinct().ToList(), positions.Where(p => p.PersonId is not null).Sum(p => p.Fte));
    }
}
