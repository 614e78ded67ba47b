namespace DistrictOps.Web.Modules.Helpdesk.Data;

/// <summary>A node in the editable tree of issue types; <see cref="Path"/> is the names from the root, joined by " › ".</summary>
public sealed class Category
{
    public int Id { get; set; }

    public int? ParentId { get; set; }

    public required string Name { get; set; }

    public required string Path { get; set; }

    public bool Active { get; set; } = true;

    public int SortOrder { get; set; }
}

/// <summary>A team at one tier of support; escalation moves a ticket to <see cref="EscalatesToTeamId"/>.</summary>
public sealed class Team
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public int Tier { get; set; }

    public int? EscalatesToTeamId { get; set; }

    public Guid? LeadUserId { get; set; }
}

public sealed class TeamMember
{
    public int TeamId { get; set; }

    public Guid UserId { get; set; }
}

/// <summary>One cell of the impact × urgency matrix.</summary>
public sealed class PriorityCell
{
    public TicketImpact Impact { get; set; }

    public TicketUrgency Urgency { get; set; }

    public int Priority { get; set; }
}

/// <summary>
/// An ordered routing rule. Empty conditions match anything; list conditions hold
/// comma-separated values. Rules cascade: each that matches applies its actions over the
/// previous ones, until one says stop.
/// </summary>
public sealed class RoutingRule : ITicketConditions
{
    public int Id { get; set; }

    public int Order { get; set; }

    public required string Name { get; set; }

    public bool Enabled { get; set; } = true;

    public DateTimeOffset? ExpiresAt { get; set; }

    public string? SiteIds { get; set; }

    public string? SiteTypes { get; set; }

    public string? CategoryIds { get; set; }

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

/// <summary>The next position in a round-robin among a site's technicians.</summary>
public sealed class RoundRobinCursor
{
    public required string Key { get; set; }

    public int Next { get; set; }
}

/// <summary>A canned reply or note that can also set fields.</summary>
public sealed class Macro
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Body { get; set; }

    public bool IsPublic { get; set; } = true;

    public TicketStatus? SetStatus { get; set; }

    public int? SetTeamId { get; set; }

    public int? SetCategoryId { get; set; }

    public int? SetPriority { get; set; }

    public string? AddTags { get; set; }

    public bool Active { get; set; } = true;
}

/// <summary>An in-app notification for a user about a ticket.</summary>
public sealed class Notification
{
    public long Id { get; set; }

    public Guid UserId { get; set; }

    public long TicketId { get; set; }

    public required string Kind { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset At { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
