using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Staffing.CheckCoverage;

/// <summary>The coverage form: a technician, a site and a share typed as text (read the same in every language).</summary>
public sealed class CoverageForm
{
    [Display(Name = "Technician")]
    public Guid? PersonId { get; set; }

    [Display(Name = "Site")]
    public Guid? SiteId { get; set; }

    [Display(Name = "Share of a full-time technician")]
    public string? Share { get; set; }
}

/// <summary>Which technician covers which site, with gaps against the model and overloads; holders of staffing.manage change shares here.</summary>
[Authorize(Policy = StaffingPermissions.Read)]
public sealed class IndexModel(CoverageHandler handler, PermissionRegistry permissions) : PageModel
{
    public const int SitesPerPage = 50;

    [BindProperty]
    public CoverageForm Input { get; set; } = new();

    public CoverageReport Report { get; private set; } = new([], []);

    public PagedResult<CoveredSite> Sites { get; private set; } = new([], 0, 1, SitesPerPage);

    public bool GapsOnly { get; private set; }

    public bool CanManage { get; private set; }

    // A POST handler binds no "page": Razor Pages' own route value of that name (the page's path) would fail to bind as a number.
    public async Task OnGetAsync(string? show, [FromQuery] int? page, CancellationToken cancellationToken) =>
        await LoadAsync(show, page, cancellationToken);

    /// <summary>Every site's coverage (or every gap, with <c>show=gaps</c>) as CSV or XLSX.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? show, string? format, CancellationToken cancellationToken)
    {
        var report = await handler.ReadAsync(cancellationToken);
        var gaps = string.Equals(show, "gaps", StringComparison.OrdinalIgnoreCase);
        return CoverageCheck.Table(gaps ? report.Gaps : report.Sites).Download(format, gaps ? "staffing-coverage-gaps" : "staffing-coverage");
    }

    public async Task<IActionResult> OnPostSetAsync(CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, StaffingPermissions.Manage))
        {
            return Forbid();
        }

        decimal? share = null;
        if (!string.IsNullOrWhiteSpace(Input.Share))
        {
            if (decimal.TryParse(Input.Share.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                share = parsed;
            }
            else
            {
                ModelState.AddModelError("Input.Share", $"'{Input.Share}' is not a number: give a share from 0 to 1, such as 0.5.");
            }
        }

        if (ModelState.ErrorCount == 0)
        {
            var set = await handler.SetAsync(new SetCoverageCommand(Input.PersonId, Input.SiteId, share), cancellationToken);
            if (set.Succeeded)
            {
                TempData["Saved"] = set.Value.Share is null ? "Coverage removed." : "Coverage saved.";
                return Redirect("/staffing/coverage");
            }

            if (this.Refuse(set.Failure) is { } refused)
            {
                return refused;
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(null, null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid personId, Guid siteId, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, StaffingPermissions.Manage))
        {
            return Forbid();
        }

        var removed = await handler.SetAsync(new SetCoverageCommand(personId, siteId, 0), cancellationToken);
        if (!removed.Succeeded)
        {
            return this.Refuse(removed.Failure) ?? BadRequest();
        }

        TempData["Saved"] = "Coverage removed.";
        return Redirect("/staffing/coverage");
    }

    private async Task LoadAsync(string? show, int? page, CancellationToken cancellationToken)
    {
        CanManage = permissions.Grants(User, StaffingPermissions.Manage);
        GapsOnly = string.Equals(show, "gaps", StringComparison.OrdinalIgnoreCase);
        Report = await handler.ReadAsync(cancellationToken);
        var sites = GapsOnly ? Report.Gaps : Report.Sites;
        var request = new PageRequest(page, SitesPerPage);
        Sites = new PagedResult<CoveredSite>(sites.Skip(request.Skip).Take(request.Size).ToList(), sites.Count, request.Page, request.Size);
    }
}
