namespace DistrictOps.Web.Modules.Devices.Data;

/// <summary>Where a device is in its life; <see cref="DeviceStatuses"/> says which moves are allowed.</summary>
public enum DeviceStatus
{
    InStock,
    Assigned,
    Loaner,
    InRepair,
    Lost,
    Stolen,
    Damaged,
    Retired,
    Disposed,
}

/// <summary>Who holds a device: a student or staff member (by Directory id), or a room at its site.</summary>
public enum HolderKind
{
    Student,
    Staff,
    Room,
}

/// <summary>What went out with a device; a device may carry several.</summary>
[Flags]
public enum Accessories
{
    None = 0,
    Charger = 1,
    Case = 2,
    Stylus = 4,
    Keyboard = 8,
}

/// <summary>
/// One device in the register, keyed by its asset tag (what the barcode says) and its serial (what the manufacturer and
/// the device-management tool say). The holder's name is a copy kept for lists; students' names are shown only to those
/// the Directory's student rule lets see them.
/// </summary>
public sealed class Device
{
    public const int AssetTagMaxLength = 32;
    public const int SerialMaxLength = 64;
    public const int RoomMaxLength = 64;
    public const int NameMaxLength = 255;
    public const int PurchaseOrderMaxLength = 32;
    public const int NotesMaxLength = 2_000;
    public const int OsVersionMaxLength = 64;
    public const int ComplianceMaxLength = 32;

    public Guid Id { get; set; }

    public required string AssetTag { get; set; }

    public required string Serial { get; set; }

    public Guid StandardId { get; set; }

    public DeviceStatus Status { get; set; }

    public Guid? SiteId { get; set; }

    public string? Room { get; set; }

    public HolderKind? HolderKind { get; set; }

    /// <summary>The student or staff member holding it; null for a room or nobody.</summary>
    public Guid? HolderId { get; set; }

    public string? HolderName { get; set; }

    public Accessories AccessoriesOut { get; set; }

    /// <summary>The loaner pool the device belongs to, if it is a loaner.</summary>
    public Guid? PoolId { get; set; }

    public string? PurchaseOrder { get; set; }

    public DateOnly? PurchasedOn { get; set; }

    public long? CostCents { get; set; }

    public Guid? FundingSourceId { get; set; }

    public DateOnly? WarrantyEnds { get; set; }

    public string? Notes { get; set; }

    public DateTimeOffset? LastAuditedAt { get; set; }

    /// <summary>The device-management tool's last check-in, from its inventory import.</summary>
    public DateTimeOffset? LastSeenAt { get; set; }

    public string? Compliance { get; set; }

    public string? OsVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Changes on every write; a write made from an older copy is refused.</summary>
    public int Version { get; set; }
}

/// <summary>What happened to a device; the device's full history, newest last.</summary>
public enum DeviceEventKind
{
    Added,
    Edited,
    CheckedOut,
    CheckedIn,
    StatusChanged,
    Loaned,
    LoanReturned,
    Incident,
    RepairOpened,
    RepairClosed,
    Audited,
    Imported,
    Undone,
}

public sealed class DeviceEvent
{
    public const int DetailMaxLength = 500;

    public long Id { get; set; }

    public Guid DeviceId { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? ActorUserId { get; set; }

    public required string ActorName { get; set; }

    public DeviceEventKind Kind { get; set; }

    public DeviceStatus? FromStatus { get; set; }

    public DeviceStatus? ToStatus { get; set; }

    public string? Detail { get; set; }
}

/// <summary>The admin-defined money a device was bought with: bond, general fund, a grant.</summary>
public sealed class FundingSource
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Money expected each year for replacements, for the refresh forecast's funded line.</summary>
    public long AnnualCents { get; set; }

    /// <summary>The last school year (its ending calendar year) the source pays for; null when it has no end.</summary>
    public int? EndsYear { get; set; }

    public bool Active { get; set; } = true;
}
