namespace DistrictOps.Web.Modules.Helpdesk.Data;

/// <summary>
/// An ordered routing rule. Empty conditions match anything; list conditions hold
/// comma-separated values. Rules cascade: each that matches applies its actions over the
/// previous ones, until one says stop.
/// </summary>
public sealed class RoutingRule : ITicketConditions
{
    public const int NameMaxLength = 200;
    public const int AddTagsMaxLength = 2_000;

    public int Id { get; set; }

    public int Order { get; set; }

    public required string Name { get; set; }

    public bool Enabled { get; set; } = true;

    public DateTimeOffset? ExpiresAt { get; set; }

    public string? SiteIds { get; set; }

    public string? SiteTypes { get; set; }

    public string? IssueTypeIds { get; set; }

    public string? RequesterRoles { get; set; }

    public string? Channels { get; set; }

    public string? Priorities { get; set; }

    public int? SetTeamId { get; set; }

    /// <summary>Assign the technician covering the ticket's site, round-robin among several.</summary>
    public bool AssignSiteTechnician { get; set; }

    public Guid? SetAssigneeUserId { get; set; }

    public int? SetPriority { get; set; }

    public string? AddTags { get; set; }

    public bool StopProcessing { get; set; }
}

/// <summary>A round-robin among a site's technicians: the turns taken so far; the next technician is <c>Next</c> modulo their number.</summary>
public sealed class RoundRobinCursor
{
    public required string Key { get; set; }

    public int Next { get; set; }
}
