namespace DistrictOps.Web.Modules.Devices.Data;

/// <summary>A scan of what is really at a site (or one room of it); what was expected and not scanned is the missing list.</summary>
public sealed class Audit
{
    public const int NameMaxLength = 100;

    public long Id { get; set; }

    public required string Name { get; set; }

    public Guid SiteId { get; set; }

    public string? Room { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public required string StartedByName { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public int ExpectedCount { get; set; }

    public int FoundCount { get; set; }

    public int MissingCount { get; set; }
}

/// <summary>A device expected by an audit, and when it was scanned; an unexpected device scanned gets a row too.</summary>
public sealed class AuditItem
{
    public long AuditId { get; set; }

    public Guid DeviceId { get; set; }

    public bool Expected { get; set; }

    public DateTimeOffset? ScannedAt { get; set; }

    public string? ScannedByName { get; set; }
}

/// <summary>A site's year-end collection: the student devices out when it started, and which came back.</summary>
public sealed class Collection
{
    public long Id { get; set; }

    public Guid SiteId { get; set; }

    public required string SchoolYear { get; set; }

    public DateOnly DueOn { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public required string StartedByName { get; set; }

    public DateTimeOffset? LastRemindedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
}

public sealed class CollectionItem
{
    public long CollectionId { get; set; }

    public Guid DeviceId { get; set; }

    public Guid? StudentId { get; set; }

    public required string HolderName { get; set; }

    public DateTimeOffset? CollectedAt { get; set; }

    public int Reminders { get; set; }
}
