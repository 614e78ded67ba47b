using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.FamilyDevices;

public sealed class SignForm
{
    public Guid? StudentId { get; set; }

    [Display(Name = "Type your full name to sign")]
    public string? SignedByName { get; set; }

    public bool ProtectionOptIn { get; set; }
}

/// <summary>A parent's or guardian's page: their children's devices, this year's device agreement to sign, and the family's fee statement.</summary>
[Authorize(Policy = DevicesPermissions.Family)]
public sealed class IndexModel(FamilyDevicesHandler handler) : PageModel
{
    [BindProperty]
    public SignForm Sign { get; set; } = new();

    public FamilyDevicesView? Family { get; private set; }

    public FamilyStatement? Statement { get; private set; }

    public string? NotLinked { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSignAsync(CancellationToken cancellationToken)
    {
        var signed = await handler.SignAsync(new SignAgreement(Sign.StudentId, Sign.SignedByName, Sign.ProtectionOptIn), User, cancellationToken);
        if (signed.Succeeded)
        {
            TempData["Saved"] = signed.Value.Repeated ? "This agreement was already signed; nothing changed." : "Thank you: the device agreement is signed.";
            return Redirect("/family/devices#child-" + Sign.StudentId?.ToString("N"));
        }

        if (this.Refuse(signed.Failure, "Sign.") is { } refused)
        {
            return refused;
        }

        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public IEnumerable<string> ErrorsOf(Guid studentId, string field) => Sign.StudentId == studentId ? PageOutcomes.ErrorsFor(this, "Sign." + field) : [];

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var family = await handler.DevicesAsync(User, CultureInfo.CurrentUICulture, cancellationToken);
        if (!family.Succeeded)
        {
            NotLinked = family.Failure.Message;
            return;
        }

        Family = family.Value;
        Statement = (await handler.StatementAsync(User, cancellationToken)).Value;
    }
}
