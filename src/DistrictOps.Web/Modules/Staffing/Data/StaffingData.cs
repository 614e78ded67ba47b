namespace DistrictOps.Web.Modules.Staffing.Data;

/// <summary>
/// A version of the staffing model: the district's own (<see cref="IsModel"/>, exactly one) or a scenario copied from it to
/// try other ratios, sites or device counts. Its site-type ratios are <see cref="SiteTypeRatio"/> rows.
/// </summary>
public sealed class StaffingScenario
{
    public const int NameMaxLength = 128;
    public const int NotesMaxLength = 2000;

    public Guid Id { get; set; }

    public required string Name { get; set; }

    public string? Notes { get; set; }

    /// <summary>The district's model: the one the staffing page, the plan and the checkpoints use. Never deleted.</summary>
    public bool IsModel { get; set; }

    /// <summary>Site technician FTE for the administrative offices as a whole (the review's one position), not per office.</summary>
    public decimal AdministrativeFte { get; set; }

    /// <summary>Second-tier positions (technology support specialist 2): projects, standards, escalations.</summary>
    public int Tier2Positions { get; set; }

    /// <summary>Devices added (or, negative, retired) beyond today's count: a rollout phase still to come.</summary>
    public int DevicesAdded { get; set; }

    /// <summary>Yearly salary and benefits of one full-time site technician (technology support specialist 1).</summary>
    public decimal Tier1CostPerFte { get; set; }

    /// <summary>Yearly salary and benefits of one technology support specialist 2.</summary>
    public decimal Tier2CostPerPosition { get; set; }

    /// <summary>Minutes of technician time a ticket takes on average, for the workload-based estimate.</summary>
    public int MinutesPerTicket { get; set; }

    /// <summary>Hours a full-time technician spends on tickets in a year (after travel, projects, leave).</summary>
    public int TicketHoursPerFte { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

/// <summary>Site technician FTE per site of a type in a scenario, and sites of that type the scenario adds or removes.</summary>
public sealed class SiteTypeRatio
{
    public Guid ScenarioId { get; set; }

    /// <summary>The Directory's site type name: Elementary, Middle, High, Alternative, Other.</summary>
    public required string SiteType { get; set; }

    public decimal FtePerSite { get; set; }

    /// <summary>Sites of this type beyond the Directory's (a school to open, or negative, to close).</summary>
    public int SitesAdded { get; set; }
}

/// <summary>Which organisation a position belongs to: the department as it is, or as the review proposes.</summary>
public enum OrgStructure
{
    Current,
    Proposed,
}

/// <summary>A position in the technology department's current or proposed structure; vacant when no person holds it.</summary>
public sealed class Position
{
    public const int TitleMaxLength = 128;
    public const int ChangeMaxLength = 500;

    public Guid Id { get; set; }

    public OrgStructure Structure { get; set; }

    public required string Title { get; set; }

    /// <summary>Leadership, Site support, Help desk, Network, Systems, Data services, Administration.</summary>
    public required string JobFamily { get; set; }

    public decimal Fte { get; set; }

    /// <summary>The position it reports to, in the same structure; null for the top.</summary>
    public Guid? ReportsToId { get; set; }

    /// <summary>1 for a site technician (desktop technician, technology support specialist 1), 2 for the second tier; null otherwise.</summary>
    public int? SupportTier { get; set; }

    /// <summary>The staff member who holds it (the Directory's person id); null when vacant.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>What the proposal changes about it ("Retitled from Desktop Technician", "New position"); null when nothing.</summary>
    public string? Change { get; set; }

    /// <summary>Order among the positions that report to the same one.</summary>
    public int Order { get; set; }
}

public enum PhaseStatus
{
    Planned,
    UnderWay,

    /// <summary>Its checkpoint was held: the metrics were read and the next phase decided.</summary>
    Reviewed,
}

/// <summary>A step of the staffing plan tied to the 1-to-1 rollout: devices it adds, positions it funds, and its checkpoint.</summary>
public sealed class StaffingPhase
{
    public const int NameMaxLength = 128;
    public const int NotesMaxLength = 4000;

    public Guid Id { get; set; }

    public int Number { get; set; }

    public required string Name { get; set; }

    public int DevicesAdded { get; set; }

    public DateOnly StartsOn { get; set; }

    /// <summary>When the phase is re-evaluated from help desk data before the next one is funded.</summary>
    public DateOnly CheckpointOn { get; set; }

    public decimal Tier1FteAdded { get; set; }

    public int Tier2PositionsAdded { get; set; }

    public PhaseStatus Status { get; set; }

    /// <summary>What the checkpoint decided, in the reviewer's words.</summary>
    public string? Decision { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewedBy { get; set; }
}
