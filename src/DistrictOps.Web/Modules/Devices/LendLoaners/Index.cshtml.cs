using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.LendLoaners;

/// <summary>Every loaner pool the user may see, one card each with its use and the site's recommended size; a form to create one.</summary>
[Authorize(Policy = DevicesPermissions.Read)]
public sealed class IndexModel(LendLoanersHandler handler, ISiteDirectory sites, PermissionRegistry permissions) : PageModel
{
    public IReadOnlyList<PoolCard> Pools { get; private set; } = [];

    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];

    public bool Manages { get; private set; }

    public IReadOnlyList<string> Refused { get; private set; } = [];

    public (Guid? SiteId, string? Name, int? LoanDays) Entered { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(Guid? siteId, string? name, int? loanDays, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, DevicesPermissions.Manage))
        {
            return Forbid();
        }

        var created = ModelState.IsValid
            ? await handler.CreateAsync(new CreatePool(siteId, name, loanDays), DeviceUser.Of(HttpContext, DevicesPermissions.Manage, permissions), cancellationToken)
            : Platform.Result.Invalid("loanDays", "Loan days: expected a whole number of days.");
        if (created.Succeeded)
        {
            TempData["Saved"] = $"The pool {created.Value.Name} is ready. Add its devices by their asset tags.";
            return Redirect($"/devices/loaners/{created.Value.Id}");
        }

        Refused = created.Failure.Messages;
        Entered = (siteId, name, loanDays);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var user = DeviceUser.Of(HttpContext, DevicesPermissions.Read, permissions);
        Pools = await handler.ListAsync(user, cancellationToken);
        Manages = permissions.Grants(User, DevicesPermissions.Manage);
        var scope = DeviceScope.For(User, DevicesPermissions.Manage, permissions);
        Sites = Manages ? (await sites.ListAsync(cancellationToken)).Where(s => scope.Covers(s.Id)).ToList() : [];
    }
}
