using System.Security.Claims;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Staffing.Sizing;
using DistrictOps.Web.Platform;

namespace DistrictOps.Web.Modules.Staffing.CheckCoverage;

/// <summary>One technician's share of one site to set; 0 removes it.</summary>
public sealed record SetCoverageCommand(Guid? PersonId, Guid? SiteId, decimal? Share);

/// <summary>What a change left: the share now held (null once removed) and the technician's new total.</summary>
public sealed record CoverageChange(Guid PersonId, Guid SiteId, decimal? Share, decimal? DaysPerWeek, decimal TechnicianTotalShare, bool Overloaded);

/// <summary>Which technician covers which site, against the district model; changes go to the Directory's coverage table.</summary>
public sealed class CoverageHandler(ISiteDirectory sites, ITechnicianCoverage coverage, DistrictModelReader models, IPeopleDirectory people)
{
    public async Task<CoverageReport> ReadAsync(CancellationToken cancellationToken = default)
    {
        var siteList = await sites.ListAsync(cancellationToken);
        var assignments = await coverage.ListAsync(cancellationToken);
        var model = await models.ReadAsync(cancellationToken);
        var named = assignments.Select(a => a.PersonId).ToHashSet();
        var tier1 = new Dictionary<Guid, string>();
        var unnamed = model.SiteTechnicians.Where(id => !named.Contains(id)).ToList();

        // Staff are never written to the access log nor hidden by the student rule: no user is needed to read their names.
        var found = unnamed.Count == 0 ? [] : await people.FindManyAsync(unnamed, new DirectoryReader(new ClaimsPrincipal(new ClaimsIdentity()), "/staffing/coverage"), cancellationToken);
        foreach (var id in model.SiteTechnicians)
        {
            tier1[id] = assignments.FirstOrDefault(a => a.PersonId == id)?.PersonName ?? found.FirstOrDefault(p => p.Id == id)?.Name ?? id.ToString();
        }

        return CoverageCheck.Build(siteList, assignments, model, tier1);
    }

    public async Task<Result<CoverageChange>> SetAsync(SetCoverageCommand command, CancellationToken cancellationToken = default)
    {
        var errors = new ErrorList();
        if (command.PersonId is null)
        {
            errors.Add("personId", "Choose the technician (a staff member's person id).");
        }

        if (command.SiteId is null)
        {
            errors.Add("siteId", "Choose the site (its id).");
        }

        if (command.Share is null)
        {
            errors.Add("share", "Give the share of a full-time technician, from 0 to 1 (0.5 is half time; 0 removes it).");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var (personId, siteId) = (command.PersonId!.Value, command.SiteId!.Value);
        var set = await coverage.SetAsync(personId, siteId, command.Share!.Value, cancellationToken);
        if (!set.Succeeded)
        {
            return set.Failure;
        }

        var total = (await coverage.ListAsync(cancellationToken)).Where(a => a.PersonId == personId).Sum(a => a.Share);
        return new CoverageChange(personId, siteId, set.Value, set.Value is { } share ? CoverageCheck.DaysPerWeek(share) : null, total, total > CoverageCheck.FullTime);
    }
}
