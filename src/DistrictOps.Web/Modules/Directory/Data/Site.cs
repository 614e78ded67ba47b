namespace DistrictOps.Web.Modules.Directory.Data;

/// <summary>What a site is for staffing, routing and readiness: derived from its grades unless an admin set it.</summary>
public enum SiteType
{
    District,
    Elementary,
    Middle,
    High,
    Alternative,
    Administrative,
    Other,
}

/// <summary>OneRoster's org type.</summary>
public enum OrgType
{
    District,
    School,
    Department,
    Local,
    State,
    National,
}

public sealed class Site : IImported
{
    public const int NameMaxLength = 255;

    public Guid Id { get; set; }

    public required string SourcedId { get; set; }

    public required string Name { get; set; }

    /// <summary>State or NCES code.</summary>
    public string? Identifier { get; set; }

    public OrgType OrgType { get; set; }

    public SiteType Type { get; set; }

    /// <summary>
    /// The type the SIS declares in orgs.csv's <c>metadata.districtops.siteType</c> column (an alternative school looks like
    /// any high school by its grades); it is used instead of the derived type unless an administrator set one.
    /// </summary>
    public SiteType? DeclaredType { get; set; }

    /// <summary>When true, imports keep <see cref="Type"/> as the admin set it.</summary>
    public bool TypeSetByAdmin { get; set; }

    public string? ParentSourcedId { get; set; }

    public Guid? ParentId { get; set; }

    public string? Street { get; set; }

    public string? City { get; set; }

    public string? PostalCode { get; set; }

    /// <summary>Grades offered, derived from the students enrolled: "TK,KG,01,…".</summary>
    public string Grades { get; set; } = "";

    /// <summary>Active students whose primary site this is, as of the last import.</summary>
    public int Enrollment { get; set; }

    public long ContentHash { get; set; }

    public DateTimeOffset? LeftAt { get; set; }

    public DateTimeOffset? ModifiedAt { get; set; }
}
