using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Jobs.Background;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DistrictOps.Web.Modules.Rostering.DeliverRoster;

/// <summary>What the page's script reads while a delivery is being made: its step in the reader's language and how far along it is.</summary>
public sealed record DeliveryProgress(bool Finished, int Percent, string Step);

/// <summary>An app's deliveries, paged, with "Make a package now", each package's download while it is kept, and a running delivery's progress.</summary>
[Authorize(Policy = RosteringPermissions.Read)]
public sealed class IndexModel(
    DeliveryHandler handler, PermissionRegistry permissions, BackgroundJobs jobs, AppDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Without JavaScript the page reloads itself this often while a delivery is being made.</summary>
    public const int RefreshSeconds = 3;

    public DeliveriesView View { get; private set; } = null!;

    public BackgroundJobStatus? Job { get; private set; }

    public bool CanDeliver => permissions.Grants(User, RosteringPermissions.Deliver);

    public async Task<IActionResult> OnGetAsync(Guid id, int? page, CancellationToken cancellationToken) =>
        await ShowAsync(id, page, cancellationToken) ?? Page();

    private async Task<IActionResult?> ShowAsync(Guid id, int? page, CancellationToken cancellationToken)
    {
        var view = await handler.ListAsync(id, new PageRequest(page, 25), cancellationToken);
        if (!view.Succeeded)
        {
            return this.Refuse(view.Failure, prefix: "");
        }

        View = view.Value;
        Job = View.Running is { } running ? await JobOfAsync(running.Id, cancellationToken) : null;
        return null;
    }

    private async Task<BackgroundJobStatus?> JobOfAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        var input = System.Text.Json.JsonSerializer.Serialize(new DeliverRosterInput(deliveryId, View.AppId));
        var jobId = await db.Set<BackgroundJob>().Where(j => j.Kind == DeliveryHandler.JobKind && j.Input == input).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);
        return jobId is { } found ? await jobs.StatusAsync(db, found, cancellationToken) : null;
    }

    public async Task<IActionResult> OnPostMakeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanDeliver)
        {
            return Forbid();
        }

        var started = await handler.StartAsync(id, User.DisplayName(), cancellationToken);
        if (started.Succeeded)
        {
            return RedirectToPage(new { id });
        }

        return this.Refuse(started.Failure, prefix: "") ?? await ShowAsync(id, null, cancellationToken) ?? Page();
    }

    /// <summary>The page's script asks this while a delivery is being made.</summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ShowAsync(id, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        var step = Job?.Step is { } template ? localizer[template, Job.StepSubject ?? ""].Value : "";
        // A delivery the schedule runs has no job: the page waits for it without a bar of its own.
        return new JsonResult(new DeliveryProgress(View.Running is null || Job is { IsFinished: true }, Job?.Percent ?? 0, step));
    }

    public async Task<IActionResult> OnGetPackageAsync(Guid id, Guid delivery, CancellationToken cancellationToken)
    {
        if (!CanDeliver)
        {
            return Forbid();
        }

        var package = await handler.PackageAsync(id, delivery, cancellationToken);
        return package.Succeeded ? PhysicalFile(package.Value.Path, "application/zip", package.Value.Name) : NotFound();
    }
}
