namespace DistrictOps.Web.Modules.Rostering.Data;

/// <summary>Whether an app may receive data now.</summary>
public enum AppStatus
{
    /// <summary>Being set up: its agreement is not signed or not enabled; nothing is delivered.</summary>
    Pending,
    Active,

    /// <summary>Stopped for a while (a lapsed agreement, a vendor's breach); nothing is delivered, its API clients are refused.</summary>
    Suspended,
    Retired,
}

/// <summary>An instructional app the district sends roster data to, with its vendor and its data-privacy agreement.</summary>
public sealed class RosterApp
{
    public const int NameMaxLength = 128;
    public const int TextMaxLength = 255;
    public const int NotesMaxLength = 2000;

    public Guid Id { get; set; }

    public required string Name { get; set; }

    public required string Vendor { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    /// <summary>The data-privacy agreement's title or registry number (e.g. the state's student data privacy agreement).</summary>
    public string? PrivacyAgreement { get; set; }

    public DateOnly? AgreementSignedOn { get; set; }

    public DateOnly? AgreementExpiresOn { get; set; }

    public AppStatus Status { get; set; }

    public string? Notes { get; set; }

    /// <summary>The OAuth client id issued to the app for the OneRoster API; null until one is issued.</summary>
    public string? ClientId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Which people an agreement shares.</summary>
[Flags]
public enum SharedRoles
{
    None = 0,
    Students = 1,
    Teachers = 2,
    Administrators = 4,
    Guardians = 8,
}

/// <summary>The fields beyond a name and ids that an agreement may share; anything not listed is left empty.</summary>
[Flags]
public enum SharedFields
{
    None = 0,
    Username = 1,
    Email = 2,
    Phone = 4,

    /// <summary>The SIS's local id (student number).</summary>
    Identifier = 8,
    Grades = 16,
    PreferredNames = 32,
    BirthDate = 64,
    Sex = 128,
    RaceAndEthnicity = 256,

    /// <summary>Country, state and city of birth and public school residence status.</summary>
    BirthPlace = 512,
}

/// <summary>Which classes an agreement shares.</summary>
public enum ClassScope
{
    All,

    /// <summary>Classes whose course lists one of the agreement's subjects.</summary>
    Subjects,

    /// <summary>Classes whose course has one of the agreement's course codes.</summary>
    CourseCodes,
}

public enum ExportFormat
{
    OneRoster11,
    OneRoster12,

    /// <summary>Microsoft School Data Sync v2.1 CSV.</summary>
    SchoolDataSync,
}

public enum ExportMode
{
    Bulk,

    /// <summary>Only what changed since the app's last delivery; the first delivery (and the first after the agreement changes) is bulk.</summary>
    Delta,
}

public enum DeliveryMethod
{
    /// <summary>Staff download the package from the app's page; nothing is pushed.</summary>
    Download,
    Sftp,

    /// <summary>The app reads the OneRoster API with its client id and secret.</summary>
    Api,
}

public enum SftpAuth
{
    Password,
    PrivateKey,
}

/// <summary>
/// What one app may receive: sites, people, classes and fields, in which format, how often and how. Every change raises
/// <see cref="Revision"/>; a delta delivery continues only from a delivery of the same revision.
/// </summary>
public sealed class SharingAgreement
{
    public const int ListMaxLength = 4000;

    public Guid Id { get; set; }

    public Guid AppId { get; set; }

    /// <summary>The sites shared, comma-separated ids; empty shares every site.</summary>
    public string SiteIds { get; set; } = "";

    public SharedRoles Roles { get; set; }

    public ClassScope Classes { get; set; }

    /// <summary>The subjects or course codes <see cref="Classes"/> names, comma-separated.</summary>
    public string ClassValues { get; set; } = "";

    public SharedFields Fields { get; set; }

    public ExportFormat Format { get; set; }

    public ExportMode Mode { get; set; }

    public DeliveryMethod Method { get; set; }

    /// <summary>A Quartz cron expression in the district's time zone; null delivers only when asked.</summary>
    public string? Schedule { get; set; }

    public string? SftpHost { get; set; }

    public int SftpPort { get; set; } = 22;

    public string? SftpUsername { get; set; }

    public SftpAuth SftpAuth { get; set; }

    /// <summary>The password or private key, encrypted with the app's data protection; never shown again.</summary>
    public string? SftpSecret { get; set; }

    /// <summary>The server's host key fingerprint (SHA256:…) the delivery insists on; null trusts nothing.</summary>
    public string? SftpHostKey { get; set; }

    public string SftpFolder { get; set; } = "/";

    public bool Enabled { get; set; }

    public int Revision { get; set; } = 1;

    /// <summary>When someone last looked at the preview of this revision; enabling needs one.</summary>
    public DateTimeOffset? PreviewedAt { get; set; }

    public int PreviewedRevision { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}

public enum DeliveryStatus
{
    Running,

    /// <summary>Failed and waiting for its next attempt.</summary>
    Retrying,
    Delivered,
    Failed,
}

/// <summary>
/// One package made for one app and what became of it: files, rows, checksum, where it went. Kept for as long as the district
/// keeps its records, so it can answer who received which data and when.
/// </summary>
public sealed class RosterDelivery
{
    public const int ErrorMaxLength = 2000;

    public Guid Id { get; set; }

    public Guid AppId { get; set; }

    public int AgreementRevision { get; set; }

    public ExportFormat Format { get; set; }

    public ExportMode Mode { get; set; }

    public DeliveryMethod Method { get; set; }

    /// <summary>"sftp://host:port/folder/file.zip" or "download"; never a secret.</summary>
    public string? Target { get; set; }

    public required string RequestedBy { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>For a delta: the data time the previous delivery covered; changes after it are in this one.</summary>
    public DateTimeOffset? Since { get; set; }

    /// <summary>The newest change the package holds: the next delta starts here.</summary>
    public DateTimeOffset? DataAsOf { get; set; }

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Each file and its row count as JSON: [{"file":"users.csv","rows":123},…].</summary>
    public string FilesJson { get; set; } = "[]";

    public long Bytes { get; set; }

    /// <summary>SHA-256 of the package, lower-case hex.</summary>
    public string? Sha256 { get; set; }

    public string? Error { get; set; }
}

/// <summary>
/// That a person's data went to an app: first and last time, and by which delivery (or the API). One row per app and person,
/// so "who received this student's data, and when" is one lookup.
/// </summary>
public sealed class SharedPerson
{
    public Guid AppId { get; set; }

    public Guid PersonId { get; set; }

    public DateTimeOffset FirstSharedAt { get; set; }

    public DateTimeOffset LastSharedAt { get; set; }

    /// <summary>The last delivery that held the person; null when the API served them last.</summary>
    public Guid? LastDeliveryId { get; set; }
}
