using System.Globalization;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.Register;

/// <summary>A device's register fields as text, from the form, the API or a CSV row; dates as YYYY-MM-DD, cost in dollars.</summary>
public sealed record DeviceFields(
    string? AssetTag, string? Serial, string? Standard, string? Status, string? Site, string? Room, string? PurchaseOrder, string? PurchasedOn,
    string? Cost, string? FundingSource, string? WarrantyEnds, string? Notes);

/// <summary>The fields checked and resolved: the standard, site and funding source by id.</summary>
public sealed record DeviceValues(
    string AssetTag, string Serial, Guid StandardId, DeviceStatus Status, Guid? SiteId, string? Room, string? PurchaseOrder, DateOnly? PurchasedOn,
    long? CostCents, Guid? FundingSourceId, DateOnly? WarrantyEnds, string? Notes)
{
    public void CopyTo(Device device)
    {
        (device.AssetTag, device.Serial, device.StandardId, device.SiteId, device.Room) = (AssetTag, Serial, StandardId, SiteId, Room);
        (device.PurchaseOrder, device.PurchasedOn, device.CostCents, device.FundingSourceId, device.WarrantyEnds, device.Notes) = (PurchaseOrder, PurchasedOn, CostCents, FundingSourceId, WarrantyEnds, Notes);
    }

    /// <summary>The fields that differ from the device's, as people name them, for its history.</summary>
    public IReadOnlyList<string> ChangedFrom(Device d) =>
    [
        .. Named("asset tag", d.AssetTag != AssetTag), .. Named("serial", d.Serial != Serial), .. Named("standard", d.StandardId != StandardId),
        .. Named("status", d.Status != Status), .. Named("site", d.SiteId != SiteId), .. Named("room", d.Room != Room),
        .. Named("purchase", d.PurchaseOrder != PurchaseOrder || d.PurchasedOn != PurchasedOn || d.CostCents != CostCents || d.FundingSourceId != FundingSourceId),
        .. Named("warranty", d.WarrantyEnds != WarrantyEnds), .. Named("notes", d.Notes != Notes),
    ];

    public bool SameAs(Device d) =>
        (d.AssetTag, d.Serial, d.StandardId, d.Status, d.SiteId, d.Room, d.PurchaseOrder, d.PurchasedOn, d.CostCents, d.FundingSourceId, d.WarrantyEnds, d.Notes)
        == (AssetTag, Serial, StandardId, Status, SiteId, Room, PurchaseOrder, PurchasedOn, CostCents, FundingSourceId, WarrantyEnds, Notes);

    private static string[] Named(string name, bool differs) => differs ? [name] : [];
}

/// <summary>
/// The one check of a device's register fields, for the form, the API and every row of an import: each problem names its
/// field and says what was expected. Standards, sites and funding sources are looked up by name (sites by source id too),
/// without case. A register write may set a status only where no holder is involved: check-out and loans go through custody.
/// </summary>
public sealed class DeviceRules
{
    public static readonly DeviceStatus[] RegisterStatuses =
        [DeviceStatus.InStock, DeviceStatus.InRepair, DeviceStatus.Lost, DeviceStatus.Stolen, DeviceStatus.Damaged, DeviceStatus.Retired, DeviceStatus.Disposed];

    private readonly Dictionary<string, Guid> standards;
    private readonly Dictionary<string, Guid> sites;
    private readonly Dictionary<string, Guid> funding;

    private DeviceRules(Dictionary<string, Guid> standards, Dictionary<string, Guid> sites, Dictionary<string, Guid> funding) =>
        (this.standards, this.sites, this.funding) = (standards, sites, funding);

    public static async Task<DeviceRules> LoadAsync(AppDbContext db, ISiteDirectory siteDirectory, CancellationToken cancellationToken)
    {
        var standards = await db.Set<DeviceStandard>().Where(s => s.Status != StandardStatus.Proposed).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var funding = await db.Set<FundingSource>().Where(f => f.Active).Select(f => new { f.Id, f.Name }).ToListAsync(cancellationToken);
        var sites = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var site in await siteDirectory.ListAsync(cancellationToken))
        {
            sites.TryAdd(site.SourcedId, site.Id);
            sites.TryAdd(site.Name, site.Id);
        }

