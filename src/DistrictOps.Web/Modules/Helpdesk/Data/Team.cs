namespace DistrictOps.Web.Modules.Helpdesk.Data;

/// <summary>A team at one tier of support; escalation moves a ticket to <see cref="EscalatesToTeamId"/>.</summary>
public sealed class Team
{
    public const int NameMaxLength = 100;

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
