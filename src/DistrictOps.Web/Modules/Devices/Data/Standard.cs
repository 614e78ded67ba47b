namespace DistrictOps.Web.Modules.Devices.Data;

public enum StandardStatus
{
    Proposed,
    Approved,
    Retired,
}

/// <summary>What a standard's image is tested against before approval (the review: tablets arrived without document camera and printer drivers).</summary>
public enum CheckItem
{
    DocumentCameras,
    Printers,
    CoreSoftware,
    Wireless,
    DomainJoin,
    ManagementEnrolment,
}

public enum CheckResult
{
    NotTested,
    Pass,
    Fail,
}

/// <summary>An approved device configuration: model, image, grades, cost and life.</summary>
public sealed class DeviceStandard
{
    public const int NameMaxLength = 100;
    public const int TextMaxLength = 200;
    public const int GradesMaxLength = 64;

    public Guid Id { get; set; }

    public required string Name { get; set; }

    public required string Manufacturer { get; set; }

    public required string Model { get; set; }

    public string? Configuration { get; set; }

    public string? ImageName { get; set; }

    public string? ImageVersion { get; set; }

    public StandardStatus Status { get; set; }

    public DateOnly? ApprovedOn { get; set; }

    public string? ApprovedByName { get; set; }

    public DateOnly? RetiredOn { get; set; }

    /// <summary>Intended grades as OneRoster codes, comma separated (KG,01,02).</summary>
    public string? Grades { get; set; }

    public long UnitCostCents { get; set; }

    public int ExpectedLifeYears { get; set; }

    public DateOnly? SupportEnds { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }

    public List<StandardCheck> Checks { get; } = [];
}

public sealed class StandardCheck
{
    public const int NotesMaxLength = 500;

    public Guid StandardId { get; set; }

    public CheckItem Item { get; set; }

    public CheckResult Result { get; set; }

    public string? Notes { get; set; }

    public string? CheckedByName { get; set; }

    public DateTimeOffset? CheckedAt { get; set; }
}
