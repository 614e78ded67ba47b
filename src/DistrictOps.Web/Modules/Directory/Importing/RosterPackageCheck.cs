using DistrictOps.Web.Modules.Directory.Contracts;

namespace DistrictOps.Web.Modules.Directory.Importing;

/// <summary>The import's own walk over a package (<see cref="OneRosterImporter.CheckAsync"/>), for packages the Directory did not receive.</summary>
internal sealed class RosterPackageCheckService(OneRosterImporter importer) : IRosterPackageCheck
{
    public const int ErrorsShown = 10;

    public async Task<RosterPackageCheck> CheckAsync(string zipPath, CancellationToken cancellationToken = default)
    {
        var errors = new ImportErrorLog();
        using var package = OneRosterPackage.Open(zipPath, errors);
        var plan = await importer.CheckAsync(package, errors, cancellationToken);
        return new RosterPackageCheck(plan.ErrorCount, plan.Errors.Take(ErrorsShown).Select(e => e.ToString()).ToList());
    }
}
