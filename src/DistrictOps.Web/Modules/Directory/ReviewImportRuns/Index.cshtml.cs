using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Directory.ReviewImportRuns;

[Authorize(Policy = DirectoryPermissions.Import)]
public sealed class IndexModel(ImportRunsHandler handler) : PageModel
{
    public PagedResult<ImportAttemptRow> Runs { get; private set; } = new([], 0, 1, ImportRunsHandler.RunsPageSize);

    public static string OutcomeText(AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.Running => "Running",
        AttemptOutcome.Planned => "Planned",
        AttemptOutcome.Unchanged => "Nothing to change",
        AttemptOutcome.RefusedByGuard => "Refused by the guard",
        AttemptOutcome.Invalid => "Invalid",
        AttemptOutcome.Applied => "Applied",
        _ => "Failed",
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var read = ImportRunsHandler.ReadPage(Request.Query);
        if (read.Succeeded)
        {
            Runs = await handler.ListAttemptsAsync(read.Value, cancellationToken);
        }
        else
        {
            this.Refuse(read.Failure, prefix: "");
        }
    }
}
