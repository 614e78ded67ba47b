using DistrictOps.Web.Platform.Auth;

namespace DistrictOps.Web.Modules.Devices;

public static class DevicesPermissions
{
    /// <summary>See the register, standards, pools, incidents, repairs and audits (site technicians: their sites').</summary>
    public const string Read = "devices.read";

    /// <summary>Check devices out and in, scan, lend loaners, record agreements and incidents, repair, audit and collect.</summary>
    public const string Assign = "devices.assign";

    /// <summary>Add, edit and import devices; loaner pools, parts and funding sources.</summary>
    public const string Manage = "devices.manage";

    /// <summary>Write device standards, record their compatibility checks and approve or retire them.</summary>
    public const string Standards = "devices.standards";

    /// <summary>Decide who is responsible for an incident; record charges and payments.</summary>
    public const string Fees = "devices.fees";

    /// <summary>Waive a charge (the waiver names who approved it).</summary>
    public const string Waive = "devices.waive";

    /// <summary>See the refresh forecast, cost of ownership and funding gap.</summary>
    public const string Forecast = "devices.forecast";

    /// <summary>Staff: see the devices you hold and open a ticket for one.</summary>
    public const string Mine = "devices.mine";

    /// <summary>Parents and guardians: your children's devices, the device agreement and the fee statement.</summary>
    public const string Family = "devices.family";

    private static readonly IReadOnlyList<string> Technicians =
        [Roles.HelpDesk, Roles.SiteTechnician, Roles.SeniorTechnician, Roles.NetworkEngineer, Roles.ItManager, Roles.DistrictAdmin];

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Read, "See devices, standards, loaner pools, incidents, repairs and audits; site technicians at their own sites only.", Technicians),
        new(Assign, "Check devices out and in (also by scanning), lend loaners, record device agreements and incidents, repair, audit and collect devices.",
            [Roles.HelpDesk, Roles.SiteTechnician, Roles.SeniorTechnician, Roles.ItManager, Roles.DistrictAdmin]),
        new(Manage, "Add, edit, import and export devices; manage loaner pools, parts and funding sources.", [Roles.SeniorTechnician, Roles.ItManager, Roles.DistrictAdmin]),
        new(Standards, "Write device standards, record their compatibility checks, approve and retire them.",
            [Roles.SeniorTechnician, Roles.NetworkEngineer, Roles.ItManager, Roles.DistrictAdmin]),
        new(Fees, "Decide who is responsible for a lost, stolen or damaged device; record charges and payments.", [Roles.ItManager, Roles.DistrictAdmin]),
        new(Waive, "Waive a family's charge, as its approver.", [Roles.ItManager, Roles.DistrictAdmin]),
        new(Forecast, "See the refresh forecast, cost of ownership and unfunded gap.", [Roles.SeniorTechnician, Roles.ItManager, Roles.DistrictAdmin]),
        new(Mine, "See the devices you hold and open a ticket for one.", Roles.Staff),
        // Administrators hold it too, so that they hold every permission and may make parent accounts; it shows a person's
        // own linked children only, and an administrator has none.
        new(Family, "See your children's devices, sign the device agreement and see the fee statement.", [Roles.Parent, Roles.DistrictAdmin]),
    ];
}
