using System.Text.Json;
using DistrictOps.Web.Modules.Accounts.Data;
using DistrictOps.Web.Modules.Accounts.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Jobs.Background;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DistrictOps.Web.Modules.Accounts.PlanAccounts;

/// <summary>
/// One directory's plan, made now from the Directory and the directory as they are: the changes by kind with their
/// reasons, the accounts left alone, leavers waiting out their grace, the guard's verdict, and the apply button. Applying
/// runs in the background (<see cref="ApplyAccountsWork"/>); while it runs the page shows its progress instead of a plan.
/// </summary>
[Authorize(Policy = AccountsPermissions.Read)]
public sealed class PlanModel(AccountSync sync, AppDbContext db, BackgroundJobs jobs, PermissionRegistry permissions, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Without JavaScript the page reloads itself this often while an apply runs.</summary>
    public const int RefreshSeconds = 3;

    /// <summary>The apply running now, when the page was opened for one.</summary>
    public BackgroundJobStatus? Running { get; private set; }

    public PlanPage? Plan { get; private set; }

    public string Target { get; private set; } = "";

    public string? Kind { get; private set; }

    public string? Problem { get; private set; }

    public bool MayApply => permissions.Grants(User, AccountsPermissions.Apply);

    public bool MayOverride => permissions.Grants(User, AccountsPermissions.Override);

    [TempData]
    public string? Saved { get; set; }

    /// <summary>The finished apply's run, whose changes the page links to.</summary>
    public Guid? RunId { get; private set; }

    [TempData]
    public string? Failures { get; set; }

    public async Task<IActionResult> OnGetAsync(string target, Guid? job, CancellationToken cancellationToken)
    {
        var query = new QueryReader(Request.Query);
        Kind = query.Enum<OperationKind>("kind")?.ToString();
        var page = query.Paging(100);
        ModelState.AddHandlerErrors(query.Errors.ToDictionary(), prefix: "");
        Target = target;
        if (job is { } id && await ApplyJobAsync(id, cancellationToken) is { } status)
        {
            if (!status.IsFinished)
            {
                Running = status;
                return Page();
            }

            await ShowOutcomeAsync(status, cancellationToken);
        }

        var result = await sync.PlanAsync(target, User.DisplayName(), cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Failure.Kind == Platform.OutcomeKind.NotFound)
            {
                return NotFound();
            }

            Problem = result.Failure.Message;
            return Page();
        }

        Plan = PlanPage.Of(result.Value, Kind, page);
        return Page();
    }

    /// <summary>The running apply's progress, for the page's script.</summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid job, CancellationToken cancellationToken)
    {
        if (await ApplyJobAsync(job, cancellationToken) is not { } status)
        {
            return NotFound();
        }

        var step = status.Step is { } template ? t[template, status.StepSubject ?? ""].Value : "";
        return new JsonResult(new { finished = status.IsFinished, percent = status.Percent, step });
    }

    public async Task<IActionResult> OnPostApplyAsync(string target, bool overrideGuard, CancellationToken cancellationToken)
    {
        if (!MayApply || (overrideGuard && !MayOverride))
        {
            return Forbid();
        }

        if (!sync.Targets.Any(x => string.Equals(x.Name, target, StringComparison.OrdinalIgnoreCase)))
        {
            return NotFound();
        }

        var job = jobs.Add(db, ApplyAccountsWork.Kind, JsonSerializer.Serialize(new ApplyAccountsInput(target, overrideGuard)), User.DisplayName());
        if (job is null)
        {
            Saved = t["Other work is waiting to run on the server; apply again in a few minutes."].Value;
            return RedirectToPage(new { target });
        }

        await db.SaveChangesAsync(cancellationToken);
        await jobs.StartAsync(job.Id, cancellationToken);
        return RedirectToPage(new { target, job = job.Id });
    }

    private async Task<BackgroundJobStatus?> ApplyJobAsync(Guid id, CancellationToken cancellationToken) =>
        await jobs.StatusAsync(db, id, cancellationToken) is { Kind: ApplyAccountsWork.Kind } status ? status : null;

    /// <summary>What a finished apply did: its counts and failures from the run it recorded, or why it stopped.</summary>
    private async Task ShowOutcomeAsync(BackgroundJobStatus status, CancellationToken cancellationToken)
    {
        var runId = status.ResultUrl is { } url && url.StartsWith("/accounts/changes?run=", StringComparison.Ordinal) && Guid.TryParse(url["/accounts/changes?run=".Length..], out var r) ? r : (Guid?)null;
        var run = runId is null ? null : await db.Set<AccountRun>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == runId, cancellationToken);
        if (run is null)
        {
            Saved = status.Message ?? t["The apply stopped before it finished."].Value;
            return;
        }

        Saved = t["{0:N0} of {1:N0} changes applied, {2:N0} failed.", run.Done, run.Operations, run.Failed].Value;
        var failures = await db.Set<AccountOperation>().AsNoTracking().Where(o => o.RunId == run.Id && o.Outcome == OperationOutcome.Failed)
            .OrderBy(o => o.Id).Take(50).Select(o => $"{o.Kind} {o.Dn}: {o.Error}").ToListAsync(cancellationToken);
        Failures = failures.Count == 0 ? null : string.Join('\n', failures);
        RunId = run.Id;
    }
}
