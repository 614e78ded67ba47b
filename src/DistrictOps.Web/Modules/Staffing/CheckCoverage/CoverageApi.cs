using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Staffing.CheckCoverage;

public static class CoverageApi
{
    public static RouteGroupBuilder MapCoverageApi(this RouteGroupBuilder group)
    {
        group.MapGet("/coverage", async (CoverageHandler handler, CancellationToken ct) => TypedResults.Ok(CoverageResponse.Of(await handler.ReadAsync(ct))))
            .WithSummary("Every current site with the technicians covering it (share, days a week), its covered FTE against the model's FTE for its type; every site technician with their total; and the gaps (a school nobody covers, or covered below its model FTE) and overloads (a technician above 1.0 FTE).")
            .RequireAuthorization(StaffingPermissions.Read);
        group.MapPut("/coverage", async (SetCoverageCommand command, CoverageHandler handler, CancellationToken ct) => (await handler.SetAsync(command, ct)).ToOk())
            .WithSummary("Set one technician's share of one site (personId, siteId, share from 0 to 1 with two decimals; 0 removes it). Setting the same share again changes nothing.")
            .RequireAuthorization(StaffingPermissions.Manage);
        return group;
    }
}

/// <summary>The coverage report as the API writes it: flat lists, the flags spelled out.</summary>
public sealed record CoverageResponse(
    IReadOnlyList<CoverageResponse.SiteItem> Sites, IReadOnlyList<CoverageResponse.TechnicianItem> Technicians, IReadOnlyList<CoverageResponse.GapItem> Gaps,
    IReadOnlyList<CoverageResponse.OverloadItem> Overloads)
{
    public sealed record ShareItem(Guid PersonId, string Name, Guid SiteId, string Site, decimal Share, decimal DaysPerWeek);

    public sealed record SiteItem(Guid Id, string Name, string Type, decimal? ModelFte, decimal CoveredFte, bool Gap, IReadOnlyList<ShareItem> Technicians);

    public sealed record TechnicianItem(Guid PersonId, string Name, bool HoldsTier1Position, decimal TotalShare, decimal DaysPerWeek, bool Overloaded, IReadOnlyList<ShareItem> Sites);

    /// <summary>Why the site is a gap: "uncovered" or "below-model", and by how much FTE.</summary>
    public sealed record GapItem(Guid SiteId, string Name, string Reason, decimal? ModelFte, decimal CoveredFte, decimal Shortfall);

    public sealed record OverloadItem(Guid PersonId, string Name, decimal TotalShare, decimal Excess);

    public static CoverageResponse Of(CoverageReport report)
    {
        static ShareItem Share(CoverageLine l) => new(l.PersonId, l.Technician, l.SiteId, l.Site, l.Share, l.DaysPerWeek);
        return new CoverageResponse(
            report.Sites.Select(s => new SiteItem(s.SiteId, s.Name, s.Type, s.ModelFte, s.CoveredFte, s.IsGap, s.Technicians.Select(Share).ToList())).ToList(),
            report.Technicians.Select(t => new TechnicianItem(t.PersonId, t.Name, t.HoldsTier1Position, t.TotalShare, t.DaysPerWeek, t.Overloaded, t.Sites.Select(Share).ToList())).ToList(),
            report.Gaps.Select(g => new GapItem(g.SiteId, g.Name, g.Uncovered ? "uncovered" : "below-model", g.ModelFte, g.CoveredFte, g.Uncovered ? g.ModelFte ?? 0 : g.Shortfall)).ToList(),
            report.Overloads.Select(o => new OverloadItem(o.PersonId, o.Name, o.TotalShare, o.TotalShare - CoverageCheck.FullTime)).ToList());
    }
}
