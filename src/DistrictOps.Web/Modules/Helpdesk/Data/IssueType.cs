namespace DistrictOps.Web.Modules.Helpdesk.Data;

/// <summary>A node in the editable tree of issue types; <see cref="Path"/> is the names from the root, joined by " › ".</summary>
public sealed class IssueType
{
    public const int NameMaxLength = 100;
    public const int PathMaxLength = 400;

    public int Id { get; set; }

    public int? ParentId { get; set; }

    public required string Name { get; set; }

    public required string Path { get; set; }

    public bool Active { get; set; } = true;

    public int SortOrder { get; set; }
}
