namespace DistrictOps.Web.Modules.Directory.Data;

/// <summary>Someone looked at a student's record: who, whose, when and how. Kept for audits; never logged elsewhere.</summary>
public sealed class AccessLogEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid UserId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>"page" or "api".</summary>
    public required string Via { get; set; }
}

/// <summary>An uploaded OneRoster zip waiting between its plan and its apply; in the database so any web node can apply it.</summary>
public sealed class ImportUpload
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public required string UploadedBy { get; set; }
}
