using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Export;
using DistrictOps.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.ListDevices;

/// <summary>The list's filters: a tag, serial or holder's name (prefix), site, status, standard, and devices the management tool has not seen for N days.</summary>
public sealed record DeviceFilter(string? Query, Guid? SiteId, DeviceStatus? Status, Guid? StandardId, int? NotSeenDays)
{
    public static Result<(DeviceFilter Filter, PageRequest Page)> Read(IQueryCollection query)
    {
        var reader = new QueryReader(query);
        var filter = new DeviceFilter(reader.Text("q", 100), reader.Id("site", "site"), reader.Enum<DeviceStatus>("status"), reader.Id("standard", "standard"), reader.WholeNumber("notSeenDays", 1, 3650));
        return reader.Then((filter, reader.Paging()));
    }
}

public sealed record DeviceRow(
    Guid Id, string AssetTag, string Serial, string Model, string Status, Guid? SiteId, string? SiteName, string? Room, string? HolderKind, string? Holder,
    DateTimeOffset? LastSeenAt, DateTimeOffset? LastAuditedAt);

/// <summary>
/// The register, filtered and paged on the server in asset-tag order (each filter has an index ending in the tag). Site
/// technicians see their sites' devices; a student holder's name only where the Directory's student rule lets the user see it.
/// </summary>
public sealed class ListDevicesHandler(AppDbContext db, ISiteDirectory sites, IPeopleDirectory people, DeviceHistory history)
{
    public const int ExportLimit = 300_000;

    public async Task<PagedResult<DeviceRow>> ListAsync(DeviceFilter filter, PageRequest page, DeviceUser user, CancellationToken cancellationToken)
    {
        var query = await FilteredAsync(filter, user, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Project(query.OrderBy(d => d.AssetTag).Skip(page.Skip).Take(page.Size)).ToListAsync(cancellationToken);
        return new PagedResult<DeviceRow>(await ShownAsync(rows, user, cancellationToken), total, page.Page, page.Size);
    }

    /// <summary>Every device the filter finds, in the import's columns (a file exported here imports back unchanged) plus the holder and last check-in.</summary>
    public async Task<ExportTable> ExportAsync(DeviceFilter filter, DeviceUser user, CancellationToken cancellationToken)
    {
        var siteIds = (await sites.ListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.SourcedId);
        var funding = await db.Set<FundingSource>().ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
        var standards = await db.Set<DeviceStandard>().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var devices = await (await FilteredAsync(filter, user, cancellationToken)).OrderBy(d => d.AssetTag).Take(ExportLimit).ToListAsync(cancellationToken);
        var rows = devices.Select(d => (IReadOnlyList<object?>)
        [
            d.AssetTag, d.Serial, standards[d.StandardId], d.Status.ToString(), d.SiteId is { } s ? siteIds.GetValueOrDefault(s) : null, d.Room, d.PurchaseOrder,
            d.PurchasedOn, d.CostCents is { } c ? Money.Dollars(c) : null, d.FundingSourceId is { } f ? funding[f] : null, d.WarrantyEnds, d.Notes,
            FamilyNames.Holder(people, user, d.HolderKind, d.SiteId, d.HolderName), d.LastSeenAt?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        ]).ToList();
        return new ExportTable("Devices", [.. DeviceColumns.Import.Select(c => new ExportColumn(c)), new ExportColumn("holder"), new ExportColumn("last_seen")], rows);
    }

    /// <summary>The standards to filter by, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> StandardsAsync(CancellationToken cancellationToken) =>
        (await db.Set<DeviceStandard>().Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken))
            .OrderBy(s => s.Name, StringComparer.CurrentCulture).Select(s => (s.Id, s.Name)).ToList();

    private async Task<IQueryable<Device>> FilteredAsync(DeviceFilter filter, DeviceUser user, CancellationToken cancellationToken)
    {
        var query = user.Scope.Visible(db.Set<Device>().AsNoTracking());
        if (filter.SiteId is { } site)
        {
            query = query.Where(d => d.SiteId == site);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        if (filter.StandardId is { } standard)
        {
            query = query.Where(d => d.StandardId == standard);
        }

        if (filter.NotSeenDays is { } days)
        {
            var since = history.Now.AddDays(-days);
            query = query.Where(d => d.LastSeenAt == null || d.LastSeenAt < since);
        }

        if (filter.Query is { Length: > 0 } text)
        {
            // A holder by the Directory's name search: its word prefixes in any order, its student rule and access log.
            var key = Custody.Normalize(text);
            var holders = (await people.SearchAsync(text, user.Reader, 50, cancellationToken)).Select(p => p.Id).ToList();
            query = query.Where(d => d.AssetTag.StartsWith(key) || d.Serial.StartsWith(key) || (d.HolderId != null && holders.Contains(d.HolderId.Value)));
        }

        return query;
    }

    private IQueryable<DeviceRow> Project(IQueryable<Device> devices) =>
        from d in devices
        join s in db.Set<DeviceStandard>() on d.StandardId equals s.Id
        select new DeviceRow(d.Id, d.AssetTag, d.Serial, s.Model, d.Status.ToString(), d.SiteId, null, d.Room, d.HolderKind.ToString(), d.HolderName, d.LastSeenAt, d.LastAuditedAt);

    private async Task<IReadOnlyList<DeviceRow>> ShownAsync(List<DeviceRow> rows, DeviceUser user, CancellationToken cancellationToken)
    {
        var names = (await sites.ListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        return rows.Select(r => r with
        {
            SiteName = r.SiteId is { } s ? names.GetValueOrDefault(s) : null,
            Holder = FamilyNames.Holder(people, user, Enum.TryParse<HolderKind>(r.HolderKind, out var kind) ? kind : null, r.SiteId, r.Holder),
        }).ToList();
    }
}
