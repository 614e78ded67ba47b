using DistrictOps.Web.Platform.Auth;

namespace DistrictOps.Web.Modules.Accounts;

public static class AccountsPermissions
{
    /// <summary>See the targets, plans and the audit of every directory change.</summary>
    public const string Read = "accounts.read";

    /// <summary>Apply a plan the guard lets through.</summary>
    public const string Apply = "accounts.apply";

    /// <summary>Apply a plan the guard stopped (too many disables and deletes, or too large a share of the accounts).</summary>
    public const string Override = "accounts.override";

    /// <summary>Reset a staff member's directory password from a help desk ticket, after verifying who is asking.</summary>
    public const string Reset = "accounts.reset";

    /// <summary>Release first passwords of any class's students (a class sheet) and of any person the Directory lets one see.</summary>
    public const string Passwords = "accounts.passwords";

    /// <summary>Release the first passwords of the students in the classes one teaches (a class sheet).</summary>
    public const string ClassPasswords = "accounts.passwords.class";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Read, "See account targets, plans and the audit of every directory change.", [Roles.NetworkEngineer, Roles.SeniorTechnician, Roles.ItManager, Roles.DistrictAdmin]),
        new(Apply, "Apply an account plan to a directory.", [Roles.NetworkEngineer, Roles.ItManager, Roles.DistrictAdmin]),
        new(Override, "Apply an account plan the safety guard stopped.", [Roles.ItManager, Roles.DistrictAdmin]),
        new(Reset, "Reset a staff member's directory password from a help desk ticket, after verifying who is asking; never a student's, never an account with more access than one's own.",
            [Roles.HelpDesk, Roles.SiteTechnician, Roles.SeniorTechnician, Roles.ItManager, Roles.DistrictAdmin]),
        new(Passwords, "Show new accounts' first passwords once: any class's sheet, or one person's.", [Roles.ItManager, Roles.DistrictAdmin, Roles.DataServices]),
        // Also held by those who hold Passwords, so that whoever may add site staff holds every permission the role gives.
        new(ClassPasswords, "Show the first passwords of the students in the classes one teaches, once, on a printable class sheet.",
            [Roles.SiteStaff, Roles.ItManager, Roles.DistrictAdmin, Roles.DataServices]),
    ];
}
