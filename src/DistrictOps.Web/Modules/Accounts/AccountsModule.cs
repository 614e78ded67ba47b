using DistrictOps.Web.Modules.Accounts.PlanAccounts;
using DistrictOps.Web.Modules.Accounts.Register;
using DistrictOps.Web.Modules.Accounts.ReleasePasswords;
using DistrictOps.Web.Modules.Accounts.ResetPasswords;
using DistrictOps.Web.Modules.Accounts.SyncAccounts;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Jobs;
using DistrictOps.Web.Platform.Modules;
using DistrictOps.Web.Platform.Settings;

namespace DistrictOps.Web.Modules.Accounts;

/// <summary>Accounts in Active Directory and LDAP kept in step with the Directory: plan, then apply, with guards and an audit.</summary>
public sealed class AccountsModule : IModule
{
    public string Name => "Accounts";

    public IReadOnlyList<Permission> Permissions => AccountsPermissions.All;

    public IReadOnlyList<NavItem> Navigation { get; } =
    [
        new("Directory accounts", "/accounts", AccountsPermissions.Read, "Accounts in Active Directory and LDAP from the Directory: the plan, applying it, and every change made.", NavGroups.Administration),
        new("First passwords", "/accounts/passwords", AccountsPermissions.ClassPasswords, "New accounts' first passwords, shown once on a printable sheet: a teacher's for each class they teach, the district's for any class or person.", NavGroups.Directory),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<AccountsOptions>(configuration, AccountsOptions.Section);
        services.AddScoped<AccountSync>();
        services.AddBackgroundWork<ApplyAccountsWork>(ApplyAccountsWork.Kind);
        services.AddScoped<AccountAudit>();
        services.AddScoped<IPersonAccounts, PersonAccounts>();
        services.AddScoped<ResetPasswordHandler>();
        services.AddScoped<ITicketPersonLinks, TicketResetLinks>();
        services.AddScoped<ReleasePasswordsHandler>();
        services.AddScheduledWork<SyncAccountsWork>(SyncAccountsWork.Name, TimeSpan.FromMinutes(15),
            "After each Directory import, applies every account target (never over the guard); emails the result to those who may apply plans, and opens a help desk ticket a day per target for failures.");
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/v1/accounts").WithTags("Accounts").MapAccountsApi().MapResetPasswordApi().MapReleasePasswordsApi();
}
