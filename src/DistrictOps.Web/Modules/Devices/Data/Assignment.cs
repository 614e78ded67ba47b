namespace DistrictOps.Web.Modules.Devices.Data;

/// <summary>How a device came back: A like new to D unusable.</summary>
public enum Condition
{
    A,
    B,
    C,
    D,
}

/// <summary>
/// A device out to a holder, from check-out to check-in. A loan is an assignment from a loaner pool with a due date and,
/// usually, the ticket it was issued for. At most one open assignment per device.
/// </summary>
public sealed class Assignment
{
    public const int NotesMaxLength = 1_000;

    public long Id { get; set; }

    public Guid DeviceId { get; set; }

    public HolderKind HolderKind { get; set; }

    public Guid? HolderId { get; set; }

    public required string HolderName { get; set; }

    public Guid? SiteId { get; set; }

    public string? Room { get; set; }

    public Accessories AccessoriesOut { get; set; }

    public DateTimeOffset OutAt { get; set; }

    public required string OutByName { get; set; }

    public Guid? OutByUserId { get; set; }

    public bool IsLoan { get; set; }

    public Guid? PoolId { get; set; }

    public long? TicketId { get; set; }

    public DateOnly? DueOn { get; set; }

    /// <summary>Whether the family's device agreement was on file at check-out (a warning, never a block).</summary>
    public bool AgreementOnFile { get; set; }

    public DateTimeOffset? InAt { get; set; }

    public string? InByName { get; set; }

    public Condition? ConditionIn { get; set; }

    public Accessories AccessoriesIn { get; set; }

    public string? NotesIn { get; set; }
}

public enum AgreementMethod
{
    Paper,
    Online,
}

/// <summary>A family's signed device agreement for a student and school year; optional protection is recorded, never required.</summary>
public sealed class DeviceAgreement
{
    public const int SchoolYearMaxLength = 9;

    public long Id { get; set; }

    public Guid StudentId { get; set; }

    /// <summary>"2026-27".</summary>
    public required string SchoolYear { get; set; }

    public DateTimeOffset SignedAt { get; set; }

    public required string SignedByName { get; set; }

    public Guid? SignedByPersonId { get; set; }

    public AgreementMethod Method { get; set; }

    /// <summary>Voluntary device protection (California: insurance and deposits may only be optional).</summary>
    public bool ProtectionOptIn { get; set; }

    public required string RecordedByName { get; set; }
}

/// <summary>Spare devices a site lends while a student's or teacher's own device is repaired.</summary>
public sealed class LoanerPool
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    public required string Name { get; set; }

    public int LoanDays { get; set; } = 10;
}
