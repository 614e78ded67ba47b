using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DistrictOps.Web.Modules.Directory.UploadImport;

/// <summary>What the page's script reads while the job runs: the step in the reader's language and how far along it is.</summary>
public sealed record AttemptStatus(AttemptOutcome Outcome, bool Finished, int Percent, string Step);

/// <summary>An import attempt: its progress while its job runs, then its plan to review and apply, or how it ended.</summary>
[Authorize(Policy = DirectoryPermissions.Import)]
public sealed class AttemptModel(UploadImportHandler handler, PermissionRegistry permissions, IStringLocalizer<SharedResource> localizer, TimeProvider time) : PageModel
{
    /// <summary>Without JavaScript the page reloads itself this often while the job runs.</summary>
    public const int RefreshSeconds = 3;

    public ImportAttemptView View { get; private set; } = null!;

    public UploadForms Forms => new(permissions.Grants(User, DirectoryPermissions.Calendar));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken) ?? Page();

    /// <summary>The page's script asks this while the job runs.</summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await handler.GetAsync(id, cancellationToken);
        if (!view.Succeeded)
        {
            return this.Refuse(view.Failure, prefix: "") ?? NotFound();
        }

        var job = view.Value.Job;
        var finished = view.Value.Outcome != AttemptOutcome.Running || job is null or { IsFinished: true };
        var step = job?.Step is { } template ? localizer[template, job.StepSubject ?? ""].Value : "";
        return new JsonResult(new AttemptStatus(view.Value.Outcome, finished, job?.Percent ?? 100, step));
    }

    public async Task<IActionResult> OnGetReportAsync(Guid id, string? format, CancellationToken cancellationToken)
    {
        var view = await handler.GetAsync(id, cancellationToken);
        if (!view.Succeeded)
        {
            return this.Refuse(view.Failure, prefix: "") ?? NotFound();
        }

        if (view.Value.Report is not { } report)
        {
            return NotFound();
        }

        var (content, type, name) = ConformanceReport.Download(report, format, time.GetUtcNow(), HttpContext.CspNonce());
        return File(content, type, name);
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid id, bool confirm, CancellationToken cancellationToken)
    {
        var started = await handler.ApplyAsync(id, confirm, User.Identity?.Name ?? "", cancellationToken);
        if (started.Succeeded)
        {
            return Redirect($"/directory/imports/attempts/{started.Value}");
        }

        if (this.Refuse(started.Failure, prefix: "") is { } answer)
        {
            return answer;
        }

        Response.StatusCode = started.Kind == OutcomeKind.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return await ShowAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await handler.GetAsync(id, cancellationToken);
        if (!view.Succeeded)
        {
            return this.Refuse(view.Failure, prefix: "");
        }

        View = view.Value;
        return null;
    }
}
