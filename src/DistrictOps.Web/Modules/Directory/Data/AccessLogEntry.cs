namespace DistrictOps.Web.Modules.Directory.Data;

/// <summary>
/// Someone was shown student or guardian records: one record (<see cref="PersonId"/>) or a list or search, whose records are
/// its <see cref="AccessLogListing"/> rows. Kept for audits ("who looked at my child"); never written to the application log.
/// </summary>
public sealed class AccessLogEntry
{
    public const int PathMaxLength = 256;
    public const int QueryMaxLength = 512;

    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid UserId { get; set; }

    /// <summary>Whose record was shown; null for a list or search.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>"page" or "api".</summary>
    public required string Via { get; set; }

    /// <summary>The request path without its query string, e.g. <c>/helpdesk/intake</c>.</summary>
    public string Path { get; set; } = "";

    /// <summary>For a list or search, what was asked (the filters), never the names it returned.</summary>
    public string? Query { get; set; }

    /// <summary>How many student and guardian records the answer held.</summary>
    public int Records { get; set; }

    public List<AccessLogListing> Listings { get; } = [];
}

/// <summary>A student or guardian a listed <see cref="AccessLogEntry"/> showed, so the log can be searched by person.</summary>
public sealed class AccessLogListing
{
    public long EntryId { get; set; }

    public Guid PersonId { get; set; }
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
