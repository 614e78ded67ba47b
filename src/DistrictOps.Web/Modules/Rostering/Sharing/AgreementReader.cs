using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Rostering.Sharing;

public sealed record SiteChoice(Guid Id, string Name);

/// <summary>An agreement as pages and the API show it; the SFTP secret only as whether one is on file.</summary>
public sealed record AgreementView(
    Guid AppId, string AppName, AppStatus AppStatus, IReadOnlyList<SiteChoice> Sites, SharedRoles Roles, ClassScope Classes, IReadOnlyList<string> ClassValues,
    SharedFields Fields, ExportFormat Format, ExportMode Mode, DeliveryMethod Method, string? Schedule, string? SftpHost, int SftpPort, string? SftpUsername,
    SftpAuth SftpAuth, bool HasSftpSecret, string? SftpHostKey, string SftpFolder, bool Enabled, int Revision, int PreviewedRevision, DateTimeOffset? PreviewedAt,
    DateTimeOffset? UpdatedAt, string UpdatedBy)
{
    /// <summary>Every site (an empty list) or the ones named.</summary>
    public bool AllSites => Sites.Count == 0;
}

/// <summary>An app's agreement as pages and the API show it (the registry, the agreement form, the preview).</summary>
public sealed class AgreementReader(AppDbContext db, ISiteDirectory sites)
{
    public async Task<Result<AgreementView>> GetAsync(Guid appId, CancellationToken cancellationToken)
    {
        var found = await (from a in db.Set<SharingAgreement>().AsNoTracking()
                           join app in db.Set<RosterApp>() on a.AppId equals app.Id
                           where a.AppId == appId
                           select new { a, app.Name, app.Status }).SingleOrDefaultAsync(cancellationToken);
        return found is null ? Result.NotFound($"No app {appId} is registered.") : await ViewAsync(found.a, found.Name, found.Status, cancellationToken);
    }

    private async Task<AgreementView> ViewAsync(SharingAgreement a, string appName, AppStatus appStatus, CancellationToken cancellationToken)
    {
        var ids = AgreementRules.SiteIdsOf(a);
        var names = ids is null ? [] : (await sites.ListAsync(cancellationToken)).Where(s => ids.Contains(s.Id)).Select(s => new SiteChoice(s.Id, s.Name)).OrderBy(s => s.Name).ToList();
        return new AgreementView(a.AppId, appName, appStatus, names, a.Roles, a.Classes, AgreementRules.ListOf(a.ClassValues), a.Fields, a.Format, a.Mode, a.Method,
            a.Schedule, a.SftpHost, a.SftpPort, a.SftpUsername, a.SftpAuth, a.SftpSecret is not null, a.SftpHostKey, a.SftpFolder, a.Enabled, a.Revision,
            a.PreviewedRevision, a.PreviewedAt, a.UpdatedBy.Length == 0 ? null : a.UpdatedAt, a.UpdatedBy);
    }
}
