using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.ForecastRefresh;

/// <summary>When devices are due for replacement, what that costs with breakage and loss, against the funding: the unfunded gap per year.</summary>
[Authorize(Policy = DevicesPermissions.Forecast)]
public sealed class IndexModel(ForecastHandler forecast, FundingHandler funding, PermissionRegistry permissions) : PageModel
{
    public Forecast Forecast { get; private set; } = null!;

    public IReadOnlyList<FundingRow> Funding { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostFundingAsync(string? name, string? annualAmount, int? endsYear, bool active, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, DevicesPermissions.Manage))
        {
            return Forbid();
        }

        var saved = await funding.SaveAsync(new SaveFundingCommand(name, annualAmount, endsYear, active), cancellationToken);
        if (saved.Succeeded)
        {
            TempData["Saved"] = $"Saved {saved.Value.Name}.";
            return Redirect("/devices/forecast#funding");
        }

        this.Refuse(saved.Failure, prefix: "");
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanManage = permissions.Grants(User, DevicesPermissions.Manage);
        Forecast = await forecast.ComputeAsync(ForecastHandler.DefaultYears, cancellationToken);
        Funding = await funding.ListAsync(cancellationToken);
    }
}
