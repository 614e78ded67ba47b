using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Helpdesk.Settings.ManageSettings;

[Authorize(Policy = HelpdeskPermissions.Manage)]
public sealed class IndexModel(HelpdeskSettingsHandler handler, IUserDirectory users, AppDbContext db) : PageModel
{
    public IReadOnlyList<IssueTypeNode> IssueTypes { get; private set; } = [];

    public IReadOnlyList<PriorityCell> Matrix { get; private set; } = [];

    public IReadOnlyList<TeamSettings> Teams { get; private set; } = [];

    public IReadOnlyList<Macro> Macros { get; private set; } = [];

    public IReadOnlyList<UserSummary> Technicians { get; private set; } = [];

    public IssueTypeNode? EditingIssueType { get; private set; }

    public Macro? EditingMacro { get; private set; }

    public (string Section, IReadOnlyList<string> Messages)? Refused { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(int? issueType, int? macro, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        EditingIssueType = IssueTypes.FirstOrDefault(c => c.Id == issueType);
        EditingMacro = Macros.FirstOrDefault(m => m.Id == macro);
    }

    public async Task<IActionResult> OnPostIssueTypeAsync(int? id, string? name, int? parentId, bool active, CancellationToken ct) =>
        await DoneAsync("issue-types", await handler.SaveIssueTypeAsync(id, name, parentId, active, ct), "Issue type saved.", ct);

    public async Task<IActionResult> OnPostMatrixAsync(CancellationToken ct)
    {
        var cells = new Dictionary<(TicketImpact, TicketUrgency), int>();
        foreach (var impact in Enum.GetValues<TicketImpact>())
        {
            foreach (var urgency in Enum.GetValues<TicketUrgency>())
            {
                if (int.TryParse(Request.Form[$"cell-{impact}-{urgency}"], out var priority))
                {
                    cells[(impact, urgency)] = priority;
                }
            }
        }

        return await DoneAsync("matrix", await handler.SaveMatrixAsync(cells, ct), "Priority matrix saved.", ct);
    }

    public async Task<IActionResult> OnPostTeamAsync(int id, List<Guid> members, Guid? leadUserId, int? escalatesToTeamId, CancellationToken ct) =>
        await DoneAsync("teams", await handler.SaveTeamAsync(id, members, leadUserId, escalatesToTeamId, ct), "Team saved.", ct);

    public async Task<IActionResult> OnPostMacroAsync(int? id, string? name, string? body, bool isPublic, TicketStatus? setStatus, bool active, CancellationToken ct) =>
        await DoneAsync("macros", await handler.SaveMacroAsync(id, name, body, isPublic, setStatus, active, ct), "Macro saved.", ct);

    private async Task<IActionResult> DoneAsync<T>(string section, Result<T> result, string saved, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            Saved = saved;
            return Redirect($"/helpdesk/settings#{section}");
        }

        if (result.Failure.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        db.ChangeTracker.Clear();
        Refused = (section, result.Failure.Messages);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        IssueTypes = await handler.IssueTypesAsync(cancellationToken);
        Matrix = await handler.MatrixAsync(cancellationToken);
        Teams = await handler.TeamsAsync(cancellationToken);
        Macros = await handler.MacrosAsync(cancellationToken);
        Technicians = await users.TechniciansAsync(cancellationToken);
    }
}
