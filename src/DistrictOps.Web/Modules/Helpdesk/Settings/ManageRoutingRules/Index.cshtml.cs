using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Helpdesk.Settings.ManageRoutingRules;

/// <summary>The routing rules in order, in words; a form to add or change one; and the simulator.</summary>
[Authorize(Policy = HelpdeskPermissions.Manage)]
public sealed class IndexModel(RoutingRulesHandler handler, AppDbContext db, ISiteDirectory siteDirectory, IUserDirectory users, TimeProvider clock) : PageModel
{
    public IReadOnlyList<RoutingRuleDto> Rules { get; private set; } = [];

    public ConditionChoices Choices { get; private set; } = ConditionChoices.None;

    public IReadOnlyList<Team> Teams { get; private set; } = [];

    public IReadOnlyList<UserSummary> Technicians { get; private set; } = [];

    public RoutingRuleDto? Editing { get; private set; }

    /// <summary>The date the form's "Expires on" shows: rules expire at the start of that date, UTC, as <see cref="RuleForm.ToCommand"/> stores it.</summary>
    public string? ExpiresOn(RoutingRuleDto? rule) =>
        rule?.ExpiresAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public SimulatedRouting? Simulation { get; private set; }

    public IReadOnlyList<string> SimulationErrors { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public SimulateForm Simulate { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync(int? edit, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Editing = edit is { } id ? Rules.FirstOrDefault(r => r.Id == id) : null;
        if (Simulate.SiteId is { } site && Simulate.IssueTypeId is { } issueType)
        {
            var result = await handler.SimulateAsync(new SimulateRoutingCommand(site, issueType, Simulate.Impact, Simulate.Urgency, Simulate.Channel, Simulate.RequesterRole), cancellationToken);
            Simulation = result.Value;
            SimulationErrors = result.Failure?.Messages ?? [];
        }
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, RuleForm rule, CancellationToken cancellationToken)
    {
        var saved = await handler.SaveAsync(id, rule.ToCommand(), cancellationToken);
        if (saved.Succeeded)
        {
            Saved = id is null ? "Rule added." : "Rule saved.";
            return RedirectToPage();
        }

        if (saved.Failure.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        db.ChangeTracker.Clear();
        await LoadAsync(cancellationToken);
        Editing = id is { } existing ? Rules.FirstOrDefault(r => r.Id == existing) : null;
        Errors = saved.Failure.Messages;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        Saved = await handler.DeleteAsync(id, cancellationToken) ? "Rule deleted." : null;
        return RedirectToPage();
    }

    public string Actions(RoutingRuleDto rule)
    {
        var parts = new List<string>();
        if (rule.SetTeamId is { } team)
        {
            parts.Add("team " + (Teams.FirstOrDefault(t => t.Id == team)?.Name ?? team.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (rule.AssignSiteTechnician)
        {
            parts.Add("the site's technician");
        }

        if (rule.SetAssigneeUserId is { } user)
        {
            parts.Add("assign " + (Technicians.FirstOrDefault(t => t.Id == user)?.DisplayName ?? user.ToString()));
        }

        if (rule.SetPriority is { } priority)
        {
            parts.Add("priority " + Priorities.Name(priority));
        }

        if (rule.AddTags.Count > 0)
        {
            parts.Add("tags " + string.Join(' ', rule.AddTags));
        }

        if (rule.StopProcessing)
        {
            parts.Add("then stop");
        }

        return string.Join("; ", parts);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rules = await handler.ListAsync(cancellationToken);
        Choices = await ConditionChoices.LoadAsync(db, siteDirectory, cancellationToken);
        Teams = await db.TeamsByTierAsync(cancellationToken);
        Technicians = await users.TechniciansAsync(cancellationToken);
    }

    public sealed class SimulateForm
    {
        public Guid? SiteId { get; set; }

        public int? IssueTypeId { get; set; }

        public TicketImpact Impact { get; set; } = TicketImpact.Person;

        public TicketUrgency Urgency { get; set; } = TicketUrgency.Medium;

        public TicketChannel Channel { get; set; } = TicketChannel.Web;

        public string? RequesterRole { get; set; }
    }

    public sealed class RuleForm : ConditionsForm
    {
        public int Order { get; set; }

        public string? Name { get; set; }

        public bool Enabled { get; set; }

        public DateOnly? ExpiresOn { get; set; }

        public int? SetTeamId { get; set; }

        public bool AssignSiteTechnician { get; set; }

        public Guid? SetAssigneeUserId { get; set; }

        public int? SetPriority { get; set; }

        public string? AddTags { get; set; }

        public bool StopProcessing { get; set; }

        public SaveRoutingRuleCommand ToCommand() => new(
            Order, Name, Enabled, ExpiresOn?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) is { } at ? new DateTimeOffset(at) : null,
            SiteIds, SiteTypes, IssueTypeIds, RequesterRoles, Channels, Priorities,
            SetTeamId, AssignSiteTechnician, SetAssigneeUserId, SetPriority, Routing.Tags(AddTags), StopProcessing);
    }
}
