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
        // The page's tags first, read from the filter's index alone (the tag is each one's last column), then only their
        // rows: a deep page skips index entries instead of whole rows.
        var tags = await query.OrderBy(d => d.AssetTag).Skip(page.Skip).Take(page.Size).Select(d => d.AssetTag).ToListAsync(cancellationToken);
        var rows = (await Project(db.Set<Device>().AsNoTracking().Where(d => tags.Contains(d.AssetTag))).ToListAsync(cancellationToken))
            .OrderBy(r => r.AssetTag, StringComparer.Ordinal).ToList();
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
            // A tag or serial prefix as a range, and the three kinds of match as a union: each read from its own index, where
            // one OR would tempt PostgreSQL to walk the whole tag index in order looking for a page of matches. string.Compare
            // becomes SQL's >= and <, which compare by character on these columns (OrdinalText); CA1309 is about .NET's.
            var (from, to) = OrdinalText.PrefixRange(Custody.Normalize(text));
            var holders = (await people.SearchAsync(text, user.Reader, 50, cancellationToken)).Select(p => p.Id).ToList();
#pragma warning disable CA1309
            var matches = query.Where(d => string.Compare(d.AssetTag, from) >= 0 && string.Compare(d.AssetTag, to) < 0)
                .Union(query.Where(d => string.Compare(d.Serial, from) >= 0 && string.Compare(d.Serial, to) < 0));
#pragma warning restore CA1309
            query = holders.Count == 0 ? matches : matches.Union(query.Where(d => d.HolderId != null && holders.Contains(d.HolderId.Value)));
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
