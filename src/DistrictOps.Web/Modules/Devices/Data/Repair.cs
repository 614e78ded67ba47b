namespace DistrictOps.Web.Modules.Devices.Data;

public enum RepairKind
{
    InHouse,
    Vendor,
}

public enum RepairStatus
{
    Open,
    WaitingForParts,
    AtVendor,
    Done,
    Cancelled,
}

/// <summary>A repair order, in house or by the vendor's RMA; the device is In repair while it is open.</summary>
public sealed class RepairOrder
{
    public const int TextMaxLength = 2_000;
    public const int RmaMaxLength = 64;

    public long Id { get; set; }

    public Guid DeviceId { get; set; }

    public RepairKind Kind { get; set; }

    public RepairStatus Status { get; set; }

    public string? VendorRma { get; set; }

    public long? TicketId { get; set; }

    public long? IncidentId { get; set; }

    public required string Problem { get; set; }

    public string? Resolution { get; set; }

    public long LaborCents { get; set; }

    public long VendorCents { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public required string OpenedByName { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public DeviceStatus StatusBefore { get; set; }

    public List<RepairPart> Parts { get; } = [];
}

public sealed class RepairPart
{
    public long Id { get; set; }

    public long RepairId { get; set; }

    public Guid PartId { get; set; }

    public int Quantity { get; set; }

    public long UnitCostCents { get; set; }
}

/// <summary>A spare part kept in stock (screens, batteries, keyboards), with the level at which to reorder.</summary>
public sealed class Part
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; }

    public required string Name { get; set; }

    public required string PartNumber { get; set; }

    public Guid? StandardId { get; set; }

    public int OnHand { get; set; }

    public int ReorderLevel { get; set; }

    public long UnitCostCents { get; set; }
}
