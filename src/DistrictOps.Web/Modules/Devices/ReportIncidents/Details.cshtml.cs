using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.ReportIncidents;

public sealed class DecisionForm
{
    public string? Responsibility { get; set; }

    [Display(Name = "Why")]
    public string? Reason { get; set; }
}

public sealed class ChargeForm
{
    [Display(Name = "Amount in dollars")]
    public string? Amount { get; set; }

    [Display(Name = "What the charge is for")]
    public string? Reason { get; set; }

    public Guid RequestId { get; set; } = Guid.NewGuid();
}

/// <summary>One incident: the device and its student, photos, and the responsibility decision with the charge it may lead to.</summary>
[Authorize(Policy = DevicesPermissions.Read)]
public sealed class DetailsModel(IncidentsHandler handler, Fees fees, PermissionRegistry permissions) : PageModel
{
    [BindProperty]
    public DecisionForm Decision { get; set; } = new();

    [BindProperty]
    public ChargeForm Charge { get; set; } = new();

    public IncidentDetail Incident { get; private set; } = null!;

    public bool Decides => permissions.Grants(User, DevicesPermissions.Fees);

    /// <summary>Why each responsibility the rules leave out is not possible here.</summary>
    public IReadOnlyList<(Responsibility Choice, string Why)> NotAllowed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Decision.Responsibility = Incident.Responsibility == Responsibility.Undecided ? null : Incident.Responsibility.ToString();
        Decision.Reason = Incident.DecisionReason;
        Charge.Amount = Incident.SuggestedChargeCents is { } cents ? Money.Dollars(cents) : null;
        Charge.Reason = Incident.Kind == IncidentKind.Lost ? $"Device {Incident.AssetTag} not returned: replacement at its unit cost." : $"Repair of willful damage to device {Incident.AssetTag}.";
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(long id, CancellationToken cancellationToken)
    {
        if (!Decides)
        {
            return Forbid();
        }

        var command = new Decide(Enum.TryParse<Responsibility>(Decision.Responsibility, out var choice) && Enum.IsDefined(choice) ? choice : null, Decision.Reason);
        var decided = await handler.DecideAsync(id, command, DeviceUser.Of(HttpContext, DevicesPermissions.Fees, permissions), cancellationToken);
        if (decided.Succeeded)
        {
            TempData["Saved"] = decided.Value.Changed ? "Decision recorded." : "That decision was already recorded; nothing changed.";
            return Redirect($"/devices/incidents/{id}#decision");
        }

        return this.RefuseOnPage(decided.Failure, "Decision.") ?? await ShowAgainAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostChargeAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Incident.StudentId is not { } student)
        {
            return NotFound();
        }

        var charged = await fees.RecordAsync(student, FeeEntryKind.Charge, new RecordFee(id, Charge.Amount, Charge.Reason, Charge.RequestId),
            DeviceUser.Of(HttpContext, DevicesPermissions.Fees, permissions), cancellationToken);
        if (charged.Succeeded)
        {
            TempData["Saved"] = charged.Value.Repeated ? "That charge was already recorded; nothing changed." : "Charge recorded on the family's ledger.";
            return Redirect($"/devices/incidents/{id}#decision");
        }

        return this.RefuseOnPage(charged.Failure, "Charge.") ?? await ShowAgainAsync(id, cancellationToken);
    }

    public IEnumerable<string> ErrorsOf(string key) => PageOutcomes.ErrorsFor(this, key);

    private async Task<IActionResult> ShowAgainAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Response.StatusCode = Response.StatusCode == StatusCodes.Status403Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(id, DeviceUser.Of(HttpContext, DevicesPermissions.Read, permissions), cancellationToken) is not { } incident)
        {
            return false;
        }

        Incident = incident;
        var facts = new IncidentFacts(incident.Kind, incident.Cause, incident.StudentId is not null, incident.ProtectionOptIn);
        NotAllowed = Enum.GetValues<Responsibility>().Where(r => r != Responsibility.Undecided && !incident.AllowedResponsibilities.Contains(r))
            .Select(r => (r, ResponsibilityRule.Refusal(r, facts)!)).ToList();
        return true;
    }
}
