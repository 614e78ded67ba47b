using System.ComponentModel.DataAnnotations;

namespace DistrictOps.Web.Modules.Devices.ManageStandards;

/// <summary>The standard form's fields; the handler checks them.</summary>
public sealed class StandardForm
{
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Manufacturer")]
    public string? Manufacturer { get; set; }

    [Display(Name = "Model")]
    public string? Model { get; set; }

    [Display(Name = "Configuration (processor, memory, storage)")]
    public string? Configuration { get; set; }

    [Display(Name = "Image name")]
    public string? ImageName { get; set; }

    [Display(Name = "Image version")]
    public string? ImageVersion { get; set; }

    [Display(Name = "Intended grades")]
    public string? Grades { get; set; }

    [Display(Name = "Unit cost ($)")]
    public string? UnitCost { get; set; }

    [Display(Name = "Expected life (years)")]
    public int? ExpectedLifeYears { get; set; } = 5;

    [Display(Name = "Support and updates end")]
    public DateOnly? SupportEnds { get; set; }

    public int? Version { get; set; }

    public SaveStandardCommand ToCommand() =>
        new(Name, Manufacturer, Model, Configuration, ImageName, ImageVersion, Grades, UnitCost, ExpectedLifeYears, SupportEnds, Version);

    public static StandardForm From(StandardRow s) => new()
    {
        Name = s.Name, Manufacturer = s.Manufacturer, Model = s.Model, Configuration = s.Configuration, ImageName = s.ImageName, ImageVersion = s.ImageVersion,
        Grades = s.Grades, UnitCost = Register.Money.Dollars(s.UnitCostCents), ExpectedLifeYears = s.ExpectedLifeYears, SupportEnds = s.SupportEnds, Version = s.Version,
    };
}
