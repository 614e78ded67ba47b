using System.Globalization;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Staffing.Sizing;
using DistrictOps.Web.Platform.Export;

namespace DistrictOps.Web.Modules.Staffing.CheckCoverage;

/// <summary>One technician's share of one site, with the days a school week it comes to.</summary>
public sealed record CoverageLine(Guid PersonId, string Technician, Guid SiteId, string Site, decimal Share)
{
    public decimal DaysPerWeek => CoverageCheck.DaysPerWeek(Share);
}

/// <summary>
/// A site, the technicians covering it and their total FTE against the model's FTE for its type. A school (any type but the
/// administrative and district offices) is a gap when nobody covers it or its covered FTE is below its model FTE.
/// </summary>
public sealed record CoveredSite(Guid SiteId, string Name, string Type, decimal? ModelFte, decimal CoveredFte, IReadOnlyList<CoverageLine> Technicians)
{
    public bool IsSchool => StaffingRules.IsSchool(Type);

    public bool Uncovered => IsSchool && Technicians.Count == 0;

    public bool BelowModel => IsSchool && Technicians.Count > 0 && ModelFte is { } model && CoveredFte < model;

    public bool IsGap => Uncovered || BelowModel;

    /// <summary>FTE the site lacks against its model (0 when it has enough or has no model figure).</summary>
    public decimal Shortfall => ModelFte is { } model && CoveredFte < model ? model - CoveredFte : 0;
}

/// <summary>A site technician, the sites they cover, and their total: above one full-time technician is an overload.</summary>
public sealed record CoveringTechnician(Guid PersonId, string Name, bool HoldsTier1Position, IReadOnlyList<CoverageLine> Sites)
{
    public decimal TotalShare => Sites.Sum(s => s.Share);

    public decimal DaysPerWeek => CoverageCheck.DaysPerWeek(TotalShare);

    public bool Overloaded => TotalShare > CoverageCheck.FullTime;
}

/// <summary>Every current site with its coverage, every site technician with theirs, and which are gaps and overloads.</summary>
public sealed record CoverageReport(IReadOnlyList<CoveredSite> Sites, IReadOnlyList<CoveringTechnician> Technicians)
{
    public IReadOnlyList<CoveredSite> Gaps => Sites.Where(s => s.IsGap).ToList();

    public IReadOnlyList<CoveringTechnician> Overloads => Technicians.Where(t => t.Overloaded).ToList();
}

/// <summary>Coverage against the model, as pure functions.</summary>
public static class CoverageCheck
{
    public const decimal FullTime = 1.0m;

    /// <summary>School days in a week: a share of 0.5 is two and a half days.</summary>
    public const int SchoolWeekDays = 5;

    public static decimal DaysPerWeek(decimal share) => share * SchoolWeekDays;

    /// <summary>The sites (or only the gaps) as a download: one row per technician's share of a site, and one for a site nobody covers.</summary>
    public static ExportTable Table(IReadOnlyList<CoveredSite> sites) => new("Coverage",
        [
            new("Site"), new("Type"), new("Model FTE", ExportKind.Number), new("Covered FTE", ExportKind.Number), new("Coverage"), new("Technician"),
            new("Share", ExportKind.Number), new("Days a week", ExportKind.Number),
        ],
        [.. sites.SelectMany(site =>
        {
            IReadOnlyList<object?> Row(CoverageLine? line) =>
            [
                site.Name, StaffingText.SiteTypeName(site.Type), site.ModelFte, site.CoveredFte,
                site.Uncovered ? "Gap: no technician" : site.BelowModel ? string.Create(CultureInfo.InvariantCulture, $"Gap: {site.Shortfall} FTE short") : "Covered", line?.Technician, line?.Share, line?.DaysPerWeek,
            ];
            return site.Technicians.Count == 0 ? [Row(null)] : site.Technicians.Select(Row);
        })]);

    /// <summary>
    /// The report: sites in the Directory's order, each with its technicians by share; technicians are everyone in the coverage
    /// table and every holder of a current tier-1 position (<paramref name="tier1"/>, with their names), by name.
    /// </summary>
    public static CoverageReport Build(
        IReadOnlyList<SiteSummary> sites, IReadOnlyList<CoverageAssignment> assignments, DistrictModel model, IReadOnlyDictionary<Guid, string> tier1)
    {
        var siteNames = sites.ToDictionary(s => s.Id, s => s.Name);
        var lines = assignments.Where(a => siteNames.ContainsKey(a.SiteId))
            .Select(a => new CoverageLine(a.PersonId, a.PersonName, a.SiteId, siteNames[a.SiteId], a.Share)).ToList();
        var bySite = lines.ToLookup(l => l.SiteId);
        var covered = sites.Select(s =>
        {
            var technicians = bySite[s.Id].OrderByDescending(l => l.Share).ThenBy(l => l.Technician, StringComparer.CurrentCulture).ToList();
            return new CoveredSite(s.Id, s.Name, s.Type, model.FtePerSite(s.Type), technicians.Sum(l => l.Share), technicians);
        }).ToList();

        var names = lines.GroupBy(l => l.PersonId).ToDictionary(g => g.Key, g => g.First().Technician);
        foreach (var (id, name) in tier1)
        {
            names.TryAdd(id, name);
        }

        var byPerson = lines.ToLookup(l => l.PersonId);
        var technicians = names.Select(n => new CoveringTechnician(n.Key, n.Value, tier1.ContainsKey(n.Key),
                byPerson[n.Key].OrderByDescending(l => l.Share).ThenBy(l => l.Site, StringComparer.CurrentCulture).ToList()))
            .OrderBy(t => t.Name, StringComparer.CurrentCulture).ThenBy(t => t.PersonId).ToList();
        return new CoverageReport(covered, technicians);
    }
}
