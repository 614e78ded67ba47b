using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;

namespace DistrictOps.Web.Modules.Devices.RegisterDevices;

/// <summary>The device form's fields, as text; the handler checks them with the import's rules.</summary>
public sealed class DeviceForm
{
    [Display(Name = "Asset tag")]
    public string? AssetTag { get; set; }

    [Display(Name = "Serial number")]
    public string? Serial { get; set; }

    public string? Standard { get; set; }

    public string? Status { get; set; }

    public string? Site { get; set; }

    [Display(Name = "Room")]
    public string? Room { get; set; }

    [Display(Name = "Purchase order")]
    public string? PurchaseOrder { get; set; }

    [Display(Name = "Purchase date")]
    public string? PurchasedOn { get; set; }

    [Display(Name = "Cost ($)")]
    public string? Cost { get; set; }

    public string? FundingSource { get; set; }

    [Display(Name = "Warranty ends")]
    public string? WarrantyEnds { get; set; }

    [Display(Name = "Notes")]
    public string? Notes { get; set; }

    public int? Version { get; set; }

    public DeviceFields ToFields() => new(AssetTag, Serial, Standard, Status, Site, Room, PurchaseOrder, PurchasedOn, Cost, FundingSource, WarrantyEnds, Notes);

    public static DeviceForm From(Device d) => new()
    {
        AssetTag = d.AssetTag, Serial = d.Serial, Standard = d.StandardId.ToString(), Status = d.Status.ToString(), Site = d.SiteId?.ToString(), Room = d.Room,
        PurchaseOrder = d.PurchaseOrder, PurchasedOn = d.PurchasedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Cost = d.CostCents is { } c ? Money.Dollars(c) : null, FundingSource = d.FundingSourceId?.ToString(),
        WarrantyEnds = d.WarrantyEnds?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Notes = d.Notes, Version = d.Version,
    };
}
