using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Modules;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DistrictOps.Web.Platform.Ui.Home;

/// <summary>Each role lands on a home page named for it, with the tools its permissions open.</summary>
public sealed class IndexModel(ModuleCatalog catalog, PermissionRegistry permissions, IEnumerable<HomeAction> actions, IStringLocalizer<SharedResource> t) : PageModel
{
    public string Heading { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public IReadOnlyList<RoleDefinition> RoleCards { get; private set; } = [];

    public IReadOnlyList<NavItem> Tools { get; private set; } = [];

    public IReadOnlyList<HomeAction> Actions { get; private set; } = [];

    /// <summary>A parent or guardian and nothing else: their empty state speaks of registration, not of roles at work.</summary>
    public bool IsFamily { get; private set; }

    public void OnGet()
    {
        DisplayName = User.DisplayName();
        RoleCards = Roles.All.Where(r => User.IsInRole(r.Name)).ToList();
        Heading = RoleCards.Count > 0 ? t["{0} home", t[RoleCards[0].DisplayName]] : t["Home"];
        Tools = catalog.Navigation.Where(n => permissions.Grants(User, n.Permission)).ToList();
        Actions = actions.Where(a => a.Shows(User, permissions)).ToList();
        IsFamily = RoleCards.Count > 0 && RoleCards.All(r => r.Name == Roles.Parent);
    }
}
