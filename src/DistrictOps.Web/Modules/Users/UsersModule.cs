using DistrictOps.Web.Modules.Users.AddUser;
using DistrictOps.Web.Modules.Users.ChangePassword;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Modules.Users.EditUser;
using DistrictOps.Web.Modules.Users.GetCurrentUser;
using DistrictOps.Web.Modules.Users.ListUsers;
using DistrictOps.Web.Modules.Users.ManageAccessTokens;
using DistrictOps.Web.Modules.Users.ResetPassword;
using DistrictOps.Web.Modules.Users.ReviewAccountHistory;
using DistrictOps.Web.Modules.Users.Demo;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Demo;
using DistrictOps.Web.Platform.Modules;
using DistrictOps.Web.Platform.Settings;

namespace DistrictOps.Web.Modules.Users;

/// <summary>People who sign in to DistrictOps: accounts, roles, site scope and API tokens.</summary>
public sealed class UsersModule : IModule
{
    public string Name => "Users";

    public IReadOnlyList<Permission> Permissions => UsersPermissions.All;

    public IReadOnlyList<NavItem> Navigation { get; } =
    [
        new("Users", "/admin/users", UsersPermissions.Manage, "Add staff accounts, change their roles and sites, disable them.", NavGroups.Administration),
        new("Access tokens", "/account/tokens", UsersPermissions.OwnTokens, "Create and revoke tokens for the DistrictOps API.", NavGroups.Administration),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<UsersOptions>(configuration, UsersOptions.Section);
        services.AddScoped<AddUserHandler>();
        services.AddScoped<ListUsersHandler>();
        services.AddScoped<UserDetailHandler>();
        services.AddScoped<ChangeAccessHandler>();
        services.AddScoped<AccountStatusHandler>();
        services.AddScoped<AccountAudit>();
        services.AddScoped<ChangePasswordHandler>();
        services.AddScoped<PasswordResetHandler>();
        services.AddScoped<LeaverAccountsHandler>();
        services.AddScoped<AccountHistoryHandler>();
        services.AddScoped<AccessTokenHandler>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<IDemoSeed, DemoUsersSeed>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1").WithTags("Users").RequireAuthorization().MapCurrentUserApi().MapChangePasswordApi();
        endpoints.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(UsersPermissions.Manage)
            .MapListUsersApi()
            .MapAddUserApi()
            .MapEditUserApi()
            .MapResetPasswordApi()
            .MapAccountHistoryApi();
    }
}