        return new DeviceRules(
            standards.ToDictionary(s => s.Name, s => s.Id, StringComparer.OrdinalIgnoreCase), sites,
            funding.ToDictionary(f => f.Name, f => f.Id, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The values, or null with each problem added to <paramref name="errors"/> (field names after <paramref name="prefix"/>).
    /// An existing device's <paramref name="current"/> status is accepted as it is (an export re-imported says Assigned) and is
    /// the status when none is given; a new device starts in stock.
    /// </summary>
    public DeviceValues? Check(DeviceFields fields, ErrorList errors, string prefix = "", DeviceStatus? current = null)
    {
        var found = new ErrorList();
        var tag = found.Required("assetTag", fields.AssetTag, "Give the asset tag (the barcode on the device).");
        found.MaxLength("assetTag", tag, Device.AssetTagMaxLength);
        var serial = found.Required("serial", fields.Serial, "Give the manufacturer's serial number.");
        found.MaxLength("serial", serial, Device.SerialMaxLength);
        var standard = Lookup(found, "standard", fields.Standard, standards, "an approved or retired standard", required: true);
        var status = current ?? DeviceStatus.InStock;
        if (!string.IsNullOrWhiteSpace(fields.Status)
            && !(Enum.TryParse(fields.Status.Replace(" ", "", StringComparison.Ordinal), ignoreCase: true, out status) && (RegisterStatuses.Contains(status) || status == current)))
        {
            found.Add("status", $"Expected one of {string.Join(", ", RegisterStatuses)}; got \u201c{fields.Status}\u201d (check-out and loans are recorded by scanning, not by import).");
        }

        var site = Lookup(found, "site", fields.Site, sites, "a site's source id or name", required: false);
        found.MaxLength("room", fields.Room, Device.RoomMaxLength);
        found.MaxLength("purchaseOrder", fields.PurchaseOrder, Device.PurchaseOrderMaxLength);
        found.MaxLength("notes", fields.Notes, Device.NotesMaxLength);
        var purchased = Date(found, "purchasedOn", fields.PurchasedOn);
        var warranty = Date(found, "warrantyEnds", fields.WarrantyEnds);
        long? cost = null;
        if (!string.IsNullOrWhiteSpace(fields.Cost) && (cost = Money.Parse(fields.Cost)) is null)
        {
            found.Add("cost", $"Expected an amount in dollars such as 349.00; got \u201c{fields.Cost}\u201d.");
        }

        var source = Lookup(found, "fundingSource", fields.FundingSource, funding, "a funding source set up under funding sources", required: false);
        errors.AddAll(found, prefix);
        return found.Any ? null : new DeviceValues(Custody.Normalize(tag!), Custody.Normalize(serial!), standard!.Value, status, site, Blank(fields.Room), Blank(fields.PurchaseOrder),
            purchased, cost, source, warranty, Blank(fields.Notes));
    }

    /// <summary>Why a register write may not move the device to <paramref name="status"/>, or null: a device out must be checked in first, other moves must be allowed ones.</summary>
    public static string? MoveRefusal(Device device, DeviceStatus status) =>
        status == device.Status ? null
        : DeviceStatuses.IsOut(device.Status) ? $"{device.AssetTag} is out with {device.HolderName}; check it in before changing its status."
        : DeviceStatuses.CanMove(device.Status, status) ? null
        : DeviceStatuses.Refusal(device.Status, status);

    private static Guid? Lookup(ErrorList errors, string field, string? text, Dictionary<string, Guid> known, string expected, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(field, $"Give {expected}.");
            }

            return null;
        }

        if (Guid.TryParse(text, out var id) && known.ContainsValue(id))
        {
            return id;
        }

        if (known.TryGetValue(text.Trim(), out var found))
        {
            return found;
        }

        var some = string.Join(", ", known.Keys.Take(5));
        errors.Add(field, $"Expected {expected}; there is none called \u201c{text.Trim()}\u201d" + (some.Length > 0 ? $" (for example {some})." : "."));
        return null;
    }

    private static DateOnly? Date(ErrorList errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, $"Expected a date as YYYY-MM-DD; got \u201c{text}\u201d.");
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
