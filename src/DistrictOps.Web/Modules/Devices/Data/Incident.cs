namespace DistrictOps.Web.Modules.Devices.Data;

public enum IncidentKind
{
    Lost,
    Stolen,
    Damaged,
}

public enum DamageCause
{
    Accidental,
    Willful,
}

/// <summary>Who bears the loss: undecided, the district, the family (willful damage or unreturned device), the warranty or the protection plan.</summary>
public enum Responsibility
{
    Undecided,
    District,
    Family,
    Warranty,
    Protection,
}

/// <summary>A device lost, stolen or damaged while out, with the decision on who pays.</summary>
public sealed class Incident
{
    public const int TextMaxLength = 2_000;
    public const int PoliceReportMaxLength = 64;

    public long Id { get; set; }

    public Guid DeviceId { get; set; }

    public IncidentKind Kind { get; set; }

    public DamageCause? Cause { get; set; }

    public string? PoliceReport { get; set; }

    public DateOnly OccurredOn { get; set; }

    public required string Description { get; set; }

    /// <summary>The student who held the device, if any: fees and the repeat-incident flag follow the student.</summary>
    public Guid? StudentId { get; set; }

    public string? StudentName { get; set; }

    public Guid? SiteId { get; set; }

    public long? TicketId { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    public required string ReportedByName { get; set; }

    public Responsibility Responsibility { get; set; }

    public string? DecisionReason { get; set; }

    public string? DecidedByName { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public DeviceStatus StatusBefore { get; set; }
}

public sealed class IncidentPhoto
{
    public long Id { get; set; }

    public long IncidentId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}

public enum FeeEntryKind
{
    Charge,
    Payment,
    Waiver,
}

/// <summary>
/// One line of a student's fee ledger (a family's statement gathers its children's). Amounts are positive cents; a charge
/// raises the balance, a payment or waiver lowers it. A fee never blocks a device (California, EC 49010-49013).
/// </summary>
public sealed class FeeEntry
{
    public const int ReasonMaxLength = 500;

    public long Id { get; set; }

    public Guid StudentId { get; set; }

    public FeeEntryKind Kind { get; set; }

    public long AmountCents { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Reason { get; set; }

    public long? IncidentId { get; set; }

    public required string RecordedByName { get; set; }

    /// <summary>Who approved a waiver; for a payment, how it was paid is in the reason.</summary>
    public string? ApprovedByName { get; set; }

    /// <summary>A client's key for the entry, so a retried post records it once.</summary>
    public Guid? RequestId { get; set; }
}
