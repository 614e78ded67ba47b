using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Modules.Devices.Data;

namespace DistrictOps.Web.Modules.Devices.RepairDevices;

/// <summary>The open-a-repair form as typed.</summary>
public sealed class RepairForm
{
    [Display(Name = "Device's asset tag")]
    public string? Device { get; set; }

    public RepairKind? Kind { get; set; }

    [Display(Name = "Vendor's RMA number (optional)")]
    public string? VendorRma { get; set; }

    public string? Problem { get; set; }

    [Display(Name = "Help desk ticket (optional)")]
    public string? Ticket { get; set; }

    [Display(Name = "Incident number (optional)")]
    public long? IncidentId { get; set; }

    public OpenRepair ToCommand() => new(Device, Kind, Problem, VendorRma, Ticket, IncidentId);
}
