using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform;

namespace DistrictOps.Web.Modules.Devices.StockParts;

/// <summary>A part as typed on the pages: the unit cost in dollars.</summary>
public sealed class PartForm
{
    public string? PartNumber { get; set; }

    public string? Name { get; set; }

    public Guid? StandardId { get; set; }

    public int? OnHand { get; set; }

    public int? ReorderLevel { get; set; }

    public string? UnitCost { get; set; }

    public static PartForm From(PartRow part) => new()
    {
        PartNumber = part.PartNumber, Name = part.Name, StandardId = part.StandardId, OnHand = part.OnHand, ReorderLevel = part.ReorderLevel,
        UnitCost = Money.Dollars(part.UnitCostCents),
    };

    public Result<SavePart> ToCommand(bool withOnHand)
    {
        var cents = string.IsNullOrWhiteSpace(UnitCost) ? 0 : Money.Parse(UnitCost);
        return cents is null
            ? Result.Invalid("unitCost", $"Unit cost: expected an amount in dollars such as 129.00; got '{UnitCost!.Trim()}'.")
            : new SavePart(PartNumber, Name, StandardId, ReorderLevel, cents, withOnHand ? OnHand : null);
    }
}
