using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Directory.ManageCalendar;

[Authorize(Policy = DirectoryPermissions.View)]
public sealed class IndexModel(CalendarEditor editor, CalendarImporter importer, PermissionRegistry permissions) : PageModel
{
    public CalendarView? View { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The handlers' refusals (ModelState) and the calendar file's errors, as one list.</summary>
    public IEnumerable<string> Errors => ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Concat(fileErrors);

    private readonly List<string> fileErrors = [];

    public bool CanEdit => permissions.Grants(User, DirectoryPermissions.Calendar);

    public async Task OnGetAsync(CancellationToken ct) => View = await editor.ViewAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(DateOnly? date, string? name, Guid? siteId, CancellationToken ct) =>
        await EditAsync(async () =>
        {
            var result = await editor.AddNoSchoolDayAsync(date, name, siteId, ct);
            Message = result.Succeeded ? $"{result.Value.Date:yyyy-MM-dd} is now a day without school." : null;
            return result.Failure;
        }, ct);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct) =>
        await EditAsync(async () =>
        {
            Message = await editor.RemoveNoSchoolDayAsync(id, ct) > 0 ? "The day was removed: it is a school day again." : null;
            return null;
        }, ct);

    public async Task<IActionResult> OnPostHoursAsync(Guid siteId, string? timeZone, TimeOnly? start, TimeOnly? end, CancellationToken ct) =>
        await EditAsync(async () =>
        {
            var result = await editor.SetSiteHoursAsync(siteId, timeZone, start, end, ct);
            Message = result.Succeeded ? "The site's hours were saved." : null;
            return result.Failure;
        }, ct);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? ics, CancellationToken ct) =>
        await EditAsync(async () =>
        {
            if (ics is null)
            {
                return Result.Invalid("ics", "Choose the .ics calendar file.");
            }

            await using var stream = ics.OpenReadStream();
            var outcome = await importer.RunAsync(ics.FileName, stream, apply: true, User.Identity?.Name ?? "", ct);
            fileErrors.AddRange(outcome.File.Errors.Select(e => e.ToString()));
            Message = outcome.File.Succeeded
                ? $"Calendar imported: {outcome.YearsAdded} year(s), {outcome.DaysAdded} day(s) without school and {outcome.SpecialAdded} minimum day(s) added; {outcome.DaysRemoved + outcome.YearsRemoved + outcome.SpecialRemoved} removed."
                : null;
            return null;
        }, ct);

    private async Task<IActionResult> EditAsync(Func<Task<Failure?>> edit, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (await edit() is { } failure && this.Refuse(failure, prefix: "") is { } answer)
        {
            return answer;
        }

        View = await editor.ViewAsync(ct);
        return Page();
    }
}
