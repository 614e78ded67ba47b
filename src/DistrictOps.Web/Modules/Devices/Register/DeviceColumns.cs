namespace DistrictOps.Web.Modules.Devices.Register;

/// <summary>The device file's columns, in order: the import reads them, the export writes them.</summary>
public static class DeviceColumns
{
    public static readonly IReadOnlyList<string> Import =
        ["asset_tag", "serial", "standard", "status", "site", "room", "purchase_order", "purchased_on", "cost", "funding_source", "warranty_ends", "notes"];

    /// <summary>The file's column for a field as the rules name it: <c>purchasedOn</c> is <c>purchased_on</c>.</summary>
    public static string Of(string field) => string.Concat(field.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));
}
