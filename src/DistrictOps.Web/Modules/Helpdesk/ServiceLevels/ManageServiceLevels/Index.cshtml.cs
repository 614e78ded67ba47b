using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Helpdesk.ServiceLevels.ManageServiceLevels;

/// <summary>The service-level policies in order, in words, with their targets; a form to add or change one.</summary>
[Authorize(Policy = HelpdeskPermissions.Manage)]
public sealed class IndexModel(ServiceLevelPoliciesHandler handler, AppDbContext db, ISiteDirectory siteDirectory) : PageModel
{
    public IReadOnlyList<ServiceLevelPolicyDto> Policies { get; private set; } = [];

    public ConditionChoices Choices { get; private set; } = ConditionChoices.None;

    public ServiceLevelPolicyDto? Editing { get; private set; }

    /// <summary>What was typed, shown again when the form is refused.</summary>
    public PolicyForm? Posted { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(int? edit, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Editing = edit is { } id ? Policies.FirstOrDefault(p => p.Id == id) : null;
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, PolicyForm policy, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var command = policy.ToCommand(errors);
        if (errors.Count == 0)
        {
            var saved = await handler.SaveAsync(id, command, cancellationToken);
            if (saved.Succeeded)
            {
                Saved = id is null ? "Policy added; open tickets will be re-evaluated." : "Policy saved; open tickets will be re-evaluated.";
                return RedirectToPage();
            }

            if (saved.Failure.Kind == OutcomeKind.NotFound)
            {
                return NotFound();
            }

            errors.AddRange(saved.Failure.Messages);
        }

        db.ChangeTracker.Clear();
        await LoadAsync(cancellationToken);
        Editing = id is { } existing ? Policies.FirstOrDefault(p => p.Id == existing) : null;
        Posted = policy;
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        Saved = await handler.DeleteAsync(id, cancellationToken) ? "Policy deleted; open tickets will be re-evaluated." : null;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, bool up, CancellationToken cancellationToken)
    {
        Saved = await handler.MoveAsync(id, up, cancellationToken) ? "Order changed; open tickets will be re-evaluated." : null;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEnableAsync(int id, bool enabled, CancellationToken cancellationToken)
    {
        Saved = await handler.EnableAsync(id, enabled, cancellationToken) ? (enabled ? "Policy enabled." : "Policy disabled.") : null;
        return RedirectToPage();
    }

    public static int DayMinutes(string hours) => hours == nameof(ServiceHours.AroundTheClock) ? TargetDuration.ClockDayMinutes : TargetDuration.SchoolDayMinutes;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Policies = await handler.ListAsync(cancellationToken);
        Choices = await ConditionChoices.LoadAsync(db, siteDirectory, cancellationToken);
    }

    public sealed class PolicyForm : ConditionsForm
    {
        public int Order { get; set; }

        public string? Name { get; set; }

        public bool Enabled { get; set; }

        public string Hours { get; set; } = nameof(ServiceHours.SchoolTime);

        public bool PauseOnHold { get; set; }

        public string? Restore { get; set; }

        /// <summary>Per priority 1-5: first response and resolution as typed ("30", "4h", "3d"); both blank means no target.</summary>
        public List<string?> Response { get; set; } = [];

        public List<string?> Resolution { get; set; } = [];

        public SaveServiceLevelPolicyCommand ToCommand(List<string> errors)
        {
            var day = DayMinutes(Hours);
            var targets = new List<ServiceLevelTargetDto>();
            for (var priority = 1; priority <= 5; priority++)
            {
                var response = Response.ElementAtOrDefault(priority - 1);
                var resolution = Resolution.ElementAtOrDefault(priority - 1);
                if (string.IsNullOrWhiteSpace(response) && string.IsNullOrWhiteSpace(resolution))
                {
                    continue;
                }

                var responseMinutes = TargetDuration.Parse(response, day);
                var resolutionMinutes = TargetDuration.Parse(resolution, day);
                if (responseMinutes is null || resolutionMinutes is null)
                {
                    errors.Add($"Priority {priority}: write each target as minutes or hours or days, such as 90, 4h or 3d.");
                    continue;
                }

                targets.Add(new ServiceLevelTargetDto(priority, responseMinutes.Value, resolutionMinutes.Value));
            }

            int? restore = null;
            if (!string.IsNullOrWhiteSpace(Restore) && (restore = TargetDuration.Parse(Restore, day)) is null)
            {
                errors.Add("Write the restore-instruction target as minutes or hours, such as 30 or 1h, or leave it empty.");
            }

            return new SaveServiceLevelPolicyCommand(Order, Name, Enabled, SiteIds, SiteTypes, IssueTypeIds, RequesterRoles, Channels, Priorities, Hours, PauseOnHold, restore, targets);
        }
    }
}
