namespace DistrictOps.Web.Modules.Helpdesk.Data;

/// <summary>A canned reply or note that can also set fields.</summary>
public sealed class Macro
{
    public const int NameMaxLength = 200;
    public const int BodyMaxLength = TicketEvent.BodyMaxLength;

    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Body { get; set; }

    public bool IsPublic { get; set; } = true;

    public TicketStatus? SetStatus { get; set; }

    public int? SetTeamId { get; set; }

    public int? SetIssueTypeId { get; set; }

    public int? SetPriority { get; set; }

    public string? AddTags { get; set; }

    public bool Active { get; set; } = true;
}
