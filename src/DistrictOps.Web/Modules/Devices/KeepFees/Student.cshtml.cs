using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.KeepFees;

public sealed class AgreementForm
{
    [Display(Name = "Signed by (the parent or guardian, as on the paper)")]
    public string? SignedByName { get; set; }

    public bool ProtectionOptIn { get; set; }
}

public sealed class FeeForm
{
    public long? IncidentId { get; set; }

    [Display(Name = "Amount in dollars")]
    public string? Amount { get; set; }

    [Display(Name = "Reason")]
    public string? Reason { get; set; }

    /// <summary>Made when the form is drawn, so the same form sent twice records once.</summary>
    public Guid RequestId { get; set; } = Guid.NewGuid();

    public RecordFee ToCommand() => new(IncidentId, Amount, Reason, RequestId);
}

/// <summary>
/// A student's devices: held now and before, incidents, this school year's agreement (a paper one is recorded here), and,
/// for those who keep fees, the family's ledger with its charge, payment and waiver forms.
/// </summary>
[Authorize(Policy = DevicesPermissions.Read)]
public sealed class StudentModel(StudentDevicesHandler handler, Fees fees, PermissionRegistry permissions) : PageModel
{
    [BindProperty]
    public AgreementForm Agreement { get; set; } = new();

    [BindProperty]
    public FeeForm Charge { get; set; } = new();

    [BindProperty]
    public FeeForm Payment { get; set; } = new();

    [BindProperty]
    public FeeForm Waiver { get; set; } = new();

    public StudentDevices Student { get; private set; } = null!;

    /// <summary>The family's ledger with names as the student rule allows; null for those who do not keep fees.</summary>
    public FamilyStatement? Ledger { get; private set; }

    public IReadOnlyList<StudentIncident> Chargeable { get; private set; } = [];

    public bool Records => permissions.Grants(User, DevicesPermissions.Assign);

    public bool KeepsFees => permissions.Grants(User, DevicesPermissions.Fees);

    public bool Waives => permissions.Grants(User, DevicesPermissions.Waive);

    public async Task<IActionResult> OnGetAsync(Guid personId, CancellationToken cancellationToken) =>
        await LoadAsync(personId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAgreementAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (!Records)
        {
            return Forbid();
        }

        var recorded = await handler.RecordAgreementAsync(new RecordPaperAgreement(personId, Agreement.SignedByName, null, Agreement.ProtectionOptIn),
            DeviceUser.Of(HttpContext, DevicesPermissions.Assign, permissions), cancellationToken);
        return recorded.Succeeded
            ? Done(personId, recorded.Value.Repeated ? "That agreement was already on file; nothing changed." : "Paper agreement recorded.", "agreement")
            : this.RefuseOnPage(recorded.Failure, "Agreement.") ?? await ShowAgainAsync(personId, cancellationToken);
    }

    public Task<IActionResult> OnPostChargeAsync(Guid personId, CancellationToken cancellationToken) => RecordAsync(personId, FeeEntryKind.Charge, Charge, "Charge.", cancellationToken);

    public Task<IActionResult> OnPostPaymentAsync(Guid personId, CancellationToken cancellationToken) => RecordAsync(personId, FeeEntryKind.Payment, Payment, "Payment.", cancellationToken);

    public Task<IActionResult> OnPostWaiverAsync(Guid personId, CancellationToken cancellationToken) => RecordAsync(personId, FeeEntryKind.Waiver, Waiver, "Waiver.", cancellationToken);

    public IEnumerable<string> ErrorsOf(string key) => PageOutcomes.ErrorsFor(this, key);

    private async Task<IActionResult> RecordAsync(Guid personId, FeeEntryKind kind, FeeForm form, string prefix, CancellationToken cancellationToken)
    {
        var recorded = await fees.RecordAsync(personId, kind, form.ToCommand(), DeviceUser.Of(HttpContext, DevicesPermissions.Fees, permissions), cancellationToken);
        if (recorded.Succeeded)
        {
            var what = kind switch { FeeEntryKind.Charge => "Charge", FeeEntryKind.Payment => "Payment", _ => "Waiver" };
            return Done(personId, recorded.Value.Repeated ? $"That {what.ToLowerInvariant()} was already recorded; nothing changed." : $"{what} recorded.", "ledger");
        }

        return this.RefuseOnPage(recorded.Failure, prefix) ?? await ShowAgainAsync(personId, cancellationToken);
    }

    private RedirectResult Done(Guid personId, string message, string section)
    {
        TempData["Saved"] = message;
        return Redirect($"/devices/students/{personId}#{section}");
    }

    private async Task<IActionResult> ShowAgainAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(personId, cancellationToken))
        {
            return NotFound();
        }

        Response.StatusCode = Response.StatusCode == StatusCodes.Status403Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid personId, CancellationToken cancellationToken)
    {
        var user = DeviceUser.Of(HttpContext, DevicesPermissions.Read, permissions);
        var page = QueryReader.ReadPaging(Request.Query, defaultSize: 20);
        if (await handler.FindAsync(personId, page.Succeeded ? page.Value : new PageRequest(1, 20), user, cancellationToken) is not { } student)
        {
            return false;
        }

        Student = student;
        if (KeepsFees)
        {
            Ledger = await handler.StatementAsync(personId, user, cancellationToken);
            Chargeable = await handler.ChargeableAsync(Ledger?.Students.Select(s => s.StudentId).ToList() ?? [], cancellationToken);
        }

        return true;
    }
}
