using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Modules.Staffing.Sizing;

namespace DistrictOps.Web.Modules.Staffing.EditScenarios;

/// <summary>The scenario form's fields; the handler checks them.</summary>
public sealed class ScenarioForm
{
    public string? Version { get; set; }

    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Notes")]
    public string? Notes { get; set; }

    [Display(Name = "Administrative offices, FTE")]
    public decimal? AdministrativeFte { get; set; }

    [Display(Name = "Second-tier positions")]
    public int? Tier2Positions { get; set; }

    [Display(Name = "Devices added")]
    public int? DevicesAdded { get; set; }

    [Display(Name = "Site technician, salary and benefits a year ($)")]
    public decimal? Tier1CostPerFte { get; set; }

    [Display(Name = "Second-tier specialist, salary and benefits a year ($)")]
    public decimal? Tier2CostPerPosition { get; set; }

    [Display(Name = "Minutes per ticket")]
    public int? MinutesPerTicket { get; set; }

    [Display(Name = "Ticket hours in a technician's year")]
    public int? TicketHoursPerFte { get; set; }

    public List<RatioField> Ratios { get; set; } = [];

    public SaveScenarioCommand ToCommand() => new(Version, Name, Notes, AdministrativeFte, Tier2Positions, DevicesAdded, Tier1CostPerFte, Tier2CostPerPosition,
        MinutesPerTicket, TicketHoursPerFte, [.. Ratios.Select(r => new RatioSetting(r.SiteType ?? "", r.FtePerSite ?? -1, r.SitesAdded ?? 0))]);

    public static ScenarioForm From(ScenarioSettings s) => new()
    {
        Version = s.Version, Name = s.Name, Notes = s.Notes, AdministrativeFte = s.AdministrativeFte, Tier2Positions = s.Tier2Positions, DevicesAdded = s.DevicesAdded,
        Tier1CostPerFte = s.Tier1CostPerFte, Tier2CostPerPosition = s.Tier2CostPerPosition, MinutesPerTicket = s.MinutesPerTicket, TicketHoursPerFte = s.TicketHoursPerFte,
        Ratios = [.. StaffingRules.SchoolTypes.Select(type => s.Ratios.FirstOrDefault(r => r.SiteType == type) is { } r
            ? new RatioField { SiteType = type, FtePerSite = r.FtePerSite, SitesAdded = r.SitesAdded }
            : new RatioField { SiteType = type, FtePerSite = 0, SitesAdded = 0 })],
    };
}

public sealed class RatioField
{
    public string? SiteType { get; set; }

    public decimal? FtePerSite { get; set; }

    public int? SitesAdded { get; set; }
}
